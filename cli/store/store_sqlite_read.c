/* store_sqlite_read.c: what the readers get from a SQLite results database: results for export,
 * counts for stats, a result by its code, and the count and change number serve watches. */

#include <stdlib.h>
#include <string.h>

#include "exitcode.h"
#include "store_sqlite.h"

static const char roles_sql[] = "SELECT DISTINCT role FROM scores ORDER BY role";
static const char results_sql[] =
    "SELECT r.id, r.taken_at, r.event, r.bank_version, r.bank_digest, r.recommended, r.margin, "
    "r.close_call, r.answers, json_valid(r.answers) FROM results AS r WHERE " STORE_FILTER_SQL
    " ORDER BY r.id";
static const char scores_sql[] =
    "SELECT role, score FROM scores WHERE result_id = ?1 ORDER BY role";

static const char totals_sql[] = STORE_TOTALS_SQL(STORE_FILTER_SQL);
static const char recommended_sql[] = STORE_RECOMMENDED_SQL(STORE_FILTER_SQL);
/* A question answered with null was skipped and does not count. */
static const char answered_sql[] =
    "SELECT a.key, NULL, count(*) FROM results AS r, json_each(r.answers, '$.answers') AS a "
    "WHERE a.type != 'null' AND " STORE_FILTER_SQL " GROUP BY a.key";
/* The second json_each walks one answer: the elements of a multi-choice array, or the single
 * option id or scale value itself. */
static const char answers_sql[] =
    "SELECT a.key, v.value, count(*) FROM results AS r, json_each(r.answers, '$.answers') AS a, "
    "json_each(r.answers, a.path || '.\"' || a.key || '\"') AS v WHERE v.type != 'null' "
    "AND " STORE_FILTER_SQL " GROUP BY a.key, v.value";

static const char find_sql[] =
    "SELECT taken_at, event, bank_digest, answers FROM results WHERE code = ?1";

/* Column i as text, "" for NULL. */
static const char *text_of(sqlite3_stmt *stmt, int i)
{
    const unsigned char *text = sqlite3_column_text(stmt, i);

    return text ? (const char *)text : "";
}

/* Prepares sql (which uses STORE_FILTER_SQL, or no parameter at all) and binds the filter.
 * Returns a SQLite result code; *out is set only on success, finalized by the caller. */
static int prepare_filtered(sqlite3 *db, const char *sql, const struct store_filter *filter,
                            sqlite3_stmt **out)
{
    sqlite3_stmt *stmt = NULL;
    int rc = sqlite3_prepare_v2(db, sql, -1, &stmt, NULL);

    if (rc == SQLITE_OK && filter)
        rc = filter->event ? sqlite3_bind_text(stmt, 1, filter->event, -1, SQLITE_STATIC)
                           : sqlite3_bind_null(stmt, 1);
    if (rc == SQLITE_OK && filter)
        rc = filter->since ? sqlite3_bind_text(stmt, 2, filter->since, -1, SQLITE_STATIC)
                           : sqlite3_bind_null(stmt, 2);
    if (rc != SQLITE_OK) {
        sqlite3_finalize(stmt);
        return rc;
    }
    *out = stmt;
    return SQLITE_OK;
}

int sqlite_read_begin(store *base, struct store_error *err)
{
    struct sqlite_store *s = sqlite_of(base);
    int rc = sqlite3_exec(s->db, "BEGIN", NULL, NULL, NULL);

    return rc == SQLITE_OK ? CLI_EXIT_OK : sqlite_fail(s, rc, "cannot read results database", err);
}

int sqlite_read_roles(store *base, store_role_fn each, void *ctx, struct store_error *err)
{
    struct sqlite_store *s = sqlite_of(base);
    sqlite3_stmt *stmt = NULL;
    int rc = sqlite3_prepare_v2(s->db, roles_sql, -1, &stmt, NULL), code = CLI_EXIT_OK;

    while (rc == SQLITE_OK && (rc = sqlite3_step(stmt)) == SQLITE_ROW)
        rc = (code = each(ctx, text_of(stmt, 0))) == CLI_EXIT_OK ? SQLITE_OK : SQLITE_ABORT;
    sqlite3_finalize(stmt);
    if (code == CLI_EXIT_OK && rc != SQLITE_DONE)
        code = sqlite_fail(s, rc, "cannot read results database", err);
    return code;
}

/* The scores of result `id` into *scores (grown as needed; strings copied, freed by the
 * caller with free_scores). Returns a SQLite result code. */
