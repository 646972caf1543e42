/* qr.c: QR codes through libqrencode; without it (CQ_NO_QR) there are none. */

#include "qr.h"

#ifdef CQ_NO_QR

bool qr_available(void)
{
    return false;
}

bool qr_write_svg(FILE *out, const char *text, const char *label)
{
    (void)out;
    (void)text;
    (void)label;
    return false;
}

bool qr_write_blocks(FILE *out, const char *text, bool color, int indent)
{
    (void)out;
    (void)text;
    (void)color;
    (void)indent;
    return false;
}

#else

#include <qrencode.h>

#include "html_escape.h"

bool qr_available(void)
{
    return true;
}

/* The code of text at error correction level M (15% of it may be lost), or NULL. */
static QRcode *encode(const char *text)
{
    return text && text[0] ? QRcode_encodeString(text, 0, QR_ECLEVEL_M, QR_MODE_8, 1) : NULL;
}

/* Whether the module at x, y is dark; the quiet zone around the code is light. */
static bool dark(const QRcode *code, int x, int y)
{
    return x >= 0 && y >= 0 && x < code->width && y < code->width &&
           (code->data[y * code->width + x] & 1);
}

bool qr_write_svg(FILE *out, const char *text, const char *label)
{
    QRcode *code = encode(text);
    if (!code)
        return false;
    int size = code->width + 2 * QR_QUIET_ZONE;
    fprintf(out, "<svg class=\"qr\" viewBox=\"0 0 %d %d\" role=\"img\" aria-label=\"", size, size);
    html_escape(out, label);
    fprintf(out,
            "\" shape-rendering=\"crispEdges\">\n<rect width=\"%d\" height=\"%d\" "
            "fill=\"#fff\"/>\n<path fill=\"#000\" d=\"",
            size, size);
    /* One path of unit squares, a run of dark modules per segment. */
    for (int y = 0; y < code->width; y++) {
        for (int x = 0; x < code->width;) {
            if (!dark(code, x, y)) {
                x++;
                continue;
            }
            int run = 1;
            while (dark(code, x + run, y))
                run++;
            fprintf(out, "M%d %dh%dv1h-%dz", x + QR_QUIET_ZONE, y + QR_QUIET_ZONE, run, run);
            x += run;
        }
    }
    fputs("\"/>\n</svg>\n", out);
    QRcode_free(code);
    return true;
}

bool qr_write_blocks(FILE *out, const char *text, bool color, int indent)
{
    /* Upper and lower half of a character cell, "on" meaning drawn in the foreground. */
    static const char *const cells[4] = {" ", "\u2584", "\u2580", "\u2588"};
    QRcode *code = encode(text);
    if (!code)
        return false;
    int from = -QR_QUIET_ZONE, to = code->width + QR_QUIET_ZONE;
    for (int y = from; y < to; y += 2) {
        fprintf(out, "%*s%s", indent, "", color ? "\033[30;107m" : "");
        for (int x = from; x < to; x++) {
            /* With colour the foreground is black: draw the dark modules. Without, the
             * terminal's foreground is light: draw the light ones. */
            bool top = dark(code, x, y) == color;
            bool bottom = y + 1 < to && dark(code, x, y + 1) == color;
            fputs(cells[(top ? 2 : 0) | (bottom ? 1 : 0)], out);
        }
        fputs(color ? "\033[0m\n" : "\n", out);
    }
    QRcode_free(code);
    return true;
}

#endif
