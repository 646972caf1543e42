/* earlier.c: answers written for an earlier version of the bank: what became of each (the bank's
 * "earlier" list), carried over to the current questions or refused with what changed. */
#include "internal.h"

#include <stdio.h>
#include <string.h>

static const char *const earlier_keys[] = {"version", "changes", NULL};
static const char *const change_keys[] = {"question", "option", "to", "drop",
                                          "refuse",   "why",    NULL};
static const char *const target_keys[] = {"question", "option", NULL};

static cq_status nomem(cq_error *err, const char *file)
{
    return cq__fail(err, CQ_ERR_NOMEM, file, NULL, "out of memory loading the question bank");
}

static char *copy(cq_model *m, const char *text)
{
    return text ? cq__arena_strdup(&m->arena, text) : NULL;
}

/* Reads an optional {"question", "option"} target of a move and checks it names the current
 * bank: answers are carried to a question (and option) that exists. */
static cq_status load_target(cq_model *m, const cJSON *to, const cq_json_where *w,
                             cq_earlier_rule *rule, cq_error *err)
{
    const char *question = NULL, *option = NULL;
    cq_status st = cq__json_object(to, w, "to", err);
    if (st == CQ_OK)
        st = cq__json_known_keys(to, target_keys, w, err);
    if (st == CQ_OK)
        st = cq__json_string(to, "question", true, CQ_MAX_ID_BYTES, w, &question, err);
    if (st == CQ_OK)
        st = cq__json_string(to, "option", false, CQ_MAX_ID_BYTES, w, &option, err);
    if (st != CQ_OK)
        return st;
    size_t q = cq_model_find_question(m, question);
    if (q == CQ_NONE)
        return cq__fail(err, CQ_ERR_INVALID, w->file, question,
                        "%s: moves answers to question \"%s\", which the bank does not have",
                        w->what, question);
    if (option && cq_question_find_option(m, q, option) == CQ_NONE)
        return cq__fail(err, CQ_ERR_INVALID, w->file, option,
                        "%s: moves answers to option \"%s\", which question \"%s\" does not have",
                        w->what, option, question);
    if (m->questions[q].type == CQ_SCALE)
        return cq__fail(err, CQ_ERR_INVALID, w->file, question,
                        "%s: answers move only to choice questions, and \"%s\" is a scale", w->what,
                        question);
    if (!(rule->to_question = copy(m, question)) ||
        (option && !(rule->to_option = copy(m, option))))
        return nomem(err, w->file);
    return CQ_OK;
}

static cq_status load_change(cq_model *m, const cJSON *node, const char *file, const char *version,
                             size_t index, cq_earlier_rule *rule, cq_error *err)
{
    char what[CQ_MAX_ID_BYTES + 48];
    snprintf(what, sizeof what, "earlier version \"%.*s\", change %zu", CQ_MAX_ID_BYTES, version,
             index + 1);
    cq_json_where w = {file, NULL, what};
    const char *question = NULL, *option = NULL, *why = NULL;
    bool drop = false, refuse = false;
    cq_status st = cq__json_object(node, &w, "changes[]", err);
    if (st == CQ_OK)
        st = cq__json_known_keys(node, change_keys, &w, err);
    if (st == CQ_OK)
        st = cq__json_string(node, "question", true, CQ_MAX_ID_BYTES, &w, &question, err);
    if (st == CQ_OK)
        st = cq__json_string(node, "option", false, CQ_MAX_ID_BYTES, &w, &option, err);
    if (st == CQ_OK)
        st = cq__json_string(node, "why", true, CQ_MAX_TEXT_BYTES, &w, &why, err);
    if (st == CQ_OK)
        st = cq__json_bool(node, "drop", false, &w, &drop, err);
    if (st == CQ_OK)
        st = cq__json_bool(node, "refuse", false, &w, &refuse, err);
    if (st != CQ_OK)
        return st;
    w.id = question;
    const cJSON *to = cq__json_get(node, "to");
    if ((to != NULL) + drop + refuse != 1)
        return cq__fail(err, CQ_ERR_INVALID, file, question,
                        "%s: give exactly one of \"to\", \"drop\": true and \"refuse\": true",
                        what);
    if (!(rule->question = copy(m, question)) || (option && !(rule->option = copy(m, option))) ||
        !(rule->why = copy(m, why)))
        return nomem(err, file);
    rule->action = to ? CQ_EARLIER_MOVE : drop ? CQ_EARLIER_DROP : CQ_EARLIER_REFUSE;
    return to ? load_target(m, to, &w, rule, err) : CQ_OK;
}

