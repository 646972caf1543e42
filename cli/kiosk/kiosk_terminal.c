/* kiosk_terminal.c: keeps a booth's terminal in the kiosk's hands while it runs. */
#include "kiosk_terminal.h"

#include <string.h>
#include <unistd.h>

void kiosk_terminal_take(struct kiosk_terminal *t)
{
    struct sigaction ignore;
    struct termios raw;

    memset(t, 0, sizeof *t);
    memset(&ignore, 0, sizeof ignore);
    ignore.sa_handler = SIG_IGN;
    sigemptyset(&ignore.sa_mask);
    sigaction(SIGTSTP, &ignore, &t->old_tstp);
    sigaction(SIGQUIT, &ignore, &t->old_quit);

    t->fd = isatty(STDIN_FILENO) ? STDIN_FILENO : -1;
    if (t->fd >= 0 && tcgetattr(t->fd, &t->tty) == 0) {
        t->tty_saved = true;
        raw = t->tty;
        /* readline keeps what it finds when it prepares the terminal for each line, so
         * clearing IXON here holds for every read until we put it back. */
        raw.c_iflag &= (tcflag_t) ~(IXON | IXOFF);
        tcsetattr(t->fd, TCSADRAIN, &raw);
    }
}

void kiosk_terminal_release(struct kiosk_terminal *t)
{
    if (t->tty_saved)
        tcsetattr(t->fd, TCSADRAIN, &t->tty);
    t->tty_saved = false;
    sigaction(SIGTSTP, &t->old_tstp, NULL);
    sigaction(SIGQUIT, &t->old_quit, NULL);
}

void kiosk_terminal_wipe(FILE *out, bool escapes)
{
    if (escapes)
        fputs("\033c\033[3J\033[H\033[2J", out);
    else
        fputc('\n', out);
    fflush(out);
}
