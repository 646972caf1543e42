/* what_if.c: the single-answer changes that would put another role first, found exactly. */
#include "internal.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>

/* Leads closer than this are equal (sums in another order could differ by this much). */
#define LEAD_EPSILON 1e-9

typedef struct change {
    size_t question;
    cq_answers *answers; /* the whole answer set with the change made */
    size_t new_top;
    double lead;   /* over the new runner-up, unrounded: orders changes */
    double margin; /* the same as shown: both scores rounded first, as cq_result_margin */
    size_t steps;
    bool actionable; /* a change the person can make, not one undoing what they have */
    size_t seq;      /* the order it was found in: bank order, then answer order */
} change;

struct cq_changes {
    const cq_model *model;
    size_t total; /* every change found that puts another role first */
    size_t count;
    size_t keep;
    change *items; /* the best `count`, best first */
};

/* The search state: the answers being varied and where the results go. */
typedef struct search {
    const cq_result *base;
    cq_result *ranking; /* each alternative's ranking, reused */
    cq_answers *work;
    cq_changes *out;
    size_t question;
    size_t seq;
    change best; /* the best change to the current question; answers NULL when none yet */
} search;

void cq_changes_free(cq_changes *c)
{
    if (!c)
        return;
    for (size_t i = 0; i < c->count; i++)
        cq_answers_free(c->items[i].answers);
    cq_free(c->model->ctx, c->items);
    cq_free(c->model->ctx, c);
}

static unsigned popcount32(uint32_t x)
{
    unsigned n = 0;
    for (; x; x &= x - 1)
        n++;
    return n;
}

/* True when a is a nearer change to the same question than b: fewer steps, then one the person
 * can act on, then a wider lead, then found first. */
static bool nearer(const change *a, const change *b)
{
    if (a->steps != b->steps)
        return a->steps < b->steps;
    if (a->actionable != b->actionable)
        return a->actionable;
    if (fabs(a->lead - b->lead) > LEAD_EPSILON)
        return a->lead > b->lead;
    return a->seq < b->seq;
}

/* The order of the changes shown: those the person can act on first, each group nearest
 * first. */
static bool better(const change *a, const change *b)
{
    if (a->actionable != b->actionable)
        return a->actionable;
    return nearer(a, b);
}

/* Takes ownership of the candidate's answers: keeps it when it is among the best `keep`. */
static void consider(cq_changes *c, change *candidate)
{
    if (c->keep == 0 || (c->count == c->keep && !better(candidate, &c->items[c->count - 1]))) {
        cq_answers_free(candidate->answers);
        return;
    }
    if (c->count == c->keep)
        cq_answers_free(c->items[--c->count].answers);
    size_t i = c->count++;
    for (; i > 0 && better(candidate, &c->items[i - 1]); i--)
        c->items[i] = c->items[i - 1];
    c->items[i] = *candidate;
}

/* Scores the working answers (one question changed by `steps`) and, when another role comes
 * first, keeps a copy if it is nearer than the best change found so far for this question. */
static cq_status try_answer(search *s, size_t at, size_t steps, bool actionable, cq_error *err)
{
    cq_result *r = s->ranking;
    size_t seq = s->seq++;
    cq_status st = CQ_OK;
    /* Nothing left that any role weighs (no ranking), or the same role first: no change of top. */
    if (cq__rank_changed(s->base, s->work, s->question, at, r) != CQ_RANK_MADE)
        return CQ_OK;
    size_t top = r->order[0];
    if (top != s->base->order[0]) {
        s->out->total++;
        double second = r->ranked > 1 ? r->score[r->order[1]] : 0.0;
        change candidate = {s->question,
                            NULL,
                            top,
                            r->score[top] - second,
                            cq_round1(cq_round1(r->score[top]) - cq_round1(second)),
                            steps,
                            actionable,
                            seq};
        if (!s->best.answers || nearer(&candidate, &s->best)) {
            st = cq_answers_clone(s->work, &candidate.answers, err);
            if (st == CQ_OK) {
                cq_answers_free(s->best.answers);
                s->best = candidate;
            }
        }
    }
    return st;
}

/* The distance between two options of a single question: their distance on its order, or 1
 * when its options have none. */
static size_t option_steps(const cq_question_def *d, size_t from, size_t to)
{
    if (!d->ordered)
        return 1;
    return from > to ? from - to : to - from;
}

