/* bank.c: loads and validates the question bank (traits and questions) into a model. */
#include "internal.h"

#include <stdio.h>
#include <string.h>

/* A question's weight is a relative importance; 10 to 1 is already an extreme ratio. */
#define MIN_WEIGHT 0.1
#define MAX_WEIGHT 10.0
/* Scale answers are small integers such as 1..5 or 0..10. */
#define SCALE_LIMIT 1000

static const char *const bank_keys[] = {"version", "traits", "questions", "earlier", NULL};
static const char *const trait_keys[] = {"id",    "name",  "low",   "high", "kind",
                                         "terms", "group", "about", NULL};
static const char *const question_keys[] = {"id",       "type",   "text",    "help", "ordered",
                                            "required", "weight", "options", "min",  "max",
                                            "labels",   "traits", NULL};
static const char *const option_keys[] = {"id",  "text",   "exclusive", "traits",
                                          "why", "source", "roles",     NULL};
static const char *const label_keys[] = {"value", "text", "why", "source", "roles", NULL};

static char *dup_or_empty(cq_arena *arena, const char *text)
{
    return cq__arena_strdup(arena, text ? text : "");
}

static cq_status nomem(cq_error *err, const char *file)
{
    return cq__fail(err, CQ_ERR_NOMEM, file, NULL, "out of memory loading the question bank");
}

/* ---- traits ------------------------------------------------------------------------------- */

/* Checks that an optional field is a list of short non-empty strings. */
static cq_status check_names(const cJSON *node, const char *key, const cq_json_where *w,
                             const cJSON **out, cq_error *err)
{
    const cJSON *list = NULL;
    cq_status st = cq__json_array(node, key, false, true, CQ_MAX_LIST_ITEMS, w, &list, err);
    for (const cJSON *e = list ? list->child : NULL; st == CQ_OK && e; e = e->next)
        if (!cJSON_IsString(e) || !e->valuestring[0] || strlen(e->valuestring) > CQ_MAX_ID_BYTES)
            st = cq__fail(err, CQ_ERR_INVALID, w->file, w->id,
                          "%s: \"%s\" must hold short non-empty strings", w->what, key);
    *out = list;
    return st;
}

/* Room in the arena for an item per element of array (and for one when it is empty); *count
 * gets how many elements. NULL when out of memory. */
static void *array_items(cq_model *m, const cJSON *array, size_t size, size_t *count)
{
    *count = (size_t)cJSON_GetArraySize(array);
    return cq__arena_alloc(&m->arena, *count ? *count : 1, size);
}

/* The index of the trait a "traits" key names into *t, or an error when the bank declares none
 * of that id. */
static cq_status declared_trait(const cq_model *m, const char *id, const cq_json_where *w,
                                size_t *t, cq_error *err)
{
    *t = cq_model_find_trait(m, id);
    if (*t == CQ_NONE)
        return cq__fail(err, CQ_ERR_INVALID, w->file, id,
                        "%s: trait \"%.64s\" is not declared in the bank", w->what, id);
    return CQ_OK;
}

/* "terms": words that name the trait in a profile's skills and tools ("Spark", "Tableau"), so a
 * gap no tip closes can point at the items of the role that close it. */
static cq_status load_terms(cq_model *m, const cJSON *node, const cq_json_where *w, cq_trait_def *t,
                            cq_error *err)
{
    const cJSON *terms = NULL;
    cq_status st = check_names(node, "terms", w, &terms, err);
    if (st != CQ_OK || !terms)
        return st;
    if (!(t->terms = array_items(m, terms, sizeof *t->terms, &t->term_count)))
        return nomem(err, w->file);
    size_t i = 0;
    for (const cJSON *e = terms->child; e; e = e->next, i++)
        if (!(t->terms[i] = cq__arena_strdup(&m->arena, e->valuestring)))
            return nomem(err, w->file);
    return CQ_OK;
}

