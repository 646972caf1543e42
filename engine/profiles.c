/* profiles.c: loads and validates role profiles (one JSON file per role) into a model. */
#include "internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Importance says how strongly an article stresses a trait; 3 marks a defining trait. */
#define MAX_IMPORTANCE 3.0
/* The question whose options name education levels ("typical_education" refers to them). */
#define EDUCATION_QUESTION "education"

static const char *const profile_keys[] = {"id",      "title",     "summary", "responsibilities",
                                           "skills",  "education", "tools",   "industries",
                                           "outlook", "tips",      "sources", "typical_education",
                                           "targets", NULL};
static const char *const outlook_keys[] = {"text", "figures", NULL};
static const char *const item_keys[] = {"text", "about", NULL};
static const char *const figure_keys[] = {"value",  "measure", "note", "source",
                                          "period", "article", NULL};
static const char *const tip_keys[] = {"text", "advice", "builds", "source", "shared_with", NULL};
static const char *const target_keys[] = {"value", "importance", "why", NULL};

static cq_status nomem(cq_error *err, const char *file)
{
    return cq__fail(err, CQ_ERR_NOMEM, file, NULL, "out of memory loading profiles");
}

/* Reads a non-empty array of distinct non-empty strings. */
static cq_status load_strings(cq_model *m, const cJSON *node, const char *key, bool required,
                              const cq_json_where *w, const char ***out, size_t *count,
                              cq_error *err)
{
    const cJSON *list = NULL;
    cq_status st = cq__json_array(node, key, required, false, CQ_MAX_LIST_ITEMS, w, &list, err);
    if (st != CQ_OK || !list) {
        *count = 0;
        return st;
    }
    size_t n = (size_t)cJSON_GetArraySize(list);
    const char **items = cq__arena_alloc(&m->arena, n, sizeof *items);
    if (!items)
        return nomem(err, w->file);
    size_t i = 0;
    for (const cJSON *s = list->child; s; s = s->next, i++) {
        if (!cJSON_IsString(s))
            return cq__fail(err, CQ_ERR_INVALID, w->file, w->id,
                            "%s: \"%s\" item %zu must be a string, not %s", w->what, key, i + 1,
                            cq__json_type_name(s));
        size_t len = strlen(s->valuestring);
        if (len == 0 || strspn(s->valuestring, " \t\r\n") == len)
            return cq__fail(err, CQ_ERR_INVALID, w->file, w->id, "%s: \"%s\" item %zu is empty",
                            w->what, key, i + 1);
        if (len > CQ_MAX_TEXT_BYTES)
            return cq__fail(err, CQ_ERR_LIMIT, w->file, w->id,
                            "%s: \"%s\" item %zu is longer than %d bytes", w->what, key, i + 1,
                            CQ_MAX_TEXT_BYTES);
        for (size_t j = 0; j < i; j++)
            if (strcmp(items[j], s->valuestring) == 0)
                return cq__fail(err, CQ_ERR_INVALID, w->file, w->id,
                                "%s: \"%s\" lists \"%.60s\" twice", w->what, key, s->valuestring);
        if (!(items[i] = cq__arena_strdup(&m->arena, s->valuestring)))
            return nomem(err, w->file);
    }
    *out = items;
    *count = n;
    return CQ_OK;
}

/* Reads one of the compared lists (responsibilities ... industries): a non-empty array of
 * items {"text", "about"}, with distinct texts, each about a non-empty list of distinct names. */
