/* kiosk_report.c: writes a kiosk result's HTML report to the report folder under its code. */
#include "kiosk_report.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>

#include "atomic_file.h"
#include "exitcode.h"
#include "report.h"

int kiosk_write_report(const struct cli_env *env, const cq_result *result, const char *dir,
                       const char *code)
{
    char path[4096], reason[128];
    const char *step = NULL;
    snprintf(path, sizeof path, "%s/%s.html", dir, code);
    /* The same page as score --format html, whatever format the kiosk itself was given. */
    struct cli_options options = *env->options;
    options.format = CLI_FORMAT_HTML;
    struct cli_env html = *env;
    html.options = &options;

    char *page = NULL;
    size_t size = 0;
    FILE *mem = open_memstream(&page, &size);
    if (!mem)
        return cli_report(CQ_ERR_NOMEM, NULL);
    int rc = report_result(&html, result, mem);
    if ((ferror(mem) | fclose(mem)) && rc == CLI_EXIT_OK)
        rc = cli_report(CQ_ERR_NOMEM, NULL);
    if (rc == CLI_EXIT_OK && (make_parent_dirs(path) != 0 ||
                              atomic_write_file(path, page, size, &step) != 0)) {
        cli_error("cannot write the report (%s%s%s): %s", step ? step : "create folder",
                  step ? ": " : "", cli_strerror(errno, reason, sizeof reason), path);
        rc = CLI_EXIT_CANTCREAT;
    }
    free(page);
    return rc;
}
