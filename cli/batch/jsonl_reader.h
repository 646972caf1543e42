/* jsonl_reader.h: reads JSON Lines one line at a time in bounded memory, however long the input. */
#ifndef CQ_CLI_JSONL_READER_H
#define CQ_CLI_JSONL_READER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

/* Bytes asked of read(2) at a time; the buffer grows to at most limit + 1 + this. */
#define JSONL_BLOCK 65536

enum jsonl_status {
    JSONL_LINE,        /* *line and *len hold the next line, without its '\n' */
    JSONL_TOO_LONG,    /* the next line is over the limit: it was skipped, unread */
    JSONL_END,         /* no more input */
    JSONL_INTERRUPTED, /* a signal arrived during read(2); call again to carry on */
    JSONL_ERROR        /* read(2) failed: errno is in `error` */
};

struct jsonl_reader {
    int fd;
    size_t limit; /* longest line kept, in bytes */
    char *buf;    /* malloc'd; [start, end) is read but not yet returned */
    size_t cap, start, end;
    unsigned long line; /* number of the line last returned (1-based) */
    bool eof;
    bool skipping; /* inside an over-long line: drop bytes up to its '\n' */
    int error;
    /* Called before a read(2) that would wait for input (a pipe or terminal with nothing
     * ready), so that results stream out, and are stored, while the input waits. */
    void (*idle)(void *ctx);
    void *idle_ctx;
    /* Asked before every read(2), skipping included: true ends the wait with
     * JSONL_INTERRUPTED, so a stop signal is obeyed even while a fast source never blocks. */
    bool (*stopped)(void);
};

/* Starts reading fd (which the caller keeps and closes). Lines over `limit` bytes are skipped
 * without being held in memory. */
void jsonl_init(struct jsonl_reader *reader, int fd, size_t limit);

/*
 * The next line. Its bytes are borrowed from the reader until the next call. The last line need
 * not end in '\n'. reader->line is that line's number, also for JSONL_TOO_LONG.
 */
enum jsonl_status jsonl_next(struct jsonl_reader *reader, const char **line, size_t *len);

/* Frees the buffer. */
void jsonl_release(struct jsonl_reader *reader);

#endif /* CQ_CLI_JSONL_READER_H */
