/* store_backend.h: what a results-store backend implements (SQLite, PostgreSQL), and what the
 * store files share: the handle's common part, the row as it is written, the error helpers. */
#ifndef CQ_CLI_STORE_BACKEND_H
#define CQ_CLI_STORE_BACKEND_H

#include <stdbool.h>

#include "kiosk_code.h"
#include "diagnostics.h"
#include "store.h"

/* One completed quiz as it goes into the database: a result row and a score row per role. The
 * strings are borrowed from the model (or, for a pending file, from its text) except answers. */
struct store_row {
    char taken_at[sizeof "2026-05-01T14:03:07Z"];
    char code[KIOSK_CODE_SIZE]; /* the code the person finds it under ("K7Q2-XM4P") */
    const char *event;          /* NULL when none */
    const char *bank_version, *bank_digest;
    char *answers; /* the compact answers document, malloc'd */
    size_t answers_size;
    const char *recommended;
    double margin; /* rounded to 0.1, as shown */
    int close_call;
    size_t role_count;
    struct {
        const char *role;
        double score; /* rounded to 0.1, as shown */
        long rank;    /* 1 = recommended; 0 when the education filter set the role apart */
    } scores[CQ_MAX_ROLES];
};

/* What became of one pending file (store_pending.c) offered to the database. */
enum store_pending_result {
    STORE_PENDING_STORED,    /* stored now, or found stored already: the file can go */
    STORE_PENDING_ELSEWHERE, /* it names another database: left alone */
    STORE_PENDING_NOT_OURS,  /* not a pending result of careerquiz: left alone */
    STORE_PENDING_BAD,       /* the database refused this one (*err says why); others may do */
    STORE_PENDING_FAILED     /* the database failed (*err says why): the rest should wait */
};

/*
 * A backend's functions: each returns an exit code and fills *err on failure, as the
 * store.h function of the same name does. The handle is the backend's own struct, which starts
 * with struct store.
 */
struct store_backend {
    void (*close)(store *s);
    int (*add_row)(store *s, struct store_row *row, struct store_error *err);
    int (*begin)(store *s, struct store_error *err);
    int (*commit)(store *s, struct store_error *err);
    int (*read_begin)(store *s, struct store_error *err);
    int (*read_roles)(store *s, store_role_fn each, void *ctx, struct store_error *err);
    int (*read_results)(store *s, const struct store_filter *filter, store_result_fn each,
                        void *ctx, struct store_error *err);
    int (*read_counts)(store *s, const struct store_filter *filter, struct store_counts *counts,
                       struct store_error *err);
    int (*find_code)(store *s, const char *code, bool *found, struct store_found *out,
                     struct store_error *err);
    int (*count)(store *s, const char *event, long long *count, struct store_error *err);
    int (*data_version)(store *s, long long *version, struct store_error *err);
    /* Stores the pending file's text (its JSON) unless it is there already. With `database`
     * (not NULL), only when the file names that database. */
    enum store_pending_result (*add_pending)(store *s, const char *text, const char *database,
                                             struct store_error *err);
};

struct store {
    const struct store_backend *ops;
    char *path; /* the name for messages, malloc'd */
};

/* The SQLite backend (store_sqlite.c): opens path, made by the caller, for writing (`create`)
 * or reading. */
int store_sqlite_open(const char *path, bool create, const struct store_wait *wait, store **out,
                      struct store_error *err);

/* The PostgreSQL backend (store_pg.c): connects to the server uri names, for writing
 * (`create`: the schema is made when the database has none) or reading. Absent from a build
 * without libpq (built without CQ_HAVE_PG). */
int store_pg_open(const char *uri, bool create, store **out, struct store_error *err);

/* uri without its password (user:password@ and a password= parameter), malloc'd: the name a
 * server database goes by in messages and pending files. NULL when out of memory. */
char *store_server_name(const char *uri);

/* Fills err's message (printf-style) and returns code. */
int store_error_set(struct store_error *err, int code, const char *fmt, ...) CLI_PRINTF(3, 4);

/* Fills row from a scored quiz, stamped with the time now (UTC). Release the row with
 * store_row_release either way. */
int store_row_make(struct store_row *row, const char *event, const cq_model *model,
                   const cq_answers *answers, const cq_result *result, struct store_error *err);
void store_row_release(struct store_row *row);

/* Stores one row as store_add does (joining store_begin's transaction when one is open).
 * When its code is taken already (one chance in billions), row gets a new one. */
int store_add_row(store *s, struct store_row *row, struct store_error *err);

/* Offers a pending file's text to the database (see struct store_backend). */
enum store_pending_result store_add_pending(store *s, const char *text, const char *database,
                                            struct store_error *err);

/* Stats' counts over the results a filter keeps, the same SQL in both dialects but for the
 * filter (the backend's placeholders, on `r`): the number of results and of close calls, and
 * the results per recommended role (role, NULL, count). */
#define STORE_TOTALS_SQL(filter)                                                                   \
    "SELECT count(*), coalesce(sum(r.close_call), 0) FROM results AS r WHERE " filter
#define STORE_RECOMMENDED_SQL(filter)                                                              \
    "SELECT r.recommended, NULL, count(*) FROM results AS r "                                      \
    "WHERE " filter " GROUP BY r.recommended"

/* ---- the schema (store_schema.c): what the backends' schema files share ---------------- */

/*
 * Version 2 of the schema, the same SQL in both dialects: each result gets its code
 * ("K7Q2-XM4P"), under which the person finds it again (careerquiz serve's /r/CODE). Rows of
 * version 1 keep NULL: no code was ever given for them. The unique index lets many NULLs
 * through and finds a code at once.
 */
#define STORE_MIGRATE_V2_SQL                                                                       \
    "ALTER TABLE results ADD COLUMN code TEXT;\n"                                                  \
    "CREATE UNIQUE INDEX results_by_code ON results(code);\n"

/* The columns of version 1's two tables (results 9, scores 4); version 2 adds results.code. */
#define STORE_COLUMNS_V1 13

/* What a failure of step i (taking a database of version i to version i + 1) says. */
extern const char *const store_step_what[STORE_SCHEMA_VERSION];

/* The refusals of a database that is not careerquiz's (`why` says how it differs), or whose
 * schema is newer than this program's: each fills *err and returns CLI_EXIT_DATA. */
int store_refuse_foreign(const store *s, const char *why, struct store_error *err);
int store_refuse_newer(const store *s, long long version, struct store_error *err);

/* Checks that a database of schema `version` has all of its columns of our two tables
 * (`columns` of them counted): CLI_EXIT_OK, or the refusal. */
int store_check_columns(const store *s, long long version, long long columns,
                        struct store_error *err);

#endif /* CQ_CLI_STORE_BACKEND_H */
