/* line_reader_readline.c: the GNU readline backend, driven through its callback interface so
 * that Ctrl-C, signals and idle timeouts are handled in one poll() loop. */
#include "line_reader_backends.h"

#ifdef HAVE_READLINE

#include <ctype.h>
#include <stdio.h>
#include <errno.h>
#include <poll.h>
#include <readline/history.h>
#include <readline/readline.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

/* readline's callbacks carry no context pointer, so the reader in use lives here. */
static line_reader *active;
static bool line_done;
static char *done_line;

static void on_line(char *line)
{
    line_done = true;
    done_line = line; /* NULL means end of input */
    rl_callback_handler_remove();
}

/* Offers the words that start with what was typed (ignoring case and leading blanks). */
static char *complete_word(const char *text, int state)
{
    static size_t next;
    static size_t blanks;
    if (state == 0) {
        next = 0;
        blanks = strspn(text, " \t");
    }
    const char *typed = text + blanks;
    size_t n = strlen(typed);
    while (active && next < active->word_count) {
        const char *word = active->words[next++];
        if (strncasecmp(word, typed, n) == 0) {
            char *match = malloc(blanks + strlen(word) + 1);
            if (match) {
                memcpy(match, text, blanks);
                strcpy(match + blanks, word);
            }
            return match;
        }
    }
    return NULL;
}

static char **complete(const char *text, int start, int end)
{
    (void)start;
    (void)end;
    rl_attempted_completion_over = 1; /* never fall back to file names */
    return rl_completion_matches(text, complete_word);
}

void readline_backend_open(line_reader *r)
{
    active = r;
    rl_readline_name = "careerquiz";
    rl_instream = stdin;
    rl_outstream = r->out;
    /* We handle signals ourselves so the terminal is restored on every way out. */
    rl_catch_signals = 0;
    rl_catch_sigwinch = 0;
    rl_attempted_completion_function = complete;
    /* A multi-choice answer is a list: complete each item between commas. */
    rl_basic_word_break_characters = ",";
    rl_completer_word_break_characters = ",";
    rl_completion_append_character = '\0';
    if (!r->escapes) {
        rl_variable_bind("enable-bracketed-paste", "off");
        rl_variable_bind("enable-meta-key", "off");
    }
    using_history();
}

const char *readline_backend_library(void)
{
    static char name[64];
    snprintf(name, sizeof name, "GNU readline %s", rl_library_version);
    return name;
}

/* rl_clear_history, not the history library's clear_history: a line edited after Up keeps
 * its undo list in its history entry, which only readline's own function frees. */
void readline_backend_clear_history(void)
{
    rl_clear_history();
}

/* Unbinds command in map and in every keymap a key sequence leads to from it: Debian's
 * /etc/inputrc binds quoted-insert to Insert, "\e[2~", two keymaps below the meta map. */
static void unbind_everywhere(Keymap map, rl_command_func_t *command, int depth)
{
    for (int key = 0; key < KEYMAP_SIZE; key++) {
        if (map[key].type == ISKMAP && map[key].function && depth < 8) {
            /* readline keeps a keymap in the function slot; ISO C has no cast for that. */
            Keymap below;
            memcpy(&below, &map[key].function, sizeof below);
            unbind_everywhere(below, command, depth + 1);
        } else if (map[key].type == ISFUNC && map[key].function == command)
            map[key].function = NULL; /* what rl_unbind_function_in_map does, one level */
    }
}

void readline_backend_kiosk_keys(void)
{
    /* By what they do, not by key, so that no other binding (an inputrc's, vi mode's) of
     * them is left: history search, quoted insert, character search, the switch to vi
     * mode, whose own character search and quoted insert would bring the leak back, and
     * re-reading the inputrc (C-x C-r), which would bind Insert to quoted insert again. */
    rl_command_func_t *const commands[] = {
        rl_reverse_search_history, rl_forward_search_history, rl_noninc_reverse_search,
        rl_noninc_forward_search,  rl_quoted_insert,          rl_char_search,
        rl_backward_char_search,   rl_vi_editing_mode,        rl_re_read_init_file,
    };
    Keymap maps[] = {emacs_standard_keymap, emacs_meta_keymap, emacs_ctlx_keymap};

    rl_initialize(); /* reads the inputrc now, so that nothing binds them again later */
    /* readline binds the terminal's lnext character (Ctrl-V) to quoted-insert again each
     * time it prepares the terminal, unless told not to; erase and kill keep their default
     * keys (Backspace, Ctrl-U). After the inputrc, which could turn it on. */
    rl_variable_bind("bind-tty-special-chars", "off");
    for (size_t m = 0; m < sizeof maps / sizeof maps[0]; m++)
        for (size_t c = 0; c < sizeof commands / sizeof commands[0]; c++)
            unbind_everywhere(maps[m], commands[c], 0);
}

