/* explain_text.c: the text sections that explain a result: reasons, ledger, gaps, what-ifs. */

#include <stdlib.h>
#include <string.h>

#include "exitcode.h"
#include "explain_text.h"
#include "diagnostics.h"
#include "safe_text.h"

int text_paragraph(const char *first, const char *rest, char *text)
{
    if (!text)
        return cli_report(CQ_ERR_NOMEM, NULL);
    term_wrap(stdout, first, rest, text);
    free(text);
    return CLI_EXIT_OK;
}

void text_heading(const struct cli_env *env, const char *title)
{
    putchar('\n');
    term_wrap_style(stdout, &env->term, TERM_ACCENT, TERM_TEXT_WIDTH, "", "", title);
}

/* One reason: its effect in points, then the question and answer wrapped beside it. */
static int print_reason(const struct result_view *v, size_t q)
{
    char first[32];

    snprintf(first, sizeof first, "    %+5.1f  ",
             cq_round1(cq_result_effect(v->result, v->top, q)));
    return text_paragraph(first, "           ", view_reason(v, q));
}

/* Where the i-th reason (raised ones first, then lowered ones) is in the summary's `shown`, which
 * keeps VIEW_REASONS places for each kind however many there are. */
static size_t shown_at(const struct result_view *v, size_t i)
{
    return i < v->raised_count ? i : VIEW_REASONS + (i - v->raised_count);
}

int text_more_reasons(const struct cli_env *env, const struct result_view *v, const bool *shown)
{
    size_t i, n = v->raised_count + v->lowered_count, left = 0;
    int code = CLI_EXIT_OK;
    char title[CQ_MAX_TEXT_BYTES + 32];

    for (i = 0; i < n; i++)
        left += !shown[shown_at(v, i)];
    if (left == 0)
        return CLI_EXIT_OK;
    snprintf(title, sizeof title, "%s reasons for %s", left == n ? "The" : "More",
             cq_role_title(v->model, v->top));
    text_heading(env, title);
    if (left == n)
        term_wrap(stdout, "  ", "  ", VIEW_REASONS_NOTE);
    for (i = 0; code == CLI_EXIT_OK && i < n; i++)
        if (!shown[shown_at(v, i)])
            code = print_reason(v, i < v->raised_count ? v->raised[i]
                                                       : v->lowered[i - v->raised_count]);
    return code;
}

int text_about(const struct cli_env *env, const struct result_view *v)
{
    char title[CQ_MAX_TEXT_BYTES + 16];

    snprintf(title, sizeof title, "About %s", cq_role_title(v->model, v->top));
    text_heading(env, title);
    term_wrap(stdout, "  ", "  ", cq_role_summary(v->model, v->top));
    return CLI_EXIT_OK;
}

int text_gaps(const struct cli_env *env, const struct result_view *v)
{
    size_t i, n = cq_result_gap_count(v->result, v->top);
    int code = CLI_EXIT_OK;
    char title[CQ_MAX_TEXT_BYTES + 32], number[16];
    char *closer;
    const char *line;
    size_t len;

    if (n > CQ_GAPS_NAMED)
        n = CQ_GAPS_NAMED;
    snprintf(title, sizeof title, "Where you fall short of %s", cq_role_title(v->model, v->top));
    text_heading(env, title);
    if (n == 0) {
        term_wrap(stdout, "  ", "  ",
                  "Nowhere worth naming: no answer falls short of what the role expects by half a "
                  "point or more.");
        return CLI_EXIT_OK;
    }
    term_wrap(stdout, "  ", "  ",
              "The points each shortfall costs the score, largest first, and what closes it:");
    for (i = 0; code == CLI_EXIT_OK && i < n; i++) {
        snprintf(number, sizeof number, "  %zu. ", i + 1);
        code = text_paragraph(number, "     ", view_gap(v, i));
        closer = code == CLI_EXIT_OK ? view_gap_closer(v, i, "\n", "\n- ") : NULL;
        if (code == CLI_EXIT_OK && !closer)
            code = cli_report(CQ_ERR_NOMEM, NULL);
        /* Each tip and each profile item on a line of its own: one paragraph would run them
         * together. A profile item is a bullet, its wrapped lines under its text. */
        for (line = closer; code == CLI_EXIT_OK && line && *line; line += len + !!line[len]) {
            len = strcspn(line, "\n");
            if (strncmp(line, "- ", 2) == 0)
                code = text_paragraph("     - ", "       ", strndup(line + 2, len - 2));
            else
                code = text_paragraph("     ", "     ", strndup(line, len));
        }
        free(closer);
    }
    return code;
}

int text_explained(const struct cli_env *env, const struct result_view *v)
{
    size_t q, n = cq_model_question_count(v->model);
    int code = CLI_EXIT_OK;
    char line[CQ_MAX_TEXT_BYTES + 64];

    if (!v->explain)
        return CLI_EXIT_OK;
    snprintf(line, sizeof line, "How the score of %s adds up (%.1f%%)",
             cq_role_title(v->model, v->explain_role),
             cq_round1(cq_result_score(v->result, v->explain_role)));
    text_heading(env, line);
    printf("  points  effect  question: answer\n");
    /* Every question, the ones left out too: their points are part of the sum. */
    for (q = 0; code == CLI_EXIT_OK && q < n; q++) {
        snprintf(line, sizeof line,
                 "  %6.2f  %+6.2f  %s: ", cq_result_points(v->result, v->explain_role, q),
                 cq_result_effect(v->result, v->explain_role, q), cq_question_id(v->model, q));
        code = text_paragraph(line, "                  ",
                              cq_answers_has(v->answers, q) ? view_answer_for(v, v->explain_role, q)
                                                            : strdup(VIEW_LEFT_OUT));
    }
    return code;
}

