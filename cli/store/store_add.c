/* store_add.c: writes completed quizzes into the results database, one transaction each or many. */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "exitcode.h"
#include "diagnostics.h"
#include "store_internal.h"

/* json() stores the answers compact, whatever layout cq_answers_to_json chose. */
static const char insert_result_sql[] =
    "INSERT INTO results (taken_at, event, bank_version, bank_digest, answers, recommended, "
    "margin, close_call, code) VALUES (?1, ?2, ?3, ?4, json(?5), ?6, ?7, ?8, ?9)";
static const char insert_score_sql[] =
    "INSERT INTO scores (result_id, role, score, rank) VALUES (?1, ?2, ?3, ?4)";

int store_row_make(struct store_row *row, const char *event, const cq_model *model,
                   const cq_answers *answers, const cq_result *result)
{
    size_t roles = cq_model_role_count(model), ranked = cq_result_rank_count(result), rank;
    time_t now = time(NULL);
    struct tm utc;
    cq_error err;
    cq_status status;
    char *json = NULL;

    memset(row, 0, sizeof *row);
    if (!gmtime_r(&now, &utc) ||
        strftime(row->taken_at, sizeof row->taken_at, "%Y-%m-%dT%H:%M:%SZ", &utc) == 0) {
        cli_error("cannot read the clock to date the result");
        return CLI_EXIT_SOFTWARE;
    }
    if (!kiosk_code_random(row->code)) {
        cli_error("cannot make a result code: the system gives no random numbers (getrandom, "
                  "/dev/urandom)");
        return CLI_EXIT_SOFTWARE;
    }
    cq_error_clear(&err);
    status = cq_answers_to_json(answers, &json, &row->answers_size, &err);
    if (status != CQ_OK)
        return cli_report(status, &err);
    /* A copy the row owns, so that it outlives the model's context if it must. */
    row->answers = malloc(row->answers_size + 1);
    if (row->answers)
        memcpy(row->answers, json, row->answers_size + 1);
    cq_free(cq_model_context(model), json);
    if (!row->answers)
        return cli_report(CQ_ERR_NOMEM, NULL);
    row->event = event;
    row->bank_version = cq_model_version(model);
    row->bank_digest = cq_model_digest(model);
    row->recommended = cq_role_id(model, cq_result_role_at(result, 0));
    row->margin = cq_round1(cq_result_margin(result));
    row->close_call = cq_result_close_count(result) > 1;
    row->role_count = roles < CQ_MAX_ROLES ? roles : CQ_MAX_ROLES;
    for (size_t role = 0; role < row->role_count; role++) {
        for (rank = 0; rank < ranked && cq_result_role_at(result, rank) != role; rank++)
            ;
        row->scores[role].role = cq_role_id(model, role);
        row->scores[role].score = cq_round1(cq_result_score(result, role));
        row->scores[role].rank = rank < ranked ? (long)rank + 1 : 0;
    }
    return CLI_EXIT_OK;
}

void store_row_release(struct store_row *row)
{
    free(row->answers);
    row->answers = NULL;
}

/* Prepares the two inserts once per store; they are reused for every row. */
static int prepare(store *s)
{
    int rc = SQLITE_OK;

    if (!s->insert_result)
        rc = sqlite3_prepare_v3(s->db, insert_result_sql, -1, SQLITE_PREPARE_PERSISTENT,
                                &s->insert_result, NULL);
    if (rc == SQLITE_OK && !s->insert_score)
        rc = sqlite3_prepare_v3(s->db, insert_score_sql, -1, SQLITE_PREPARE_PERSISTENT,
                                &s->insert_score, NULL);
    return rc;
}

