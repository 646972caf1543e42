/* result_json.c: the JSON view of a result: the ranking, then its explanation (explain_json.c). */
#include "internal.h"

static bool ranked_role(const cq_model *m, const cq_result *res, size_t role, cJSON *o)
{
    return cq__json_add_string(o, "id", m->roles[role].id) &&
           cq__json_add_string(o, "title", m->roles[role].title) &&
           cq__json_add_number(o, "score", cq_round1(cq_result_score(res, role)));
}

/* Appends the ids of the roles at ranks [from, to) to array. */
static bool rank_ids(const cq_model *m, const cq_result *res, size_t from, size_t to, cJSON *array)
{
    bool ok = array != NULL;
    for (size_t i = from; ok && i < to; i++)
        ok = cq__json_push_string(array, m->roles[cq_result_role_at(res, i)].id);
    return ok;
}

cq_status cq_result_to_json(const cq_model *m, const cq_result *res, char **out, size_t *size,
                            cq_error *err)
{
    return cq_result_to_json_with(m, res, NULL, out, size, err);
}

/* The size of cq_json_options in the first version: later ones only add fields after it. */
#define JSON_OPTIONS_OLDEST sizeof(cq_json_options)

cq_status cq_result_to_json_with(const cq_model *m, const cq_result *res,
                                 const cq_json_options *options, char **out, size_t *size,
                                 cq_error *err)
{
    if (!m || !res || !out || res->model != m)
        return cq__fail(err, CQ_ERR_ARG, NULL, NULL, "invalid argument to cq_result_to_json");
    cq_json_options how = CQ_JSON_OPTIONS_INIT;
    if (options) {
        cq_status st = cq__options_read(options, JSON_OPTIONS_OLDEST, sizeof how, &how,
                                        "cq_json_options", err);
        if (st != CQ_OK)
            return st;
    }
    if (how.explain && how.explain_role >= m->role_count)
        return cq__fail(err, CQ_ERR_ARG, NULL, NULL, "invalid argument to cq_result_to_json");
    size_t top = cq_result_role_at(res, 0);
    const cq_role_def *r = &m->roles[top];
    cJSON *root = cJSON_CreateObject();
    cJSON *rec = NULL, *ranking = NULL, *filtered = NULL;
    bool ok = root && cq__json_add_string(root, "bank_version", m->version) &&
              (rec = cJSON_AddObjectToObject(root, "recommendation")) != NULL &&
              ranked_role(m, res, top, rec) && cq__json_add_string(rec, "summary", r->summary) &&
              (ranking = cJSON_AddArrayToObject(root, "ranking")) != NULL;
    for (size_t i = 0; ok && i < cq_result_rank_count(res); i++) {
        cJSON *o = cq__json_push_object(ranking);
        ok = o && ranked_role(m, res, cq_result_role_at(res, i), o);
    }
    if (ok && cq_result_education_filter(res)) {
        ok = (filtered = cJSON_AddArrayToObject(root, "education_filtered")) != NULL;
        for (size_t i = 0; ok && i < cq_result_filtered_count(res); i++)
            ok = cq__json_push_string(filtered, m->roles[cq_result_filtered_at(res, i)].id);
    }
    ok = ok && cq__json_add_number(root, "margin", cq_result_margin(res)) &&
         cJSON_AddBoolToObject(root, "close_call", cq_result_close_count(res) > 1) != NULL &&
         rank_ids(m, res, 1, cq_result_close_count(res),
                  cJSON_AddArrayToObject(root, "close_to_top"));
    if (!ok) {
        cJSON_Delete(root);
        return cq__json_emit(m->ctx, NULL, out, size, err);
    }
    cq_status st = cq__explain_json(res, &how, root, err);
    if (st != CQ_OK) {
        cJSON_Delete(root);
        return st;
    }
    ok = cq__json_add_strings(root, "sources", r->lists[CQ_LIST_SOURCES],
                              r->list_counts[CQ_LIST_SOURCES]);
    if (!ok) {
        cJSON_Delete(root);
        root = NULL;
    }
    return cq__json_emit(m->ctx, root, out, size, err);
}
