/* model_json.c: JSON views of the bank and the profiles (docs/formats.md). */
#include "internal.h"

static cq_status bad_arg(cq_error *err, const char *what)
{
    return cq__fail(err, CQ_ERR_ARG, NULL, NULL, "invalid argument to %s", what);
}

/* ---- questions --------------------------------------------------------------------------- */

static bool question_json(const cq_question_def *q, cJSON *o)
{
    bool ok = cq__json_add_string(o, "id", q->id) &&
              cq__json_add_string(o, "type", cq_question_type_name(q->type)) &&
              cq__json_add_string(o, "text", q->text) &&
              (!q->help[0] || cq__json_add_string(o, "help", q->help)) &&
              cJSON_AddBoolToObject(o, "required", q->required) != NULL &&
              (q->type != CQ_SINGLE || cJSON_AddBoolToObject(o, "ordered", q->ordered) != NULL) &&
              cq__json_add_number(o, "weight", q->weight);
    if (!ok)
        return false;
    if (q->type == CQ_SCALE) {
        cJSON *labels = NULL;
        ok = cq__json_add_number(o, "min", q->min) && cq__json_add_number(o, "max", q->max) &&
             (labels = cJSON_AddArrayToObject(o, "labels")) != NULL;
        for (size_t i = 0; ok && i < q->label_count; i++) {
            cJSON *l = cq__json_push_object(labels);
            ok = l && cq__json_add_number(l, "value", q->labels[i].value) &&
                 cq__json_add_string(l, "text", q->labels[i].text);
        }
        return ok;
    }
    cJSON *options = cJSON_AddArrayToObject(o, "options");
    ok = options != NULL;
    for (size_t i = 0; ok && i < q->option_count; i++) {
        cJSON *opt = cq__json_push_object(options);
        ok = opt && cq__json_add_string(opt, "id", q->options[i].id) &&
             cq__json_add_string(opt, "text", q->options[i].text) &&
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
    bool ok = root && cq__json_add_string(root, "bank_version", m->version) &&
              (list = cJSON_AddArrayToObject(root, "questions")) != NULL;
    for (size_t q = 0; ok && q < m->question_count; q++) {
        cJSON *o = cq__json_push_object(list);
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
    return cq__json_add_string(o, "id", r->id) && cq__json_add_string(o, "title", r->title) &&
           cq__json_add_string(o, "summary", r->summary);
}

cq_status cq_roles_to_json(const cq_model *m, char **out, size_t *size, cq_error *err)
{
    if (!m || !out)
        return bad_arg(err, "cq_roles_to_json");
    cJSON *root = cJSON_CreateObject();
    cJSON *list = root ? cJSON_AddArrayToObject(root, "roles") : NULL;
    bool ok = list != NULL;
    for (size_t r = 0; ok && r < m->role_count; r++) {
        cJSON *o = cq__json_push_object(list);
        ok = o && role_brief(&m->roles[r], o);
    }
    if (!ok) {
        cJSON_Delete(root);
        root = NULL;
    }
    return cq__json_emit(m->ctx, root, out, size, err);
}

bool cq__tip_details_json(const cq_model *m, size_t role, size_t t, cJSON *o)
{
    const cq_tip_def *tip = &m->roles[role].tips[t];
    cJSON *builds = NULL;
    bool ok = cq__json_add_string(o, "advice", tip->advice) &&
              (builds = cJSON_AddArrayToObject(o, "builds")) != NULL;
    for (size_t i = 0; ok && i < tip->trait_count; i++)
        ok = cq__json_push_string(builds, m->traits[tip->traits[i]].id);
    /* Always a list, however the profile writes it, so readers handle one type. */
    return ok && cq__json_add_strings(o, "source", tip->sources, tip->source_count) &&
           (!tip->shared_count ||
            cq__json_add_strings(o, "shared_with", tip->shared_with, tip->shared_count));
}

static bool tips_json(const cq_model *m, size_t role, cJSON *parent)
{
    cJSON *tips = cJSON_AddArrayToObject(parent, "tips");
    bool ok = tips != NULL;
    for (size_t t = 0; ok && t < m->roles[role].tip_count; t++) {
        cJSON *o = cq__json_push_object(tips);
        ok = o && cq__json_add_string(o, "text", m->roles[role].tips[t].text) &&
             cq__tip_details_json(m, role, t, o);
    }
    return ok;
}

/* One of the compared lists: [{"text", "about"}]. */
static bool items_json(const cq_role_def *r, cq_role_list l, cJSON *parent)
{
    cJSON *items = cJSON_AddArrayToObject(parent, cq_role_list_name(l));
    bool ok = items != NULL;
    for (size_t i = 0; ok && i < r->list_counts[l]; i++) {
        cJSON *o = cq__json_push_object(items);
        ok = o && cq__json_add_string(o, "text", r->lists[l][i]) &&
             cq__json_add_strings(o, "about", r->about[l][i].names, r->about[l][i].count);
    }
    return ok;
}

static bool outlook_json(const cq_role_def *r, cJSON *parent)
{
    cJSON *outlook = cJSON_AddObjectToObject(parent, "outlook");
    cJSON *figures = NULL;
    bool ok = outlook && cq__json_add_string(outlook, "text", r->outlook) &&
              (figures = cJSON_AddArrayToObject(outlook, "figures")) != NULL;
    for (size_t i = 0; ok && i < r->figure_count; i++) {
        const cq_figure *f = &r->figures[i];
        cJSON *o = cq__json_push_object(figures);
        ok = o && cq__json_add_string(o, "value", f->value) &&
             cq__json_add_string(o, "measure", f->measure) &&
             cq__json_add_string(o, "source", f->source) &&
             cq__json_add_string(o, "period", f->period) &&
             cq__json_add_string(o, "article", f->article) &&
             (!f->note[0] || cq__json_add_string(o, "note", f->note));
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
        ok = o && cq__json_add_number(o, "value", r->target[t]) &&
             cq__json_add_number(o, "importance", r->importance[t]) &&
             cq__json_add_string(o, "why", r->reason[t]);
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
        ok = items_json(r, (cq_role_list)l, root);
    ok = ok &&
         (!r->typical_education[0] ||
          cq__json_add_string(root, "typical_education", r->typical_education)) &&
         outlook_json(r, root) && tips_json(m, role, root) &&
         cq__json_add_strings(root, "sources", r->lists[CQ_LIST_SOURCES],
                              r->list_counts[CQ_LIST_SOURCES]) &&
         targets_json(m, r, root);
    if (!ok) {
        cJSON_Delete(root);
        root = NULL;
    }
    return cq__json_emit(m->ctx, root, out, size, err);
}