/* One entry of "earlier": {"version", "changes": [...]}. */
static cq_status load_version(cq_model *m, const cJSON *node, const char *file, cq_error *err)
{
    cq_json_where w = {file, NULL, "earlier version"};
    const char *version = NULL;
    const cJSON *changes = NULL;
    cq_status st = cq__json_object(node, &w, "earlier[]", err);
    if (st == CQ_OK)
        st = cq__json_known_keys(node, earlier_keys, &w, err);
    if (st == CQ_OK)
        st = cq__json_string(node, "version", true, CQ_MAX_ID_BYTES, &w, &version, err);
    if (st == CQ_OK)
        st = cq__json_array(node, "changes", true, false, CQ_MAX_LIST_ITEMS, &w, &changes, err);
    if (st != CQ_OK)
        return st;
    for (size_t i = 0; i < m->earlier_count; i++)
        if (strcmp(m->earlier[i].version, version) == 0)
            return cq__fail(err, CQ_ERR_INVALID, file, NULL,
                            "earlier version \"%s\" is listed twice", version);
    if (m->earlier_count >= CQ_MAX_LIST_ITEMS)
        return cq__fail(err, CQ_ERR_LIMIT, file, NULL, "more than %d earlier versions",
                        CQ_MAX_LIST_ITEMS);
    cq_earlier *e = &m->earlier[m->earlier_count];
    e->rule_count = (size_t)cJSON_GetArraySize(changes);
    e->rules = cq__arena_alloc(&m->arena, e->rule_count, sizeof *e->rules);
    if (!e->rules || !(e->version = copy(m, version)))
        return nomem(err, file);
    size_t i = 0;
    for (const cJSON *c = changes->child; c; c = c->next, i++)
        if ((st = load_change(m, c, file, version, i, &e->rules[i], err)) != CQ_OK)
            return st;
    m->earlier_count++;
    return CQ_OK;
}

cq_status cq__earlier_load(cq_model *m, const cJSON *root, const char *file, cq_error *err)
{
    cq_json_where w = {file, NULL, "the bank"};
    const cJSON *list = NULL;
    cq_status st = cq__json_array(root, "earlier", false, true, CQ_MAX_LIST_ITEMS, &w, &list, err);
    if (st != CQ_OK || !list)
        return st;
    if (!m->earlier &&
        !(m->earlier = cq__arena_alloc(&m->arena, CQ_MAX_LIST_ITEMS, sizeof *m->earlier)))
        return nomem(err, file);
    for (const cJSON *item = list->child; st == CQ_OK && item; item = item->next)
        st = load_version(m, item, file, err);
    return st;
}

cq_status cq__earlier_check(const cq_model *m, const char *file, cq_error *err)
{
    for (size_t i = 0; i < m->earlier_count; i++)
        if (strcmp(m->earlier[i].version, m->version) == 0)
            return cq__fail(err, CQ_ERR_INVALID, file, NULL,
                            "earlier version \"%s\" is the bank's own version", m->version);
    return CQ_OK;
}

/* ---- applying ------------------------------------------------------------------------------ */

/* The rule of version e for an answer: the one naming this option, else one for the whole
 * question (option NULL matches only that). NULL when the answer carries over as it is. */
static const cq_earlier_rule *find_rule(const cq_earlier *e, const char *question,
                                        const char *option)
{
    const cq_earlier_rule *whole = NULL;
    for (size_t i = 0; i < e->rule_count; i++) {
        const cq_earlier_rule *r = &e->rules[i];
        if (strcmp(r->question, question) != 0)
            continue;
        if (!r->option)
            whole = r;
        else if (option && strcmp(r->option, option) == 0)
            return r;
    }
    return whole;
}