/* The opening of an entry of a bank list: an object with a valid "id". From then on messages
 * name the entry (w->what becomes "trait \"x\"", written into what). */
static cq_status entry_id(const cJSON *node, cq_json_where *w, const char *list, char *what,
                          size_t what_size, const char **id, cq_error *err)
{
    cq_status st = cq__json_object(node, w, list, err);
    if (st == CQ_OK)
        st = cq__json_string(node, "id", true, CQ_MAX_ID_BYTES, w, id, err);
    if (st == CQ_OK)
        st = cq__check_id(*id, w, "id", err);
    if (st != CQ_OK)
        return st;
    snprintf(what, what_size, "%s \"%s\"", w->what, *id);
    w->id = *id;
    w->what = what;
    return CQ_OK;
}

static cq_status load_trait(cq_model *m, const cJSON *node, const char *file, cq_error *err)
{
    cq_json_where w = {file, NULL, "trait"};
    const char *id = NULL, *name = NULL, *low = NULL, *high = NULL, *kind = NULL, *group = NULL;
    const cJSON *about = NULL;
    char what[CQ_MAX_ID_BYTES + 16];
    cq_status st = entry_id(node, &w, "traits[]", what, sizeof what, &id, err);
    if (st != CQ_OK)
        return st;
    if ((st = cq__json_known_keys(node, trait_keys, &w, err)) != CQ_OK ||
        (st = cq__json_string(node, "name", true, CQ_MAX_TEXT_BYTES, &w, &name, err)) != CQ_OK ||
        (st = cq__json_string(node, "low", false, CQ_MAX_TEXT_BYTES, &w, &low, err)) != CQ_OK ||
        (st = cq__json_string(node, "high", false, CQ_MAX_TEXT_BYTES, &w, &high, err)) != CQ_OK ||
        (st = cq__json_string(node, "kind", false, 16, &w, &kind, err)) != CQ_OK ||
        (st = cq__json_string(node, "group", false, CQ_MAX_ID_BYTES, &w, &group, err)) != CQ_OK ||
        (group && (st = cq__check_id(group, &w, "group", err)) != CQ_OK) ||
        (st = check_names(node, "about", &w, &about, err)) != CQ_OK)
        return st;
    /* A level is reached (more never costs); a preference is a place on a line (distance
     * either way costs). Most traits are skills, so a trait is a level unless it says not. */
    if (kind && strcmp(kind, "level") != 0 && strcmp(kind, "preference") != 0)
        return cq__fail(err, CQ_ERR_INVALID, file, id,
                        "trait \"%s\": kind \"%.16s\" is not level or preference", id, kind);
    if (cq_model_find_trait(m, id) != CQ_NONE)
        return cq__fail(err, CQ_ERR_INVALID, file, id, "trait \"%s\" is declared twice", id);
    if (m->trait_count >= CQ_MAX_TRAITS)
        return cq__fail(err, CQ_ERR_LIMIT, file, id, "more than %d traits", CQ_MAX_TRAITS);
    cq_trait_def *t = &m->traits[m->trait_count];
    t->id = cq__arena_strdup(&m->arena, id);
    t->name = cq__arena_strdup(&m->arena, name);
    t->low = dup_or_empty(&m->arena, low);
    t->high = dup_or_empty(&m->arena, high);
    t->level = !kind || strcmp(kind, "level") == 0;
    t->group = group ? cq__arena_strdup(&m->arena, group) : NULL;
    if (!t->id || !t->name || !t->low || !t->high || (group && !t->group))
        return nomem(err, file);
    for (size_t k = 0; group && k < m->trait_count && !t->group_index; k++)
        if (m->traits[k].group && strcmp(m->traits[k].group, group) == 0)
            t->group_index = m->traits[k].group_index;
    if (group && !t->group_index)
        t->group_index = ++m->group_count;
    if ((st = load_terms(m, node, &w, t, err)) != CQ_OK)
        return st;
    m->trait_count++;
    return CQ_OK;
}

