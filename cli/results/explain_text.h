/* explain_text.h: the text sections that explain a result (score and take print them). */
#ifndef CQ_CLI_EXPLAIN_TEXT_H
#define CQ_CLI_EXPLAIN_TEXT_H

#include "result_view.h"

/*
 * Wraps `text` (owned: freed here) as a paragraph under `first`/`rest`, as term_wrap does. A
 * NULL text means building it ran out of memory: that is reported. Returns an exit code.
 */
int text_paragraph(const char *first, const char *rest, char *text);

/* Writes a section heading (a blank line, then the title in the accent style). */
void text_heading(const struct cli_env *env, const char *title);

/*
 * Each writes one section on stdout, or nothing when it has nothing to say, and returns an
 * exit code (only running out of memory can fail):
 * - the reasons (answers that raised and lowered the recommended role's score most) that the
 *   summary had no room for, flagged false in `shown` (raised ones first);
 * - the recommended role's whole summary;
 * - the largest shortfalls against the recommended role, in plain words, with what closes them;
 * - the full ledger of the --explain role;
 * - the education gap of the recommended role, as a soft factor;
 * - the getting-started tips, those closing the largest gaps first, with the gaps they close;
 * - the single-answer changes that would put another role first;
 * - the top two roles side by side (what they share, dimension by dimension).
 */
int text_more_reasons(const struct cli_env *env, const struct result_view *view, const bool *shown);
int text_about(const struct cli_env *env, const struct result_view *view);
int text_gaps(const struct cli_env *env, const struct result_view *view);
int text_explained(const struct cli_env *env, const struct result_view *view);
int text_education(const struct cli_env *env, const struct result_view *view);
int text_tips(const struct cli_env *env, const struct result_view *view);
int text_what_if(const struct cli_env *env, const struct result_view *view);
int text_side_by_side(const struct cli_env *env, const struct result_view *view);

/* Writes a whole comparison, every item of both roles, for the compare command. */
int text_comparison(const struct cli_env *env, const cq_comparison *comparison);

#endif /* CQ_CLI_EXPLAIN_TEXT_H */
