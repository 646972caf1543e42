/* report.c: error messages on stderr and the exit code that goes with each failure. */

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "exitcode.h"
#include "report.h"

#define PROGRAM_NAME "careerquiz"

void cli_error(const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    fputs(PROGRAM_NAME ": ", stderr);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
}

void cli_warning(const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    fputs(PROGRAM_NAME ": warning: ", stderr);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
}

const char *cli_strerror(int errnum, char *buf, size_t size)
{
    snprintf(buf, size, "%s", strerror(errnum));
    if (buf[0] >= 'A' && buf[0] <= 'Z')
        buf[0] = (char)(buf[0] - 'A' + 'a');
    return buf;
}

int cli_exit_for_status(cq_status status)
{
    switch (status) {
    case CQ_OK:
        return CLI_EXIT_OK;
    case CQ_ERR_OPEN:
        return CLI_EXIT_NOINPUT;
    case CQ_ERR_IO:
        return CLI_EXIT_IO;
    case CQ_ERR_SYNTAX:
    case CQ_ERR_INVALID:
    case CQ_ERR_LIMIT:
        return CLI_EXIT_DATA;
    case CQ_ERR_NOMEM:
    case CQ_ERR_ARG:
        break;
    }
    return CLI_EXIT_SOFTWARE;
}

int cli_report(cq_status status, const cq_error *err)
{
    char buf[CQ_ERROR_TEXT + CQ_ERROR_NAME + 64];

    if (err && err->status != CQ_OK && err->message[0] != '\0')
        cli_error("%s", cq_error_format(err, buf, sizeof buf));
    else
        cli_error("%s", cq_strerror(status));
    return cli_exit_for_status(status);
}
