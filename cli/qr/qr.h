/* qr.h: QR codes of addresses (libqrencode), drawn for a page (SVG) or a terminal (blocks). */
#ifndef CQ_CLI_QR_H
#define CQ_CLI_QR_H

#include <stdbool.h>
#include <stdio.h>

/* Modules of light border a reader needs around the code (the standard's quiet zone). */
#define QR_QUIET_ZONE 4

/* True when this build can draw QR codes (libqrencode was found). */
bool qr_available(void);

/*
 * Writes a QR code of text as an inline SVG element, dark modules on light, scaled by CSS;
 * label is its accessible name (escaped). Returns false when the build has no QR codes, the
 * text cannot be encoded or memory runs out; nothing is written then.
 */
bool qr_write_svg(FILE *out, const char *text, const char *label);

/*
 * Writes a QR code of text for a terminal: two rows of modules per line with the half-block
 * characters, indented by `indent` spaces. With `color`, ANSI colours draw dark on light
 * whatever the terminal's own colours; without, light modules are full blocks, which reads on
 * the usual light-on-dark terminal. Returns false as qr_write_svg does.
 */
bool qr_write_blocks(FILE *out, const char *text, bool color, int indent);

#endif /* CQ_CLI_QR_H */