/* ---- options and their trait effects ------------------------------------------------------ */

/*
 * The basis of an option or a scale label: "why" (the reason for its mapping, from the articles),
 * "source" (the titles of those articles) and "roles" (the roles the articles connect the answer
 * with). They are for people reading the bank and for the content tests; scoring never reads
 * them, so loading only checks their form.
 */
static cq_status check_basis(const cJSON *node, const cq_json_where *w, cq_error *err)
{
    const char *why = NULL;
    const cJSON *sources = NULL, *roles = NULL;
    cq_status st = cq__json_string(node, "why", false, CQ_MAX_TEXT_BYTES, w, &why, err);
    if (st == CQ_OK)
        st = cq__json_array(node, "source", false, true, CQ_MAX_LIST_ITEMS, w, &sources, err);
    for (const cJSON *e = sources ? sources->child : NULL; st == CQ_OK && e; e = e->next)
        if (!cJSON_IsString(e) || !e->valuestring[0] || strlen(e->valuestring) > CQ_MAX_TEXT_BYTES)
            st = cq__fail(err, CQ_ERR_INVALID, w->file, w->id,
                          "%s: \"source\" must hold article titles (non-empty strings)", w->what);
    if (st == CQ_OK)
        st = cq__json_array(node, "roles", false, true, CQ_MAX_ROLES, w, &roles, err);
    for (const cJSON *e = roles ? roles->child : NULL; st == CQ_OK && e; e = e->next)
        st = cJSON_IsString(e) ? cq__check_id(e->valuestring, w, "roles", err)
                               : cq__fail(err, CQ_ERR_INVALID, w->file, w->id,
                                          "%s: \"roles\" must hold role ids", w->what);
    return st;
}

/* Reads {"trait": value, ...} into effects; values are 0..1. */
static cq_status load_effects(cq_model *m, const cJSON *traits, const cq_json_where *w,
                              cq_effect **out, size_t *count, cq_error *err)
{
    cq_status st = cq__json_object(traits, w, "traits", err);
    if (st != CQ_OK)
        return st;
    size_t n = (size_t)cJSON_GetArraySize(traits);
    if (n > CQ_MAX_TRAITS)
        return cq__fail(err, CQ_ERR_LIMIT, w->file, w->id,
                        "%s: \"traits\" has %zu entries, more than the limit of %d", w->what, n,
                        CQ_MAX_TRAITS);
    cq_effect *effects = cq__arena_alloc(&m->arena, n ? n : 1, sizeof *effects);
    if (!effects)
        return nomem(err, w->file);
    size_t i = 0;
    for (const cJSON *e = traits->child; e; e = e->next, i++) {
        size_t t = 0;
        if ((st = declared_trait(m, e->string, w, &t, err)) != CQ_OK)
            return st;
        if (!cJSON_IsNumber(e))
            return cq__fail(err, CQ_ERR_INVALID, w->file, w->id,
                            "%s: trait \"%s\" must be a number from 0 to 1, not %s", w->what,
                            e->string, cq__json_type_name(e));
        if (!(e->valuedouble >= 0.0 && e->valuedouble <= 1.0))
            return cq__fail(err, CQ_ERR_INVALID, w->file, w->id,
                            "%s: trait \"%s\" is %g, outside 0..1", w->what, e->string,
                            e->valuedouble);
        effects[i].trait = t;
        effects[i].value = e->valuedouble;
    }
    *out = effects;
    *count = n;
    return CQ_OK;
}

