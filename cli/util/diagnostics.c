/* diagnostics.c: error messages on stderr and the exit code that goes with each failure. */

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "exitcode.h"
#include "diagnostics.h"
#include "safe_text.h"

#define PROGRAM_NAME "careerquiz"

/*
 * Writes prefix, the formatted message and a newline on stderr. The message carries file
 * names, arguments and what the engine quotes from answers, so all of it goes through the
 * sanitiser as one line: no escape sequence and no forged second line reach the terminal.
 */
static void say(const char *prefix, const char *fmt, va_list ap)
{
    char small[1024], *text = small;
    va_list again;
    int n;

    va_copy(again, ap);
    n = vsnprintf(small, sizeof small, fmt, ap);
    if (n >= (int)sizeof small) {
        text = malloc((size_t)n + 1);
        if (text)
            vsnprintf(text, (size_t)n + 1, fmt, again);
        else
            text = small; /* out of memory: the message cut short rather than none */
    }
    va_end(again);
    fputs(prefix, stderr);
    if (n < 0)
        fputs("(the message could not be written)", stderr);
    else
        safe_puts(text, stderr);
    fputc('\n', stderr);
    if (text != small)
        free(text);
}

void cli_error(const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    say(PROGRAM_NAME ": ", fmt, ap);
    va_end(ap);
}

void cli_warning(const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    say(PROGRAM_NAME ": warning: ", fmt, ap);
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
