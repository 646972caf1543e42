#!/usr/bin/env bash
# test_data_dir.sh: end-to-end tests of --data DIR, with good and broken bank/profile folders.
# shellcheck source=tests/cli/lib.sh
. "$(dirname "$0")/lib.sh"

test_a_copy_of_the_source_data_loads_like_the_built_in_data() {
    data_copy data
    run cq roles --json
    cp "$OUT" builtin.json
    run cq --data data roles --json
    expect_status 0
    expect_stderr_empty
    expect_same_file builtin.json "$OUT"
}

test_missing_data_folder_cannot_be_opened() {
    run cq --data no-such-folder roles
    expect_status 66
    expect_stdout_empty
    expect_error_line
    expect_stderr_contains "no-such-folder"
}

test_missing_questions_folder_cannot_be_opened() {
    data_copy data
    rm -r data/questions
    run cq --data data roles
    expect_status 66
    expect_error_line
    expect_stderr_contains "data/questions"
}

test_truncated_profile_is_malformed_and_named() {
    data_copy data
    head -c 300 "$ROOT/profiles/ml-engineer.json" >data/profiles/ml-engineer.json
    run cq --data data roles
    expect_status 65
    expect_stdout_empty
    expect_error_line
    expect_stderr_matches 'data/profiles/ml-engineer\.json:[0-9]+:[0-9]+$'
}

test_duplicate_role_id_is_bad_data_naming_the_file() {
    data_copy data
    cp data/profiles/ml-engineer.json data/profiles/zz-copy.json
    run cq --data data roles
    expect_status 65
    expect_error_line
    expect_stderr_contains '"ml-engineer"'
    expect_stderr_contains "data/profiles/zz-copy.json"
}

test_profile_without_tips_is_bad_data_naming_the_file() {
    data_copy data
    jq '.tips = []' "$ROOT/profiles/data-scientist.json" >data/profiles/data-scientist.json
    run cq --data data roles
    expect_status 65
    expect_error_line
    expect_stderr_contains "data/profiles/data-scientist.json"
}

test_bank_with_a_malformed_question_is_bad_data_naming_the_file() {
    data_copy data
    jq '.questions[0].type = "essay"' "$ROOT/questions/bank.json" >data/questions/bank.json
    run cq --data data questions
    expect_status 65
    expect_error_line
    expect_stderr_contains "data/questions/bank.json"
}

test_empty_profiles_folder_is_bad_data() {
    data_copy data
    rm data/profiles/*.json
    run cq --data data roles
    expect_status 65
    expect_error_line
}

test_truncated_question_file_is_malformed_and_named() {
    data_copy data
    head -c 500 "$ROOT/questions/bank.json" >data/questions/bank.json
    run cq --data data questions
    expect_status 65
    expect_stdout_empty
    expect_error_line
    expect_stderr_matches 'data/questions/bank\.json:[0-9]+:[0-9]+$'
}

test_nul_escape_in_the_bank_is_bad_data_naming_the_file_and_place() {
    data_copy data
    sed '0,/"text": "/s//"text": "\\u0000/' "$ROOT/questions/bank.json" >data/questions/bank.json
    run cq --data data questions
    expect_status 65
    expect_error_line
    expect_stderr_contains '\u0000 (a NUL character)'
    expect_stderr_matches 'data/questions/bank\.json:[0-9]+:[0-9]+$'
}

test_weight_of_1e999_in_the_bank_is_out_of_range_naming_the_file() {
    data_copy data
    sed '0,/"weight": [0-9.]*/s//"weight": 1e999/' "$ROOT/questions/bank.json" >data/questions/bank.json
    run cq --data data questions
    expect_status 65
    expect_error_line
    expect_stderr_contains "number 1e999 is out of range"
    expect_stderr_contains "data/questions/bank.json:"
}

test_invalid_utf8_in_a_profile_is_bad_data_naming_the_file() {
    data_copy data
    sed '0,/"title": "/s//"title": "\xc0\xaf/' "$ROOT/profiles/ml-scientist.json" \
        >data/profiles/ml-scientist.json
    run cq --data data roles
    expect_status 65
    expect_error_line
    expect_stderr_contains "invalid UTF-8 (byte 0xc0)"
    expect_stderr_contains "data/profiles/ml-scientist.json:"
}

test_duplicate_key_in_a_profile_is_named_with_its_place() {
    data_copy data
    sed '0,/"title": /s//"title": "Twice", "title": /' "$ROOT/profiles/ml-engineer.json" \
        >data/profiles/ml-engineer.json
    run cq --data data roles
    expect_status 65
    expect_error_line
    expect_stderr_contains 'duplicate key "title"'
    expect_stderr_matches 'data/profiles/ml-engineer\.json:[0-9]+:[0-9]+$'
}

test_profile_nested_too_deep_is_refused_naming_the_file() {
    data_copy data
    { printf '{"deep": '; head -c 100000 /dev/zero | tr '\0' '['; } >data/profiles/deep.json
    run cq --data data roles
    expect_status 65
    expect_error_line
    expect_stderr_contains "nest deeper than 32 levels: data/profiles/deep.json:1:"
}

test_profile_over_the_size_limit_is_refused_naming_the_file() {
    data_copy data
    { cat "$ROOT/profiles/ml-engineer.json"; head -c 1100000 /dev/zero | tr '\0' ' '; } \
        >data/profiles/ml-engineer.json
    run cq --data data roles
    expect_status 65
    expect_error_line
    expect_stderr_contains "larger than 1048576 bytes: data/profiles/ml-engineer.json"
}

test_help_works_even_when_the_data_is_broken() {
    mkdir -p data/questions data/profiles
    echo '{' >data/questions/bank.json
    run cq --data data --help
    expect_status 0
    expect_stdout_contains "usage: careerquiz"
}

test_a_fifo_in_the_data_folder_is_refused_instead_of_waited_for() {
    data_copy data
    mkfifo data/questions/x.json
    # open() of a FIFO waits for a writer: it used to hang for ever.
    STATUS=0
    # shellcheck disable=SC2086 # the wrapper is a command line on purpose
    timeout 20 $CQ_WRAPPER "$CAREERQUIZ" --data data roles >"$OUT" 2>"$ERR" </dev/null || STATUS=$?
    [ "$STATUS" -ne 124 ] || fail "careerquiz hung on a FIFO in the data folder"
    expect_status 66
    expect_stderr_contains "not a regular file"
    expect_stderr_contains "data/questions/x.json"
}

run_tests