static cq_status load_option(cq_model *m, cq_question_def *q, const cJSON *node, size_t index,
                             const char *file, cq_error *err)
{
    char what[2 * CQ_MAX_ID_BYTES + 40];
    snprintf(what, sizeof what, "question \"%s\", option %zu", q->id, index + 1);
    cq_json_where w = {file, q->id, what};
    const char *id = NULL, *text = NULL;
    cq_status st = cq__json_object(node, &w, "options[]", err);
    if (st == CQ_OK)
        st = cq__json_string(node, "id", true, CQ_MAX_ID_BYTES, &w, &id, err);
    if (st == CQ_OK)
        st = cq__check_id(id, &w, "id", err);
    if (st != CQ_OK)
        return st;
    snprintf(what, sizeof what, "question \"%s\", option \"%s\"", q->id, id);
    w.id = id;
    cq_option_def *o = &q->options[index];
    if ((st = cq__json_known_keys(node, option_keys, &w, err)) != CQ_OK ||
        (st = check_basis(node, &w, err)) != CQ_OK ||
        (st = cq__json_string(node, "text", true, CQ_MAX_TEXT_BYTES, &w, &text, err)) != CQ_OK ||
        (st = cq__json_bool(node, "exclusive", false, &w, &o->exclusive, err)) != CQ_OK)
        return st;
    for (size_t i = 0; i < index; i++)
        if (strcmp(q->options[i].id, id) == 0)
            return cq__fail(err, CQ_ERR_INVALID, file, id,
                            "question \"%s\": option \"%s\" is declared twice", q->id, id);
    if (o->exclusive && q->type != CQ_MULTI)
        return cq__fail(err, CQ_ERR_INVALID, file, id,
                        "%s: \"exclusive\" only applies to multi-choice questions", what);
    const cJSON *traits = cq__json_get(node, "traits");
    if (!traits)
        return cq__fail(err, CQ_ERR_INVALID, file, id, "%s: required field \"traits\" is missing",
                        what);
    if ((st = load_effects(m, traits, &w, &o->effects, &o->effect_count, err)) != CQ_OK)
        return st;
    o->id = cq__arena_strdup(&m->arena, id);
    o->text = cq__arena_strdup(&m->arena, text);
    return o->id && o->text ? CQ_OK : nomem(err, file);
}

static cq_status load_options(cq_model *m, cq_question_def *q, const cJSON *node,
                              const cq_json_where *w, cq_error *err)
{
    const cJSON *options = NULL;
    cq_status st = cq__json_array(node, "options", true, false, CQ_MAX_OPTIONS, w, &options, err);
    if (st != CQ_OK)
        return st;
    static const char *const scale_only[] = {"min", "max", "labels", "traits"};
    for (size_t i = 0; i < sizeof scale_only / sizeof *scale_only; i++)
        if (cq__json_get(node, scale_only[i]))
            return cq__fail(err, CQ_ERR_INVALID, w->file, q->id,
                            "%s: \"%s\" belongs to scale questions; set traits on each option",
                            w->what, scale_only[i]);
    q->option_count = (size_t)cJSON_GetArraySize(options);
    if (q->option_count < 2)
        return cq__fail(err, CQ_ERR_INVALID, w->file, q->id, "%s: needs at least 2 options",
                        w->what);
    q->options = cq__arena_alloc(&m->arena, q->option_count, sizeof *q->options);
    if (!q->options)
        return nomem(err, w->file);
    size_t i = 0;
    for (const cJSON *o = options->child; o; o = o->next, i++)
        if ((st = load_option(m, q, o, i, w->file, err)) != CQ_OK)
            return st;
    return CQ_OK;
}

/* ---- scale questions ---------------------------------------------------------------------- */

