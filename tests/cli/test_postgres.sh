#!/usr/bin/env bash
# test_postgres.sh: the results store on a PostgreSQL server (--db postgresql://...): a
# throw-away server is made for these tests (initdb into a temporary folder as the postgres
# user, pg_ctl on a free port of 127.0.0.1) and stopped at the end. Without PostgreSQL, or in a
# build without libpq, the tests say SKIP.
# shellcheck source=tests/cli/lib.sh
. "$(dirname "$0")/lib.sh"
# shellcheck source=tests/cli/tmux_lib.sh
. "$(dirname "$0")/tmux_lib.sh"
# shellcheck source=tests/cli/results_lib.sh
. "$(dirname "$0")/results_lib.sh"
# shellcheck source=tests/cli/serve_lib.sh
. "$(dirname "$0")/serve_lib.sh"
# shellcheck source=tests/cli/pg_lib.sh
. "$(dirname "$0")/pg_lib.sh"

# A database name of this test's own, from its folder.
db_name() {
    echo "cq_$(basename "$TESTDIR" | tr -c 'a-zA-Z0-9\n' _)"
}

# pg_ready: false (with the test marked SKIP) when there is no server.
pg_ready() {
    if [ -n "$PG_SKIP" ]; then
        skip "$PG_SKIP"
        return 1
    fi
}

test_four_concurrent_batch_writers_store_every_row() {
    pg_ready || return 0
    local uri pids=() i
    uri=$(new_db "$(db_name)")
    for i in 1 2 3 4; do
        persona_lines 500 >"in$i.jsonl"
    done
    for i in 1 2 3 4; do
        cq batch "in$i.jsonl" --db "$uri" --event "writer$i" >"out$i.jsonl" 2>"err$i" &
        pids+=($!)
    done
    for i in 1 2 3 4; do
        wait "${pids[$((i - 1))]}" || fail "writer $i failed: $(head -3 "err$i")"
        [ "$(wc -l <"out$i.jsonl")" = 500 ] || fail "writer $i wrote $(wc -l <"out$i.jsonl") results"
    done
    [ "$(psql_as -d "$(db_name)" -c 'SELECT count(*) FROM results')" = 2000 ] ||
        fail "not 2000 results stored"
    [ "$(psql_as -d "$(db_name)" -c 'SELECT count(DISTINCT event) FROM results')" = 4 ] ||
        fail "not 4 events"
    [ "$(psql_as -d "$(db_name)" -c 'SELECT count(*) FROM results AS r WHERE NOT EXISTS (
        SELECT 1 FROM scores AS s WHERE s.result_id = r.id)')" = 0 ] ||
        fail "a result without scores"
    run cq stats --db "$uri" --json
    expect_status 0
    expect_jq '.total == 2000'
}

test_stats_on_postgres_equal_stats_on_sqlite_for_the_same_lines() {
    pg_ready || return 0
    local uri
    uri=$(new_db "$(db_name)")
    persona_lines 300 >in.jsonl
    cq batch in.jsonl --db "$uri" --event fair >/dev/null || fail "batch into PostgreSQL failed"
    cq batch in.jsonl --db results.db --event fair >/dev/null || fail "batch into SQLite failed"
    cq batch "$WORKSHOP" --db "$uri" >/dev/null || fail "batch of the workshop failed"
    cq batch "$WORKSHOP" --db results.db >/dev/null || fail "batch of the workshop failed"
    for args in "--json" "--json --event fair" "--format csv" ""; do
        # shellcheck disable=SC2086 # the options are words on purpose
        cq stats --db "$uri" $args >pg.out 2>pg.err || fail "stats $args on PostgreSQL failed"
        # shellcheck disable=SC2086
        cq stats --db results.db $args >sqlite.out || fail "stats $args on SQLite failed"
        cmp -s pg.out sqlite.out || {
            fail "stats $args differ between PostgreSQL and SQLite"
            diff pg.out sqlite.out | head -5 | sed 's/^/#   /'
        }
    done
}

# What export says of a result apart from where it was stored (id, time).
export_content() {
    jq -c 'del(.id, .taken_at)' "$1" | sort
}

