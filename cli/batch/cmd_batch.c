/* cmd_batch.c: the batch command: scores JSON Lines as a stream, one result line per input line. */

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "batch_held.h"
#include "batch_line.h"
#include "cli.h"
#include "exitcode.h"
#include "jsonl_reader.h"
#include "output.h"
#include "diagnostics.h"
#include "stop_signal.h"
#include "store_pending.h"
#include "store_wait_notice.h"

/* Results per database transaction: one fsync per this many rows instead of one per row. */
#define BATCH_COMMIT_ROWS 1000

#define STDIN_NAME "<stdin>"

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
    struct batch_held held; /* with --db: the open transaction's lines, until it commits */
    unsigned long bad;
    unsigned long stored; /* results committed */
    bool lost;            /* a transaction failed: its lines were named, not written */
};

/* Where a result line goes: stdout, or with --db the hold until its transaction commits. */
static FILE *line_out(struct batch *b)
{
    return b->db ? b->held.out : stdout;
}

/* Commits the open transaction and writes its held lines, or names them when it failed.
 * Returns an exit code. */
static int commit(struct batch *b)
{
    struct store_error err;
    int code;

    if (!b->db || b->held.count == 0)
        return CLI_EXIT_OK;
    code = store_commit(b->db, &err);
    if (code != CLI_EXIT_OK) {
        cli_error("%s", err.message);
        batch_held_drop(&b->held, b->name);
        b->lost = true;
        return code;
    }
    b->stored += b->held.count;
    if (!batch_held_write(&b->held, stdout))
        return cli_stdout_failed() ? CLI_EXIT_IO : cli_report(CQ_ERR_NOMEM, NULL);
    return CLI_EXIT_OK;
}

/* Scores one line, stores it and writes its result (held until the commit with --db). Returns
 * an exit code for a failure that ends the batch (storing or writing); a bad line only counts
 * in b->bad. */
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
        struct store_error store_err;

        if (b->held.count == 0)
            code = store_begin(b->db, &store_err);
        if (code == CLI_EXIT_OK)
            code = store_add(b->db, b->env->options->event, b->env->model,
                             cq_result_answers(result), result, &store_err);
        if (code != CLI_EXIT_OK)
            cli_error("%s", store_err.message);
        if (code != CLI_EXIT_OK)
            cli_error("line %lu: its result was not stored, so not written: %s", number, b->name);
        else if (!batch_held_add(&b->held, number))
            code = cli_report(CQ_ERR_NOMEM, NULL);
    }
    if (code == CLI_EXIT_OK && !batch_json_write(&b->json, line_out(b), result, number)) {
        /* I/O: reported at the close, with the errno kept now */
        code = cli_stdout_failed() ? CLI_EXIT_IO : CLI_EXIT_SOFTWARE;
        if (code == CLI_EXIT_SOFTWARE)
            cli_error("out of memory");
    }
    if (code == CLI_EXIT_OK && b->held.count == BATCH_COMMIT_ROWS)
        code = commit(b);
    cq_result_free(result);
    return code;
}

/* While input waits, what was scored goes out: committed and written with --db, flushed
 * without. */
static void on_idle(void *ctx)
{
    struct batch *b = ctx;

    if (b->db && commit(b) != CLI_EXIT_OK)
        b->lost = true;
    fflush(stdout); /* a write error stays in ferror() for the caller */
}

/* Reads and scores every line until the end, an error or a stop signal. *last is the number of
 * the last line read, *ended whether that was the end of the input. */
static int run_lines(struct batch *b, int fd, unsigned long *last, bool *ended)
{
    struct jsonl_reader reader;
    const char *line;
    size_t len;
    char reason[128];
    int code = CLI_EXIT_OK;
    bool done = false;

    jsonl_init(&reader, fd, CQ_MAX_ANSWERS_BYTES);
    reader.idle = on_idle;
    reader.idle_ctx = b;
    reader.stopped = stop_signal_requested;
    while (!done && code == CLI_EXIT_OK && !b->lost && !stop_signal_caught()) {
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
            break; /* the loop looks at the stop signal */
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
    *last = reader.line;
    *ended = done;
    jsonl_release(&reader);
    return code;
}

int cmd_batch(struct cli_env *env, int argc, char **argv)
{
    struct batch b = {env,  {sizeof(cq_score_options), env->options->education_filter},
                      NULL, NULL,
                      {0},  {0},
                      0,    0,
                      false};
    struct store_wait_notice busy = {
        stderr,
        "careerquiz: waiting for the results database: another program is writing to it (up "
        "to 30 s)",
        stop_signal_requested, false};
    struct store_wait wait = store_wait_notice(&busy);
    struct stop_signals signals;
    unsigned long last = 0;
    bool ended = false;
    int fd, code, committed, sig;

    (void)argc;
    code = open_input(argv[0], &fd, &b.name);
    if (code != CLI_EXIT_OK)
        return code;
    /* SIGPIPE too when storing: a reader that went away must not lose what is stored. */
    stop_signals_catch(&signals, env->options->db_count > 0);
    if (env->options->db_count > 0 &&
        ((code = results_open(env->options->db, &wait, &b.db)) != CLI_EXIT_OK ||
         !batch_held_init(&b.held))) {
        if (code == CLI_EXIT_OK)
            code = cli_report(CQ_ERR_NOMEM, NULL);
        goto done;
    }
    if (!batch_json_init(&b.json, env->model)) {
        code = cli_report(CQ_ERR_NOMEM, NULL);
        goto done;
    }
    code = run_lines(&b, fd, &last, &ended);
    batch_json_release(&b.json);
    /* Whatever ended the loop, the results scored so far are committed, then written. */
    committed = commit(&b);
    if (code == CLI_EXIT_OK)
        code = committed;
    if (!ended && !stop_signal_caught())
        cli_error("stopped at line %lu: the rest of the input was not read: %s", last, b.name);
    if ((sig = stop_signal_caught()) != 0 && sig != SIGPIPE) {
        if (!b.db)
            cli_error("stopped by a signal after line %lu: %s", last, b.name);
        else if (b.lost)
            cli_error("stopped by a signal after line %lu (the lines named above were not "
                      "stored): %s",
                      last, b.name);
        else
            cli_error("stopped by a signal after line %lu (%lu result%s stored, every one "
                      "written): %s",
                      last, b.stored, b.stored == 1 ? "" : "s", b.name);
    }
done:
    batch_held_release(&b.held);
    store_close(b.db);
    if (fd != STDIN_FILENO)
        close(fd);
    sig = stop_signal_caught();
    stop_signals_restore(&signals);
    if (sig != 0 && sig != SIGPIPE) {
        /* Die of the signal, as the shell expects, once everything is written. */
        fflush(stdout);
        raise(sig);
    }
    if (code == CLI_EXIT_OK && b.lost)
        code = CLI_EXIT_IO;
    if (code == CLI_EXIT_OK && b.bad > 0)
        code = CLI_EXIT_DATA;
    return code;
}
