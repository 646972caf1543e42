/* model_load.c: loads the bank and profiles, built into the library or from --data DIR, for the
 * commands, and finds a role in them by the id a person typed. */

#include <stdio.h>

#include "cli.h"
#include "exitcode.h"
#include "diagnostics.h"

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

/* A role by id, or an error that lists the valid ids: for role, compare and --explain. */
size_t cli_find_role(const struct cli_env *env, const char *id)
{
    size_t n = cq_model_role_count(env->model);
    size_t role = cq_model_find_role(env->model, id);
    char valid[CQ_MAX_ROLES * (CQ_MAX_ID_BYTES + 2) + 1];
    size_t used = 0;

    if (role != (size_t)-1)
        return role;
    valid[0] = '\0';
    for (role = 0; role < n && used < sizeof valid; role++)
        used += (size_t)snprintf(valid + used, sizeof valid - used, "%s%s", role ? ", " : "",
                                 cq_role_id(env->model, role));
    cli_error("unknown role \"%s\" (valid roles: %s)", id, valid);
    return (size_t)-1;
}
