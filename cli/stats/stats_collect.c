/* stats_collect.c: counts results, recommendations and answers in a results database. */

#include <stdlib.h>
#include <string.h>

#include "exitcode.h"
#include "diagnostics.h"
#include "stats.h"

static const char totals_sql[] =
    "SELECT count(*), coalesce(sum(r.close_call), 0) FROM results AS r WHERE " STORE_FILTER_SQL;
static const char roles_sql[] =
    "SELECT r.recommended, count(*) FROM results AS r WHERE " STORE_FILTER_SQL
    " GROUP BY r.recommended";
/* A question answered with null was skipped and does not count. */
static const char answered_sql[] =
    "SELECT a.key, count(*) FROM results AS r, json_each(r.answers, '$.answers') AS a WHERE "
    "a.type != 'null' AND " STORE_FILTER_SQL " GROUP BY a.key";
/* The second json_each walks one answer: the elements of a multi-choice array, or the single
 * option id or scale value itself. */
static const char answers_sql[] =
    "SELECT a.key, v.value, count(*) FROM results AS r, json_each(r.answers, '$.answers') AS a, "
    "json_each(r.answers, a.path || '.\"' || a.key || '\"') AS v WHERE v.type != 'null' "
    "AND " STORE_FILTER_SQL " GROUP BY a.key, v.value";

/* Orders counts by key, then value (no value first). */
static int compare(const char *key, const char *value, const struct stats_count *c)
{
    int order = strcmp(key, c->key);

    if (order != 0 || value == c->value)
        return order;
    if (!value || !c->value)
        return value ? 1 : -1;
    return strcmp(value, c->value);
}

static int by_key_then_value(const void *a, const void *b)
{
    const struct stats_count *x = a;

    return compare(x->key, x->value, b);
}

size_t stats_first(const struct stats_tally *tally, const char *key)
{
    size_t low = 0, high = tally->count;

    while (low < high) { /* the first item whose key is not below key */
        size_t mid = low + (high - low) / 2;
        if (strcmp(tally->items[mid].key, key) < 0)
            low = mid + 1;
        else
            high = mid;
    }
    return low;
}

unsigned long stats_lookup(const struct stats_tally *tally, const char *key, const char *value)
{
    size_t low = 0, high = tally->count;

    while (low < high) {
        size_t mid = low + (high - low) / 2;
        int order = compare(key, value, &tally->items[mid]);
        if (order == 0)
            return tally->items[mid].count;
        if (order < 0)
            high = mid;
        else
            low = mid + 1;
    }
    return 0;
}

/*
 * Puts the tally in order and adds up the counts of the same key and value, which databases
 * read one after another repeat. Sorting once keeps stats at n log n in the number of distinct
 * answers; a search per added row made 40,000 distinct keys take seconds.
 */
static void tally_normalise(struct stats_tally *t)
{
    size_t kept = 0;

    if (t->count == 0)
        return;
    qsort(t->items, t->count, sizeof *t->items, by_key_then_value);
    for (size_t i = 1; i < t->count; i++) {
        struct stats_count *last = &t->items[kept], *c = &t->items[i];
        if (compare(c->key, c->value, last) == 0) {
            last->count += c->count;
            free(c->key);
            free(c->value);
        } else {
            t->items[++kept] = *c;
        }
    }
    t->count = kept + 1;
}

/* Adds key/value's count n; stats_collect orders and merges them afterwards. Returns false
 * when out of memory. */
static bool tally_add(struct stats_tally *t, const char *key, const char *value, unsigned long n)
{
    struct stats_count *grown, *c;

    if (t->count == t->cap) {
        size_t cap = t->cap ? t->cap * 2 : 32;

        grown = realloc(t->items, cap * sizeof *grown);
        if (!grown)
            return false;
        t->items = grown;
        t->cap = cap;
    }
    c = &t->items[t->count];
    c->key = strdup(key);
    c->value = value ? strdup(value) : NULL;
    c->count = n;
    if (!c->key || (value && !c->value)) {
        free(c->key);
        free(c->value);
        return false;
    }
    t->count++;
    return true;
}

static void tally_release(struct stats_tally *t)
{
    for (size_t i = 0; i < t->count; i++) {
        free(t->items[i].key);
        free(t->items[i].value);
    }
    free(t->items);
    memset(t, 0, sizeof *t);
}

void stats_release(struct stats *st)
{
    tally_release(&st->roles);
    tally_release(&st->answered);
    tally_release(&st->answers);
}

static const char *column_text(sqlite3_stmt *stmt, int column)
{
    const unsigned char *text = sqlite3_column_text(stmt, column);

    return text ? (const char *)text : "";
}

/*
 * Runs sql and adds each row to tally: (key, count) rows when with_value is false, (key, value,
 * count) rows otherwise. Returns an exit code after reporting.
 */
static int add_rows(store *s, const char *sql, const struct store_filter *filter,
                    struct stats_tally *tally, bool with_value)
{
    sqlite3_stmt *stmt = NULL;
    int rc, code = store_prepare_filtered(s, sql, filter, &stmt);

    if (code != CLI_EXIT_OK)
        return code;
    while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
        const char *key = column_text(stmt, 0);
        const char *value = with_value ? column_text(stmt, 1) : NULL;
        sqlite3_int64 n = sqlite3_column_int64(stmt, with_value ? 2 : 1);

        if (!tally_add(tally, key, value, (unsigned long)n)) {
            sqlite3_finalize(stmt);
            cli_error("out of memory");
            return CLI_EXIT_SOFTWARE;
        }
    }
    if (rc != SQLITE_DONE)
        code = store_fail(s, rc, "cannot read results database");
    sqlite3_finalize(stmt);
    return code;
}

static int add_totals(store *s, const struct store_filter *filter, struct stats *st)
{
    sqlite3_stmt *stmt = NULL;
    int rc, code = store_prepare_filtered(s, totals_sql, filter, &stmt);

    if (code != CLI_EXIT_OK)
        return code;
    rc = sqlite3_step(stmt);
    if (rc == SQLITE_ROW) {
        st->total += (unsigned long)sqlite3_column_int64(stmt, 0);
        st->close_calls += (unsigned long)sqlite3_column_int64(stmt, 1);
    } else {
        code = store_fail(s, rc, "cannot read results database");
    }
    sqlite3_finalize(stmt);
    return code;
}

int stats_collect(struct stats *st, const char *path, const struct store_filter *filter)
{
    store *s = NULL;
    int code = store_open_existing(path, &s);

    if (code != CLI_EXIT_OK)
        return code;
    /* One read transaction, so the four queries see the same rows while kiosks write on. */
    code = sqlite3_exec(store_sqlite(s), "BEGIN", NULL, NULL, NULL) == SQLITE_OK
               ? CLI_EXIT_OK
               : store_fail(s, sqlite3_errcode(store_sqlite(s)), "cannot read results database");
    if (code == CLI_EXIT_OK)
        code = add_totals(s, filter, st);
    if (code == CLI_EXIT_OK)
        code = add_rows(s, roles_sql, filter, &st->roles, false);
    if (code == CLI_EXIT_OK)
        code = add_rows(s, answered_sql, filter, &st->answered, false);
    if (code == CLI_EXIT_OK)
        code = add_rows(s, answers_sql, filter, &st->answers, true);
    store_close(s); /* ends the read transaction */
    tally_normalise(&st->roles);
    tally_normalise(&st->answered);
    tally_normalise(&st->answers);
    return code;
}
