/* batch_line.h: one line of `careerquiz batch`: parse and score it, write its result as one line.
 */
#ifndef CQ_CLI_BATCH_LINE_H
#define CQ_CLI_BATCH_LINE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "careerquiz.h"

/*
 * Parses `line` (len bytes, no NUL needed, no newline) as an answers document and scores it with
 * options (NULL for plain scoring). `name` goes into error messages. On CQ_OK *out is a new
 * result the caller frees with cq_result_free; otherwise err says why and nothing is left to
 * free. Nothing else is kept between calls, so a fuzz target can call it on its own.
 */
cq_status batch_score_line(const cq_model *model, const cq_score_options *options, const char *name,
                           const char *line, size_t len, cq_result **out, cq_error *err);

/* Whether a line holds only spaces, tabs and carriage returns: batch skips such lines. */
bool batch_line_blank(const char *line, size_t len);

/* Writes results as compact JSON lines. Made once per model: the pieces that never change (role
 * ids and titles, the bank version) are escaped once, and each line is built in one buffer. */
struct batch_json {
    const cq_model *model;
    char *head;       /* ,"bank_version":"..." */
    char **roles;     /* per role: {"id":"...","title":"...","score": */
    const char **ids; /* per role: "id" (inside roles[r], up to its comma) */
    size_t role_count;
    char *buf; /* the line being built */
    size_t len, cap;
};

/* Returns false when out of memory (nothing to release then). */
bool batch_json_init(struct batch_json *writer, const cq_model *model);
void batch_json_release(struct batch_json *writer);

/*
 * Writes a result as one compact JSON line (docs/formats.md, "Output of careerquiz batch"):
 * the input line number, the bank version, the recommendation, the ranking, margin and close
 * call, with scores as score --json shows them. Returns false when out of memory or when
 * writing failed (ferror(out) tells which).
 */
bool batch_json_write(struct batch_json *writer, FILE *out, const cq_result *result,
                      unsigned long line);

#endif /* CQ_CLI_BATCH_LINE_H */
