/* csv.c: writes CSV as RFC 4180 says: fields quoted when needed, records ended by CRLF. */

#include <math.h>
#include <string.h>

#include "csv.h"
#include "json_write.h"
#include "safe_text.h"

/* Whether text is a plain decimal number ("-2", "74.5"): a spreadsheet reads it as a number,
 * never as a formula, so a leading minus is left alone. */
static bool is_number(const char *text)
{
    const char *p = text + (*text == '-' || *text == '+');
    size_t digits = strspn(p, "0123456789");

    if (digits == 0)
        return false;
    p += digits;
    if (*p == '.' && p[1] >= '0' && p[1] <= '9')
        p += 1 + strspn(p + 1, "0123456789");
    return *p == '\0';
}

void csv_field(FILE *out, bool first, const char *text)
{
    /* OWASP's advice against CSV injection: a cell a spreadsheet would run as a formula
     * (=, +, -, @, tab or CR first) starts with a quote mark, inside double quotes. */
    bool formula = strchr("=+-@\t\r", text[0]) && text[0] && !is_number(text);
    size_t len = strlen(text);
    char shown[SAFE_SHOWN_MAX];

    if (!first)
        putc(',', out);
    if (!formula && !text[strcspn(text, ",\"\r\n")] && safe_is_plain(text, len, SAFE_LINES)) {
        fputs(text, out);
        return;
    }
    putc('"', out);
    if (formula)
        putc('\'', out);
    for (size_t i = 0, n; i < len; i += n) {
        n = safe_unit(text + i, len - i, SAFE_LINES, shown);
        if (shown[0])
            fputs(shown, out); /* a control character, shown: CR too, a line ends with CRLF */
        else if (text[i] == '"')
            fputs("\"\"", out);
        else
            fwrite(text + i, 1, n, out);
    }
    putc('"', out);
}

void csv_number(FILE *out, bool first, double value, int decimals)
{
    if (!first)
        putc(',', out);
    if (isfinite(value)) /* an infinite number stays an empty cell, as JSON's null */
        json_put_number(out, value, decimals); /* JSON's number form is CSV-safe */
}

void csv_end(FILE *out)
{
    fputs("\r\n", out);
}
