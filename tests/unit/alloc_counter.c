/* alloc_counter.c: the allocation counter of the allocation-failure tests. */
#include "alloc_counter.h"

#include <stdlib.h>

struct alloc_counter alloc_counter;

bool alloc_inject(void)
{
    struct alloc_counter *g = &alloc_counter;
    g->calls++;
    if (g->fail_at && (g->calls == g->fail_at || (g->persist && g->calls > g->fail_at))) {
        g->failed++;
        return true;
    }
    return false;
}

static void *counting_realloc(void *ctx, void *ptr, size_t size)
{
    (void)ctx;
    if (alloc_inject())
        return NULL;
    alloc_counter.inside = true;
    void *p = realloc(ptr, size ? size : 1);
    alloc_counter.inside = false;
    if (p && !ptr)
        alloc_counter.live++;
    return p;
}

static void counting_free(void *ctx, void *ptr)
{
    (void)ctx;
    if (ptr)
        alloc_counter.live--;
    free(ptr);
}

const cq_allocator alloc_counting = {counting_realloc, counting_free, NULL};

void *alloc_cjson_malloc(size_t size)
{
    alloc_counter.by_cjson++;
    if (alloc_inject())
        return NULL;
    alloc_counter.inside = true;
    void *p = malloc(size);
    alloc_counter.inside = false;
    if (p)
        alloc_counter.live++;
    return p;
}

void alloc_cjson_free(void *ptr)
{
    if (ptr)
        alloc_counter.live--;
    free(ptr);
}
