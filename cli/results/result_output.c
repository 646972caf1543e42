/* result_output.c: writes a result in the format the options ask for. */

#include "cli.h"
#include "exitcode.h"
#include "diagnostics.h"

int result_write(const struct cli_env *env, const cq_result *result)
{
    cq_json_options options = CQ_JSON_OPTIONS_INIT;
    cq_error err;
    cq_status status;
    char *json = NULL;
    size_t size = 0;

    switch (env->options->format) {
    case CLI_FORMAT_JSON:
        if (env->options->explain) {
            options.explain_role = cq_model_find_role(env->model, env->options->explain);
            options.explain = options.explain_role != (size_t)-1;
        }
        cq_error_clear(&err);
        status = cq_result_to_json_with(env->model, result, &options, &json, &size, &err);
        return cli_write_json(env, status, json, size, &err);
    case CLI_FORMAT_MARKDOWN:
    case CLI_FORMAT_HTML:
        return report_result(env, result, stdout);
    case CLI_FORMAT_TEXT:
        break;
    }
    return result_show_text(env, result);
}
