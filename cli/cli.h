/* cli.h: what the CLI's files share: options, the command table and the command functions. */
#ifndef CQ_CLI_CLI_H
#define CQ_CLI_CLI_H

#include <stdbool.h>
#include <stdio.h>

#include "careerquiz.h"
#include "term.h"

enum cli_format { CLI_FORMAT_TEXT, CLI_FORMAT_JSON };

/* Global options, parsed by main.c. */
struct cli_options {
    enum cli_format format;
    const char *data_dir; /* --data DIR, or NULL for the embedded bank and profiles */
    bool no_color;        /* --no-color */
};

/* What a command runs with. The model is loaded before the command runs and freed after. */
struct cli_env {
    const struct cli_options *options;
    struct term term;
    cq_context *ctx;
    cq_model *model;
};

/* A command: argv holds its operands only (argv[0] is the first operand, not its name). */
typedef int (*cli_command_fn)(struct cli_env *env, int argc, char **argv);

struct cli_command {
    const char *name;
    const char *args;    /* operand synopsis, "" when none */
    const char *summary; /* one line for the command list */
    const char *details; /* further usage text, "" when none */
    int min_args;
    int max_args;
    bool needs_model;
    cli_command_fn run;
};

/* The command called name, or NULL. */
const struct cli_command *cli_find_command(const char *name);

/* Writes the general usage (commands and options) to out. */
void cli_usage(FILE *out);

/* Writes the usage of one command to out. */
void cli_command_usage(FILE *out, const struct cli_command *command);

/*
 * Loads the model from options->data_dir, or from the embedded sources when it is NULL, into
 * env->ctx and env->model. Returns an exit code; on failure the error is reported and env
 * holds nothing to free.
 */
int cli_load_model(struct cli_env *env);

/* Frees env->model and env->ctx. Accepts an env with nothing loaded. */
void cli_unload_model(struct cli_env *env);

/* Writes a JSON document made by the engine to stdout and frees it. Returns an exit code. */
int cli_write_json(struct cli_env *env, cq_status status, char *json, size_t size,
                   const cq_error *err);

/* Flushes and closes stdout. Returns CLI_EXIT_IO after reporting a write error, else 0. */
int cli_close_stdout(void);

/* Commands (cmd_*.c). */
int cmd_help(struct cli_env *env, int argc, char **argv);
int cmd_version(struct cli_env *env, int argc, char **argv);
int cmd_questions(struct cli_env *env, int argc, char **argv);
int cmd_roles(struct cli_env *env, int argc, char **argv);
int cmd_role(struct cli_env *env, int argc, char **argv);
int cmd_score(struct cli_env *env, int argc, char **argv);

#endif /* CQ_CLI_CLI_H */
