#!/usr/bin/env bash
# test_hostile.sh: hostile answers files never crash, hang or pass: exit 65 or 66, with a message.
#
# tests/hostile/*.json is the corpus: malformed, truncated, deeply nested, huge or non-finite
# numbers, \u0000, invalid UTF-8, the wrong type for each question type, trailing garbage.
# tests/hostile/odd/ holds files that are valid in shape but odd (an empty multi-choice
# answer, a repeated option, nothing answered): each gets a result or a clear error. The big
# inputs (100,000 brackets, a 64 MB key) are made here, at test time. The fuzz target
# replays (build/tests/test_fuzz_answers) run the same corpus through the engine alone.
# shellcheck source=tests/cli/lib.sh
. "$(dirname "$0")/lib.sh"

HOSTILE=$ROOT/tests/hostile
# A hostile input must be refused quickly; under valgrind everything is slower.
LIMIT=${CQ_HOSTILE_TIMEOUT:-60}

# refused NAME ARGS...: runs careerquiz ARGS; it must exit 65 or 66 with one house-style error
# line that names NAME, print nothing on stdout, and finish within the time limit.
refused() {
    local name=$1
    shift
    # shellcheck disable=SC2086 # the wrapper is a command line on purpose
    run timeout -k 5 "$LIMIT" $CQ_WRAPPER "$CAREERQUIZ" "$@"
    case "$STATUS" in
    65 | 66) ;;
    *)
        fail "$name: exit status $STATUS, expected 65 or 66"
        show "$ERR"
        return
        ;;
    esac
    expect_stdout_empty
    expect_error_line
    [ "$(wc -l <"$ERR")" -eq 1 ] || {
        fail "$name: more than one line on stderr"
        show "$ERR"
    }
    grep -qF -- "$name" "$ERR" || fail "$name: the error does not name the file"
}

test_the_corpus_is_there() {
    local n
    n=$(find "$HOSTILE" -maxdepth 1 -name '*.json' | wc -l)
    [ "$n" -ge 90 ] || fail "only $n hostile files in tests/hostile"
}

# representatives: the first file of each kind (the part of the name before the first "-").
representatives() {
    local f kind seen=" "
    for f in "$HOSTILE"/*.json; do
        kind=$(basename "$f" .json)
        kind=${kind%%-*}
        case "$seen" in *" $kind "*) continue ;; esac
        seen="$seen$kind "
        echo "$f"
    done
}

# corpus: every hostile file; under valgrind, where each run takes a second or more, one of
# each kind (the sanitized and the plain runs still take them all).
corpus() {
    if [ -n "$CQ_WRAPPER" ]; then
        representatives
    else
        printf '%s\n' "$HOSTILE"/*.json
    fi
}

test_every_hostile_file_is_refused_by_score_with_a_message() {
    local f files
    mapfile -t files < <(corpus)
    for f in "${files[@]}"; do
        cp "$f" .
        refused "$(basename "$f")" score "$(basename "$f")"
    done
}

test_hostile_files_are_refused_by_take_resume_with_a_message() {
    # take --resume reads its file the way score does; one file of each kind shows it.
    local f files
    mapfile -t files < <(representatives)
    for f in "${files[@]}"; do
        cp "$f" .
        refused "$(basename "$f")" take --resume "$(basename "$f")"
    done
}

test_a_hundred_thousand_nested_brackets_are_refused_at_the_depth_limit() {
    { head -c 100000 /dev/zero | tr '\0' '['; head -c 100000 /dev/zero | tr '\0' ']'; } >deep.json
    refused deep.json score deep.json
    expect_stderr_contains "arrays and objects nest deeper than 32 levels: deep.json:1:33"
}

test_a_hundred_thousand_unclosed_brackets_are_refused_at_the_depth_limit() {
    head -c 100000 /dev/zero | tr '\0' '{' >open.json
    refused open.json score open.json
    expect_stderr_contains "open.json:1:"
}

# key64mb: a 64 MB key in an otherwise well-formed answers file, on stdout.
key64mb() {
    printf '{"version": 1, "answers": {"'
    head -c $((64 * 1024 * 1024)) /dev/zero | tr '\0' k
    printf '": "phd"}}\n'
}

test_a_64_mb_key_in_a_file_is_refused_at_the_size_limit() {
    key64mb >big.json
    refused big.json score big.json
    expect_stderr_contains "larger than"
    rm -f big.json
}

test_a_64_mb_key_on_standard_input_is_refused_without_reading_it_all() {
    # The writer gets SIGPIPE once careerquiz stops reading; only careerquiz's status counts.
    refused "<stdin>" score - < <(key64mb)
    expect_stderr_contains "larger than"
}

test_400_digit_numbers_and_1e999_are_out_of_range_where_they_stand() {
    cp "$HOSTILE/number-400-digits.json" "$HOSTILE/number-1e999.json" .
    refused number-400-digits.json score number-400-digits.json
    expect_stderr_contains "is out of range (numbers must be below 1e308): number-400-digits.json:1:42"
    refused number-1e999.json score number-1e999.json
    expect_stderr_contains "number 1e999 is out of range"
}

test_a_nul_escape_and_invalid_utf8_are_named_where_they_stand() {
    cp "$HOSTILE/string-nul-escape.json" "$HOSTILE/utf8-latin1-text.json" .
    refused string-nul-escape.json score string-nul-escape.json
    expect_stderr_contains '\u0000 (a NUL character)'
    expect_stderr_contains "string-nul-escape.json:1:44"
    refused utf8-latin1-text.json score utf8-latin1-text.json
    expect_stderr_contains "invalid UTF-8 (byte 0xe9)"
}

# ---- valid in shape, but odd --------------------------------------------------------------

test_odd_answers_get_a_result_or_a_clear_error() {
    local f
    for f in "$HOSTILE"/odd/*.json; do
        # shellcheck disable=SC2086
        run timeout -k 5 "$LIMIT" $CQ_WRAPPER "$CAREERQUIZ" score "$f"
        case "$STATUS" in
        0) grep -q '^Ranking' "$OUT" || fail "$(basename "$f"): exit 0 without a ranking" ;;
        65) expect_error_line ;;
        *) fail "$(basename "$f"): exit status $STATUS, expected 0 or 65" ;;
        esac
    done
}

test_an_empty_multi_choice_answer_is_an_error_naming_the_question() {
    run cq score "$HOSTILE/odd/empty-multi-choice.json"
    expect_status 65
    expect_stderr_contains 'question "languages" needs at least one option'
}

test_a_repeated_option_is_an_error_naming_the_option() {
    run cq score "$HOSTILE/odd/repeated-option.json"
    expect_status 65
    expect_stderr_contains 'option "python" is listed twice'
}

test_ids_written_with_escapes_are_the_same_ids() {
    run cq score "$HOSTILE/odd/escaped-ids.json" --json
    expect_status 0
    expect_jq '.ranking | length == 7'
}

run_tests
