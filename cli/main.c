/* main.c: careerquiz's entry point: reads the options (options.c), runs one command, cleans
 * up, exits. */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "diagnostics.h"
#include "exitcode.h"
#include "options.h"
#include "output_file.h"

/* Runs one command with its operands: checks its options and their number, loads the model,
 * runs it. */
static int run_command(struct cli_env *env, const struct cli_command *command,
                       const struct given_options *given, int argc, char **argv)
{
    int code;

    code = cli_check_options(command, given, env->options);
    if (code != CLI_EXIT_OK)
        return code;
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
    /* A mistyped --explain role is a usage error before any work: before score reads its
     * file, before take asks its first question. */
    if ((command->takes & CLI_TAKES(EXPLAIN)) && env->options->explain &&
        cli_find_role(env, env->options->explain) == (size_t)-1) {
        cli_unload_model(env);
        return CLI_EXIT_USAGE;
    }
    code = command->run(env, argc, argv);
    cli_unload_model(env);
    return code;
}

int main(int argc, char **argv)
{
    struct cli_options options = {
        .format = CLI_FORMAT_TEXT, .idle = DEFAULT_IDLE_SECONDS, .port = -1, .rate_limit = -1};
    struct cli_env env = {&options, {false, false}, NULL, NULL};
    struct output_capture capture = {0};
    const struct cli_command *command = NULL;
    struct given_options given = {0};
    bool help = false, version = false;
    int code, operands;
    char **operand;

    code = cli_parse_options(argc, argv, &options, &help, &version, &given);
    if (code != 0)
        return code;
    /* A file written with --output never gets terminal colours, nor --plain's screen reader. */
    term_init(&env.term, options.no_color || options.output || options.plain);
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

    /* What export and batch write holds people's answers and results: private, as saved
     * answers are. Reports and listings get the permissions the umask allows. */
    if (options.output &&
        (code = output_capture_begin(&capture, options.output,
                                     command && (strcmp(command->name, "export") == 0 ||
                                                 strcmp(command->name, "batch") == 0))) != 0)
        return code;

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
    } else if (!command && !(isatty(STDIN_FILENO) && isatty(STDERR_FILENO))) {
        cli_usage(stderr);
        return CLI_EXIT_USAGE;
    } else if (!command) {
        /* Someone typed plain `careerquiz` at a terminal: they want to take the quiz. */
        code = run_command(&env, cli_find_command("take"), &given, 0, NULL);
    } else {
        code = run_command(&env, command, &given, operands - 1, operand + 1);
    }

    code = output_capture_end(&capture, code);
    if (cli_close_stdout() != 0 && code == CLI_EXIT_OK)
        code = CLI_EXIT_IO;
    return code;
}
