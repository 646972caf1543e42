/* store_sqlite.h: what the SQLite backend's files (cli/store_sqlite*.c) share: the handle's
 * insides, its error helper and the functions of its struct store_backend. */
#ifndef CQ_CLI_STORE_SQLITE_H
#define CQ_CLI_STORE_SQLITE_H

#include <sqlite3.h>
#include <stdbool.h>

#include "store_backend.h"

struct sqlite_store {
    struct store base; /* first: a store * is a struct sqlite_store * */
    sqlite3 *db;
    sqlite3_stmt *insert_result; /* prepared once, on the first store_add */
    sqlite3_stmt *insert_score;
    bool in_batch;           /* between store_begin and store_commit */
    struct store_wait wait;  /* what to do while the database is busy */
    long long busy_since_ms; /* when the present wait began */
};

static inline struct sqlite_store *sqlite_of(store *s)
{
    return (struct sqlite_store *)s;
}

/* Fills err with "<what> (<sqlite message>): <file>" for a failed SQLite call on s and returns
 * the exit code for the SQLite error code rc. */
int sqlite_fail(struct sqlite_store *s, int rc, const char *what, struct store_error *err);

/*
 * Makes sure the database holds the current schema: with `create`, an empty database gets it
 * (in one transaction, so two processes creating the same file at once agree); a database from
 * a newer careerquiz, or one that is not a careerquiz results database (other tables, or a
 * version without our tables), is refused before anything is written. Without `create`, a
 * SQLite error is returned in *rc instead of being turned into an error, so that the reader can
 * try another way in (see store_sqlite.c); *rc is SQLITE_OK else.
 */
int sqlite_schema_check(struct sqlite_store *s, bool create, int *rc, struct store_error *err);

/* The condition on `results AS r` that a reading query puts in its WHERE; binds ?1 and ?2. */
#define STORE_FILTER_SQL "(?1 IS NULL OR r.event = ?1) AND (?2 IS NULL OR r.taken_at >= ?2)"

/* The backend's functions (struct store_backend), in store_sqlite_add.c and _read.c. */
int sqlite_add_row(store *s, struct store_row *row, struct store_error *err);
int sqlite_begin(store *s, struct store_error *err);
int sqlite_commit(store *s, struct store_error *err);
enum store_pending_result sqlite_add_pending(store *s, const char *text, const char *database,
                                             struct store_error *err);
int sqlite_read_begin(store *s, struct store_error *err);
int sqlite_read_roles(store *s, store_role_fn each, void *ctx, struct store_error *err);
int sqlite_read_results(store *s, const struct store_filter *filter, store_result_fn each,
                        void *ctx, struct store_error *err);
int sqlite_read_counts(store *s, const struct store_filter *filter, struct store_counts *counts,
                       struct store_error *err);
int sqlite_find_code(store *s, const char *code, bool *found, struct store_found *out,
                     struct store_error *err);
int sqlite_count(store *s, const char *event, long long *count, struct store_error *err);
int sqlite_data_version(store *s, long long *version, struct store_error *err);

#endif /* CQ_CLI_STORE_SQLITE_H */
