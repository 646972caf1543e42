/* json_write.h: writes JSON strings and numbers straight to a stream (batch and stats output). */
#ifndef CQ_CLI_JSON_WRITE_H
#define CQ_CLI_JSON_WRITE_H

#include <stdio.h>

/* Writes s as a JSON string: quotes, backslashes and control characters escaped, other bytes
 * (UTF-8) as they are. */
void json_put_string(FILE *out, const char *s);

/* Writes a number in the shortest form that reads back the same after rounding to `decimals`
 * places: "74.5", "31", "0.2703". */
void json_put_number(FILE *out, double value, int decimals);

#endif /* CQ_CLI_JSON_WRITE_H */
