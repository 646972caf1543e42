/* cmd_batch.c: the batch command: scores JSON Lines as a stream, one result line per input line. */

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "batch_line.h"
#include "cli.h"
#include "exitcode.h"
#include "jsonl_reader.h"
#include "report.h"
#include "store.h"

/* Results per database transaction: one fsync per this many rows instead of one per row. */
#define BATCH_COMMIT_ROWS 1000

#define STDIN_NAME "<stdin>"

/* The signal that asked batch to stop, or 0. Set by on_signal, read by the loop. */
static volatile sig_atomic_t stop_signal;

static void on_signal(int sig)
{
    stop_signal = sig;
}

/* The signals that stop a batch early, so that what is stored gets committed first. SIGPIPE is
 * among them when results are stored: a reader that went away must not lose them. */
static const int stop_signals[] = {SIGINT, SIGTERM, SIGHUP, SIGPIPE};
#define STOP_SIGNAL_COUNT (sizeof stop_signals / sizeof stop_signals[0])

/* Catches the stop signals (without SA_RESTART, so a blocked read returns) and keeps the old
 * actions in saved. Without a database SIGPIPE keeps its default: nothing is lost by it. */
static void catch_signals(struct sigaction *saved, bool storing)
{
    struct sigaction sa;

    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_signal;
    sigemptyset(&sa.sa_mask);
    stop_signal = 0;
    for (size_t i = 0; i < STOP_SIGNAL_COUNT; i++)
        if (storing || stop_signals[i] != SIGPIPE)
            sigaction(stop_signals[i], &sa, &saved[i]);
        else
            sigaction(stop_signals[i], NULL, &saved[i]);
}

static void restore_signals(const struct sigaction *saved)
{
    for (size_t i = 0; i < STOP_SIGNAL_COUNT; i++)
        sigaction(stop_signals[i], &saved[i], NULL);
}

/* Opens the input ("-" is stdin). Returns an exit code after reporting the problem. */
static int open_input(const char *path, int *fd, const char **name)
{
    struct stat st;
    char reason[128];
    int errnum = 0;

    if (strcmp(path, "-") == 0) {
        *fd = STDIN_FILENO;
        *name = STDIN_NAME;
        return CLI_EXIT_OK;
    }
    *name = path;
    *fd = open(path, O_RDONLY | O_CLOEXEC);
    if (*fd < 0)
        errnum = errno;
    else if (fstat(*fd, &st) == 0 && S_ISDIR(st.st_mode))
        errnum = EISDIR;
    if (errnum == 0)
        return CLI_EXIT_OK;
    if (*fd >= 0)
        close(*fd);
    cli_error("cannot open answers file (%s): %s", cli_strerror(errnum, reason, sizeof reason),
              path);
    return CLI_EXIT_NOINPUT;
}

/* "careerquiz: line 37: unknown question "x": FILE", with the column for syntax errors. */
static void report_line(unsigned long line, const cq_error *err, cq_status status, const char *name)
{
    const char *message = err->message[0] ? err->message : cq_strerror(status);

    if (status == CQ_ERR_SYNTAX && err->column > 0)
        cli_error("line %lu: %s at column %d: %s", line, message, err->column, name);
    else
        cli_error("line %lu: %s: %s", line, message, name);
}

struct batch {
    const struct cli_env *env;
    cq_score_options options;
    const char *name; /* the input, for messages */
    store *db;        /* NULL without --db */
    struct batch_json json;
    size_t pending; /* rows stored since the last commit */
    unsigned long bad;
};

/* Scores one line, stores and prints its result. Returns an exit code for a failure that ends
 * the batch (storing or writing); a bad line only counts in b->bad. */
