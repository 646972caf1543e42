/* serve_form.c: the fields of a posted HTML form (application/x-www-form-urlencoded). */

#include <microhttpd.h>
#include <stdlib.h>
#include <string.h>

#include "serve.h"

void serve_form_release(struct serve_form *form)
{
    free(form->buffer);
    free(form->names);
    free(form->values);
    memset(form, 0, sizeof *form);
}

/* Decodes one name or value in place: '+' is a space, %HH a byte (libmicrohttpd's unescaper).
 * A decoded NUL is refused, since fields are C strings. Returns false on a NUL. */
static bool decode(char *text, size_t len)
{
    for (size_t i = 0; i < len; i++)
        if (text[i] == '+')
            text[i] = ' ';
    size_t decoded = MHD_http_unescape(text);
    return strlen(text) == decoded;
}

bool serve_form_parse(const char *body, size_t size, struct serve_form *form)
{
    size_t fields = 1;

    memset(form, 0, sizeof *form);
    if (memchr(body, '\0', size))
        return false;
    for (size_t i = 0; i < size; i++)
        fields += body[i] == '&';
    if (fields > SERVE_MAX_FORM_FIELDS)
        return false;
    form->buffer = malloc(size + 1);
    form->names = calloc(fields, sizeof *form->names);
    form->values = calloc(fields, sizeof *form->values);
    if (!form->buffer || !form->names || !form->values)
        goto fail;
    memcpy(form->buffer, body, size);
    form->buffer[size] = '\0';

    for (char *pair = form->buffer, *next; pair; pair = next) {
        next = strchr(pair, '&');
        if (next)
            *next++ = '\0';
        if (*pair == '\0')
            continue; /* "a=1&&b=2" and a trailing '&' */
        char *value = strchr(pair, '=');
        if (value)
            *value++ = '\0';
        else
            value = pair + strlen(pair); /* "flag" alone: an empty value */
        if (!decode(pair, strlen(pair)) || !decode(value, strlen(value)))
            goto fail;
        form->names[form->count] = pair;
        form->values[form->count] = value;
        form->count++;
    }
    return true;
fail:
    serve_form_release(form);
    return false;
}

const char *serve_form_get(const struct serve_form *form, const char *name)
{
    for (size_t i = 0; i < form->count; i++)
        if (strcmp(form->names[i], name) == 0)
            return form->values[i];
    return NULL;
}