static cq_status load_labels(cq_model *m, cq_question_def *q, const cJSON *node,
                             const cq_json_where *w, cq_error *err)
{
    const cJSON *labels = NULL;
    cq_status st =
        cq__json_array(node, "labels", false, true, (size_t)(q->max - q->min + 1), w, &labels, err);
    if (st != CQ_OK || !labels)
        return st;
    if (!(q->labels = array_items(m, labels, sizeof *q->labels, &q->label_count)))
        return nomem(err, w->file);
    size_t i = 0;
    for (const cJSON *l = labels->child; l; l = l->next, i++) {
        char what[CQ_MAX_ID_BYTES + 40];
        snprintf(what, sizeof what, "question \"%s\", label %zu", q->id, i + 1);
        cq_json_where lw = {w->file, q->id, what};
        long value = 0;
        const char *text = NULL;
        if ((st = cq__json_object(l, &lw, "labels[]", err)) != CQ_OK ||
            (st = cq__json_known_keys(l, label_keys, &lw, err)) != CQ_OK ||
            (st = check_basis(l, &lw, err)) != CQ_OK)
            return st;
        const cJSON *v = cq__json_get(l, "value");
        if (!v)
            return cq__fail(err, CQ_ERR_INVALID, w->file, q->id,
                            "%s: required field \"value\" is missing", what);
        if ((st = cq__json_integer(v, "value", q->min, q->max, &lw, &value, err)) != CQ_OK ||
            (st = cq__json_string(l, "text", true, CQ_MAX_TEXT_BYTES, &lw, &text, err)) != CQ_OK)
            return st;
        for (size_t j = 0; j < i; j++)
            if (q->labels[j].value == (int)value)
                return cq__fail(err, CQ_ERR_INVALID, w->file, q->id,
                                "%s: value %ld is labelled twice", what, value);
        q->labels[i].value = (int)value;
        if (!(q->labels[i].text = cq__arena_strdup(&m->arena, text)))
            return nomem(err, w->file);
    }
    return CQ_OK;
}

static cq_status load_scale(cq_model *m, cq_question_def *q, const cJSON *node,
                            const cq_json_where *w, cq_error *err)
{
    if (cq__json_get(node, "options"))
        return cq__fail(err, CQ_ERR_INVALID, w->file, q->id,
                        "%s: scale questions take \"min\", \"max\" and \"traits\", not \"options\"",
                        w->what);
    long min = 0, max = 0;
    const cJSON *vmin = cq__json_get(node, "min"), *vmax = cq__json_get(node, "max");
    if (!vmin || !vmax)
        return cq__fail(err, CQ_ERR_INVALID, w->file, q->id, "%s: required field \"%s\" is missing",
                        w->what, vmin ? "max" : "min");
    cq_status st = cq__json_integer(vmin, "min", -SCALE_LIMIT, SCALE_LIMIT, w, &min, err);
    if (st == CQ_OK)
        st = cq__json_integer(vmax, "max", -SCALE_LIMIT, SCALE_LIMIT, w, &max, err);
    if (st != CQ_OK)
        return st;
    if (min >= max)
        return cq__fail(err, CQ_ERR_INVALID, w->file, q->id, "%s: \"min\" must be below \"max\"",
                        w->what);
    q->min = (int)min;
    q->max = (int)max;
    if ((st = load_labels(m, q, node, w, err)) != CQ_OK)
        return st;

    const cJSON *traits = cq__json_get(node, "traits");
    if (!traits)
        return cq__fail(err, CQ_ERR_INVALID, w->file, q->id,
                        "%s: required field \"traits\" is missing", w->what);
    if ((st = cq__json_object(traits, w, "traits", err)) != CQ_OK)
        return st;
    size_t n = (size_t)cJSON_GetArraySize(traits);
    if (n == 0)
        return cq__fail(err, CQ_ERR_INVALID, w->file, q->id, "%s: \"traits\" is empty", w->what);
    if (n > CQ_MAX_TRAITS)
        return cq__fail(err, CQ_ERR_LIMIT, w->file, q->id,
                        "%s: \"traits\" has %zu entries, more than the limit of %d", w->what, n,
                        CQ_MAX_TRAITS);
    q->scale_effects = cq__arena_alloc(&m->arena, n, sizeof *q->scale_effects);
    if (!q->scale_effects)
        return nomem(err, w->file);
    size_t i = 0;
    for (const cJSON *e = traits->child; e; e = e->next, i++) {
        size_t t = 0;
        if ((st = declared_trait(m, e->string, w, &t, err)) != CQ_OK)
            return st;
        const cJSON *lo = cJSON_GetArrayItem(e, 0), *hi = cJSON_GetArrayItem(e, 1);
        if (!cJSON_IsArray(e) || cJSON_GetArraySize(e) != 2 || !cJSON_IsNumber(lo) ||
            !cJSON_IsNumber(hi))
            return cq__fail(err, CQ_ERR_INVALID, w->file, q->id,
                            "%s: trait \"%s\" must be [value at min, value at max]", w->what,
                            e->string);
        if (!(lo->valuedouble >= 0 && lo->valuedouble <= 1 && hi->valuedouble >= 0 &&
              hi->valuedouble <= 1))
            return cq__fail(err, CQ_ERR_INVALID, w->file, q->id,
                            "%s: trait \"%s\" values must lie in 0..1", w->what, e->string);
        q->scale_effects[i] = (cq_scale_effect){t, lo->valuedouble, hi->valuedouble};
    }
    q->scale_effect_count = n;
    return CQ_OK;
}

