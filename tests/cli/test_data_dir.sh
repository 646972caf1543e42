#!/usr/bin/env bash
# test_data_dir.sh: end-to-end tests of --data DIR, with good and broken bank/profile folders.
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

test_help_works_even_when_the_data_is_broken() {
    mkdir -p data/questions data/profiles
    echo '{' >data/questions/bank.json
    run cq --data data --help
    expect_status 0
    expect_stdout_contains "usage: careerquiz"
}

run_tests
