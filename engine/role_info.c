/* role_info.c: read-only getters for role profiles, and finding a role by its id. */
#include "internal.h"

#include <string.h>

static const cq_role_def *role(const cq_model *m, size_t r)
{
    return r < m->role_count ? &m->roles[r] : NULL;
}

static const cq_tip_def *tip(const cq_model *m, size_t r, size_t t)
{
    const cq_role_def *d = role(m, r);
    return d && t < d->tip_count ? &d->tips[t] : NULL;
}

size_t cq_model_role_count(const cq_model *model)
{
    return model->role_count;
}

size_t cq_model_find_role(const cq_model *model, const char *id)
{
    for (size_t i = 0; id && i < model->role_count; i++)
        if (strcmp(model->roles[i].id, id) == 0)
            return i;
    return CQ_NONE;
}

const char *cq_role_list_name(cq_role_list list)
{
    static const char *const names[CQ_LIST_COUNT] = {
        "responsibilities", "skills", "education", "tools", "industries", "sources"};
    return (unsigned)list < CQ_LIST_COUNT ? names[list] : NULL;
}

const char *cq_role_id(const cq_model *model, size_t r)
{
    const cq_role_def *d = role(model, r);
    return d ? d->id : NULL;
}

const char *cq_role_title(const cq_model *model, size_t r)
{
    const cq_role_def *d = role(model, r);
    return d ? d->title : NULL;
}

const char *cq_role_summary(const cq_model *model, size_t r)
{
    const cq_role_def *d = role(model, r);
    return d ? d->summary : NULL;
}

size_t cq_role_list_count(const cq_model *model, size_t r, cq_role_list list)
{
    const cq_role_def *d = role(model, r);
    return d && (unsigned)list < CQ_LIST_COUNT ? d->list_counts[list] : 0;
}

const char *cq_role_list_item(const cq_model *model, size_t r, cq_role_list list, size_t i)
{
    if (i >= cq_role_list_count(model, r, list))
        return NULL;
    return model->roles[r].lists[list][i];
}

size_t cq_role_item_about_count(const cq_model *model, size_t r, cq_role_list list, size_t i)
{
    if (i >= cq_role_list_count(model, r, list) || !model->roles[r].about[list])
        return 0;
    return model->roles[r].about[list][i].count;
}

const char *cq_role_item_about(const cq_model *model, size_t r, cq_role_list list, size_t i,
                               size_t name)
{
    if (name >= cq_role_item_about_count(model, r, list, i))
        return NULL;
    return model->roles[r].about[list][i].names[name];
}

const char *cq_role_outlook(const cq_model *model, size_t r)
{
    const cq_role_def *d = role(model, r);
    return d ? d->outlook : NULL;
}

size_t cq_role_figure_count(const cq_model *model, size_t r)
{
    const cq_role_def *d = role(model, r);
    return d ? d->figure_count : 0;
}

bool cq_role_figure(const cq_model *model, size_t r, size_t i, cq_figure *out)
{
    const cq_role_def *d = role(model, r);
    if (!d || i >= d->figure_count || !out)
        return false;
    *out = d->figures[i];
    return true;
}

size_t cq_role_tip_count(const cq_model *model, size_t r)
{
    const cq_role_def *d = role(model, r);
    return d ? d->tip_count : 0;
}

const char *cq_tip_text(const cq_model *model, size_t r, size_t t)
{
    const cq_tip_def *d = tip(model, r, t);
    return d ? d->text : NULL;
}

const char *cq_tip_advice(const cq_model *model, size_t r, size_t t)
{
    const cq_tip_def *d = tip(model, r, t);
    return d ? d->advice : NULL;
}

size_t cq_tip_source_count(const cq_model *model, size_t r, size_t t)
{
    const cq_tip_def *d = tip(model, r, t);
    return d ? d->source_count : 0;
}

const char *cq_tip_source(const cq_model *model, size_t r, size_t t, size_t i)
{
    const cq_tip_def *d = tip(model, r, t);
    return d && i < d->source_count ? d->sources[i] : NULL;
}

size_t cq_tip_trait_count(const cq_model *model, size_t r, size_t t)
{
    const cq_tip_def *d = tip(model, r, t);
    return d ? d->trait_count : 0;
}

size_t cq_tip_trait(const cq_model *model, size_t r, size_t t, size_t i)
{
    const cq_tip_def *d = tip(model, r, t);
    return d && i < d->trait_count ? d->traits[i] : CQ_NONE;
}

size_t cq_tip_shared_count(const cq_model *model, size_t r, size_t t)
{
    const cq_tip_def *d = tip(model, r, t);
    return d ? d->shared_count : 0;
}

const char *cq_tip_shared_with(const cq_model *model, size_t r, size_t t, size_t i)
{
    const cq_tip_def *d = tip(model, r, t);
    return d && i < d->shared_count ? d->shared_with[i] : NULL;
}

const char *cq_role_typical_education(const cq_model *model, size_t r)
{
    const cq_role_def *d = role(model, r);
    return d ? d->typical_education : NULL;
}

double cq_role_target(const cq_model *model, size_t r, size_t trait)
{
    const cq_role_def *d = role(model, r);
    return d && trait < model->trait_count ? d->target[trait] : 0.0;
}

double cq_role_importance(const cq_model *model, size_t r, size_t trait)
{
    const cq_role_def *d = role(model, r);
    return d && trait < model->trait_count ? d->importance[trait] : 0.0;
}

const char *cq_role_target_reason(const cq_model *model, size_t r, size_t trait)
{
    const cq_role_def *d = role(model, r);
    if (!d || trait >= model->trait_count)
        return NULL;
    return d->reason[trait] ? d->reason[trait] : "";
}
