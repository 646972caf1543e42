/* json_write.h: writes JSON strings and numbers straight to a stream (batch and stats output). */
#ifndef CQ_CLI_JSON_WRITE_H
#define CQ_CLI_JSON_WRITE_H

#include <stddef.h>
#include <stdio.h>

/* Room for the JSON form of one unit of a string, with its NUL ("\u009b"). */
#define JSON_UNIT_MAX 8

/*
 * The JSON form of the next unit of a string's text s (len > 0 bytes), as the sanitiser
 * (safe_text.h) divides it: returns the bytes it takes, and sets esc to "" when they go as they
 * are, or to their escape: \" and \\, \n, \u00XX for other controls (C1 and DEL too, which
 * JSON allows raw but a terminal obeys), \u202e and the like for bidirectional overrides, and
 * \ufffd for a byte that is not UTF-8.
 */
size_t json_string_unit(const char *s, size_t len, char esc[JSON_UNIT_MAX]);

/* Writes s as a JSON string, each unit as json_string_unit says. */
void json_put_string(FILE *out, const char *s);
/* The same, or null when s is NULL (an optional text, such as a result's event). */
void json_put_string_or_null(FILE *out, const char *s);

/* Writes `lead` as it is (the comma and the member's name, in the spacing of the caller's
 * format: ",\"event\":") and then s as json_put_string_or_null does. */
void json_put_member(FILE *out, const char *lead, const char *s);

/*
 * Writes len bytes of JSON text made by cJSON or SQLite, which escape control characters
 * below 0x20 but leave DEL, C1 controls, bidirectional overrides and bytes that are not UTF-8
 * raw: those (only ever inside strings) are escaped as json_string_unit does. The JSON means
 * the same afterwards.
 */
void json_write_safe(FILE *out, const char *json, size_t len);

/* Writes a number in the shortest form that reads back the same after rounding to `decimals`
 * places: "74.5", "31", "0.2703". */
void json_put_number(FILE *out, double value, int decimals);

#endif /* CQ_CLI_JSON_WRITE_H */
