/* store_wait_notice.c: what a person sees while the results database is busy. */
#include "store_wait_notice.h"

static bool still_waiting(void *ctx, long waited_ms)
{
    struct store_wait_notice *n = ctx;

    if (waited_ms == 0)
        n->shown = false; /* a new wait: say it again */
    if (n->stop_requested && n->stop_requested())
        return false;
    if (!n->shown && waited_ms >= STORE_BUSY_NOTICE_MS) {
        fprintf(n->out, "%s\n", n->text);
        fflush(n->out);
        n->shown = true;
    }
    return true;
}

struct store_wait store_wait_notice(struct store_wait_notice *notice)
{
    struct store_wait wait = {still_waiting, notice};

    notice->shown = false;
    return wait;
}
