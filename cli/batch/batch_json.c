/* batch_json.c: writes batch results as compact JSON lines, fast: each line is built in one
 * reused buffer from pieces made once per model (a role's id and title never change). */

#include <stdlib.h>
#include <string.h>

#include "batch_line.h"
#include "json_write.h"

/* Appends n bytes. Returns false when out of memory (the buffer is left as it was). */
static bool put(struct batch_json *w, const char *s, size_t n)
{
    if (w->len + n > w->cap) {
        size_t cap = w->cap ? w->cap : 1024;
        char *grown;

        while (cap < w->len + n)
            cap *= 2;
        grown = realloc(w->buf, cap);
        if (!grown)
            return false;
        w->buf = grown;
        w->cap = cap;
    }
    memcpy(w->buf + w->len, s, n);
    w->len += n;
    return true;
}

static bool put_str(struct batch_json *w, const char *s)
{
    return put(w, s, strlen(s));
}

/* Appends s as a JSON string, escaped as json_write.h's json_string_unit says. (Only the
 * pieces made once per model go through here, so unit by unit is fast enough.) */
static bool put_json_string(struct batch_json *w, const char *s)
{
    size_t len = strlen(s);
    char esc[JSON_UNIT_MAX];
    bool ok = put(w, "\"", 1);

    for (size_t i = 0, n; ok && i < len; i += n) {
        n = json_string_unit(s + i, len - i, esc);
        ok = esc[0] ? put_str(w, esc) : put(w, s + i, n);
    }
    return ok && put(w, "\"", 1);
}

/* A score as every other output shows it: cq_round1, then "74.5", or "31" for 31.0 (as
 * score --json prints it). Written without printf, which was a third of batch's time. */
static bool put_score(struct batch_json *w, double value)
{
    double rounded = cq_round1(value);
    long tenths = (long)(rounded * 10.0 + (rounded < 0 ? -0.5 : 0.5));
    char digits[32], *p = digits + sizeof digits;
    unsigned long whole;

    if (tenths < 0 ? !put(w, "-", 1) : false)
        return false;
    if (tenths < 0)
        tenths = -tenths;
    if (tenths % 10) {
        *--p = (char)('0' + tenths % 10);
        *--p = '.';
    }
    whole = (unsigned long)(tenths / 10);
    do {
        *--p = (char)('0' + whole % 10);
        whole /= 10;
    } while (whole);
    return put(w, p, (size_t)(digits + sizeof digits - p));
}

void batch_json_release(struct batch_json *w)
{
    for (size_t r = 0; w->roles && r < w->role_count; r++)
        free(w->roles[r]);
    free(w->roles);
    free(w->ids);
    free(w->head);
    free(w->buf);
    memset(w, 0, sizeof *w);
}

/* Moves the buffer's contents into a new NUL-terminated string, or NULL. */
static char *take(struct batch_json *w)
{
    char *s = put(w, "", 1) ? malloc(w->len) : NULL;

    if (s)
        memcpy(s, w->buf, w->len);
    w->len = 0;
    return s;
}

bool batch_json_init(struct batch_json *w, const cq_model *model)
{
    size_t roles = cq_model_role_count(model);
    bool ok;

    memset(w, 0, sizeof *w);
    w->model = model;
    w->role_count = roles;
    w->roles = calloc(roles, sizeof *w->roles);
    w->ids = calloc(roles, sizeof *w->ids);
    ok = w->roles && w->ids && put_str(w, ",\"bank_version\":") &&
         put_json_string(w, cq_model_version(model)) && (w->head = take(w)) != NULL;
    for (size_t r = 0; ok && r < roles; r++) {
        /* {"id":"ml-engineer","title":"Machine Learning Engineer","score": */
        ok = put_str(w, "{\"id\":") && put_json_string(w, cq_role_id(model, r)) &&
             put_str(w, ",\"title\":") && put_json_string(w, cq_role_title(model, r)) &&
             put_str(w, ",\"score\":") && (w->roles[r] = take(w)) != NULL;
        /* The id alone, quoted, for the lists of ids, kept after the fragment's {"id": */
        w->ids[r] = ok ? w->roles[r] + strlen("{\"id\":") : NULL;
    }
    if (!ok)
        batch_json_release(w);
    return ok;
}

/* Appends a quoted role id: the fragment's id, up to its comma. */
static bool put_id(struct batch_json *w, size_t role)
{
    const char *id = w->ids[role];

    return put(w, id, strcspn(id, ",")); /* ids are slugs: no comma inside */
}

static bool put_role(struct batch_json *w, const cq_result *result, size_t role)
{
    return put_str(w, w->roles[role]) && put_score(w, cq_result_score(result, role)) &&
           put(w, "}", 1);
}

bool batch_json_write(struct batch_json *w, FILE *out, const cq_result *result, unsigned long line)
{
    size_t ranked = cq_result_rank_count(result), close = cq_result_close_count(result);
    char number[32];
    bool ok;

    w->len = 0;
    snprintf(number, sizeof number, "{\"line\":%lu", line);
    ok = put_str(w, number) && put_str(w, w->head) && put_str(w, ",\"recommendation\":") &&
         put_role(w, result, cq_result_role_at(result, 0)) && put_str(w, ",\"ranking\":[");
    for (size_t i = 0; ok && i < ranked; i++)
        ok = (i == 0 || put(w, ",", 1)) && put_role(w, result, cq_result_role_at(result, i));
    ok = ok && put(w, "]", 1);
    if (ok && cq_result_education_filter(result)) {
        ok = put_str(w, ",\"education_filtered\":[");
        for (size_t i = 0; ok && i < cq_result_filtered_count(result); i++)
            ok = (i == 0 || put(w, ",", 1)) && put_id(w, cq_result_filtered_at(result, i));
        ok = ok && put(w, "]", 1);
    }
    ok = ok && put_str(w, ",\"margin\":") && put_score(w, cq_result_margin(result)) &&
         put_str(w, close > 1 ? ",\"close_call\":true,\"close_to_top\":["
                              : ",\"close_call\":false,\"close_to_top\":[");
    for (size_t i = 1; ok && i < close; i++)
        ok = (i == 1 || put(w, ",", 1)) && put_id(w, cq_result_role_at(result, i));
    ok = ok && put_str(w, "]}\n");
    if (!ok)
        return false;
    return fwrite(w->buf, 1, w->len, out) == w->len;
}
