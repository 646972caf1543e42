/* answers.c: a person's answers: setting, validating, parsing the long way, and saving them. */
#include "internal.h"

#include <stdio.h>
#include <string.h>

#define ANSWERS_FORMAT_VERSION CQ__ANSWERS_FORMAT_VERSION

cq_status cq_answers_new(const cq_model *model, cq_answers **out, cq_error *err)
{
    if (!model || !out)
        return cq__fail(err, CQ_ERR_ARG, NULL, NULL, "invalid argument to cq_answers_new");
    const cq_context *ctx = model->ctx;
    size_t n = model->question_count;
    cq_answers *a = cq__calloc(ctx, 1, sizeof *a);
    if (a) {
        a->model = model;
        a->answered = cq__calloc(ctx, n, sizeof *a->answered);
        a->skipped = cq__calloc(ctx, n, sizeof *a->skipped);
        a->selected = cq__calloc(ctx, n, sizeof *a->selected);
        a->value = cq__calloc(ctx, n, sizeof *a->value);
    }
    if (!a || !a->answered || !a->skipped || !a->selected || !a->value) {
        cq_answers_free(a);
        return cq__fail(err, CQ_ERR_NOMEM, NULL, NULL, "out of memory for answers");
    }
    *out = a;
    return CQ_OK;
}

void cq_answers_free(cq_answers *a)
{
    if (!a)
        return;
    const cq_context *ctx = a->model->ctx;
    cq_free(ctx, a->answered);
    cq_free(ctx, a->skipped);
    cq_free(ctx, a->selected);
    cq_free(ctx, a->value);
    cq_free(ctx, a);
}

cq_status cq_answers_clone(const cq_answers *answers, cq_answers **out, cq_error *err)
{
    if (!answers || !out)
        return cq__fail(err, CQ_ERR_ARG, NULL, NULL, "invalid argument to cq_answers_clone");
    cq_answers *copy = NULL;
    cq_status st = cq_answers_new(answers->model, &copy, err);
    if (st != CQ_OK)
        return st;
    size_t n = answers->model->question_count;
    memcpy(copy->answered, answers->answered, n * sizeof *copy->answered);
    memcpy(copy->skipped, answers->skipped, n * sizeof *copy->skipped);
    memcpy(copy->selected, answers->selected, n * sizeof *copy->selected);
    memcpy(copy->value, answers->value, n * sizeof *copy->value);
    copy->this_bank = answers->this_bank;
    *out = copy;
    return CQ_OK;
}

/* ---- setting ------------------------------------------------------------------------------- */

static cq_status bad_question(const cq_answers *a, size_t q, cq_error *err)
{
    if (!a)
        return cq__fail(err, CQ_ERR_ARG, NULL, NULL, "no answers given");
    return cq__fail(err, CQ_ERR_ARG, NULL, NULL, "question index %zu is out of range", q);
}

cq_status cq_answers_set_options(cq_answers *a, size_t q, const size_t *options, size_t count,
                                 cq_error *err)
{
    if (!a || q >= a->model->question_count)
        return bad_question(a, q, err);
    const cq_question_def *d = &a->model->questions[q];
    if (d->type == CQ_SCALE)
        return cq__fail(err, CQ_ERR_INVALID, NULL, d->id,
                        "question \"%s\" takes a number from %d to %d, not an option", d->id,
                        d->min, d->max);
    if (count == 0)
        return cq__fail(err, CQ_ERR_INVALID, NULL, d->id,
                        "question \"%s\" needs at least one option", d->id);
    if (d->type == CQ_SINGLE && count > 1)
        return cq__fail(err, CQ_ERR_INVALID, NULL, d->id,
                        "question \"%s\" takes one option, not %zu", d->id, count);
    uint32_t mask = 0;
    bool exclusive = false;
    for (size_t i = 0; i < count; i++) {
        if (!options || options[i] >= d->option_count)
            return cq__fail(err, CQ_ERR_ARG, NULL, d->id,
                            "question \"%s\" has no option number %zu", d->id,
                            options ? options[i] + 1 : 0);
        uint32_t bit = (uint32_t)1 << options[i];
        if (mask & bit)
            return cq__fail(err, CQ_ERR_INVALID, NULL, d->options[options[i]].id,
                            "question \"%s\": option \"%s\" is chosen twice", d->id,
                            d->options[options[i]].id);
        mask |= bit;
        exclusive |= d->options[options[i]].exclusive;
    }
    if (exclusive && count > 1)
        for (size_t i = 0; i < count; i++)
            if (d->options[options[i]].exclusive)
                return cq__fail(err, CQ_ERR_INVALID, NULL, d->options[options[i]].id,
                                "question \"%s\": option \"%s\" cannot be combined with others",
                                d->id, d->options[options[i]].id);
    a->answered[q] = true;
    a->skipped[q] = false;
    a->selected[q] = mask;
    a->value[q] = 0;
    return CQ_OK;
}

