/* cmd_roles.c: the roles and role commands: the list of roles and one role's whole profile. */

#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "exitcode.h"
#include "diagnostics.h"
#include "result_view.h"
#include "safe_text.h"

/* Section headings of the profile lists, in cq_role_list order. */
static const char *const list_headings[CQ_LIST_COUNT] = {
    "Responsibilities", "Skills", "Education", "Tools", "Industries", "Sources",
};

/* Writes a section heading. */
static void print_heading(const struct cli_env *env, const char *heading)
{
    printf("\n%s%s%s\n", term_begin(&env->term, TERM_ACCENT), heading, term_end(&env->term));
}

/* Writes one of a role's lists as bullets. */
static void print_list(const struct cli_env *env, size_t role, cq_role_list list)
{
    size_t n = cq_role_list_count(env->model, role, list);
    size_t i;

    for (i = 0; i < n; i++)
        term_wrap(stdout, "  - ", "    ", cq_role_list_item(env->model, role, list, i));
}

/* The text of the "education" question's option `id`, or id itself when there is none. */
static const char *education_text(const cq_model *model, const char *id)
{
    size_t q = cq_model_find_question(model, "education");
    size_t option;

    if (q == (size_t)-1)
        return id;
    option = cq_question_find_option(model, q, id);
    return option == (size_t)-1 ? id : cq_option_text(model, q, option);
}

/* Writes the outlook paragraph and its figures: "value — measure (source, period)". */
static void print_outlook(const struct cli_env *env, size_t role)
{
    size_t n = cq_role_figure_count(env->model, role);
    size_t i;
    cq_figure figure;
    char line[CQ_MAX_TEXT_BYTES * 5 + 16];

    term_wrap(stdout, "  ", "  ", cq_role_outlook(env->model, role));
    for (i = 0; i < n; i++) {
        if (!cq_role_figure(env->model, role, i, &figure))
            continue;
        snprintf(line, sizeof line, "%s \xe2\x80\x94 %s (%s%s%s)%s%s", figure.value, figure.measure,
                 figure.source, figure.period[0] ? ", " : "", figure.period,
                 figure.note[0] ? "; " : "", figure.note);
        term_wrap(stdout, "  - ", "    ", line);
    }
}

/* Writes where tip i comes from, dim, in brackets: of every tip when `every`. */
static int print_origin(const struct cli_env *env, size_t role, size_t i, bool every)
{
    char *origin = view_tip_origin(env->model, role, i, every), *line;

    line = origin ? malloc(strlen(origin) + 3) : NULL;
    if (line)
        sprintf(line, "(%s)", origin);
    free(origin);
    if (!line)
        return cli_report(CQ_ERR_NOMEM, NULL);
    term_wrap_style(stdout, &env->term, TERM_DIM, TERM_TEXT_WIDTH, every ? "  " : "    ",
                    every ? "  " : "    ", line);
    free(line);
    return CLI_EXIT_OK;
}

/* Whether every tip of the role has the same articles and is shared with the same roles. */
static bool one_origin(const struct cli_env *env, size_t role)
{
    size_t i, n = cq_role_tip_count(env->model, role);
    char *first = n > 1 ? view_tip_origin(env->model, role, 0, false) : NULL, *other;
    bool same = first != NULL;

    for (i = 1; same && i < n; i++) {
        other = view_tip_origin(env->model, role, i, false);
        same = other && strcmp(first, other) == 0;
        free(other);
    }
    free(first);
    return same;
}

/* Writes the getting-started tips, each with the articles it comes from and the other roles
 * that get the same advice; said once when it is the same for every tip (the role page of the
 * Research Scientist said it under each of its eight tips). */
static int print_tips(const struct cli_env *env, size_t role)
{
    size_t n = cq_role_tip_count(env->model, role);
    size_t i;
    bool once = one_origin(env, role);
    int code = once ? print_origin(env, role, 0, true) : CLI_EXIT_OK;

    for (i = 0; code == CLI_EXIT_OK && i < n; i++) {
        term_wrap(stdout, "  - ", "    ", cq_tip_text(env->model, role, i));
        if (!once)
            code = print_origin(env, role, i, false);
    }
    return code;
}

/* Text view of one role's whole profile. */
static int print_role(const struct cli_env *env, size_t role)
{
    int code;
    const cq_model *model = env->model;
    int list;

    fputs(term_begin(&env->term, TERM_BOLD), stdout);
    safe_puts(cq_role_title(model, role), stdout);
    printf("%s (%s)\n", term_end(&env->term), cq_role_id(model, role));
    term_wrap(stdout, "", "", cq_role_summary(model, role));

    for (list = 0; list < CQ_LIST_SOURCES; list++) {
        print_heading(env, list_headings[list]);
        if (list == CQ_LIST_EDUCATION) {
            fputs("  Typically at least: ", stdout);
            safe_puts(education_text(model, cq_role_typical_education(model, role)), stdout);
            fputc('\n', stdout);
        }
        print_list(env, role, (cq_role_list)list);
    }
    print_heading(env, "Outlook");
    print_outlook(env, role);
    print_heading(env, "Getting started");
    code = print_tips(env, role);
    if (code != CLI_EXIT_OK)
        return code;
    print_heading(env, list_headings[CQ_LIST_SOURCES]);
    print_list(env, role, CQ_LIST_SOURCES);
    return CLI_EXIT_OK;
}

/* roles: every role's id, title and summary, or cq_roles_to_json. */
int cmd_roles(struct cli_env *env, int argc, char **argv)
{
    size_t n = cq_model_role_count(env->model);
    size_t role;

    (void)argc;
    (void)argv;
    if (env->options->format == CLI_FORMAT_JSON)
        return cli_write_model_json(env, cq_roles_to_json);
    for (role = 0; role < n; role++) {
        if (role > 0)
            fputc('\n', stdout);
        printf("%s%s%s  ", term_begin(&env->term, TERM_BOLD), cq_role_id(env->model, role),
               term_end(&env->term));
        safe_puts(cq_role_title(env->model, role), stdout);
        fputc('\n', stdout);
        term_wrap(stdout, "    ", "    ", cq_role_summary(env->model, role));
    }
    return CLI_EXIT_OK;
}

/* role ID: one role's whole profile, or cq_role_to_json. */
int cmd_role(struct cli_env *env, int argc, char **argv)
{
    size_t role;
    cq_error err;
    cq_status status;
    char *json = NULL;
    size_t size = 0;

    (void)argc;
    role = cli_find_role(env, argv[0]);
    if (role == (size_t)-1)
        return CLI_EXIT_USAGE;
    if (env->options->format == CLI_FORMAT_JSON) {
        cq_error_clear(&err);
        status = cq_role_to_json(env->model, role, &json, &size, &err);
        return cli_write_json(env, status, json, size, &err);
    }
    return print_role(env, role);
}
