/* compare.c: two roles side by side, dimension by dimension, with what they share. */
#include "internal.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

struct cq_comparison {
    const cq_model *model;
    cq_arena arena; /* every string and list the comparison made */
    size_t roles[2];
    const char *const *items[CQ_DIM_COUNT][2];
    size_t item_count[CQ_DIM_COUNT][2];
    const char **shared[CQ_DIM_COUNT];      /* names, as both profiles write them */
    const char **shared_text[CQ_DIM_COUNT]; /* the same, for reading */
    size_t shared_count[CQ_DIM_COUNT];
};

static const char *const dimension_names[CQ_DIM_COUNT] = {
    "responsibilities", "skills", "education", "tools", "industries", "outlook", "tips",
};

const char *cq_dimension_name(cq_dimension d)
{
    return (unsigned)d < CQ_DIM_COUNT ? dimension_names[d] : NULL;
}

void cq_comparison_free(cq_comparison *c)
{
    if (!c)
        return;
    cq__arena_release(&c->arena);
    cq_free(c->model->ctx, c);
}

/* A formatted string in the arena, or NULL when out of memory. */
static char *arena_printf(cq_arena *arena, const char *format, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;

static char *arena_printf(cq_arena *arena, const char *format, ...)
{
    va_list ap;
    va_start(ap, format);
    int n = vsnprintf(NULL, 0, format, ap);
    va_end(ap);
    char *text = n >= 0 ? cq__arena_alloc(arena, (size_t)n + 1, 1) : NULL;
    if (text) {
        va_start(ap, format);
        vsnprintf(text, (size_t)n + 1, format, ap);
        va_end(ap);
    }
    return text;
}

/* The outlook as items: its paragraph, then one line per figure. */
static bool outlook_items(cq_comparison *c, int side)
{
    const cq_role_def *r = &c->model->roles[c->roles[side]];
    const char **items = cq__arena_alloc(&c->arena, r->figure_count + 1, sizeof *items);
    if (!items)
        return false;
    items[0] = r->outlook;
    for (size_t i = 0; i < r->figure_count; i++) {
        const cq_figure *f = &r->figures[i];
        items[i + 1] = arena_printf(&c->arena, "%s \xe2\x80\x94 %s (%s%s%s)%s%s", f->value,
                                    f->measure, f->source, f->period[0] ? ", " : "", f->period,
                                    f->note[0] ? "; " : "", f->note);
        if (!items[i + 1])
            return false;
    }
    c->items[CQ_DIM_OUTLOOK][side] = items;
    c->item_count[CQ_DIM_OUTLOOK][side] = r->figure_count + 1;
    return true;
}

/* Room for n shared names and their texts in dimension d; false when out of memory. */
static bool shared_room(cq_comparison *c, cq_dimension d, size_t n)
{
    c->shared[d] = cq__arena_alloc(&c->arena, n + 1, sizeof *c->shared[d]);
    c->shared_text[d] = cq__arena_alloc(&c->arena, n + 1, sizeof *c->shared_text[d]);
    c->shared_count[d] = 0;
    return c->shared[d] && c->shared_text[d];
}

static void add_shared(cq_comparison *c, cq_dimension d, const char *name, const char *text)
{
    c->shared[d][c->shared_count[d]] = name;
    c->shared_text[d][c->shared_count[d]++] = text;
}

static bool is_about(const cq_role_def *r, cq_role_list l, const char *name)
{
    for (size_t i = 0; i < r->list_counts[l]; i++)
        for (size_t j = 0; j < r->about[l][i].count; j++)
            if (strcmp(r->about[l][i].names[j], name) == 0)
                return true;
    return false;
}

/* A list dimension: the names a's items are about that b's items are about too, each once,
 * in a's order. */
static bool shared_names(cq_comparison *c, cq_role_list l)
{
    const cq_role_def *a = &c->model->roles[c->roles[0]], *b = &c->model->roles[c->roles[1]];
    size_t n = 0;
    for (size_t i = 0; i < a->list_counts[l]; i++)
        n += a->about[l][i].count;
    if (!shared_room(c, (cq_dimension)l, n))
        return false;
    for (size_t i = 0; i < a->list_counts[l]; i++)
        for (size_t j = 0; j < a->about[l][i].count; j++) {
            const char *name = a->about[l][i].names[j];
            bool seen = false;
            for (size_t k = 0; k < c->shared_count[l] && !seen; k++)
                seen = strcmp(c->shared[l][k], name) == 0;
            if (!seen && is_about(b, l, name))
                add_shared(c, (cq_dimension)l, name, name);
        }
    return true;
}

/* Two figures are the same when they measure the same thing, with the same value, from the
 * same source over the same period. */
static bool same_figure(const cq_figure *x, const cq_figure *y)
{
    return strcmp(x->measure, y->measure) == 0 && strcmp(x->value, y->value) == 0 &&
           strcmp(x->source, y->source) == 0 && strcmp(x->period, y->period) == 0;
}

/* Shared outlook: the figures both quote. */
static bool shared_figures(cq_comparison *c)
{
    const cq_role_def *a = &c->model->roles[c->roles[0]], *b = &c->model->roles[c->roles[1]];
    if (!shared_room(c, CQ_DIM_OUTLOOK, a->figure_count))
        return false;
    for (size_t i = 0; i < a->figure_count; i++) {
        bool both = false;
        for (size_t j = 0; j < b->figure_count; j++)
            both |= same_figure(&a->figures[i], &b->figures[j]);
        if (!both)
            continue;
        const cq_figure *f = &a->figures[i];
        const char *text = arena_printf(&c->arena, "%s %s (%s%s%s)", f->value, f->measure,
                                        f->source, f->period[0] ? ", " : "", f->period);
        if (!text)
            return false;
        add_shared(c, CQ_DIM_OUTLOOK, f->measure, text);
    }
    return true;
}

static bool tip_items(cq_comparison *c, int side)
{
    const cq_role_def *r = &c->model->roles[c->roles[side]];
    const char **items = cq__arena_alloc(&c->arena, r->tip_count + 1, sizeof *items);
    for (size_t i = 0; items && i < r->tip_count; i++)
        items[i] = r->tips[i].text;
    c->items[CQ_DIM_TIPS][side] = items;
    c->item_count[CQ_DIM_TIPS][side] = r->tip_count;
    return items != NULL;
}

/* Shared tips: the advice of a's tips that its profile shares with b (the loader checked
 * that b gives the same advice from an article both cite). */
static bool shared_tips(cq_comparison *c)
{
    const cq_role_def *a = &c->model->roles[c->roles[0]], *b = &c->model->roles[c->roles[1]];
    if (!shared_room(c, CQ_DIM_TIPS, a->tip_count))
        return false;
    for (size_t i = 0; i < a->tip_count; i++)
        for (size_t j = 0; j < a->tips[i].shared_count; j++)
            if (strcmp(a->tips[i].shared_with[j], b->id) == 0)
                add_shared(c, CQ_DIM_TIPS, a->tips[i].advice, a->tips[i].advice);
    return true;
}

cq_status cq_compare(const cq_model *m, size_t role_a, size_t role_b, cq_comparison **out,
                     cq_error *err)
{
    if (!m || !out || role_a >= m->role_count || role_b >= m->role_count || role_a == role_b)
        return cq__fail(err, CQ_ERR_ARG, NULL, NULL, "invalid argument to cq_compare");
    cq_comparison *c = cq__calloc(m->ctx, 1, sizeof *c);
    if (!c)
        return cq__fail(err, CQ_ERR_NOMEM, NULL, NULL, "out of memory comparing roles");
    c->model = m;
    cq__arena_init(&c->arena, m->ctx);
    c->roles[0] = role_a;
    c->roles[1] = role_b;
    /* The list dimensions are the profile lists of the same names, in the same order. */
    bool ok = true;
    for (int d = 0; ok && d <= CQ_DIM_INDUSTRIES; d++) {
        for (int side = 0; side < 2; side++) {
            const cq_role_def *r = &m->roles[c->roles[side]];
            c->items[d][side] = r->lists[d];
            c->item_count[d][side] = r->list_counts[d];
        }
        ok = shared_names(c, (cq_role_list)d);
    }
    ok = ok && outlook_items(c, 0) && outlook_items(c, 1) && shared_figures(c) && tip_items(c, 0) &&
         tip_items(c, 1) && shared_tips(c);
    if (!ok) {
        cq_comparison_free(c);
        return cq__fail(err, CQ_ERR_NOMEM, NULL, NULL, "out of memory comparing roles");
    }
    *out = c;
    return CQ_OK;
}

size_t cq_comparison_role(const cq_comparison *c, int side)
{
    return c && (side == 0 || side == 1) ? c->roles[side] : CQ_NONE;
}

size_t cq_comparison_item_count(const cq_comparison *c, cq_dimension d, int side)
{
    if (!c || (unsigned)d >= CQ_DIM_COUNT || (side != 0 && side != 1))
        return 0;
    return c->item_count[d][side];
}

const char *cq_comparison_item(const cq_comparison *c, cq_dimension d, int side, size_t i)
{
    return i < cq_comparison_item_count(c, d, side) ? c->items[d][side][i] : NULL;
}

size_t cq_comparison_shared_count(const cq_comparison *c, cq_dimension d)
{
    return c && (unsigned)d < CQ_DIM_COUNT ? c->shared_count[d] : 0;
}

const char *cq_comparison_shared(const cq_comparison *c, cq_dimension d, size_t i)
{
    return i < cq_comparison_shared_count(c, d) ? c->shared[d][i] : NULL;
}

const char *cq_comparison_shared_text(const cq_comparison *c, cq_dimension d, size_t i)
{
    return i < cq_comparison_shared_count(c, d) ? c->shared_text[d][i] : NULL;
}
