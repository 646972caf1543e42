#!/usr/bin/env bash
# test_errors.sh: end-to-end tests of usage errors and bad answers files: exit codes, messages.
# shellcheck source=tests/cli/lib.sh
. "$(dirname "$0")/lib.sh"

# answers JSON-OBJECT-BODY: writes answers.json with the given "answers" members.
answers() {
    printf '{"version": 1, "answers": {%s}}\n' "$1" >answers.json
}

# ---- usage errors (64) ----------------------------------------------------------------------

test_unknown_flag_is_a_usage_error_naming_it() {
    run cq --frobnicate roles
    expect_status 64
    expect_stdout_empty
    expect_error_line
    expect_stderr_contains 'unknown option "--frobnicate"'
}

test_unknown_short_flag_is_a_usage_error_naming_it() {
    run cq roles -x
    expect_status 64
    expect_error_line
    expect_stderr_contains 'unknown option "-x"'
}

test_flag_given_a_value_it_does_not_take_is_a_usage_error() {
    run cq --json=yes roles
    expect_status 64
    expect_error_line
    expect_stderr_contains "option --json takes no value"
}

test_bad_format_is_a_usage_error_naming_it() {
    run cq --format xml roles
    expect_status 64
    expect_stdout_empty
    expect_error_line
    expect_stderr_contains 'unknown format "xml"'
}

test_missing_option_value_is_a_usage_error() {
    run cq roles --data
    expect_status 64
    expect_error_line
    expect_stderr_contains "option --data needs a value"
}

test_unknown_command_is_a_usage_error_naming_it() {
    run cq frobnicate
    expect_status 64
    expect_stdout_empty
    expect_error_line
    expect_stderr_contains 'unknown command "frobnicate"'
}

test_missing_argument_is_a_usage_error() {
    run cq score
    expect_status 64
    expect_error_line
    expect_stderr_contains "score needs FILE|-"
    run cq role
    expect_status 64
    expect_stderr_contains "role needs ID"
}

test_extra_argument_is_a_usage_error_naming_it() {
    run cq roles surplus
    expect_status 64
    expect_error_line
    expect_stderr_contains 'unexpected argument "surplus" for roles'
    run cq score a.json b.json
    expect_status 64
    expect_stderr_contains 'unexpected argument "b.json" for score'
}

test_double_dash_ends_the_options() {
    run cq role -- --json
    expect_status 64
    expect_stderr_contains 'unknown role "--json"'
}

# ---- bad answers (65) and unreadable input (66) -----------------------------------------------

test_malformed_json_names_the_file_line_and_column() {
    printf '{\n  "version": 1,\n  "answers": {"education": }\n}\n' >broken.json
    run cq score broken.json
    expect_status 65
    expect_stdout_empty
    expect_error_line
    expect_stderr_matches '^careerquiz: .*: broken\.json:3:[0-9]+$'
}

test_malformed_json_on_stdin_is_named_stdin() {
    run cq score - <<<'{"version": 1, "answers": ['
    expect_status 65
    expect_error_line
    expect_stderr_matches '<stdin>:[0-9]+:[0-9]+$'
}

test_trailing_garbage_after_the_document_is_malformed() {
    printf '{"version": 1, "answers": {"education": "phd"}} extra\n' >trailing.json
    run cq score trailing.json
    expect_status 65
    expect_stderr_contains "trailing.json:1:"
}

test_unknown_question_names_its_id() {
    answers '"education": "phd", "gpu-count": 3'
    run cq score answers.json
    expect_status 65
    expect_stdout_empty
    expect_error_line
    expect_stderr_contains '"gpu-count"'
    expect_stderr_contains "answers.json"
}

test_unknown_option_names_the_option_and_question() {
    answers '"languages": ["python", "cobol"]'
    run cq score answers.json
    expect_status 65
    expect_error_line
    expect_stderr_contains '"cobol"'
    expect_stderr_contains '"languages"'
    expect_stderr_contains "answers.json"
}

test_wrong_answer_type_names_the_question() {
    answers '"education": 3'
    run cq score answers.json
    expect_status 65
    expect_error_line
    expect_stderr_contains '"education"'
    answers '"languages": "python"'
    run cq score answers.json
    expect_status 65
    expect_stderr_contains '"languages"'
    answers '"statistics": "high"'
    run cq score answers.json
    expect_status 65
    expect_stderr_contains '"statistics"'
}

test_out_of_range_scale_names_the_question() {
    answers '"statistics": 9'
    run cq score answers.json
    expect_status 65
    expect_error_line
    expect_stderr_contains '"statistics"'
    answers '"statistics": 0'
    run cq score answers.json
    expect_status 65
    expect_stderr_contains '"statistics"'
}

test_answers_with_nothing_to_score_are_bad_data() {
    answers ''
    run cq score answers.json
    expect_status 65
    expect_stdout_empty
    expect_error_line
}

test_answers_that_are_not_an_object_are_bad_data() {
    echo '[1, 2, 3]' >answers.json
    run cq score answers.json
    expect_status 65
    expect_error_line
    expect_stderr_contains "answers.json"
}

test_oversized_answers_file_is_refused() {
    { printf '{"version": 1, "answers": {"education": "phd"}}'; head -c 1100000 /dev/zero |
        tr '\0' ' '; } >big.json
    run cq score big.json
    expect_status 65
    expect_error_line
    expect_stderr_contains "big.json"
}

test_missing_answers_file_cannot_be_opened() {
    run cq score does-not-exist.json
    expect_status 66
    expect_stdout_empty
    expect_error_line
    expect_stderr_contains "no such file or directory"
    expect_stderr_contains "does-not-exist.json"
}

test_folder_given_as_answers_file_cannot_be_opened() {
    mkdir folder.json
    run cq score folder.json
    expect_status 66
    expect_error_line
    expect_stderr_contains "folder.json"
}

run_tests
