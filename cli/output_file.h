/* output_file.h: --output FILE: what a command writes to stdout goes to FILE, all at once. */
#ifndef CQ_CLI_OUTPUT_FILE_H
#define CQ_CLI_OUTPUT_FILE_H

#include <stdbool.h>
#include <stdio.h>

struct output_capture {
    const char *path; /* the file to write */
    FILE *temp;       /* where stdout goes meanwhile; NULL when not capturing */
};

/*
 * Sends stdout into a temporary file from now on, so that FILE is written only when the command
 * succeeds, and then whole. Returns 0, or an exit code after reporting the problem.
 */
int output_capture_begin(struct output_capture *capture, const char *path);

/*
 * Ends a capture started by output_capture_begin (does nothing for a zeroed struct). When code
 * is 0 it replaces path atomically with what was written; otherwise path is left alone.
 * Returns code, or CLI_EXIT_CANTCREAT or CLI_EXIT_IO after reporting why path was not written.
 */
int output_capture_end(struct output_capture *capture, int code);

#endif /* CQ_CLI_OUTPUT_FILE_H */