const char *cq__earlier_why(const cq_model *m, const char *question, const char *option,
                            const char **version)
{
    for (size_t i = m->earlier_count; i-- > 0;) {
        const cq_earlier_rule *r = find_rule(&m->earlier[i], question, option);
        if (r) {
            *version = m->earlier[i].version;
            return r->why;
        }
    }
    return NULL;
}

/* The new answers being built, and the questions that received answers moved from another. */
typedef struct carried {
    cJSON *answers;
    const char *merged[CQ_MAX_QUESTIONS];
    size_t merged_count;
} carried;

/* Adds one option id to the answer of `question` in the new answers, as the current bank's type
 * of that question wants it: a list item for a multi-choice question, the value for a single. */
static cq_status put_option(carried *c, const cq_model *m, const char *question, const char *option,
                            bool moved, const char *file, cq_error *err)
{
    size_t q = cq_model_find_question(m, question);
    cJSON *have = cJSON_GetObjectItemCaseSensitive(c->answers, question);
    if (q != CQ_NONE && m->questions[q].type == CQ_SINGLE) {
        if (have)
            return cq__fail(err, CQ_ERR_INVALID, file, question,
                            "two answers of the earlier bank both become the answer to "
                            "question \"%s\"",
                            question);
        return cJSON_AddStringToObject(c->answers, question, option)
                   ? CQ_OK
                   : cq__fail(err, CQ_ERR_NOMEM, file, NULL, "out of memory reading answers");
    }
    if (!have && !(have = cJSON_AddArrayToObject(c->answers, question)))
        return cq__fail(err, CQ_ERR_NOMEM, file, NULL, "out of memory reading answers");
    for (const cJSON *e = have->child; e; e = e->next)
        if (cJSON_IsString(e) && strcmp(e->valuestring, option) == 0)
            return CQ_OK; /* two old options that became one */
    cJSON *item = cJSON_CreateString(option);
    if (!item || !cJSON_AddItemToArray(have, item)) {
        cJSON_Delete(item);
        return cq__fail(err, CQ_ERR_NOMEM, file, NULL, "out of memory reading answers");
    }
    if (moved && c->merged_count < CQ_MAX_QUESTIONS)
        c->merged[c->merged_count++] = question;
    return CQ_OK;
}

static cq_status refuse(const cq_earlier *e, const cq_earlier_rule *r, const char *question,
                        const char *option, const char *file, cq_error *err)
{
    if (option)
        return cq__fail(err, CQ_ERR_INVALID, file, question,
                        "answer \"%.64s\" to question \"%s\" of bank %s does not carry over: %s",
                        option, question, e->version, r->why);
    return cq__fail(err, CQ_ERR_INVALID, file, question,
                    "the answer to question \"%s\" of bank %s does not carry over: %s", question,
                    e->version, r->why);
}

/* Whether an answer is option ids: one id, or a list of ids. */
static bool chooses_options(const cJSON *v)
{
    if (cJSON_IsString(v))
        return true;
    if (!cJSON_IsArray(v))
        return false;
    for (const cJSON *item = v->child; item; item = item->next)
        if (!cJSON_IsString(item))
            return false;
    return true;
}

/* Whether a rule of e applies to any part of an answer to question q. */
static bool has_rule(const cq_earlier *e, const char *q, const cJSON *v)
{
    if (find_rule(e, q, NULL))
        return true;
    if (cJSON_IsString(v))
        return find_rule(e, q, v->valuestring) != NULL;
    for (const cJSON *item = v->child; item; item = item->next)
        if (find_rule(e, q, item->valuestring))
            return true;
    return false;
}

static cq_status copy_answer(carried *c, const cJSON *v, const char *file, cq_error *err)
{
    cJSON *same = cJSON_Duplicate(v, true);
    if (!same || !cJSON_AddItemToObject(c->answers, v->string, same)) {
        cJSON_Delete(same);
        return cq__fail(err, CQ_ERR_NOMEM, file, NULL, "out of memory reading answers");
    }
    return CQ_OK;
}

