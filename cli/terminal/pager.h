/* pager.h: long results through a pager on a terminal, the way git does it. */
#ifndef CQ_CLI_PAGER_H
#define CQ_CLI_PAGER_H

#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <sys/types.h>

struct pager {
    pid_t pid;                 /* the pager process, 0 when output goes straight to stdout */
    int saved_fd;              /* stdout before the pager took it */
    int pipe_fd;               /* the pager's input while stdout goes to `held`, else -1 */
    FILE *held;                /* the text, kept until pager_stop lays it out in pages */
    size_t rows, columns;      /* the terminal's size, 0 when unknown */
    struct sigaction old_pipe; /* SIGPIPE as it was: quitting the pager early is no error */
};

/*
 * Sends stdout through a pager when stdout is a terminal (not TERM=dumb) and `allowed`: $PAGER
 * when set (empty or "cat" means none), else less when it is installed. less gets LESS=FRX unless
 * LESS is set: it quits when the text fits on one screen, keeps colours and leaves the text on the
 * screen. Anything else (a pipe, a file, no pager) leaves stdout alone. Never fails: without a
 * pager the text is written whole. When the terminal's size is known the text is held in a
 * temporary file until pager_stop, which lays it out in pages (pages.h): no page ends on a
 * heading.
 */
void pager_start(struct pager *pager, bool allowed);

/* Flushes stdout, lets the pager finish (the person quits it) and gives stdout back. A write
 * that failed only because the person quit the pager early is not an error. */
void pager_stop(struct pager *pager);

#endif /* CQ_CLI_PAGER_H */
