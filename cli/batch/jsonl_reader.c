/* jsonl_reader.c: reads JSON Lines one line at a time in bounded memory, however long the input. */

#include <errno.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "jsonl_reader.h"

void jsonl_init(struct jsonl_reader *reader, int fd, size_t limit)
{
    memset(reader, 0, sizeof *reader);
    reader->fd = fd;
    reader->limit = limit;
}

void jsonl_release(struct jsonl_reader *reader)
{
    free(reader->buf);
    reader->buf = NULL;
    reader->cap = reader->start = reader->end = 0;
}

/* Makes room for at least one JSONL_BLOCK after the unread bytes, moving them to the front.
 * Returns false when out of memory. */
static bool make_room(struct jsonl_reader *r)
{
    size_t most = r->limit + 1 + JSONL_BLOCK, cap;
    char *grown;

    if (r->start > 0) {
        memmove(r->buf, r->buf + r->start, r->end - r->start);
        r->end -= r->start;
        r->start = 0;
    }
    if (r->cap - r->end >= JSONL_BLOCK)
        return true;
    cap = r->cap ? r->cap * 2 : 2 * JSONL_BLOCK;
    if (cap > most)
        cap = most;
    grown = realloc(r->buf, cap);
    if (!grown)
        return false;
    r->buf = grown;
    r->cap = cap;
    return true;
}

/* One read(2) into the free space. Returns JSONL_LINE when it got bytes or reached the end. */
static enum jsonl_status fill(struct jsonl_reader *r)
{
    struct pollfd ready = {r->fd, POLLIN, 0};
    ssize_t n;

    if (r->stopped && r->stopped())
        return JSONL_INTERRUPTED;
    if (r->idle && poll(&ready, 1, 0) == 0)
        r->idle(r->idle_ctx);
    n = read(r->fd, r->buf + r->end, r->cap - r->end);

    if (n < 0 && errno == EINTR)
        return JSONL_INTERRUPTED;
    if (n < 0) {
        r->error = errno;
        return JSONL_ERROR;
    }
    if (n == 0)
        r->eof = true;
    r->end += (size_t)n;
    return JSONL_LINE;
}

enum jsonl_status jsonl_next(struct jsonl_reader *r, const char **line, size_t *len)
{
    enum jsonl_status status;
    char *nl;

    for (;;) {
        nl = r->end > r->start ? memchr(r->buf + r->start, '\n', r->end - r->start) : NULL;
        if (r->skipping) {
            /* The rest of an over-long line goes, block by block, up to its newline. */
            if (nl) {
                r->skipping = false;
                r->start = (size_t)(nl - r->buf) + 1;
                continue;
            }
            r->start = r->end = 0;
            if (r->eof)
                return JSONL_END;
        } else if (nl) {
            *line = r->buf + r->start;
            *len = (size_t)(nl - *line);
            r->start += *len + 1;
            r->line++;
            return *len > r->limit ? JSONL_TOO_LONG : JSONL_LINE;
        } else if (r->end - r->start > r->limit) {
            r->line++;
            r->skipping = true;
            r->start = r->end = 0;
            return JSONL_TOO_LONG;
        } else if (r->eof) {
            if (r->end == r->start)
                return JSONL_END;
            *line = r->buf + r->start;
            *len = r->end - r->start;
            r->start = r->end;
            r->line++;
            return JSONL_LINE;
        }
        if (!make_room(r)) {
            r->error = ENOMEM;
            return JSONL_ERROR;
        }
        status = fill(r);
        if (status != JSONL_LINE)
            return status;
    }
}
