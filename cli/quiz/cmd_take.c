/* cmd_take.c: the take command: the interactive quiz, with saving and resuming. */

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "atomic_file.h"
#include "cli.h"
#include "exitcode.h"
#include "line_reader.h"
#include "quiz.h"
#include "diagnostics.h"
#include "safe_text.h"
#include "stop_signal.h"
#include "store.h"
#include "store_pending.h"
#include "xdg_dir.h"
#include "store_wait_notice.h"

/* Attempts at a free default save name when other quizzes quit in the same second. */
#define SAVE_NAME_TRIES 100

/* A take run: the shared quiz plus where its answers go. */
struct take {
    struct cli_env *env;
    struct quiz quiz;
    const char *save_path; /* --save, else --resume, else NULL */
    char *default_path;    /* chosen when the person agrees to save on quitting */
    bool save_failed;      /* the last save did not reach the disk */
};

/* ---- saving ------------------------------------------------------------------------------- */

/* Writes the answers to path atomically (with `fresh`, only when no file has that name: errno
 * EEXIST otherwise, unreported). Reports a failure, which leaves the old file. */
static bool write_answers(struct take *take, const char *path, bool fresh)
{
    char *json = NULL;
    size_t size = 0;
    cq_error err;
    const char *step = NULL;
    char reason[128];
    cq_status status = cq_answers_to_json(take->quiz.answers, &json, &size, &err);
    if (status != CQ_OK) {
        cli_report(status, &err);
        take->save_failed = true;
        return false;
    }
    int rc = make_parent_dirs(path, 0700);
    if (rc == 0)
        rc = fresh ? atomic_create_file(path, json, size, &step)
                   : atomic_write_file(path, json, size, &step);
    int errnum = errno;
    cq_free(take->env->ctx, json);
    if (rc != 0 && fresh && errnum == EEXIST) {
        errno = EEXIST;
        return false;
    }
    if (rc != 0) {
        cli_error("cannot save answers (%s%s%s): %s", step ? step : "create folder",
                  step ? ": " : "", cli_strerror(errnum, reason, sizeof reason), path);
        take->save_failed = true;
        return false;
    }
    take->save_failed = false;
    return true;
}

static bool save_answers(struct take *take, const char *path)
{
    return write_answers(take, path, false);
}

/*
 * Saves the answers under a new name in the state folder, answers-<time>.json, or with -2, -3,
 * ... when another quiz took that name in the same second (never over it). Returns the
 * malloc'd path, or NULL after reporting.
 */
static char *save_to_default(struct take *take)
{
    char stamp[32], *dir = state_dir(""), *path;
    time_t now = time(NULL);
    struct tm tm;
    size_t n;

    if (!dir) {
        cli_error("cannot save answers: neither XDG_STATE_HOME nor HOME is set (use --save "
                  "FILE)");
        return NULL;
    }
    if (!localtime_r(&now, &tm) || !strftime(stamp, sizeof stamp, "%Y%m%d-%H%M%S", &tm))
        strcpy(stamp, "latest");
    n = strlen(dir) + 64;
    path = malloc(n);
    for (int i = 1; path && i <= SAVE_NAME_TRIES; i++) {
        if (i == 1)
            snprintf(path, n, "%s/answers-%s.json", dir, stamp);
        else
            snprintf(path, n, "%s/answers-%s-%d.json", dir, stamp, i);
        if (write_answers(take, path, true)) {
            free(dir);
            return path;
        }
        if (errno != EEXIST)
            break; /* reported */
    }
    if (!path)
        cli_report(CQ_ERR_NOMEM, NULL);
    else if (errno == EEXIST)
        cli_error("cannot save answers: %d files named answers-%s*.json exist: %s", SAVE_NAME_TRIES,
                  stamp, dir);
    free(path);
    free(dir);
    return NULL;
}

/* Tells the person how to pick up where they left off. */
static void show_resume_hint(const struct take *take, const char *path)
{
    size_t n = cq_answers_count(take->quiz.answers);
    size_t skipped = quiz_skipped_count(take->quiz.model, take->quiz.answers);
    FILE *out = take->quiz.look.out;
    fprintf(out, "Saved %zu answer%s", n, n == 1 ? "" : "s");
    if (skipped) /* kept as skips: the resume goes past them */
        fprintf(out, " and %zu skipped question%s", skipped, skipped == 1 ? "" : "s");
    fputs(" to ", out);
    safe_puts(path, out);
    fputs("\nTo continue later: careerquiz take --resume ", out);
    safe_puts(path, out);
    fputc('\n', out);
}

