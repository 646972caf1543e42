/* fit.c: how well one answer to one question fits a role, and every answer a question can have
 * (docs/scoring.md). */
#include "internal.h"

#include <math.h>
#include <stdint.h>

double cq__closeness(double value, double target, bool level)
{
    /* A level reached is a level reached: going past the target never costs. */
    if (level && value >= target)
        return 1.0;
    /* The distance is measured against the farthest answer possible from this target, so
     * every target spans the full 0..1 and no role wins merely by sitting mid-scale. */
    double reach = target > 0.5 ? target : 1.0 - target;
    return 1.0 - fabs(value - target) / reach;
}

bool cq__answer_says(const cq_question_def *d, uint32_t selected)
{
    if (d->type == CQ_SCALE)
        return d->scale_effect_count > 0;
    for (size_t o = 0; o < d->option_count; o++)
        if (((selected >> o) & 1u) && d->options[o].effect_count > 0)
            return true;
    return false;
}

size_t cq__question_effects(const cq_question_def *d, uint32_t selected, long value, cq_effect *out)
{
    if (d->type == CQ_SCALE) {
        double x = (double)(value - d->min) / (double)(d->max - d->min);
        for (size_t i = 0; i < d->scale_effect_count; i++) {
            const cq_scale_effect *e = &d->scale_effects[i];
            out[i] = (cq_effect){e->trait, e->low + (e->high - e->low) * x};
        }
        return d->scale_effect_count;
    }
    /* Choices: every trait the question can move gets evidence, 0 when nothing chosen sets
     * it (picking one option is a choice against the others). An option that sets no trait
     * at all ("something else") says nothing, so it gives no evidence. */
    if (!cq__answer_says(d, selected))
        return 0;
    double sum[CQ_MAX_TRAITS];
    for (size_t i = 0; i < d->trait_count; i++)
        sum[i] = 0.0;
    /* Each trait's sum is taken in option order, then effect order, whatever the loops' nesting. */
    for (size_t o = 0; o < d->option_count; o++) {
        if (!((selected >> o) & 1u))
            continue;
        for (size_t k = 0; k < d->options[o].effect_count; k++)
            for (size_t i = 0; i < d->trait_count; i++)
                if (d->options[o].effects[k].trait == d->traits[i])
                    sum[i] += d->options[o].effects[k].value;
    }
    for (size_t i = 0; i < d->trait_count; i++)
        out[i] = (cq_effect){d->traits[i], sum[i] < 1.0 ? sum[i] : 1.0};
    return d->trait_count;
}

double cq__earned(const cq_model *m, size_t role, size_t q, const cq_effect *effects, size_t n)
{
    const cq_role_def *r = &m->roles[role];
    double w = m->questions[q].trait_weight, earned = 0.0;
    /* A group is one dimension: the role's best place in it counts, once. Only the groups
     * there are are cleared: this runs for every answer the what-if search tries. */
    double best[CQ_MAX_TRAITS + 1];
    for (size_t g = 1; g <= m->group_count; g++)
        best[g] = 0.0;
    for (size_t i = 0; i < n; i++) {
        size_t t = effects[i].trait, g = m->traits[t].group_index;
        if (r->importance[t] <= 0)
            continue;
        double e = w * r->importance[t] *
                   cq__closeness(effects[i].value, r->target[t], m->traits[t].level);
        if (g == 0)
            earned += e;
        else if (e > best[g])
            best[g] = e;
    }
    for (size_t g = 1; g <= m->group_count; g++)
        earned += best[g];
    return earned;
}

double cq__possible(const cq_model *m, size_t role, size_t q)
{
    const cq_question_def *d = &m->questions[q];
    cq_effect effects[CQ_MAX_TRAITS];
    for (size_t i = 0; i < d->trait_count; i++)
        effects[i] = (cq_effect){d->traits[i], m->roles[role].target[d->traits[i]]};
    return cq__earned(m, role, q, effects, d->trait_count);
}

/* Ordinary (non-exclusive) options of a multi question, as indices into options. */
static size_t ordinary_options(const cq_question_def *d, size_t *out)
{
    size_t k = 0;
    for (size_t o = 0; o < d->option_count; o++)
        if (!d->options[o].exclusive)
            out[k++] = o;
    return k;
}

uint32_t cq__ordinary_mask(const cq_question_def *d)
{
    uint32_t mask = 0;
    for (size_t o = 0; o < d->option_count; o++)
        if (!d->options[o].exclusive)
            mask |= 1u << o;
    return mask;
}

