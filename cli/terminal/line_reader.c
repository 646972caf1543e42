/* line_reader.c: picks a backend, handles signals, and is the plain (no readline) reader. */
#include "line_reader_backends.h"
#include "safe_text.h"

#include <errno.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

/* One line may not be longer than this; the rest of an over-long line is dropped. */
#define PLAIN_MAX_LINE 65536

volatile sig_atomic_t line_reader_got_sigint;
volatile sig_atomic_t line_reader_got_stop;
volatile sig_atomic_t line_reader_got_winch;
volatile sig_atomic_t line_reader_got_tstp;

static void on_signal(int sig)
{
    if (sig == SIGINT)
        line_reader_got_sigint = 1;
    else if (sig == SIGWINCH)
        line_reader_got_winch = 1;
    else if (sig == SIGTSTP)
        line_reader_got_tstp = 1;
    else
        line_reader_got_stop = 1;
}

long long line_reader_now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

int line_reader_remaining(int timeout_ms, long long start_ms)
{
    if (timeout_ms < 0)
        return -1;
    long long left = timeout_ms - (line_reader_now_ms() - start_ms);
    return left > 0 ? (int)left : 0;
}

line_reader *line_reader_open(FILE *out, bool escapes)
{
    line_reader *r = calloc(1, sizeof *r);
    if (!r)
        return NULL;
    r->out = out;
    r->escapes = escapes;
    bool tty = isatty(STDIN_FILENO);
    r->echo = !tty;
#ifdef HAVE_READLINE
    r->use_readline = tty;
#endif
    /* No SA_RESTART: a signal must wake poll() so the reader can act on it. */
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_signal;
    sigemptyset(&sa.sa_mask);
    line_reader_got_sigint = line_reader_got_stop = line_reader_got_winch = 0;
    sigaction(SIGINT, &sa, &r->old_int);
    sigaction(SIGTERM, &sa, &r->old_term);
    sigaction(SIGHUP, &sa, &r->old_hup);
    sigaction(SIGWINCH, &sa, &r->old_winch);
#ifdef HAVE_READLINE
    if (r->use_readline) {
        /* Ctrl-Z must give the terminal back in its normal mode before the process stops;
         * the readline backend does that, then stops for real. */
        line_reader_got_tstp = 0;
        sigaction(SIGTSTP, &sa, &r->old_tstp);
        readline_backend_open(r);
    }
#endif
    return r;
}

void line_reader_close(line_reader *r)
{
    if (!r)
        return;
#ifdef HAVE_READLINE
    if (r->use_readline) {
        readline_backend_close(r);
        sigaction(SIGTSTP, &r->old_tstp, NULL);
    }
#endif
    sigaction(SIGINT, &r->old_int, NULL);
    sigaction(SIGTERM, &r->old_term, NULL);
    sigaction(SIGHUP, &r->old_hup, NULL);
    sigaction(SIGWINCH, &r->old_winch, NULL);
    free(r->buffer);
    free(r->kept_text);
    free(r);
}

bool line_reader_is_readline(const line_reader *r)
{
    return r->use_readline;
}

void line_reader_set_completions(line_reader *r, const char *const *words, size_t count)
{
    r->words = words;
    r->word_count = words ? count : 0;
}

void line_reader_kiosk_keys(line_reader *r)
{
#ifdef HAVE_READLINE
    r->no_history = true;
    if (r->use_readline)
        readline_backend_kiosk_keys();
#else
    (void)r;
#endif
}

bool line_reader_stop_requested(void)
{
    return line_reader_got_stop != 0;
}

const char *line_reader_library(void)
{
#ifdef HAVE_READLINE
    return readline_backend_library();
#else
    return "plain line reader (built without readline)";
#endif
}

void line_reader_clear_history(line_reader *r)
{
    line_reader_set_completions(r, NULL, 0);
    free(r->kept_text); /* nothing half typed carries over either */
    r->kept_text = NULL;
#ifdef HAVE_READLINE
    if (r->use_readline)
        readline_backend_clear_history();
#endif
}

/* ---- the plain backend -------------------------------------------------------------------- */

/* Takes the first line out of the buffer (without its newline) when there is one. Returns
 * NULL when there is none yet, and also, with *failed set, when memory ran out (the line stays
 * in the buffer). */
static char *take_line(line_reader *r, bool at_eof, bool *failed)
{
    char *nl = r->length ? memchr(r->buffer, '\n', r->length) : NULL;
    size_t n;
    *failed = false;
    if (nl)
        n = (size_t)(nl - r->buffer);
    else if (at_eof && r->length)
        n = r->length; /* a last line without a newline still counts */
    else
        return NULL;
    char *line = malloc(n + 1);
    if (!line) {
        *failed = true;
        return NULL;
    }
    memcpy(line, r->buffer, n);
    line[n] = '\0';
    if (n && line[n - 1] == '\r')
        line[n - 1] = '\0';
    size_t used = nl ? n + 1 : n;
    memmove(r->buffer, r->buffer + used, r->length - used);
    r->length -= used;
    return line;
}

static line_status plain_read(line_reader *r, int timeout_ms, char **line)
{
    long long start = line_reader_now_ms();
    bool failed;
    for (;;) {
        if ((*line = take_line(r, r->eof, &failed)) != NULL)
            return LINE_OK;
        if (failed) {
            errno = ENOMEM; /* never mistaken for the end of the input */
            return LINE_ERROR;
        }
        if (r->eof)
            return LINE_EOF;
        if (line_reader_got_stop)
            return LINE_SIGNAL;
        if (line_reader_got_sigint) {
            line_reader_got_sigint = 0;
            r->length = 0;
            return LINE_INTERRUPT;
        }
        struct pollfd pfd = {STDIN_FILENO, POLLIN, 0};
        int ready = poll(&pfd, 1, line_reader_remaining(timeout_ms, start));
        if (ready < 0) {
            if (errno == EINTR)
                continue;
            return LINE_ERROR;
        }
        if (ready == 0)
            return LINE_TIMEOUT;
        if (r->capacity - r->length < 4096) {
            size_t bigger = r->capacity ? r->capacity * 2 : 8192;
            char *grown = realloc(r->buffer, bigger);
            if (!grown) {
                errno = ENOMEM;
                return LINE_ERROR;
            }
            r->buffer = grown;
            r->capacity = bigger;
        }
        ssize_t got = read(STDIN_FILENO, r->buffer + r->length, r->capacity - r->length);
        if (got < 0) {
            if (errno == EINTR)
                continue;
            return LINE_ERROR;
        }
        if (got == 0)
            r->eof = true;
        r->length += (size_t)got;
        if (r->length > PLAIN_MAX_LINE && !memchr(r->buffer, '\n', r->length))
            r->length = PLAIN_MAX_LINE; /* keep the head of an endless line, drop the rest */
    }
}

line_status line_reader_read(line_reader *r, const char *prompt, int timeout_ms, char **line)
{
    *line = NULL;
#ifdef HAVE_READLINE
    if (r->use_readline)
        return readline_backend_read(r, prompt, timeout_ms, line);
#endif
    fputs(prompt, r->out);
    fflush(r->out);
    line_status st = plain_read(r, timeout_ms, line);
    if (st == LINE_OK && r->echo) {
        safe_puts(*line, r->out); /* what was typed, shown: never an escape sequence */
        fputc('\n', r->out);
    } else if (st != LINE_OK)
        fputc('\n', r->out);
    fflush(r->out);
    return st;
}
