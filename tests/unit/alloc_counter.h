/* alloc_counter.h: the allocation counter of the allocation-failure tests: every allocator a
 * test hands out counts through it, and it fails the Nth attempt (or the Nth and every later). */
#ifndef CQ_TEST_ALLOC_COUNTER_H
#define CQ_TEST_ALLOC_COUNTER_H

#include <stdbool.h>
#include <stddef.h>

#include "careerquiz.h"

/* Global because cJSON's hooks (and SQLite's, and the C library's) take no context. */
struct alloc_counter {
    long calls;    /* allocation attempts since the run started */
    long fail_at;  /* the attempt to fail; 0 for none */
    bool persist;  /* fail every attempt after it too */
    long failed;   /* attempts failed */
    long live;     /* engine and cJSON blocks allocated and not yet freed */
    long by_cjson; /* attempts that came through cJSON's hooks */
    bool inside;   /* in one of the allocators below: a wrapped malloc must not count again */
};
extern struct alloc_counter alloc_counter;

/* Counts an attempt; true when it is to fail. */
bool alloc_inject(void);

/* The engine's allocator (cq_context_new) and cJSON's hooks (cJSON_InitHooks), counted. */
extern const cq_allocator alloc_counting;
void *alloc_cjson_malloc(size_t size);
void alloc_cjson_free(void *ptr);

#endif /* CQ_TEST_ALLOC_COUNTER_H */