/* A change to a question about what the person has can only add to it: a higher option or
 * value, or more options. Answering a question that was skipped only tells more. */
static bool can_act(const cq_question_def *d, bool answered, bool higher)
{
    return d->aim || !answered || higher;
}

static cq_status vary_single(search *s, size_t q, uint32_t was, bool answered, cq_error *err)
{
    cq_answers *w = s->work;
    const cq_question_def *d = &w->model->questions[q];
    size_t from = 0;
    while (answered && from < d->option_count && was != (1u << from))
        from++;
    cq_status st = CQ_OK;
    for (size_t o = 0; st == CQ_OK && o < d->option_count; o++) {
        if (answered && o == from)
            continue;
        w->answered[q] = true;
        w->selected[q] = 1u << o;
        st = try_answer(s, o, answered ? option_steps(d, from, o) : 1,
                        can_act(d, answered, d->ordered && o > from), err);
    }
    return st;
}

static cq_status vary_scale(search *s, size_t q, long was, bool answered, cq_error *err)
{
    const cq_question_def *d = &s->work->model->questions[q];
    cq_status st = CQ_OK;
    for (long v = d->min; st == CQ_OK && v <= d->max; v++) {
        if (answered && v == was)
            continue;
        s->work->answered[q] = true;
        s->work->value[q] = v;
        st = try_answer(s, (size_t)(v - d->min), answered ? (size_t)labs(v - was) : 1,
                        can_act(d, answered, v > was), err);
    }
    return st;
}

/* Tries every answer of a multi question's answer space but the current one: steps are the
 * options added or removed, and it adds to what the person has when no ordinary option goes. */
static cq_status vary_multi(search *s, size_t q, uint32_t was, bool answered, cq_error *err)
{
    const cq_question_def *d = &s->work->model->questions[q];
    uint32_t ordinary = cq__ordinary_mask(d);
    size_t size = cq__answer_space_size(d);
    cq_space_layout layout;
    cq__space_layout(d, &layout);
    cq_status st = CQ_OK;
    for (size_t i = 0; st == CQ_OK && i < size; i++) {
        uint32_t mask = cq__space_mask(&layout, i);
        if (answered && mask == was)
            continue;
        s->work->answered[q] = true;
        s->work->selected[q] = mask;
        bool adds = (was & ordinary & ~mask) == 0;
        st = try_answer(s, i, popcount32(answered ? mask ^ was : mask), can_act(d, answered, adds),
                        err);
    }
    return st;
}

/* Whether no answer to q can put another role first: the most each other role can earn on q
 * (its best answer in the model's table) still leaves it below the least the top role can, by
 * the margin cq__rank_changed keeps the top with. Then every answer would keep the top role, so
 * none need be tried. Not with the education filter, which can reorder the roles. */
static bool top_kept_whatever_the_answer(const cq_result *base, size_t q)
{
    const cq_model *m = base->model;
    const cq_fit_table *f = &m->fit;
    size_t nq = m->question_count, nr = m->role_count, top = base->order[0];
    if (base->education_filter || base->ranked != nr)
        return false;
    double most[CQ_MAX_ROLES], least = 0.0;
    const double *row = &f->earned_at[f->space_start[q] * nr];
    size_t rows = f->space_start[q + 1] - f->space_start[q];
    for (size_t role = 0; role < nr; role++)
        most[role] = row[role];
    least = row[top];
    for (size_t i = 1; i < rows; i++) {
        row += nr;
        for (size_t role = 0; role < nr; role++)
            most[role] = row[role] > most[role] ? row[role] : most[role];
        least = row[top] < least ? row[top] : least;
    }
    /* The same sums as cq__rank_changed's, each term at its extreme: floating point addition
     * and division by a positive total keep the order of their operands. */
    double total = f->role_possible[top];
    double top_least =
        base->score[top] - base->points[top * nq + q] + (total > 0 ? 100.0 * least / total : 0.0);
    for (size_t role = 0; role < nr; role++) {
        double possible = f->role_possible[role];
        double upper = base->score[role] - base->points[role * nq + q] +
                       (possible > 0 ? 100.0 * most[role] / possible : 0.0);
        if (role != top && !(upper < top_least - CQ__TOP_KEPT_MARGIN))
            return false;
    }
    return true;
}

/* Tries every other answer to question q, then restores the answer. Leaving a question out is
 * not a change to the person, so it is never offered. */
