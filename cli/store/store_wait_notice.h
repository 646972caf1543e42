/* store_wait_notice.h: what a person sees while the results database is busy: a line saying
 * why nothing happens, instead of a still or blank screen. */
#ifndef CQ_CLI_STORE_WAIT_NOTICE_H
#define CQ_CLI_STORE_WAIT_NOTICE_H

#include <stdbool.h>
#include <stdio.h>

#include "store.h"

struct store_wait_notice {
    FILE *out;
    const char *text;             /* the line shown once the wait passes STORE_BUSY_NOTICE_MS */
    bool (*stop_requested)(void); /* true: give up waiting (a signal asked to stop) */
    bool shown;
};

/* A store_wait (store.h) that shows notice->text once per wait and gives up when
 * stop_requested says so. notice must live as long as the store uses it. */
struct store_wait store_wait_notice(struct store_wait_notice *notice);

#endif /* CQ_CLI_STORE_WAIT_NOTICE_H */
