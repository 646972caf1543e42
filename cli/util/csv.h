/* csv.h: writes CSV as RFC 4180 says: fields quoted when needed, records ended by CRLF. */
#ifndef CQ_CLI_CSV_H
#define CQ_CLI_CSV_H

#include <stdbool.h>
#include <stdio.h>

/* Writes one field, after a comma unless it is the first of its record. A field holding a
 * comma, a double quote, CR or LF is enclosed in double quotes, its quotes doubled. Control
 * characters other than LF and tab are shown as the sanitiser shows them (safe_text.h), and a
 * field a spreadsheet would read as a formula (=, +, -, @, tab or CR first, not a plain
 * number) is quoted with a ' in front, as OWASP advises against CSV injection. */
void csv_field(FILE *out, bool first, const char *text);

/* A number field: %.15g of the value rounded to `decimals` places. */
void csv_number(FILE *out, bool first, double value, int decimals);

/* Ends a record (CRLF). */
void csv_end(FILE *out);

#endif /* CQ_CLI_CSV_H */
