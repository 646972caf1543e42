/* safe_text.c: the one gate that text from outside passes before it is shown. */
#include "safe_text.h"

#include <string.h>

/* Decodes one UTF-8 character strictly (no overlong forms, no surrogates, nothing above
 * U+10FFFF). Returns its length in bytes, or 0 when s does not start with one. */
static size_t decode_utf8(const unsigned char *s, size_t len, unsigned long *code)
{
    unsigned long c;
    size_t n, i;

    if (s[0] < 0x80) {
        *code = s[0];
        return 1;
    }
    if (s[0] >= 0xC2 && s[0] <= 0xDF) {
        n = 2;
        c = s[0] & 0x1F;
    } else if (s[0] >= 0xE0 && s[0] <= 0xEF) {
        n = 3;
        c = s[0] & 0x0F;
    } else if (s[0] >= 0xF0 && s[0] <= 0xF4) {
        n = 4;
        c = s[0] & 0x07;
    } else {
        return 0;
    }
    if (len < n)
        return 0;
    for (i = 1; i < n; i++) {
        if ((s[i] & 0xC0) != 0x80)
            return 0;
        c = c << 6 | (s[i] & 0x3F);
    }
    if ((n == 3 && (c < 0x800 || (c >= 0xD800 && c <= 0xDFFF))) ||
        (n == 4 && (c < 0x10000 || c > 0x10FFFF)))
        return 0;
    *code = c;
    return n;
}

/* Characters that reorder how the text around them reads (U+202A..U+202E embeddings and
 * overrides, U+2066..U+2069 isolates): "Trojan Source" in a terminal. */
static bool is_bidi_control(unsigned long c)
{
    return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
}

size_t safe_unit(const char *text, size_t len, unsigned flags, char shown[SAFE_SHOWN_MAX])
{
    static const char hex[] = "0123456789abcdef";
    const unsigned char *s = (const unsigned char *)text;
    unsigned long c = 0;
    size_t n = decode_utf8(s, len, &c);

    shown[0] = '\0';
    if (n == 0) { /* not UTF-8: the byte itself, by number */
        memcpy(shown, "\\x", 2);
        shown[2] = hex[s[0] >> 4];
        shown[3] = hex[s[0] & 15];
        shown[4] = '\0';
        return 1;
    }
    if ((c == '\n' || c == '\t') && (flags & SAFE_LINES))
        return n;
    if (c == '\n' || c == '\t' || c == '\r') {
        memcpy(shown, c == '\n' ? "\\n" : c == '\t' ? "\\t" : "\\r", 3);
    } else if (c < 0x20 || c == 0x7F) {
        memcpy(shown, "\\x", 2);
        shown[2] = hex[c >> 4];
        shown[3] = hex[c & 15];
        shown[4] = '\0';
    } else if ((c >= 0x80 && c <= 0x9F) || is_bidi_control(c)) {
        memcpy(shown, "\\u", 2);
        for (int i = 0; i < 4; i++)
            shown[2 + i] = hex[(c >> (12 - 4 * i)) & 15];
        shown[6] = '\0';
    }
    return n;
}

void safe_write(FILE *out, const char *text, size_t len, unsigned flags)
{
    char shown[SAFE_SHOWN_MAX];
    size_t plain = 0; /* bytes before text[i] that pass unchanged, not written yet */

    for (size_t i = 0; i < len;) {
        size_t n = safe_unit(text + i, len - i, flags, shown);
        if (shown[0]) {
            fwrite(text + i - plain, 1, plain, out);
            fputs(shown, out);
            plain = 0;
        } else {
            plain += n;
        }
        i += n;
    }
    fwrite(text + len - plain, 1, plain, out);
}

void safe_puts(const char *text, FILE *out)
{
    safe_write(out, text, strlen(text), 0);
}

bool safe_is_plain(const char *text, size_t len, unsigned flags)
{
    char shown[SAFE_SHOWN_MAX];

    for (size_t i = 0; i < len;) {
        i += safe_unit(text + i, len - i, flags, shown);
        if (shown[0])
            return false;
    }
    return true;
}

size_t safe_width(const char *text, size_t len, unsigned flags)
{
    char shown[SAFE_SHOWN_MAX];
    size_t width = 0;

    for (size_t i = 0; i < len;) {
        i += safe_unit(text + i, len - i, flags, shown);
        width += shown[0] ? strlen(shown) : 1;
    }
    return width;
}