test_export_gives_every_row_as_sqlite_does() {
    pg_ready || return 0
    local uri
    uri=$(new_db "$(db_name)")
    persona_lines 120 >in.jsonl
    cq batch in.jsonl --db "$uri" >/dev/null || fail "batch into PostgreSQL failed"
    cq batch in.jsonl --db results.db >/dev/null || fail "batch into SQLite failed"
    run cq export --db "$uri" --format jsonl
    expect_status 0
    [ "$(wc -l <"$OUT")" = 120 ] || fail "export gave $(wc -l <"$OUT") lines, not 120"
    cq export --db results.db --format jsonl >sqlite.jsonl
    [ "$(export_content "$OUT")" = "$(export_content sqlite.jsonl)" ] ||
        fail "the exported results differ from SQLite's"
    run cq export --db "$uri"
    expect_status 0
    [ "$(wc -l <"$OUT")" = 121 ] || fail "CSV export gave $(wc -l <"$OUT") lines, not 121"
    cq export --db results.db >sqlite.csv
    [ "$(head -1 "$OUT")" = "$(head -1 sqlite.csv)" ] || fail "the CSV columns differ"
}

test_a_wrong_password_is_a_clear_error_without_the_password() {
    pg_ready || return 0
    local uri
    uri=$(new_db "$(db_name)")
    persona_lines 3 >in.jsonl
    run cq batch in.jsonl --db "${uri/$PG_PASSWORD/not-the-password}"
    expect_status 74
    expect_stderr_contains "cannot connect to the results database"
    expect_stderr_contains "password authentication failed"
    expect_stderr_contains "postgresql://postgres@127.0.0.1:$PG_PORT/"
    grep -qF "not-the-password" "$ERR" && fail "the password is shown"
    run cq stats --db "postgresql://127.0.0.1:$PG_PORT/$(db_name)?user=postgres&password=not-the-password"
    expect_status 74
    expect_stderr_contains "password authentication failed"
    grep -qF "not-the-password" "$ERR" && fail "the password parameter is shown"
    [ "$(psql_as -d "$(db_name)" -c "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")" = 0 ] ||
        fail "tables were made without a login"
}

test_an_unreachable_server_is_a_clear_error() {
    pg_ready || return 0
    local port
    port=$(free_port)
    persona_lines 3 >in.jsonl
    run cq batch in.jsonl --db "postgresql://postgres:$PG_PASSWORD@127.0.0.1:$port/none"
    expect_status 74
    expect_stderr_contains "cannot connect to the results database"
    expect_stderr_contains "Connection refused"
    grep -qF "$PG_PASSWORD" "$ERR" && fail "the password is shown"
    run cq export --db "postgres://postgres:$PG_PASSWORD@127.0.0.1:$port/none"
    expect_status 74
    expect_stderr_contains "cannot connect to the results database"
}

test_a_foreign_database_is_refused_and_left_untouched() {
    pg_ready || return 0
    local uri before
    uri=$(new_db "$(db_name)")
    psql_as -d "$(db_name)" -c "CREATE TABLE guests (name text); INSERT INTO guests VALUES ('x')"
    before=$(psql_as -d "$(db_name)" -c "SELECT string_agg(tablename, ',') FROM pg_tables WHERE schemaname = 'public'")
    persona_lines 3 >in.jsonl
    run cq batch in.jsonl --db "$uri"
    expect_status 65
    expect_stderr_contains "not a careerquiz results database (it has other tables)"
    run cq stats --db "$uri"
    expect_status 65
    expect_stderr_contains "not a careerquiz results database"
    [ "$(psql_as -d "$(db_name)" -c "SELECT string_agg(tablename, ',') FROM pg_tables WHERE schemaname = 'public'")" = "$before" ] ||
        fail "the foreign database was changed"
}

test_a_newer_schema_is_refused_and_left_untouched() {
    pg_ready || return 0
    local uri
    uri=$(new_db "$(db_name)")
    persona_lines 3 >in.jsonl
    cq batch in.jsonl --db "$uri" >/dev/null || fail "batch failed"
    psql_as -d "$(db_name)" -c "UPDATE careerquiz_schema SET version = 99"
    run cq batch in.jsonl --db "$uri"
    expect_status 65
    expect_stderr_contains "results database has schema version 99, newer than this careerquiz's"
    [ "$(psql_as -d "$(db_name)" -c 'SELECT count(*) FROM results')" = 3 ] || fail "rows changed"
    [ "$(psql_as -d "$(db_name)" -c 'SELECT version FROM careerquiz_schema')" = 99 ] ||
        fail "the version changed"
}

