/* batch_held.h: batch --db's result lines for the open transaction, held back until it commits,
 * so that no line is printed for a result that did not reach the database. */
#ifndef CQ_CLI_BATCH_HELD_H
#define CQ_CLI_BATCH_HELD_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

struct batch_held {
    FILE *out;  /* a memory stream the lines are written to; NULL when none is open */
    char *text; /* its buffer */
    size_t size;
    unsigned long *lines; /* the input line of each held result */
    size_t count, cap;
};

/* Starts an empty hold. Returns false when out of memory (nothing to release then). */
bool batch_held_init(struct batch_held *held);
void batch_held_release(struct batch_held *held);

/* The stream to write the next result line to, and the input line it is for. Returns false
 * when out of memory. */
bool batch_held_add(struct batch_held *held, unsigned long line);

/* The transaction committed: writes every held line to out and empties the hold. Returns
 * false when memory ran out or writing failed (ferror(out) tells which). */
bool batch_held_write(struct batch_held *held, FILE *out);

/* The transaction failed: reports the held lines by number ("lines 1-999, 1003") as not
 * stored and not written, and empties the hold. */
void batch_held_drop(struct batch_held *held, const char *name);

#endif /* CQ_CLI_BATCH_HELD_H */
