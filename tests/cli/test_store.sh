#!/usr/bin/env bash
# test_store.sh: end-to-end tests of the results database: where it goes, its schema version,
# and several processes writing it at once.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/results_lib.sh"

test_database_is_created_with_its_folders_wal_and_schema_version() {
    persona_lines 2 >in.jsonl
    run cq batch in.jsonl --db deep/er/results.db
    expect_status 0
    [ -f deep/er/results.db ] || fail "no database file in the new folders"
    [ "$(sql deep/er/results.db 'PRAGMA journal_mode')" = wal ] || fail "not in WAL mode"
    [ "$(sql deep/er/results.db 'PRAGMA user_version')" = 1 ] || fail "user_version is not 1"
    expect_db_ok deep/er/results.db
}

test_default_database_is_under_xdg_data_home_or_home() {
    mkdir -p home
    HOME=$TESTDIR/home XDG_DATA_HOME=$TESTDIR/xdg run cq stats --json
    expect_status 66
    expect_stderr_contains "$TESTDIR/xdg/careerquiz/results.db"
    HOME=$TESTDIR/home XDG_DATA_HOME= run cq stats --json
    expect_stderr_contains "$TESTDIR/home/.local/share/careerquiz/results.db"
}

test_two_processes_writing_one_database_at_once_lose_no_rows() {
    local a b
    persona_lines 300 >a.jsonl
    persona_lines 200 >b.jsonl
    # Both start on a database that does not exist yet, so they also race to create it.
    cq batch a.jsonl --db shared.db --event a >/dev/null 2>a.err &
    a=$!
    cq batch b.jsonl --db shared.db --event b >/dev/null 2>b.err &
    b=$!
    wait "$a" || fail "the first writer failed: $(cat a.err)"
    wait "$b" || fail "the second writer failed: $(cat b.err)"
    [ "$(sql shared.db 'SELECT count(*) FROM results')" = 500 ] ||
        fail "expected 500 rows, got $(sql shared.db 'SELECT count(*) FROM results')"
    [ "$(sql shared.db "SELECT count(*) FROM results WHERE event = 'a'")" = 300 ] ||
        fail "rows of the first writer are missing"
    [ "$(sql shared.db 'SELECT count(*) FROM scores')" = 3500 ] || fail "scores are missing"
    expect_db_ok shared.db
}

test_database_from_a_newer_schema_is_refused_with_a_clear_message() {
    persona_lines 1 >in.jsonl
    run cq batch in.jsonl --db results.db
    sql results.db 'PRAGMA user_version = 2'
    run cq batch in.jsonl --db results.db
    expect_status 65
    expect_stderr_contains "careerquiz: results database has schema version 2, newer than this careerquiz's 1 (use a newer careerquiz): results.db"
    expect_stdout_empty
    run cq stats --db results.db
    expect_status 65
    expect_stderr_contains "schema version 2"
    run cq export --db results.db
    expect_status 65
    [ "$(sql results.db 'SELECT count(*) FROM results')" = 1 ] || fail "the database was changed"
}

test_a_database_of_another_program_is_refused() {
    sql other.db 'CREATE TABLE notes (text TEXT)'
    persona_lines 1 >in.jsonl
    run cq batch in.jsonl --db other.db
    expect_status 65
    expect_stderr_contains "careerquiz: not a careerquiz results database (it has other tables): other.db"
    [ "$(sql other.db "SELECT count(*) FROM sqlite_schema WHERE name = 'results'")" = 0 ] ||
        fail "tables were added to another program's database"
    echo "not a database at all, just text that is long enough to be read as a header" >text.db
    run cq stats --db text.db
    expect_status 65
    expect_error_line
}

test_a_database_that_cannot_be_created_is_reported() {
    persona_lines 1 >in.jsonl
    mkdir locked
    chmod 500 locked
    if [ -w locked ]; then
        skip "running as a user who can write anywhere"
        return
    fi
    run cq batch in.jsonl --db locked/sub/results.db
    expect_status 73
    expect_stderr_matches '^careerquiz: cannot create folder for the results database \(.*\): locked/sub$'
    chmod 700 locked
}

test_reading_a_missing_database_creates_nothing() {
    run cq stats --db missing.db
    expect_status 66
    expect_stderr_matches '^careerquiz: cannot open results database \(no such file or directory\): missing.db$'
    run cq export --db missing.db
    expect_status 66
    [ ! -e missing.db ] || fail "stats or export created a database"
}

test_only_stats_takes_more_than_one_db() {
    persona_lines 1 >in.jsonl
    run cq batch in.jsonl --db a.db --db b.db
    expect_status 64
    expect_stderr_contains "batch takes one --db (only stats merges several)"
    run cq export --db a.db --db b.db
    expect_status 64
}

test_bad_event_and_since_values_are_usage_errors() {
    persona_lines 1 >in.jsonl
    run cq batch in.jsonl --db a.db --event "$(printf 'two\nlines')"
    expect_status 64
    expect_stderr_contains "--event takes a label"
    run cq stats --db a.db --since yesterday
    expect_status 64
    expect_stderr_contains '--since takes a UTC date, YYYY-MM-DD or YYYY-MM-DDTHH:MM:SSZ, not "yesterday"'
    run cq stats --db a.db --since 2026-13-01
    expect_status 64
    run cq stats --db ""
    expect_status 64
    expect_stderr_contains "--db needs a file name"
    [ ! -e a.db ] || fail "a usage error still opened the database"
}

run_tests
