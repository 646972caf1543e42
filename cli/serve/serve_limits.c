/* serve_limits.c: requests per client address, a token bucket each, for the 429 answer. */

#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "serve.h"

/* Client addresses remembered at once. A room of phones is a few hundred; when the table is
 * full, the client seen longest ago in the probed slots makes way. */
#define LIMITER_SLOTS 4096
#define LIMITER_PROBES 16
/* An IPv6 address in text, with its NUL (INET6_ADDRSTRLEN). */
#define CLIENT_BYTES 46

struct bucket {
    char client[CLIENT_BYTES]; /* "" for a free slot */
    double tokens;
    double seen; /* seconds on the monotonic clock */
};

struct serve_limiter {
    pthread_mutex_t lock;
    double burst, per_second;
    struct bucket slots[LIMITER_SLOTS];
};

static double now_seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* FNV-1a over the address text. */
static size_t slot_of(const char *client)
{
    uint32_t hash = 2166136261u;
    for (const unsigned char *p = (const unsigned char *)client; *p; p++)
        hash = (hash ^ *p) * 16777619u;
    return hash % LIMITER_SLOTS;
}

struct serve_limiter *serve_limiter_new(unsigned burst, unsigned per_second)
{
    struct serve_limiter *limiter = calloc(1, sizeof *limiter);
    if (!limiter)
        return NULL;
    if (pthread_mutex_init(&limiter->lock, NULL) != 0) {
        free(limiter);
        return NULL;
    }
    limiter->burst = burst;
    limiter->per_second = per_second;
    return limiter;
}

void serve_limiter_free(struct serve_limiter *limiter)
{
    if (!limiter)
        return;
    pthread_mutex_destroy(&limiter->lock);
    free(limiter);
}

/* The bucket of client: its own, a free one, or the stalest of the probed ones, reset. */
static struct bucket *bucket_for(struct serve_limiter *limiter, const char *client, double now)
{
    size_t start = slot_of(client);
    struct bucket *stalest = NULL;

    for (size_t i = 0; i < LIMITER_PROBES; i++) {
        struct bucket *b = &limiter->slots[(start + i) % LIMITER_SLOTS];
        if (strcmp(b->client, client) == 0)
            return b;
        if (b->client[0] == '\0' || !stalest || b->seen < stalest->seen)
            stalest = b;
        if (b->client[0] == '\0')
            break;
    }
    snprintf(stalest->client, sizeof stalest->client, "%s", client);
    stalest->tokens = limiter->burst;
    stalest->seen = now;
    return stalest;
}

bool serve_limiter_allow(struct serve_limiter *limiter, const char *client, unsigned *retry_after)
{
    bool allowed;

    *retry_after = 0;
    if (!limiter || limiter->per_second <= 0)
        return true;
    double now = now_seconds();
    pthread_mutex_lock(&limiter->lock);
    struct bucket *b = bucket_for(limiter, client ? client : "", now);
    b->tokens += (now - b->seen) * limiter->per_second;
    if (b->tokens > limiter->burst)
        b->tokens = limiter->burst;
    b->seen = now;
    allowed = b->tokens >= 1.0;
    if (allowed)
        b->tokens -= 1.0;
    else
        *retry_after = (unsigned)((1.0 - b->tokens) / limiter->per_second) + 1;
    pthread_mutex_unlock(&limiter->lock);
    return allowed;
}
