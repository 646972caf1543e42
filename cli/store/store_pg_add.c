/* store_pg_add.c: writes completed quizzes into a PostgreSQL results database, one transaction
 * each or many, and stores the results pending files kept. */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "exitcode.h"
#include "store_pg.h"

/* A code that is taken already inserts nothing: the row then gets another code. */
static const char insert_result_sql[] =
    "INSERT INTO results (taken_at, event, bank_version, bank_digest, answers, recommended, "
    "margin, close_call, code) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) "
    "ON CONFLICT (code) DO NOTHING RETURNING id";
/* Tries at a free code before giving up (each new one is taken with one chance in billions). */
#define PG_CODE_TRIES 4

/* Inserts the result row; *id receives its id as text (ID_SIZE bytes). */
#define ID_SIZE 24
static int insert_result(struct pg_store *s, struct store_row *row, char *id,
                         struct store_error *err)
{
    char margin[32], close_call[4];
    const char *values[9] = {row->taken_at,    row->event,   row->bank_version,
                             row->bank_digest, row->answers, row->recommended,
                             margin,           close_call,   row->code};
    int code = CLI_EXIT_OK;

    snprintf(margin, sizeof margin, "%.17g", row->margin);
    snprintf(close_call, sizeof close_call, "%d", row->close_call);
    for (int tries = 0; code == CLI_EXIT_OK; tries++) {
        PGresult *res = pg_run(s, insert_result_sql, 9, values);

        if (!pg_ok(res)) {
            code = pg_fail(s, res, "cannot store result", err);
        } else if (PQntuples(res) == 1) {
            snprintf(id, ID_SIZE, "%s", PQgetvalue(res, 0, 0));
            PQclear(res);
            return CLI_EXIT_OK;
        } else if (tries + 1 == PG_CODE_TRIES || !kiosk_code_random(row->code)) {
            code = store_error_set(err, CLI_EXIT_SOFTWARE,
                                   "cannot store result (no free result code): %s", s->base.path);
        }
        PQclear(res);
    }
    return code;
}

/* Inserts a score row per role, in one statement: ($1 the result id, then role, score, rank). */
static int insert_scores(struct pg_store *s, const struct store_row *row, const char *id,
                         struct store_error *err)
{
    char text[CQ_MAX_ROLES][2][32];
    const char *values[1 + 3 * CQ_MAX_ROLES];
    char *sql = malloc(64 + row->role_count * 48), *p;
    PGresult *res;
    int code;

    if (row->role_count == 0) {
        free(sql);
        return CLI_EXIT_OK;
    }
    if (!sql)
        return store_error_set(err, CLI_EXIT_SOFTWARE, "out of memory");
    values[0] = id;
    p = sql + sprintf(sql, "INSERT INTO scores (result_id, role, score, rank) VALUES ");
    for (size_t i = 0; i < row->role_count; i++) {
        int n = 2 + 3 * (int)i;

        snprintf(text[i][0], sizeof text[i][0], "%.17g", row->scores[i].score);
        snprintf(text[i][1], sizeof text[i][1], "%ld", row->scores[i].rank);
        values[n - 1] = row->scores[i].role;
        values[n] = text[i][0];
        values[n + 1] = row->scores[i].rank ? text[i][1] : NULL;
        p += sprintf(p, "%s($1, $%d, $%d, $%d)", i ? ", " : "", n, n + 1, n + 2);
    }
    res = pg_run(s, sql, 1 + 3 * (int)row->role_count, values);
    code = pg_ok(res) ? CLI_EXIT_OK : pg_fail(s, res, "cannot store result", err);
    PQclear(res);
    free(sql);
    return code;
}

int pg_add_row(store *base, struct store_row *row, struct store_error *err)
{
    struct pg_store *s = pg_of(base);
    /* Inside store_begin's transaction a savepoint undoes a half-written row alone. */
    const char *begin = s->in_batch ? "SAVEPOINT add_row" : "BEGIN";
    const char *end = s->in_batch ? "RELEASE SAVEPOINT add_row" : "COMMIT";
    const char *undo =
        s->in_batch ? "ROLLBACK TO SAVEPOINT add_row; RELEASE SAVEPOINT add_row" : "ROLLBACK";
    char id[ID_SIZE];
    int code = pg_command(s, begin, "cannot store result", err);

    if (code == CLI_EXIT_OK)
        code = insert_result(s, row, id, err);
    if (code == CLI_EXIT_OK)
        code = insert_scores(s, row, id, err);
    if (code == CLI_EXIT_OK)
        code = pg_command(s, end, "cannot store result", err);
    if (code != CLI_EXIT_OK)
        PQclear(PQexec(s->conn, undo));
    return code;
}

int pg_begin(store *base, struct store_error *err)
{
    struct pg_store *s = pg_of(base);
    int code = pg_command(s, "BEGIN", "cannot store results", err);

    s->in_batch = code == CLI_EXIT_OK;
    return code;
}

