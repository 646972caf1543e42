/* result_text.c: a scored result as text: the summary that fits one screen, then the details. */

#include <stdlib.h>

#include "cli.h"
#include "exitcode.h"
#include "explain_text.h"
#include "pager.h"
#include "diagnostics.h"
#include "result_summary.h"

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
    /* What follows the summary, in order. */
    static int (*const sections[])(const struct cli_env *, const struct result_view *) = {
        text_about,   text_gaps,      text_education,    text_tips,
        text_what_if, text_explained, text_side_by_side,
    };
    struct result_view view;
    struct summary_shown shown;
    size_t i;
    int code = result_view_init(&view, env, result);

    if (code != CLI_EXIT_OK)
        return code;
    code = summary_print(env, &view, &shown);
    if (code == CLI_EXIT_OK)
        code = print_filtered(env, &view);
    if (code == CLI_EXIT_OK)
        code = text_more_reasons(env, &view, shown.reasons);
    for (i = 0; code == CLI_EXIT_OK && i < sizeof sections / sizeof *sections; i++)
        code = sections[i](env, &view);
    if (code == CLI_EXIT_OK)
        code = print_sources(&view);
    result_view_release(&view);
    return code;
}

int result_show_text(const struct cli_env *env, const cq_result *result)
{
    struct pager pager;
    int code;

    pager_start(&pager, !env->options->plain);
    code = result_print_text(env, result);
    pager_stop(&pager);
    return code;
}
