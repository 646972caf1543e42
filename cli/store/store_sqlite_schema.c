/* store_sqlite_schema.c: the SQLite results database's tables, their migrations, and the check
 * of PRAGMA user_version against STORE_SCHEMA_VERSION (store.h). */

#include <stdio.h>

#include "exitcode.h"
#include "store_sqlite.h"

/*
 * Version 1. One row in `results` per completed quiz; `scores` holds every role's score for it
 * (rounded to 0.1, as the person saw it) and its rank, NULL for a role the education filter set
 * apart. Times are UTC in ISO 8601 ("2026-05-01T14:03:07Z"), so text order is time order and
 * --since compares strings. `answers` is the compact answers document; stats reads it with
 * SQLite's JSON functions. Nothing about the person beyond the answers is kept.
 */
static const char schema_v1[] =
    "CREATE TABLE results (\n"
    "    id INTEGER PRIMARY KEY,\n"
    "    taken_at TEXT NOT NULL,\n"
    "    event TEXT,\n"
    "    bank_version TEXT NOT NULL,\n"
    "    bank_digest TEXT NOT NULL,\n"
    "    answers TEXT NOT NULL,\n"
    "    recommended TEXT NOT NULL,\n"
    "    margin REAL NOT NULL,\n"
    "    close_call INTEGER NOT NULL CHECK (close_call IN (0, 1))\n"
    ");\n"
    "CREATE TABLE scores (\n"
    "    result_id INTEGER NOT NULL REFERENCES results(id) ON DELETE CASCADE,\n"
    "    role TEXT NOT NULL,\n"
    "    score REAL NOT NULL,\n"
    "    rank INTEGER,\n"
    "    PRIMARY KEY (result_id, role)\n"
    ") WITHOUT ROWID;\n"
    "CREATE INDEX results_by_event ON results(event, taken_at);\n";

/* Version 2: STORE_MIGRATE_V2_SQL (store_backend.h), the same SQL in both backends. */

/* What takes a database of version i to version i + 1 (store_step_what[i] says its failure).
 * The version written afterwards is the count of steps: STORE_SCHEMA_VERSION, checked below. */
static const char *const steps[] = {schema_v1, STORE_MIGRATE_V2_SQL};
_Static_assert(sizeof steps / sizeof steps[0] == STORE_SCHEMA_VERSION,
               "one migration step per schema version");

/* Reads one integer from a one-row query into *value. Returns a SQLite result code. */
static int query_int(sqlite3 *db, const char *sql, long long *value)
{
    sqlite3_stmt *stmt = NULL;
    int rc = sqlite3_prepare_v2(db, sql, -1, &stmt, NULL);

    if (rc == SQLITE_OK) {
        rc = sqlite3_step(stmt);
        if (rc == SQLITE_ROW) {
            *value = sqlite3_column_int64(stmt, 0);
            rc = SQLITE_OK;
        } else if (rc == SQLITE_DONE) {
            rc = SQLITE_CORRUPT; /* a pragma or count always gives a row */
        }
    }
    sqlite3_finalize(stmt);
    return rc;
}

/* Counts the columns of the two tables that the database has: STORE_COLUMNS_V1 when both
 * tables are there with every column of version 1, one more with version 2's code too. */
static const char our_columns_sql[] =
    "SELECT (SELECT count(*) FROM pragma_table_info('results') WHERE name IN ('id', "
    "'taken_at', 'event', 'bank_version', 'bank_digest', 'answers', 'recommended', 'margin', "
    "'close_call', 'code')) + (SELECT count(*) FROM pragma_table_info('scores') WHERE name IN "
    "('result_id', 'role', 'score', 'rank'))";

/*
 * Checks a database that says it has a schema (version > 0): a version this program knows,
 * and the tables of that version. Returns an exit code, or CLI_EXIT_OK with a SQLite error in
 * *rc that the caller turns into an error.
 */
static int check_version(struct sqlite_store *s, long long version, int *rc,
                         struct store_error *err)
{
    long long columns = 0;

    if (version > STORE_SCHEMA_VERSION)
        return store_refuse_newer(&s->base, version, err);
    *rc = query_int(s->db, our_columns_sql, &columns);
    return *rc == SQLITE_OK ? store_check_columns(&s->base, version, columns, err) : CLI_EXIT_OK;
}

/* Reading only: the version must be one this program knows, and not 0 (no schema). A SQLite
 * error goes back in *rc. */
static int check_existing(struct sqlite_store *s, int *rc, struct store_error *err)
{
    long long version = 0;

    *rc = query_int(s->db, "PRAGMA user_version", &version);
    if (*rc != SQLITE_OK)
        return CLI_EXIT_OK;
    if (version <= 0)
        return store_refuse_foreign(&s->base, "no results table", err);
    return check_version(s, version, rc, err);
}

/* Takes a database of version `version` (0: empty) to STORE_SCHEMA_VERSION, step by step, and
 * writes the version. Inside the caller's transaction: rows already there stay as they are. */
static int migrate(struct sqlite_store *s, long long version, struct store_error *err)
{
    char set_version[64];
    int rc;

    for (; version < STORE_SCHEMA_VERSION; version++) {
        rc = sqlite3_exec(s->db, steps[version], NULL, NULL, NULL);
        if (rc != SQLITE_OK)
            return sqlite_fail(s, rc, store_step_what[version], err);
    }
    snprintf(set_version, sizeof set_version, "PRAGMA user_version = %d", STORE_SCHEMA_VERSION);
    rc = sqlite3_exec(s->db, set_version, NULL, NULL, NULL);
    return rc == SQLITE_OK ? CLI_EXIT_OK : sqlite_fail(s, rc, store_step_what[0], err);
}

int sqlite_schema_check(struct sqlite_store *s, bool create, int *rc_out, struct store_error *err)
{
    long long version = 0, tables = 0;
    int rc, code = CLI_EXIT_OK;

    *rc_out = SQLITE_OK;
    if (!create)
        return check_existing(s, rc_out, err);
    /* IMMEDIATE takes the write lock first, so a second process creating the same file waits
     * here (busy timeout) and then sees the schema instead of creating it twice. */
    rc = sqlite3_exec(s->db, "BEGIN IMMEDIATE", NULL, NULL, NULL);
    if (rc != SQLITE_OK)
        return sqlite_fail(s, rc, "cannot open results database", err);
    rc = query_int(s->db, "PRAGMA user_version", &version);
    if (rc == SQLITE_OK && version == 0)
        rc = query_int(s->db, "SELECT count(*) FROM sqlite_schema", &tables);
    if (rc == SQLITE_OK && version > 0)
        code = check_version(s, version, &rc, err);
    if (code != CLI_EXIT_OK) {
        /* refused */
    } else if (rc != SQLITE_OK) {
        code = sqlite_fail(s, rc, "cannot read results database", err);
    } else if (version == 0 && tables > 0) {
        code = store_refuse_foreign(&s->base, "it has other tables", err);
    } else if (version < STORE_SCHEMA_VERSION) {
        code = migrate(s, version, err);
    }
    if (code == CLI_EXIT_OK) {
        rc = sqlite3_exec(s->db, "COMMIT", NULL, NULL, NULL);
        if (rc != SQLITE_OK)
            code = sqlite_fail(s, rc, "cannot create the results tables", err);
    }
    if (code != CLI_EXIT_OK && !sqlite3_get_autocommit(s->db))
        sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
    return code;
}
