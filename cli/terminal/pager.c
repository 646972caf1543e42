/* pager.c: long results through a pager on a terminal, the way git does it. */

#include "pager.h"
#include "pages.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/wait.h>
#include <unistd.h>

/* Whether `name` is an executable file in a folder of $PATH. */
static bool in_path(const char *name)
{
    const char *path = getenv("PATH");
    char file[4096];

    while (path && *path) {
        size_t n = strcspn(path, ":");
        if (n > 0 && n + strlen(name) + 2 <= sizeof file) {
            snprintf(file, sizeof file, "%.*s/%s", (int)n, path, name);
            if (access(file, X_OK) == 0)
                return true;
        }
        path += n + (path[n] == ':');
    }
    return false;
}

/* The pager command to run, or NULL for none. */
static const char *pager_command(void)
{
    const char *pager = getenv("PAGER"), *term = getenv("TERM");

    /* A terminal that cannot move the cursor cannot show a pager either. */
    if (!term || !term[0] || strcmp(term, "dumb") == 0)
        return NULL;
    if (pager)
        return pager[0] && strcmp(pager, "cat") != 0 ? pager : NULL;
    return in_path("less") ? "less" : NULL;
}

void pager_start(struct pager *p, bool allowed)
{
    const char *command = allowed && isatty(STDOUT_FILENO) ? pager_command() : NULL;
    struct sigaction ignore;
    int fds[2];

    struct winsize size;

    memset(p, 0, sizeof *p);
    p->saved_fd = -1;
    p->pipe_fd = -1;
    if (!command || pipe(fds) != 0)
        return;
    if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &size) == 0) {
        p->rows = size.ws_row;
        p->columns = size.ws_col;
    }
    fflush(stdout);
    p->pid = fork();
    if (p->pid < 0) {
        p->pid = 0;
        close(fds[0]);
        close(fds[1]);
        return;
    }
    if (p->pid == 0) {
        dup2(fds[0], STDIN_FILENO);
        close(fds[0]);
        close(fds[1]);
        setenv("LESS", "FRX", 0);
        execl("/bin/sh", "sh", "-c", command, (char *)NULL);
        _exit(127);
    }
    close(fds[0]);
    p->saved_fd = dup(STDOUT_FILENO);
    /* Pages need the whole text and the screen's size; without either it goes straight on. */
    p->held = p->rows >= 2 && p->columns > 0 ? tmpfile() : NULL;
    if (p->held) {
        p->pipe_fd = fds[1];
        dup2(fileno(p->held), STDOUT_FILENO);
    } else {
        dup2(fds[1], STDOUT_FILENO);
        close(fds[1]);
    }
    memset(&ignore, 0, sizeof ignore);
    ignore.sa_handler = SIG_IGN;
    sigemptyset(&ignore.sa_mask);
    sigaction(SIGPIPE, &ignore, &p->old_pipe);
}

/* Sends the held text to the pager laid out in pages (the terminal's height less the pager's
 * prompt line), or as it is when it cannot be read back whole. */
static void send_held(struct pager *p)
{
    FILE *to = fdopen(p->pipe_fd, "w");
    char *text = NULL, chunk[4096];
    long size;
    size_t n;

    if (!to) {
        close(p->pipe_fd);
        return;
    }
    if (fseek(p->held, 0, SEEK_END) == 0 && (size = ftell(p->held)) >= 0 &&
        fseek(p->held, 0, SEEK_SET) == 0 && (text = malloc((size_t)size + 1)) != NULL &&
        fread(text, 1, (size_t)size, p->held) == (size_t)size) {
        pages_write(to, text, (size_t)size, p->rows - 1, p->columns);
    } else if (fseek(p->held, 0, SEEK_SET) == 0) {
        while ((n = fread(chunk, 1, sizeof chunk, p->held)) > 0 && fwrite(chunk, 1, n, to) == n)
            ;
    }
    free(text);
    fclose(to); /* the pager sees the end */
}

void pager_stop(struct pager *p)
{
    int status;

    if (p->pid == 0)
        return;
    fflush(stdout);
    /* The person may quit before reading it all: a broken pipe then is theirs to choose. */
    clearerr(stdout);
    if (p->saved_fd >= 0) {
        dup2(p->saved_fd, STDOUT_FILENO); /* closes the pipe: the pager sees the end */
        close(p->saved_fd);
    }
    if (p->held) {
        send_held(p);
        fclose(p->held);
        p->held = NULL;
    }
    while (waitpid(p->pid, &status, 0) < 0 && errno == EINTR)
        ;
    sigaction(SIGPIPE, &p->old_pipe, NULL);
    p->pid = 0;
}
