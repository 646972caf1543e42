/* store_pg_read.c: what the readers get from a PostgreSQL results database: results for export,
 * counts for stats, a result by its code, and the count and change number serve watches. */

#include <stdlib.h>
#include <string.h>

#include "exitcode.h"
#include "store_pg.h"

/* COLLATE "C": role ids in byte order, as SQLite gives them. */
static const char roles_sql[] = "SELECT DISTINCT role COLLATE \"C\" AS role FROM scores ORDER BY 1";
static const char results_sql[] =
    "SELECT r.id, r.taken_at, r.event, r.bank_version, r.bank_digest, r.recommended, r.margin, "
    "r.close_call, r.answers FROM results AS r WHERE " PG_FILTER_SQL " ORDER BY r.id";
/* Every score of those results at once, in the same order: merged with them row by row. */
static const char scores_sql[] =
    "SELECT s.result_id, s.role, s.score FROM scores AS s JOIN results AS r ON r.id = "
    "s.result_id WHERE " PG_FILTER_SQL " ORDER BY s.result_id, s.role COLLATE \"C\"";

static const char totals_sql[] = STORE_TOTALS_SQL(PG_FILTER_SQL);
static const char recommended_sql[] = STORE_RECOMMENDED_SQL(PG_FILTER_SQL);
/* A question answered with null was skipped and does not count. */
static const char answered_sql[] =
    "SELECT a.key, NULL, count(*) FROM results AS r, json_each(r.answers::json -> 'answers') AS a "
    "WHERE json_typeof(a.value) <> 'null' AND " PG_FILTER_SQL " GROUP BY a.key";
/* Each answer's values: the elements of a multi-choice array, or the one option id or scale
 * value itself, as text ("3", "python"). */
static const char answers_sql[] =
    "SELECT a.key, v.value, count(*) FROM results AS r, json_each(r.answers::json -> 'answers') "
    "AS a, LATERAL (SELECT x #>> '{}' FROM json_array_elements(CASE json_typeof(a.value) WHEN "
    "'array' THEN a.value ELSE json_build_array(a.value) END) AS x WHERE json_typeof(x) <> "
    "'null') AS v(value) WHERE " PG_FILTER_SQL " GROUP BY a.key, v.value";

static const char find_sql[] =
    "SELECT taken_at, event, bank_digest, answers FROM results WHERE code = $1";
static const char count_sql[] = "SELECT count(*) FROM results WHERE $1::text IS NULL OR event = $1";
/* Ids only grow, so the highest one changes whenever anyone commits a result. */
static const char version_sql[] = "SELECT coalesce(max(id), 0) FROM results";

/* Runs a reading query with the filter as $1 and $2. */
static PGresult *run_filtered(struct pg_store *s, const char *sql,
                              const struct store_filter *filter)
{
    const char *values[2] = {filter->event, filter->since};

    return pg_run(s, sql, 2, values);
}

int pg_read_begin(store *base, struct store_error *err)
{
    /* One snapshot for every query after it, as SQLite's read transaction gives. */
    return pg_command(pg_of(base), "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY",
                      "cannot read results database", err);
}

int pg_read_roles(store *base, store_role_fn each, void *ctx, struct store_error *err)
{
    struct pg_store *s = pg_of(base);
    PGresult *res = pg_run(s, roles_sql, 0, NULL);
    int code = pg_ok(res) ? CLI_EXIT_OK : pg_fail(s, res, "cannot read results database", err);

    for (int i = 0; code == CLI_EXIT_OK && i < PQntuples(res); i++)
        code = each(ctx, PQgetvalue(res, i, 0));
    PQclear(res);
    return code;
}

int pg_read_results(store *base, const struct store_filter *filter, store_result_fn each, void *ctx,
                    struct store_error *err)
{
    struct pg_store *s = pg_of(base);
    PGresult *rows = run_filtered(s, results_sql, filter), *scores = NULL;
    struct store_score *list = NULL;
    int code = CLI_EXIT_OK, n, next = 0;

    if (!pg_ok(rows))
        code = pg_fail(s, rows, "cannot read results database", err);
    if (code == CLI_EXIT_OK && !pg_ok(scores = run_filtered(s, scores_sql, filter)))
        code = pg_fail(s, scores, "cannot read results database", err);
    n = code == CLI_EXIT_OK ? PQntuples(scores) : 0;
    if (n > 0 && !(list = malloc((size_t)n * sizeof *list)))
        code = store_error_set(err, CLI_EXIT_SOFTWARE, "out of memory");
    for (int i = 0; code == CLI_EXIT_OK && i < PQntuples(rows); i++) {
        struct store_result r;
        const char *id = PQgetvalue(rows, i, 0);

        r.id = strtoll(id, NULL, 10);
        r.taken_at = PQgetvalue(rows, i, 1);
        r.event = PQgetisnull(rows, i, 2) ? NULL : PQgetvalue(rows, i, 2);
        r.bank_version = PQgetvalue(rows, i, 3);
        r.bank_digest = PQgetvalue(rows, i, 4);
        r.recommended = PQgetvalue(rows, i, 5);
        r.margin = strtod(PQgetvalue(rows, i, 6), NULL);
        r.close_call = atoi(PQgetvalue(rows, i, 7));
        r.answers = PQgetvalue(rows, i, 8);
        /* Only careerquiz writes them here, as checked JSON (PostgreSQL 15 has no test that
         * does not raise an error; stats would fail on a bad one anyway). */
        r.answers_valid = true;
        r.score_count = 0;
        /* Both lists are in id order: this result's scores are the next ones. */
        for (; next < n && strtoll(PQgetvalue(scores, next, 0), NULL, 10) < r.id; next++)
            ;
        for (; next < n && strtoll(PQgetvalue(scores, next, 0), NULL, 10) == r.id; next++) {
            list[next].role = PQgetvalue(scores, next, 1);
            list[next].score = strtod(PQgetvalue(scores, next, 2), NULL);
            r.score_count++;
        }
        r.scores = r.score_count ? list + next - r.score_count : list;
        code = each(ctx, &r);
    }
    free(list);
    PQclear(rows);
    PQclear(scores);
    return code;
}

