/* json_input.c: strict parsing of JSON text and typed reading of its fields. */
#include "internal.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* An object member, for finding repeated keys by sorting instead of comparing every pair. */
typedef struct keyed_member {
    const char *key;
    size_t index; /* position in the object */
    const cJSON *node;
} keyed_member;

static int by_key_then_index(const void *a, const void *b)
{
    const keyed_member *x = a, *y = b;
    int c = strcmp(x->key, y->key);
    if (c)
        return c;
    return x->index < y->index ? -1 : x->index > y->index;
}

/*
 * Returns the member where a key first repeats, looking at objects in document order, or
 * NULL. `scratch` holds as many members as the largest object has. The recursion is as deep
 * as the tree, which cq__json_check capped at CQ_MAX_JSON_DEPTH.
 */
static const cJSON *find_repeat(const cJSON *node, keyed_member *scratch)
{
    if (cJSON_IsObject(node) && scratch) {
        size_t n = 0;
        for (const cJSON *child = node->child; child; child = child->next, n++)
            scratch[n] = (keyed_member){child->string, n, child};
        qsort(scratch, n, sizeof *scratch, by_key_then_index);
        const keyed_member *repeat = NULL;
        for (size_t i = 1; i < n; i++)
            if (strcmp(scratch[i - 1].key, scratch[i].key) == 0 &&
                (!repeat || scratch[i].index < repeat->index))
                repeat = &scratch[i];
        if (repeat)
            return repeat->node;
    }
    for (const cJSON *child = node->child; child; child = child->next) {
        const cJSON *repeat = find_repeat(child, scratch);
        if (repeat)
            return repeat;
    }
    return NULL;
}

/* Counts the keys before `member` in document order; true once it is found. */
static bool count_keys(const cJSON *node, const cJSON *member, size_t *count)
{
    for (const cJSON *child = node->child; child; child = child->next) {
        if (cJSON_IsObject(node)) {
            if (child == member)
                return true;
            (*count)++;
        }
        if (count_keys(child, member, count))
            return true;
    }
    return false;
}

size_t cq__json_key_number(const cJSON *root, const cJSON *member)
{
    size_t count = 0;
    return count_keys(root, member, &count) ? count : CQ_NONE;
}

cq_status cq__json_parse(const cq_context *ctx, const char *name, const char *data, size_t size,
                         cJSON **out, cq_error *err)
{
    size_t max_members = 0;
    cq_status st = cq__json_check(name, data, size, &max_members, err);
    if (st != CQ_OK)
        return st;
    /* A private copy with a terminator, so cJSON never depends on reading only `size` bytes. */
    char *text = cq__alloc(ctx, size + 1);
    keyed_member *scratch = max_members > 1 ? cq__calloc(ctx, max_members, sizeof *scratch) : NULL;
    cJSON *tree = NULL;
    if (text && (scratch || max_members < 2)) {
        memcpy(text, data, size);
        text[size] = '\0';
        /* The text was checked, so cJSON can only fail here for want of memory. */
        tree = cJSON_ParseWithLength(text, size + 1);
    }
    const cJSON *repeat = tree ? find_repeat(tree, scratch) : NULL;
    if (!tree) {
        st = cq__fail(err, CQ_ERR_NOMEM, name, NULL, "out of memory parsing JSON");
    } else if (repeat) {
        st = cq__fail(err, CQ_ERR_INVALID, name, repeat->string, "duplicate key \"%.64s\"",
                      repeat->string);
        cq__json_locate_key(data, size, cq__json_key_number(tree, repeat), err);
        cJSON_Delete(tree);
    } else {
        *out = tree;
    }
    cq_free(ctx, text);
    cq_free(ctx, scratch);
    return st;
}

const char *cq__json_type_name(const cJSON *node)
{
    if (!node)
        return "nothing";
    if (cJSON_IsString(node))
        return "a string";
    if (cJSON_IsNumber(node))
        return "a number";
    if (cJSON_IsBool(node))
        return "a boolean";
    if (cJSON_IsNull(node))
        return "null";
    if (cJSON_IsArray(node))
        return "an array";
    if (cJSON_IsObject(node))
        return "an object";
    return "an unknown value";
}

const cJSON *cq__json_get(const cJSON *object, const char *key)
{
    return cJSON_GetObjectItemCaseSensitive(object, key);
}

static cq_status wrong_type(const cJSON *node, const char *key, const char *wanted,
                            const cq_json_where *w, cq_error *err)
{
    return cq__fail(err, CQ_ERR_INVALID, w->file, w->id, "%s: \"%s\" must be %s, not %s", w->what,
                    key, wanted, cq__json_type_name(node));
}

static cq_status missing(const char *key, const cq_json_where *w, cq_error *err)
{
    return cq__fail(err, CQ_ERR_INVALID, w->file, w->id, "%s: required field \"%s\" is missing",
                    w->what, key);
}

cq_status cq__json_object(const cJSON *node, const cq_json_where *w, const char *key, cq_error *err)
{
    if (cJSON_IsObject(node))
        return CQ_OK;
    return wrong_type(node, key, "an object", w, err);
}