/* Every change reaches the disk at once when there is a save file. */
static void save_on_change(struct quiz *quiz)
{
    struct take *take = quiz->owner;
    if (take->save_path)
        save_answers(take, take->save_path);
}

/* Asks whether to save before quitting; yes unless the person says no. */
static bool wants_to_save(struct take *take)
{
    char *line = NULL;
    line_status st;
    do
        st = line_reader_read(take->quiz.reader,
                              "Save your answers so you can finish later? [Y/n] ", -1, &line);
    while (st == LINE_RESIZED);
    bool no = st == LINE_OK && (line[0] == 'n' || line[0] == 'N');
    free(line);
    return !no; /* end of input or Ctrl-C: keep the answers rather than lose them */
}

/* The quiz stopped before the end: keep what was answered and say how to go on. */
static int stop_early(struct take *take, enum quiz_end end)
{
    char reason[128];
    size_t n = cq_model_question_count(take->env->model);
    FILE *out = take->quiz.look.out;
    if (end == QUIZ_END_INPUT_ENDED)
        fprintf(out, "Input ended at question %zu of %zu.\n", take->quiz.at + 1, n);
    else if (end == QUIZ_END_STOPPED)
        fprintf(out, "Stopped by a signal at question %zu of %zu.\n", take->quiz.at + 1, n);
    else if (end == QUIZ_END_READ_FAILED)
        cli_error("cannot read input (%s): stdin", cli_strerror(errno, reason, sizeof reason));
    if (cq_answers_count(take->quiz.answers) == 0) {
        fputs("No answers were given, so there is nothing to save.\n", out);
        return end == QUIZ_END_READ_FAILED ? CLI_EXIT_IO : CLI_EXIT_UNFINISHED;
    }
    const char *path = take->save_path;
    if (!path) {
        /* Quitting asks first; other endings cannot ask, and keep the answers anyway. */
        if (end == QUIZ_END_QUIT && !wants_to_save(take)) {
            fputs("Your answers were not saved.\n", out);
            return CLI_EXIT_UNFINISHED;
        }
        take->default_path = save_to_default(take);
        if (take->default_path)
            show_resume_hint(take, take->default_path);
    } else if (save_answers(take, path)) {
        show_resume_hint(take, path);
    }
    return end == QUIZ_END_READ_FAILED ? CLI_EXIT_IO : CLI_EXIT_UNFINISHED;
}

/* ---- the command -------------------------------------------------------------------------- */

/* Reads the --resume file into take->quiz.answers. Returns an exit code. */
/*
 * Saves from before skips were kept (as null) left a skipped question out of the file, so the
 * resume asked it again. In a file written for this very bank, an optional question left out
 * before the last one answered can only have been skipped: take asks in order. A file of an
 * earlier bank is left alone, since a question it lacks may be one the bank added since.
 */
static void skip_left_out(const cq_model *m, cq_answers *answers)
{
    size_t q = cq_model_question_count(m);
    if (!cq_answers_of_this_bank(answers))
        return;
    while (q > 0 && !cq_answers_has(answers, q - 1) && !cq_answers_skipped(answers, q - 1))
        q--; /* q: just past the last question answered or skipped */
    while (q-- > 0)
        if (!cq_question_required(m, q) && !cq_answers_has(answers, q))
            cq_answers_skip(answers, q);
}

static int load_resume(struct take *take, const char *path)
{
    FILE *fp = fopen(path, "rb");
    char reason[128];
    if (!fp) {
        cli_error("cannot open saved answers (%s): %s", cli_strerror(errno, reason, sizeof reason),
                  path);
        return CLI_EXIT_NOINPUT;
    }
    char *text = NULL;
    size_t size = 0;
    cq_error err;
    cq_status status =
        cq_read_stream(take->env->ctx, fp, path, CQ_MAX_ANSWERS_BYTES, &text, &size, &err);
    fclose(fp);
    if (status == CQ_OK) {
        status = cq_answers_parse(take->env->model, path, text, size, &take->quiz.answers, &err);
        cq_free(take->env->ctx, text);
    }
    if (status == CQ_OK)
        skip_left_out(take->env->model, take->quiz.answers);
    return status == CQ_OK ? CLI_EXIT_OK : cli_report(status, &err);
}