void readline_backend_close(line_reader *r)
{
    (void)r;
    rl_callback_handler_remove(); /* restores the terminal if a read was cut short */
    rl_clear_history();
    active = NULL;
}

/* Drops the half-typed line and restores the terminal before we leave the read. */
/*
 * Leaves whatever readline is in the middle of when a read ends early. A numeric argument (Esc
 * and a digit) saves the prompt, and rl_callback_sigcleanup drops the argument without giving
 * the prompt back, so the next argument saved over it and lost it: the kiosk monkey's keys
 * (seed 17149) ended in a leak of the prompt that LeakSanitizer found at exit. Giving it back
 * first, as readline does when an argument overflows, keeps it owned.
 */
static void leave_pending_state(void)
{
    if (RL_ISSTATE(RL_STATE_NUMERICARG))
        rl_restore_prompt();
    rl_callback_sigcleanup();
}

static void abandon_line(line_reader *r)
{
    /* On a recalled line, its history entry may still hold an older part of the undo list
     * that rl_free_line_state frees whole: give the entry the whole list first, so that it
     * is freed once (readline itself does this when Up or Down leaves the line). */
    if (current_history())
        rl_maybe_replace_line();
    rl_replace_line("", 0);
    rl_free_line_state();
    leave_pending_state();
    rl_callback_handler_remove();
    fputc('\n', r->out);
    fflush(r->out);
}

/* Puts a half-typed line back into readline, with its cursor, and shows it. */
static void restore_line(char *typed, int point)
{
    if (!typed)
        return;
    rl_replace_line(typed, 0);
    rl_point = point <= rl_end ? point : rl_end;
    rl_redisplay();
    free(typed);
}

/*
 * Ctrl-Z: restores the terminal, stops the process the default way, and after `fg` puts the
 * prompt and the half-typed line back as they were.
 */
static void suspend(const char *prompt)
{
    char *typed = strdup(rl_line_buffer ? rl_line_buffer : "");
    int point = rl_point;
    leave_pending_state();
    rl_callback_handler_remove();
    fputc('\n', rl_outstream);
    fflush(rl_outstream);
    struct sigaction dfl, ours;
    memset(&dfl, 0, sizeof dfl);
    dfl.sa_handler = SIG_DFL;
    sigemptyset(&dfl.sa_mask);
    sigaction(SIGTSTP, &dfl, &ours);
    raise(SIGTSTP); /* stops here until SIGCONT */
    sigaction(SIGTSTP, &ours, NULL);
    rl_callback_handler_install(prompt, on_line);
    restore_line(typed, point);
}

/* A resize: readline learns the new width, and the read ends with the half-typed line kept in
 * the reader, so that the caller can redraw the screen for the new width first. */
static void keep_line_for_resize(line_reader *r)
{
    rl_resize_terminal();
    free(r->kept_text);
    r->kept_text = strdup(rl_line_buffer ? rl_line_buffer : "");
    r->kept_point = rl_point;
    rl_replace_line("", 0);
    leave_pending_state();
    rl_callback_handler_remove();
    fputc('\n', r->out);
    fflush(r->out);
}

line_status readline_backend_read(line_reader *r, const char *prompt, int timeout_ms, char **line)
{
    long long start = line_reader_now_ms();
    active = r;
    line_done = false;
    done_line = NULL;
    line_reader_got_winch = 0; /* the caller drew for the size there is now */
    rl_callback_handler_install(prompt, on_line);
    restore_line(r->kept_text, r->kept_point);
    r->kept_text = NULL;
    while (!line_done) {
        if (line_reader_got_stop) {
            abandon_line(r);
            return LINE_SIGNAL;
        }
        if (line_reader_got_sigint) {
            line_reader_got_sigint = 0;
            abandon_line(r);
            return LINE_INTERRUPT;
        }
        if (line_reader_got_tstp) {
            line_reader_got_tstp = 0;
            suspend(prompt);
        }
        if (line_reader_got_winch) {
            line_reader_got_winch = 0;
            keep_line_for_resize(r);
            return LINE_RESIZED;
        }
        struct pollfd pfd = {STDIN_FILENO, POLLIN, 0};
        int ready = poll(&pfd, 1, line_reader_remaining(timeout_ms, start));
        if (ready < 0 && errno == EINTR)
            continue;
        if (ready < 0) {
            int saved = errno;
            abandon_line(r);
            errno = saved;
            return LINE_ERROR;
        }
        if (ready == 0) {
            abandon_line(r);
            return LINE_TIMEOUT;
        }
        rl_callback_read_char();
    }
    if (!done_line) {
        fputc('\n', r->out); /* Ctrl-D leaves the cursor after the prompt */
        return LINE_EOF;
    }
    if (!r->no_history && done_line[strspn(done_line, " \t")])
        add_history(done_line);
    *line = done_line;
    return LINE_OK;
}

#else
/* Built with NO_READLINE=1: the plain reader in line_reader.c is the only backend. */
typedef int line_reader_readline_unused;
#endif
