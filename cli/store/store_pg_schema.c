/* store_pg_schema.c: the PostgreSQL results database's tables, their migrations, and the check
 * of the version kept in careerquiz_schema against STORE_SCHEMA_VERSION (store.h). */

#include <stdio.h>
#include <stdlib.h>

#include "exitcode.h"
#include "store_pg.h"

/*
 * Version 1, as in SQLite (store_sqlite_schema.c): a row in `results` per completed quiz, a
 * row in `scores` per role. `answers` is kept as the compact text careerquiz wrote, so that
 * export gives it back byte for byte; stats reads it as jsonb. careerquiz_schema holds the
 * version, and marks the tables as careerquiz's.
 */
static const char schema_v1[] =
    "CREATE TABLE careerquiz_schema (version integer NOT NULL);\n"
    "CREATE TABLE results (\n"
    "    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,\n"
    "    taken_at text NOT NULL,\n"
    "    event text,\n"
    "    bank_version text NOT NULL,\n"
    "    bank_digest text NOT NULL,\n"
    "    answers text NOT NULL,\n"
    "    recommended text NOT NULL,\n"
    "    margin double precision NOT NULL,\n"
    "    close_call integer NOT NULL CHECK (close_call IN (0, 1))\n"
    ");\n"
    "CREATE TABLE scores (\n"
    "    result_id bigint NOT NULL REFERENCES results(id) ON DELETE CASCADE,\n"
    "    role text NOT NULL,\n"
    "    score double precision NOT NULL,\n"
    "    rank integer,\n"
    "    PRIMARY KEY (result_id, role)\n"
    ");\n"
    "CREATE INDEX results_by_event ON results(event, taken_at);\n";

/* Version 2: STORE_MIGRATE_V2_SQL (store_backend.h), the same SQL in both backends. */
static const char *const steps[] = {schema_v1, STORE_MIGRATE_V2_SQL};
_Static_assert(sizeof steps / sizeof steps[0] == STORE_SCHEMA_VERSION,
               "one migration step per schema version");

/* Whether careerquiz_schema is there, the version it holds (0 when none), and how many tables
 * the schema in use has. */
static const char look_sql[] =
    "SELECT to_regclass('careerquiz_schema') IS NOT NULL, (SELECT count(*) FROM pg_tables WHERE "
    "schemaname = current_schema())";
static const char version_sql[] = "SELECT coalesce(max(version), 0) FROM careerquiz_schema";
/* The columns of our two tables that are there: STORE_COLUMNS_V1, one more with the code. */
static const char our_columns_sql[] =
    "SELECT count(*) FROM information_schema.columns WHERE table_schema = current_schema() AND "
    "((table_name = 'results' AND column_name IN ('id', 'taken_at', 'event', 'bank_version', "
    "'bank_digest', 'answers', 'recommended', 'margin', 'close_call', 'code')) OR (table_name = "
    "'scores' AND column_name IN ('result_id', 'role', 'score', 'rank')))";
/* Two processes creating the schema at once: the second waits here, then finds it made. */
static const char lock_sql[] = "SELECT pg_advisory_xact_lock(7364920513)";

/* Runs a one-row query of one integer (a boolean counts as 0 or 1) into *value. */
static int query_int(struct pg_store *s, const char *sql, int column, long long *value,
                     struct store_error *err)
{
    PGresult *res = pg_run(s, sql, 0, NULL);
    int code = CLI_EXIT_OK;

    if (!pg_ok(res) || PQntuples(res) != 1)
        code = pg_fail(s, res, "cannot read results database", err);
    else if (PQgetvalue(res, 0, column)[0] == 't' || PQgetvalue(res, 0, column)[0] == 'f')
        *value = PQgetvalue(res, 0, column)[0] == 't';
    else
        *value = strtoll(PQgetvalue(res, 0, column), NULL, 10);
    PQclear(res);
    return code;
}

/* Reads the version and checks the tables of a database that has careerquiz_schema. */
static int check_version(struct pg_store *s, long long *version, struct store_error *err)
{
    long long columns = 0;
    int code = query_int(s, version_sql, 0, version, err);

    if (code != CLI_EXIT_OK)
        return code;
    if (*version > STORE_SCHEMA_VERSION)
        return store_refuse_newer(&s->base, *version, err);
    if (*version < 1)
        return store_refuse_foreign(&s->base, "its careerquiz_schema table holds no version", err);
    code = query_int(s, our_columns_sql, 0, &columns, err);
    return code == CLI_EXIT_OK ? store_check_columns(&s->base, *version, columns, err) : code;
}

/* Takes the database from `version` (0: no tables) to STORE_SCHEMA_VERSION, step by step. */
static int migrate(struct pg_store *s, long long version, struct store_error *err)
{
    char set_version[96];
    int code = CLI_EXIT_OK;

    for (; code == CLI_EXIT_OK && version < STORE_SCHEMA_VERSION; version++)
        code = pg_command(s, steps[version], store_step_what[version], err);
    snprintf(set_version, sizeof set_version,
             "DELETE FROM careerquiz_schema; INSERT INTO careerquiz_schema VALUES (%d)",
             STORE_SCHEMA_VERSION);
    if (code == CLI_EXIT_OK)
        code = pg_command(s, set_version, store_step_what[0], err);
    return code;
}

int pg_schema_check(struct pg_store *s, bool create, struct store_error *err)
{
    long long ours = 0, tables = 0, version = 0;
    PGresult *res;
    int code = create ? pg_command(s, "BEGIN", "cannot open results database", err) : CLI_EXIT_OK;

    if (code == CLI_EXIT_OK && create) {
        res = pg_run(s, lock_sql, 0, NULL);
        if (!pg_ok(res))
            code = pg_fail(s, res, "cannot open results database", err);
        PQclear(res);
    }
    if (code == CLI_EXIT_OK && (code = query_int(s, look_sql, 0, &ours, err)) == CLI_EXIT_OK)
        code = query_int(s, look_sql, 1, &tables, err);
    if (code == CLI_EXIT_OK && ours)
        code = check_version(s, &version, err);
    else if (code == CLI_EXIT_OK && tables > 0)
        code = store_refuse_foreign(&s->base, "it has other tables", err);
    else if (code == CLI_EXIT_OK && !create)
        code = store_refuse_foreign(&s->base, "no results table", err);
    if (code == CLI_EXIT_OK && create && version < STORE_SCHEMA_VERSION)
        code = migrate(s, version, err);
    if (code == CLI_EXIT_OK && create)
        code = pg_command(s, "COMMIT", "cannot create the results tables", err);
    if (code != CLI_EXIT_OK && create)
        PQclear(PQexec(s->conn, "ROLLBACK"));
    return code;
}
