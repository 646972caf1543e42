/* json_output.c: JSON views of the bank, the profiles and a result (docs/formats.md). */
#include "internal.h"

#include <string.h>

cq_status cq__json_emit(const cq_context *ctx, cJSON *tree, char **out, size_t *size, cq_error *err)
{
    char *printed = tree ? cJSON_Print(tree) : NULL;
    cJSON_Delete(tree);
    if (!printed)
        return cq__fail(err, CQ_ERR_NOMEM, NULL, NULL, "out of memory writing JSON");
    /* Copy into the context's memory so callers free everything the same way. */
    size_t n = strlen(printed);
    char *copy = cq__alloc(ctx, n + 2);
    if (!copy) {
        cJSON_free(printed);
        return cq__fail(err, CQ_ERR_NOMEM, NULL, NULL, "out of memory writing JSON");
    }
    memcpy(copy, printed, n);
    copy[n] = '\n';
    copy[n + 1] = '\0';
    cJSON_free(printed);
    *out = copy;
    if (size)
        *size = n + 1;
    return CQ_OK;
}

/* Builders return false when an allocation failed; the caller deletes the whole tree. */

static bool add_string(cJSON *object, const char *key, const char *value)
{
    return cJSON_AddStringToObject(object, key, value) != NULL;
}

static bool add_number(cJSON *object, const char *key, double value)
{
    return cJSON_AddNumberToObject(object, key, value) != NULL;
}

static bool add_strings(cJSON *object, const char *key, const char *const *items, size_t count)
{
    cJSON *list = cJSON_AddArrayToObject(object, key);
    for (size_t i = 0; list && i < count; i++) {
        cJSON *item = cJSON_CreateString(items[i]);
        if (!item || !cJSON_AddItemToArray(list, item)) {
            cJSON_Delete(item);
            return false;
        }
    }
    return list != NULL;
}

/* Appends a new object to an array and returns it, or NULL. */
static cJSON *push_object(cJSON *array)
{
    cJSON *o = cJSON_CreateObject();
    if (o && !cJSON_AddItemToArray(array, o)) {
        cJSON_Delete(o);
        return NULL;
    }
    return o;
}

static cq_status bad_arg(cq_error *err, const char *what)
{
    return cq__fail(err, CQ_ERR_ARG, NULL, NULL, "invalid argument to %s", what);
}

/* ---- questions --------------------------------------------------------------------------- */

static bool question_json(const cq_question_def *q, cJSON *o)
{
    bool ok = add_string(o, "id", q->id) && add_string(o, "type", cq_question_type_name(q->type)) &&
              add_string(o, "text", q->text) && (!q->help[0] || add_string(o, "help", q->help)) &&
              cJSON_AddBoolToObject(o, "required", q->required) != NULL &&
              add_number(o, "weight", q->weight);
    if (!ok)
        return false;
    if (q->type == CQ_SCALE) {
        cJSON *labels = NULL;
        ok = add_number(o, "min", q->min) && add_number(o, "max", q->max) &&
             (labels = cJSON_AddArrayToObject(o, "labels")) != NULL;
        for (size_t i = 0; ok && i < q->label_count; i++) {
            cJSON *l = push_object(labels);
            ok = l && add_number(l, "value", q->labels[i].value) &&
                 add_string(l, "text", q->labels[i].text);
        }
        return ok;
    }
    cJSON *options = cJSON_AddArrayToObject(o, "options");
    ok = options != NULL;
    for (size_t i = 0; ok && i < q->option_count; i++) {
        cJSON *opt = push_object(options);
        ok = opt && add_string(opt, "id", q->options[i].id) &&
             add_string(opt, "text", q->options[i].text) &&
             (!q->options[i].exclusive || cJSON_AddTrueToObject(opt, "exclusive") != NULL);
    }
    return ok;
}

cq_status cq_questions_to_json(const cq_model *m, char **out, size_t *size, cq_error *err)
{
    if (!m || !out)
        return bad_arg(err, "cq_questions_to_json");
    cJSON *root = cJSON_CreateObject();
    cJSON *list = NULL;
    bool ok = root && add_string(root, "bank_version", m->version) &&
              (list = cJSON_AddArrayToObject(root, "questions")) != NULL;
    for (size_t q = 0; ok && q < m->question_count; q++) {
        cJSON *o = push_object(list);
        ok = o && question_json(&m->questions[q], o);
    }
    if (!ok) {
        cJSON_Delete(root);
        root = NULL;
    }
    return cq__json_emit(m->ctx, root, out, size, err);
}

/* ---- roles ------------------------------------------------------------------------------- */

static bool role_brief(const cq_role_def *r, cJSON *o)
{
    return add_string(o, "id", r->id) && add_string(o, "title", r->title) &&
           add_string(o, "summary", r->summary);
}

cq_status cq_roles_to_json(const cq_model *m, char **out, size_t *size, cq_error *err)
{
    if (!m || !out)
        return bad_arg(err, "cq_roles_to_json");
    cJSON *root = cJSON_CreateObject();
    cJSON *list = root ? cJSON_AddArrayToObject(root, "roles") : NULL;
    bool ok = list != NULL;
    for (size_t r = 0; ok && r < m->role_count; r++) {
        cJSON *o = push_object(list);
        ok = o && role_brief(&m->roles[r], o);
    }
    if (!ok) {
        cJSON_Delete(root);
        root = NULL;
    }
    return cq__json_emit(m->ctx, root, out, size, err);
}

