/* json_write.c: writes JSON strings and numbers straight to a stream (batch and stats output). */

#include <math.h>
#include <string.h>

#include "json_write.h"
#include "safe_text.h"

size_t json_string_unit(const char *s, size_t len, char esc[JSON_UNIT_MAX])
{
    char shown[SAFE_SHOWN_MAX];
    size_t n = safe_unit(s, len, 0, shown);

    esc[0] = '\0';
    if (s[0] == '"' || s[0] == '\\') {
        esc[0] = '\\';
        esc[1] = s[0];
        esc[2] = '\0';
    } else if (s[0] == '\n') {
        memcpy(esc, "\\n", 3);
    } else if (shown[0] == '\\' && shown[1] == 'u') {
        memcpy(esc, shown, 7); /* \u0085, \u202e: already JSON */
    } else if (shown[0] && (unsigned char)s[0] >= 0x80) {
        memcpy(esc, "\\ufffd", 7); /* not UTF-8, so not JSON either */
    } else if (shown[0]) {
        memcpy(esc, "\\u00", 4); /* a C0 control or DEL, by number */
        memcpy(esc + 4, s[0] == '\t' ? "09" : s[0] == '\r' ? "0d" : shown + 2, 2);
        esc[6] = '\0';
    }
    return n;
}

/* Writes len bytes of a JSON string's text, each unit as json_string_unit says. */
static void put_string_text(FILE *out, const char *s, size_t len)
{
    char esc[JSON_UNIT_MAX];

    for (size_t i = 0, n; i < len; i += n) {
        n = json_string_unit(s + i, len - i, esc);
        if (esc[0])
            fputs(esc, out);
        else
            fwrite(s + i, 1, n, out);
    }
}

void json_put_string(FILE *out, const char *s)
{
    putc('"', out);
    put_string_text(out, s, strlen(s));
    putc('"', out);
}

void json_put_string_or_null(FILE *out, const char *s)
{
    if (s)
        json_put_string(out, s);
    else
        fputs("null", out);
}

void json_put_member(FILE *out, const char *lead, const char *s)
{
    fputs(lead, out);
    json_put_string_or_null(out, s);
}

void json_write_safe(FILE *out, const char *json, size_t len)
{
    char esc[JSON_UNIT_MAX];
    size_t plain = 0; /* bytes before json[i] that pass, not written yet */

    for (size_t i = 0, n; i < len; i += n) {
        unsigned char c = (unsigned char)json[i];
        if ((c >= 0x20 && c < 0x7F) || c == '\n' || c == '\t') { /* most of it: passes as it is */
            n = 1;
            plain++;
            continue;
        }
        /* Quotes, backslashes and the newlines and tabs between values are the JSON's own. */
        n = json_string_unit(json + i, len - i, esc);
        if (esc[0] && json[i] != '"' && json[i] != '\\' && json[i] != '\n' && json[i] != '\t') {
            fwrite(json + i - plain, 1, plain, out);
            fputs(esc, out);
            plain = 0;
        } else {
            plain += n;
        }
    }
    fwrite(json + len - plain, 1, plain, out);
}

void json_put_number(FILE *out, double value, int decimals)
{
    if (!isfinite(value)) { /* JSON has no infinity: a database can hold 1e999 all the same */
        fputs("null", out);
        return;
    }
    double scale = pow(10.0, decimals);
    /* Half away from zero, as cq_round1 does; + 0.0 turns -0 into 0. */
    double rounded =
        (value < 0 ? -floor(-value * scale + 0.5) : floor(value * scale + 0.5)) / scale;

    fprintf(out, "%.15g", rounded + 0.0);
}
