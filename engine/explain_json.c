/* explain_json.c: the JSON of a result's explanation: ledger, confidence, what-ifs, comparison,
 * gaps and tips (docs/formats.md). */
#include "internal.h"

/* Adds the answer as `key`, or fails leaving o as it was. */
static bool add_answer(cJSON *o, const char *key, const cq_answers *a, size_t q)
{
    cJSON *answer = cq__answer_json(a, q);
    if (answer && cJSON_AddItemToObject(o, key, answer))
        return true;
    cJSON_Delete(answer);
    return false;
}

bool cq__contributions_json(const cq_result *res, size_t role, cJSON *parent, const char *key)
{
    const cq_model *m = res->model;
    cJSON *list = cJSON_AddArrayToObject(parent, key);
    bool ok = list != NULL;
    /* Every question, the skipped ones too (answer null, effect 0): they count as the mean of
     * their answers, so the points add up to the score. */
    for (size_t q = 0; ok && q < m->question_count; q++) {
        cJSON *o = cq__json_push_object(list);
        ok = o && cq__json_add_string(o, "question", m->questions[q].id) &&
             add_answer(o, "answer", res->answers, q) &&
             cq__json_add_number(o, "points", cq__round2(cq_result_points(res, role, q))) &&
             cq__json_add_number(o, "effect", cq__round2(cq_result_effect(res, role, q)));
    }
    return ok;
}

/* "co_recommended": every role within the close-call margin, the top included; empty when the
 * win is clear. */
static bool co_recommended_json(const cq_result *res, cJSON *root)
{
    cJSON *list = cJSON_AddArrayToObject(root, "co_recommended");
    size_t n = cq_result_close_count(res);
    bool ok = list != NULL;
    for (size_t i = 0; ok && n > 1 && i < n; i++)
        ok = cq__json_push_string(list, res->model->roles[cq_result_role_at(res, i)].id);
    return ok;
}

static bool warnings_json(const cq_result *res, cJSON *root)
{
    cJSON *list = cJSON_AddArrayToObject(root, "warnings");
    bool ok = list != NULL;
    for (unsigned i = 0; ok && i < CQ_WARNING_COUNT; i++) {
        cq_warning w = (cq_warning)(1u << i);
        if (!(res->warnings & (unsigned)w))
            continue;
        cJSON *o = cq__json_push_object(list);
        ok = o && cq__json_add_string(o, "code", cq_warning_code(w)) &&
             cq__json_add_string(o, "message", cq_warning_text(w));
    }
    return ok;
}

static cq_status what_if_json(const cq_result *res, cJSON *root, cq_error *err)
{
    const cq_model *m = res->model;
    cq_changes *changes = NULL;
    cq_status st = cq_changes_find(res, CQ_WHAT_IF_SHOWN, &changes, err);
    if (st != CQ_OK)
        return st;
    cJSON *list = cJSON_AddArrayToObject(root, "what_if");
    bool ok = list != NULL;
    for (size_t i = 0; ok && i < cq_changes_count(changes); i++) {
        size_t q = cq_change_question(changes, i);
        cJSON *o = cq__json_push_object(list);
        ok = o && cq__json_add_string(o, "question", m->questions[q].id) &&
             add_answer(o, "from", res->answers, q) &&
             add_answer(o, "to", cq_change_answers(changes, i), q) &&
             cq__json_add_string(o, "new_top", m->roles[cq_change_new_top(changes, i)].id) &&
             cq__json_add_number(o, "lead", cq_round1(cq_change_lead(changes, i))) &&
             cq__json_add_number(o, "steps", (double)cq_change_steps(changes, i)) &&
             cJSON_AddBoolToObject(o, "actionable", cq_change_actionable(changes, i)) != NULL;
    }
    cq_changes_free(changes);
    return ok ? CQ_OK : cq__fail(err, CQ_ERR_NOMEM, NULL, NULL, "out of memory writing JSON");
}

/* Appends one side's items in a dimension (side -1: the shared ones) to parent as `key`. */
static bool comparison_list(const cq_comparison *c, cq_dimension d, int side, cJSON *parent,
                            const char *key)
{
    cJSON *list = cJSON_AddArrayToObject(parent, key);
    size_t n = side < 0 ? cq_comparison_shared_count(c, d) : cq_comparison_item_count(c, d, side);
    bool ok = list != NULL;
    for (size_t i = 0; ok && i < n; i++)
        ok = cq__json_push_string(list, side < 0 ? cq_comparison_shared(c, d, i)
                                                 : cq_comparison_item(c, d, side, i));
    return ok;
}

