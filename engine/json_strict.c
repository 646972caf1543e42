/* json_strict.c: checks raw JSON text against RFC 8259 and our stricter rules before cJSON. */
#include "internal.h"

#include <stdio.h>
#include <string.h>

/*
 * cJSON 1.7.15 accepts text that we must refuse: "\u0000" (it cuts the string short),
 * invalid UTF-8, control characters in strings, numbers such as 01, 1. and 1e999 (inf), and
 * nesting down to 1000 levels through recursion. So every input is first checked here, in
 * one pass over the bytes with no allocation and no recursion, and cJSON only ever builds a
 * tree from text this file accepted. The check also gives every problem a line:column.
 */

/* cJSON copies a number into a 64-byte buffer before strtod and misreads longer ones. */
#define MAX_NUMBER_CHARS 63
/* Numbers must be below 1e308 in magnitude: DBL_MAX is about 1.8e308, so all of them are
 * finite, and no field comes anywhere near. */
#define MAX_DECIMAL_EXPONENT 308
/* Exponents are summed with this cap, so "1e99999999999999999999" cannot overflow. */
#define EXPONENT_CAP 100000L
/* How much of a bad token an error message quotes. */
#define QUOTE_CHARS 40

typedef struct scanner {
    const unsigned char *text;
    size_t size, at;
    const char *name;
    cq_error *err;
    char stack[CQ_MAX_JSON_DEPTH]; /* '[' or '{' per open container */
    size_t members[CQ_MAX_JSON_DEPTH];
    int depth;
    size_t max_members;
    size_t keys;                    /* object keys passed so far, in document order */
    size_t find_key;                /* stop at this key (CQ_NONE: check the whole text) */
    const cq_json_visitor *visitor; /* told of every token, or NULL */
    bool escaped;                   /* the last string held a backslash escape */
    bool declined;                  /* the visitor stopped the scan */
} scanner;

/* Line and column (1-based, column in UTF-8 characters) of byte offset `at` in text. */
static void locate(const unsigned char *text, size_t at, int *line, int *column)
{
    int l = 1, c = 1;
    for (size_t i = 0; i < at; i++) {
        if (text[i] == '\n') {
            l++;
            c = 1;
        } else if ((text[i] & 0xC0) != 0x80) {
            c++;
        }
    }
    *line = l;
    *column = c;
}

/* Records a problem at byte offset `at`. Syntax errors start with "malformed JSON: ". */
static cq_status fail_at(const scanner *s, size_t at, cq_status status, const char *format, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 4, 5)))
#endif
    ;

static cq_status fail_at(const scanner *s, size_t at, cq_status status, const char *format, ...)
{
    char message[CQ_ERROR_TEXT];
    va_list ap;
    va_start(ap, format);
    vsnprintf(message, sizeof message, format, ap);
    va_end(ap);
    int line, column;
    locate(s->text, at, &line, &column);
    cq__fail(s->err, status, s->name, NULL, "%s%s",
             status == CQ_ERR_SYNTAX ? "malformed JSON: " : "", message);
    cq__fail_at(s->err, line, column);
    return status;
}

/* Copies a token for a message: at most QUOTE_CHARS bytes, "..." when cut. */
static const char *quote(const scanner *s, size_t start, size_t end, char *buf, size_t size)
{
    size_t n = end - start;
    bool cut = n > QUOTE_CHARS;
    snprintf(buf, size, "%.*s%s", (int)(cut ? QUOTE_CHARS : n), (const char *)s->text + start,
             cut ? "..." : "");
    return buf;
}

/* ---- UTF-8 ----------------------------------------------------------------------------------- */

/*
 * Length of the well-formed UTF-8 sequence at `at` (RFC 3629: no overlong forms, no
 * surrogates, nothing above U+10FFFF), or 0 when it is not one.
 */
static size_t utf8_length(const scanner *s, size_t at)
{
    const unsigned char *p = s->text + at;
    size_t left = s->size - at;
    unsigned char lo = 0x80, hi = 0xBF; /* the range of the second byte */
    size_t n;
    if (p[0] < 0x80)
        return 1;
    if (p[0] >= 0xC2 && p[0] <= 0xDF) {
        n = 2;
    } else if (p[0] >= 0xE0 && p[0] <= 0xEF) {
        n = 3;
        if (p[0] == 0xE0)
            lo = 0xA0; /* below is an overlong form */
        else if (p[0] == 0xED)
            hi = 0x9F; /* above are the surrogates U+D800..U+DFFF */
    } else if (p[0] >= 0xF0 && p[0] <= 0xF4) {
        n = 4;
        if (p[0] == 0xF0)
            lo = 0x90;
        else if (p[0] == 0xF4)
            hi = 0x8F; /* above is beyond U+10FFFF */
    } else {
        return 0; /* a continuation byte, an overlong lead (C0, C1) or F5..FF */
    }
    if (left < n || p[1] < lo || p[1] > hi)
        return 0;
    for (size_t i = 2; i < n; i++)
        if ((p[i] & 0xC0) != 0x80)
            return 0;
    return n;
}

