/* pages.h: text laid out for a pager's pages, so that no page ends on a heading. */
#ifndef CQ_CLI_PAGES_H
#define CQ_CLI_PAGES_H

#include <stdio.h>

/*
 * Writes `size` bytes of text to out, line for line, adding blank lines where a page would
 * otherwise end on the first line of a block (a heading, or the opening line of a paragraph
 * after a blank line, with more of the block after it): that line goes to the top of the next
 * page instead, next to what it opens. A page is `page_rows` screen rows (a pager shows one less
 * than the terminal's height: its prompt takes the last); a line wider than `columns` takes as
 * many rows as the terminal wraps it into (SGR escapes take none). When the pager's last screen
 * (the text's last page_rows rows) would show added blank lines mid-screen, blank lines fill the
 * last page, so that screen is a page. Text is written unchanged
 * when page_rows < 2 or columns is 0. Returns 0, or -1 when a write failed.
 */
int pages_write(FILE *out, const char *text, size_t size, size_t page_rows, size_t columns);

#endif /* CQ_CLI_PAGES_H */
