/* education.c: education levels and the education filter (docs/scoring.md). */
#include "internal.h"

size_t cq__education_level(const cq_model *m, const char *option_id)
{
    size_t q = cq_model_find_question(m, CQ_EDUCATION_QUESTION);
    if (q == CQ_NONE || !option_id || !option_id[0])
        return CQ_NONE;
    /* The options are listed lowest level first, so the position is the level. */
    return cq_question_find_option(m, q, option_id);
}

size_t cq_role_education_level(const cq_model *m, size_t role)
{
    if (!m || role >= m->role_count)
        return CQ_NONE;
    return cq__education_level(m, m->roles[role].typical_education);
}

size_t cq_answers_education_level(const cq_answers *a)
{
    if (!a)
        return CQ_NONE;
    size_t q = cq_model_find_question(a->model, CQ_EDUCATION_QUESTION);
    if (q == CQ_NONE || !a->answered[q] || a->model->questions[q].type != CQ_SINGLE)
        return CQ_NONE;
    return cq_answers_option(a, q, 0);
}

/* True when the role usually expects more education than `level`. A role that names no level
 * never does. */
static bool above(const cq_model *m, size_t role, size_t level)
{
    size_t expected = cq_role_education_level(m, role);
    return expected != CQ_NONE && expected > level;
}

void cq__education_filter(cq_result *r)
{
    const cq_model *m = r->model;
    size_t level = cq_answers_education_level(r->answers);
    if (level == CQ_NONE) {
        r->warnings |= CQ_WARN_FILTER_NO_LEVEL;
        return;
    }
    size_t kept = 0;
    for (size_t i = 0; i < r->ranked; i++)
        kept += !above(m, r->order[i], level);
    if (kept == 0) {
        /* A ranking of nothing helps nobody: keep every role and say why. */
        r->warnings |= CQ_WARN_FILTER_ALL;
        return;
    }
    /* A stable partition keeps both parts in rank order. The role count is at most
     * CQ_MAX_ROLES, so the roles set apart fit on the stack. */
    size_t apart[CQ_MAX_ROLES], n_apart = 0, n_kept = 0;
    for (size_t i = 0; i < r->ranked; i++) {
        size_t role = r->order[i];
        if (above(m, role, level))
            apart[n_apart++] = role;
        else
            r->order[n_kept++] = role;
    }
    for (size_t i = 0; i < n_apart; i++)
        r->order[n_kept + i] = apart[i];
    r->ranked = n_kept;
}
