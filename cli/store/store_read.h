/* store_read.h: what stats and export share to read the results database: the row filter. */
#ifndef CQ_CLI_STORE_READ_H
#define CQ_CLI_STORE_READ_H

#include <sqlite3.h>

#include "store.h"

/* --event and --since: NULL fields select everything. */
struct store_filter {
    const char *event;
    const char *since; /* YYYY-MM-DD or YYYY-MM-DDTHH:MM:SSZ; taken_at compares as text */
};

/* The condition on `results AS r` that a query puts in its WHERE; binds ?1 and ?2. */
#define STORE_FILTER_SQL "(?1 IS NULL OR r.event = ?1) AND (?2 IS NULL OR r.taken_at >= ?2)"

/* Prepares sql (which uses STORE_FILTER_SQL) and binds the filter. Returns an exit code after
 * reporting; *out is set only on success and is finalized by the caller. */
int store_prepare_filtered(store *s, const char *sql, const struct store_filter *filter,
                           sqlite3_stmt **out);

#endif /* CQ_CLI_STORE_READ_H */
