/* pselect_after_signal.c: a correct pselect loop that signals interrupt, to show valgrind's
 * false "pselect6(sig) points to unaddressable byte(s)" report (tests/valgrind/readline.supp).
 *
 * A child sends SIGUSR1 to the parent every half millisecond while the parent waits on an empty
 * pipe with pselect and a NULL signal mask, as readline waits on the terminal. Exits 0 after enough
 * signals; the report, when valgrind makes it, is valgrind's (its exit status with
 * --error-exitcode). */
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/select.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

enum { SIGNALS_TO_SEE = 300, SIGNALS_TO_SEND = 3000 };

static volatile sig_atomic_t signals_seen;

static void count_signal(int signo)
{
    (void)signo;
    signals_seen++;
}

int main(void)
{
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = count_signal;
    action.sa_flags = SA_RESTART;
    sigemptyset(&action.sa_mask);
    if (sigaction(SIGUSR1, &action, NULL) != 0) {
        perror("pselect_after_signal: sigaction");
        return 1;
    }
    int quiet[2];
    if (pipe(quiet) != 0) {
        perror("pselect_after_signal: pipe");
        return 1;
    }
    pid_t parent = getpid();
    pid_t child = fork();
    if (child < 0) {
        perror("pselect_after_signal: fork");
        return 1;
    }
    if (child == 0) {
        const struct timespec pause = {0, 500000};
        for (int i = 0; i < SIGNALS_TO_SEND && kill(parent, SIGUSR1) == 0; i++)
            nanosleep(&pause, NULL);
        _exit(0);
    }
    while (signals_seen < SIGNALS_TO_SEE) {
        fd_set readable;
        FD_ZERO(&readable);
        FD_SET(quiet[0], &readable);
        const struct timespec timeout = {0, 100000};
        (void)pselect(quiet[0] + 1, &readable, NULL, NULL, &timeout, NULL);
    }
    kill(child, SIGKILL);
    waitpid(child, NULL, 0);
    return 0;
}
