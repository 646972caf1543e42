/* score.c: the weighted scoring model (docs/scoring.md) and the result it produces. */
#include "internal.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* Scores closer than this are equal: sums taken in another order could differ by this. */
#define SCORE_EPSILON 1e-9

double cq__closeness(double value, double target)
{
    /* The distance is measured against the farthest answer possible from this target, so
     * every target spans the full 0..1 and no role wins merely by sitting mid-scale. */
    double reach = target > 0.5 ? target : 1.0 - target;
    return 1.0 - fabs(value - target) / reach;
}

/* Rounds half away from zero to 1/scale. */
static double round_to(double value, double scale)
{
    return value < 0 ? -floor(-value * scale + 0.5) / scale : floor(value * scale + 0.5) / scale;
}

double cq_round1(double value)
{
    return round_to(value, 10.0);
}

double cq__round2(double value)
{
    return round_to(value, 100.0);
}

void cq_result_free(cq_result *r)
{
    if (!r)
        return;
    const cq_context *ctx = r->model->ctx;
    cq_free(ctx, r->score);
    cq_free(ctx, r->order);
    cq_free(ctx, r->points);
    cq_free(ctx, r->share);
    cq_free(ctx, r->trait_value);
    cq_free(ctx, r->trait_evidence);
    cq_answers_free(r->answers);
    cq_free(ctx, r);
}

static cq_result *result_new(const cq_model *m)
{
    const cq_context *ctx = m->ctx;
    cq_result *r = cq__calloc(ctx, 1, sizeof *r);
    if (!r)
        return NULL;
    r->model = m;
    r->score = cq__calloc(ctx, m->role_count, sizeof *r->score);
    r->order = cq__calloc(ctx, m->role_count, sizeof *r->order);
    r->points = cq__calloc(ctx, m->role_count * m->question_count, sizeof *r->points);
    r->share = cq__calloc(ctx, m->role_count * m->question_count, sizeof *r->share);
    r->trait_value = cq__calloc(ctx, m->trait_count, sizeof *r->trait_value);
    r->trait_evidence = cq__calloc(ctx, m->trait_count, sizeof *r->trait_evidence);
    if (!r->score || !r->order || !r->points || !r->share || !r->trait_value ||
        !r->trait_evidence) {
        cq_result_free(r);
        return NULL;
    }
    return r;
}

/* Sorting needs the scores and the model; qsort has no context argument, so sort by hand.
 * Seven roles: insertion sort is simplest and stable. */
static bool ranks_before(const cq_result *r, size_t a, size_t b)
{
    double diff = r->score[a] - r->score[b];
    if (fabs(diff) > SCORE_EPSILON)
        return diff > 0;
    return strcmp(r->model->roles[a].id, r->model->roles[b].id) < 0;
}

static void rank_roles(cq_result *r)
{
    size_t n = r->model->role_count;
    for (size_t i = 0; i < n; i++)
        r->order[i] = i;
    for (size_t i = 1; i < n; i++) {
        size_t role = r->order[i], j = i;
        for (; j > 0 && ranks_before(r, role, r->order[j - 1]); j--)
            r->order[j] = r->order[j - 1];
        r->order[j] = role;
    }
    r->ranked = n;
}

/* Margin and close calls, over the ranked roles only. */
static void measure_confidence(cq_result *r)
{
    size_t n = r->ranked;
    double top = cq_round1(r->score[r->order[0]]);
    r->margin = n > 1 ? cq_round1(top - cq_round1(r->score[r->order[1]])) : 0.0;
    r->close_count = 1;
    while (r->close_count < n && top - cq_round1(r->score[r->order[r->close_count]]) <=
                                     CQ_CLOSE_CALL_MARGIN + SCORE_EPSILON)
        r->close_count++;
}

cq_status cq_score(const cq_model *m, const cq_answers *answers, cq_result **out, cq_error *err)
{
    return cq_score_with(m, answers, NULL, out, err);
}