size_t cq__answer_space_size(const cq_question_def *d)
{
    if (d->type == CQ_SCALE)
        return (size_t)(d->max - d->min) + 1;
    if (d->type == CQ_SINGLE)
        return d->option_count;
    size_t ordinary[CQ_MAX_OPTIONS], k = ordinary_options(d, ordinary);
    size_t exclusive = d->option_count - k;
    return exclusive + (k <= CQ_WHAT_IF_SUBSET_OPTIONS ? ((size_t)1 << k) - 1 : k);
}

void cq__space_layout(const cq_question_def *d, cq_space_layout *out)
{
    out->exclusives = out->ordinaries = 0;
    for (size_t o = 0; o < d->option_count; o++) {
        if (d->options[o].exclusive)
            out->exclusive[out->exclusives++] = 1u << o;
        else
            out->ordinary[out->ordinaries++] = 1u << o;
    }
}

uint32_t cq__space_mask(const cq_space_layout *layout, size_t i)
{
    /* Exclusive options alone first, then the sets of ordinary options. */
    if (i < layout->exclusives)
        return layout->exclusive[i];
    i -= layout->exclusives;
    if (layout->ordinaries > CQ_WHAT_IF_SUBSET_OPTIONS)
        return layout->ordinary[i];
    uint32_t mask = 0;
    size_t subset = i + 1;
    for (size_t b = 0; subset >> b; b++)
        if ((subset >> b) & 1u)
            mask |= layout->ordinary[b];
    return mask;
}

void cq__answer_space_at(const cq_question_def *d, size_t i, uint32_t *selected, long *value)
{
    *selected = 0;
    *value = 0;
    if (d->type == CQ_SCALE) {
        *value = d->min + (long)i;
        return;
    }
    if (d->type == CQ_SINGLE) {
        *selected = 1u << i;
        return;
    }
    cq_space_layout layout;
    cq__space_layout(d, &layout);
    *selected = cq__space_mask(&layout, i);
}

size_t cq__answer_space_index(const cq_question_def *d, uint32_t selected, long value)
{
    if (d->type == CQ_SCALE)
        return value >= d->min && value <= d->max ? (size_t)(value - d->min) : CQ_NONE;
    uint32_t all = d->option_count >= 32 ? UINT32_MAX : (1u << d->option_count) - 1;
    if (selected == 0 || (selected & ~all) != 0)
        return CQ_NONE;
    /* Counted as cq__answer_space_at lays the space out: a single question's options; a multi
     * question's exclusive options alone, then its sets of ordinary options, a set's bits in
     * ordinary-option order (or each ordinary option alone past CQ_WHAT_IF_SUBSET_OPTIONS). */
    size_t exclusives = 0, ordinary = 0, ticked = 0, subset = 0, exclusive_at = CQ_NONE, last = 0;
    for (size_t o = 0; o < d->option_count; o++) {
        bool on = (selected >> o) & 1u;
        ticked += on;
        if (d->type == CQ_SINGLE) {
            last = on ? o : last;
        } else if (d->options[o].exclusive) {
            exclusive_at = on ? exclusives : exclusive_at;
            exclusives++;
        } else {
            subset |= (size_t)on << ordinary;
            last = on ? ordinary : last;
            ordinary++;
        }
    }
    if (d->type == CQ_SINGLE)
        return ticked == 1 ? last : CQ_NONE;
    if (exclusive_at != CQ_NONE)
        return ticked == 1 ? exclusive_at : CQ_NONE;
    if (ordinary <= CQ_WHAT_IF_SUBSET_OPTIONS)
        return exclusives + subset - 1;
    return ticked == 1 ? exclusives + last : CQ_NONE;
}

/* What a multi-choice answer's effect is measured against (docs/scoring.md, "Explaining a
 * score"): adding a tool never lowers a role, so against the other sets on average most
 * ticked tools would read as a loss. */
static void prepare_multi_baselines(cq_model *m, size_t q, cq_effect *effects)
{
    const cq_question_def *d = &m->questions[q];
    cq_fit_table *f = &m->fit;
    size_t nq = m->question_count;
    for (size_t i = 0; i < d->trait_count; i++)
        effects[i] = (cq_effect){d->traits[i], 0.0};
    for (size_t role = 0; role < m->role_count; role++)
        f->nothing[role * nq + q] = cq__earned(m, role, q, effects, d->trait_count);
    size_t ordinary[CQ_MAX_OPTIONS], k = ordinary_options(d, ordinary);
    for (size_t o = 0; o < k; o++) {
        size_t n = cq__question_effects(d, 1u << ordinary[o], 0, effects);
        for (size_t role = 0; role < m->role_count; role++)
            f->alone[role * nq + q] +=
                (n > 0 ? cq__earned(m, role, q, effects, n) : f->nothing[role * nq + q]) /
                (double)k;
    }
}