cq_status cq__json_string(const cJSON *object, const char *key, bool required, size_t max_bytes,
                          const cq_json_where *w, const char **out, cq_error *err)
{
    const cJSON *node = cq__json_get(object, key);
    if (!node) {
        if (required)
            return missing(key, w, err);
        *out = NULL;
        return CQ_OK;
    }
    if (!cJSON_IsString(node))
        return wrong_type(node, key, "a string", w, err);
    size_t n = strlen(node->valuestring);
    if (n > max_bytes)
        return cq__fail(err, CQ_ERR_LIMIT, w->file, w->id, "%s: \"%s\" is longer than %zu bytes",
                        w->what, key, max_bytes);
    if (required && strspn(node->valuestring, " \t\r\n") == n)
        return cq__fail(err, CQ_ERR_INVALID, w->file, w->id, "%s: \"%s\" is empty", w->what, key);
    *out = node->valuestring;
    return CQ_OK;
}

cq_status cq__json_number(const cJSON *object, const char *key, bool required, double min,
                          double max, const cq_json_where *w, double *out, cq_error *err)
{
    const cJSON *node = cq__json_get(object, key);
    if (!node) {
        if (required)
            return missing(key, w, err);
        return CQ_OK; /* *out keeps the caller's default */
    }
    if (!cJSON_IsNumber(node))
        return wrong_type(node, key, "a number", w, err);
    double v = node->valuedouble;
    if (!isfinite(v) || v < min || v > max)
        return cq__fail(err, CQ_ERR_INVALID, w->file, w->id, "%s: \"%s\" is %g, outside %g..%g",
                        w->what, key, v, min, max);
    *out = v;
    return CQ_OK;
}

cq_status cq__json_integer(const cJSON *node, const char *key, double min, double max,
                           const cq_json_where *w, long *out, cq_error *err)
{
    if (!cJSON_IsNumber(node))
        return wrong_type(node, key, "an integer", w, err);
    double v = node->valuedouble;
    if (!isfinite(v) || v != floor(v))
        return cq__fail(err, CQ_ERR_INVALID, w->file, w->id, "%s: \"%s\" must be an integer",
                        w->what, key);
    if (v < min || v > max) /* %g: a value such as 1e300 must not fill the message */
        return cq__fail(err, CQ_ERR_INVALID, w->file, w->id, "%s: \"%s\" is %g, outside %g..%g",
                        w->what, key, v, min, max);
    *out = (long)v;
    return CQ_OK;
}

cq_status cq__json_bool(const cJSON *object, const char *key, bool fallback, const cq_json_where *w,
                        bool *out, cq_error *err)
{
    const cJSON *node = cq__json_get(object, key);
    if (!node) {
        *out = fallback;
        return CQ_OK;
    }
    if (!cJSON_IsBool(node))
        return wrong_type(node, key, "true or false", w, err);
    *out = cJSON_IsTrue(node);
    return CQ_OK;
}

cq_status cq__json_array(const cJSON *object, const char *key, bool required, bool allow_empty,
                         size_t max, const cq_json_where *w, const cJSON **out, cq_error *err)
{
    const cJSON *node = cq__json_get(object, key);
    if (!node) {
        if (required)
            return missing(key, w, err);
        *out = NULL;
        return CQ_OK;
    }
    if (!cJSON_IsArray(node))
        return wrong_type(node, key, "an array", w, err);
    size_t n = (size_t)cJSON_GetArraySize(node);
    if (n == 0 && !allow_empty)
        return cq__fail(err, CQ_ERR_INVALID, w->file, w->id, "%s: \"%s\" is empty", w->what, key);
    if (n > max)
        return cq__fail(err, CQ_ERR_LIMIT, w->file, w->id,
                        "%s: \"%s\" has %zu items, more than the limit of %zu", w->what, key, n,
                        max);
    *out = node;
    return CQ_OK;
}

cq_status cq__check_id(const char *id, const cq_json_where *w, const char *key, cq_error *err)
{
    size_t n = strlen(id);
    if (n == 0)
        return cq__fail(err, CQ_ERR_INVALID, w->file, w->id, "%s: \"%s\" is empty", w->what, key);
    if (n > CQ_MAX_ID_BYTES)
        return cq__fail(err, CQ_ERR_LIMIT, w->file, id,
                        "%s: id \"%.40s...\" is longer than %d bytes", w->what, id,
                        CQ_MAX_ID_BYTES);
    for (size_t i = 0; i < n; i++) {
        char c = id[i];
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'))
            return cq__fail(err, CQ_ERR_INVALID, w->file, id,
                            "%s: id \"%s\" may only hold lowercase letters, digits and '-'",
                            w->what, id);
    }
    return CQ_OK;
}

cq_status cq__json_known_keys(const cJSON *object, const char *const *keys, const cq_json_where *w,
                              cq_error *err)
{
    for (const cJSON *child = object->child; child; child = child->next) {
        bool known = false;
        for (size_t i = 0; keys[i] && !known; i++)
            known = strcmp(child->string, keys[i]) == 0;
        if (!known)
            return cq__fail(err, CQ_ERR_INVALID, w->file, w->id, "%s: unknown field \"%.64s\"",
                            w->what, child->string);
    }
    return CQ_OK;
}