/*
 * Adds the finished quiz to the --db results database. While another process holds it the
 * person is told so, and Ctrl-C or SIGTERM (caught meanwhile, so they cannot kill the process
 * with the result unkept) stops the wait. A result that cannot be stored is kept in a pending
 * file for the next run (store_pending.h). Returns an exit code.
 */
static int store_result(struct take *take, const cq_result *result)
{
    const struct cli_options *o = take->env->options;
    struct store_wait_notice notice = {
        take->quiz.look.out,
        "The results database is busy: another program is writing to it. Waiting up to 30 "
        "seconds (Ctrl-C stops waiting; your result is kept either way)...",
        stop_signal_requested, false};
    struct store_wait wait = store_wait_notice(&notice);
    struct stop_signals signals;
    store *db = NULL;

    stop_signals_catch(&signals, false);
    int code = results_open(o->db, &wait, &db);
    enum store_outcome outcome =
        store_or_keep(code == CLI_EXIT_OK ? db : NULL, code, o->db, o->event, take->env->model,
                      take->quiz.answers, result, NULL, NULL);
    store_close(db);
    stop_signals_restore(&signals);
    if (outcome == STORE_STORED)
        return CLI_EXIT_OK;
    return code != CLI_EXIT_OK ? code : CLI_EXIT_IO;
}

/* Scores the finished quiz, saves it and shows the results on stdout. */
static int finish(struct take *take)
{
    cq_result *result = NULL;
    cq_error err;
    cq_score_options options = {sizeof options, take->env->options->education_filter};
    cq_status status = cq_score_with(take->env->model, take->quiz.answers, &options, &result, &err);
    if (status != CQ_OK)
        return cli_report(status, &err);
    /* With --db the result is stored, and committed, before it is shown. */
    int stored = take->env->options->db ? store_result(take, result) : CLI_EXIT_OK;
    /* When it was not, the screen keeps what was said about it (and where it is kept). */
    if (take->quiz.look.clear && stored == CLI_EXIT_OK)
        fputs("\033[H\033[2J", take->quiz.look.out);
    fflush(take->quiz.look.out);
    /* As score shows it: text (with --explain), JSON, or a report, to stdout or --output. */
    int code = result_write(take->env, result);
    cq_result_free(result);
    if (code == CLI_EXIT_OK)
        code = stored;
    fflush(stdout);
    if (take->save_path) {
        if (take->save_failed && !save_answers(take, take->save_path))
            return CLI_EXIT_IO;
        FILE *out = take->quiz.look.out;
        /* Two lines, each a whole sentence: a long path breaks no word of the text. */
        fputs("\nYour answers are in ", out);
        safe_puts(take->save_path, out);
        fputs(".\nTo see these results again: careerquiz score ", out);
        safe_puts(take->save_path, out);
        fputs("\n", out);
    }
    return code;
}

int cmd_take(struct cli_env *env, int argc, char **argv)
{
    (void)argc;
    (void)argv;
    struct take take;
    memset(&take, 0, sizeof take);
    take.env = env;
    take.save_path = env->options->save ? env->options->save : env->options->resume;
    struct quiz *quiz = &take.quiz;
    quiz->model = env->model;
    quiz->idle_ms = -1;
    quiz->changed = save_on_change;
    quiz->owner = &take;
    cq_error err;
    int code = CLI_EXIT_OK;
    if (env->options->resume)
        code = load_resume(&take, env->options->resume);
    else if (cq_answers_new(env->model, &quiz->answers, &err) != CQ_OK)
        code = cli_report(err.status, &err);
    if (code != CLI_EXIT_OK)
        return code;

    quiz_look_init(&quiz->look, env->options->no_color, env->options->plain);
    quiz->reader = line_reader_open(quiz->look.out, quiz->look.term.color);
    if (!quiz->reader) {
        cq_answers_free(quiz->answers);
        return cli_report(CQ_ERR_NOMEM, NULL);
    }
    quiz->look.readline = line_reader_is_readline(quiz->reader);

    size_t start = cq_answers_first_unanswered(quiz->answers);
    quiz_show_welcome(&quiz->look, env->model, quiz->answers, start);
    quiz->first_screen = true;
    enum quiz_end end = quiz_run(quiz, start);
    if (end == QUIZ_END_FINISHED) {
        line_reader_close(quiz->reader); /* the terminal is back to normal before results */
        quiz->reader = NULL;
        code = finish(&take);
    } else {
        code = stop_early(&take, end);
    }
    line_reader_close(quiz->reader);
    free(take.default_path);
    cq_answers_free(quiz->answers);
    return code;
}
