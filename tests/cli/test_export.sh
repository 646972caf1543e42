#!/usr/bin/env bash
# test_export.sh: end-to-end tests of export: CSV (RFC 4180) and JSON Lines, one row per result.
# shellcheck source=tests/cli/lib.sh
. "$(dirname "$0")/lib.sh"
# shellcheck source=tests/cli/results_lib.sh
. "$(dirname "$0")/results_lib.sh"

# csv_query CSV SQL: loads CSV (header row first) into table t with the sqlite3 shell, whose
# reader follows RFC 4180, and prints what SQL selects from it.
csv_query() {
    sqlite3 -batch :memory: ".import --csv $1 t" "$2"
}

test_export_csv_has_a_header_and_one_row_per_result() {
    persona_lines 150 37 90 >in.jsonl
    cq batch in.jsonl --db results.db >/dev/null 2>&1
    run cq export --db results.db
    expect_status 0
    expect_stderr_empty
    [ "$(csv_query "$OUT" 'SELECT count(*) FROM t')" = 148 ] || fail "expected 148 rows"
    [ "$(grep -c $'\r$' "$OUT")" -eq 149 ] || fail "expected 149 CRLF records (148 plus header)"
    [ "$(head -n 1 "$OUT")" = $'id,taken_at,event,bank_version,bank_digest,recommended,margin,close_call,answers,score:data-science-engineer,score:data-scientist,score:lead-ml-engineer,score:ml-engineer,score:ml-scientist,score:ml-software-engineer,score:research-scientist\r' ] ||
        fail "unexpected header: $(head -n 1 "$OUT")"
}

# The example's margin and ml-engineer score, as score gives them: the database must keep them.
example_figures() {
    "$CAREERQUIZ" score --json "$ROOT/docs/examples/answers.json" |
        jq -r '"\(.margin)|\(.ranking[] | select(.id == "ml-engineer") | .score)"'
}

test_export_csv_matches_the_hand_worked_workshop() {
    local margin score
    IFS='|' read -r margin score <<<"$(example_figures)"
    cq batch "$WORKSHOP" --db results.db --event "fair, 2026" >/dev/null
    run cq export --db results.db
    expect_status 0
    [ "$(csv_query "$OUT" "SELECT group_concat(recommended, ' ') FROM t")" = \
        "data-scientist data-scientist research-scientist ml-engineer" ] ||
        fail "recommended column: $(csv_query "$OUT" "SELECT group_concat(recommended, ' ') FROM t")"
    [ "$(csv_query "$OUT" "SELECT margin, close_call FROM t WHERE id = '4'")" = "$margin|1" ] ||
        fail "the example's margin and close call are not $margin and 1"
    [ "$(csv_query "$OUT" "SELECT \"score:ml-engineer\" FROM t WHERE id = '4'")" = "$score" ] ||
        fail "the example's ml-engineer score is not $score"
    [ "$(csv_query "$OUT" "SELECT count(*) FROM t WHERE event = 'fair, 2026'")" = 4 ] ||
        fail "the event with a comma did not come back whole"
    [ "$(csv_query "$OUT" "SELECT json_extract(answers, '$.answers.education') FROM t WHERE
        id = '3'")" = phd ] || fail "the answers column is not the answers document"
}

test_export_csv_quotes_commas_quotes_and_newlines() {
    cq batch "$WORKSHOP" --db results.db --event 'say "hi", then go' >/dev/null
    sql results.db "UPDATE results SET event = 'two' || char(10) || 'lines' WHERE id = 2"
    sql results.db "UPDATE results SET event = 'cr' || char(13) || 'only' WHERE id = 3"
    run cq export --db results.db
    expect_status 0
    expect_stdout_contains '"say ""hi"", then go"'
    expect_stdout_contains '"{""version"":1,'
    [ "$(csv_query "$OUT" "SELECT event FROM t WHERE id = '2'")" = $'two\nlines' ] ||
        fail "the event with a newline did not come back whole"
    # A carriage return inside a value is shown, not written: only newlines and tabs pass raw
    # (test_hostile_bytes.sh).
    [ "$(csv_query "$OUT" "SELECT event FROM t WHERE id = '3'")" = 'cr\ronly' ] ||
        fail "the event with a carriage return is not shown as cr\\ronly"
    [ "$(csv_query "$OUT" "SELECT event FROM t WHERE id = '1'")" = 'say "hi", then go' ] ||
        fail "the event with quotes did not come back whole"
    [ "$(csv_query "$OUT" 'SELECT count(*) FROM t')" = 4 ] || fail "quoting broke the rows"
}