struct score_list {
    struct store_score *items;
    size_t count, cap;
};

static void clear_scores(struct score_list *list)
{
    for (size_t i = 0; i < list->count; i++)
        free((char *)list->items[i].role);
    list->count = 0;
}

static int read_scores(sqlite3_stmt *stmt, sqlite3_int64 id, struct score_list *list)
{
    int rc = sqlite3_bind_int64(stmt, 1, id);

    clear_scores(list);
    while (rc == SQLITE_OK && (rc = sqlite3_step(stmt)) == SQLITE_ROW) {
        if (list->count == list->cap) {
            size_t cap = list->cap ? list->cap * 2 : 16;
            struct store_score *grown = realloc(list->items, cap * sizeof *grown);
            if (!grown) {
                rc = SQLITE_NOMEM;
                break;
            }
            list->items = grown;
            list->cap = cap;
        }
        list->items[list->count].role = strdup(text_of(stmt, 0));
        list->items[list->count].score = sqlite3_column_double(stmt, 1);
        if (!list->items[list->count].role) {
            rc = SQLITE_NOMEM;
            break;
        }
        list->count++;
        rc = SQLITE_OK;
    }
    sqlite3_reset(stmt);
    return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

int sqlite_read_results(store *base, const struct store_filter *filter, store_result_fn each,
                        void *ctx, struct store_error *err)
{
    struct sqlite_store *s = sqlite_of(base);
    sqlite3_stmt *rows = NULL, *scores = NULL;
    struct score_list list = {NULL, 0, 0};
    int code = CLI_EXIT_OK, rc = prepare_filtered(s->db, results_sql, filter, &rows);

    if (rc == SQLITE_OK)
        rc = sqlite3_prepare_v2(s->db, scores_sql, -1, &scores, NULL);
    while (rc == SQLITE_OK && (rc = sqlite3_step(rows)) == SQLITE_ROW) {
        struct store_result r;

        r.id = sqlite3_column_int64(rows, 0);
        rc = read_scores(scores, r.id, &list);
        if (rc != SQLITE_OK)
            break;
        r.taken_at = text_of(rows, 1);
        r.event = sqlite3_column_type(rows, 2) == SQLITE_NULL ? NULL : text_of(rows, 2);
        r.bank_version = text_of(rows, 3);
        r.bank_digest = text_of(rows, 4);
        r.recommended = text_of(rows, 5);
        r.margin = sqlite3_column_double(rows, 6);
        r.close_call = sqlite3_column_int(rows, 7);
        r.answers = text_of(rows, 8);
        r.answers_valid = sqlite3_column_int(rows, 9) != 0;
        r.scores = list.items;
        r.score_count = list.count;
        code = each(ctx, &r);
        rc = code == CLI_EXIT_OK ? SQLITE_OK : SQLITE_ABORT;
    }
    if (code == CLI_EXIT_OK && rc != SQLITE_DONE)
        code = sqlite_fail(s, rc, "cannot read results database", err);
    clear_scores(&list);
    free(list.items);
    sqlite3_finalize(rows);
    sqlite3_finalize(scores);
    return code;
}

/* Runs a (key, value, count) query and hands each row to counts->add as `tally`. */
static int add_rows(struct sqlite_store *s, const char *sql, const struct store_filter *filter,
                    enum store_tally tally, struct store_counts *counts, struct store_error *err)
{
    sqlite3_stmt *stmt = NULL;
    int code = CLI_EXIT_OK, rc = prepare_filtered(s->db, sql, filter, &stmt);

    while (rc == SQLITE_OK && (rc = sqlite3_step(stmt)) == SQLITE_ROW) {
        const char *value = sqlite3_column_type(stmt, 1) == SQLITE_NULL ? NULL : text_of(stmt, 1);

        code = counts->add(counts->ctx, tally, text_of(stmt, 0), value,
                           (unsigned long)sqlite3_column_int64(stmt, 2));
        rc = code == CLI_EXIT_OK ? SQLITE_OK : SQLITE_ABORT;
    }
    sqlite3_finalize(stmt);
    if (code == CLI_EXIT_OK && rc != SQLITE_DONE)
        code = sqlite_fail(s, rc, "cannot read results database", err);
    return code;
}

int sqlite_read_counts(store *base, const struct store_filter *filter, struct store_counts *counts,
                       struct store_error *err)
{
    struct sqlite_store *s = sqlite_of(base);
    sqlite3_stmt *stmt = NULL;
    int code = CLI_EXIT_OK, rc = prepare_filtered(s->db, totals_sql, filter, &stmt);

    if (rc == SQLITE_OK && (rc = sqlite3_step(stmt)) == SQLITE_ROW) {
        counts->total += (unsigned long)sqlite3_column_int64(stmt, 0);
        counts->close_calls += (unsigned long)sqlite3_column_int64(stmt, 1);
        rc = SQLITE_OK;
    }
    sqlite3_finalize(stmt);
    if (rc != SQLITE_OK)
        return sqlite_fail(s, rc, "cannot read results database", err);
    if (code == CLI_EXIT_OK)
        code = add_rows(s, recommended_sql, filter, STORE_TALLY_RECOMMENDED, counts, err);
    if (code == CLI_EXIT_OK)
        code = add_rows(s, answered_sql, filter, STORE_TALLY_ANSWERED, counts, err);
    if (code == CLI_EXIT_OK)
        code = add_rows(s, answers_sql, filter, STORE_TALLY_ANSWER, counts, err);
    return code;
}

/* A malloc'd copy of column i, or NULL for NULL. Sets *nomem when the copy fails. */
static char *column_copy(sqlite3_stmt *stmt, int i, bool *nomem)
{
    const unsigned char *text = sqlite3_column_text(stmt, i);
    char *copy = text ? strdup((const char *)text) : NULL;

    if (text && !copy)
        *nomem = true;
    return copy;
}

int sqlite_find_code(store *base, const char *code, bool *found, struct store_found *out,
                     struct store_error *err)
{
    struct sqlite_store *s = sqlite_of(base);
    sqlite3_stmt *stmt = NULL;
    bool nomem = false;
    int rc = sqlite3_prepare_v2(s->db, find_sql, -1, &stmt, NULL);

    if (rc == SQLITE_OK)
        rc = sqlite3_bind_text(stmt, 1, code, -1, SQLITE_STATIC);
    if (rc == SQLITE_OK)
        rc = sqlite3_step(stmt);
    if (rc == SQLITE_ROW) {
        out->taken_at = column_copy(stmt, 0, &nomem);
        out->event = column_copy(stmt, 1, &nomem);
        out->bank_digest = column_copy(stmt, 2, &nomem);
        out->answers = column_copy(stmt, 3, &nomem);
        nomem = nomem || !out->taken_at || !out->bank_digest || !out->answers;
        *found = !nomem;
        rc = SQLITE_DONE;
    }
    if (rc != SQLITE_DONE) {
        int exit_code = sqlite_fail(s, rc, "cannot read results database", err);
        sqlite3_finalize(stmt);
        return exit_code;
    }
    sqlite3_finalize(stmt);
    if (nomem) {
        store_found_release(out);
        *found = false;
        return store_error_set(err, CLI_EXIT_SOFTWARE, "%s", cq_strerror(CQ_ERR_NOMEM));
    }
    return CLI_EXIT_OK;
}

/* Runs a one-row query of one integer, with event (may be NULL) as ?1 when it has a ?1. */
static int query_count(struct sqlite_store *s, const char *sql, const char *event, long long *value,
                       struct store_error *err)
{
    sqlite3_stmt *stmt = NULL;
    int rc = sqlite3_prepare_v2(s->db, sql, -1, &stmt, NULL);

    if (rc == SQLITE_OK && sqlite3_bind_parameter_count(stmt) > 0)
        rc = event ? sqlite3_bind_text(stmt, 1, event, -1, SQLITE_STATIC)
                   : sqlite3_bind_null(stmt, 1);
    if (rc == SQLITE_OK)
        rc = sqlite3_step(stmt);
    if (rc == SQLITE_ROW) {
        *value = sqlite3_column_int64(stmt, 0);
        rc = SQLITE_OK;
    }
    sqlite3_finalize(stmt);
    return rc == SQLITE_OK ? CLI_EXIT_OK : sqlite_fail(s, rc, "cannot read results database", err);
}

int sqlite_count(store *s, const char *event, long long *count, struct store_error *err)
{
    return query_count(sqlite_of(s), "SELECT count(*) FROM results WHERE ?1 IS NULL OR event = ?1",
                       event, count, err);
}

int sqlite_data_version(store *s, long long *version, struct store_error *err)
{
    return query_count(sqlite_of(s), "PRAGMA data_version", NULL, version, err);
}
