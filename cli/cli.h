/* cli.h: what the CLI's files share: options, the command table and the command functions. */
#ifndef CQ_CLI_CLI_H
#define CQ_CLI_CLI_H

#include <stdbool.h>
#include <stdio.h>

#include "careerquiz.h"
#include "term.h"

enum cli_format { CLI_FORMAT_TEXT, CLI_FORMAT_JSON, CLI_FORMAT_MARKDOWN, CLI_FORMAT_HTML };

/* --format csv and jsonl, the table formats of stats and export. They are kept out of enum
 * cli_format so that the result views' switches need not know them; while one is set, format is
 * CLI_FORMAT_TEXT. */
enum cli_table_format { CLI_TABLE_NONE, CLI_TABLE_CSV, CLI_TABLE_JSONL };

/* --db may be given this often (stats merges one database per kiosk). */
#define CLI_MAX_DBS 64

/* Global options, parsed by main.c. */
struct cli_options {
    enum cli_format format;
    const char *data_dir;   /* --data DIR, or NULL for the model built into the library */
    bool no_color;          /* --no-color */
    const char *save;       /* take --save FILE: where the answers are written */
    const char *resume;     /* take --resume FILE: answers to start from */
    bool plain;             /* take --plain: screen-reader mode, no bars, colour or cursor moves */
    const char *explain;    /* score --explain ID: a role whose ledger is shown too */
    bool education_filter;  /* --education-filter: education is a hard filter */
    const char *output;     /* --output FILE: write stdout's output to FILE instead */
    int idle;               /* kiosk --idle SECONDS: back to the welcome screen after this */
    const char *exit_word;  /* kiosk --exit-word WORD: typed at the welcome screen, ends it */
    const char *report_dir; /* kiosk --report-dir DIR: each result's HTML report goes here */

    /* The results store (take, batch, kiosk, stats, export). */
    enum cli_table_format table;  /* --format csv or jsonl: stats and export */
    const char *db;               /* --db FILE (the first one); NULL: the default database */
    const char *dbs[CLI_MAX_DBS]; /* every --db in order; only stats takes more than one */
    size_t db_count;
    const char *event; /* --event NAME: the label stored with each result, or the filter */
    const char *since; /* --since DATE: stats and export from this UTC date or time on */

    /* The web server (serve). */
    int port;               /* --port N, or -1 for the default */
    const char *bind;       /* --bind ADDRESS, or NULL for 127.0.0.1 */
    const char *public_url; /* --public-url URL: where phones reach the server */
    int rate_limit;         /* --rate-limit N requests a second per client, 0 none, -1 default */
    const char *facilitator_key_file; /* its first line is the facilitator screen's key */
    char *facilitator_key; /* --facilitator-key KEY, in argv: serve copies it, then blanks it */
};

/* What a command runs with. The model is loaded before the command runs and freed after. */
struct cli_env {
    const struct cli_options *options;
    struct term term;
    cq_context *ctx;
    cq_model *model;
};

/* The command-line options, one bit each in a command's `takes`. --data, --no-color, --help
 * and --version (CLI_TAKES_ALWAYS) go with every command; any other option a command does
 * not take is a usage error that names both. */
enum cli_option {
    CLI_OPT_FORMAT,
    CLI_OPT_JSON,
    CLI_OPT_DATA,
    CLI_OPT_NO_COLOR,
    CLI_OPT_SAVE,
    CLI_OPT_RESUME,
    CLI_OPT_PLAIN,
    CLI_OPT_EXPLAIN,
    CLI_OPT_EDUCATION_FILTER,
    CLI_OPT_OUTPUT,
    CLI_OPT_IDLE,
    CLI_OPT_EXIT_WORD,
    CLI_OPT_REPORT_DIR,
    CLI_OPT_DB,
    CLI_OPT_EVENT,
    CLI_OPT_SINCE,
    CLI_OPT_PORT,
    CLI_OPT_BIND,
    CLI_OPT_PUBLIC_URL,
    CLI_OPT_RATE_LIMIT,
    CLI_OPT_FACILITATOR_KEY_FILE,
    CLI_OPT_FACILITATOR_KEY,
    CLI_OPT_COUNT
};
#define CLI_TAKES(option) (1u << CLI_OPT_##option)
#define CLI_TAKES_ALWAYS (CLI_TAKES(DATA) | CLI_TAKES(NO_COLOR))
/* --format and --json, which always come together. */
#define CLI_TAKES_FORMATS (CLI_TAKES(FORMAT) | CLI_TAKES(JSON))

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
    unsigned takes; /* the options it takes besides CLI_TAKES_ALWAYS: CLI_TAKES(...) bits */
};

