/* result_text.c: a scored result as text: the ranking with bars, confidence, the path. */

#include <stdlib.h>

#include "cli.h"
#include "exitcode.h"
#include "explain_text.h"
#include "report.h"
#include "safe_text.h"

#define BAR_CELLS 24

/* Writes the ranking: every ranked role with a bar and its score, best first. */
static void print_ranking(const struct cli_env *env, const cq_result *result)
{
    size_t n = cq_model_role_count(env->model);
    size_t rank, role, width = 0;
    double score;

    for (role = 0; role < n; role++) {
        size_t w = term_width(cq_role_title(env->model, role));
        if (w > width)
            width = w;
    }
    printf("%sRanking%s\n", term_begin(&env->term, TERM_ACCENT), term_end(&env->term));
    n = cq_result_rank_count(result);
    for (rank = 0; rank < n; rank++) {
        role = cq_result_role_at(result, rank);
        score = cq_round1(cq_result_score(result, role));
        printf("  %zu. %s", rank + 1, rank == 0 ? term_begin(&env->term, TERM_BOLD) : "");
        term_pad(stdout, cq_role_title(env->model, role), width);
        printf("%s  %s", rank == 0 ? term_end(&env->term) : "",
               term_begin(&env->term, rank == 0 ? TERM_GOOD : TERM_DIM));
        term_bar(stdout, &env->term, score / 100.0, BAR_CELLS);
        printf("%s %5.1f%%  %s\n", term_end(&env->term), score, cq_role_id(env->model, role));
    }
}

/* The roles the education filter set apart, each with the level it usually expects. */
static int print_filtered(const struct cli_env *env, const struct result_view *view)
{
    size_t i, n = cq_result_filtered_count(view->result);
    int code = CLI_EXIT_OK;

    if (n == 0)
        return CLI_EXIT_OK;
    text_heading(env, "Above your reported education");
    for (i = 0; code == CLI_EXIT_OK && i < n; i++)
        code = text_paragraph("  - ", "    ",
                              view_filtered_role(view, cq_result_filtered_at(view->result, i)));
    return code;
}

/* Warnings about the answers themselves, which put the whole ranking in doubt. */
static void print_warnings(const struct cli_env *env, const cq_result *result)
{
    unsigned i, warnings = cq_result_warnings(result);

    if (warnings == 0)
        return;
    text_heading(env, "Check your answers");
    for (i = 0; i < CQ_WARNING_COUNT; i++)
        if (warnings & (1u << i))
            term_wrap(stdout, "  - ", "    ", cq_warning_text((cq_warning)(1u << i)));
}

/* The recommended role's title, id and summary. */
static void print_recommendation(const struct cli_env *env, const struct result_view *view)
{
    printf("\n%sRecommended path: ", term_begin(&env->term, TERM_ACCENT));
    safe_puts(cq_role_title(view->model, view->top), stdout);
    printf("%s (%s)\n", term_end(&env->term), cq_role_id(view->model, view->top));
    term_wrap(stdout, "  ", "  ", cq_role_summary(view->model, view->top));
}

/* The articles the recommended role draws on, and where to read the whole profile. */
static int print_sources(const struct result_view *view)
{
    int code = CLI_EXIT_OK;

    if (cq_role_list_count(view->model, view->top, CQ_LIST_SOURCES) > 0) {
        fputc('\n', stdout);
        code = text_paragraph("Source: ", "        ", view_sources(view));
    }
    if (code == CLI_EXIT_OK)
        printf("\nThe whole profile: careerquiz role %s\n", cq_role_id(view->model, view->top));
    return code;
}

int result_print_text(const struct cli_env *env, const cq_result *result)
{
    /* What follows the recommendation, in order. */
    static int (*const sections[])(const struct cli_env *, const struct result_view *) = {
        text_reasons, text_explained, text_education, text_tips, text_what_if, text_side_by_side,
    };
    struct result_view view;
    size_t i;
    int code = result_view_init(&view, env, result);

    if (code != CLI_EXIT_OK)
        return code;
    print_ranking(env, result);
    code = print_filtered(env, &view);
    print_warnings(env, result);
    if (code == CLI_EXIT_OK && cq_result_close_count(result) > 1) {
        fputc('\n', stdout);
        code = text_paragraph("Close call: ", "  ", view_close_call(&view));
        if (code == CLI_EXIT_OK)
            code = text_paragraph("  ", "  ", view_read_about(&view));
    }
    if (code == CLI_EXIT_OK)
        print_recommendation(env, &view);
    for (i = 0; code == CLI_EXIT_OK && i < sizeof sections / sizeof *sections; i++)
        code = sections[i](env, &view);
    if (code == CLI_EXIT_OK)
        code = print_sources(&view);
    result_view_release(&view);
    return code;
}
