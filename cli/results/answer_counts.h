/* answer_counts.h: which of the options a person picked earn a role points, in words. */
#ifndef CQ_CLI_ANSWER_COUNTS_H
#define CQ_CLI_ANSWER_COUNTS_H

#include <stddef.h>
#include <stdio.h>

#include "careerquiz.h"

/*
 * Writes, after an answer to question q, what in it counts for `role` and what counts for no
 * role, as sentences that start with ". " (nothing when every option picked counts for the
 * role, or the question is a scale or unanswered):
 *   - pick-all: "Points come from \"SAS\"." when other options picked earn this role nothing, "It
 *     earns this role no points." when none does, and "\"Excel\" counts for no role." for an option
 *     that adds nothing to any trait, so ticking it changes no score;
 *   - one choice: "It counts for no role: the number compares it with the average of the other
 *     answers." when the option earns every role nothing on this question.
 */
/* The closeness of value v to a role's target tau on a trait (docs/scoring.md): 1 on target
 * (or past it, for a level), 0 at the farthest value. */
double answer_closeness(const cq_model *model, size_t trait, double v, double tau);

void answer_counts_write(FILE *out, const cq_model *model, const cq_answers *answers, size_t role,
                         size_t q);

#endif
