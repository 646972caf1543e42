/* export.h: the stored results as CSV, as `careerquiz export` writes them. */
#ifndef CQ_CLI_EXPORT_H
#define CQ_CLI_EXPORT_H

#include <stdio.h>

#include "store.h"

/*
 * Writes a header row, then a row per result of the count stores that passes filter (its own
 * columns, then a score column per role of any of them), to out, store after store. Call it
 * inside each store's read transaction, so that rows and scores come from one moment. Returns
 * an exit code after reporting a database error.
 */
int export_write_csv(store *const *stores, size_t count, const struct store_filter *filter,
                     FILE *out);

#endif /* CQ_CLI_EXPORT_H */
