#!/usr/bin/env bash
# test_batch.sh: end-to-end tests of batch: JSON Lines in, one result line out per good line.
# shellcheck source=tests/cli/lib.sh
. "$(dirname "$0")/lib.sh"

# shellcheck source=tests/cli/results_lib.sh
. "$(dirname "$0")/results_lib.sh"

test_batch_scores_every_good_line_and_names_the_bad_ones() {
    persona_lines 150 37 90 >in.jsonl
    run cq batch in.jsonl
    expect_status 65
    [ "$(wc -l <"$OUT")" -eq 148 ] || fail "expected 148 result lines, got $(wc -l <"$OUT")"
    expect_stderr_contains 'careerquiz: line 37: unknown question "no-such-question": in.jsonl'
    expect_stderr_matches '^careerquiz: line 90: .*: in.jsonl$'
    [ "$(wc -l <"$ERR")" -eq 2 ] || fail "expected two error lines"
    expect_error_line
}

test_batch_writes_results_in_input_order_with_their_line_numbers() {
    persona_lines 12 5 >in.jsonl
    run cq batch in.jsonl
    expect_status 65
    [ "$(jq -s -c '[.[].line]' "$OUT")" = "[1,2,3,4,6,7,8,9,10,11,12]" ] ||
        fail "line numbers: $(jq -s -c '[.[].line]' "$OUT")"
}

test_batch_results_match_score_json_line_by_line() {
    local f n=0
    for f in "${PERSONAS[@]}" "$ROOT/docs/examples/answers.json"; do
        jq -c . "$f"
    done >in.jsonl
    run cq batch in.jsonl
    expect_status 0
    expect_stderr_empty
    for f in "${PERSONAS[@]}" "$ROOT/docs/examples/answers.json"; do
        n=$((n + 1))
        [ "$(sed -n "${n}p" "$OUT" | jq -c '[.recommendation, .ranking, .margin, .close_call,
            .close_to_top]')" = "$(cq score --json "$f" | jq -c '[(.recommendation | del(.summary)),
            .ranking, .margin, .close_call, .close_to_top]')" ] ||
            fail "line $n differs from score --json $(basename "$f")"
    done
}

test_batch_writes_each_result_on_one_compact_line() {
    persona_lines 3 >in.jsonl
    run cq batch in.jsonl
    expect_status 0
    [ "$(wc -l <"$OUT")" -eq 3 ] || fail "expected 3 lines"
    jq -c . "$OUT" | cmp -s - "$OUT" || fail "output is not compact JSON, one object a line"
}

test_batch_skips_blank_lines_and_counts_them_in_line_numbers() {
    { persona_lines 1; echo; printf ' \t\r\n'; persona_lines 1; } >in.jsonl
    run cq batch in.jsonl
    expect_status 0
    expect_stderr_empty
    [ "$(jq -s -c '[.[].line]' "$OUT")" = "[1,4]" ] || fail "expected lines 1 and 4"
}

test_batch_accepts_crlf_line_ends_and_a_last_line_without_newline() {
    persona_lines 2 | sed 's/$/\r/' >in.jsonl
    persona_lines 1 | tr -d '\n' >>in.jsonl
    run cq batch in.jsonl
    expect_status 0
    expect_stderr_empty
    [ "$(wc -l <"$OUT")" -eq 3 ] || fail "expected 3 results"
}

test_batch_reports_an_over_long_line_and_scores_the_lines_around_it() {
    { persona_lines 1
        printf '{"answers": {}, "padding": "'
        head -c 1100000 /dev/zero | tr '\0' x
        printf '"}\n'
        persona_lines 1; } >in.jsonl
    run cq batch in.jsonl
    expect_status 65
    expect_stderr_contains "careerquiz: line 2: answers larger than the 1048576-byte limit: in.jsonl"
    [ "$(jq -s -c '[.[].line]' "$OUT")" = "[1,3]" ] || fail "expected lines 1 and 3 scored"
}

test_batch_reads_standard_input_as_dash() {
    persona_lines 4 >in.jsonl
    run cq batch - <in.jsonl
    expect_status 0
    [ "$(wc -l <"$OUT")" -eq 4 ] || fail "expected 4 results from stdin"
    persona_lines 1 | sed 's/^/x/' >bad.jsonl
    run cq batch - <bad.jsonl
    expect_status 65
    expect_stderr_matches '^careerquiz: line 1: .*: <stdin>$'
}