cq_status cq_score_with(const cq_model *m, const cq_answers *answers,
                        const cq_score_options *options, cq_result **out, cq_error *err)
{
    if (!m || !answers || !out || answers->model != m)
        return cq__fail(err, CQ_ERR_ARG, NULL, NULL, "invalid argument to cq_score");
    cq_result *r = result_new(m);
    double *weight = cq__calloc(m->ctx, m->role_count, sizeof *weight);
    cq_effect *effects = cq__calloc(m->ctx, m->trait_count, sizeof *effects);
    if (r && cq_answers_clone(answers, &r->answers, NULL) != CQ_OK)
        r->answers = NULL;
    if (!r || !weight || !effects || !r->answers) {
        cq_result_free(r);
        cq_free(m->ctx, weight);
        cq_free(m->ctx, effects);
        return cq__fail(err, CQ_ERR_NOMEM, NULL, NULL, "out of memory scoring answers");
    }
    /* points[role][q] first holds the closeness earned, share[role][q] the closeness possible
     * there and weight[role] the closeness possible in all. */
    for (size_t q = 0; q < m->question_count; q++) {
        size_t n = cq__answer_effects(answers, q, effects);
        if (n == 0)
            continue;
        /* A question's weight is its whole say, shared by the traits it measures, so a
         * question touching nine traits does not outvote one touching a single trait. */
        double w = m->questions[q].weight / (double)n;
        for (size_t i = 0; i < n; i++) {
            size_t t = effects[i].trait;
            double v = effects[i].value;
            r->trait_value[t] += w * v;
            r->trait_evidence[t] += w;
            for (size_t role = 0; role < m->role_count; role++) {
                double importance = m->roles[role].importance[t];
                if (importance <= 0)
                    continue;
                double closeness = cq__closeness(v, m->roles[role].target[t]);
                r->points[role * m->question_count + q] += w * importance * closeness;
                r->share[role * m->question_count + q] += w * importance;
                weight[role] += w * importance;
            }
        }
    }
    for (size_t t = 0; t < m->trait_count; t++)
        if (r->trait_evidence[t] > 0)
            r->trait_value[t] /= r->trait_evidence[t];
    bool any = false;
    for (size_t role = 0; role < m->role_count; role++) {
        any |= weight[role] > 0;
        for (size_t q = 0; q < m->question_count; q++) {
            double *p = &r->points[role * m->question_count + q];
            double *share = &r->share[role * m->question_count + q];
            *p = weight[role] > 0 ? 100.0 * *p / weight[role] : 0.0;
            *share = weight[role] > 0 ? *share / weight[role] : 0.0;
            r->score[role] += *p;
        }
    }
    cq_free(m->ctx, weight);
    cq_free(m->ctx, effects);
    if (!any) {
        cq_result_free(r);
        return cq__fail(err, CQ_ERR_INVALID, NULL, NULL,
                        "no answered question tells the roles apart: answer at least one");
    }
    rank_roles(r);
    r->warnings = cq__answer_warnings(answers);
    r->education_filter = options && options->education_filter;
    if (r->education_filter)
        cq__education_filter(r);
    measure_confidence(r);
    *out = r;
    return CQ_OK;
}

size_t cq_result_role_at(const cq_result *r, size_t rank)
{
    return rank < r->ranked ? r->order[rank] : CQ_NONE;
}

size_t cq_result_rank_count(const cq_result *r)
{
    return r->ranked;
}

size_t cq_result_filtered_count(const cq_result *r)
{
    return r->model->role_count - r->ranked;
}

size_t cq_result_filtered_at(const cq_result *r, size_t i)
{
    return i < r->model->role_count - r->ranked ? r->order[r->ranked + i] : CQ_NONE;
}

bool cq_result_education_filter(const cq_result *r)
{
    return r->education_filter;
}

const cq_answers *cq_result_answers(const cq_result *r)
{
    return r->answers;
}

unsigned cq_result_warnings(const cq_result *r)
{
    return r->warnings;
}

double cq_result_score(const cq_result *r, size_t role)
{
    return role < r->model->role_count ? r->score[role] : 0.0;
}

double cq_result_margin(const cq_result *r)
{
    return r->margin;
}

size_t cq_result_close_count(const cq_result *r)
{
    return r->close_count;
}

double cq_result_points(const cq_result *r, size_t role, size_t q)
{
    if (role >= r->model->role_count || q >= r->model->question_count)
        return 0.0;
    return r->points[role * r->model->question_count + q];
}

double cq_result_effect(const cq_result *r, size_t role, size_t q)
{
    if (role >= r->model->role_count || q >= r->model->question_count)
        return 0.0;
    /* What an answer of the role's average closeness would have earned on this question. */
    size_t i = role * r->model->question_count + q;
    return r->points[i] - r->score[role] * r->share[i];
}

double cq_result_trait_value(const cq_result *r, size_t trait)
{
    return trait < r->model->trait_count ? r->trait_value[trait] : 0.0;
}

double cq_result_trait_evidence(const cq_result *r, size_t trait)
{
    return trait < r->model->trait_count ? r->trait_evidence[trait] : 0.0;
}
