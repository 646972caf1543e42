/* exitcode.h: the exit codes of careerquiz, named after <sysexits.h>. */
#ifndef CQ_CLI_EXITCODE_H
#define CQ_CLI_EXITCODE_H

enum cli_exit {
    CLI_EXIT_OK = 0,         /* success */
    CLI_EXIT_USAGE = 64,     /* bad command line: option, argument, command or role id */
    CLI_EXIT_DATA = 65,      /* bad input data: answers, bank or profiles (syntax, content, size) */
    CLI_EXIT_NOINPUT = 66,   /* an input file or folder cannot be opened */
    CLI_EXIT_SOFTWARE = 70,  /* internal error, including running out of memory */
    CLI_EXIT_CANTCREAT = 73, /* an output file cannot be created */
    CLI_EXIT_IO = 74,        /* reading an input or writing the output failed */
    CLI_EXIT_UNFINISHED = 75 /* the quiz stopped early (quit, end of input); answers were saved */
};

#endif /* CQ_CLI_EXITCODE_H */
