#!/usr/bin/env bash
# test_store.sh: end-to-end tests of the results database: where it goes, its schema version,
# and several processes writing it at once.
# shellcheck source=tests/cli/lib.sh
. "$(dirname "$0")/lib.sh"
# shellcheck source=tests/cli/results_lib.sh
. "$(dirname "$0")/results_lib.sh"

test_database_is_created_with_its_folders_wal_and_schema_version() {
    persona_lines 2 >in.jsonl
    run cq batch in.jsonl --db deep/er/results.db
    expect_status 0
    [ -f deep/er/results.db ] || fail "no database file in the new folders"
    [ "$(sql deep/er/results.db 'PRAGMA journal_mode')" = wal ] || fail "not in WAL mode"
    [ "$(sql deep/er/results.db 'PRAGMA user_version')" = 2 ] || fail "user_version is not 2"
    expect_db_ok deep/er/results.db
}

test_default_database_is_under_xdg_data_home_or_home() {
    mkdir -p home
    HOME=$TESTDIR/home XDG_DATA_HOME=$TESTDIR/xdg run cq stats --json
    expect_status 66
    expect_stderr_contains "$TESTDIR/xdg/careerquiz/results.db"
    HOME=$TESTDIR/home XDG_DATA_HOME='' run cq stats --json
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
    sql results.db 'PRAGMA user_version = 3'
    run cq batch in.jsonl --db results.db
    expect_status 65
    expect_stderr_contains "careerquiz: results database has schema version 3, newer than this careerquiz's 2 (use a newer careerquiz): results.db"
    expect_stdout_empty
    run cq stats --db results.db
    expect_status 65
    expect_stderr_contains "schema version 3"
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
    chmod 555 locked
    if ! can_drop_to_nobody; then
        skip "running as root without setpriv to become another user"
        return
    fi
    run as_nobody "$CAREERQUIZ" batch in.jsonl --db locked/sub/results.db
    expect_status 73
    expect_stderr_matches '^careerquiz: cannot create folder for the results database \(.*\): locked/sub$'
    chmod 700 locked
}

# a_foreign_database NAME: another program's SQLite file (rollback journal, a table of its own),
# and its checksum in NAME.sum.
a_foreign_database() {
    sql "$1" 'CREATE TABLE notes (text TEXT); INSERT INTO notes VALUES ('"'"'keep me'"'"')'
    sha256sum "$1" >"$1.sum"
}

test_a_foreign_database_is_refused_and_left_byte_for_byte_as_it_was() {
    mkdir place
    a_foreign_database place/other.db
    persona_lines 1 >in.jsonl
    run cq batch in.jsonl --db place/other.db
    expect_status 65
    expect_stderr_contains "not a careerquiz results database (it has other tables): place/other.db"
    yes 1 | head -n 40 >typed.txt
    run cq take --db place/other.db <typed.txt
    expect_status 65
    printf '\n' >typed.txt
    run cq kiosk --db place/other.db --exit-word bye <typed.txt
    expect_status 65
    run cq stats --db place/other.db
    expect_status 65
    run cq export --db place/other.db
    expect_status 65
    # The journal mode used to be switched to WAL before the check: the header changed.
    sha256sum -c --quiet place/other.db.sum || fail "the foreign database was changed"
    [ "$(find place -mindepth 1 -printf '%f\n' | sort | tr '\n' ' ')" = "other.db other.db.sum " ] ||
        fail "files were left beside it: $(find place -mindepth 1 -printf '%f ')"
}

test_schema_version_1_without_the_results_tables_is_refused() {
    sql v1.db 'PRAGMA user_version = 1'
    sha256sum v1.db >v1.db.sum
    persona_lines 1 >in.jsonl
    run cq batch in.jsonl --db v1.db
    expect_status 65
    expect_stderr_contains "not a careerquiz results database (its schema version is 1 but the results tables are missing): v1.db"
    run cq stats --db v1.db
    expect_status 65
    run cq export --db v1.db
    expect_status 65
    sha256sum -c --quiet v1.db.sum || fail "the database was changed"
    # Version 1 with a results table of other columns is not ours either.
    sql v1b.db 'CREATE TABLE results (id INTEGER); PRAGMA user_version = 1'
    run cq batch in.jsonl --db v1b.db
    expect_status 65
}

