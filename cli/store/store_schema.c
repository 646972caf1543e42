/* store_schema.c: the results database's tables, and the schema version in PRAGMA user_version. */

#include <stdio.h>

#include "exitcode.h"
#include "diagnostics.h"
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

/*
 * Version 2: each result gets its code ("K7Q2-XM4P"), under which the person finds it again
 * (careerquiz serve's /r/CODE). Rows of version 1 keep NULL: no code was ever given for them.
 * The unique index lets many NULLs through and finds a code at once.
 */
static const char migrate_v2[] = "ALTER TABLE results ADD COLUMN code TEXT;\n"
                                 "CREATE UNIQUE INDEX results_by_code ON results(code);\n"
                                 "PRAGMA user_version = 2;\n";

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

static int refuse_foreign(store *s, const char *why)
{
    cli_error("not a careerquiz results database (%s): %s", why, s->path);
    return CLI_EXIT_DATA;
}

/* Counts the columns of the two tables that the database has: 13 when both tables are there
 * with every column of version 1, 14 with version 2's code too. */
static const char our_columns_sql[] =
    "SELECT (SELECT count(*) FROM pragma_table_info('results') WHERE name IN ('id', "
    "'taken_at', 'event', 'bank_version', 'bank_digest', 'answers', 'recommended', 'margin', "
    "'close_call', 'code')) + (SELECT count(*) FROM pragma_table_info('scores') WHERE name IN "
    "('result_id', 'role', 'score', 'rank'))";
#define OUR_COLUMNS_V1 13

/*
 * Checks a database that says it has a schema (version > 0): a version this program knows,
 * and the tables of that version. Returns an exit code after reporting, or CLI_EXIT_OK with a
 * SQLite error in *rc that the caller reports.
 */
static int check_version(store *s, long long version, int *rc)
{
    long long columns = 0;

    if (version > STORE_SCHEMA_VERSION)
        return refuse_newer(s, version);
    *rc = query_int(s->db, our_columns_sql, &columns);
    if (*rc == SQLITE_OK && columns != OUR_COLUMNS_V1 + (version >= 2)) {
        char why[96];
        snprintf(why, sizeof why, "its schema version is %lld but the results tables are missing",
                 version);
        return refuse_foreign(s, why);
    }
    return CLI_EXIT_OK;
}

/* Reading only: the version must be one this program knows, and not 0 (no schema). A SQLite
 * error goes back in *rc unreported. */
static int check_existing(store *s, int *rc)
{
    long long version = 0;

    *rc = query_int(s->db, "PRAGMA user_version", &version);
    if (*rc != SQLITE_OK)
        return CLI_EXIT_OK;
    if (version <= 0)
        return refuse_foreign(s, "no results table");
    return check_version(s, version, rc);
}

int store_schema_check(store *s, bool create, int *rc_out)
{
    long long version = 0, tables = 0;
    int rc, code = CLI_EXIT_OK;

    *rc_out = SQLITE_OK;
    if (!create)
        return check_existing(s, rc_out);
    /* IMMEDIATE takes the write lock first, so a second process creating the same file waits
     * here (busy timeout) and then sees the schema instead of creating it twice. */
    rc = sqlite3_exec(s->db, "BEGIN IMMEDIATE", NULL, NULL, NULL);
    if (rc != SQLITE_OK)
        return store_fail(s, rc, "cannot open results database");
    rc = query_int(s->db, "PRAGMA user_version", &version);
    if (rc == SQLITE_OK && version == 0)
        rc = query_int(s->db, "SELECT count(*) FROM sqlite_schema", &tables);
    if (rc == SQLITE_OK && version > 0)
        code = check_version(s, version, &rc);
    if (code != CLI_EXIT_OK) {
        /* refused, and reported */
    } else if (rc != SQLITE_OK) {
        code = store_fail(s, rc, "cannot read results database");
    } else if (version == 0 && tables > 0) {
        code = refuse_foreign(s, "it has other tables");
    } else if (version == 0) {
        rc = sqlite3_exec(s->db, schema_v1, NULL, NULL, NULL);
        if (rc != SQLITE_OK)
            code = store_fail(s, rc, "cannot create the results tables");
        version = 1;
    }
    /* Older versions migrate here, version by version, inside this transaction: their rows
     * stay as they are. */
    if (code == CLI_EXIT_OK && version == 1) {
        rc = sqlite3_exec(s->db, migrate_v2, NULL, NULL, NULL);
        if (rc != SQLITE_OK)
            code = store_fail(s, rc, "cannot add result codes to the results database");
    }
    if (code == CLI_EXIT_OK) {
        rc = sqlite3_exec(s->db, "COMMIT", NULL, NULL, NULL);
        if (rc != SQLITE_OK)
            code = store_fail(s, rc, "cannot create the results tables");
    }
    if (code != CLI_EXIT_OK && !sqlite3_get_autocommit(s->db))
        sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
    return code;
}