test_export_jsonl_has_one_object_per_result_with_answers_and_scores() {
    cq batch "$WORKSHOP" --db results.db >/dev/null
    run cq export --db results.db --format jsonl
    expect_status 0
    [ "$(wc -l <"$OUT")" -eq 4 ] || fail "expected 4 lines"
    [ "$(jq -c '[.id, .recommended, .close_call, .event]' "$OUT" | paste -sd ' ')" = \
        '[1,"data-scientist",false,null] [2,"data-scientist",false,null] [3,"research-scientist",false,null] [4,"ml-engineer",true,null]' ] ||
        fail "rows: $(jq -c '[.id, .recommended, .close_call, .event]' "$OUT")"
    local margin score
    IFS='|' read -r margin score <<<"$(example_figures)"
    expect_jq -s ".[3].scores[\"ml-engineer\"] == $score and .[3].margin == $margin"
    expect_jq -s '.[2].answers.answers.education == "phd"'
    expect_jq -s 'all(.[]; (.scores | length) == 7 and (.taken_at | test("^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z$")))'
}

# SQLite keeps 1e999 as infinity (another program, or a pending file, can write one); JSON has no
# such number, so JSON Lines says null and CSV leaves the cell empty, and both stay readable.
test_export_writes_an_infinite_number_as_null_or_an_empty_cell() {
    cq batch "$WORKSHOP" --db results.db >/dev/null
    sqlite3 results.db "UPDATE results SET margin = 1e999 WHERE id = 1" \
        "UPDATE scores SET score = -1e999 WHERE result_id = 1 AND role = 'ml-engineer'"
    run cq export --db results.db --format jsonl
    expect_status 0
    expect_jq -s '.[0].margin == null and .[0].scores["ml-engineer"] == null and .[1].margin != null'
    run cq export --db results.db
    expect_status 0
    [ "$(csv_query "$OUT" "SELECT margin || '|' || \"score:ml-engineer\" FROM t WHERE id = '1'")" = '|' ] ||
        fail "expected empty cells: $(sed -n 2p "$OUT")"
}

test_export_selects_rows_by_event() {
    cq batch "$WORKSHOP" --db results.db --event a >/dev/null
    persona_lines 3 >in.jsonl
    cq batch in.jsonl --db results.db --event b >/dev/null
    run cq export --db results.db --event b --format jsonl
    expect_status 0
    [ "$(wc -l <"$OUT")" -eq 3 ] || fail "expected the 3 rows of event b"
    expect_jq -s 'all(.[]; .event == "b")'
}

test_export_of_an_empty_database_is_the_header_alone() {
    : >empty.jsonl
    cq batch empty.jsonl --db results.db
    run cq export --db results.db
    expect_status 0
    [ "$(wc -l <"$OUT")" -eq 1 ] || fail "expected the header row only"
}

test_export_writes_csv_or_jsonl_only() {
    cq batch "$WORKSHOP" --db results.db >/dev/null
    run cq export --db results.db --json
    expect_status 64
    expect_stderr_contains "export writes csv or jsonl, not json (use --format jsonl)"
    run cq export --db results.db --format html
    expect_status 64
    run cq stats --db results.db --format jsonl
    expect_status 64
    expect_stderr_contains "stats has no jsonl output"
}

run_tests
