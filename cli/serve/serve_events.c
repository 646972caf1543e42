/* serve_events.c: server-sent events for the facilitator screen: "a result arrived" as it
 * happens, and a heartbeat that keeps the stream open and finds clients that left.
 *
 * A stream with nothing to send suspends its connection (libmicrohttpd's way of waiting
 * without a thread); a new result, the heartbeat or the server stopping resumes every waiting
 * stream, whose reader then writes what is new, or ends. */

#include <microhttpd.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "serve.h"

/* Streams open at once: a facilitator screen or two, and some spare. More get 503. */
#define EVENTS_MAX_STREAMS 32

struct stream {
    struct serve_events *events;
    struct MHD_Connection *connection;
    unsigned long seen; /* the version last sent */
    double beat_sent;   /* monotonic seconds of the last heartbeat sent */
    bool waiting;       /* suspended, in events->waiting */
    bool greeted;       /* the first event, with the retry time, is sent */
};

struct serve_events {
    pthread_mutex_t lock;
    unsigned long version; /* one more for every result published */
    unsigned long total;   /* the results count to send */
    bool closing;
    size_t open; /* streams open, waiting or not */
    struct stream *waiting[EVENTS_MAX_STREAMS];
    size_t waiting_count;
    double beat; /* monotonic seconds of the last heartbeat */
};

static double now_seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

struct serve_events *serve_events_new(void)
{
    struct serve_events *events = calloc(1, sizeof *events);
    if (!events)
        return NULL;
    if (pthread_mutex_init(&events->lock, NULL) != 0) {
        free(events);
        return NULL;
    }
    events->beat = now_seconds();
    return events;
}

void serve_events_free(struct serve_events *events)
{
    if (!events)
        return;
    pthread_mutex_destroy(&events->lock);
    free(events);
}

/* Resumes every waiting stream; the caller holds the lock. */
static void wake_all(struct serve_events *events)
{
    for (size_t i = 0; i < events->waiting_count; i++) {
        events->waiting[i]->waiting = false;
        MHD_resume_connection(events->waiting[i]->connection);
    }
    events->waiting_count = 0;
}

void serve_events_publish(struct serve_events *events, unsigned long total)
{
    if (!events)
        return;
    pthread_mutex_lock(&events->lock);
    events->version++;
    events->total = total;
    wake_all(events);
    pthread_mutex_unlock(&events->lock);
}

void serve_events_tick(struct serve_events *events)
{
    if (!events)
        return;
    pthread_mutex_lock(&events->lock);
    double now = now_seconds();
    if (now - events->beat >= SERVE_EVENTS_HEARTBEAT_SECONDS) {
        events->beat = now;
        wake_all(events);
    }
    pthread_mutex_unlock(&events->lock);
}

void serve_events_close(struct serve_events *events)
{
    if (!events)
        return;
    pthread_mutex_lock(&events->lock);
    events->closing = true;
    wake_all(events);
    pthread_mutex_unlock(&events->lock);
}

/* Writes an event, or a heartbeat comment, into buf; suspends when there is nothing new. */
static ssize_t read_events(void *cls, uint64_t pos, char *buf, size_t max)
{
    struct stream *s = cls;
    struct serve_events *events = s->events;
    ssize_t n = 0;

    (void)pos;
    pthread_mutex_lock(&events->lock);
    if (events->closing) {
        pthread_mutex_unlock(&events->lock);
        return MHD_CONTENT_READER_END_OF_STREAM;
    }
    if (!s->greeted || s->seen != events->version) {
        /* retry: how soon a browser reconnects after the stream ends (the server stopped). */
        n = snprintf(buf, max, "%sevent: results\ndata: {\"total\":%lu}\n\n",
                     s->greeted ? "" : "retry: 3000\n", events->total);
        s->greeted = true;
        s->seen = events->version;
        s->beat_sent = events->beat;
    } else if (s->beat_sent != events->beat) {
        n = snprintf(buf, max, ": still here\n\n");
        s->beat_sent = events->beat;
    } else if (events->waiting_count < EVENTS_MAX_STREAMS) {
        events->waiting[events->waiting_count++] = s;
        s->waiting = true;
        MHD_suspend_connection(s->connection);
    } else {
        n = MHD_CONTENT_READER_END_OF_STREAM;
    }
    pthread_mutex_unlock(&events->lock);
    return n < 0 || (size_t)n >= max ? MHD_CONTENT_READER_END_WITH_ERROR : n;
}

static void close_stream(void *cls)
{
    struct stream *s = cls;
    struct serve_events *events = s->events;

    pthread_mutex_lock(&events->lock);
    for (size_t i = 0; s->waiting && i < events->waiting_count; i++) {
        if (events->waiting[i] == s) {
            events->waiting[i] = events->waiting[--events->waiting_count];
            break;
        }
    }
    events->open--;
    pthread_mutex_unlock(&events->lock);
    free(s);
}

struct MHD_Response *serve_events_response(struct serve_events *events,
                                           struct MHD_Connection *connection)
{
    pthread_mutex_lock(&events->lock);
    bool full = events->closing || events->open >= EVENTS_MAX_STREAMS;
    if (!full)
        events->open++;
    pthread_mutex_unlock(&events->lock);
    if (full)
        return NULL;

    struct stream *s = calloc(1, sizeof *s);
    struct MHD_Response *response =
        s ? MHD_create_response_from_callback(MHD_SIZE_UNKNOWN, 1024, read_events, s, close_stream)
          : NULL;
    if (!response) {
        free(s);
        pthread_mutex_lock(&events->lock);
        events->open--;
        pthread_mutex_unlock(&events->lock);
        return NULL;
    }
    s->events = events;
    s->connection = connection;
    return response;
}