test_batch_of_empty_input_writes_nothing_and_succeeds() {
    : >empty.jsonl
    run cq batch empty.jsonl
    expect_status 0
    expect_stdout_empty
    expect_stderr_empty
}

test_batch_of_a_missing_file_cannot_open_input() {
    run cq batch nowhere.jsonl
    expect_status 66
    expect_stderr_matches '^careerquiz: cannot open answers file \(.*\): nowhere.jsonl$'
    run cq batch
    expect_status 64
}

test_batch_line_with_nothing_scorable_is_a_bad_line() {
    { echo '{"answers": {}}'; persona_lines 1; } >in.jsonl
    run cq batch in.jsonl
    expect_status 65
    expect_stderr_matches '^careerquiz: line 1: .*: in.jsonl$'
    [ "$(wc -l <"$OUT")" -eq 1 ] || fail "expected line 2 scored"
}

test_batch_with_education_filter_lists_the_roles_set_apart() {
    jq -c . "$ROOT/tests/personas/data-scientist.json" >in.jsonl
    run cq batch --education-filter in.jsonl
    expect_status 0
    expect_jq 'has("education_filtered")'
    [ "$(jq -c '[.ranking, .education_filtered]' "$OUT")" = "$(cq score --json \
        --education-filter "$ROOT/tests/personas/data-scientist.json" |
        jq -c '[.ranking, .education_filtered]')" ] || fail "differs from score --education-filter"
}

test_batch_rejects_report_and_table_formats() {
    persona_lines 1 >in.jsonl
    run cq batch --format html in.jsonl
    expect_status 64
    run cq batch --format csv in.jsonl
    expect_status 64
    expect_stderr_contains "batch does not take --format"
}

test_batch_with_db_stores_each_scored_line_once() {
    persona_lines 150 37 90 >in.jsonl
    run cq batch in.jsonl --db results.db --event "fair 2026"
    expect_status 65
    [ "$(sql results.db 'SELECT count(*) FROM results')" = 148 ] || fail "expected 148 rows"
    [ "$(sql results.db 'SELECT count(*) FROM scores')" = $((148 * 7)) ] ||
        fail "expected 7 scores per result"
    [ "$(sql results.db "SELECT count(*) FROM results WHERE event = 'fair 2026'")" = 148 ] ||
        fail "the event label is not stored"
    [ "$(sql results.db "SELECT group_concat(recommended, ' ') FROM (SELECT recommended FROM
        results ORDER BY id)")" = "$(jq -r .recommendation.id "$OUT" | paste -sd ' ')" ] ||
        fail "stored recommendations differ from the printed ones"
    expect_db_ok results.db
}

test_batch_stores_answers_without_names_or_other_keys() {
    jq -c '. + {"who": "Alice Example", "email": "alice@example.org"}' \
        "$ROOT/tests/personas/ml-engineer.json" >in.jsonl
    run cq batch in.jsonl --db results.db
    expect_status 0
    [ "$(sql results.db "SELECT count(*) FROM results WHERE answers LIKE '%Alice%' OR answers LIKE
        '%alice@%'")" = 0 ] || fail "free text about the person was stored"
    [ "$(sql results.db 'SELECT json_extract(answers, "$.answers.education") FROM results')" = \
        "$(jq -r .answers.education "$ROOT/tests/personas/ml-engineer.json")" ] ||
        fail "the answers were not stored"
}

test_batch_stopped_by_a_signal_keeps_the_results_it_printed() {
    local pid i
    mkfifo feed
    # Not through cq(): the signal must reach careerquiz, not a subshell around it.
    # shellcheck disable=SC2086 # the wrapper is a command line on purpose
    $CQ_WRAPPER "$CAREERQUIZ" batch - --db results.db <feed >out.jsonl 2>err.txt &
    pid=$!
    exec 3>feed
    persona_lines 5 >&3
    for ((i = 0; i < 100; i++)); do
        [ "$(wc -l <out.jsonl)" -ge 5 ] && break
        sleep 0.1
    done
    kill -TERM "$pid"
    wait "$pid"
    STATUS=$?
    exec 3>&-
    [ "$STATUS" -eq 143 ] || fail "expected death by SIGTERM (143), got $STATUS"
    [ "$(wc -l <out.jsonl)" -eq 5 ] || fail "expected 5 results printed before the signal"
    [ "$(sql results.db 'SELECT count(*) FROM results')" = 5 ] ||
        fail "the rows scored before the signal were not committed"
    grep -q "stopped by a signal after line 5" err.txt || fail "no message about the stop"
    expect_db_ok results.db
}

run_tests