int pg_commit(store *base, struct store_error *err)
{
    struct pg_store *s = pg_of(base);
    int code;

    if (!s->in_batch)
        return CLI_EXIT_OK;
    s->in_batch = false;
    code = pg_command(s, "COMMIT", "cannot store results", err);
    if (code != CLI_EXIT_OK)
        PQclear(PQexec(s->conn, "ROLLBACK"));
    return code;
}

/* ---- storing what was kept ------------------------------------------------------------------ */

/* The fields of a pending file ($1), read as json, which keeps the answers' text as written. A
 * result that is there already (its run stored it, then stopped before removing the file) is
 * not stored twice. */
static const char insert_pending_sql[] =
    "WITH p AS (SELECT $1::json AS j) INSERT INTO results (taken_at, event, bank_version, "
    "bank_digest, answers, recommended, margin, close_call, code) SELECT j->>'taken_at', "
    "j->>'event', j->>'bank_version', j->>'bank_digest', (j->'answers')::text, "
    "j->>'recommended', (j->>'margin')::float8, (j->>'close_call')::integer, j->>'code' FROM p "
    "WHERE j->>'careerquiz_pending' = '1' AND NOT EXISTS (SELECT 1 FROM results WHERE taken_at = "
    "j->>'taken_at' AND event IS NOT DISTINCT FROM j->>'event' AND answers = (j->'answers')::text "
    "AND recommended = j->>'recommended') RETURNING id";
static const char insert_pending_scores_sql[] =
    "INSERT INTO scores (result_id, role, score, rank) SELECT $2::bigint, e->>'role', "
    "(e->>'score')::float8, (e->>'rank')::integer FROM json_array_elements($1::json->'scores') "
    "AS e";
static const char pending_stored_sql[] =
    "SELECT 1 FROM results, (SELECT $1::json AS j) AS p WHERE taken_at = j->>'taken_at' AND "
    "event IS NOT DISTINCT FROM j->>'event' AND answers = (j->'answers')::text AND recommended = "
    "j->>'recommended'";
static const char pending_database_sql[] = "SELECT $1::json->>'database'";

/* Whether a failed statement failed on the file's text: not JSON, or not of the right types. */
static bool text_refused(const PGresult *res)
{
    const char *state = PQresultErrorField(res, PG_DIAG_SQLSTATE);

    return state && strncmp(state, "22", 2) == 0;
}

enum store_pending_result pg_add_pending(store *base, const char *text, const char *database,
                                         struct store_error *err)
{
    struct pg_store *s = pg_of(base);
    const char *values[2] = {text, NULL};
    enum store_pending_result outcome = STORE_PENDING_FAILED;
    char id[ID_SIZE];
    PGresult *res;

    if (database) {
        res = pg_run(s, pending_database_sql, 1, values);
        bool same = pg_ok(res) && PQntuples(res) == 1 && !PQgetisnull(res, 0, 0) &&
                    strcmp(PQgetvalue(res, 0, 0), database) == 0;
        bool bad = !pg_ok(res) && text_refused(res);
        PQclear(res);
        if (bad)
            return STORE_PENDING_NOT_OURS;
        if (!same)
            return STORE_PENDING_ELSEWHERE;
    }
    if (pg_command(s, "BEGIN", "cannot store a pending result", err) != CLI_EXIT_OK)
        return STORE_PENDING_FAILED;
    res = pg_run(s, insert_pending_sql, 1, values);
    if (pg_ok(res) && PQntuples(res) == 1) {
        snprintf(id, sizeof id, "%s", PQgetvalue(res, 0, 0));
        PQclear(res);
        values[1] = id;
        res = pg_run(s, insert_pending_scores_sql, 2, values);
        outcome = pg_ok(res) ? STORE_PENDING_STORED : STORE_PENDING_FAILED;
    } else if (pg_ok(res)) { /* nothing inserted: only right when it is there already */
        PQclear(res);
        res = pg_run(s, pending_stored_sql, 1, values);
        outcome = !pg_ok(res)           ? STORE_PENDING_FAILED
                  : PQntuples(res) == 1 ? STORE_PENDING_STORED
                                        : STORE_PENDING_NOT_OURS;
    }
    if (!pg_ok(res) && text_refused(res))
        outcome = STORE_PENDING_NOT_OURS;
    else if (!pg_ok(res))
        outcome = pg_fail(s, res, "cannot store a pending result", err) == CLI_EXIT_DATA
                      ? STORE_PENDING_BAD
                      : STORE_PENDING_FAILED;
    PQclear(res);
    if (outcome == STORE_PENDING_STORED &&
        pg_command(s, "COMMIT", "cannot store a pending result", err) != CLI_EXIT_OK)
        outcome = STORE_PENDING_FAILED;
    if (outcome != STORE_PENDING_STORED)
        PQclear(PQexec(s->conn, "ROLLBACK"));
    return outcome;
}
