/* batch_held.c: batch --db's result lines, held back until their transaction commits. */
#include "batch_held.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "diagnostics.h"

bool batch_held_init(struct batch_held *h)
{
    memset(h, 0, sizeof *h);
    h->out = open_memstream(&h->text, &h->size);
    return h->out != NULL;
}

void batch_held_release(struct batch_held *h)
{
    if (h->out)
        fclose(h->out);
    free(h->text);
    free(h->lines);
    memset(h, 0, sizeof *h);
}

bool batch_held_add(struct batch_held *h, unsigned long line)
{
    if (h->count == h->cap) {
        size_t cap = h->cap ? h->cap * 2 : 256;
        unsigned long *grown = realloc(h->lines, cap * sizeof *grown);
        if (!grown)
            return false;
        h->lines = grown;
        h->cap = cap;
    }
    h->lines[h->count++] = line;
    return true;
}

/* Empties the hold: a fresh memory stream for the next transaction's lines. */
static bool empty(struct batch_held *h)
{
    fclose(h->out);
    free(h->text);
    h->text = NULL;
    h->size = 0;
    h->count = 0;
    h->out = open_memstream(&h->text, &h->size);
    return h->out != NULL;
}

bool batch_held_write(struct batch_held *h, FILE *out)
{
    bool ok = fflush(h->out) == 0 && !ferror(h->out);
    int saved;

    if (ok && h->size > 0)
        ok = fwrite(h->text, 1, h->size, out) == h->size;
    saved = errno; /* the write's, for the caller's message */
    ok = empty(h) && ok;
    errno = saved;
    return ok;
}

void batch_held_drop(struct batch_held *h, const char *name)
{
    char ranges[256];
    size_t used = 0, i = 0;

    if (h->count == 0) {
        empty(h);
        return;
    }
    /* Runs of consecutive lines as "a-b", the list cut with "..." when it gets long. */
    ranges[0] = '\0';
    while (i < h->count && used < sizeof ranges - 32) {
        size_t j = i;
        while (j + 1 < h->count && h->lines[j + 1] == h->lines[j] + 1)
            j++;
        used += (size_t)snprintf(ranges + used, sizeof ranges - used, "%s%lu", i ? ", " : "",
                                 h->lines[i]);
        if (j > i)
            used += (size_t)snprintf(ranges + used, sizeof ranges - used, "-%lu", h->lines[j]);
        i = j + 1;
    }
    if (i < h->count)
        snprintf(ranges + used, sizeof ranges - used, ", ...");
    cli_error("%zu result%s not stored, so not written: line%s %s: %s", h->count,
              h->count == 1 ? " was" : "s were", h->count == 1 ? "" : "s", ranges, name);
    empty(h);
}
