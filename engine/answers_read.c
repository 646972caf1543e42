/* answers_read.c: cq_answers_parse. Reads an answers document in the one pass of the strict
 * JSON check (cq__json_scan), straight into cq_answers, without a cJSON tree or a malloc per
 * value; what it declines goes the long way (cq__answers_parse_tree, answers.c). */
#include "internal.h"

#include <string.h>

/*
 * The reader takes only documents it is sure of, with the same checks as the long way in
 * answers.c: strict JSON (the scan's own), no repeated key in any object, an object at the
 * top, "version" 1 when present, "answers" an object of known questions, each answer of its
 * question's type and range, options known and not repeated. Anything else, including what
 * the long way would accept but words differently (a key or id with an escape, a version or
 * scale answer written as 1.0), it declines, and cq_answers_parse reads the text the long way,
 * which finds and words the error. So the reader only ever speeds up a document that would be
 * accepted anyway, and the answers it builds are made by the same setters.
 */

/* Keys held for the repeat check: those of all objects open at one time. More: declined. */
#define READ_MAX_KEYS 256

typedef enum top_key { TOP_OTHER, TOP_VERSION, TOP_ANSWERS } top_key;

typedef struct key_text {
    const char *text;
    size_t length;
} key_text;

typedef struct reader {
    cq_answers *a;
    top_key pending;   /* the top-level key whose value comes next */
    bool in_answers;   /* inside the "answers" object (depth 2) */
    bool seen_answers; /* it was there */
    size_t question;   /* in "answers": the question whose answer comes next */
    bool in_list;      /* inside a multiple-choice answer's array (depth 3) */
    size_t chosen[CQ_MAX_OPTIONS], count;
    key_text keys[READ_MAX_KEYS];
    size_t key_count;
    size_t object_keys[CQ_MAX_JSON_DEPTH + 1]; /* where the keys of the object at a depth start */
} reader;

static bool is(const cq_json_event *e, const char *word)
{
    return strlen(word) == e->length && memcmp(e->text, word, e->length) == 0;
}

/* A whole number without fraction or exponent, small enough for any scale. */
static bool whole_number(const cq_json_event *e, long *out)
{
    size_t i = e->text[0] == '-';
    long v = 0;
    if (e->length == i || e->length - i > 9)
        return false;
    for (; i < e->length; i++) {
        if (e->text[i] < '0' || e->text[i] > '9')
            return false;
        v = v * 10 + (e->text[i] - '0');
    }
    *out = e->text[0] == '-' ? -v : v;
    return true;
}

/* An id as a C string in buf (CQ_MAX_ID_BYTES + 1 bytes); false when it cannot be one as is. */
static bool id_text(const cq_json_event *e, char *buf)
{
    if (e->escaped || e->length > CQ_MAX_ID_BYTES)
        return false;
    memcpy(buf, e->text, e->length);
    buf[e->length] = '\0';
    return true;
}

/* The question named id. Files list the questions in the bank's order, mostly (the quiz, the kiosk
 * and batch's generators write them so): the one after `after` is looked at first. */
static size_t find_question(const cq_model *m, size_t after, const char *id)
{
    size_t next = after == CQ_NONE ? 0 : after + 1;
    if (next < m->question_count && strcmp(m->questions[next].id, id) == 0)
        return next;
    return cq_model_find_question(m, id);
}

/* A key: declined when it repeats one of its object's (compared raw: there are no escapes). */
static bool read_key(reader *r, const cq_json_event *e)
{
    if (e->escaped || r->key_count == READ_MAX_KEYS)
        return false;
    for (size_t i = r->object_keys[e->depth]; i < r->key_count; i++)
        if (r->keys[i].length == e->length && memcmp(r->keys[i].text, e->text, e->length) == 0)
            return false;
    r->keys[r->key_count++] = (key_text){e->text, e->length};
    /* Answers saved with a bank version (perhaps an earlier one, to be carried over to the
     * current questions) go the long way, which knows how. */
    if (e->depth == 1 && is(e, "bank_version"))
        return false;
    if (e->depth == 1)
        r->pending = is(e, "version") ? TOP_VERSION : is(e, "answers") ? TOP_ANSWERS : TOP_OTHER;
    if (e->depth == 2 && r->in_answers) {
        char id[CQ_MAX_ID_BYTES + 1];
        if (!id_text(e, id))
            return false;
        r->question = find_question(r->a->model, r->question, id);
        return r->question != CQ_NONE;
    }
    return true;
}

/* One answer that is not a list: null, a scale's number or a single choice's option. */
static bool read_answer(reader *r, const cq_json_event *e)
{
    const cq_model *m = r->a->model;
    const cq_question_def *d = &m->questions[r->question];
    char id[CQ_MAX_ID_BYTES + 1];
    long value;
    size_t o;
    if (e->token == CQ_JSON_WORD) {
        if (!is(e, "null"))
            return false;
        cq_answers_skip(r->a, r->question); /* null marks a question skipped */
        return true;
    }
    if (e->token == CQ_JSON_NUMBER)
        return d->type == CQ_SCALE && whole_number(e, &value) && value >= d->min &&
               value <= d->max && cq_answers_set_scale(r->a, r->question, value, NULL) == CQ_OK;
    return e->token == CQ_JSON_STRING && d->type == CQ_SINGLE && id_text(e, id) &&
           (o = cq_question_find_option(m, r->question, id)) != CQ_NONE &&
           cq_answers_set_option(r->a, r->question, o, NULL) == CQ_OK;
}

