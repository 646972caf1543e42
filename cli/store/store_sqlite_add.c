/* store_sqlite_add.c: writes completed quizzes into a SQLite results database, one transaction
 * each or many, and stores the results pending files kept. */

#include <string.h>

#include "exitcode.h"
#include "store_sqlite.h"

/* json() stores the answers compact, whatever layout cq_answers_to_json chose. */
static const char insert_result_sql[] =
    "INSERT INTO results (taken_at, event, bank_version, bank_digest, answers, recommended, "
    "margin, close_call, code) VALUES (?1, ?2, ?3, ?4, json(?5), ?6, ?7, ?8, ?9)";
static const char insert_score_sql[] =
    "INSERT INTO scores (result_id, role, score, rank) VALUES (?1, ?2, ?3, ?4)";

/* Prepares the two inserts once per store; they are reused for every row. */
static int prepare(struct sqlite_store *s)
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
static int insert_rows(struct sqlite_store *s, struct store_row *row)
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

int sqlite_add_row(store *base, struct store_row *row, struct store_error *err)
{
    struct sqlite_store *s = sqlite_of(base);
    int rc, code = CLI_EXIT_OK;
    /* Inside store_begin's transaction a savepoint undoes a half-written row alone; on its own,
     * the row is a transaction that takes the write lock first (IMMEDIATE), so it waits for
     * other writers instead of failing when it upgrades a read lock. */
    const char *begin = s->in_batch ? "SAVEPOINT add_row" : "BEGIN IMMEDIATE";
    const char *end = s->in_batch ? "RELEASE add_row" : "COMMIT";
    const char *undo = s->in_batch ? "ROLLBACK TO add_row; RELEASE add_row" : "ROLLBACK";

    if (row->answers_size > 0x7fffffff) /* sqlite3_bind_text takes an int length */
        return store_error_set(err, CLI_EXIT_DATA, "answers too large to store: %s", base->path);
    rc = prepare(s);
    if (rc == SQLITE_OK)
        rc = sqlite3_exec(s->db, begin, NULL, NULL, NULL);
    if (rc != SQLITE_OK)
        return sqlite_fail(s, rc, "cannot store result", err);
    rc = insert_rows(s, row);
    if (rc == SQLITE_OK)
        rc = sqlite3_exec(s->db, end, NULL, NULL, NULL);
    if (rc != SQLITE_OK) {
        code = sqlite_fail(s, rc, "cannot store result", err);
        sqlite3_exec(s->db, undo, NULL, NULL, NULL);
    }
    return code;
}

int sqlite_begin(store *base, struct store_error *err)
{
    struct sqlite_store *s = sqlite_of(base);
    int rc = sqlite3_exec(s->db, "BEGIN IMMEDIATE", NULL, NULL, NULL);

    if (rc != SQLITE_OK)
        return sqlite_fail(s, rc, "cannot store results", err);
    s->in_batch = true;
    return CLI_EXIT_OK;
}

int sqlite_commit(store *base, struct store_error *err)
{
    struct sqlite_store *s = sqlite_of(base);
    int rc;

    if (!s->in_batch)
        return CLI_EXIT_OK;
    s->in_batch = false;
    rc = sqlite3_exec(s->db, "COMMIT", NULL, NULL, NULL);
    if (rc != SQLITE_OK) {
        int code = sqlite_fail(s, rc, "cannot store results", err);

        sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
        return code;
    }
    return CLI_EXIT_OK;
}

/* ---- storing what was kept ------------------------------------------------------------------ */

/* The fields of a pending file, read by SQLite's JSON functions from the file's text (?1). A
 * result that is already there (its run stored it, then stopped before removing the file) is
 * not stored twice. */
static const char insert_pending_sql[] =
    "INSERT INTO results (taken_at, event, bank_version, bank_digest, answers, recommended, "
    "margin, close_call, code) SELECT json_extract(?1, '$.taken_at'), "
    "json_extract(?1, '$.event'), json_extract(?1, '$.bank_version'), "
    "json_extract(?1, '$.bank_digest'), json(json_extract(?1, '$.answers')), "
    "json_extract(?1, '$.recommended'), json_extract(?1, '$.margin'), "
    "json_extract(?1, '$.close_call'), json_extract(?1, '$.code') "
    "WHERE json_valid(?1) AND json_extract(?1, '$.careerquiz_pending') = 1 AND NOT EXISTS ("
    "SELECT 1 FROM results WHERE taken_at = json_extract(?1, '$.taken_at') AND "
    "event IS json_extract(?1, '$.event') AND answers = json(json_extract(?1, '$.answers')) "
    "AND recommended = json_extract(?1, '$.recommended'))";