/* ---- questions ---------------------------------------------------------------------------- */

/* Records the union of traits a question can move, in trait order. */
static cq_status collect_traits(cq_model *m, cq_question_def *q, const char *file, cq_error *err)
{
    bool *moved = cq__arena_alloc(&m->arena, m->trait_count, sizeof *moved);
    if (!moved)
        return nomem(err, file);
    for (size_t i = 0; i < q->scale_effect_count; i++)
        moved[q->scale_effects[i].trait] = true;
    for (size_t o = 0; o < q->option_count; o++)
        for (size_t i = 0; i < q->options[o].effect_count; i++)
            moved[q->options[o].effects[i].trait] = true;
    for (size_t t = 0; t < m->trait_count; t++)
        q->trait_count += moved[t];
    if (q->trait_count == 0)
        return cq__fail(err, CQ_ERR_INVALID, file, q->id,
                        "question \"%s\": no option moves any trait", q->id);
    q->traits = cq__arena_alloc(&m->arena, q->trait_count, sizeof *q->traits);
    if (!q->traits)
        return nomem(err, file);
    for (size_t t = 0, i = 0; t < m->trait_count; t++)
        if (moved[t])
            q->traits[i++] = t;
    /* The weight is shared by the question's dimensions: a trait, or a group of traits that are
     * the places of one dimension (the sectors one may work in), counts once. */
    size_t dimensions = 0;
    for (size_t i = 0; i < q->trait_count; i++) {
        size_t group = m->traits[q->traits[i]].group_index;
        bool seen = false;
        for (size_t k = 0; group && k < i && !seen; k++)
            seen = m->traits[q->traits[k]].group_index == group;
        dimensions += !seen;
    }
    q->trait_weight = q->weight / (double)dimensions;
    return CQ_OK;
}

/*
 * A multi-choice answer adds its options up, so it may only move levels: adding a tool must never
 * cost. A question that moves a preference states an aim; the others say what a person has.
 */
static cq_status check_trait_kinds(cq_model *m, cq_question_def *q, const char *file, cq_error *err)
{
    for (size_t i = 0; i < q->trait_count; i++) {
        const cq_trait_def *t = &m->traits[q->traits[i]];
        if (t->level)
            continue;
        if (q->type == CQ_MULTI)
            return cq__fail(err, CQ_ERR_INVALID, file, q->id,
                            "question \"%s\": a multi-choice question may only move level "
                            "traits, and \"%s\" is a preference",
                            q->id, t->id);
        q->aim = true;
    }
    return CQ_OK;
}

