/* gaps.c: where the person falls short of a role, trait by trait, and which tips close it. */
#include "internal.h"

#include <ctype.h>
#include <math.h>
#include <stdint.h>
#include <string.h>
#include <strings.h>

/* Gaps closer than this are equal, so that float noise never reorders them. */
#define GAP_EPSILON 1e-9

double cq_result_gap(const cq_result *r, size_t role, size_t trait)
{
    const cq_model *m = r->model;
    if (role >= m->role_count || trait >= m->trait_count)
        return 0.0;
    return r->shortfall[role * m->trait_count + trait];
}

/* The role's gaps of at least CQ_GAP_MIN into order (largest first, bank order on ties). */
static size_t sorted_gaps(const cq_result *r, size_t role, size_t *order);

/* Whether trait is one of the first CQ_GAPS_NAMED of the n gaps in order. */
static bool named_in(const size_t *order, size_t n, size_t trait)
{
    for (size_t i = 0; i < n && i < CQ_GAPS_NAMED; i++)
        if (order[i] == trait)
            return true;
    return false;
}

bool cq_result_closes(const cq_result *r, size_t role, size_t trait)
{
    size_t order[CQ_MAX_TRAITS];
    return role < r->model->role_count && named_in(order, sorted_gaps(r, role, order), trait);
}

static size_t sorted_gaps(const cq_result *r, size_t role, size_t *order)
{
    size_t n = 0;
    for (size_t t = 0; t < r->model->trait_count; t++) {
        double gap = cq_result_gap(r, role, t);
        if (gap < CQ_GAP_MIN)
            continue;
        size_t j = n++;
        for (; j > 0 && gap > cq_result_gap(r, role, order[j - 1]) + GAP_EPSILON; j--)
            order[j] = order[j - 1];
        order[j] = t;
    }
    return n;
}

/* A role's ranked list (sorted_gaps, shown_tips): fills order, returns how many. */
typedef size_t ranked_list(const cq_result *r, size_t role, size_t *order);

/* Room for either list: CQ_MAX_TRAITS gaps or CQ_MAX_LIST_ITEMS tips. */
#define RANKED_MAX (CQ_MAX_TRAITS > CQ_MAX_LIST_ITEMS ? CQ_MAX_TRAITS : CQ_MAX_LIST_ITEMS)

/* The length of a role's list, 0 for a role out of range. */
static size_t ranked_count(const cq_result *r, size_t role, ranked_list *list)
{
    size_t order[RANKED_MAX];
    return role < r->model->role_count ? list(r, role, order) : 0;
}

/* The item at rank in a role's list, CQ_NONE for a role or rank out of range. */
static size_t ranked_at(const cq_result *r, size_t role, size_t rank, ranked_list *list)
{
    size_t order[RANKED_MAX];
    if (role >= r->model->role_count)
        return CQ_NONE;
    return rank < list(r, role, order) ? order[rank] : CQ_NONE;
}

size_t cq_result_gap_count(const cq_result *r, size_t role)
{
    return ranked_count(r, role, sorted_gaps);
}

size_t cq_result_gap_at(const cq_result *r, size_t role, size_t rank)
{
    return ranked_at(r, role, rank, sorted_gaps);
}

/* A tip's sort keys: the largest named gap it closes, and the sum of those it closes (0: none).
 * gaps holds the role's n gaps in order. */
static void tip_keys(const cq_result *r, size_t role, size_t tip, const size_t *gaps, size_t n,
                     double *largest, double *sum)
{
    const cq_tip_def *t = &r->model->roles[role].tips[tip];
    *largest = 0.0;
    *sum = 0.0;
    for (size_t i = 0; i < t->trait_count; i++) {
        double gap = cq_result_gap(r, role, t->traits[i]);
        if (!named_in(gaps, n, t->traits[i]))
            continue;
        *sum += gap;
        if (gap > *largest)
            *largest = gap;
    }
}

/* The tips worth showing, in order; returns how many. Profiles hold at most CQ_MAX_LIST_ITEMS
 * tips, so the keys fit on the stack, and an insertion sort keeps equal tips in profile order. */