cq_status cq_answers_set_option(cq_answers *a, size_t q, size_t option, cq_error *err)
{
    return cq_answers_set_options(a, q, &option, 1, err);
}

cq_status cq_answers_set_scale(cq_answers *a, size_t q, long value, cq_error *err)
{
    if (!a || q >= a->model->question_count)
        return bad_question(a, q, err);
    const cq_question_def *d = &a->model->questions[q];
    if (d->type != CQ_SCALE)
        return cq__fail(err, CQ_ERR_INVALID, NULL, d->id, "question \"%s\" takes %s, not a number",
                        d->id, d->type == CQ_SINGLE ? "one option" : "a list of options");
    if (value < d->min || value > d->max)
        return cq__fail(err, CQ_ERR_INVALID, NULL, d->id,
                        "question \"%s\" takes a number from %d to %d, not %ld", d->id, d->min,
                        d->max, value);
    a->answered[q] = true;
    a->skipped[q] = false;
    a->selected[q] = 0;
    a->value[q] = value;
    return CQ_OK;
}

void cq_answers_clear(cq_answers *a, size_t q)
{
    if (a && q < a->model->question_count) {
        a->answered[q] = false;
        a->skipped[q] = false;
        a->selected[q] = 0;
        a->value[q] = 0;
    }
}

void cq_answers_skip(cq_answers *a, size_t q)
{
    if (a && q < a->model->question_count) {
        cq_answers_clear(a, q);
        a->skipped[q] = true;
    }
}

bool cq_answers_skipped(const cq_answers *a, size_t q)
{
    return a && q < a->model->question_count && a->skipped[q];
}

bool cq_answers_of_this_bank(const cq_answers *a)
{
    return a && a->this_bank;
}

/* ---- reading ------------------------------------------------------------------------------- */

bool cq_answers_has(const cq_answers *a, size_t q)
{
    return a && q < a->model->question_count && a->answered[q];
}

size_t cq_answers_count(const cq_answers *a)
{
    size_t n = 0;
    for (size_t q = 0; a && q < a->model->question_count; q++)
        n += a->answered[q];
    return n;
}

size_t cq_answers_first_unanswered(const cq_answers *a)
{
    size_t q = 0;
    while (q < a->model->question_count && (a->answered[q] || a->skipped[q]))
        q++;
    return q;
}

bool cq_answers_complete(const cq_answers *a)
{
    for (size_t q = 0; q < a->model->question_count; q++)
        if (a->model->questions[q].required && !a->answered[q])
            return false;
    return true;
}

static unsigned popcount32(uint32_t x)
{
    unsigned n = 0;
    for (; x; x &= x - 1)
        n++;
    return n;
}

size_t cq_answers_option_count(const cq_answers *a, size_t q)
{
    return cq_answers_has(a, q) ? popcount32(a->selected[q]) : 0;
}

size_t cq_answers_option(const cq_answers *a, size_t q, size_t i)
{
    if (!cq_answers_has(a, q))
        return CQ_NONE;
    for (size_t o = 0, seen = 0; o < a->model->questions[q].option_count; o++)
        if ((a->selected[q] >> o) & 1u) {
            if (seen == i)
                return o;
            seen++;
        }
    return CQ_NONE;
}

bool cq_answers_selected(const cq_answers *a, size_t q, size_t option)
{
    return cq_answers_has(a, q) && option < 32 && ((a->selected[q] >> option) & 1u);
}

long cq_answers_scale(const cq_answers *a, size_t q)
{
    return cq_answers_has(a, q) ? a->value[q] : 0;
}

size_t cq__answer_effects(const cq_answers *a, size_t q, cq_effect *out)
{
    if (!a->answered[q])
        return 0;
    return cq__question_effects(&a->model->questions[q], a->selected[q], a->value[q], out);
}

/* ---- parsing ------------------------------------------------------------------------------ */

static cq_status unknown_option(const cq_model *m, const cq_question_def *d, const cJSON *v,
                                const char *file, cq_error *err)
{
    const char *version = NULL, *why = cq__earlier_why(m, d->id, v->valuestring, &version);
    if (why)
        return cq__fail(err, CQ_ERR_INVALID, file, v->valuestring,
                        "unknown option \"%.64s\" for question \"%s\" (changed after bank %s: %s)",
                        v->valuestring, d->id, version, why);
    return cq__fail(err, CQ_ERR_INVALID, file, v->valuestring,
                    "unknown option \"%.64s\" for question \"%s\"", v->valuestring, d->id);
}