# split_between_sqlite_and URI: 40 lines into results.db, 25 into the PostgreSQL database URI,
# and all 65 into both.db, the single file the merge of the two must equal.
split_between_sqlite_and() {
    persona_lines 40 >a.jsonl
    persona_lines 25 >b.jsonl
    cq batch a.jsonl --db results.db >/dev/null || fail "batch into SQLite failed"
    cq batch b.jsonl --db "$1" >/dev/null || fail "batch into PostgreSQL failed"
    cat a.jsonl b.jsonl >both.jsonl
    cq batch both.jsonl --db both.db >/dev/null || fail "batch of both failed"
}

test_stats_merges_a_sqlite_file_and_postgres() {
    pg_ready || return 0
    local uri
    uri=$(new_db "$(db_name)")
    split_between_sqlite_and "$uri"
    run cq stats --db results.db --db "$uri" --json
    expect_status 0
    expect_jq '.total == 65'
    cq stats --db both.db --json >both.json
    cmp -s "$OUT" both.json || fail "merged stats differ from the stats of all lines in one file"
}

test_export_merges_a_sqlite_file_and_postgres() {
    pg_ready || return 0
    local uri
    uri=$(new_db "$(db_name)")
    split_between_sqlite_and "$uri"
    run cq export --db results.db --db "$uri" --format jsonl
    expect_status 0
    [ "$(wc -l <"$OUT")" = 65 ] || fail "merged export gave $(wc -l <"$OUT") lines, not 65"
    cq export --db both.db --format jsonl >both.jsonl.out
    [ "$(export_content "$OUT")" = "$(export_content both.jsonl.out)" ] ||
        fail "the merged results differ from all lines in one file"
    run cq export --db results.db --db "$uri"
    expect_status 0
    [ "$(wc -l <"$OUT")" = 66 ] || fail "merged CSV gave $(wc -l <"$OUT") lines, not 66"
    [ "$(head -1 "$OUT")" = "$(cq export --db both.db | head -1)" ] || fail "the CSV columns differ"
}

test_take_stores_the_finished_quiz_in_postgres() {
    pg_ready || return 0
    local uri
    uri=$(new_db "$(db_name)")
    run cq take --db "$uri" --event workshop < <(yes 1 | head -n 200)
    expect_status 0
    [ "$(psql_as -d "$(db_name)" -c "SELECT count(*) FROM results WHERE event = 'workshop'")" = 1 ] ||
        fail "the finished quiz is not in the database"
    run cq take --db "$uri" < <(printf '4\n')
    expect_status 75
    [ "$(psql_as -d "$(db_name)" -c 'SELECT count(*) FROM results')" = 1 ] ||
        fail "an unfinished quiz was stored"
}

test_the_kiosk_stores_each_visitor_in_postgres_under_the_code_it_shows() {
    pg_ready || return 0
    usable || return 0
    local uri code i questions
    questions=$(jq '.questions | length' "$ROOT/questions/bank.json")
    uri=$(new_db "$(db_name)")
    tmux_start kiosk --db "$uri" --event fair --exit-word goodbye
    wait_for "Press Enter to start" || { finish; return; }
    tm send-keys -t quiz Enter
    for ((i = 1; i <= questions; i++)); do
        wait_for "Question $i of $questions" || { finish; return; }
        type_line 1
    done
    wait_for "Your code:" || { finish; return; }
    code=$(visible | grep -o 'Your code: [A-Z0-9]\{4\}-[A-Z0-9]\{4\}' | head -n 1 | cut -d' ' -f3)
    [ -n "$code" ] || fail "no code on the results screen"
    [ "$(psql_as -d "$(db_name)" -c "SELECT count(*) FROM results WHERE event = 'fair' AND code = '$code'")" = 1 ] ||
        fail "the visitor's result is not in PostgreSQL under $code"
    visible | grep -qF "$PG_PASSWORD" && fail "the kiosk shows the password"
    tm send-keys -t quiz Enter
    wait_for "Press Enter to start" || { finish; return; }
    type_line goodbye
    wait_exit
    [ "$STATUS" -eq 0 ] || fail "the exit word ended the kiosk with $STATUS"
    finish
}