static cq_status vary_question(search *s, size_t q, cq_error *err)
{
    cq_answers *w = s->work;
    const cq_question_def *d = &w->model->questions[q];
    bool answered = w->answered[q];
    uint32_t selected = w->selected[q];
    long value = w->value[q];
    cq_status st = CQ_OK;
    s->question = q;
    s->best.answers = NULL;
    if (top_kept_whatever_the_answer(s->base, q))
        s->seq += cq__answer_space_size(d); /* as if tried: later changes keep their order */
    else if (d->type == CQ_SCALE)
        st = vary_scale(s, q, value, answered, err);
    else if (d->type == CQ_SINGLE)
        st = vary_single(s, q, selected, answered, err);
    else
        st = vary_multi(s, q, selected, answered, err);
    w->answered[q] = answered;
    w->selected[q] = selected;
    w->value[q] = value;
    if (s->best.answers && st == CQ_OK)
        consider(s->out, &s->best);
    else
        cq_answers_free(s->best.answers);
    s->best.answers = NULL;
    return st;
}

/* An upper bound on the answers the search tries, so that `keep` can be capped by it. */
static size_t most_changes(const cq_model *m)
{
    size_t most = 0;
    for (size_t q = 0; q < m->question_count; q++) {
        const cq_question_def *d = &m->questions[q];
        size_t n = d->option_count < CQ_WHAT_IF_SUBSET_OPTIONS ? d->option_count
                                                               : CQ_WHAT_IF_SUBSET_OPTIONS;
        /* Scale: every value and skipping. Choice: every subset, each exclusive option alone
         * and skipping. */
        most += d->type == CQ_SCALE ? (size_t)(d->max - d->min) + 2
                                    : ((size_t)1 << n) + d->option_count + 1;
    }
    return most;
}

cq_status cq_changes_find(const cq_result *result, size_t keep, cq_changes **out, cq_error *err)
{
    if (!result || !out)
        return cq__fail(err, CQ_ERR_ARG, NULL, NULL, "invalid argument to cq_changes_find");
    const cq_model *m = result->model;
    cq_changes *c = cq__calloc(m->ctx, 1, sizeof *c);
    if (!c)
        return cq__fail(err, CQ_ERR_NOMEM, NULL, NULL, "out of memory looking for changes");
    c->model = m;
    size_t most = most_changes(m);
    c->keep = keep < most ? keep : most;
    c->items = cq__calloc(m->ctx, c->keep ? c->keep : 1, sizeof *c->items);
    search s = {result, cq__result_scratch(m), NULL, c, 0, 0, {0, NULL, 0, 0.0, 0.0, 0, false, 0}};
    cq_status st = c->items && s.ranking ? cq_answers_clone(result->answers, &s.work, err)
                                         : cq__fail(err, CQ_ERR_NOMEM, NULL, NULL,
                                                    "out of memory looking for changes");
    for (size_t q = 0; st == CQ_OK && q < m->question_count; q++)
        st = vary_question(&s, q, err);
    cq_answers_free(s.work);
    cq_result_free(s.ranking);
    if (st != CQ_OK) {
        cq_changes_free(c);
        return st;
    }
    *out = c;
    return CQ_OK;
}

size_t cq_changes_count(const cq_changes *c)
{
    return c ? c->count : 0;
}

size_t cq_changes_total(const cq_changes *c)
{
    return c ? c->total : 0;
}

static const change *item(const cq_changes *c, size_t i)
{
    return c && i < c->count ? &c->items[i] : NULL;
}

size_t cq_change_question(const cq_changes *c, size_t i)
{
    const change *x = item(c, i);
    return x ? x->question : CQ_NONE;
}

const cq_answers *cq_change_answers(const cq_changes *c, size_t i)
{
    const change *x = item(c, i);
    return x ? x->answers : NULL;
}

size_t cq_change_new_top(const cq_changes *c, size_t i)
{
    const change *x = item(c, i);
    return x ? x->new_top : CQ_NONE;
}

double cq_change_lead(const cq_changes *c, size_t i)
{
    const change *x = item(c, i);
    return x ? x->margin : 0.0;
}

size_t cq_change_steps(const cq_changes *c, size_t i)
{
    const change *x = item(c, i);
    return x ? x->steps : 0;
}

bool cq_change_actionable(const cq_changes *c, size_t i)
{
    const change *x = item(c, i);
    return x && x->actionable;
}