int text_education(const struct cli_env *env, const struct result_view *v)
{
    if (!view_has_education_gap(v))
        return CLI_EXIT_OK;
    text_heading(env, "Education");
    return text_paragraph("  ", "  ", view_education_gap(v, true));
}

int text_tips(const struct cli_env *env, const struct result_view *v)
{
    size_t rank, n = cq_result_tip_count(v->result, v->top);
    int code = CLI_EXIT_OK;
    char *closes;

    text_heading(env, "Getting started, the tips for your largest gaps first");
    /* Say why there is none, in the case that holds: no shortfall, or no tip that fits one. */
    if (n == 0 && cq_result_gap_count(v->result, v->top) == 0)
        term_wrap(stdout, "  ", "  ",
                  "None needed: no answer falls short of what the role expects by half a point "
                  "or more.");
    else if (n == 0)
        term_wrap(stdout, "  ", "  ",
                  "No tip from the articles fits you: this role's tips are about things your "
                  "answers show you already have or do not lack. Under each shortfall above is "
                  "what the role's profile asks for instead.");
    for (rank = 0; code == CLI_EXIT_OK && rank < n; rank++) {
        size_t tip = cq_result_tip_at(v->result, v->top, rank);
        term_wrap(stdout, "  - ", "    ", cq_tip_text(v->model, v->top, tip));
        closes = view_tip_closes(v, tip);
        if (!closes)
            return cli_report(CQ_ERR_NOMEM, NULL);
        term_wrap_style(stdout, &env->term, TERM_DIM, TERM_TEXT_WIDTH,
                        "    closes a gap in: ", "    ", closes);
        free(closes);
    }
    return code;
}

int text_what_if(const struct cli_env *env, const struct result_view *v)
{
    size_t i, n = cq_changes_count(v->changes);
    int code = CLI_EXIT_OK;
    char *sentence;

    text_heading(env, "What would change it");
    if (n == 0)
        term_wrap(stdout, "  ", "  ",
                  "No change to a single answer puts another role first: the result is firm.");
    for (i = 0; code == CLI_EXIT_OK && i < n; i++) {
        sentence = view_what_if(v, i);
        code = text_paragraph("  - ", "    ", sentence);
    }
    return code;
}

int text_side_by_side(const struct cli_env *env, const struct result_view *v)
{
    const cq_comparison *c = v->comparison;
    size_t a, b;
    int d, code = CLI_EXIT_OK;
    char label[32], line[2 * CQ_MAX_TEXT_BYTES + 64];

    if (!c)
        return CLI_EXIT_OK;
    a = cq_comparison_role(c, 0);
    b = cq_comparison_role(c, 1);
    /* The names under the heading, not in it: two long titles pass 80 columns, and a heading
     * that wraps could end a page. */
    text_heading(env, "What the first two share");
    snprintf(line, sizeof line, "%s and %s:", cq_role_title(v->model, a),
             cq_role_title(v->model, b));
    term_wrap(stdout, "  ", "  ", line);
    for (d = 0; code == CLI_EXIT_OK && d < CQ_DIM_COUNT; d++) {
        snprintf(label, sizeof label, "  %s: ", view_dimension_title((cq_dimension)d));
        code = text_paragraph(label, "    ", view_shared(v->model, c, (cq_dimension)d));
    }
    /* The command on a line of its own when the ids would take the line past 80 columns. */
    static const char lead[] = "  The full comparison:", command[] = " careerquiz compare ";
    bool own_line = sizeof lead - 1 + sizeof command - 1 + strlen(cq_role_id(v->model, a)) + 1 +
                        strlen(cq_role_id(v->model, b)) >
                    TERM_TEXT_WIDTH;
    printf("%s%s%s %s\n", lead, own_line ? "\n    careerquiz compare " : command,
           cq_role_id(v->model, a), cq_role_id(v->model, b));
    return code;
}

int text_comparison(const struct cli_env *env, const cq_comparison *c)
{
    const cq_model *model = env->model;
    int d, side, code = CLI_EXIT_OK;
    size_t i, n, role;
    char title[2 * (CQ_MAX_TEXT_BYTES + CQ_MAX_ID_BYTES) + 16];

    /* "A (a) and B (b)": two long titles pass 80 columns, so it wraps like any text. */
    snprintf(
        title, sizeof title, "%s (%s) and %s (%s)", cq_role_title(model, cq_comparison_role(c, 0)),
        cq_role_id(model, cq_comparison_role(c, 0)), cq_role_title(model, cq_comparison_role(c, 1)),
        cq_role_id(model, cq_comparison_role(c, 1)));
    term_wrap_style(stdout, &env->term, TERM_BOLD, TERM_TEXT_WIDTH, "", "", title);
    for (d = 0; code == CLI_EXIT_OK && d < CQ_DIM_COUNT; d++) {
        text_heading(env, view_dimension_title((cq_dimension)d));
        code = text_paragraph("  In common: ", "    ", view_shared(model, c, (cq_dimension)d));
        for (side = 0; code == CLI_EXIT_OK && side < 2; side++) {
            role = cq_comparison_role(c, side);
            fputs("  ", stdout);
            safe_puts(cq_role_title(model, role), stdout);
            fputs(":\n", stdout);
            n = cq_comparison_item_count(c, (cq_dimension)d, side);
            for (i = 0; i < n; i++)
                term_wrap(stdout, "    - ", "      ",
                          cq_comparison_item(c, (cq_dimension)d, side, i));
        }
    }
    return code;
}