static cq_status load_question(cq_model *m, const cJSON *node, const char *file, cq_error *err)
{
    cq_json_where w = {file, NULL, "question"};
    const char *id = NULL, *type = NULL, *text = NULL, *help = NULL;
    char what[CQ_MAX_ID_BYTES + 16];
    cq_status st = entry_id(node, &w, "questions[]", what, sizeof what, &id, err);
    if (st != CQ_OK)
        return st;
    if (cq_model_find_question(m, id) != CQ_NONE)
        return cq__fail(err, CQ_ERR_INVALID, file, id, "question \"%s\" is declared twice", id);
    if (m->question_count >= CQ_MAX_QUESTIONS)
        return cq__fail(err, CQ_ERR_LIMIT, file, id, "more than %d questions", CQ_MAX_QUESTIONS);
    cq_question_def *q = &m->questions[m->question_count];
    memset(q, 0, sizeof *q);
    q->weight = 1.0;
    if ((st = cq__json_known_keys(node, question_keys, &w, err)) != CQ_OK ||
        (st = cq__json_string(node, "type", true, 16, &w, &type, err)) != CQ_OK ||
        (st = cq__json_string(node, "text", true, CQ_MAX_TEXT_BYTES, &w, &text, err)) != CQ_OK ||
        (st = cq__json_string(node, "help", false, CQ_MAX_TEXT_BYTES, &w, &help, err)) != CQ_OK ||
        (st = cq__json_bool(node, "required", true, &w, &q->required, err)) != CQ_OK ||
        (st = cq__json_bool(node, "ordered", false, &w, &q->ordered, err)) != CQ_OK ||
        (st = cq__json_number(node, "weight", false, MIN_WEIGHT, MAX_WEIGHT, &w, &q->weight,
                              err)) != CQ_OK)
        return st;
    if (!(q->id = cq__arena_strdup(&m->arena, id)) ||
        !(q->text = cq__arena_strdup(&m->arena, text)) ||
        !(q->help = dup_or_empty(&m->arena, help)) ||
        !(q->file = cq__arena_strdup(&m->arena, file)))
        return nomem(err, file);
    if (strcmp(type, "single") == 0)
        q->type = CQ_SINGLE;
    else if (strcmp(type, "multi") == 0)
        q->type = CQ_MULTI;
    else if (strcmp(type, "scale") == 0)
        q->type = CQ_SCALE;
    else
        return cq__fail(err, CQ_ERR_INVALID, file, id,
                        "question \"%s\": type \"%.16s\" is not single, multi or scale", id, type);
    if (q->ordered && q->type != CQ_SINGLE)
        return cq__fail(err, CQ_ERR_INVALID, file, id,
                        "question \"%s\": \"ordered\" only applies to single-choice questions "
                        "(a scale is ordered already)",
                        id);
    st = q->type == CQ_SCALE ? load_scale(m, q, node, &w, err) : load_options(m, q, node, &w, err);
    if (st == CQ_OK)
        st = collect_traits(m, q, file, err);
    if (st == CQ_OK)
        st = check_trait_kinds(m, q, file, err);
    if (st == CQ_OK)
        m->question_count++;
    return st;
}

/* ---- the bank as a whole ------------------------------------------------------------------- */

static cq_status load_list(cq_model *m, const cJSON *root, const char *key, const char *file,
                           cq_status (*load)(cq_model *, const cJSON *, const char *, cq_error *),
                           cq_error *err)
{
    cq_json_where w = {file, NULL, "the bank"};
    const cJSON *list = NULL;
    cq_status st = cq__json_array(root, key, false, false, SIZE_MAX, &w, &list, err);
    for (const cJSON *item = list ? list->child : NULL; st == CQ_OK && item; item = item->next)
        st = load(m, item, file, err);
    return st;
}

