/* cmd_kiosk.c: the kiosk: one quiz after another at a booth, every result stored, nothing
 * about one person left on the screen or in memory for the next. */

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "exitcode.h"
#include "kiosk_code.h"
#include "kiosk_report.h"
#include "kiosk_terminal.h"
#include "line_reader.h"
#include "qr/qr.h"
#include "quiz.h"
#include "diagnostics.h"
#include "safe_text.h"
#include "store.h"
#include "store_pending.h"
#include "store_wait_notice.h"

struct kiosk {
    struct cli_env *env;
    struct quiz quiz;
    store *results;
    struct store_wait_notice busy; /* what the screen says while the database is busy */
    unsigned long kept;            /* results of this run kept in pending files */
    struct kiosk_terminal terminal;
    bool wipe; /* the screen can be wiped (a terminal that takes escapes) */
    int idle_ms;
    const char *exit_word;
};

/* How a kiosk round ended. */
enum round_end { ROUND_NEXT, ROUND_EXIT, ROUND_FAILED };

/* Resets the terminal and clears its scroll-back, so the next person meets a clean screen and
 * cannot scroll up to the last one's. */
static void wipe_screen(const struct kiosk *k)
{
    kiosk_terminal_wipe(k->quiz.look.out, k->wipe);
}

/* Reports that reading standard input failed (errno says why). */
static void cli_read_error(void)
{
    char reason[128];

    cli_error("cannot read input (%s): stdin", cli_strerror(errno, reason, sizeof reason));
}

/* Reads one line with the kiosk's idle timeout; trims it into buf. */
static line_status read_line(struct kiosk *k, const char *prompt, int timeout_ms, char *buf,
                             size_t size)
{
    char *line = NULL;
    line_status st = line_reader_read(k->quiz.reader, prompt, timeout_ms, &line);
    buf[0] = '\0';
    if (st == LINE_OK) {
        const char *p = line + strspn(line, " \t");
        snprintf(buf, size, "%s", p);
        size_t n = strlen(buf);
        while (n > 0 && strchr(" \t\r", buf[n - 1]))
            buf[--n] = '\0';
        free(line);
    }
    return st;
}

/* The welcome screen. Returns ROUND_NEXT to start a quiz, ROUND_EXIT to end the kiosk. */
static enum round_end welcome(struct kiosk *k)
{
    const cq_model *m = k->env->model;
    for (;;) {
        wipe_screen(k);
        quiz_show_welcome(&k->quiz.look, m, NULL, 0);
        char typed[256];
        line_status st = read_line(k, "\nPress Enter to start. ", -1, typed, sizeof typed);
        switch (st) {
        case LINE_OK:
            if (strcmp(typed, k->exit_word) == 0)
                return ROUND_EXIT;
            return ROUND_NEXT;
        case LINE_INTERRUPT:
        case LINE_TIMEOUT:
        case LINE_RESIZED: /* drawn again for the new width */
            continue;      /* Ctrl-C never ends the kiosk */
        case LINE_EOF:
            if (line_reader_is_readline(k->quiz.reader))
                continue; /* Ctrl-D at the booth: stay */
            fputs("Input ended: closing the kiosk.\n", k->quiz.look.out);
            return ROUND_EXIT;
        case LINE_SIGNAL:
            return ROUND_EXIT;
        case LINE_ERROR:
            cli_read_error();
            return ROUND_FAILED;
        }
    }
}

/* With --public-url, the address of the result's page at `careerquiz serve` and its QR code,
 * for the visitor's phone (a result kept for later is stored under the same code). */
static void show_take_home(struct kiosk *k, const char *code)
{
    const char *url = k->env->options->public_url;
    char address[600];
    if (!url || !qr_available())
        return;
    snprintf(address, sizeof address, "%s/r/%s", url, code);
    FILE *out = k->quiz.look.out;
    fputs("\nScan to take your result home (or open ", out);
    safe_puts(address, out);
    fputs("):\n", out);
    qr_write_blocks(out, address, k->quiz.look.term.color, 2);
}

