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
    const char **shared[CQ_DIM_COUNT];
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
        items[i + 1] = arena_printf(&c->arena, "%s \xe2\x80\x94 %s (%s%s%s)", f->value, f->measure,
                                    f->source, f->period[0] ? ", " : "", f->period);
        if (!items[i + 1])
            return false;
    }
    c->items[CQ_DIM_OUTLOOK][side] = items;
    c->item_count[CQ_DIM_OUTLOOK][side] = r->figure_count + 1;
    return true;
}

static bool same_figure(const cq_figure *x, const cq_figure *y)
{
    return strcmp(x->value, y->value) == 0 && strcmp(x->source, y->source) == 0 &&
           strcmp(x->period, y->period) == 0;
}

/* Shared outlook: the figures both quote, the same value from the same source and period
 * (their wording of what it measures differs from article to article). */
static bool shared_figures(cq_comparison *c)
{
    const cq_role_def *a = &c->model->roles[c->roles[0]], *b = &c->model->roles[c->roles[1]];
    const char **shared = cq__arena_alloc(&c->arena, a->figure_count + 1, sizeof *shared);
    size_t n = 0;
    for (size_t i = 0; shared && i < a->figure_count; i++) {
        bool both = false;
        for (size_t j = 0; j < b->figure_count; j++)
            both |= same_figure(&a->figures[i], &b->figures[j]);
        if (!both)
            continue;
        const cq_figure *f = &a->figures[i];
        shared[n] = arena_printf(&c->arena, "%s (%s%s%s)", f->value, f->source,
                                 f->period[0] ? ", " : "", f->period);
        if (!shared[n++])
            return false;
    }
    c->shared[CQ_DIM_OUTLOOK] = shared;
    c->shared_count[CQ_DIM_OUTLOOK] = n;
    return shared != NULL;
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

/* Whether a's tip t is one b gets too: the profile says so (shared_with), or b has a tip with
 * the same text. */
static bool tip_shared(const cq_role_def *a, size_t t, const cq_role_def *b)
{
    const cq_tip_def *tip = &a->tips[t];
    for (size_t i = 0; i < tip->shared_count; i++)
        if (strcmp(tip->shared_with[i], b->id) == 0)
            return true;
    for (size_t i = 0; i < b->tip_count; i++)
        if (strcmp(b->tips[i].text, tip->text) == 0)
            return true;
    return false;
}

/* Shared tips, in a's words. */
static bool shared_tips(cq_comparison *c)
{
    const cq_role_def *a = &c->model->roles[c->roles[0]], *b = &c->model->roles[c->roles[1]];
    const char **shared = cq__arena_alloc(&c->arena, a->tip_count + 1, sizeof *shared);
    size_t n = 0;
    for (size_t i = 0; shared && i < a->tip_count; i++)
        if (tip_shared(a, i, b))
            shared[n++] = a->tips[i].text;
    c->shared[CQ_DIM_TIPS] = shared;
    c->shared_count[CQ_DIM_TIPS] = n;
    return shared != NULL;
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
    cq_status st = CQ_OK;
    for (int d = 0; st == CQ_OK && d <= CQ_DIM_INDUSTRIES; d++) {
        for (int side = 0; side < 2; side++) {
            const cq_role_def *r = &m->roles[c->roles[side]];
            c->items[d][side] = r->lists[d];
            c->item_count[d][side] = r->list_counts[d];
        }
        st = cq__shared_phrases(&c->arena, c->items[d][0], c->item_count[d][0], c->items[d][1],
                                c->item_count[d][1], &c->shared[d], &c->shared_count[d], err);
    }
    if (st == CQ_OK && !(outlook_items(c, 0) && outlook_items(c, 1) && shared_figures(c) &&
                         tip_items(c, 0) && tip_items(c, 1) && shared_tips(c)))
        st = cq__fail(err, CQ_ERR_NOMEM, NULL, NULL, "out of memory comparing roles");
    if (st != CQ_OK) {
        cq_comparison_free(c);
        return st;
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
