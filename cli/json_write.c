/* json_write.c: writes JSON strings and numbers straight to a stream (batch and stats output). */

#include <math.h>

#include "json_write.h"

void json_put_string(FILE *out, const char *s)
{
    static const char hex[] = "0123456789abcdef";

    putc('"', out);
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;

        if (c == '"' || c == '\\') {
            putc('\\', out);
            putc(c, out);
        } else if (c == '\n') {
            fputs("\\n", out);
        } else if (c < 0x20) {
            fprintf(out, "\\u00%c%c", hex[c >> 4], hex[c & 15]);
        } else {
            putc(c, out);
        }
    }
    putc('"', out);
}

void json_put_number(FILE *out, double value, int decimals)
{
    double scale = pow(10.0, decimals);
    /* Half away from zero, as cq_round1 does; + 0.0 turns -0 into 0. */
    double rounded =
        (value < 0 ? -floor(-value * scale + 0.5) : floor(value * scale + 0.5)) / scale;

    fprintf(out, "%.15g", rounded + 0.0);
}