/* Stores, reports and shows one finished quiz, then waits for the next person. */
static enum round_end show_result(struct kiosk *k)
{
    struct cli_env *env = k->env;
    cq_result *result = NULL;
    cq_error err;
    if (cq_score(env->model, k->quiz.answers, &result, &err) != CQ_OK) {
        cli_report(err.status, &err);
        return ROUND_NEXT;
    }
    /* Committed before anything is shown: a crash after this loses nothing on screen. What
     * cannot be committed (the database is locked past the wait, the disk is full) is kept in a
     * pending file and stored later, by this kiosk or the next run. */
    FILE *out = k->quiz.look.out;
    wipe_screen(k);
    fputs("Saving your result...\n", out);
    fflush(out);
    /* The code the result is stored under is the one the person is given. */
    char code[KIOSK_CODE_SIZE];
    enum store_outcome outcome =
        store_or_keep(k->results, CLI_EXIT_OK, env->options->db, env->options->event, env->model,
                      k->quiz.answers, result, NULL, code);
    if (outcome == STORE_STORED && k->kept > 0) {
        store_pending_flush(k->results); /* the database works again: store what was kept */
        k->kept = 0;
    }
    k->kept += outcome == STORE_KEPT;
    if (outcome == STORE_LOST)
        kiosk_code_make(code); /* for the printed report alone */
    /* A problem storing stays on the screen above the results, for the booth's staff. */
    if (outcome == STORE_STORED)
        wipe_screen(k);
    result_print_text(env, result);
    fflush(stdout);
    /* The report is written after the wipe, so that an error writing it stays on the screen
     * for the booth's staff to see. */
    bool reported = false;
    if (env->options->report_dir)
        reported = kiosk_write_report(env, result, env->options->report_dir, code) == CLI_EXIT_OK;
    cq_result_free(result);
    fprintf(out, "\nYour code: %s%s\n", code,
            reported ? " (ask at the booth for a printed copy of your report)" : "");
    if (env->options->report_dir && !reported)
        fputs("Your report could not be written; please tell the people at the booth.\n", out);
    if (outcome != STORE_LOST)
        show_take_home(k, code);
    if (outcome == STORE_KEPT)
        fputs("This result could not be stored yet; it is kept and will be stored later. Please "
              "tell the people at the booth.\n",
              out);
    else if (outcome == STORE_LOST)
        fputs("This result could not be stored; please tell the people at the booth.\n", out);
    char typed[256];
    line_status st;
    do /* the results are 80 columns wide whatever the terminal: nothing to draw again */
        st = read_line(k, "\nPress Enter for the next person. ", k->idle_ms, typed, sizeof typed);
    while (st == LINE_RESIZED);
    if (st == LINE_SIGNAL)
        return ROUND_EXIT;
    if (st == LINE_EOF && !line_reader_is_readline(k->quiz.reader))
        return ROUND_EXIT;
    if (st == LINE_ERROR) {
        cli_read_error();
        return ROUND_FAILED;
    }
    return ROUND_NEXT;
}

/* One person: the quiz, and the result when they finish. Forgets them afterwards. */
static enum round_end one_person(struct kiosk *k)
{
    cq_error err;
    if (cq_answers_new(k->env->model, &k->quiz.answers, &err) != CQ_OK) {
        cli_report(err.status, &err);
        return ROUND_FAILED;
    }
    wipe_screen(k);
    enum quiz_end end = quiz_run(&k->quiz, 0);
    enum round_end next = ROUND_NEXT;
    switch (end) {
    case QUIZ_END_FINISHED:
        next = show_result(k);
        break;
    case QUIZ_END_QUIT:
    case QUIZ_END_IDLE:
        break; /* dropped unstored: the next person starts from the welcome screen */
    case QUIZ_END_INPUT_ENDED:
    case QUIZ_END_STOPPED:
        next = ROUND_EXIT;
        break;
    case QUIZ_END_READ_FAILED:
        cli_read_error();
        next = ROUND_FAILED;
        break;
    }
    cq_answers_free(k->quiz.answers);
    k->quiz.answers = NULL;
    line_reader_clear_history(k->quiz.reader); /* up-arrow must not show their answers */
    return next;
}

/* Checks the kiosk's options. Returns an exit code. */
static int check_options(const struct cli_options *o)
{
    if (!o->exit_word || !o->exit_word[0]) {
        cli_error("kiosk needs --exit-word WORD: the word that ends it at the welcome screen");
        return CLI_EXIT_USAGE;
    }
    if (o->idle <= 0) {
        cli_error("--idle must be a whole number of seconds above 0");
        return CLI_EXIT_USAGE;
    }
    return CLI_EXIT_OK;
}

int cmd_kiosk(struct cli_env *env, int argc, char **argv)
{
    (void)argc;
    (void)argv;
    int code = check_options(env->options);
    if (code != CLI_EXIT_OK)
        return code;
    struct kiosk k;
    memset(&k, 0, sizeof k);
    k.env = env;
    k.exit_word = env->options->exit_word;
    k.idle_ms = env->options->idle * 1000;
    k.busy = (struct store_wait_notice){
        stderr, "The results database is busy: another program is writing to it. Waiting...",
        line_reader_stop_requested, false};
    struct store_wait wait = store_wait_notice(&k.busy);
    code = results_open(env->options->db, &wait, &k.results);
    if (code != CLI_EXIT_OK)
        return code;
    struct quiz *quiz = &k.quiz;
    quiz->model = env->model;
    quiz->idle_ms = k.idle_ms;
    quiz->interrupt_quits = true;
    quiz_look_init(&quiz->look, env->options->no_color, env->options->plain);
    quiz->look.kiosk = true;
    const char *term = getenv("TERM");
    k.wipe = isatty(fileno(quiz->look.out)) && term && term[0] && strcmp(term, "dumb") != 0;
    quiz->reader = line_reader_open(quiz->look.out, quiz->look.term.color);
    if (!quiz->reader) {
        store_close(k.results);
        return cli_report(CQ_ERR_NOMEM, NULL);
    }
    quiz->look.readline = line_reader_is_readline(quiz->reader);
    line_reader_kiosk_keys(quiz->reader);
    kiosk_terminal_take(&k.terminal);

    enum round_end round = ROUND_NEXT;
    while (round == ROUND_NEXT) {
        round = welcome(&k);
        if (round == ROUND_NEXT)
            round = one_person(&k);
    }
    wipe_screen(&k);
    kiosk_terminal_release(&k.terminal);
    line_reader_close(quiz->reader);
    store_close(k.results);
    return round == ROUND_FAILED ? CLI_EXIT_IO : CLI_EXIT_OK;
}
