/* kiosk_terminal.h: keeps a booth's terminal in the kiosk's hands while it runs: no way out to
 * the shell by a key, no frozen screen, and a real reset between people. */
#ifndef CQ_CLI_KIOSK_TERMINAL_H
#define CQ_CLI_KIOSK_TERMINAL_H

#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <termios.h>

struct kiosk_terminal {
    int fd;         /* the terminal (standard input), or -1 when it is not one */
    bool tty_saved; /* tty holds the settings to put back */
    struct termios tty;
    struct sigaction old_tstp, old_quit;
};

/*
 * Takes the terminal for the kiosk: Ctrl-Z (SIGTSTP) and Ctrl-\ (SIGQUIT) are ignored, so a
 * visitor can neither stop the kiosk and reach the shell nor kill it, and flow control (IXON)
 * is turned off, so Ctrl-S cannot freeze the screen. Call it after line_reader_open (whose
 * Ctrl-Z handler it overrides) and undo it with kiosk_terminal_release before
 * line_reader_close. Works on a pipe too (only the signals are changed then).
 */
void kiosk_terminal_take(struct kiosk_terminal *terminal);

/* Puts the signal actions and the terminal settings back as kiosk_terminal_take found them. */
void kiosk_terminal_release(struct kiosk_terminal *terminal);

/*
 * Wipes the screen for the next person. With escapes, a full terminal reset (ESC c: character
 * sets, cursor visibility, colours, modes, whatever the last person's output left) and the
 * scroll-back cleared (ESC [3J), so nobody can scroll up to the last result; without, a blank
 * line.
 */
void kiosk_terminal_wipe(FILE *out, bool escapes);

#endif /* CQ_CLI_KIOSK_TERMINAL_H */