/* Every declared trait should be measured by some question, or it can never count. */
static cq_status check_traits_measured(const cq_model *m, const char *file, cq_error *err)
{
    for (size_t t = 0; t < m->trait_count; t++) {
        bool measured = false;
        for (size_t q = 0; q < m->question_count && !measured; q++)
            for (size_t i = 0; i < m->questions[q].trait_count && !measured; i++)
                measured = m->questions[q].traits[i] == t;
        if (!measured)
            return cq__fail(err, CQ_ERR_INVALID, file, m->traits[t].id,
                            "trait \"%s\" is declared but no question measures it",
                            m->traits[t].id);
    }
    return CQ_OK;
}

cq_status cq__bank_load(cq_model *m, const cq_source *sources, size_t count, cq_error *err)
{
    if (count == 0)
        return cq__fail(err, CQ_ERR_INVALID, "questions", NULL, "the question bank has no files");
    if (count > CQ_MAX_DATA_FILES)
        return cq__fail(err, CQ_ERR_LIMIT, "questions", NULL, "more than %d bank files",
                        CQ_MAX_DATA_FILES);
    cJSON **trees = cq__calloc(m->ctx, count, sizeof *trees);
    m->traits = cq__arena_alloc(&m->arena, CQ_MAX_TRAITS, sizeof *m->traits);
    m->questions = cq__arena_alloc(&m->arena, CQ_MAX_QUESTIONS, sizeof *m->questions);
    cq_status st = trees && m->traits && m->questions ? CQ_OK : nomem(err, sources[0].name);
    for (size_t i = 0; st == CQ_OK && i < count; i++) {
        const char *file = sources[i].name;
        cq_json_where w = {file, NULL, "the bank"};
        if (sources[i].size > CQ_MAX_DATA_BYTES)
            st = cq__fail(err, CQ_ERR_LIMIT, file, NULL, "file is larger than %u bytes",
                          CQ_MAX_DATA_BYTES);
        if (st == CQ_OK)
            st = cq__json_parse(m->ctx, file, sources[i].data, sources[i].size, &trees[i], err);
        if (st == CQ_OK)
            st = cq__json_object(trees[i], &w, "(top level)", err);
        if (st == CQ_OK)
            st = cq__json_known_keys(trees[i], bank_keys, &w, err);
        const char *version = NULL;
        if (st == CQ_OK)
            st = cq__json_string(trees[i], "version", false, CQ_MAX_ID_BYTES, &w, &version, err);
        if (st == CQ_OK && version) {
            if (m->version)
                st = cq__fail(err, CQ_ERR_INVALID, file, NULL,
                              "the bank version is declared in more than one file");
            else if (!(m->version = cq__arena_strdup(&m->arena, version)))
                st = nomem(err, file);
        }
    }
    /* Traits first, from every file, so questions may use traits declared elsewhere. */
    for (size_t i = 0; st == CQ_OK && i < count; i++)
        st = load_list(m, trees[i], "traits", sources[i].name, load_trait, err);
    for (size_t i = 0; st == CQ_OK && i < count; i++)
        st = load_list(m, trees[i], "questions", sources[i].name, load_question, err);
    for (size_t i = 0; st == CQ_OK && i < count; i++)
        st = cq__earlier_load(m, trees[i], sources[i].name, err);
    if (st == CQ_OK && m->trait_count == 0)
        st = cq__fail(err, CQ_ERR_INVALID, sources[0].name, NULL, "the bank declares no traits");
    if (st == CQ_OK && m->question_count == 0)
        st = cq__fail(err, CQ_ERR_INVALID, sources[0].name, NULL, "the bank has no questions");
    if (st == CQ_OK)
        st = check_traits_measured(m, sources[count - 1].name, err);
    if (st == CQ_OK && !m->version && !(m->version = cq__arena_strdup(&m->arena, "unversioned")))
        st = nomem(err, sources[0].name);
    if (st == CQ_OK)
        st = cq__earlier_check(m, sources[0].name, err);
    for (size_t i = 0; trees && i < count; i++)
        cJSON_Delete(trees[i]);
    cq_free(m->ctx, trees);
    return st;
}
