/* output_file.h: --output FILE: what a command writes to stdout goes to FILE instead. */
#ifndef CQ_CLI_OUTPUT_FILE_H
#define CQ_CLI_OUTPUT_FILE_H

#include <stdbool.h>
#include <stdio.h>

#include "atomic_file.h"

struct output_capture {
    const char *path;        /* the file to write */
    bool active;             /* stdout goes to path (or to its temporary file) */
    bool direct;             /* path is not a regular file: written as it is, no replacing */
    struct atomic_file file; /* the temporary file of a regular path */
};

/*
 * Sends stdout to path from now on. A regular file (or a new one) is written as a temporary
 * file in the same folder, streamed (never held in memory), that replaces path only when the
 * command succeeds, and whole; it gets path's permissions when path exists, else 0600 with
 * `private` (results and answers of people), else what the umask allows. Anything else that is
 * not a folder (a FIFO, /dev/null, a terminal) is opened and written directly, and stays what it
 * is. Returns 0, or an exit code after reporting the problem.
 */
int output_capture_begin(struct output_capture *capture, const char *path, bool private);

/*
 * Ends a capture started by output_capture_begin (does nothing for a zeroed struct). When code
 * is 0 the temporary file replaces path; otherwise it is removed and path left alone. Returns
 * code, or CLI_EXIT_CANTCREAT or CLI_EXIT_IO after reporting why path was not written.
 */
int output_capture_end(struct output_capture *capture, int code);

#endif /* CQ_CLI_OUTPUT_FILE_H */
