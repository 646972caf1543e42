/* result_view.h: what every output format shows about a result, chosen once, and its sentences. */
#ifndef CQ_CLI_RESULT_VIEW_H
#define CQ_CLI_RESULT_VIEW_H

#include <stdbool.h>
#include <stddef.h>

#include "cli.h"

/* Answers shown as the reasons that raised the score most, and as those that lowered it. */
#define VIEW_REASONS 8
/* What a reason's number is compared with, in plain words, for every output. */
#define VIEW_REASONS_NOTE                                                                          \
    "Each number is the points that answer gave this role compared with the average of the "       \
    "other answers to the same question. On a pick-all question, what you ticked is compared "     \
    "with ticking none, and \"None of these yet\" with ticking one option."
/* The answer column of a question left out, in the --explain ledger: it has points too. */
#define VIEW_LEFT_OUT "left out (every role gets the same points for it)"
/* The headings over the warnings about the answers, and over the notes on what
 * --education-filter did (CQ_WARNINGS_FILTER), which are no mistake to check. */
#define VIEW_CHECK_ANSWERS "Check your answers"
#define VIEW_FILTER_NOTES "About the education filter"
/* Profile items named for a gap no tip closes, at most. */
#define VIEW_GAP_ITEMS 3
/* An effect smaller than this (in points) is not worth naming: a "-0.1" beside "+8.8" reads
 * as a reason against the role when it changes nothing a person would notice. */
#define VIEW_MIN_EFFECT 0.5
/* Points closer than this are the same amount (sums of the same terms in another order). */
#define VIEW_SAME_POINTS 1e-9

struct result_view {
    const cq_model *model;
    const cq_result *result;
    const cq_answers *answers; /* the answers scored, borrowed from the result */
    size_t top;                /* the recommended role */
    cq_changes *changes;       /* the what-ifs to show */
    cq_comparison *comparison; /* the top two side by side; NULL when fewer are ranked */
    size_t raised[VIEW_REASONS], raised_count;   /* questions, largest positive effect first */
    size_t lowered[VIEW_REASONS], lowered_count; /* questions, largest negative effect first */
    bool explain;                                /* --explain: also show explain_role's ledger */
    size_t explain_role;
};

/*
 * Chooses what to show for a result: reasons, what-ifs, the comparison of the top two, and the
 * --explain role of env's options (ignored when unknown; commands check it first). Returns an
 * exit code; on failure the problem is reported and nothing needs releasing.
 */
int result_view_init(struct result_view *view, const struct cli_env *env, const cq_result *result);
void result_view_release(struct result_view *view);

/* Text written through a FILE into memory: open_memstream with its closing step checked. */
struct view_text {
    FILE *out;
    char *text;
    size_t size;
};
bool view_text_open(struct view_text *t);
/* Closes the stream and returns the text (the caller frees it), or NULL when anything failed. */
char *view_text_close(struct view_text *t);

/*
 * Sentences and phrases, as plain text in malloc'd strings the caller frees; NULL when out of
 * memory. Each output format escapes and lays them out its own way.
 */
/* A question's text up to its first question mark ("Which tools...? Pick all" loses "Pick"). */
char *view_question(const cq_model *model, size_t q);
/* An answer in words: option texts joined by "; ", "4 of 5" or "5 (Pure research)" for a
 * scale, "no answer" when skipped. */
char *view_answer(const cq_model *model, const cq_answers *answers, size_t q);
/* The answer, then what in it counts for `role` and what counts for no role ("SAS; Excel. Points
 * come from SAS. Excel counts for no role."), for the --explain ledger. */
char *view_answer_for(const struct result_view *view, size_t role, size_t q);
/* A shortfall's label: the trait's name, or for a place of a group (a language, a degree
 * subject) every place of its group that closes the role's gap by the same amount, as the
 * articles name them ("Python, Java or C++"), any one of which would do. */
void view_write_gap_label(FILE *out, const struct result_view *view, size_t trait);
/* "question? You said: answer" for a reason, with what in the answer counts (as above). */
char *view_reason(const struct result_view *view, size_t q);
/* "X and Y both fit: too close to call, within 3.0 points of the top score."; only meaningful
 * when the result is a close call. */
char *view_close_call(const struct result_view *view);
/* "Read about each with careerquiz role A, careerquiz role B.": the close roles by id. */
char *view_read_about(const struct result_view *view);
/* "If you answered ... instead of ..., X would come first (by N points).", or for a change the
 * person cannot make (cq_change_actionable false) what the model weighs: "The model weighs your
 * answer ...: with ... instead, X would come first (by N points)." */
char *view_what_if(const struct result_view *view, size_t i);
/* Whether the person reported less education than the recommended role usually expects, and
 * the sentence that says so plainly, as a soft factor (naming the option that sets such roles
 * apart when the reader has the command). */
bool view_has_education_gap(const struct result_view *view);
char *view_education_gap(const struct result_view *view, bool names_commands);
/* "Research Scientist usually expects ..." for a role the education filter set apart. */
char *view_filtered_role(const struct result_view *view, size_t role);
/* The trait names a tip closes a gap on, joined by ", " (never "" for a tip that is shown). */
char *view_tip_closes(const struct result_view *view, size_t tip);
/* The recommended role's shortfall at `rank` in plain words: what the role expects, what the
 * person said and its size in points. */
char *view_gap(const struct result_view *view, size_t rank);
/* What closes that shortfall: "Tip: ...." for each tip shown that closes it, each a sentence of
 * its own with `between` ("\n" for a line each, " " in running text) between them; else
 * "What the role's profile names for it:" and the items of the role's profile that name it
 * (cq_role_trait_item), each a sentence with `item_lead` before it ("\n- " for a bullet line
 * each, " " in running text); "" when the profile names neither. */
char *view_gap_closer(const struct result_view *view, size_t rank, const char *between,
                      const char *item_lead);
/* The article titles of the recommended role, joined by "; ". */
char *view_sources(const struct result_view *view);
/* The articles a tip of a role comes from, joined by "; ". */
char *view_tip_sources(const cq_model *model, size_t role, size_t tip);
/* "from: A; B. Also a tip for: Data Science Engineer": where a tip comes from, and the other
 * roles that get the same advice. With `every`, said once for all the role's tips, which share
 * it: "Every tip here is from: A. Each is also a tip for: B". */
char *view_tip_origin(const cq_model *model, size_t role, size_t tip, bool every);
/* "Responsibilities", "Skills", ...: a comparison dimension as a heading. */
const char *view_dimension_title(cq_dimension dimension);
/* What both roles share in a dimension, joined by "; ", or "nothing in common". Tips say in words
 * what they are: the same advice of an article on both roles, or, when no tip is shared, that no
 * article covers both, and the kinds of advice each gets from its own. */
char *view_shared(const cq_model *model, const cq_comparison *comparison, cq_dimension dimension);

#endif /* CQ_CLI_RESULT_VIEW_H */