bool cq__comparison_json(const cq_model *m, const cq_comparison *c, cJSON *parent, const char *key)
{
    cJSON *o = cJSON_AddObjectToObject(parent, key);
    cJSON *roles = o ? cJSON_AddArrayToObject(o, "roles") : NULL;
    cJSON *titles = o ? cJSON_AddArrayToObject(o, "titles") : NULL;
    cJSON *rows = o ? cJSON_AddArrayToObject(o, "rows") : NULL;
    bool ok = roles && titles && rows;
    for (int side = 0; ok && side < 2; side++) {
        size_t role = cq_comparison_role(c, side);
        ok = cq__json_push_string(roles, m->roles[role].id) &&
             cq__json_push_string(titles, m->roles[role].title);
    }
    for (int d = 0; ok && d < CQ_DIM_COUNT; d++) {
        cJSON *row = cq__json_push_object(rows);
        ok = row && cq__json_add_string(row, "dimension", cq_dimension_name((cq_dimension)d)) &&
             comparison_list(c, (cq_dimension)d, 0, row, "a") &&
             comparison_list(c, (cq_dimension)d, 1, row, "b") &&
             comparison_list(c, (cq_dimension)d, -1, row, "shared");
    }
    return ok;
}

cq_status cq_comparison_to_json(const cq_model *m, const cq_comparison *c, char **out, size_t *size,
                                cq_error *err)
{
    if (!m || !c || !out || cq_comparison_role(c, 0) >= m->role_count)
        return cq__fail(err, CQ_ERR_ARG, NULL, NULL, "invalid argument to cq_comparison_to_json");
    cJSON *root = cJSON_CreateObject();
    /* The document is the comparison object itself, so build it under a key and detach it. */
    cJSON *doc = root && cq__comparison_json(m, c, root, "comparison")
                     ? cJSON_DetachItemFromObjectCaseSensitive(root, "comparison")
                     : NULL;
    cJSON_Delete(root);
    return cq__json_emit(m->ctx, doc, out, size, err);
}

/* "comparison" of the top two ranked roles; left out when fewer than two are ranked. */
static cq_status comparison_json(const cq_result *res, cJSON *root, cq_error *err)
{
    if (cq_result_rank_count(res) < 2)
        return CQ_OK;
    cq_comparison *c = NULL;
    cq_status st =
        cq_compare(res->model, cq_result_role_at(res, 0), cq_result_role_at(res, 1), &c, err);
    if (st != CQ_OK)
        return st;
    bool ok = cq__comparison_json(res->model, c, root, "comparison");
    cq_comparison_free(c);
    return ok ? CQ_OK : cq__fail(err, CQ_ERR_NOMEM, NULL, NULL, "out of memory writing JSON");
}

/* "education_gap" when the person reported less education than the top role usually expects. */
static bool education_gap_json(const cq_result *res, size_t top, cJSON *root)
{
    const cq_model *m = res->model;
    size_t expected = cq_role_education_level(m, top);
    size_t reported = cq_answers_education_level(res->answers);
    if (expected == CQ_NONE || reported == CQ_NONE || reported >= expected)
        return true;
    size_t q = cq_model_find_question(m, CQ_EDUCATION_QUESTION);
    cJSON *o = cJSON_AddObjectToObject(root, "education_gap");
    return o && cq__json_add_string(o, "role", m->roles[top].id) &&
           cq__json_add_string(o, "expected", m->questions[q].options[expected].id) &&
           cq__json_add_string(o, "reported", m->questions[q].options[reported].id);
}

/* A gap's "closed_by": the shown tips that close it, or else the role's skills and tools that
 * name the trait. */
static bool closed_by_json(const cq_result *res, size_t top, size_t trait, cJSON *o)
{
    const cq_model *m = res->model;
    cJSON *tips = cJSON_AddArrayToObject(o, "tips");
    cJSON *items = cJSON_AddArrayToObject(o, "items");
    bool ok = tips && items;
    size_t shown = cq_result_tip_count(res, top);
    for (size_t rank = 0; ok && rank < shown; rank++) {
        const cq_tip_def *tip = &m->roles[top].tips[cq_result_tip_at(res, top, rank)];
        for (size_t i = 0; ok && i < tip->trait_count; i++)
            if (tip->traits[i] == trait)
                ok = cq__json_push_string(tips, tip->text);
    }
    const char *named[CQ_ROLE_TRAIT_ITEMS_MOST];
    size_t n = cJSON_GetArraySize(tips) == 0
                   ? cq__role_trait_items(m, top, trait, named, CQ_ROLE_TRAIT_ITEMS_MOST)
                   : 0;
    for (size_t i = 0; ok && i < n && i < CQ_ROLE_TRAIT_ITEMS_MOST; i++)
        ok = cq__json_push_string(items, named[i]);
    return ok;
}

