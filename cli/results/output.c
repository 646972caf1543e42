/* output.c: writes results to stdout and makes sure they got there. */

#include <errno.h>
#include <string.h>

#include "cli.h"
#include "exitcode.h"
#include "json_write.h"
#include "output.h"
#include "diagnostics.h"

static int first_errno; /* of the first failed write to stdout; 0 while none failed */
static bool reported;   /* that failure was reported already */

bool cli_stdout_failed(void)
{
    if (!ferror(stdout))
        return false;
    if (!first_errno)
        first_errno = errno ? errno : EIO;
    return true;
}

int cli_stdout_flush_error(void)
{
    errno = 0;
    if (fflush(stdout) != 0 && !first_errno)
        first_errno = errno ? errno : EIO;
    if (!ferror(stdout))
        return 0;
    return first_errno ? first_errno : EIO;
}

void cli_stdout_error_reported(void)
{
    reported = true;
}

int cli_write_json(const struct cli_env *env, cq_status status, char *json, size_t size,
                   const cq_error *err)
{
    if (status != CQ_OK)
        return cli_report(status, err);
    json_write_safe(stdout, json, size); /* --data texts may hold C1 controls */
    cq_free(env->ctx, json);
    return CLI_EXIT_OK;
}

int cli_write_model_json(const struct cli_env *env,
                         cq_status (*view)(const cq_model *, char **, size_t *, cq_error *))
{
    char *json = NULL;
    size_t size = 0;
    cq_error err;

    cq_error_clear(&err);
    cq_status status = view(env->model, &json, &size, &err);
    return cli_write_json(env, status, json, size, &err);
}

static void report_write_error(int errnum)
{
    char text[128];

    if (!reported)
        cli_error("cannot write output (%s): stdout", cli_strerror(errnum, text, sizeof text));
    reported = true;
}

int cli_close_stdout(void)
{
    int errnum = cli_stdout_flush_error();

    if (errnum) {
        report_write_error(errnum);
        fclose(stdout);
        return CLI_EXIT_IO;
    }
    errno = 0;
    if (fclose(stdout) != 0) {
        report_write_error(errno ? errno : EIO);
        return CLI_EXIT_IO;
    }
    return 0;
}
