/* has_it.c: a tip's "has_it_when", the answers that show a person already has what it builds. */
#include "internal.h"

#include <stdio.h>

static cq_status nomem(cq_error *err, const char *file)
{
    return cq__fail(err, CQ_ERR_NOMEM, file, NULL, "out of memory loading profiles");
}

/* Reads one test: `"question": 4` (a scale at least 4), `"question": "option"` (an ordered
 * question at least that option, or an unordered one exactly it) or `"question": ["a", "b"]`
 * (any of these options chosen). */
static cq_status load_test(const cq_model *m, const cJSON *e, const cq_json_where *w,
                           cq_has_it_test *test, cq_error *err)
{
    size_t q = cq_model_find_question(m, e->string);
    if (q == CQ_NONE)
        return cq__fail(err, CQ_ERR_INVALID, w->file, e->string,
                        "%s: has_it_when names question \"%.64s\", which the bank does not have",
                        w->what, e->string);
    const cq_question_def *d = &m->questions[q];
    test->question = q;
    if (cJSON_IsNumber(e)) {
        if (d->type != CQ_SCALE || e->valuedouble != (double)(long)e->valuedouble ||
            e->valuedouble < d->min || e->valuedouble > d->max)
            return cq__fail(err, CQ_ERR_INVALID, w->file, d->id,
                            "%s: has_it_when: a number for \"%s\" must be a value of its scale",
                            w->what, d->id);
        test->at_least = (long)e->valuedouble;
        return CQ_OK;
    }
    if (d->type == CQ_SCALE)
        return cq__fail(err, CQ_ERR_INVALID, w->file, d->id,
                        "%s: has_it_when: \"%s\" is a scale and takes the least value", w->what,
                        d->id);
    if (cJSON_IsString(e) && d->type == CQ_SINGLE) {
        size_t o = cq_question_find_option(m, q, e->valuestring);
        if (o == CQ_NONE)
            return cq__fail(err, CQ_ERR_INVALID, w->file, d->id,
                            "%s: has_it_when: \"%s\" has no option \"%.64s\"", w->what, d->id,
                            e->valuestring);
        if (d->ordered)
            test->at_least = (long)o;
        else
            test->options = 1u << o;
        return CQ_OK;
    }
    if (!cJSON_IsArray(e) || cJSON_GetArraySize(e) == 0)
        return cq__fail(err, CQ_ERR_INVALID, w->file, d->id,
                        "%s: has_it_when: \"%s\" takes a list of option ids", w->what, d->id);
    for (const cJSON *o = e->child; o; o = o->next) {
        size_t option = cJSON_IsString(o) ? cq_question_find_option(m, q, o->valuestring) : CQ_NONE;
        if (option == CQ_NONE)
            return cq__fail(err, CQ_ERR_INVALID, w->file, d->id,
                            "%s: has_it_when: \"%s\" has no such option", w->what, d->id);
        test->options |= 1u << option;
    }
    return CQ_OK;
}

cq_status cq__has_it_load(cq_model *m, const cJSON *node, const cq_json_where *w, cq_tip_def *tip,
                          cq_error *err)
{
    const cJSON *list = NULL;
    cq_status st =
        cq__json_array(node, "has_it_when", false, false, CQ_MAX_LIST_ITEMS, w, &list, err);
    if (st != CQ_OK || !list)
        return st;
    tip->has_it_count = (size_t)cJSON_GetArraySize(list);
    tip->has_it = cq__arena_alloc(&m->arena, tip->has_it_count, sizeof *tip->has_it);
    if (!tip->has_it)
        return nomem(err, w->file);
    size_t i = 0;
    for (const cJSON *alt = list->child; alt; alt = alt->next, i++) {
        cq_has_it *h = &tip->has_it[i];
        if (!cJSON_IsObject(alt) || !alt->child)
            return cq__fail(err, CQ_ERR_INVALID, w->file, w->id,
                            "%s: has_it_when holds objects of question ids and answers", w->what);
        h->test_count = (size_t)cJSON_GetArraySize(alt);
        if (h->test_count > CQ_MAX_QUESTIONS)
            return cq__fail(err, CQ_ERR_LIMIT, w->file, w->id,
                            "%s: has_it_when names more than %d questions", w->what,
                            CQ_MAX_QUESTIONS);
        h->tests = cq__arena_alloc(&m->arena, h->test_count, sizeof *h->tests);
        if (!h->tests)
            return nomem(err, w->file);
        size_t k = 0;
        for (const cJSON *e = alt->child; e; e = e->next, k++)
            if ((st = load_test(m, e, w, &h->tests[k], err)) != CQ_OK)
                return st;
    }
    return CQ_OK;
}

/* Whether one test holds for the answers; an unanswered question never shows anything. */
static bool test_holds(const cq_answers *a, const cq_has_it_test *t)
{
    const cq_question_def *d = &a->model->questions[t->question];
    if (!a->answered[t->question])
        return false;
    if (t->options)
        return (a->selected[t->question] & t->options) != 0;
    if (d->type == CQ_SCALE)
        return a->value[t->question] >= t->at_least;
    return cq_answers_option(a, t->question, 0) >= (size_t)t->at_least;
}

bool cq__has_it(const cq_tip_def *tip, const cq_answers *answers)
{
    for (size_t i = 0; i < tip->has_it_count; i++) {
        bool all = true;
        for (size_t k = 0; all && k < tip->has_it[i].test_count; k++)
            all = test_holds(answers, &tip->has_it[i].tests[k]);
        if (all)
            return true;
    }
    return false;
}

bool cq_tip_has_it(const cq_model *m, size_t role, size_t tip, const cq_answers *answers)
{
    if (!m || !answers || answers->model != m || role >= m->role_count ||
        tip >= m->roles[role].tip_count)
        return false;
    return cq__has_it(&m->roles[role].tips[tip], answers);
}
