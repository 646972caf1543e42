/* cmd_compare.c: the compare command: two roles side by side, dimension by dimension. */

#include "cli.h"
#include "exitcode.h"
#include "explain_text.h"
#include "diagnostics.h"

/* compare A B: what two roles share and how they differ, as text, JSON or a report. */
int cmd_compare(struct cli_env *env, int argc, char **argv)
{
    size_t a, b;
    cq_comparison *comparison = NULL;
    cq_error err;
    cq_status status;
    char *json = NULL;
    size_t size = 0;
    int code;

    (void)argc;
    if ((a = cli_find_role(env, argv[0])) == (size_t)-1 ||
        (b = cli_find_role(env, argv[1])) == (size_t)-1)
        return CLI_EXIT_USAGE;
    if (a == b) {
        cli_error("compare needs two different roles, not \"%s\" twice", argv[0]);
        return CLI_EXIT_USAGE;
    }
    cq_error_clear(&err);
    status = cq_compare(env->model, a, b, &comparison, &err);
    if (status != CQ_OK)
        return cli_report(status, &err);
    switch (env->options->format) {
    case CLI_FORMAT_JSON:
        status = cq_comparison_to_json(env->model, comparison, &json, &size, &err);
        code = cli_write_json(env, status, json, size, &err);
        break;
    case CLI_FORMAT_MARKDOWN:
    case CLI_FORMAT_HTML:
        code = report_comparison(env, comparison);
        break;
    default:
        code = text_comparison(env, comparison);
        break;
    }
    cq_comparison_free(comparison);
    return code;
}