static cq_status load_items(cq_model *m, cq_role_def *r, const cJSON *root, cq_role_list l,
                            const cq_json_where *w, cq_error *err)
{
    const char *key = cq_role_list_name(l);
    const cJSON *list = NULL;
    cq_status st = cq__json_array(root, key, true, false, CQ_MAX_LIST_ITEMS, w, &list, err);
    if (st != CQ_OK)
        return st;
    size_t n = (size_t)cJSON_GetArraySize(list);
    const char **texts = cq__arena_alloc(&m->arena, n, sizeof *texts);
    cq_about *about = cq__arena_alloc(&m->arena, n, sizeof *about);
    if (!texts || !about)
        return nomem(err, w->file);
    size_t i = 0;
    for (const cJSON *node = list->child; node; node = node->next, i++) {
        char what[CQ_MAX_ID_BYTES + 48], label[32];
        snprintf(what, sizeof what, "role \"%s\", %s item %zu", r->id, key, i + 1);
        snprintf(label, sizeof label, "%s[]", key);
        cq_json_where iw = {w->file, r->id, what};
        const char *text = NULL;
        if (cJSON_IsString(node)) /* a list of plain strings: the format before names */
            return cq__fail(err, CQ_ERR_INVALID, w->file, r->id,
                            "%s: \"%s\" must be an object {\"text\", \"about\"}, not a string",
                            what, label);
        if ((st = cq__json_object(node, &iw, label, err)) != CQ_OK ||
            (st = cq__json_known_keys(node, item_keys, &iw, err)) != CQ_OK ||
            (st = cq__json_string(node, "text", true, CQ_MAX_TEXT_BYTES, &iw, &text, err)) !=
                CQ_OK ||
            (st = load_strings(m, node, "about", true, &iw, &about[i].names, &about[i].count,
                               err)) != CQ_OK)
            return st;
        for (size_t j = 0; j < i; j++)
            if (strcmp(texts[j], text) == 0)
                return cq__fail(err, CQ_ERR_INVALID, w->file, r->id,
                                "%s: \"%s\" lists \"%.60s\" twice", w->what, key, text);
        if (!(texts[i] = cq__arena_strdup(&m->arena, text)))
            return nomem(err, w->file);
    }
    r->lists[l] = texts;
    r->list_counts[l] = n;
    r->about[l] = about;
    return CQ_OK;
}

static bool in_list(const char *const *items, size_t count, const char *text)
{
    for (size_t i = 0; i < count; i++)
        if (strcmp(items[i], text) == 0)
            return true;
    return false;
}

static cq_status copy_text(cq_model *m, const char *text, const char **out, const char *file,
                           cq_error *err)
{
    *out = cq__arena_strdup(&m->arena, text ? text : "");
    return *out ? CQ_OK : nomem(err, file);
}

/* ---- outlook ------------------------------------------------------------------------------- */

static cq_status load_figure(cq_model *m, cq_role_def *r, const cJSON *node, size_t index,
                             const cq_json_where *rw, cq_error *err)
{
    char what[CQ_MAX_ID_BYTES + 48];
    snprintf(what, sizeof what, "role \"%s\", outlook figure %zu", r->id, index + 1);
    cq_json_where w = {rw->file, r->id, what};
    cq_figure *f = &r->figures[index];
    const char *value = NULL, *measure = NULL, *note = NULL, *source = NULL, *period = NULL,
               *article = NULL;
    cq_status st;
    if ((st = cq__json_object(node, &w, "figures[]", err)) != CQ_OK ||
        (st = cq__json_known_keys(node, figure_keys, &w, err)) != CQ_OK ||
        (st = cq__json_string(node, "value", true, CQ_MAX_TEXT_BYTES, &w, &value, err)) != CQ_OK ||
        (st = cq__json_string(node, "measure", true, CQ_MAX_TEXT_BYTES, &w, &measure, err)) !=
            CQ_OK ||
        (st = cq__json_string(node, "note", false, CQ_MAX_TEXT_BYTES, &w, &note, err)) != CQ_OK ||
        (st = cq__json_string(node, "source", true, CQ_MAX_TEXT_BYTES, &w, &source, err)) !=
            CQ_OK ||
        (st = cq__json_string(node, "period", false, CQ_MAX_TEXT_BYTES, &w, &period, err)) !=
            CQ_OK ||
        (st = cq__json_string(node, "article", true, CQ_MAX_TEXT_BYTES, &w, &article, err)) !=
            CQ_OK)
        return st;
    if (!in_list(r->lists[CQ_LIST_SOURCES], r->list_counts[CQ_LIST_SOURCES], article))
        return cq__fail(err, CQ_ERR_INVALID, rw->file, r->id,
                        "%s: article \"%.80s\" is not among the role's sources", what, article);
    if ((st = copy_text(m, value, &f->value, rw->file, err)) != CQ_OK ||
        (st = copy_text(m, measure, &f->measure, rw->file, err)) != CQ_OK ||
        (st = copy_text(m, note, &f->note, rw->file, err)) != CQ_OK ||
        (st = copy_text(m, source, &f->source, rw->file, err)) != CQ_OK ||
        (st = copy_text(m, period, &f->period, rw->file, err)) != CQ_OK)
        return st;
    return copy_text(m, article, &f->article, rw->file, err);
}