/* Runs a prepared insert to the end and resets it for the next row. */
static int step_reset(sqlite3_stmt *stmt)
{
    int rc = sqlite3_step(stmt);

    sqlite3_reset(stmt);
    sqlite3_clear_bindings(stmt);
    return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

/* Binds the result row's fields to the prepared insert. Returns a SQLite result code. */
static int bind_result(sqlite3_stmt *r, const struct store_row *row)
{
    int rc;

    if ((rc = sqlite3_bind_text(r, 1, row->taken_at, -1, SQLITE_STATIC)) != SQLITE_OK ||
        (rc = row->event ? sqlite3_bind_text(r, 2, row->event, -1, SQLITE_STATIC)
                         : sqlite3_bind_null(r, 2)) != SQLITE_OK ||
        (rc = sqlite3_bind_text(r, 3, row->bank_version, -1, SQLITE_STATIC)) != SQLITE_OK ||
        (rc = sqlite3_bind_text(r, 4, row->bank_digest, -1, SQLITE_STATIC)) != SQLITE_OK ||
        (rc = sqlite3_bind_text(r, 5, row->answers, (int)row->answers_size, SQLITE_STATIC)) !=
            SQLITE_OK ||
        (rc = sqlite3_bind_text(r, 6, row->recommended, -1, SQLITE_STATIC)) != SQLITE_OK ||
        (rc = sqlite3_bind_double(r, 7, row->margin)) != SQLITE_OK ||
        (rc = sqlite3_bind_int(r, 8, row->close_call)) != SQLITE_OK)
        return rc;
    return sqlite3_bind_text(r, 9, row->code, -1, SQLITE_STATIC);
}

/* Inserts the result row and one score row per role. Returns a SQLite result code. */
static int insert_rows(store *s, struct store_row *row)
{
    sqlite3_stmt *r = s->insert_result, *sc = s->insert_score;
    sqlite3_int64 id;
    int rc;

    /* A code that is taken already gets another: the unique index is the judge. */
    for (int tries = 0;; tries++) {
        if ((rc = bind_result(r, row)) != SQLITE_OK)
            return rc;
        rc = step_reset(r);
        if (rc == SQLITE_OK || tries == 3 ||
            sqlite3_extended_errcode(s->db) != SQLITE_CONSTRAINT_UNIQUE ||
            !kiosk_code_random(row->code))
            break;
    }
    if (rc != SQLITE_OK)
        return rc;
    id = sqlite3_last_insert_rowid(s->db);
    for (size_t i = 0; i < row->role_count; i++) {
        if ((rc = sqlite3_bind_int64(sc, 1, id)) != SQLITE_OK ||
            (rc = sqlite3_bind_text(sc, 2, row->scores[i].role, -1, SQLITE_STATIC)) != SQLITE_OK ||
            (rc = sqlite3_bind_double(sc, 3, row->scores[i].score)) != SQLITE_OK ||
            (rc = row->scores[i].rank ? sqlite3_bind_int64(sc, 4, row->scores[i].rank)
                                      : sqlite3_bind_null(sc, 4)) != SQLITE_OK ||
            (rc = step_reset(sc)) != SQLITE_OK)
            return rc;
    }
    return SQLITE_OK;
}

int store_add_row(store *s, struct store_row *row)
{
    int rc, code = CLI_EXIT_OK;
    /* Inside store_begin's transaction a savepoint undoes a half-written row alone; on its own,
     * the row is a transaction that takes the write lock first (IMMEDIATE), so it waits for
     * other writers instead of failing when it upgrades a read lock. */
    const char *begin = s->in_batch ? "SAVEPOINT add_row" : "BEGIN IMMEDIATE";
    const char *end = s->in_batch ? "RELEASE add_row" : "COMMIT";
    const char *undo = s->in_batch ? "ROLLBACK TO add_row; RELEASE add_row" : "ROLLBACK";

    if (row->answers_size > 0x7fffffff) { /* sqlite3_bind_text takes an int length */
        cli_error("answers too large to store: %s", s->path);
        return CLI_EXIT_DATA;
    }
    rc = prepare(s);
    if (rc == SQLITE_OK)
        rc = sqlite3_exec(s->db, begin, NULL, NULL, NULL);
    if (rc != SQLITE_OK)
        return store_fail(s, rc, "cannot store result");
    rc = insert_rows(s, row);
    if (rc == SQLITE_OK)
        rc = sqlite3_exec(s->db, end, NULL, NULL, NULL);
    if (rc != SQLITE_OK) {
        code = store_fail(s, rc, "cannot store result");
        sqlite3_exec(s->db, undo, NULL, NULL, NULL);
    }
    return code;
}

int store_add(store *s, const char *event, const cq_model *model, const cq_answers *answers,
              const cq_result *result)
{
    struct store_row row;
    int code = store_row_make(&row, event, model, answers, result);

    if (code == CLI_EXIT_OK)
        code = store_add_row(s, &row);
    store_row_release(&row);
    return code;
}

int store_begin(store *s)
{
    int rc = sqlite3_exec(s->db, "BEGIN IMMEDIATE", NULL, NULL, NULL);

    if (rc != SQLITE_OK)
        return store_fail(s, rc, "cannot store results");
    s->in_batch = true;
    return CLI_EXIT_OK;
}

int store_commit(store *s)
{
    int rc;

    if (!s->in_batch)
        return CLI_EXIT_OK;
    s->in_batch = false;
    rc = sqlite3_exec(s->db, "COMMIT", NULL, NULL, NULL);
    if (rc != SQLITE_OK) {
        int code = store_fail(s, rc, "cannot store results");

        sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
        return code;
    }
    return CLI_EXIT_OK;
}
