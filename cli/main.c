/* main.c: careerquiz's entry point: parses options, runs one command, cleans up, exits. */

#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "exitcode.h"
#include "report.h"

enum { OPT_FORMAT = 256, OPT_JSON, OPT_DATA, OPT_NO_COLOR };

static const struct option long_options[] = {
    {"help", no_argument, NULL, 'h'},
    {"version", no_argument, NULL, 'V'},
    {"format", required_argument, NULL, OPT_FORMAT},
    {"json", no_argument, NULL, OPT_JSON},
    {"data", required_argument, NULL, OPT_DATA},
    {"no-color", no_argument, NULL, OPT_NO_COLOR},
    {NULL, 0, NULL, 0},
};

/*
 * Reports an option getopt_long rejected (opt is '?' or ':'). `arg` is the command-line word
 * it came from; for a short option only optopt is reliable, since it may sit in a cluster.
 */
static void report_bad_option(int opt, const char *arg)
{
    bool is_long = strncmp(arg, "--", 2) == 0;
    int len = (int)strcspn(arg, "=");

    if (opt == ':' && is_long)
        cli_error("option %.*s needs a value", len, arg);
    else if (opt == ':')
        cli_error("option -%c needs a value", optopt);
    else if (is_long && optopt != 0) /* a known option given "=value" it does not take */
        cli_error("option %.*s takes no value", len, arg);
    else if (is_long)
        cli_error("unknown option \"%.*s\"", len, arg);
    else
        cli_error("unknown option \"-%c\"", optopt);
    fputs("run careerquiz --help for usage\n", stderr);
}

/*
 * Parses the global options, which may come before or after the command (getopt_long
 * permutes argv; "--" ends them). Sets *help and *version for -h and -V. Returns 0, or an
 * exit code after reporting the problem.
 */
static int parse_options(int argc, char **argv, struct cli_options *options, bool *help,
                         bool *version)
{
    int opt;

    opterr = 0;
    while ((opt = getopt_long(argc, argv, ":hV", long_options, NULL)) != -1) {
        switch (opt) {
        case 'h':
            *help = true;
            break;
        case 'V':
            *version = true;
            break;
        case OPT_FORMAT:
            if (strcmp(optarg, "text") == 0) {
                options->format = CLI_FORMAT_TEXT;
            } else if (strcmp(optarg, "json") == 0) {
                options->format = CLI_FORMAT_JSON;
            } else {
                cli_error("unknown format \"%s\" (use text or json)", optarg);
                return CLI_EXIT_USAGE;
            }
            break;
        case OPT_JSON:
            options->format = CLI_FORMAT_JSON;
            break;
        case OPT_DATA:
            options->data_dir = optarg;
            break;
        case OPT_NO_COLOR:
            options->no_color = true;
            break;
        default: /* '?' or ':' */
            report_bad_option(opt, argv[optind - 1]);
            return CLI_EXIT_USAGE;
        }
    }
    return 0;
}

/* Runs one command with its operands: checks their number, loads the model, runs it. */
static int run_command(struct cli_env *env, const struct cli_command *command, int argc,
                       char **argv)
{
    int code;

    if (argc < command->min_args) {
        cli_error("%s needs %s", command->name, command->args);
        fprintf(stderr, "usage: careerquiz %s %s\n", command->name, command->args);
        return CLI_EXIT_USAGE;
    }
    if (argc > command->max_args) {
        cli_error("unexpected argument \"%s\" for %s", argv[command->max_args], command->name);
        fprintf(stderr, "usage: careerquiz %s%s%s\n", command->name, command->args[0] ? " " : "",
                command->args);
        return CLI_EXIT_USAGE;
    }
    if (command->needs_model) {
        code = cli_load_model(env);
        if (code != CLI_EXIT_OK)
            return code;
    }
    code = command->run(env, argc, argv);
    cli_unload_model(env);
    return code;
}

int main(int argc, char **argv)
{
    struct cli_options options = {CLI_FORMAT_TEXT, NULL, false};
    struct cli_env env = {&options, {false, false}, NULL, NULL};
    const struct cli_command *command = NULL;
    bool help = false, version = false;
    int code, operands;
    char **operand;

    code = parse_options(argc, argv, &options, &help, &version);
    if (code != 0)
        return code;
    term_init(&env.term, options.no_color);
    operand = argv + optind;
    operands = argc - optind;

    if (operands > 0) {
        command = cli_find_command(operand[0]);
        if (!command) {
            cli_error("unknown command \"%s\"", operand[0]);
            fputs("run careerquiz help for the list of commands\n", stderr);
            return CLI_EXIT_USAGE;
        }
    }

    if (help) {
        if (command)
            cli_command_usage(stdout, command);
        else
            cli_usage(stdout);
        code = CLI_EXIT_OK;
    } else if (version) {
        code = cli_load_model(&env);
        if (code == CLI_EXIT_OK)
            code = cmd_version(&env, 0, NULL);
        cli_unload_model(&env);
    } else if (!command) {
        /* A later issue starts the interactive quiz here when stdin is a terminal. */
        cli_usage(stderr);
        return CLI_EXIT_USAGE;
    } else {
        code = run_command(&env, command, operands - 1, operand + 1);
    }

    if (cli_close_stdout() != 0 && code == CLI_EXIT_OK)
        code = CLI_EXIT_IO;
    return code;
}