static size_t shown_tips(const cq_result *r, size_t role, size_t *order)
{
    const cq_role_def *d = &r->model->roles[role];
    double largest[CQ_MAX_LIST_ITEMS], sum[CQ_MAX_LIST_ITEMS];
    size_t gaps[CQ_MAX_TRAITS], gap_count = sorted_gaps(r, role, gaps);
    size_t n = 0;
    for (size_t i = 0; i < d->tip_count; i++) {
        tip_keys(r, role, i, gaps, gap_count, &largest[i], &sum[i]);
        if (largest[i] <= 0 || cq__has_it(&d->tips[i], r->answers))
            continue;
        size_t j = n++;
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
    return n;
}

size_t cq_result_tip_count(const cq_result *r, size_t role)
{
    return ranked_count(r, role, shown_tips);
}

size_t cq_result_tip_at(const cq_result *r, size_t role, size_t rank)
{
    return ranked_at(r, role, rank, shown_tips);
}

size_t cq_result_gap_question(const cq_result *r, size_t role, size_t trait)
{
    const cq_model *m = r->model;
    if (role >= m->role_count || trait >= m->trait_count)
        return CQ_NONE;
    const cq_role_def *d = &m->roles[role];
    size_t best = CQ_NONE;
    double best_weight = 0.0, best_loss = 0.0;
    /* The answer that speaks most directly to the trait (the largest share of its question's
     * weight) among those below the target; the larger loss on a tie. */
    for (size_t q = 0; q < m->question_count; q++) {
        double v = cq_result_answer_trait(r, q, trait);
        const cq_question_def *qd = &m->questions[q];
        double high = m->fit.highest[q * m->trait_count + trait];
        double reachable = high < d->target[trait] ? high : d->target[trait];
        if (v < 0 || v >= reachable || qd->aim)
            continue;
        bool level = m->traits[trait].level;
        double w = qd->trait_weight;
        double loss = w * (cq__closeness(reachable, d->target[trait], level) -
                           cq__closeness(v, d->target[trait], level));
        if (best == CQ_NONE || w > best_weight + GAP_EPSILON ||
            (fabs(w - best_weight) <= GAP_EPSILON && loss > best_loss + GAP_EPSILON)) {
            best = q;
            best_weight = w;
            best_loss = loss;
        }
    }
    return best;
}

/* Whether `term` names something in text: it starts a word there (case-insensitive); a term of
 * one or two letters ("R") must also end one, and match case. */
static bool names(const char *text, const char *term)
{
    size_t n = strlen(term);
    int first = tolower((unsigned char)term[0]);
    for (const char *p = text; *p; p++) {
        if (tolower((unsigned char)*p) != first || (p > text && isalnum((unsigned char)p[-1])))
            continue;
        bool same = n <= 2 ? strncmp(p, term, n) == 0 : strncasecmp(p, term, n) == 0;
        if (same && (n > 2 || !isalnum((unsigned char)p[n])))
            return true;
    }
    return false;
}

/* The terms of the trait that an item names, as bits (terms past the 64th count as the 64th). */
static uint64_t named_terms(const cq_trait_def *t, const char *item)
{
    uint64_t mask = 0;
    for (size_t j = 0; j < t->term_count; j++)
        if (names(item, t->terms[j]))
            mask |= (uint64_t)1 << (j < 63 ? j : 63);
    return mask;
}

/* The items of one of the role's lists that name one of the trait's terms no item before them
 * named, added to items[*count] (those past `room` only counted): a tool list that repeats what
 * a skill said ("Hadoop, Spark and Kafka") adds nothing. *seen holds the terms named so far. */
static void list_items(const cq_model *m, size_t role, cq_role_list list, size_t trait,
                       uint64_t *seen, const char **items, size_t room, size_t *count)
{
    const cq_trait_def *t = &m->traits[trait];
    for (size_t k = 0; k < m->roles[role].list_counts[list]; k++) {
        const char *item = m->roles[role].lists[list][k];
        uint64_t named = named_terms(t, item);
        if ((named & ~*seen) == 0)
            continue;
        *seen |= named;
        if (*count < room)
            items[*count] = item;
        ++*count;
    }
}

/* The items of the role's skills, tools and responsibilities (in that order) that the trait's
 * terms name, up to `room` of them; returns how many there are. The education list is searched
 * for the education trait alone, and for a trait no other item names (a degree subject): "a
 * doctorate in mathematics" is no way to build statistics for someone who holds one while a
 * skill names it. */
static size_t trait_items(const cq_model *m, size_t role, size_t trait, const char **items,
                          size_t room)
{
    static const cq_role_list lists[] = {CQ_LIST_SKILLS, CQ_LIST_TOOLS, CQ_LIST_RESPONSIBILITIES};
    size_t q = cq_model_find_question(m, CQ_EDUCATION_QUESTION), count = 0;
    uint64_t seen = 0;
    bool education = false;
    for (size_t k = 0; q != CQ_NONE && k < m->questions[q].trait_count; k++)
        education |= m->questions[q].traits[k] == trait;
    for (size_t l = 0; !education && l < sizeof lists / sizeof *lists; l++)
        list_items(m, role, lists[l], trait, &seen, items, room, &count);
    if (count == 0)
        list_items(m, role, CQ_LIST_EDUCATION, trait, &seen, items, room, &count);
    return count;
}

size_t cq__role_trait_items(const cq_model *m, size_t role, size_t trait, const char **items,
                            size_t room)
{
    return role < m->role_count && trait < m->trait_count ? trait_items(m, role, trait, items, room)
                                                          : 0;
}

size_t cq_role_trait_item_count(const cq_model *m, size_t role, size_t trait)
{
    return cq__role_trait_items(m, role, trait, NULL, 0);
}

const char *cq_role_trait_item(const cq_model *m, size_t role, size_t trait, size_t i)
{
    const char *items[CQ_ROLE_TRAIT_ITEMS_MOST];
    size_t n = cq__role_trait_items(m, role, trait, items, CQ_ROLE_TRAIT_ITEMS_MOST);
    return i < n && i < CQ_ROLE_TRAIT_ITEMS_MOST ? items[i] : NULL;
}
