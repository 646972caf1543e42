/* store_code.h: a stored result found again by its code, for the person who took the quiz. */
#ifndef CQ_CLI_STORE_CODE_H
#define CQ_CLI_STORE_CODE_H

#include <stdbool.h>

#include "store.h"

/* What the database keeps of one result: enough to show it again. Strings malloc'd. */
struct store_found {
    char *taken_at;    /* "2026-05-01T14:03:07Z" */
    char *event;       /* NULL when none */
    char *bank_digest; /* of the question bank it was scored with */
    char *answers;     /* the compact answers document */
};

/*
 * Looks up the result stored under code (KIOSK_CODE_SIZE form, "K7Q2-XM4P"). Returns an exit
 * code after reporting a database error; on CLI_EXIT_OK, *found says whether there is one and
 * out holds it (release it with store_found_release either way).
 */
int store_find_code(store *s, const char *code, bool *found, struct store_found *out);
void store_found_release(struct store_found *out);

/* How many results the event has (every result when event is NULL), into *count. Returns an
 * exit code after reporting. */
int store_count(store *s, const char *event, long long *count);

/* SQLite's data_version of the connection: it changes when another connection (another
 * process) commits to the database. Returns an exit code after reporting. */
int store_data_version(store *s, long long *version);

#endif /* CQ_CLI_STORE_CODE_H */