# The tables of schema version 1 as careerquiz made them before result codes, with two rows.
make_v1_database() {
    sql "$1" "CREATE TABLE results (id INTEGER PRIMARY KEY, taken_at TEXT NOT NULL, event TEXT,
        bank_version TEXT NOT NULL, bank_digest TEXT NOT NULL, answers TEXT NOT NULL,
        recommended TEXT NOT NULL, margin REAL NOT NULL,
        close_call INTEGER NOT NULL CHECK (close_call IN (0, 1)));
      CREATE TABLE scores (result_id INTEGER NOT NULL REFERENCES results(id) ON DELETE CASCADE,
        role TEXT NOT NULL, score REAL NOT NULL, rank INTEGER, PRIMARY KEY (result_id, role))
        WITHOUT ROWID;
      CREATE INDEX results_by_event ON results(event, taken_at);
      INSERT INTO results VALUES (1, '2026-01-01T10:00:00Z', 'old', 'v', 'd', '{}', 'ml-engineer', 1.5, 0),
        (2, '2026-01-01T10:05:00Z', 'old', 'v', 'd', '{}', 'data-scientist', 2.5, 0);
      INSERT INTO scores VALUES (1, 'ml-engineer', 70.0, 1), (2, 'data-scientist', 60.0, 1);
      PRAGMA user_version = 1;"
}

test_version_1_database_gains_result_codes_and_keeps_its_rows() {
    make_v1_database old.db
    persona_lines 3 >in.jsonl
    run cq batch in.jsonl --db old.db --event new
    expect_status 0
    [ "$(sql old.db 'PRAGMA user_version')" = 2 ] || fail "not migrated to version 2"
    [ "$(sql old.db "SELECT count(*) FROM results WHERE event = 'old' AND code IS NULL")" = 2 ] ||
        fail "the old rows were changed or lost"
    [ "$(sql old.db "SELECT count(DISTINCT code) FROM results WHERE event = 'new'")" = 3 ] ||
        fail "the new rows lack distinct codes"
    sql old.db "SELECT code FROM results WHERE code IS NOT NULL" >codes
    grep -Evq '^[A-HJKMNP-Z2-9]{4}-[A-HJKMNP-Z2-9]{4}$' codes && fail "a code of another form: $(cat codes)"
    # Version 1 databases are read as they are, without changing them.
    make_v1_database read.db
    sha256sum read.db >read.db.sum
    run cq stats --db read.db --json
    expect_status 0
    sha256sum -c --quiet read.db.sum || fail "stats changed a version 1 database"
    expect_db_ok old.db
}

test_the_database_refuses_a_second_row_with_a_taken_code() {
    persona_lines 1 >in.jsonl
    run cq batch in.jsonl --db results.db
    sql results.db "INSERT INTO results (taken_at, bank_version, bank_digest, answers, recommended, margin, close_call, code) VALUES ('x', 'v', 'd', '{}', 'r', 0, 0, (SELECT code FROM results))" 2>err &&
        fail "a second row took the same code"
    grep -q UNIQUE err || fail "not refused by the unique index: $(cat err)"
}

test_stats_and_export_read_a_database_in_a_read_only_folder() {
    if ! can_drop_to_nobody; then
        skip "running as root without setpriv to become another user"
        return
    fi
    mkdir shelf
    cq batch "$WORKSHOP" --db shelf/results.db >/dev/null
    chmod 555 shelf
    # The last writer closed it, so its -wal and -shm files are gone: a reader that needs to
    # create them cannot, in a folder it may not write to.
    run as_nobody "$CAREERQUIZ" stats --db shelf/results.db --json
    expect_status 0
    expect_jq '.total == 4'
    run as_nobody "$CAREERQUIZ" export --db shelf/results.db
    expect_status 0
    [ "$(grep -c . "$OUT")" = 5 ] || fail "export wrote $(grep -c . "$OUT") lines, not 5"
    [ "$(find shelf -mindepth 1 ! -name results.db | wc -l)" = 0 ] ||
        fail "files appeared: $(ls -A shelf)"
    chmod 755 shelf
}

test_reading_a_missing_database_creates_nothing() {
    run cq stats --db missing.db
    expect_status 66
    expect_stderr_matches '^careerquiz: cannot open results database \(no such file or directory\): missing.db$'
    run cq export --db missing.db
    expect_status 66
    [ ! -e missing.db ] || fail "stats or export created a database"
}

test_only_stats_and_export_take_more_than_one_db() {
    persona_lines 1 >in.jsonl
    run cq batch in.jsonl --db a.db --db b.db
    expect_status 64
    expect_stderr_contains "batch takes one --db (only stats and export merge several)"
    cq batch in.jsonl --db a.db >/dev/null || fail "batch failed"
    cq batch in.jsonl --db b.db >/dev/null || fail "batch failed"
    run cq export --db a.db --db b.db --format jsonl
    expect_status 0
    [ "$(wc -l <"$OUT")" = 2 ] || fail "export of two databases did not give both results"
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
