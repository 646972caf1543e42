/* stats.h: counts over the stored results of one or more databases, and what stats shows. */
#ifndef CQ_CLI_STATS_H
#define CQ_CLI_STATS_H

#include <stdbool.h>
#include <stddef.h>

#include "cli.h"
#include "store.h"

/* One counted thing: a role id, a question id, or a question id and an answer. */
struct stats_count {
    char *key;
    char *value; /* the answer (option id, or a scale value as text); NULL for keys alone */
    unsigned long count;
};

struct stats_tally {
    struct stats_count *items;
    size_t count, cap;
};

/* Raw counts, added up over every database read. */
struct stats {
    unsigned long total, close_calls;
    struct stats_tally roles;    /* recommended role id -> results */
    struct stats_tally answered; /* question id -> results that answered it */
    struct stats_tally answers;  /* question id and answer -> results that gave it */
};

/* Adds the results of the database at path that pass filter to st (which starts zeroed).
 * Afterwards every tally is ordered by key, then value, each pair once. Returns an exit code
 * after reporting. */
int stats_collect(struct stats *st, const char *path, const struct store_filter *filter);
void stats_release(struct stats *st);

/* The count of key (and value, which may be NULL), 0 when not counted (a binary search). */
unsigned long stats_lookup(const struct stats_tally *tally, const char *key, const char *value);

/* The index of the first item with key in the ordered tally (tally->count when none). */
size_t stats_first(const struct stats_tally *tally, const char *key);

/* ---- what the views show: the counts in the model's order, with its texts -------------- */

/* One bar: a role, an option or a scale value. Strings borrow from the model or the stats. */
struct stats_row {
    const char *id;   /* role id, option id, or the scale value as text */
    const char *text; /* title, option text or scale label; the id when the bank lacks it */
    unsigned long count;
};

struct stats_question {
    const char *id;
    const char *text; /* the question, or its id when the bank lacks it */
    const char *type; /* "single", "multi", "scale" or "unknown" */
    unsigned long answered;
    struct stats_row *rows;
    size_t row_count;
    char (*numbers)[16]; /* the scale values' text, which rows[].id points into */
};

struct stats_view {
    unsigned long total, close_calls;
    struct stats_row *roles; /* most recommended first, then by id; every role of the bank */
    size_t role_count;
    struct stats_question *questions; /* bank order, then questions the bank does not know */
    size_t question_count;
};

/*
 * Lays out st for the views: roles with their titles, questions with their options (or every
 * value of a scale) in bank order. Answers the bank does not know (results of an older bank)
 * follow the known ones. Returns an exit code; release with stats_view_release.
 */
int stats_view_init(struct stats_view *view, const struct stats *st, const cq_model *model);
void stats_view_release(struct stats_view *view);

/* count as a share of total, 0..1 (0 when total is 0). */
double stats_share(unsigned long count, unsigned long total);

/* The views (stats_*.c): write to stdout (JSON to out), return an exit code. */
int stats_write_text(const struct cli_env *env, const struct stats_view *view);
int stats_write_json(FILE *out, const struct stats_view *view);
int stats_write_csv(const struct stats_view *view);
int stats_write_html(const struct stats_view *view, const struct cli_options *options);

/* One horizontal bar chart in SVG: a row per item with its label, a bar of its share of all
 * results (classes "bar" and "track"), and the count with the percentage. scale: the rows are
 * the values of a scale question, shown before their labels. */
void stats_html_chart(FILE *out, const char *title, const struct stats_row *rows, size_t count,
                      unsigned long total, bool scale);

#endif /* CQ_CLI_STATS_H */