double cq__skipped_points(const cq_model *m, size_t q)
{
    const cq_fit_table *f = &m->fit;
    size_t nq = m->question_count;
    double least = 0.0;
    bool any = false;

    for (size_t role = 0; role < m->role_count; role++) {
        double total = f->role_possible[role];
        if (total <= 0)
            continue;
        double points = 100.0 * f->mean[role * nq + q] / total;
        if (!any || points < least)
            least = points;
        any = true;
    }
    return least;
}

double cq__skipped_earned(const cq_model *m, size_t role, size_t q)
{
    return cq__skipped_points(m, q) * m->fit.role_possible[role] / 100.0;
}

cq_status cq__fit_prepare(cq_model *m, cq_error *err)
{
    size_t nq = m->question_count, nr = m->role_count, cells = nr * nq > 0 ? nr * nq : 1;
    cq_fit_table *f = &m->fit;
    f->possible = cq__arena_alloc(&m->arena, cells, sizeof *f->possible);
    f->mean = cq__arena_alloc(&m->arena, cells, sizeof *f->mean);
    f->best = cq__arena_alloc(&m->arena, cells, sizeof *f->best);
    f->nothing = cq__arena_alloc(&m->arena, cells, sizeof *f->nothing);
    f->alone = cq__arena_alloc(&m->arena, cells, sizeof *f->alone);
    f->role_possible = cq__arena_alloc(&m->arena, nr ? nr : 1, sizeof *f->role_possible);
    f->answers = cq__arena_alloc(&m->arena, nq ? nq : 1, sizeof *f->answers);
    size_t pairs = nq * m->trait_count > 0 ? nq * m->trait_count : 1;
    f->highest = cq__arena_alloc(&m->arena, pairs, sizeof *f->highest);
    cq_effect *effects = cq__arena_alloc(&m->arena, m->trait_count, sizeof *effects);
    f->space_start = cq__arena_alloc(&m->arena, nq + 1, sizeof *f->space_start);
    if (!f->possible || !f->mean || !f->best || !f->nothing || !f->alone || !f->role_possible ||
        !f->answers || !f->highest || !effects || !f->space_start)
        return cq__fail(err, CQ_ERR_NOMEM, NULL, NULL, "out of memory loading the model");
    for (size_t q = 0; q < nq; q++)
        f->space_start[q + 1] = f->space_start[q] + cq__answer_space_size(&m->questions[q]);
    size_t rows = f->space_start[nq] * nr;
    f->earned_at = cq__arena_alloc(&m->arena, rows ? rows : 1, sizeof *f->earned_at);
    if (!f->earned_at)
        return cq__fail(err, CQ_ERR_NOMEM, NULL, NULL, "out of memory loading the model");
    for (size_t q = 0; q < nq; q++) {
        const cq_question_def *d = &m->questions[q];
        for (size_t role = 0; role < nr; role++) {
            double possible = cq__possible(m, role, q);
            f->possible[role * nq + q] = possible;
            f->role_possible[role] += possible;
            f->best[role * nq + q] = -1.0;
        }
        size_t size = cq__answer_space_size(d);
        for (size_t i = 0; i < size; i++) {
            uint32_t selected;
            long value;
            cq__answer_space_at(d, i, &selected, &value);
            size_t n = cq__question_effects(d, selected, value, effects);
            if (n == 0)
                continue; /* says nothing: counted like a skipped question, below */
            f->answers[q]++;
            for (size_t k = 0; k < n; k++) {
                double *high = &f->highest[q * m->trait_count + effects[k].trait];
                if (effects[k].value > *high)
                    *high = effects[k].value;
            }
            for (size_t role = 0; role < nr; role++) {
                double e = cq__earned(m, role, q, effects, n);
                f->earned_at[(f->space_start[q] + i) * nr + role] = e;
                f->mean[role * nq + q] += e;
                if (e > f->best[role * nq + q])
                    f->best[role * nq + q] = e;
            }
        }
        if (d->type == CQ_MULTI)
            prepare_multi_baselines(m, q, effects);
        for (size_t role = 0; role < nr; role++) {
            if (f->answers[q] > 0)
                f->mean[role * nq + q] /= (double)f->answers[q];
            else
                f->best[role * nq + q] = 0.0;
        }
    }
    /* What a skipped question earns depends on every role's total: a second pass. */
    for (size_t q = 0; q < nq; q++) {
        const cq_question_def *d = &m->questions[q];
        for (size_t i = 0; i < cq__answer_space_size(d); i++) {
            uint32_t selected;
            long value;
            cq__answer_space_at(d, i, &selected, &value);
            for (size_t role = 0; !cq__answer_says(d, selected) && role < nr; role++)
                f->earned_at[(f->space_start[q] + i) * nr + role] = cq__skipped_earned(m, role, q);
        }
    }
    return CQ_OK;
}