static const char insert_pending_scores_sql[] =
    "INSERT INTO scores (result_id, role, score, rank) SELECT ?2, json_extract(value, '$.role'), "
    "json_extract(value, '$.score'), json_extract(value, '$.rank') "
    "FROM json_each(?1, '$.scores')";
static const char pending_database_sql[] = "SELECT json_extract(?1, '$.database')";
/* Whether the pending result is in the database already (its run stored it, then stopped before
 * removing the file): the same time, event, answers and recommendation. */
static const char pending_stored_sql[] =
    "SELECT 1 FROM results WHERE json_valid(?1) AND taken_at = json_extract(?1, '$.taken_at') "
    "AND event IS json_extract(?1, '$.event') AND answers = json(json_extract(?1, '$.answers')) "
    "AND recommended = json_extract(?1, '$.recommended')";

/* Runs one statement with the pending text as ?1 (and id as ?2 when it has one). Sets *row
 * (when not NULL) to whether it gave a row. */
static int run_with(sqlite3 *db, const char *sql, const char *text, sqlite3_int64 id, bool *row)
{
    sqlite3_stmt *stmt = NULL;
    int rc = sqlite3_prepare_v2(db, sql, -1, &stmt, NULL);

    if (rc == SQLITE_OK)
        rc = sqlite3_bind_text(stmt, 1, text, -1, SQLITE_STATIC);
    if (rc == SQLITE_OK && sqlite3_bind_parameter_count(stmt) > 1)
        rc = sqlite3_bind_int64(stmt, 2, id);
    if (rc == SQLITE_OK)
        rc = sqlite3_step(stmt);
    if (row)
        *row = rc == SQLITE_ROW;
    sqlite3_finalize(stmt);
    return rc == SQLITE_DONE || rc == SQLITE_ROW ? SQLITE_OK : rc;
}

/* Whether the pending text names database (files in the state folder may be another's). */
static bool names_database(sqlite3 *db, const char *text, const char *database)
{
    sqlite3_stmt *stmt = NULL;
    bool same = false;

    if (sqlite3_prepare_v2(db, pending_database_sql, -1, &stmt, NULL) == SQLITE_OK &&
        sqlite3_bind_text(stmt, 1, text, -1, SQLITE_STATIC) == SQLITE_OK &&
        sqlite3_step(stmt) == SQLITE_ROW && sqlite3_column_text(stmt, 0))
        same = strcmp((const char *)sqlite3_column_text(stmt, 0), database) == 0;
    sqlite3_finalize(stmt);
    return same;
}

/* Stores one pending file's text in its own transaction. A text that is not a pending result,
 * or that SQLite could not read, gives SQLITE_MISMATCH. */
enum store_pending_result sqlite_add_pending(store *base, const char *text, const char *database,
                                             struct store_error *err)
{
    struct sqlite_store *s = sqlite_of(base);
    sqlite3 *db = s->db;
    bool there = false;
    int rc;

    if (database && !names_database(db, text, database))
        return STORE_PENDING_ELSEWHERE;
    rc = sqlite3_exec(db, "BEGIN IMMEDIATE", NULL, NULL, NULL);
    if (rc == SQLITE_OK)
        rc = run_with(db, insert_pending_sql, text, 0, NULL);
    if (rc == SQLITE_OK && sqlite3_changes(db) == 1)
        rc = run_with(db, insert_pending_scores_sql, text, sqlite3_last_insert_rowid(db), NULL);
    else if (rc == SQLITE_OK) /* nothing inserted: only right when it is there already */
        rc = run_with(db, pending_stored_sql, text, 0, &there);
    if (rc == SQLITE_OK && sqlite3_changes(db) == 0 && !there)
        rc = SQLITE_MISMATCH;
    if (rc == SQLITE_OK)
        rc = sqlite3_exec(db, "COMMIT", NULL, NULL, NULL);
    if (rc == SQLITE_OK)
        return STORE_PENDING_STORED;
    if (!sqlite3_get_autocommit(db))
        sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
    if (rc == SQLITE_MISMATCH)
        return STORE_PENDING_NOT_OURS;
    sqlite_fail(s, rc, "cannot store a pending result", err);
    /* A constraint: that file is bad; the rest may do. */
    return (rc & 0xff) == SQLITE_CONSTRAINT ? STORE_PENDING_BAD : STORE_PENDING_FAILED;
}
