/* store_internal.h: what the results-store files (cli/store*.c) share: the handle's insides. */
#ifndef CQ_CLI_STORE_INTERNAL_H
#define CQ_CLI_STORE_INTERNAL_H

#include <sqlite3.h>
#include <stdbool.h>

#include "kiosk_code.h"
#include "store.h"

struct store {
    sqlite3 *db;
    char *path;                  /* as given, for messages */
    sqlite3_stmt *insert_result; /* prepared once, on the first store_add */
    sqlite3_stmt *insert_score;
    bool in_batch;           /* between store_begin and store_commit */
    struct store_wait wait;  /* what to do while the database is busy */
    long long busy_since_ms; /* when the present wait began */
};

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

/* Fills row from a scored quiz, stamped with the time now (UTC). Returns an exit code after
 * reporting; release the row with store_row_release either way. */
int store_row_make(struct store_row *row, const char *event, const cq_model *model,
                   const cq_answers *answers, const cq_result *result);
void store_row_release(struct store_row *row);

/* Stores one row as store_add does (joining store_begin's transaction when one is open).
 * When its code is taken already (one chance in billions), row gets a new one. Returns an exit
 * code after reporting. */
int store_add_row(store *s, struct store_row *row);

/*
 * Makes sure db holds the current schema: with `create`, an empty database gets it (in one
 * transaction, so two processes creating the same file at once agree); a database from a newer
 * careerquiz, or one that is not a careerquiz results database (other tables, or version 1
 * without our tables), is refused before anything is written. Returns an exit code after
 * reporting the problem. Without `create`, a SQLite error is returned in *rc instead of being
 * reported, so that the reader can try another way in (see store.c); *rc is SQLITE_OK else.
 */
int store_schema_check(store *s, bool create, int *rc);

#endif /* CQ_CLI_STORE_INTERNAL_H */
