/* output.h: write errors on stdout, kept with the errno they had, and reported once. */
#ifndef CQ_CLI_OUTPUT_H
#define CQ_CLI_OUTPUT_H

#include <stdbool.h>

/*
 * Whether a write to stdout has failed (ferror). Called right after a write that may have
 * failed, it keeps the errno of that first failure (ENOSPC, EPIPE), which later calls would
 * have overwritten and a check at the close could only guess as EIO.
 */
bool cli_stdout_failed(void);

/*
 * Flushes stdout. Returns 0 when everything written so far got through, else the errno of the
 * first failure (kept by cli_stdout_failed, or this flush's), EIO when none is known.
 */
int cli_stdout_flush_error(void);

/* Marks stdout's failure as reported (by --output, naming its file), so that the close of
 * stdout does not report it again as "stdout". */
void cli_stdout_error_reported(void);

#endif /* CQ_CLI_OUTPUT_H */
