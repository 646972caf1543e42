/* result_summary.h: the opening of a result on text output, sized to fit one 100x40 screen. */
#ifndef CQ_CLI_RESULT_SUMMARY_H
#define CQ_CLI_RESULT_SUMMARY_H

#include "result_view.h"

/* The summary never takes more lines than this: a 40-line terminal less the pager's prompt and
 * one line of room. */
#define SUMMARY_MAX_LINES 38
/* Tips the summary names at most. */
#define SUMMARY_TIPS 3

/* What the summary showed, so the details that follow show the rest. */
struct summary_shown {
    bool reasons[2 * VIEW_REASONS]; /* raised ones first, then lowered ones */
    size_t tips;                    /* the first this many tips shown */
};

/*
 * Writes the summary on stdout: a heading, the ranking with scores, warnings, a close call, the
 * recommendation, its top reasons and top tips, each part only while the whole still fits in
 * SUMMARY_MAX_LINES. Fills *shown. Returns an exit code (only running out of memory fails).
 */
int summary_print(const struct cli_env *env, const struct result_view *view,
                  struct summary_shown *shown);

/* Writes the ranking: every ranked role with a bar and its score, best first, on out. */
void summary_ranking(FILE *out, const struct cli_env *env, const cq_result *result);

#endif /* CQ_CLI_RESULT_SUMMARY_H */