/* The command called name, or NULL. */
const struct cli_command *cli_find_command(const char *name);

/* Writes the general usage (commands and options) to out. */
void cli_usage(FILE *out);

/* Writes the usage of one command to out. */
void cli_command_usage(FILE *out, const struct cli_command *command);

/*
 * Loads the model from options->data_dir, or the one built into the library when it is NULL, into
 * env->ctx and env->model. Returns an exit code; on failure the error is reported and env
 * holds nothing to free.
 */
int cli_load_model(struct cli_env *env);

/* Frees env->model and env->ctx. Accepts an env with nothing loaded. */
void cli_unload_model(struct cli_env *env);

/* Writes a JSON document made by the engine to stdout and frees it. Returns an exit code. */
int cli_write_json(const struct cli_env *env, cq_status status, char *json, size_t size,
                   const cq_error *err);
/* Writes a JSON view of the whole model (cq_questions_to_json, cq_roles_to_json) to stdout. */
int cli_write_model_json(const struct cli_env *env,
                         cq_status (*view)(const cq_model *, char **, size_t *, cq_error *));

/* Flushes and closes stdout. Returns CLI_EXIT_IO after reporting a write error, else 0. */
int cli_close_stdout(void);

/*
 * Writes a result as text on stdout: first a summary that fits a 100x40 screen (the ranking with
 * scores, warnings, a close call, the recommendation, its top reasons and tips), then the details
 * (where the person falls short, every tip, what would change it, the comparison, the sources).
 * Returns an exit code.
 */
int result_print_text(const struct cli_env *env, const cq_result *result);
/* result_print_text through a pager when stdout is a terminal and --plain is off (pager.h):
 * what score and take show. */
int result_show_text(const struct cli_env *env, const cq_result *result);

/*
 * Writes a result on stdout in the format of env's options: text (result_print_text), JSON
 * (with the --explain role's ledger), or a Markdown or HTML report. Returns an exit code.
 */
int result_write(const struct cli_env *env, const cq_result *result);

/* Writes a Markdown or HTML report of a result to out (the kiosk writes it to a file), or of a
 * comparison on stdout (report_*.c). Return an exit code. */
int report_result(const struct cli_env *env, const cq_result *result, FILE *out);
int report_comparison(const struct cli_env *env, const cq_comparison *comparison);

/* Commands (cmd_*.c). */
int cmd_help(struct cli_env *env, int argc, char **argv);
int cmd_version(struct cli_env *env, int argc, char **argv);
int cmd_questions(struct cli_env *env, int argc, char **argv);
int cmd_roles(struct cli_env *env, int argc, char **argv);
int cmd_role(struct cli_env *env, int argc, char **argv);
int cmd_score(struct cli_env *env, int argc, char **argv);
int cmd_take(struct cli_env *env, int argc, char **argv);
int cmd_kiosk(struct cli_env *env, int argc, char **argv);
int cmd_compare(struct cli_env *env, int argc, char **argv);
int cmd_batch(struct cli_env *env, int argc, char **argv);
int cmd_stats(struct cli_env *env, int argc, char **argv);
int cmd_export(struct cli_env *env, int argc, char **argv);
int cmd_serve(struct cli_env *env, int argc, char **argv);

/* The index of role `id`, or (size_t)-1 after reporting it as unknown with the valid ids (a
 * usage error: the caller returns CLI_EXIT_USAGE). */
size_t cli_find_role(const struct cli_env *env, const char *id);

#endif /* CQ_CLI_CLI_H */
