/* kiosk_report.c: writes a kiosk result's HTML report to the report folder under its code. */
#include "kiosk_report.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "atomic_file.h"
#include "exitcode.h"
#include "diagnostics.h"

int kiosk_write_report(const struct cli_env *env, const cq_result *result, const char *dir,
                       const char *code)
{
    char path[4096], reason[128];
    const char *step = "create folder";
    struct atomic_file file;
    FILE *out = NULL;
    int rc, fd, errnum;

    snprintf(path, sizeof path, "%s/%s.html", dir, code);
    /* The same page as score --format html, whatever format the kiosk itself was given. */
    struct cli_options options = *env->options;
    options.format = CLI_FORMAT_HTML;
    struct cli_env html = *env;
    html.options = &options;

    /* A report is for the person to take away: folder and file get what the umask allows,
     * as any document would, and the page streams into place whole. */
    if (make_parent_dirs(path, 0777) != 0 ||
        atomic_begin(&file, path, atomic_shared_mode(), &step) != 0)
        goto fail;
    step = "write";
    fd = dup(file.fd);
    if (fd < 0 || !(out = fdopen(fd, "w"))) {
        errnum = errno;
        if (fd >= 0)
            close(fd);
        atomic_abandon(&file);
        errno = errnum;
        goto fail;
    }
    rc = report_result(&html, result, out);
    errno = 0;
    if ((ferror(out) | fclose(out)) && rc == CLI_EXIT_OK) {
        errnum = errno ? errno : EIO;
        atomic_abandon(&file);
        errno = errnum;
        goto fail;
    }
    if (rc != CLI_EXIT_OK) {
        atomic_abandon(&file);
        return rc;
    }
    if (atomic_finish(&file, true, &step) == 0)
        return CLI_EXIT_OK;
fail:
    cli_error("cannot write the report (%s: %s): %s", step,
              cli_strerror(errno, reason, sizeof reason), path);
    return CLI_EXIT_CANTCREAT;
}