static cq_status load_outlook(cq_model *m, cq_role_def *r, const cJSON *root,
                              const cq_json_where *w, cq_error *err)
{
    const cJSON *outlook = cq__json_get(root, "outlook");
    if (!outlook)
        return cq__fail(err, CQ_ERR_INVALID, w->file, r->id,
                        "%s: required field \"outlook\" is missing", w->what);
    const char *text = NULL;
    const cJSON *figures = NULL;
    cq_status st;
    if ((st = cq__json_object(outlook, w, "outlook", err)) != CQ_OK ||
        (st = cq__json_known_keys(outlook, outlook_keys, w, err)) != CQ_OK ||
        (st = cq__json_string(outlook, "text", true, CQ_MAX_TEXT_BYTES, w, &text, err)) != CQ_OK ||
        (st = cq__json_array(outlook, "figures", false, true, CQ_MAX_LIST_ITEMS, w, &figures,
                             err)) != CQ_OK ||
        (st = copy_text(m, text, &r->outlook, w->file, err)) != CQ_OK)
        return st;
    r->figure_count = figures ? (size_t)cJSON_GetArraySize(figures) : 0;
    r->figures =
        cq__arena_alloc(&m->arena, r->figure_count ? r->figure_count : 1, sizeof *r->figures);
    if (!r->figures)
        return nomem(err, w->file);
    size_t i = 0;
    for (const cJSON *f = figures ? figures->child : NULL; f; f = f->next, i++)
        if ((st = load_figure(m, r, f, i, w, err)) != CQ_OK)
            return st;
    return CQ_OK;
}

/* ---- tips --------------------------------------------------------------------------------- */

/* A tip's "source": one article title or a list of them, each among the role's sources. */
static cq_status load_tip_sources(cq_model *m, const cq_role_def *r, cq_tip_def *tip,
                                  const cJSON *node, const cq_json_where *w, cq_error *err)
{
    const cJSON *source = cq__json_get(node, "source");
    cq_status st;
    if (cJSON_IsString(source)) {
        const char *title = NULL;
        tip->sources = cq__arena_alloc(&m->arena, 1, sizeof *tip->sources);
        if (!tip->sources)
            return nomem(err, w->file);
        if ((st = cq__json_string(node, "source", true, CQ_MAX_TEXT_BYTES, w, &title, err)) !=
                CQ_OK ||
            (st = copy_text(m, title, &tip->sources[0], w->file, err)) != CQ_OK)
            return st;
        tip->source_count = 1;
    } else if (source && !cJSON_IsArray(source)) {
        return cq__fail(err, CQ_ERR_INVALID, w->file, w->id,
                        "%s: \"source\" must be a string or an array, not %s", w->what,
                        cq__json_type_name(source));
    } else if ((st = load_strings(m, node, "source", true, w, &tip->sources, &tip->source_count,
                                  err)) != CQ_OK) {
        return st;
    }
    for (size_t i = 0; i < tip->source_count; i++)
        if (!in_list(r->lists[CQ_LIST_SOURCES], r->list_counts[CQ_LIST_SOURCES], tip->sources[i]))
            return cq__fail(err, CQ_ERR_INVALID, w->file, r->id,
                            "%s: source \"%.80s\" is not among the role's sources", w->what,
                            tip->sources[i]);
    return CQ_OK;
}

