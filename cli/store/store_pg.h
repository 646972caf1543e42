/* store_pg.h: what the PostgreSQL backend's files (cli/store_pg*.c) share: the handle's insides,
 * running a statement, turning its failure into a store error, and the backend's functions. */
#ifndef CQ_CLI_STORE_PG_H
#define CQ_CLI_STORE_PG_H

#include <libpq-fe.h>
#include <stdbool.h>

#include "store_backend.h"

struct pg_store {
    struct store base; /* first: a store * is a struct pg_store * */
    PGconn *conn;
    bool in_batch; /* between store_begin and store_commit */
};

static inline struct pg_store *pg_of(store *s)
{
    return (struct pg_store *)s;
}

/* Runs sql with n text parameters (NULL entries are SQL NULL). The result is never NULL (a
 * lost connection gives a PGRES_FATAL_ERROR result); PQclear it. */
PGresult *pg_run(struct pg_store *s, const char *sql, int n, const char *const *values);

/* Whether res is a successful command or query. */
bool pg_ok(const PGresult *res);

/* Fills err with "<what> (<server's or libpq's message>): <database>" for the failed res (NULL:
 * the connection's own error) and returns its exit code: 65 for data the database refuses, 74
 * for a connection that is gone or any other failure. The message never holds the password. */
int pg_fail(struct pg_store *s, const PGresult *res, const char *what, struct store_error *err);

/* Runs statements without parameters and result rows (BEGIN, COMMIT, DDL). */
int pg_command(struct pg_store *s, const char *sql, const char *what, struct store_error *err);

/* Checks, and with `create` makes or migrates, the schema (store_pg_schema.c). */
int pg_schema_check(struct pg_store *s, bool create, struct store_error *err);

/* The condition on `results AS r` that a reading query puts in its WHERE; $1 and $2. */
#define PG_FILTER_SQL                                                                              \
    "($1::text IS NULL OR r.event = $1) AND ($2::text IS NULL OR r.taken_at >= $2)"

/* The backend's functions (struct store_backend), in store_pg_add.c and store_pg_read.c. */
int pg_add_row(store *s, struct store_row *row, struct store_error *err);
int pg_begin(store *s, struct store_error *err);
int pg_commit(store *s, struct store_error *err);
enum store_pending_result pg_add_pending(store *s, const char *text, const char *database,
                                         struct store_error *err);
int pg_read_begin(store *s, struct store_error *err);
int pg_read_roles(store *s, store_role_fn each, void *ctx, struct store_error *err);
int pg_read_results(store *s, const struct store_filter *filter, store_result_fn each, void *ctx,
                    struct store_error *err);
int pg_read_counts(store *s, const struct store_filter *filter, struct store_counts *counts,
                   struct store_error *err);
int pg_find_code(store *s, const char *code, bool *found, struct store_found *out,
                 struct store_error *err);
int pg_count(store *s, const char *event, long long *count, struct store_error *err);
int pg_data_version(store *s, long long *version, struct store_error *err);

#endif /* CQ_CLI_STORE_PG_H */
