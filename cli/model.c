/* model.c: loads the bank and profiles, built into the library or from --data DIR, for the
 * commands. */

#include "cli.h"
#include "exitcode.h"
#include "report.h"

int cli_load_model(struct cli_env *env)
{
    cq_error err;
    cq_status status;

    cq_error_clear(&err);
    status = cq_context_new(NULL, &env->ctx);
    if (status != CQ_OK) {
        env->ctx = NULL;
        return cli_report(status, NULL);
    }
    if (env->options->data_dir)
        status = cq_model_load_dir(env->ctx, env->options->data_dir, &env->model, &err);
    else
        status = cq_model_load_default(env->ctx, &env->model, &err);
    if (status != CQ_OK) {
        env->model = NULL;
        cq_context_free(env->ctx);
        env->ctx = NULL;
        return cli_report(status, &err);
    }
    return CLI_EXIT_OK;
}

void cli_unload_model(struct cli_env *env)
{
    cq_model_free(env->model);
    env->model = NULL;
    cq_context_free(env->ctx);
    env->ctx = NULL;
}