static int one_line(struct batch *b, unsigned long number, const char *line, size_t len)
{
    cq_result *result = NULL;
    cq_error err;
    cq_status status;
    int code = CLI_EXIT_OK;

    if (batch_line_blank(line, len))
        return CLI_EXIT_OK;
    cq_error_clear(&err);
    status = batch_score_line(b->env->model, &b->options, b->name, line, len, &result, &err);
    if (status == CQ_ERR_NOMEM)
        return cli_report(status, &err);
    if (status != CQ_OK) {
        report_line(number, &err, status, b->name);
        b->bad++;
        return CLI_EXIT_OK;
    }
    if (b->db) {
        if (b->pending == 0)
            code = store_begin(b->db);
        if (code == CLI_EXIT_OK)
            code = store_add(b->db, b->env->options->event, b->env->model,
                             cq_result_answers(result), result);
        if (code == CLI_EXIT_OK && ++b->pending == BATCH_COMMIT_ROWS) {
            b->pending = 0;
            code = store_commit(b->db);
        }
    }
    if (code == CLI_EXIT_OK && !batch_json_write(&b->json, stdout, result, number)) {
        code = ferror(stdout) ? CLI_EXIT_IO : CLI_EXIT_SOFTWARE; /* I/O: reported at the close */
        if (code == CLI_EXIT_SOFTWARE)
            cli_error("out of memory");
    }
    cq_result_free(result);
    return code;
}

/* Reads and scores every line until the end, an error or a stop signal. */
static int run_lines(struct batch *b, int fd)
{
    struct jsonl_reader reader;
    const char *line;
    size_t len;
    char reason[128];
    int code = CLI_EXIT_OK;
    bool done = false;

    jsonl_init(&reader, fd, CQ_MAX_ANSWERS_BYTES);
    reader.flush = stdout;
    while (!done && code == CLI_EXIT_OK && !stop_signal) {
        switch (jsonl_next(&reader, &line, &len)) {
        case JSONL_LINE:
            code = one_line(b, reader.line, line, len);
            break;
        case JSONL_TOO_LONG:
            cli_error("line %lu: answers larger than the %u-byte limit: %s", reader.line,
                      CQ_MAX_ANSWERS_BYTES, b->name);
            b->bad++;
            break;
        case JSONL_INTERRUPTED:
            break; /* the loop looks at stop_signal */
        case JSONL_END:
            done = true;
            break;
        case JSONL_ERROR:
            cli_error("cannot read answers (%s): %s",
                      cli_strerror(reader.error, reason, sizeof reason), b->name);
            code = reader.error == ENOMEM ? CLI_EXIT_SOFTWARE : CLI_EXIT_IO;
            break;
        }
    }
    if (stop_signal)
        cli_error("stopped by a signal after line %lu%s: %s", reader.line,
                  b->db ? " (the results scored so far are stored)" : "", b->name);
    jsonl_release(&reader);
    return code;
}

int cmd_batch(struct cli_env *env, int argc, char **argv)
{
    struct batch b = {
        env, {sizeof(cq_score_options), env->options->education_filter}, NULL, NULL, {0}, 0, 0};
    struct sigaction saved[STOP_SIGNAL_COUNT];
    int fd, code, commit;
    int sig;

    (void)argc;
    code = open_input(argv[0], &fd, &b.name);
    if (code != CLI_EXIT_OK)
        return code;
    if (env->options->db_count > 0 && (code = store_open(env->options->db, &b.db)) != CLI_EXIT_OK) {
        if (fd != STDIN_FILENO)
            close(fd);
        return code;
    }
    if (!batch_json_init(&b.json, env->model)) {
        cli_error("out of memory");
        store_close(b.db);
        if (fd != STDIN_FILENO)
            close(fd);
        return CLI_EXIT_SOFTWARE;
    }
    catch_signals(saved, b.db != NULL);
    code = run_lines(&b, fd);
    batch_json_release(&b.json);
    /* Whatever ended the loop, the rows stored so far are committed. */
    if (b.db) {
        commit = store_commit(b.db);
        if (code == CLI_EXIT_OK)
            code = commit;
        store_close(b.db);
    }
    if (fd != STDIN_FILENO)
        close(fd);
    sig = stop_signal;
    restore_signals(saved);
    if (sig != 0 && sig != SIGPIPE) {
        /* Die of the signal, as the shell expects, once everything is written. */
        fflush(stdout);
        raise(sig);
    }
    if (code == CLI_EXIT_OK && b.bad > 0)
        code = CLI_EXIT_DATA;
    return code;
}