/* Carries one answer (the member v of the old answers object) into c: each chosen option by
 * the rule for it, else by the rule for its whole question, else as it is. */
static cq_status carry_answer(carried *c, const cq_model *m, const cq_earlier *e, const cJSON *v,
                              const char *file, cq_error *err)
{
    const char *q = v->string;
    if (!chooses_options(v)) { /* a scale value, null or a malformed answer */
        const cq_earlier_rule *whole = find_rule(e, q, NULL);
        if (whole && whole->action == CQ_EARLIER_REFUSE)
            return refuse(e, whole, q, NULL, file, err);
        if (whole && whole->action == CQ_EARLIER_DROP)
            return CQ_OK;
        return copy_answer(c, v, file, err); /* for the parser to judge */
    }
    if (!has_rule(e, q, v))
        return copy_answer(c, v, file, err);
    if (cJSON_IsArray(v) && !v->child && !cJSON_AddArrayToObject(c->answers, q))
        return cq__fail(err, CQ_ERR_NOMEM, file, NULL, "out of memory reading answers");
    const cJSON *item = cJSON_IsArray(v) ? v->child : v;
    for (; item; item = cJSON_IsArray(v) ? item->next : NULL) {
        const char *o = item->valuestring;
        const cq_earlier_rule *r = find_rule(e, q, o);
        cq_status st = CQ_OK;
        if (!r)
            st = put_option(c, m, q, o, false, file, err);
        else if (r->action == CQ_EARLIER_REFUSE)
            st = refuse(e, r, q, r->option ? o : NULL, file, err);
        else if (r->action == CQ_EARLIER_MOVE)
            st = put_option(c, m, r->to_question, r->to_option ? r->to_option : o,
                            strcmp(r->to_question, q) != 0, file, err);
        if (st != CQ_OK)
            return st;
    }
    return CQ_OK;
}

/* In a list that took options from another question, "None of these yet" next to something is
 * what one old question said and the other did not: the options win. */
static void drop_lone_exclusives(carried *c, const cq_model *m)
{
    for (size_t i = 0; i < c->merged_count; i++) {
        size_t q = cq_model_find_question(m, c->merged[i]);
        cJSON *list = cJSON_GetObjectItemCaseSensitive(c->answers, c->merged[i]);
        if (q == CQ_NONE || !cJSON_IsArray(list) || cJSON_GetArraySize(list) < 2)
            continue;
        for (cJSON *e = list->child, *next; e; e = next) {
            next = e->next;
            size_t o = cq_question_find_option(m, q, e->valuestring);
            if (o != CQ_NONE && m->questions[q].options[o].exclusive &&
                cJSON_GetArraySize(list) > 1)
                cJSON_Delete(cJSON_DetachItemViaPointer(list, e));
        }
    }
}

cq_status cq__earlier_carry(const cq_model *m, const char *file, const char *version,
                            const cJSON *answers, cJSON **out, cq_error *err)
{
    const cq_earlier *e = NULL;
    for (size_t i = 0; version && i < m->earlier_count && !e; i++)
        if (strcmp(m->earlier[i].version, version) == 0)
            e = &m->earlier[i];
    *out = NULL;
    if (!e)
        return CQ_OK; /* the current bank's answers, or a version it does not know */
    carried c = {cJSON_CreateObject(), {NULL}, 0};
    if (!c.answers)
        return cq__fail(err, CQ_ERR_NOMEM, file, NULL, "out of memory reading answers");
    cq_status st = CQ_OK;
    for (const cJSON *v = answers->child; st == CQ_OK && v; v = v->next)
        st = carry_answer(&c, m, e, v, file, err);
    if (st != CQ_OK) {
        cJSON_Delete(c.answers);
        return st;
    }
    drop_lone_exclusives(&c, m);
    *out = c.answers;
    return CQ_OK;
}
