/* question_info.c: read-only getters for questions, options and scale labels, and finding a
 * question or an option by its id. */
#include "internal.h"

#include <string.h>

/* Getters return NULL/0 for an index out of range instead of reading past an array. */
static const cq_question_def *question(const cq_model *m, size_t q)
{
    return q < m->question_count ? &m->questions[q] : NULL;
}

static const cq_option_def *option(const cq_model *m, size_t q, size_t o)
{
    const cq_question_def *d = question(m, q);
    return d && o < d->option_count ? &d->options[o] : NULL;
}

size_t cq_model_question_count(const cq_model *model)
{
    return model->question_count;
}

size_t cq_model_find_question(const cq_model *model, const char *id)
{
    for (size_t i = 0; id && i < model->question_count; i++)
        if (strcmp(model->questions[i].id, id) == 0)
            return i;
    return CQ_NONE;
}

const char *cq_question_id(const cq_model *model, size_t q)
{
    const cq_question_def *d = question(model, q);
    return d ? d->id : NULL;
}

const char *cq_question_text(const cq_model *model, size_t q)
{
    const cq_question_def *d = question(model, q);
    return d ? d->text : NULL;
}

const char *cq_question_help(const cq_model *model, size_t q)
{
    const cq_question_def *d = question(model, q);
    return d ? d->help : NULL;
}

cq_question_type cq_question_type_of(const cq_model *model, size_t q)
{
    const cq_question_def *d = question(model, q);
    return d ? d->type : CQ_SINGLE;
}

const char *cq_question_type_name(cq_question_type type)
{
    switch (type) {
    case CQ_SINGLE:
        return "single";
    case CQ_MULTI:
        return "multi";
    case CQ_SCALE:
        return "scale";
    }
    return "unknown";
}

bool cq_question_required(const cq_model *model, size_t q)
{
    const cq_question_def *d = question(model, q);
    return d && d->required;
}

double cq_question_weight(const cq_model *model, size_t q)
{
    const cq_question_def *d = question(model, q);
    return d ? d->weight : 0.0;
}

size_t cq_question_option_count(const cq_model *model, size_t q)
{
    const cq_question_def *d = question(model, q);
    return d ? d->option_count : 0;
}

const char *cq_option_id(const cq_model *model, size_t q, size_t o)
{
    const cq_option_def *d = option(model, q, o);
    return d ? d->id : NULL;
}

const char *cq_option_text(const cq_model *model, size_t q, size_t o)
{
    const cq_option_def *d = option(model, q, o);
    return d ? d->text : NULL;
}

bool cq_option_exclusive(const cq_model *model, size_t q, size_t o)
{
    const cq_option_def *d = option(model, q, o);
    return d && d->exclusive;
}

double cq_option_trait(const cq_model *model, size_t q, size_t o, size_t trait)
{
    const cq_option_def *d = option(model, q, o);
    for (size_t i = 0; d && i < d->effect_count; i++)
        if (d->effects[i].trait == trait)
            return d->effects[i].value;
    return -1.0;
}

size_t cq_question_find_option(const cq_model *model, size_t q, const char *id)
{
    const cq_question_def *d = question(model, q);
    for (size_t i = 0; d && id && i < d->option_count; i++)
        if (strcmp(d->options[i].id, id) == 0)
            return i;
    return CQ_NONE;
}

int cq_scale_min(const cq_model *model, size_t q)
{
    const cq_question_def *d = question(model, q);
    return d ? d->min : 0;
}

int cq_scale_max(const cq_model *model, size_t q)
{
    const cq_question_def *d = question(model, q);
    return d ? d->max : 0;
}

size_t cq_scale_label_count(const cq_model *model, size_t q)
{
    const cq_question_def *d = question(model, q);
    return d ? d->label_count : 0;
}

int cq_scale_label_value(const cq_model *model, size_t q, size_t label)
{
    const cq_question_def *d = question(model, q);
    return d && label < d->label_count ? d->labels[label].value : 0;
}

const char *cq_scale_label_text(const cq_model *model, size_t q, size_t label)
{
    const cq_question_def *d = question(model, q);
    return d && label < d->label_count ? d->labels[label].text : NULL;
}

bool cq_question_ordered(const cq_model *model, size_t q)
{
    const cq_question_def *d = question(model, q);
    return d && d->ordered;
}

bool cq_question_is_aim(const cq_model *model, size_t q)
{
    const cq_question_def *d = question(model, q);
    return d && d->aim;
}
