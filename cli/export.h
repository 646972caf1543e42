/* export.h: the stored results as CSV, as `careerquiz export` writes them. */
#ifndef CQ_CLI_EXPORT_H
#define CQ_CLI_EXPORT_H

#include <stdio.h>

#include "store.h"

/*
 * Writes a header row, then a row per result that passes filter (its own columns, then a score
 * column per role), to out. Call it inside a read transaction, so that rows and scores come
 * from one moment. Returns an exit code after reporting a database error.
 */
int export_write_csv(store *s, const struct store_filter *filter, FILE *out);

#endif /* CQ_CLI_EXPORT_H */
