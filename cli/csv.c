/* csv.c: writes CSV as RFC 4180 says: fields quoted when needed, records ended by CRLF. */

#include <string.h>

#include "csv.h"
#include "json_write.h"

void csv_field(FILE *out, bool first, const char *text)
{
    if (!first)
        putc(',', out);
    if (!text[strcspn(text, ",\"\r\n")]) {
        fputs(text, out);
        return;
    }
    putc('"', out);
    for (; *text; text++) {
        if (*text == '"')
            putc('"', out);
        putc(*text, out);
    }
    putc('"', out);
}

void csv_number(FILE *out, bool first, double value, int decimals)
{
    if (!first)
        putc(',', out);
    json_put_number(out, value, decimals); /* JSON's number form is CSV-safe */
}

void csv_end(FILE *out)
{
    fputs("\r\n", out);
}