test_a_quiz_the_server_refused_is_kept_and_stored_by_the_next_run() {
    pg_ready || return 0
    local uri
    uri=$(new_db "$(db_name)")
    export XDG_STATE_HOME=$TESTDIR/state
    run cq take --db "${uri/$PG_PASSWORD/not-the-password}" < <(yes 1 | head -n 200)
    expect_status 74
    expect_stderr_contains "the result is kept in $TESTDIR/state/careerquiz/pending/"
    grep -qF "not-the-password" "$ERR" && fail "the password is shown"
    grep -rqF "not-the-password" state && fail "the password is in the pending file"
    [ "$(find state -name '*.json' | wc -l)" = 1 ] || fail "not one pending file"
    run cq take --db "$uri" < <(yes 1 | head -n 200)
    expect_status 0
    expect_stderr_contains "stored 1 result kept by earlier runs"
    [ "$(psql_as -d "$(db_name)" -c 'SELECT count(*) FROM results')" = 2 ] ||
        fail "the kept result was not stored"
    [ "$(find state -name '*.json' | wc -l)" = 0 ] || fail "the pending file is still there"
}

test_serve_stores_browser_results_in_postgres_under_their_code() {
    pg_ready || return 0
    command -v curl >/dev/null || {
        skip "curl is not installed"
        return 0
    }
    "$CAREERQUIZ" --version | grep -q "web server (serve) is not in this build" && {
        skip "this build has no web server (make NO_SERVE=1)"
        return 0
    }
    local uri code
    uri=$(new_db "$(db_name)")
    SERVE_DIR=$TESTDIR
    serve_start --db "$uri" --event ws-pg || return
    curl -s -o posted.json -w '%{http_code}' -X POST --data-binary "@${PERSONAS[0]}" \
        -H 'Content-Type: application/json' "$URL/api/results" >status.txt
    [ "$(cat status.txt)" = 201 ] || fail "POST /api/results gave $(cat status.txt)"
    code=$(jq -r .code posted.json)
    [ "$(psql_as -d "$(db_name)" -c "SELECT event FROM results WHERE code = '$code'")" = ws-pg ] ||
        fail "the result is not in PostgreSQL under $code"
    curl -s "$URL/api/results/$code" >got.json
    jq -e '.code == $c and .event == "ws-pg"' --arg c "$code" got.json >/dev/null ||
        fail "GET /api/results/$code does not give it back"
    serve_stop
}

# Last: it stops the server part way through a batch (and starts it again).
test_a_server_gone_mid_batch_loses_no_committed_row_and_names_the_rest() {
    pg_ready || return 0
    local uri stored written i
    uri=$(new_db "$(db_name)")
    persona_lines 40000 >in.jsonl
    cq batch in.jsonl --db "$uri" >out.jsonl 2>err.txt &
    local pid=$!
    for ((i = 0; i < 300; i++)); do # until some rows are committed
        [ -s out.jsonl ] && break
        sleep 0.1
    done
    as_owner "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m immediate stop >/dev/null 2>&1
    wait "$pid" && fail "batch succeeded with the server gone"
    as_owner "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w -t 60 \
        -o "-p $PG_PORT -k $PG_DIR -c listen_addresses=127.0.0.1" start >/dev/null 2>&1 ||
        fail "the server did not start again"
    written=$(wc -l <out.jsonl)
    stored=$(psql_as -d "$(db_name)" -c 'SELECT count(*) FROM results')
    [ "$written" -gt 0 ] || fail "nothing was committed before the server went"
    [ "$written" -lt 40000 ] || fail "the batch finished before the server went"
    [ "$stored" = "$written" ] || fail "$stored rows stored but $written results written"
    grep -q "its result was not stored\|were not stored\|not stored" err.txt ||
        fail "the lines not stored are not named"
    grep -q "cannot store result" err.txt || fail "no clear message: $(head -3 err.txt)"
    grep -qF "$PG_PASSWORD" err.txt && fail "the password is shown"
}

pg_start
run_tests