static cq_status load_tip(cq_model *m, cq_role_def *r, const cJSON *node, size_t index,
                          const cq_json_where *rw, cq_error *err)
{
    char what[CQ_MAX_ID_BYTES + 32];
    snprintf(what, sizeof what, "role \"%s\", tip %zu", r->id, index + 1);
    cq_json_where w = {rw->file, r->id, what};
    cq_tip_def *tip = &r->tips[index];
    const char *text = NULL, *advice = NULL;
    const char **builds = NULL;
    size_t build_count = 0;
    cq_status st;
    if ((st = cq__json_object(node, &w, "tips[]", err)) != CQ_OK ||
        (st = cq__json_known_keys(node, tip_keys, &w, err)) != CQ_OK ||
        (st = cq__json_string(node, "text", true, CQ_MAX_TEXT_BYTES, &w, &text, err)) != CQ_OK ||
        (st = cq__json_string(node, "advice", true, CQ_MAX_TEXT_BYTES, &w, &advice, err)) !=
            CQ_OK ||
        (st = load_tip_sources(m, r, tip, node, &w, err)) != CQ_OK ||
        (st = load_strings(m, node, "builds", true, &w, &builds, &build_count, err)) != CQ_OK ||
        (st = load_strings(m, node, "shared_with", false, &w, &tip->shared_with, &tip->shared_count,
                           err)) != CQ_OK)
        return st;
    /* One tip per piece of advice: the same advice twice would be a repeat in other words. */
    for (size_t j = 0; j < index; j++)
        if (strcmp(r->tips[j].text, text) == 0 || strcmp(r->tips[j].advice, advice) == 0)
            return cq__fail(err, CQ_ERR_INVALID, rw->file, r->id, "%s: repeats tip %zu", what,
                            j + 1);
    tip->traits = cq__arena_alloc(&m->arena, build_count, sizeof *tip->traits);
    if (!tip->traits)
        return nomem(err, rw->file);
    for (size_t i = 0; i < build_count; i++) {
        size_t t = cq_model_find_trait(m, builds[i]);
        if (t == CQ_NONE)
            return cq__fail(err, CQ_ERR_INVALID, rw->file, builds[i],
                            "%s: builds trait \"%.64s\", which the bank does not declare", what,
                            builds[i]);
        tip->traits[i] = t;
    }
    tip->trait_count = build_count;
    if ((st = copy_text(m, text, &tip->text, rw->file, err)) != CQ_OK)
        return st;
    return copy_text(m, advice, &tip->advice, rw->file, err);
}

/* ---- trait targets ------------------------------------------------------------------------ */

static cq_status load_targets(cq_model *m, cq_role_def *r, const cJSON *root,
                              const cq_json_where *w, cq_error *err)
{
    const cJSON *targets = cq__json_get(root, "targets");
    if (!targets)
        return cq__fail(err, CQ_ERR_INVALID, w->file, r->id,
                        "%s: required field \"targets\" is missing", w->what);
    cq_status st = cq__json_object(targets, w, "targets", err);
    if (st != CQ_OK)
        return st;
    r->target = cq__arena_alloc(&m->arena, m->trait_count, sizeof *r->target);
    r->importance = cq__arena_alloc(&m->arena, m->trait_count, sizeof *r->importance);
    r->reason = cq__arena_alloc(&m->arena, m->trait_count, sizeof *r->reason);
    if (!r->target || !r->importance || !r->reason)
        return nomem(err, w->file);
    double total = 0;
    for (const cJSON *t = targets->child; t; t = t->next) {
        size_t trait = cq_model_find_trait(m, t->string);
        if (trait == CQ_NONE)
            return cq__fail(err, CQ_ERR_INVALID, w->file, t->string,
                            "%s: target for trait \"%.64s\", which the bank does not declare",
                            w->what, t->string);
        char what[2 * CQ_MAX_ID_BYTES + 32];
        snprintf(what, sizeof what, "role \"%s\", target \"%s\"", r->id, t->string);
        cq_json_where tw = {w->file, r->id, what};
        const char *why = NULL;
        double value = 0, importance = 0;
        if ((st = cq__json_object(t, &tw, t->string, err)) != CQ_OK ||
            (st = cq__json_known_keys(t, target_keys, &tw, err)) != CQ_OK ||
            (st = cq__json_number(t, "value", true, 0, 1, &tw, &value, err)) != CQ_OK ||
            (st = cq__json_number(t, "importance", true, 0, MAX_IMPORTANCE, &tw, &importance,
                                  err)) != CQ_OK ||
            (st = cq__json_string(t, "why", true, CQ_MAX_TEXT_BYTES, &tw, &why, err)) != CQ_OK ||
            (st = copy_text(m, why, &r->reason[trait], w->file, err)) != CQ_OK)
            return st;
        r->target[trait] = value;
        r->importance[trait] = importance;
        total += importance;
    }
    if (total <= 0)
        return cq__fail(err, CQ_ERR_INVALID, w->file, r->id,
                        "%s: \"targets\" must give some trait an importance above 0", w->what);
    return CQ_OK;
}

/* ---- one profile ------------------------------------------------------------------------ */

