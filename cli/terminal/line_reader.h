/* line_reader.h: reads answer lines from the person; GNU readline or a plain reader behind it. */
#ifndef CQ_CLI_LINE_READER_H
#define CQ_CLI_LINE_READER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

typedef enum line_status {
    LINE_OK,        /* *line holds a line without its newline */
    LINE_EOF,       /* end of input (Ctrl-D on an empty line, or the pipe ran dry) */
    LINE_INTERRUPT, /* Ctrl-C: the half-typed line was thrown away */
    LINE_TIMEOUT,   /* nothing was typed for the given time */
    LINE_SIGNAL,    /* SIGTERM or SIGHUP arrived: the caller should save and leave */
    LINE_RESIZED,   /* the terminal changed size (readline only): redraw what the screen
                     * shows for the new width and read again; the half-typed line is kept
                     * and comes back with the next read */
    LINE_ERROR      /* reading failed (errno is set) */
} line_status;

typedef struct line_reader line_reader;

/*
 * Opens a reader on standard input; prompts go to `out`. Uses GNU readline when stdin is a
 * terminal and the build has it (not make NO_READLINE=1); otherwise a plain reader that
 * needs neither readline nor linenoise. `escapes` false keeps readline from writing any
 * escape sequence of its own (bracketed paste). Installs handlers for SIGINT, SIGTERM and
 * SIGHUP that only set flags, and restores the terminal and the old handlers on close.
 * Returns NULL when out of memory.
 */
line_reader *line_reader_open(FILE *out, bool escapes);

/* Closes the reader and puts the terminal and signal handlers back as they were. */
void line_reader_close(line_reader *reader);

/* True when the readline backend is in use. */
bool line_reader_is_readline(const line_reader *reader);

/*
 * Shows prompt and reads one line. timeout_ms < 0 waits for ever. On LINE_OK, *line is a
 * malloc'd string the caller frees; otherwise *line is NULL. A last line without a newline
 * still counts. Lines are added to the session history when they are not empty.
 */
line_status line_reader_read(line_reader *reader, const char *prompt, int timeout_ms, char **line);

/*
 * Words offered by tab completion for the next reads (option texts and commands). The
 * strings are borrowed until the next call; NULL/0 turns completion off.
 */
void line_reader_set_completions(line_reader *reader, const char *const *words, size_t count);

/*
 * Turns off the readline keys that leave it waiting in a mode of its own, for the kiosk:
 * history search (Ctrl-R, Ctrl-S; a visitor's history is their own few answers, and with flow
 * control off Ctrl-S would reach it), quoted insert (Ctrl-V, Ctrl-Q) and character search
 * (Ctrl-], Meta-Ctrl-]). Nobody at a booth needs them, and readline 8.2 leaks the state of a
 * quoted insert or character search that a Ctrl-C, a time-out or a resize cuts short. And no
 * line history at all: a visitor goes back with "back", and a history line edited, left and
 * cut short by the idle time-out made readline 8.2 free its undo list twice. Does nothing for
 * the plain reader.
 */
void line_reader_kiosk_keys(line_reader *reader);

/* Whether SIGTERM or SIGHUP arrived while a reader is open (the next read returns LINE_SIGNAL):
 * for waits outside a read, such as the kiosk's for a busy database. */
bool line_reader_stop_requested(void);

/* What answers are read with, for --version: "GNU readline 8.2" or "plain line reader". */
const char *line_reader_library(void);

/* Forgets the session: its history and the completion words (the kiosk does this between
 * people, so nothing of one person is offered to the next). */
void line_reader_clear_history(line_reader *reader);

#endif /* CQ_CLI_LINE_READER_H */
