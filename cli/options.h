/* options.h: reading the command line's options and checking them against a command. */
#ifndef CQ_CLI_OPTIONS_H
#define CQ_CLI_OPTIONS_H

#include <stdbool.h>

#include "cli.h"

/* The kiosk's default idle time, from the issue: two minutes. */
#define DEFAULT_IDLE_SECONDS 120

/* The options given on the command line: a CLI_TAKES bit each, and the name of each. */
struct given_options {
    unsigned bits;
    const char *names[CLI_OPT_COUNT];
};

/*
 * Parses the options, which may come before or after the command (getopt_long permutes
 * argv; "--" ends them; optind is left at the first operand). Sets *help and *version for -h
 * and -V, and notes in *given which options came, for the command to check. Returns 0, or an
 * exit code after reporting the problem.
 */
int cli_parse_options(int argc, char **argv, struct cli_options *options, bool *help, bool *version,
                      struct given_options *given);

/* Whether the command takes every option given and the output format asked for: 0, or a usage
 * error after reporting it. */
int cli_check_options(const struct cli_command *command, const struct given_options *given,
                      const struct cli_options *options);

#endif /* CQ_CLI_OPTIONS_H */
