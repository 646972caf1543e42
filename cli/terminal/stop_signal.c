/* stop_signal.c: stop signals recorded instead of obeyed at once. */
#include "stop_signal.h"

#include <string.h>

static const int stop_signals[STOP_SIGNAL_COUNT] = {SIGINT, SIGTERM, SIGHUP, SIGPIPE};
static volatile sig_atomic_t caught;

static void on_signal(int sig)
{
    if (!caught)
        caught = sig;
}

void stop_signals_catch(struct stop_signals *signals, bool with_pipe)
{
    struct sigaction sa;

    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_signal;
    sigemptyset(&sa.sa_mask);
    caught = 0;
    for (size_t i = 0; i < STOP_SIGNAL_COUNT; i++) {
        sigaction(stop_signals[i], NULL, &signals->saved[i]);
        /* A signal ignored on entry (SIGINT in a background job, nohup's SIGHUP) stays so. */
        if ((with_pipe || stop_signals[i] != SIGPIPE) && signals->saved[i].sa_handler != SIG_IGN)
            sigaction(stop_signals[i], &sa, NULL);
    }
}

void stop_signals_restore(const struct stop_signals *signals)
{
    for (size_t i = 0; i < STOP_SIGNAL_COUNT; i++)
        sigaction(stop_signals[i], &signals->saved[i], NULL);
}

int stop_signal_caught(void)
{
    return caught;
}

bool stop_signal_requested(void)
{
    return caught != 0;
}