static bool tips_json(const cq_model *m, const cq_role_def *r, cJSON *parent)
{
    cJSON *tips = cJSON_AddArrayToObject(parent, "tips");
    bool ok = tips != NULL;
    for (size_t t = 0; ok && t < r->tip_count; t++) {
        const cq_tip_def *tip = &r->tips[t];
        cJSON *o = push_object(tips);
        cJSON *builds = NULL;
        ok = o && add_string(o, "text", tip->text) &&
             (builds = cJSON_AddArrayToObject(o, "builds")) != NULL;
        for (size_t i = 0; ok && i < tip->trait_count; i++) {
            cJSON *id = cJSON_CreateString(m->traits[tip->traits[i]].id);
            ok = id && cJSON_AddItemToArray(builds, id);
            if (!ok)
                cJSON_Delete(id);
        }
        ok = ok && add_string(o, "source", tip->source) &&
             (!tip->shared_count ||
              add_strings(o, "shared_with", tip->shared_with, tip->shared_count));
    }
    return ok;
}

static bool outlook_json(const cq_role_def *r, cJSON *parent)
{
    cJSON *outlook = cJSON_AddObjectToObject(parent, "outlook");
    cJSON *figures = NULL;
    bool ok = outlook && add_string(outlook, "text", r->outlook) &&
              (figures = cJSON_AddArrayToObject(outlook, "figures")) != NULL;
    for (size_t i = 0; ok && i < r->figure_count; i++) {
        const cq_figure *f = &r->figures[i];
        cJSON *o = push_object(figures);
        ok = o && add_string(o, "value", f->value) && add_string(o, "measure", f->measure) &&
             add_string(o, "source", f->source) && add_string(o, "period", f->period) &&
             add_string(o, "article", f->article);
    }
    return ok;
}

static bool targets_json(const cq_model *m, const cq_role_def *r, cJSON *parent)
{
    cJSON *targets = cJSON_AddObjectToObject(parent, "targets");
    bool ok = targets != NULL;
    for (size_t t = 0; ok && t < m->trait_count; t++) {
        if (!r->reason[t])
            continue; /* the profile sets no target for this trait */
        cJSON *o = cJSON_AddObjectToObject(targets, m->traits[t].id);
        ok = o && add_number(o, "value", r->target[t]) &&
             add_number(o, "importance", r->importance[t]) && add_string(o, "why", r->reason[t]);
    }
    return ok;
}

cq_status cq_role_to_json(const cq_model *m, size_t role, char **out, size_t *size, cq_error *err)
{
    if (!m || !out || role >= m->role_count)
        return bad_arg(err, "cq_role_to_json");
    const cq_role_def *r = &m->roles[role];
    cJSON *root = cJSON_CreateObject();
    bool ok = root && role_brief(r, root);
    for (int l = 0; ok && l < CQ_LIST_SOURCES; l++)
        ok = add_strings(root, cq_role_list_name((cq_role_list)l), r->lists[l], r->list_counts[l]);
    ok =
        ok &&
        (!r->typical_education[0] || add_string(root, "typical_education", r->typical_education)) &&
        outlook_json(r, root) && tips_json(m, r, root) &&
        add_strings(root, "sources", r->lists[CQ_LIST_SOURCES], r->list_counts[CQ_LIST_SOURCES]) &&
        targets_json(m, r, root);
    if (!ok) {
        cJSON_Delete(root);
        root = NULL;
    }
    return cq__json_emit(m->ctx, root, out, size, err);
}

/* ---- results ---------------------------------------------------------------------------- */

static bool ranked_role(const cq_model *m, const cq_result *res, size_t role, cJSON *o)
{
    return add_string(o, "id", m->roles[role].id) && add_string(o, "title", m->roles[role].title) &&
           add_number(o, "score", cq_round1(cq_result_score(res, role)));
}

cq_status cq_result_to_json(const cq_model *m, const cq_result *res, char **out, size_t *size,
                            cq_error *err)
{
    if (!m || !res || !out)
        return bad_arg(err, "cq_result_to_json");
    size_t top = cq_result_role_at(res, 0);
    const cq_role_def *r = &m->roles[top];
    cJSON *root = cJSON_CreateObject();
    cJSON *rec = NULL, *ranking = NULL, *close = NULL;
    bool ok = root && add_string(root, "bank_version", m->version) &&
              (rec = cJSON_AddObjectToObject(root, "recommendation")) != NULL &&
              ranked_role(m, res, top, rec) && add_string(rec, "summary", r->summary) &&
              (ranking = cJSON_AddArrayToObject(root, "ranking")) != NULL;
    for (size_t i = 0; ok && i < m->role_count; i++) {
        cJSON *o = push_object(ranking);
        ok = o && ranked_role(m, res, cq_result_role_at(res, i), o);
    }
    ok = ok && add_number(root, "margin", cq_result_margin(res)) &&
         cJSON_AddBoolToObject(root, "close_call", cq_result_close_count(res) > 1) != NULL &&
         (close = cJSON_AddArrayToObject(root, "close_to_top")) != NULL;
    for (size_t i = 1; ok && i < cq_result_close_count(res); i++) {
        cJSON *id = cJSON_CreateString(m->roles[cq_result_role_at(res, i)].id);
        ok = id && cJSON_AddItemToArray(close, id);
        if (!ok)
            cJSON_Delete(id);
    }
    ok = ok && tips_json(m, r, root) &&
         add_strings(root, "sources", r->lists[CQ_LIST_SOURCES], r->list_counts[CQ_LIST_SOURCES]);
    if (!ok) {
        cJSON_Delete(root);
        root = NULL;
    }
    return cq__json_emit(m->ctx, root, out, size, err);
}