static cq_status unknown_question(const cq_model *m, const char *id, const char *file,
                                  cq_error *err)
{
    const char *version = NULL, *why = cq__earlier_why(m, id, NULL, &version);
    if (why)
        return cq__fail(err, CQ_ERR_INVALID, file, id,
                        "unknown question \"%.64s\" (changed after bank %s: %s)", id, version, why);
    return cq__fail(err, CQ_ERR_INVALID, file, id, "unknown question \"%.64s\"", id);
}

static cq_status parse_one(cq_answers *a, size_t q, const cJSON *v, const char *file, cq_error *err)
{
    const cq_question_def *d = &a->model->questions[q];
    cq_status st;
    if (cJSON_IsNull(v)) {
        cq_answers_skip(a, q); /* null marks a question skipped */
        return CQ_OK;
    }
    if (d->type == CQ_SCALE) {
        char what[CQ_MAX_ID_BYTES + 16];
        snprintf(what, sizeof what, "question \"%s\"", d->id);
        cq_json_where w = {file, d->id, what};
        long value = 0;
        if (!cJSON_IsNumber(v))
            return cq__fail(err, CQ_ERR_INVALID, file, d->id,
                            "question \"%s\" takes a whole number from %d to %d, not %s", d->id,
                            d->min, d->max, cq__json_type_name(v));
        if ((st = cq__json_integer(v, "answer", d->min, d->max, &w, &value, err)) != CQ_OK)
            return st;
        st = cq_answers_set_scale(a, q, value, err);
    } else if (d->type == CQ_SINGLE) {
        if (!cJSON_IsString(v))
            return cq__fail(err, CQ_ERR_INVALID, file, d->id,
                            "question \"%s\" takes one option id (a string), not %s", d->id,
                            cq__json_type_name(v));
        size_t o = cq_question_find_option(a->model, q, v->valuestring);
        if (o == CQ_NONE)
            return unknown_option(a->model, d, v, file, err);
        st = cq_answers_set_option(a, q, o, err);
    } else {
        if (!cJSON_IsArray(v))
            return cq__fail(err, CQ_ERR_INVALID, file, d->id,
                            "question \"%s\" takes a list of option ids, not %s", d->id,
                            cq__json_type_name(v));
        size_t chosen[CQ_MAX_OPTIONS], count = 0;
        for (const cJSON *item = v->child; item; item = item->next) {
            if (!cJSON_IsString(item))
                return cq__fail(err, CQ_ERR_INVALID, file, d->id,
                                "question \"%s\": options must be ids (strings), not %s", d->id,
                                cq__json_type_name(item));
            size_t o = cq_question_find_option(a->model, q, item->valuestring);
            if (o == CQ_NONE)
                return unknown_option(a->model, d, item, file, err);
            for (size_t i = 0; i < count; i++)
                if (chosen[i] == o)
                    return cq__fail(err, CQ_ERR_INVALID, file, item->valuestring,
                                    "question \"%s\": option \"%s\" is listed twice", d->id,
                                    item->valuestring);
            chosen[count++] = o; /* distinct options, so count <= option_count */
        }
        st = cq_answers_set_options(a, q, chosen, count, err);
    }
    if (st != CQ_OK && err && !err->file[0])
        snprintf(err->file, sizeof err->file, "%s", file);
    return st;
}

/*
 * Points err at the key of the answer to `question` in the file's answers object (an answer
 * carried over from an earlier bank is reported where the file has it). Counting keys finds it
 * even when an earlier object has a key of the same name, or the key is written with escapes.
 */
static void locate_answer(const char *json, size_t size, const cJSON *root, const cJSON *answers,
                          const char *question, cq_error *err)
{
    for (const cJSON *v = question ? answers->child : NULL; v; v = v->next)
        if (strcmp(v->string, question) == 0) {
            cq__json_locate_key(json, size, cq__json_key_number(root, v), err);
            return;
        }
}

/* The long way: a cJSON tree of the whole document, checked field by field; answers saved
 * with an earlier bank are carried over to the current questions first. */
