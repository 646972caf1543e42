/* store_internal.h: what the results-store files (cli/store*.c) share: the handle's insides. */
#ifndef CQ_CLI_STORE_INTERNAL_H
#define CQ_CLI_STORE_INTERNAL_H

#include <sqlite3.h>
#include <stdbool.h>

#include "store.h"

struct store {
    sqlite3 *db;
    char *path;                  /* as given, for messages */
    sqlite3_stmt *insert_result; /* prepared once, on the first store_add */
    sqlite3_stmt *insert_score;
    bool in_batch; /* between store_begin and store_commit */
    struct store_wait wait;      /* what to do while the database is busy */
    long long busy_since_ms;     /* when the present wait began */
};

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
