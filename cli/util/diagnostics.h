/* diagnostics.h: error messages on stderr and the exit code that goes with each failure. */
#ifndef CQ_CLI_DIAGNOSTICS_H
#define CQ_CLI_DIAGNOSTICS_H

#include "careerquiz.h"

#if defined(__GNUC__) || defined(__clang__)
#define CLI_PRINTF(fmt, args) __attribute__((format(printf, fmt, args)))
#else
#define CLI_PRINTF(fmt, args)
#endif

/* Prints "careerquiz: <formatted message>" and a newline on stderr. */
void cli_error(const char *fmt, ...) CLI_PRINTF(1, 2);

/* Prints "careerquiz: warning: <formatted message>" and a newline on stderr. */
void cli_warning(const char *fmt, ...) CLI_PRINTF(1, 2);

/* strerror(errnum) with a lowercase first letter, as every message here is, in buf. */
const char *cli_strerror(int errnum, char *buf, size_t size);

/* The exit code for a failed engine call (see exitcode.h). */
int cli_exit_for_status(cq_status status);

/*
 * Reports a failed engine call: the cq_error's message and location when it has one, the
 * status name otherwise. Returns the exit code for that status.
 */
int cli_report(cq_status status, const cq_error *err);

#endif /* CQ_CLI_DIAGNOSTICS_H */