cq_status cq__answers_parse_tree(const cq_model *model, const char *file, const char *json,
                                 size_t size, cq_answers **out, cq_error *err)
{
    cq_answers *a = NULL;
    cJSON *root = NULL;
    cq_json_where w = {file, NULL, "answers file"};
    cq_status st = cq__json_parse(model->ctx, file, json, size, &root, err);
    if (st == CQ_OK)
        st = cq__json_object(root, &w, "(top level)", err);
    const cJSON *version = st == CQ_OK ? cq__json_get(root, "version") : NULL;
    if (version) {
        long v = 0;
        st = cq__json_integer(version, "version", ANSWERS_FORMAT_VERSION, ANSWERS_FORMAT_VERSION,
                              &w, &v, err);
    }
    const cJSON *answers = st == CQ_OK ? cq__json_get(root, "answers") : NULL;
    if (st == CQ_OK && !answers)
        st = cq__fail(err, CQ_ERR_INVALID, file, NULL,
                      "answers file: required field \"answers\" is missing");
    if (st == CQ_OK)
        st = cq__json_object(answers, &w, "answers", err);
    /* Answers saved with an earlier bank are carried over to the current questions first. */
    const char *bank_version = NULL;
    cJSON *carried = NULL;
    if (st == CQ_OK)
        st = cq__json_string(root, "bank_version", false, CQ_MAX_ID_BYTES, &w, &bank_version, err);
    if (st == CQ_OK &&
        (st = cq__earlier_carry(model, file, bank_version, answers, &carried, err)) != CQ_OK && err)
        locate_answer(json, size, root, answers, err->id, err);
    if (st == CQ_OK)
        st = cq_answers_new(model, &a, err);
    const cJSON *read = carried ? carried : answers;
    for (const cJSON *v = read ? read->child : NULL; st == CQ_OK && v; v = v->next) {
        size_t q = cq_model_find_question(model, v->string);
        if (q == CQ_NONE)
            st = unknown_question(model, v->string, file, err);
        else
            st = parse_one(a, q, v, file, err);
        if (st != CQ_OK && err && err->line == 0)
            locate_answer(json, size, root, answers, carried ? v->string : NULL, err);
        if (st != CQ_OK && err && err->line == 0 && !carried)
            cq__json_locate_key(json, size, cq__json_key_number(root, v), err);
    }
    if (st == CQ_OK)
        a->this_bank = bank_version && strcmp(bank_version, model->version) == 0;
    cJSON_Delete(carried);
    cJSON_Delete(root);
    if (st != CQ_OK) {
        cq_answers_free(a);
        return st;
    }
    *out = a;
    return CQ_OK;
}

/* ---- saving ------------------------------------------------------------------------------ */

cJSON *cq__answer_json(const cq_answers *a, size_t q)
{
    const cq_question_def *d = &a->model->questions[q];
    if (!a->answered[q])
        return cJSON_CreateNull();
    if (d->type == CQ_SCALE)
        return cJSON_CreateNumber((double)a->value[q]);
    if (d->type == CQ_SINGLE)
        return cJSON_CreateString(d->options[cq_answers_option(a, q, 0)].id);
    cJSON *list = cJSON_CreateArray();
    for (size_t o = 0; list && o < d->option_count; o++) {
        if (!((a->selected[q] >> o) & 1u))
            continue;
        cJSON *item = cJSON_CreateString(d->options[o].id);
        if (!item || !cJSON_AddItemToArray(list, item)) {
            cJSON_Delete(item);
            cJSON_Delete(list);
            return NULL;
        }
    }
    return list;
}

cq_status cq_answers_to_json(const cq_answers *a, char **out, size_t *size, cq_error *err)
{
    if (!a || !out)
        return cq__fail(err, CQ_ERR_ARG, NULL, NULL, "invalid argument to cq_answers_to_json");
    cJSON *root = cJSON_CreateObject();
    cJSON *answers = NULL;
    bool ok = root && cJSON_AddNumberToObject(root, "version", ANSWERS_FORMAT_VERSION) &&
              cJSON_AddStringToObject(root, "bank_version", a->model->version) &&
              (answers = cJSON_AddObjectToObject(root, "answers")) != NULL;
    for (size_t q = 0; ok && q < a->model->question_count; q++) {
        if (!a->answered[q] && !a->skipped[q])
            continue;
        /* A skip is written as null, so that take --resume does not ask it again. */
        cJSON *item = cq__answer_json(a, q);
        ok = item && cJSON_AddItemToObject(answers, a->model->questions[q].id, item);
        if (!ok)
            cJSON_Delete(item);
    }
    if (!ok) {
        cJSON_Delete(root);
        root = NULL;
    }
    return cq__json_emit(a->model->ctx, root, out, size, err);
}
