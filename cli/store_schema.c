/* store_schema.c: the results database's tables, and the schema version in PRAGMA user_version. */

#include <stdio.h>

#include "exitcode.h"
#include "report.h"
#include "store_internal.h"

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
    "CREATE INDEX results_by_event ON results(event, taken_at);\n"
    "PRAGMA user_version = 1;\n";

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

static int refuse_newer(store *s, long long version)
{
    cli_error("results database has schema version %lld, newer than this careerquiz's %d "
              "(use a newer careerquiz): %s",
              version, STORE_SCHEMA_VERSION, s->path);
    return CLI_EXIT_DATA;
}

static int refuse_foreign(store *s)
{
    cli_error("not a careerquiz results database (it has other tables): %s", s->path);
    return CLI_EXIT_DATA;
}

/* Reading only: the version must be one this program knows, and not 0 (no schema). */
static int check_existing(store *s)
{
    long long version = 0;
    int rc = query_int(s->db, "PRAGMA user_version", &version);

    if (rc != SQLITE_OK)
        return store_fail(s, rc, "cannot read results database");
    if (version > STORE_SCHEMA_VERSION)
        return refuse_newer(s, version);
    if (version <= 0) {
        cli_error("not a careerquiz results database (no results table): %s", s->path);
        return CLI_EXIT_DATA;
    }
    return CLI_EXIT_OK;
}

int store_schema_check(store *s, bool create)
{
    long long version = 0, tables = 0;
    int rc, code = CLI_EXIT_OK;

    if (!create)
        return check_existing(s);
    /* IMMEDIATE takes the write lock first, so a second process creating the same file waits
     * here (busy timeout) and then sees the schema instead of creating it twice. */
    rc = sqlite3_exec(s->db, "BEGIN IMMEDIATE", NULL, NULL, NULL);
    if (rc != SQLITE_OK)
        return store_fail(s, rc, "cannot open results database");
    rc = query_int(s->db, "PRAGMA user_version", &version);
    if (rc == SQLITE_OK && version == 0)
        rc = query_int(s->db, "SELECT count(*) FROM sqlite_schema", &tables);
    if (rc != SQLITE_OK) {
        code = store_fail(s, rc, "cannot read results database");
    } else if (version > STORE_SCHEMA_VERSION) {
        code = refuse_newer(s, version);
    } else if (version == 0 && tables > 0) {
        code = refuse_foreign(s);
    } else if (version == 0) {
        rc = sqlite3_exec(s->db, schema_v1, NULL, NULL, NULL);
        if (rc != SQLITE_OK)
            code = store_fail(s, rc, "cannot create the results tables");
    }
    /* Later versions migrate here, version by version, inside this transaction. */
    if (code == CLI_EXIT_OK) {
        rc = sqlite3_exec(s->db, "COMMIT", NULL, NULL, NULL);
        if (rc != SQLITE_OK)
            code = store_fail(s, rc, "cannot create the results tables");
    }
    if (code != CLI_EXIT_OK && !sqlite3_get_autocommit(s->db))
        sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
    return code;
}