/* One option of a multiple choice's list, not listed before. */
static bool read_option(reader *r, const cq_json_event *e)
{
    char id[CQ_MAX_ID_BYTES + 1];
    size_t o;
    if (e->token != CQ_JSON_STRING || !id_text(e, id) ||
        (o = cq_question_find_option(r->a->model, r->question, id)) == CQ_NONE ||
        r->count == CQ_MAX_OPTIONS)
        return false;
    for (size_t i = 0; i < r->count; i++)
        if (r->chosen[i] == o)
            return false;
    r->chosen[r->count++] = o;
    return true;
}

/* A value that is not a container. Outside the version and the answers it is only checked. */
static bool read_scalar(reader *r, const cq_json_event *e)
{
    long version;
    if (e->depth == 0)
        return false; /* the document is not an object */
    if (e->depth == 1) {
        if (r->pending == TOP_VERSION)
            return e->token == CQ_JSON_NUMBER && whole_number(e, &version) &&
                   version == CQ__ANSWERS_FORMAT_VERSION;
        return r->pending == TOP_OTHER;
    }
    if (e->depth == 2 && r->in_answers)
        return read_answer(r, e);
    if (e->depth == 3 && r->in_list)
        return read_option(r, e);
    return true;
}

static bool read_open(reader *r, const cq_json_event *e)
{
    bool object = e->token == CQ_JSON_OPEN_OBJECT;
    if (e->depth == 1 && !object)
        return false;
    if (e->depth == 2 && r->pending == TOP_VERSION)
        return false;
    if (e->depth == 2 && r->pending == TOP_ANSWERS) {
        if (!object)
            return false;
        r->in_answers = r->seen_answers = true;
    }
    if (e->depth == 3 && r->in_answers) { /* an answer: only a multiple choice takes a list */
        if (object || r->a->model->questions[r->question].type != CQ_MULTI)
            return false;
        r->in_list = true;
        r->count = 0;
    }
    if (e->depth == 4 && r->in_list)
        return false;
    if (object)
        r->object_keys[e->depth] = r->key_count;
    return true;
}

static bool read_close(reader *r, const cq_json_event *e)
{
    if (e->token == CQ_JSON_CLOSE_OBJECT)
        r->key_count = r->object_keys[e->depth];
    if (e->depth == 3 && r->in_list) {
        r->in_list = false;
        return cq_answers_set_options(r->a, r->question, r->chosen, r->count, NULL) == CQ_OK;
    }
    if (e->depth == 2)
        r->in_answers = false;
    return true;
}

static bool visit(void *user, const cq_json_event *e)
{
    reader *r = user;
    switch (e->token) {
    case CQ_JSON_KEY:
        return read_key(r, e);
    case CQ_JSON_OPEN_OBJECT:
    case CQ_JSON_OPEN_ARRAY:
        return read_open(r, e);
    case CQ_JSON_CLOSE_OBJECT:
    case CQ_JSON_CLOSE_ARRAY:
        return read_close(r, e);
    default:
        return read_scalar(r, e);
    }
}

cq_status cq__answers_read(const cq_model *model, const char *file, const char *json, size_t size,
                           cq_answers **out, bool *declined, cq_error *err)
{
    cq_answers *a = NULL;
    cq_status st = cq_answers_new(model, &a, err);
    *declined = false;
    if (st != CQ_OK)
        return st;
    reader r = {.a = a, .question = CQ_NONE};
    cq_json_visitor visitor = {visit, &r};
    st = cq__json_scan(file, json, size, &visitor, declined, err);
    if (st == CQ_OK && !*declined && !r.seen_answers)
        *declined = true;
    if (st != CQ_OK || *declined) {
        cq_answers_free(a);
        return *declined ? CQ_OK : st;
    }
    *out = a;
    return CQ_OK;
}

cq_status cq_answers_parse(const cq_model *model, const char *name, const char *json, size_t size,
                           cq_answers **out, cq_error *err)
{
    if (!model || !out || (!json && size))
        return cq__fail(err, CQ_ERR_ARG, name, NULL, "invalid argument to cq_answers_parse");
    const char *file = name ? name : "answers";
    if (size > CQ_MAX_ANSWERS_BYTES)
        return cq__fail(err, CQ_ERR_LIMIT, file, NULL, "answers file is larger than %u bytes",
                        CQ_MAX_ANSWERS_BYTES);
    /* Most documents are read in one pass (above); the rest the long way, with a
     * cJSON tree, which finds and words every error. */
    cq_answers *a = NULL;
    bool declined = false;
    cq_status st = cq__answers_read(model, file, json ? json : "", size, &a, &declined, err);
    if (st != CQ_OK || !declined) {
        if (st == CQ_OK)
            *out = a;
        return st;
    }
    return cq__answers_parse_tree(model, file, json ? json : "", size, out, err);
}