/* Runs a (key, value, count) query and hands each row to counts->add as `tally`. */
static int add_rows(struct pg_store *s, const char *sql, const struct store_filter *filter,
                    enum store_tally tally, struct store_counts *counts, struct store_error *err)
{
    PGresult *res = run_filtered(s, sql, filter);
    int code = pg_ok(res) ? CLI_EXIT_OK : pg_fail(s, res, "cannot read results database", err);

    for (int i = 0; code == CLI_EXIT_OK && i < PQntuples(res); i++)
        code = counts->add(counts->ctx, tally, PQgetvalue(res, i, 0),
                           PQgetisnull(res, i, 1) ? NULL : PQgetvalue(res, i, 1),
                           strtoul(PQgetvalue(res, i, 2), NULL, 10));
    PQclear(res);
    return code;
}

int pg_read_counts(store *base, const struct store_filter *filter, struct store_counts *counts,
                   struct store_error *err)
{
    struct pg_store *s = pg_of(base);
    PGresult *res = run_filtered(s, totals_sql, filter);
    int code = CLI_EXIT_OK;

    if (!pg_ok(res) || PQntuples(res) != 1) {
        code = pg_fail(s, res, "cannot read results database", err);
    } else {
        counts->total += strtoul(PQgetvalue(res, 0, 0), NULL, 10);
        counts->close_calls += strtoul(PQgetvalue(res, 0, 1), NULL, 10);
    }
    PQclear(res);
    if (code == CLI_EXIT_OK)
        code = add_rows(s, recommended_sql, filter, STORE_TALLY_RECOMMENDED, counts, err);
    if (code == CLI_EXIT_OK)
        code = add_rows(s, answered_sql, filter, STORE_TALLY_ANSWERED, counts, err);
    if (code == CLI_EXIT_OK)
        code = add_rows(s, answers_sql, filter, STORE_TALLY_ANSWER, counts, err);
    return code;
}

/* A malloc'd copy of the field, or NULL for NULL. Sets *nomem when the copy fails. */
static char *field_copy(const PGresult *res, int column, bool *nomem)
{
    char *copy = PQgetisnull(res, 0, column) ? NULL : strdup(PQgetvalue(res, 0, column));

    if (!copy && !PQgetisnull(res, 0, column))
        *nomem = true;
    return copy;
}

int pg_find_code(store *base, const char *code, bool *found, struct store_found *out,
                 struct store_error *err)
{
    struct pg_store *s = pg_of(base);
    const char *values[1] = {code};
    PGresult *res = pg_run(s, find_sql, 1, values);
    bool nomem = false;
    int exit_code = CLI_EXIT_OK;

    if (!pg_ok(res)) {
        exit_code = pg_fail(s, res, "cannot read results database", err);
    } else if (PQntuples(res) > 0) {
        out->taken_at = field_copy(res, 0, &nomem);
        out->event = field_copy(res, 1, &nomem);
        out->bank_digest = field_copy(res, 2, &nomem);
        out->answers = field_copy(res, 3, &nomem);
        *found = !nomem;
    }
    PQclear(res);
    if (nomem) {
        store_found_release(out);
        *found = false;
        return store_error_set(err, CLI_EXIT_SOFTWARE, "%s", cq_strerror(CQ_ERR_NOMEM));
    }
    return exit_code;
}

/* Runs a one-row query of one integer with n parameters. */
static int query_count(struct pg_store *s, const char *sql, int n, const char *const *values,
                       long long *value, struct store_error *err)
{
    PGresult *res = pg_run(s, sql, n, values);
    int code = CLI_EXIT_OK;

    if (!pg_ok(res) || PQntuples(res) != 1)
        code = pg_fail(s, res, "cannot read results database", err);
    else
        *value = strtoll(PQgetvalue(res, 0, 0), NULL, 10);
    PQclear(res);
    return code;
}

int pg_count(store *s, const char *event, long long *count, struct store_error *err)
{
    const char *values[1] = {event};

    return query_count(pg_of(s), count_sql, 1, values, count, err);
}

int pg_data_version(store *s, long long *version, struct store_error *err)
{
    return query_count(pg_of(s), version_sql, 0, NULL, version, err);
}