/* "gaps": the top role's shortfalls of at least CQ_GAP_MIN points, largest first; outputs name
 * the first CQ_GAPS_NAMED. */
static bool gaps_json(const cq_result *res, size_t top, cJSON *root)
{
    const cq_model *m = res->model;
    const cq_role_def *r = &m->roles[top];
    cJSON *list = cJSON_AddArrayToObject(root, "gaps");
    size_t n = cq_result_gap_count(res, top);
    bool ok = list != NULL;
    for (size_t i = 0; ok && i < n; i++) {
        size_t t = cq_result_gap_at(res, top, i);
        size_t q = cq_result_gap_question(res, top, t);
        cJSON *o = cq__json_push_object(list);
        ok = o && cq__json_add_string(o, "trait", m->traits[t].id) &&
             cq__json_add_string(o, "label", m->traits[t].name) &&
             cq__json_add_number(o, "points", cq__round2(cq_result_gap(res, top, t))) &&
             cq__json_add_number(o, "target", r->target[t]) &&
             cq__json_add_number(o, "value", cq__round2(cq_result_trait_value(res, t))) &&
             cq__json_add_string(o, "expects", r->reason[t]) &&
             cq__json_add_string(o, "question", m->questions[q].id) &&
             add_answer(o, "answer", res->answers, q) && closed_by_json(res, top, t, o);
    }
    return ok;
}

/* "tips": the top role's tips worth showing, the ones closing the largest gaps first, each with
 * the gaps it closes. */
static bool tips_json(const cq_result *res, size_t top, cJSON *root)
{
    const cq_model *m = res->model;
    cJSON *list = cJSON_AddArrayToObject(root, "tips");
    size_t n = cq_result_tip_count(res, top);
    bool ok = list != NULL;
    for (size_t rank = 0; ok && rank < n; rank++) {
        size_t t = cq_result_tip_at(res, top, rank);
        const cq_tip_def *tip = &m->roles[top].tips[t];
        cJSON *o = cq__json_push_object(list);
        cJSON *closes = NULL;
        ok = o && cq__json_add_string(o, "text", tip->text) &&
             (closes = cJSON_AddArrayToObject(o, "closes")) != NULL;
        for (size_t i = 0; ok && i < tip->trait_count; i++)
            if (cq_result_closes(res, top, tip->traits[i]))
                ok = cq__json_push_string(closes, m->traits[tip->traits[i]].id);
        ok = ok && cq__tip_details_json(m, top, t, o);
    }
    return ok;
}

cq_status cq__explain_json(const cq_result *res, const cq_json_options *options, cJSON *root,
                           cq_error *err)
{
    const cq_model *m = res->model;
    size_t top = cq_result_role_at(res, 0);
    cJSON *explained = NULL;
    bool ok = co_recommended_json(res, root) && warnings_json(res, root) &&
              cq__contributions_json(res, top, root, "contributions");
    if (ok && options && options->explain) {
        size_t role = options->explain_role;
        ok = (explained = cJSON_AddObjectToObject(root, "explained")) != NULL &&
             cq__json_add_string(explained, "id", m->roles[role].id) &&
             cq__json_add_number(explained, "score", cq_round1(cq_result_score(res, role))) &&
             cq__contributions_json(res, role, explained, "contributions");
    }
    if (!ok)
        return cq__fail(err, CQ_ERR_NOMEM, NULL, NULL, "out of memory writing JSON");
    cq_status st = what_if_json(res, root, err);
    if (st == CQ_OK)
        st = comparison_json(res, root, err);
    if (st == CQ_OK && !(education_gap_json(res, top, root) && gaps_json(res, top, root) &&
                         tips_json(res, top, root)))
        st = cq__fail(err, CQ_ERR_NOMEM, NULL, NULL, "out of memory writing JSON");
    return st;
}
