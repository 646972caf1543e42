/* json_build.c: helpers that build cJSON output trees and print them into context memory. */
#include "internal.h"

#include <string.h>

cq_status cq__json_emit(const cq_context *ctx, cJSON *tree, char **out, size_t *size, cq_error *err)
{
    char *printed = tree ? cJSON_Print(tree) : NULL;
    cJSON_Delete(tree);
    if (!printed)
        return cq__fail(err, CQ_ERR_NOMEM, NULL, NULL, "out of memory writing JSON");
    /* Copy into the context's memory so callers free everything the same way. */
    size_t n = strlen(printed);
    char *copy = cq__alloc(ctx, n + 2);
    if (!copy) {
        cJSON_free(printed);
        return cq__fail(err, CQ_ERR_NOMEM, NULL, NULL, "out of memory writing JSON");
    }
    memcpy(copy, printed, n);
    copy[n] = '\n';
    copy[n + 1] = '\0';
    cJSON_free(printed);
    *out = copy;
    if (size)
        *size = n + 1;
    return CQ_OK;
}

/* Builders return false when an allocation failed; the caller deletes the whole tree. */

bool cq__json_add_string(cJSON *object, const char *key, const char *value)
{
    return cJSON_AddStringToObject(object, key, value) != NULL;
}

bool cq__json_add_number(cJSON *object, const char *key, double value)
{
    return cJSON_AddNumberToObject(object, key, value) != NULL;
}

bool cq__json_push_string(cJSON *array, const char *value)
{
    cJSON *item = cJSON_CreateString(value);
    if (!item || !cJSON_AddItemToArray(array, item)) {
        cJSON_Delete(item);
        return false;
    }
    return true;
}

bool cq__json_add_strings(cJSON *object, const char *key, const char *const *items, size_t count)
{
    cJSON *list = cJSON_AddArrayToObject(object, key);
    for (size_t i = 0; list && i < count; i++)
        if (!cq__json_push_string(list, items[i]))
            return false;
    return list != NULL;
}

cJSON *cq__json_push_object(cJSON *array)
{
    cJSON *o = cJSON_CreateObject();
    if (o && !cJSON_AddItemToArray(array, o)) {
        cJSON_Delete(o);
        return NULL;
    }
    return o;
}
