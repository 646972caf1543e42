/* context.c: the context's allocator, the per-model arena and whole-stream reading. */
#include "internal.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

static void *default_realloc(void *ctx, void *ptr, size_t size)
{
    (void)ctx;
    return realloc(ptr, size ? size : 1);
}

static void default_free(void *ctx, void *ptr)
{
    (void)ctx;
    free(ptr);
}

cq_status cq_context_new(const cq_allocator *alloc, cq_context **out)
{
    cq_allocator chosen = {default_realloc, default_free, NULL};
    if (!out)
        return CQ_ERR_ARG;
    if (alloc) {
        if (!alloc->realloc || !alloc->free)
            return CQ_ERR_ARG;
        chosen = *alloc;
    }
    cq_context *ctx = chosen.realloc(chosen.ctx, NULL, sizeof *ctx);
    if (!ctx)
        return CQ_ERR_NOMEM;
    ctx->alloc = chosen;
    *out = ctx;
    return CQ_OK;
}

void cq_context_free(cq_context *ctx)
{
    if (ctx)
        ctx->alloc.free(ctx->alloc.ctx, ctx);
}

void *cq__alloc(const cq_context *ctx, size_t size)
{
    return ctx->alloc.realloc(ctx->alloc.ctx, NULL, size);
}

void *cq__calloc(const cq_context *ctx, size_t count, size_t size)
{
    if (size && count > SIZE_MAX / size)
        return NULL;
    void *p = cq__alloc(ctx, count * size);
    if (p)
        memset(p, 0, count * size);
    return p;
}

void cq_free(const cq_context *ctx, void *ptr)
{
    if (ctx && ptr)
        ctx->alloc.free(ctx->alloc.ctx, ptr);
}

/* ---- arena ---------------------------------------------------------------------------------- */

/* Blocks hold 16 KiB unless one allocation needs more; the whole default bank fits in a few. */
#define ARENA_BLOCK_BYTES 16384
#define ARENA_ALIGN 16

struct cq_arena_block {
    cq_arena_block *next;
    size_t used, capacity;
    _Alignas(ARENA_ALIGN) unsigned char data[];
};

void cq__arena_init(cq_arena *arena, const cq_context *ctx)
{
    arena->ctx = ctx;
    arena->head = NULL;
}

void cq__arena_release(cq_arena *arena)
{
    cq_arena_block *b = arena->head;
    while (b) {
        cq_arena_block *next = b->next;
        cq_free(arena->ctx, b);
        b = next;
    }
    arena->head = NULL;
}

void *cq__arena_alloc(cq_arena *arena, size_t count, size_t size)
{
    if (size && count > SIZE_MAX / size)
        return NULL;
    size_t bytes = count * size;
    if (bytes > SIZE_MAX - ARENA_ALIGN)
        return NULL;
    bytes = (bytes + ARENA_ALIGN - 1) & ~(size_t)(ARENA_ALIGN - 1);
    if (bytes == 0)
        bytes = ARENA_ALIGN;
    cq_arena_block *b = arena->head;
    if (!b || b->capacity - b->used < bytes) {
        size_t capacity = bytes > ARENA_BLOCK_BYTES ? bytes : ARENA_BLOCK_BYTES;
        b = cq__alloc(arena->ctx, sizeof *b + capacity);
        if (!b)
            return NULL;
        b->capacity = capacity;
        b->used = 0;
        b->next = arena->head;
        arena->head = b;
    }
    void *p = b->data + b->used;
    b->used += bytes;
    memset(p, 0, bytes);
    return p;
}

char *cq__arena_strdup(cq_arena *arena, const char *text)
{
    size_t n = strlen(text) + 1;
    char *copy = cq__arena_alloc(arena, n, 1);
    if (copy)
        memcpy(copy, text, n);
    return copy;
}

/* ---- reading ------------------------------------------------------------------------------ */

cq_status cq_read_stream(const cq_context *ctx, FILE *stream, const char *name, size_t limit,
                         char **out, size_t *size, cq_error *err)
{
    if (!ctx || !stream || !out)
        return cq__fail(err, CQ_ERR_ARG, name, NULL, "invalid argument to cq_read_stream");
    size_t capacity = 4096, used = 0;
    char *buf = cq__alloc(ctx, capacity);
    if (!buf)
        return cq__fail(err, CQ_ERR_NOMEM, name, NULL, "out of memory reading file");
    for (;;) {
        if (capacity - used < 2) {
            size_t bigger = capacity * 2;
            char *grown = ctx->alloc.realloc(ctx->alloc.ctx, buf, bigger);
            if (!grown) {
                cq_free(ctx, buf);
                return cq__fail(err, CQ_ERR_NOMEM, name, NULL, "out of memory reading file");
            }
            buf = grown;
            capacity = bigger;
        }
        size_t want = capacity - used - 1;
        if (want > limit + 1 - used)
            want = limit + 1 - used; /* read one byte past the limit to know it was passed */
        size_t got = fread(buf + used, 1, want, stream);
        used += got;
        if (used > limit) {
            cq_free(ctx, buf);
            return cq__fail(err, CQ_ERR_LIMIT, name, NULL, "file is larger than %zu bytes", limit);
        }
        if (got < want) {
            if (ferror(stream)) {
                int saved = errno;
                char why[128];
                cq_free(ctx, buf);
                return cq__fail(err, CQ_ERR_IO, name, NULL, "cannot read file: %s",
                                saved ? cq__errno_text(saved, why, sizeof why) : "read error");
            }
            break;
        }
    }
    buf[used] = '\0';
    *out = buf;
    if (size)
        *size = used;
    return CQ_OK;
}
