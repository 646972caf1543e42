/* explain_text.c: the text sections that explain a result: reasons, ledger, gaps, what-ifs. */

#include <stdlib.h>
#include <string.h>

#include "exitcode.h"
#include "explain_text.h"
#include "report.h"
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
    printf("\n%s", term_begin(&env->term, TERM_ACCENT));
    safe_puts(title, stdout);
    printf("%s\n", term_end(&env->term));
}

/* One reason: its effect in points, then the question and answer wrapped beside it. */
static int print_reason(const struct result_view *v, size_t q)
{
    char first[32];

    snprintf(first, sizeof first, "    %+5.1f  ",
             cq_round1(cq_result_effect(v->result, v->top, q)));
    return text_paragraph(first, "           ", view_reason(v, q));
}

int text_reasons(const struct cli_env *env, const struct result_view *v)
{
    size_t i;
    int code = CLI_EXIT_OK;
    char title[CQ_MAX_TEXT_BYTES + 16];

    if (v->raised_count + v->lowered_count == 0)
        return CLI_EXIT_OK;
    snprintf(title, sizeof title, "Why %s", cq_role_title(v->model, v->top));
    text_heading(env, title);
    term_wrap(stdout, "  ", "  ",
              "Points each answer gained or lost against an answer of average fit to the same "
              "question:");
    for (i = 0; code == CLI_EXIT_OK && i < v->raised_count; i++)
        code = print_reason(v, v->raised[i]);
    for (i = 0; code == CLI_EXIT_OK && i < v->lowered_count; i++)
        code = print_reason(v, v->lowered[i]);
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
    for (q = 0; code == CLI_EXIT_OK && q < n; q++) {
        if (!cq_answers_has(v->answers, q))
            continue;
        snprintf(line, sizeof line,
                 "  %6.2f  %+6.2f  %s: ", cq_result_points(v->result, v->explain_role, q),
                 cq_result_effect(v->result, v->explain_role, q), cq_question_id(v->model, q));
        code = text_paragraph(line, "                  ", view_answer(v->model, v->answers, q));
    }
    return code;
}

int text_education(const struct cli_env *env, const struct result_view *v)
{
    if (!view_has_education_gap(v))
        return CLI_EXIT_OK;
    text_heading(env, "Education");
    return text_paragraph("  ", "  ", view_education_gap(v));
}

int text_tips(const struct cli_env *env, const struct result_view *v)
{
    size_t rank, n = cq_role_tip_count(v->model, v->top);
    int code = CLI_EXIT_OK;
    char *closes;

    if (n == 0)
        return CLI_EXIT_OK;
    text_heading(env, "Getting started, the tips for your largest gaps first");
    for (rank = 0; code == CLI_EXIT_OK && rank < n; rank++) {
        size_t tip = cq_result_tip_at(v->result, v->top, rank);
        term_wrap(stdout, "  - ", "    ", cq_tip_text(v->model, v->top, tip));
        closes = view_tip_closes(v, tip);
        if (closes && closes[0]) {
            fputs(term_begin(&env->term, TERM_DIM), stdout);
            code = text_paragraph("    closes a gap in: ", "    ", closes);
            fputs(term_end(&env->term), stdout);
        } else {
            code = closes ? CLI_EXIT_OK : cli_report(CQ_ERR_NOMEM, NULL);
            free(closes);
        }
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
    snprintf(line, sizeof line, "%s and %s: what they share", cq_role_title(v->model, a),
             cq_role_title(v->model, b));
    text_heading(env, line);
    for (d = 0; code == CLI_EXIT_OK && d < CQ_DIM_COUNT; d++) {
        snprintf(label, sizeof label, "  %s: ", view_dimension_title((cq_dimension)d));
        code = text_paragraph(label, "    ", view_shared(c, (cq_dimension)d));
    }
    printf("  The full comparison: careerquiz compare %s %s\n", cq_role_id(v->model, a),
           cq_role_id(v->model, b));
    return code;
}

int text_comparison(const struct cli_env *env, const cq_comparison *c)
{
    const cq_model *model = env->model;
    int d, side, code = CLI_EXIT_OK;
    size_t i, n, role;

    for (side = 0; side < 2; side++) {
        role = cq_comparison_role(c, side);
        fputs(side ? " and " : "", stdout);
        fputs(term_begin(&env->term, TERM_BOLD), stdout);
        safe_puts(cq_role_title(model, role), stdout);
        printf(" (%s)%s", cq_role_id(model, role), term_end(&env->term));
    }
    putchar('\n');
    for (d = 0; code == CLI_EXIT_OK && d < CQ_DIM_COUNT; d++) {
        text_heading(env, view_dimension_title((cq_dimension)d));
        code = text_paragraph("  In common: ", "    ", view_shared(c, (cq_dimension)d));
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
