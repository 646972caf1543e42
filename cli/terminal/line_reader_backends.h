/* line_reader_backends.h: what line_reader.c and its readline backend share; private to them. */
#ifndef CQ_CLI_LINE_READER_BACKENDS_H
#define CQ_CLI_LINE_READER_BACKENDS_H

#include <signal.h>

#include "line_reader.h"

struct line_reader {
    FILE *out;
    bool escapes;
    bool use_readline;
    bool echo; /* plain reader on a pipe: echo each line so the transcript reads well */
    /* plain backend: bytes read from fd 0 but not yet returned */
    char *buffer;
    size_t length, capacity;
    bool eof;
    const char *const *words;
    size_t word_count;
    /* readline backend: the line half typed when a resize cut the read short, and where its
     * cursor was; put back by the next read. */
    char *kept_text;
    int kept_point;
    bool no_history; /* the kiosk: no line is kept for Up to recall */
    struct sigaction old_int, old_term, old_hup, old_winch, old_tstp;
};

/* Set by the signal handlers; read and cleared by the backends. */
extern volatile sig_atomic_t line_reader_got_sigint;
extern volatile sig_atomic_t line_reader_got_stop; /* SIGTERM or SIGHUP */
extern volatile sig_atomic_t line_reader_got_winch;
extern volatile sig_atomic_t line_reader_got_tstp; /* Ctrl-Z while readline owns the terminal */

/* Milliseconds left of timeout_ms since start_ms, or -1 for no timeout. */
int line_reader_remaining(int timeout_ms, long long start_ms);
long long line_reader_now_ms(void);

#ifdef HAVE_READLINE
/* The readline backend (line_reader_readline.c). */
void readline_backend_open(line_reader *reader);
line_status readline_backend_read(line_reader *reader, const char *prompt, int timeout_ms,
                                  char **line);
void readline_backend_clear_history(void);
void readline_backend_kiosk_keys(void);
const char *readline_backend_library(void);
void readline_backend_close(line_reader *reader);
#endif

#endif /* CQ_CLI_LINE_READER_BACKENDS_H */
