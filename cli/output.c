/* output.c: writes results to stdout and makes sure they got there. */

#include <errno.h>
#include <string.h>

#include "cli.h"
#include "exitcode.h"
#include "json_write.h"
#include "report.h"

int cli_write_json(const struct cli_env *env, cq_status status, char *json, size_t size,
                   const cq_error *err)
{
    if (status != CQ_OK)
        return cli_report(status, err);
    json_write_safe(stdout, json, size); /* --data texts may hold C1 controls */
    cq_free(env->ctx, json);
    return CLI_EXIT_OK;
}

static void report_write_error(int errnum)
{
    char text[128];

    cli_error("cannot write output (%s): stdout", cli_strerror(errnum, text, sizeof text));
}

int cli_close_stdout(void)
{
    int failed;

    errno = 0;
    failed = fflush(stdout) != 0 || ferror(stdout);
    if (failed) {
        report_write_error(errno ? errno : EIO);
        fclose(stdout);
        return CLI_EXIT_IO;
    }
    if (fclose(stdout) != 0) {
        report_write_error(errno ? errno : EIO);
        return CLI_EXIT_IO;
    }
    return 0;
}
