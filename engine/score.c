/* score.c: the weighted scoring model (docs/scoring.md) and the result it produces. */
#include "internal.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* Scores closer than this are equal: sums taken in another order could differ by this. */
#define SCORE_EPSILON 1e-9

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
    cq_free(ctx, r->effect);
    cq_free(ctx, r->shortfall);
    cq_free(ctx, r->given);
    cq_free(ctx, r->given_count);
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
    r->effect = cq__calloc(ctx, m->role_count * m->question_count, sizeof *r->effect);
    r->shortfall = cq__calloc(ctx, m->role_count * m->trait_count, sizeof *r->shortfall);
    /* Read only up to given_count, so left uncleared: clearing it was a seventh of batch's time
     * (the model's limits keep the product far from overflowing). */
    r->given = cq__alloc(ctx, m->question_count * m->trait_count * sizeof *r->given);
    r->given_count = cq__calloc(ctx, m->question_count, sizeof *r->given_count);
    r->trait_value = cq__calloc(ctx, m->trait_count, sizeof *r->trait_value);
    r->trait_evidence = cq__calloc(ctx, m->trait_count, sizeof *r->trait_evidence);
    if (!r->score || !r->order || !r->points || !r->effect || !r->shortfall || !r->given ||
        !r->given_count || !r->trait_value || !r->trait_evidence) {
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

cq_result *cq__result_scratch(const cq_model *m)
{
    return result_new(m);
}

cq_rank_change cq__rank_changed(const cq_result *base, const cq_answers *answers, size_t q,
                                size_t at, cq_result *into)
{
    const cq_model *m = base->model;
    const cq_fit_table *f = &m->fit;
    size_t nq = m->question_count, top = base->order[0];
    const double *earned = &f->earned_at[(f->space_start[q] + at) * m->role_count];
    double changed[CQ_MAX_ROLES];
    bool any = answers->answered[q] && cq__answer_says(&m->questions[q], answers->selected[q]);
    for (size_t other = 0; !any && other < nq; other++)
        any = other != q && base->given_count[other] > 0;
    if (!any)
        return CQ_RANK_NOTHING;
    for (size_t role = 0; role < m->role_count; role++) {
        double total = f->role_possible[role];
        changed[role] = total > 0 ? 100.0 * earned[role] / total : 0.0;
    }
    /* Most answers leave the top role first by far: the base scores with q's points swapped
     * show it without summing and ranking again (the education filter can reorder: not then). */
    bool kept = !base->education_filter && base->ranked == m->role_count;
    double top_score = base->score[top] - base->points[top * nq + q] + changed[top];
    for (size_t role = 0; kept && role < m->role_count; role++)
        kept = role == top || base->score[role] - base->points[role * nq + q] + changed[role] <
                                  top_score - CQ__TOP_KEPT_MARGIN;
    if (kept)
        return CQ_RANK_SAME_TOP;
    for (size_t role = 0; role < m->role_count; role++) {
        /* Summed in question order, as cq_score_with does, so that the scores are the same to
         * the last bit and ties break the same way. */
        double score = 0.0;
        for (size_t k = 0; k < nq; k++)
            score += k == q ? changed[role] : base->points[role * nq + k];
        into->score[role] = score;
    }
    rank_roles(into);
    if (base->education_filter) {
        into->answers = (cq_answers *)answers; /* borrowed for the filter, handed back below */
        cq__education_filter(into);
        into->answers = NULL;
    }
    return CQ_RANK_MADE;
}

cq_status cq_score(const cq_model *m, const cq_answers *answers, cq_result **out, cq_error *err)
{
    return cq_score_with(m, answers, NULL, out, err);
}

/* Whether an answer to a multi question is one of the answers its mean was taken over (past
 * CQ_WHAT_IF_SUBSET_OPTIONS ordinary options only single options are). */
static bool in_answer_space(const cq_question_def *d, uint32_t selected)
{
    size_t ordinary = 0;
    for (size_t o = 0; o < d->option_count; o++)
        ordinary += !d->options[o].exclusive;
    return d->type != CQ_MULTI || ordinary <= CQ_WHAT_IF_SUBSET_OPTIONS ||
           (selected & (selected - 1)) == 0;
}

/* How much closer to the role's target on t a better answer to q could come: the closeness the
 * answer misses, short of what a better answer to this question could show, never past it (an
 * answer already at the most the question can give lacks nothing it could add). */
static double short_of(const cq_model *m, const cq_role_def *rd, size_t q, size_t t, double value)
{
    double target = rd->target[t], high = m->fit.highest[q * m->trait_count + t];
    double reachable = high < target ? high : target;
    bool level = m->traits[t].level;
    if (rd->importance[t] <= 0 || value >= reachable)
        return 0.0;
    return cq__closeness(reachable, target, level) - cq__closeness(value, target, level);
}

/*
 * The shortfall of a group of traits (one dimension: the subjects, languages or tools a role's
 * articles name) on question q, when given[k] is the first of its traits among the answer's
 * effects: the best fit a better answer could reach minus the best the answer has, put on the
 * trait whose reach is best (the first such), since any one of the role's places would do.
 */
static void add_group_shortfall(cq_result *r, size_t role, size_t q, const cq_effect *given,
                                size_t n, size_t k, double total)
{
    const cq_model *m = r->model;
    const cq_role_def *rd = &m->roles[role];
    size_t g = m->traits[given[k].trait].group_index, rep = CQ_NONE;
    for (size_t i = 0; i < k; i++)
        if (m->traits[given[i].trait].group_index == g)
            return; /* done at its first trait */
    double have = 0.0, reach = 0.0;
    for (size_t i = k; i < n; i++) {
        size_t t = given[i].trait;
        if (m->traits[t].group_index != g || rd->importance[t] <= 0)
            continue;
        bool level = m->traits[t].level;
        double fit = rd->importance[t] * cq__closeness(given[i].value, rd->target[t], level);
        double best = fit + rd->importance[t] * short_of(m, rd, q, t, given[i].value);
        have = fit > have ? fit : have;
        if (rep == CQ_NONE || best > reach) {
            reach = best;
            rep = given[i].trait;
        }
    }
    if (rep != CQ_NONE && reach > have)
        r->shortfall[role * m->trait_count + rep] +=
            100.0 * m->questions[q].trait_weight * (reach - have) / total;
}

/*
 * Scores question q for every role: its points, its effect against the question's other answers
 * and the shortfalls below target its answer shows. A question left out, or answered with an
 * option that says nothing, gives every role the same points (cq__skipped_points).
 */
static void score_question(cq_result *r, size_t q)
{
    const cq_model *m = r->model;
    const cq_question_def *d = &m->questions[q];
    const cq_fit_table *f = &m->fit;
    size_t nq = m->question_count, nt = m->trait_count;
    const cq_effect *given = &r->given[q * nt];
    size_t n = r->given_count[q], others = f->answers[q];
    bool in_space = n > 0 && in_answer_space(d, r->answers->selected[q]);
    if (in_space)
        others--;
    /* What an effect measures earnings against (docs/scoring.md): on a multi-choice question
     * nothing ticked ("None of these yet" itself: each option ticked alone, on average); on any
     * other, the mean over its other answers, from the mean over all of them. */
    const double *multi_reference = d->type != CQ_MULTI                                ? NULL
                                    : (r->answers->selected[q] & cq__ordinary_mask(d)) ? f->nothing
                                                                                       : f->alone;
    double w = d->trait_weight;
    /* An answer in the question's answer space earns what the model worked out at load. */
    size_t at =
        n > 0 ? cq__answer_space_index(d, r->answers->selected[q], r->answers->value[q]) : CQ_NONE;
    const double *table =
        at != CQ_NONE ? &f->earned_at[(f->space_start[q] + at) * m->role_count] : NULL;
    double skipped = n > 0 ? 0.0 : cq__skipped_points(m, q);
    for (size_t role = 0; role < m->role_count; role++) {
        const cq_role_def *rd = &m->roles[role];
        size_t i = role * nq + q;
        double total = f->role_possible[role];
        if (total <= 0)
            continue;
        double earned = table   ? table[role]
                        : n > 0 ? cq__earned(m, role, q, given, n)
                                : skipped * total / 100.0;
        r->points[i] = 100.0 * earned / total;
        r->score[role] += r->points[i];
        if (n == 0 || others == 0)
            continue;
        double reference =
            multi_reference
                ? multi_reference[i]
                : (f->mean[i] * (double)f->answers[q] - (in_space ? earned : 0.0)) / (double)others;
        r->effect[i] = 100.0 * (earned - reference) / total;
        /* A shortfall is something the person lacks, so only a question about what they have
         * shows one: an aim answer ("I would rather own the application") lacks nothing. */
        for (size_t k = 0; !d->aim && k < n; k++) {
            size_t t = given[k].trait;
            if (m->traits[t].group_index == 0)
                r->shortfall[role * nt + t] +=
                    100.0 * w * rd->importance[t] * short_of(m, rd, q, t, given[k].value) / total;
            else
                add_group_shortfall(r, role, q, given, n, k, total);
        }
    }
}

/* The size of cq_score_options in the first version: later ones only add fields after it. */
#define SCORE_OPTIONS_OLDEST sizeof(cq_score_options)

cq_status cq_score_with(const cq_model *m, const cq_answers *answers,
                        const cq_score_options *options, cq_result **out, cq_error *err)
{
    if (!m || !answers || !out || answers->model != m)
        return cq__fail(err, CQ_ERR_ARG, NULL, NULL, "invalid argument to cq_score");
    cq_score_options how = CQ_SCORE_OPTIONS_INIT;
    if (options) {
        cq_status st = cq__options_read(options, SCORE_OPTIONS_OLDEST, sizeof how, &how,
                                        "cq_score_options", err);
        if (st != CQ_OK)
            return st;
    }
    cq_result *r = result_new(m);
    if (r && cq_answers_clone(answers, &r->answers, NULL) != CQ_OK)
        r->answers = NULL;
    if (!r || !r->answers) {
        cq_result_free(r);
        return cq__fail(err, CQ_ERR_NOMEM, NULL, NULL, "out of memory scoring answers");
    }
    bool any = false;
    for (size_t q = 0; q < m->question_count; q++) {
        const cq_question_def *d = &m->questions[q];
        cq_effect *given = &r->given[q * m->trait_count];
        size_t n = r->given_count[q] = cq__answer_effects(answers, q, given);
        double w = d->trait_weight;
        for (size_t i = 0; i < n; i++) {
            r->trait_value[given[i].trait] += w * given[i].value;
            r->trait_evidence[given[i].trait] += w;
        }
        any |= n > 0;
        score_question(r, q);
    }
    for (size_t t = 0; t < m->trait_count; t++)
        if (r->trait_evidence[t] > 0)
            r->trait_value[t] /= r->trait_evidence[t];
    if (!any) {
        cq_result_free(r);
        return cq__fail(err, CQ_ERR_INVALID, NULL, NULL,
                        "no answered question tells the roles apart: answer at least one");
    }
    rank_roles(r);
    r->warnings = cq__answer_warnings(answers);
    r->education_filter = how.education_filter;
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
    return r->effect[role * r->model->question_count + q];
}

double cq_result_trait_value(const cq_result *r, size_t trait)
{
    return trait < r->model->trait_count ? r->trait_value[trait] : 0.0;
}

double cq_result_trait_evidence(const cq_result *r, size_t trait)
{
    return trait < r->model->trait_count ? r->trait_evidence[trait] : 0.0;
}

double cq_result_answer_trait(const cq_result *r, size_t q, size_t trait)
{
    const cq_model *m = r->model;
    if (q >= m->question_count)
        return -1.0;
    for (size_t i = 0; i < r->given_count[q]; i++)
        if (r->given[q * m->trait_count + i].trait == trait)
            return r->given[q * m->trait_count + i].value;
    return -1.0;
}
