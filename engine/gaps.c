/* gaps.c: where the person stands against a role, trait by trait, and which tips close it. */
#include "internal.h"

#include <math.h>

/* The person's value on a trait; a trait no answer touched counts as 0, nothing shown yet. */
static double value_of(const cq_result *r, size_t trait)
{
    return r->trait_evidence[trait] > 0 ? r->trait_value[trait] : 0.0;
}

double cq_result_gap(const cq_result *r, size_t role, size_t trait)
{
    const cq_model *m = r->model;
    if (role >= m->role_count || trait >= m->trait_count)
        return 0.0;
    const cq_role_def *d = &m->roles[role];
    return d->importance[trait] * fabs(value_of(r, trait) - d->target[trait]);
}

/* What building the trait can win: the importance-weighted shortfall below the target. A tip
 * builds a trait up, so it does nothing for a person already above the target. */
static double shortfall(const cq_result *r, size_t role, size_t trait)
{
    const cq_role_def *d = &r->model->roles[role];
    double below = d->target[trait] - value_of(r, trait);
    return below > 0 ? d->importance[trait] * below : 0.0;
}

bool cq_result_closes(const cq_result *r, size_t role, size_t trait)
{
    if (role >= r->model->role_count || trait >= r->model->trait_count)
        return false;
    return shortfall(r, role, trait) >= CQ_GAP_MIN;
}

/* A tip's sort keys: the largest shortfall it closes, and the sum of those it closes. */
static void tip_keys(const cq_result *r, size_t role, size_t tip, double *largest, double *sum)
{
    const cq_tip_def *t = &r->model->roles[role].tips[tip];
    *largest = 0.0;
    *sum = 0.0;
    for (size_t i = 0; i < t->trait_count; i++) {
        double gap = shortfall(r, role, t->traits[i]);
        if (gap < CQ_GAP_MIN)
            continue;
        *sum += gap;
        if (gap > *largest)
            *largest = gap;
    }
}

/* Gaps closer than this are equal, so that float noise never reorders tips. */
#define GAP_EPSILON 1e-9

size_t cq_result_tip_at(const cq_result *r, size_t role, size_t rank)
{
    const cq_model *m = r->model;
    if (role >= m->role_count || rank >= m->roles[role].tip_count)
        return CQ_NONE;
    /* Profiles hold at most CQ_MAX_LIST_ITEMS tips, so the keys fit on the stack. An insertion
     * sort is stable: equal tips keep profile order. */
    size_t n = m->roles[role].tip_count, order[CQ_MAX_LIST_ITEMS];
    double largest[CQ_MAX_LIST_ITEMS], sum[CQ_MAX_LIST_ITEMS];
    for (size_t i = 0; i < n; i++) {
        tip_keys(r, role, i, &largest[i], &sum[i]);
        size_t j = i;
        for (; j > 0; j--) {
            size_t prev = order[j - 1];
            bool before = largest[i] > largest[prev] + GAP_EPSILON ||
                          (fabs(largest[i] - largest[prev]) <= GAP_EPSILON &&
                           sum[i] > sum[prev] + GAP_EPSILON);
            if (!before)
                break;
            order[j] = prev;
        }
        order[j] = i;
    }
    return order[rank];
}