/* "profiles/ml-engineer.json" must hold the role "ml-engineer": keeps files findable. */
static cq_status check_file_name(const char *file, const char *id, cq_error *err)
{
    const char *base = strrchr(file, '/');
    base = base ? base + 1 : file;
    size_t n = strlen(base);
    if (n < 5 || strcmp(base + n - 5, ".json") != 0)
        return CQ_OK; /* not a file name (an in-memory source): nothing to compare */
    if (n - 5 != strlen(id) || strncmp(base, id, n - 5) != 0)
        return cq__fail(err, CQ_ERR_INVALID, file, id,
                        "role id \"%s\" does not match its file name", id);
    return CQ_OK;
}

static cq_status check_education(const cq_model *m, cq_role_def *r, const char *level,
                                 const cq_json_where *w, cq_error *err)
{
    size_t q = cq_model_find_question(m, EDUCATION_QUESTION);
    if (q == CQ_NONE)
        return CQ_OK;
    if (!level)
        return cq__fail(err, CQ_ERR_INVALID, w->file, r->id,
                        "%s: required field \"typical_education\" is missing", w->what);
    if (cq_question_find_option(m, q, level) == CQ_NONE)
        return cq__fail(err, CQ_ERR_INVALID, w->file, r->id,
                        "%s: typical_education \"%.64s\" is not an option of question \"%s\"",
                        w->what, level, EDUCATION_QUESTION);
    return CQ_OK;
}

static cq_status load_profile(cq_model *m, const cq_source *src, cq_role_def *r, cq_error *err)
{
    cJSON *root = NULL;
    const char *file = src->name;
    cq_json_where w = {file, NULL, "profile"};
    const char *id = NULL, *title = NULL, *summary = NULL, *education = NULL;
    cq_status st = CQ_OK;
    if (src->size > CQ_MAX_DATA_BYTES)
        st = cq__fail(err, CQ_ERR_LIMIT, file, NULL, "file is larger than %u bytes",
                      CQ_MAX_DATA_BYTES);
    if (st == CQ_OK)
        st = cq__json_parse(m->ctx, file, src->data, src->size, &root, err);
    if (st == CQ_OK)
        st = cq__json_object(root, &w, "(top level)", err);
    if (st == CQ_OK)
        st = cq__json_string(root, "id", true, CQ_MAX_ID_BYTES, &w, &id, err);
    if (st == CQ_OK)
        st = cq__check_id(id, &w, "id", err);
    if (st == CQ_OK)
        st = check_file_name(file, id, err);
    char what[CQ_MAX_ID_BYTES + 16];
    snprintf(what, sizeof what, "role \"%s\"", id ? id : "");
    w.id = id;
    w.what = what;
    if (st == CQ_OK && cq_model_find_role(m, id) != CQ_NONE)
        st = cq__fail(err, CQ_ERR_INVALID, file, id, "role \"%s\" is declared twice", id);
    if (st == CQ_OK)
        st = cq__json_known_keys(root, profile_keys, &w, err);
    if (st == CQ_OK)
        st = cq__json_string(root, "title", true, CQ_MAX_TEXT_BYTES, &w, &title, err);
    if (st == CQ_OK)
        st = cq__json_string(root, "summary", true, CQ_MAX_TEXT_BYTES, &w, &summary, err);
    if (st == CQ_OK)
        st =
            cq__json_string(root, "typical_education", false, CQ_MAX_ID_BYTES, &w, &education, err);
    if (st == CQ_OK)
        st = copy_text(m, id, &r->id, file, err);
    if (st == CQ_OK)
        st = copy_text(m, title, &r->title, file, err);
    if (st == CQ_OK)
        st = copy_text(m, summary, &r->summary, file, err);
    if (st == CQ_OK)
        st = copy_text(m, file, &r->file, file, err);
    if (st == CQ_OK)
        st = check_education(m, r, education, &w, err);
    if (st == CQ_OK)
        st = copy_text(m, education, &r->typical_education, file, err);
    /* Sources first: tips and figures must cite one of them. */
    if (st == CQ_OK)
        st = load_strings(m, root, "sources", true, &w, &r->lists[CQ_LIST_SOURCES],
                          &r->list_counts[CQ_LIST_SOURCES], err);
    for (int l = 0; st == CQ_OK && l < CQ_LIST_SOURCES; l++)
        st = load_items(m, r, root, (cq_role_list)l, &w, err);
    if (st == CQ_OK)
        st = load_outlook(m, r, root, &w, err);
    const cJSON *tips = NULL;
    if (st == CQ_OK)
        st = cq__json_array(root, "tips", true, false, CQ_MAX_LIST_ITEMS, &w, &tips, err);
    if (st == CQ_OK) {
        r->tip_count = (size_t)cJSON_GetArraySize(tips);
        r->tips = cq__arena_alloc(&m->arena, r->tip_count, sizeof *r->tips);
        if (!r->tips)
            st = nomem(err, file);
    }
    size_t i = 0;
    for (const cJSON *t = tips ? tips->child : NULL; st == CQ_OK && t; t = t->next, i++)
        st = load_tip(m, r, t, i, &w, err);
    if (st == CQ_OK)
        st = load_targets(m, r, root, &w, err);
    cJSON_Delete(root);
    return st;
}

