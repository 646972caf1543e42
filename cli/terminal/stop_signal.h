/* stop_signal.h: SIGINT, SIGTERM and SIGHUP (and SIGPIPE when asked) recorded instead of obeyed
 * at once, so that a command can store what is finished before it stops. */
#ifndef CQ_CLI_STOP_SIGNAL_H
#define CQ_CLI_STOP_SIGNAL_H

#include <signal.h>
#include <stdbool.h>

#define STOP_SIGNAL_COUNT 4

struct stop_signals {
    struct sigaction saved[STOP_SIGNAL_COUNT];
};

/* Catches the stop signals (without SA_RESTART, so a blocked read or sleep returns) with a
 * handler that only records the first one; with_pipe adds SIGPIPE. A signal ignored on entry
 * (SIGINT in a background job, SIGHUP under nohup) is left ignored. Keeps the old actions. */
void stop_signals_catch(struct stop_signals *signals, bool with_pipe);

/* Puts back the actions stop_signals_catch found. */
void stop_signals_restore(const struct stop_signals *signals);

/* The first stop signal caught since stop_signals_catch, or 0. */
int stop_signal_caught(void);

/* Whether a stop signal was caught: a store_wait that gives up on a signal. */
bool stop_signal_requested(void);

#endif /* CQ_CLI_STOP_SIGNAL_H */
