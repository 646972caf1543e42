/* json_input.c: strict parsing of JSON text and typed reading of its fields. */
#include "internal.h"

#include <math.h>
#include <string.h>

/* Line and column (1-based, column in UTF-8 characters) of byte offset `at` in text. */
static void locate(const char *text, size_t at, int *line, int *column)
{
    int l = 1, c = 1;
    for (size_t i = 0; i < at; i++) {
        if (text[i] == '\n') {
            l++;
            c = 1;
        } else if (((unsigned char)text[i] & 0xC0) != 0x80) {
            c++;
        }
    }
    *line = l;
    *column = c;
}

/* Finds duplicate keys and excessive depth; returns the first offending node's key. */
static cq_status check_tree(const cJSON *node, int depth, const char *name, cq_error *err)
{
    if (depth > CQ_MAX_JSON_DEPTH)
        return cq__fail(err, CQ_ERR_LIMIT, name, NULL, "JSON nests deeper than %d levels",
                        CQ_MAX_JSON_DEPTH);
    for (const cJSON *child = node->child; child; child = child->next) {
        if (cJSON_IsObject(node)) {
            for (const cJSON *later = child->next; later; later = later->next)
                if (strcmp(child->string, later->string) == 0)
                    return cq__fail(err, CQ_ERR_INVALID, name, child->string,
                                    "duplicate key \"%s\"", child->string);
        }
        cq_status st = check_tree(child, depth + 1, name, err);
        if (st != CQ_OK)
            return st;
    }
    return CQ_OK;
}

cq_status cq__json_parse(const cq_context *ctx, const char *name, const char *data, size_t size,
                         cJSON **out, cq_error *err)
{
    /* cJSON needs a terminator; a private copy also lets us spot a NUL before the end. */
    if (size == SIZE_MAX)
        return cq__fail(err, CQ_ERR_LIMIT, name, NULL, "file is too large");
    char *text = cq__alloc(ctx, size + 1);
    if (!text)
        return cq__fail(err, CQ_ERR_NOMEM, name, NULL, "out of memory parsing JSON");
    if (size)
        memcpy(text, data, size);
    text[size] = '\0';

    /* Parse one value, then allow only JSON whitespace up to the end: cJSON's own check
     * treats every byte up to 32, NUL included, as whitespace. */
    const char *end = NULL;
    cJSON *tree = cJSON_ParseWithLengthOpts(text, size + 1, &end, 0);
    if (tree && end)
        end += strspn(end, " \t\r\n");
    cq_status st = CQ_OK;
    if (!tree || end != text + size) {
        size_t at = end && end >= text && end <= text + size ? (size_t)(end - text) : size;
        int line, column;
        locate(text, at, &line, &column);
        if (size == 0 || strspn(text, " \t\r\n") == size)
            st = cq__fail(err, CQ_ERR_SYNTAX, name, NULL, "malformed JSON: the file is empty");
        else if (tree)
            st = cq__fail(err, CQ_ERR_SYNTAX, name, NULL,
                          "malformed JSON: unexpected text after the document");
        else if (at >= size)
            st = cq__fail(err, CQ_ERR_SYNTAX, name, NULL,
                          "malformed JSON: the document ends too early");
        else
            st = cq__fail(err, CQ_ERR_SYNTAX, name, NULL, "malformed JSON");
        cq__fail_at(err, line, column);
        cJSON_Delete(tree);
        tree = NULL;
    } else {
        st = check_tree(tree, 1, name, err);
    }
    cq_free(ctx, text);
    if (st != CQ_OK) {
        cJSON_Delete(tree);
        return st;
    }
    *out = tree;
    return CQ_OK;
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
    if (v < min || v > max)
        return cq__fail(err, CQ_ERR_INVALID, w->file, w->id,
                        "%s: \"%s\" is %.0f, outside %.0f..%.0f", w->what, key, v, min, max);
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