static int by_id(const void *a, const void *b)
{
    return strcmp(((const cq_role_def *)a)->id, ((const cq_role_def *)b)->id);
}

/* The tip of `role` that gives `advice`, or CQ_NONE. */
static size_t find_advice(const cq_role_def *role, const char *advice)
{
    for (size_t t = 0; t < role->tip_count; t++)
        if (strcmp(role->tips[t].advice, advice) == 0)
            return t;
    return CQ_NONE;
}

static bool cite_a_common_article(const cq_tip_def *x, const cq_tip_def *y)
{
    for (size_t i = 0; i < x->source_count; i++)
        if (in_list(y->sources, y->source_count, x->sources[i]))
            return true;
    return false;
}

/*
 * A tip shared with another role is the same article advice given to both: that role exists,
 * has a tip with the same advice that names this role back, and the two tips cite an article
 * in common (an article that covers both roles).
 */
static cq_status check_shared_tips(const cq_model *m, cq_error *err)
{
    for (size_t r = 0; r < m->role_count; r++) {
        const cq_role_def *role = &m->roles[r];
        for (size_t t = 0; t < role->tip_count; t++) {
            const cq_tip_def *tip = &role->tips[t];
            for (size_t s = 0; s < tip->shared_count; s++) {
                const char *other_id = tip->shared_with[s];
                size_t o = cq_model_find_role(m, other_id);
                if (o == CQ_NONE || o == r)
                    return cq__fail(err, CQ_ERR_INVALID, role->file, other_id,
                                    "role \"%s\", tip %zu: shared_with names \"%.64s\", which "
                                    "is not another role",
                                    role->id, t + 1, other_id);
                const cq_role_def *other = &m->roles[o];
                size_t u = find_advice(other, tip->advice);
                const char *problem =
                    u == CQ_NONE ? "which has no tip with the same advice"
                    : !in_list(other->tips[u].shared_with, other->tips[u].shared_count, role->id)
                        ? "whose tip with the same advice is not shared back"
                    : !cite_a_common_article(tip, &other->tips[u])
                        ? "but the two tips cite no article in common"
                        : NULL;
                if (problem)
                    return cq__fail(err, CQ_ERR_INVALID, role->file, other_id,
                                    "role \"%s\", tip %zu (\"%.64s\"): shared with \"%s\", %s",
                                    role->id, t + 1, tip->advice, other_id, problem);
            }
        }
    }
    return CQ_OK;
}

cq_status cq__profiles_load(cq_model *m, const cq_source *sources, size_t count, cq_error *err)
{
    if (count == 0)
        return cq__fail(err, CQ_ERR_INVALID, "profiles", NULL, "there are no role profiles");
    if (count > CQ_MAX_ROLES)
        return cq__fail(err, CQ_ERR_LIMIT, "profiles", NULL, "more than %d role profiles",
                        CQ_MAX_ROLES);
    m->roles = cq__arena_alloc(&m->arena, count, sizeof *m->roles);
    if (!m->roles)
        return nomem(err, sources[0].name);
    for (size_t i = 0; i < count; i++) {
        cq_status st = load_profile(m, &sources[i], &m->roles[i], err);
        if (st != CQ_OK)
            return st;
        m->role_count++;
    }
    qsort(m->roles, m->role_count, sizeof *m->roles, by_id);
    return check_shared_tips(m, err);
}