static cq_status bad_utf8(const scanner *s, size_t at)
{
    return fail_at(s, at, CQ_ERR_SYNTAX, "invalid UTF-8 (byte 0x%02x); save the file as UTF-8",
                   s->text[at]);
}

/* ---- strings -------------------------------------------------------------------------------- */

static int hex_value(unsigned char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

/* Reads the 4 hex digits of a \u escape whose backslash is at `at`; -1 when malformed. */
static long read_u_escape(const scanner *s, size_t at)
{
    if (s->size - at < 6 || s->text[at] != '\\' || s->text[at + 1] != 'u')
        return -1;
    long code = 0;
    for (size_t i = 2; i < 6; i++) {
        int h = hex_value(s->text[at + i]);
        if (h < 0)
            return -1;
        code = code * 16 + h;
    }
    return code;
}

/* Checks a \uXXXX escape at s->at (the backslash) and moves past it, or past its pair. */
static cq_status scan_u_escape(scanner *s)
{
    size_t at = s->at;
    long code = read_u_escape(s, at);
    if (code < 0)
        return fail_at(s, at, CQ_ERR_SYNTAX, "\\u must be followed by 4 hex digits");
    if (code == 0)
        return fail_at(s, at, CQ_ERR_INVALID,
                       "a string holds \\u0000 (a NUL character), which is not allowed");
    if (code >= 0xDC00 && code <= 0xDFFF)
        return fail_at(s, at, CQ_ERR_INVALID,
                       "a string holds a lone surrogate \\%.5s, which is not a character",
                       (const char *)s->text + at + 1);
    if (code >= 0xD800 && code <= 0xDBFF) {
        long low = read_u_escape(s, at + 6);
        if (low < 0xDC00 || low > 0xDFFF)
            return fail_at(s, at, CQ_ERR_INVALID,
                           "a string holds a lone surrogate \\%.5s, which is not a character",
                           (const char *)s->text + at + 1);
        s->at += 6;
    }
    s->at += 6;
    return CQ_OK;
}

/* Checks the string whose opening quote is at s->at and moves past its closing quote. */
static cq_status scan_string(scanner *s)
{
    size_t start = s->at++;
    s->escaped = false;
    while (s->at < s->size) {
        /* Most of a string is plain ASCII: skip a run of it before looking at anything else. */
        const unsigned char *text = s->text;
        while (s->at < s->size && text[s->at] >= 0x20 && text[s->at] < 0x80 && text[s->at] != '"' &&
               text[s->at] != '\\')
            s->at++;
        if (s->at >= s->size)
            break;
        unsigned char c = s->text[s->at];
        if (c == '"') {
            s->at++;
            return CQ_OK;
        }
        if (c == '\n') /* most likely the closing quote is missing */
            return fail_at(s, start, CQ_ERR_SYNTAX,
                           "this string is not closed before the end of its line");
        if (c < 0x20)
            return fail_at(s, s->at, CQ_ERR_SYNTAX,
                           "a control character (byte 0x%02x) in a string; write it as an escape "
                           "such as \\n",
                           c);
        if (c == '\\') {
            s->escaped = true;
            if (s->at + 1 >= s->size)
                break;
            unsigned char e = s->text[s->at + 1];
            if (e == 'u') {
                cq_status st = scan_u_escape(s);
                if (st != CQ_OK)
                    return st;
                continue;
            }
            if (e == '\0' || !strchr("\"\\/bfnrt", e))
                return fail_at(s, s->at, CQ_ERR_SYNTAX, "unknown escape \"\\%c\" in a string",
                               e >= 0x20 && e < 0x7F ? e : '?');
            s->at += 2;
            continue;
        }
        size_t n = utf8_length(s, s->at);
        if (n == 0)
            return bad_utf8(s, s->at);
        s->at += n;
    }
    return fail_at(s, start, CQ_ERR_SYNTAX, "this string is not closed before the end of the file");
}

/* ---- numbers -------------------------------------------------------------------------------- */

static bool is_digit(unsigned char c)
{
    return c >= '0' && c <= '9';
}

static bool is_letter(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* Length of the run of digits at text[i..end). */
static size_t digits(const unsigned char *text, size_t i, size_t end)
{
    size_t n = 0;
    while (i + n < end && is_digit(text[i + n]))
        n++;
    return n;
}

/*
 * Checks the number token at s->at. The token is the whole run of characters that could
 * belong to a number or a word, so "0x10" and "1.2.3" are named as one bad number.
 */
static cq_status scan_number(scanner *s)
{
    const unsigned char *t = s->text;
    size_t start = s->at, end = start;
    while (end < s->size && (is_digit(t[end]) || is_letter(t[end]) || t[end] == '+' ||
                             t[end] == '-' || t[end] == '.'))
        end++;
    char shown[QUOTE_CHARS + 8];
    /* The grammar: -? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)? */
    size_t i = start + (t[start] == '-');
    size_t int_start = i, int_digits = digits(t, i, end);
    bool ok = int_digits > 0 && (t[i] != '0' || int_digits == 1);
    i += int_digits;
    size_t frac_start = i, frac_digits = 0;
    if (ok && i < end && t[i] == '.') {
        frac_start = ++i;
        frac_digits = digits(t, i, end);
        ok = frac_digits > 0;
        i += frac_digits;
    }
    long exponent = 0;
    if (ok && i < end && (t[i] == 'e' || t[i] == 'E')) {
        i++;
        bool negative = i < end && t[i] == '-';
        if (i < end && (t[i] == '+' || t[i] == '-'))
            i++;
        size_t n = digits(t, i, end);
        ok = n > 0;
        for (size_t k = 0; k < n; k++)
            if (exponent < EXPONENT_CAP)
                exponent = exponent * 10 + (t[i + k] - '0');
        exponent = negative ? -exponent : exponent;
        i += n;
    }
    if (!ok || i != end)
        return fail_at(s, start, CQ_ERR_SYNTAX, "invalid number \"%s\"",
                       quote(s, start, end, shown, sizeof shown));

    /* The value lies in [10^(k-1), 10^k) for the k worked out here; zero is always fine. */
    long k;
    if (t[int_start] != '0') {
        k = (long)int_digits + exponent;
    } else {
        size_t z = 0;
        while (z < frac_digits && t[frac_start + z] == '0')
            z++;
        k = z == frac_digits ? 0 : exponent - (long)z;
    }
    if (k > MAX_DECIMAL_EXPONENT)
        return fail_at(s, start, CQ_ERR_INVALID,
                       "number %s is out of range (numbers must be below 1e%d)",
                       quote(s, start, end, shown, sizeof shown), MAX_DECIMAL_EXPONENT);
    if (end - start > MAX_NUMBER_CHARS)
        return fail_at(s, start, CQ_ERR_LIMIT, "number %s is longer than %d characters",
                       quote(s, start, end, shown, sizeof shown), MAX_NUMBER_CHARS);
    s->at = end;
    return CQ_OK;
}

/* ---- words ---------------------------------------------------------------------------------- */

/* Checks true, false or null at s->at. */
static cq_status scan_word(scanner *s)
{
    static const char *const words[] = {"true", "false", "null"};
    size_t start = s->at, end = start;
    while (end < s->size && is_letter(s->text[end]))
        end++;
    size_t n = end - start;
    for (size_t w = 0; w < sizeof words / sizeof *words; w++) {
        if (n > strlen(words[w]) || memcmp(s->text + start, words[w], n) != 0)
            continue;
        if (n == strlen(words[w])) {
            s->at = end;
            return CQ_OK;
        }
        if (end == s->size)
            return fail_at(s, end, CQ_ERR_SYNTAX, "the document ends too early");
    }
    char shown[QUOTE_CHARS + 8];
    return fail_at(s, start, CQ_ERR_SYNTAX, "unknown word \"%s\" (text needs double quotes)",
                   quote(s, start, end, shown, sizeof shown));
}

/* ---- the document --------------------------------------------------------------------------- */

/* What may come next. */
typedef enum want {
    WANT_VALUE,          /* a value (after ':' or ',' in an array, or at the start) */
    WANT_VALUE_OR_CLOSE, /* just after '[' */
    WANT_KEY,            /* after ',' in an object */
    WANT_KEY_OR_CLOSE,   /* just after '{' */
    WANT_COMMA_OR_CLOSE  /* after a value */
} want;

static cq_status unexpected(const scanner *s)
{
    unsigned char c = s->text[s->at];
    if (c >= 0x80 && utf8_length(s, s->at) == 0)
        return bad_utf8(s, s->at);
    if (c > 0x20 && c < 0x7F)
        return fail_at(s, s->at, CQ_ERR_SYNTAX, "unexpected character '%c'", c);
    if (c >= 0x80)
        return fail_at(s, s->at, CQ_ERR_SYNTAX, "unexpected character (byte 0x%02x)", c);
    return fail_at(s, s->at, CQ_ERR_SYNTAX, "unexpected byte 0x%02x", c);
}

/* Tells the visitor of a token at text[start..end); false when it declines the document. */
static bool tell(scanner *s, cq_json_token token, size_t start, size_t end)
{
    if (!s->visitor)
        return true;
    cq_json_event e = {token, (const char *)s->text + start, end - start, s->depth, s->escaped};
    if (s->visitor->visit(s->visitor->user, &e))
        return true;
    s->declined = true;
    return false;
}

static cq_status open_container(scanner *s, unsigned char c)
{
    if (s->depth == CQ_MAX_JSON_DEPTH)
        return fail_at(s, s->at, CQ_ERR_LIMIT, "arrays and objects nest deeper than %d levels",
                       CQ_MAX_JSON_DEPTH);
    s->stack[s->depth] = (char)c;
    s->members[s->depth] = 0;
    s->depth++;
    s->at++;
    if (!tell(s, c == '{' ? CQ_JSON_OPEN_OBJECT : CQ_JSON_OPEN_ARRAY, s->at - 1, s->at))
        return CQ_ERR_INVALID;
    return CQ_OK;
}

static cq_status close_container(scanner *s)
{
    bool object = s->stack[s->depth - 1] == '{';
    if (!tell(s, object ? CQ_JSON_CLOSE_OBJECT : CQ_JSON_CLOSE_ARRAY, s->at, s->at + 1))
        return CQ_ERR_INVALID;
    s->depth--;
    if (object && s->members[s->depth] > s->max_members)
        s->max_members = s->members[s->depth];
    s->at++;
    return CQ_OK;
}

/* Reads a value that starts at s->at; containers are only opened. */
static cq_status scan_value(scanner *s, want *next)
{
    unsigned char c = s->text[s->at];
    size_t start = s->at;
    cq_status st;
    cq_json_token token;
    *next = WANT_COMMA_OR_CLOSE;
    if (c == '[' || c == '{') {
        *next = c == '[' ? WANT_VALUE_OR_CLOSE : WANT_KEY_OR_CLOSE;
        return open_container(s, c);
    }
    if (c == '"') {
        st = scan_string(s);
        token = CQ_JSON_STRING;
        start++; /* the visitor sees what lies between the quotes */
    } else if (c == '-' || is_digit(c)) {
        st = scan_number(s);
        token = CQ_JSON_NUMBER;
    } else if (is_letter(c)) {
        st = scan_word(s);
        token = CQ_JSON_WORD;
    } else {
        return unexpected(s);
    }
    if (st == CQ_OK && !tell(s, token, start, s->at - (token == CQ_JSON_STRING)))
        return CQ_ERR_INVALID;
    return st;
}

/* Skips JSON whitespace (the text need not end in a NUL, so no strspn). */
static void skip_space(scanner *s)
{
    while (s->at < s->size) {
        unsigned char c = s->text[s->at];
        if (c != ' ' && c != '\t' && c != '\r' && c != '\n')
            break;
        s->at++;
    }
}

/* Reads a key and its ':' at s->at. Stops (CQ_OK, s->at = key) when it is the key sought. */
static cq_status scan_key(scanner *s, bool *found)
{
    if (s->text[s->at] != '"')
        return fail_at(s, s->at, CQ_ERR_SYNTAX, "expected a key in double quotes");
    if (s->keys++ == s->find_key) {
        *found = true;
        return CQ_OK;
    }
    s->members[s->depth - 1]++;
    size_t start = s->at;
    cq_status st = scan_string(s);
    if (st != CQ_OK)
        return st;
    if (!tell(s, CQ_JSON_KEY, start + 1, s->at - 1))
        return CQ_ERR_INVALID;
    skip_space(s);
    if (s->at == s->size)
        return fail_at(s, s->at, CQ_ERR_SYNTAX, "the document ends too early");
    if (s->text[s->at] != ':')
        return fail_at(s, s->at, CQ_ERR_SYNTAX, "expected ':' after the key");
    s->at++;
    return CQ_OK;
}

/* Runs the scanner over the whole text, or up to key number s->find_key. */
static cq_status scan(scanner *s, bool *found)
{
    want next = WANT_VALUE;
    *found = false;
    if (s->size >= 3 && memcmp(s->text, "\xEF\xBB\xBF", 3) == 0)
        return fail_at(s, 0, CQ_ERR_SYNTAX,
                       "the file starts with a byte order mark; save it as UTF-8 without one");
    /* UTF-32 little-endian starts like UTF-16's mark (FF FE), then two zero bytes. */
    if (s->size >= 4 &&
        (memcmp(s->text, "\xFF\xFE\0\0", 4) == 0 || memcmp(s->text, "\0\0\xFE\xFF", 4) == 0))
        return fail_at(s, 0, CQ_ERR_SYNTAX, "the file is UTF-32; save it as UTF-8");
    if (s->size >= 2 &&
        (memcmp(s->text, "\xFF\xFE", 2) == 0 || memcmp(s->text, "\xFE\xFF", 2) == 0))
        return fail_at(s, 0, CQ_ERR_SYNTAX, "the file is UTF-16; save it as UTF-8");
    for (;;) {
        skip_space(s);
        if (s->at == s->size) {
            if (next == WANT_COMMA_OR_CLOSE && s->depth == 0)
                return CQ_OK;
            bool blank = next == WANT_VALUE && s->depth == 0;
            return fail_at(s, s->at, CQ_ERR_SYNTAX, "%s",
                           blank ? "the file is empty" : "the document ends too early");
        }
        unsigned char c = s->text[s->at];
        cq_status st = CQ_OK;
        switch (next) {
        case WANT_VALUE_OR_CLOSE:
        case WANT_VALUE:
            if (c == ']' && next == WANT_VALUE_OR_CLOSE) {
                st = close_container(s);
                next = WANT_COMMA_OR_CLOSE;
            } else if (c == ']' && s->depth > 0 && s->stack[s->depth - 1] == '[') {
                return fail_at(s, s->at, CQ_ERR_SYNTAX, "unexpected ']' after a comma");
            } else {
                st = scan_value(s, &next);
            }
            break;
        case WANT_KEY_OR_CLOSE:
        case WANT_KEY:
            if (c == '}' && next == WANT_KEY_OR_CLOSE) {
                st = close_container(s);
                next = WANT_COMMA_OR_CLOSE;
            } else if (c == '}') {
                return fail_at(s, s->at, CQ_ERR_SYNTAX, "unexpected '}' after a comma");
            } else {
                st = scan_key(s, found);
                if (*found)
                    return CQ_OK;
                next = WANT_VALUE;
            }
            break;
        case WANT_COMMA_OR_CLOSE: {
            if (s->depth == 0 && c >= 0x80 && utf8_length(s, s->at) == 0)
                return bad_utf8(s, s->at);
            if (s->depth == 0)
                return fail_at(s, s->at, CQ_ERR_SYNTAX, "unexpected text after the document");
            char open = s->stack[s->depth - 1], close = open == '[' ? ']' : '}';
            if (c == ',') {
                s->at++;
                next = open == '[' ? WANT_VALUE : WANT_KEY;
            } else if (c == close) {
                st = close_container(s);
            } else {
                return fail_at(s, s->at, CQ_ERR_SYNTAX, "expected ',' or '%c'", close);
            }
            break;
        }
        }
        if (st != CQ_OK)
            return st;
    }
}

cq_status cq__json_check(const char *name, const char *data, size_t size, size_t *max_members,
                         cq_error *err)
{
    scanner s = {.text = (const unsigned char *)data,
                 .size = size,
                 .name = name,
                 .err = err,
                 .find_key = CQ_NONE};
    bool found;
    cq_status st = scan(&s, &found);
    if (st == CQ_OK && max_members)
        *max_members = s.max_members;
    return st;
}

void cq__json_locate_key(const char *data, size_t size, size_t key, cq_error *err)
{
    scanner s = {.text = (const unsigned char *)data, .size = size, .find_key = key};
    bool found;
    if (scan(&s, &found) == CQ_OK && found) {
        int line, column;
        locate(s.text, s.at, &line, &column);
        cq__fail_at(err, line, column);
    }
}

cq_status cq__json_scan(const char *name, const char *data, size_t size,
                        const cq_json_visitor *visitor, bool *declined, cq_error *err)
{
    scanner s = {.text = (const unsigned char *)data,
                 .size = size,
                 .name = name,
                 .err = err,
                 .find_key = CQ_NONE,
                 .visitor = visitor};
    bool found;
    cq_status st = scan(&s, &found);
    *declined = s.declined;
    return st;
}
