/* test_pages.c: the pager's page layout (cli/terminal/pages.c): no page ends on a heading or on
 * a line that introduces what follows, and the layout only ever adds blank lines. */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "pages.h"

/* What pages_write makes of text, in a malloc'd string. */
static char *laid_out(const char *text, size_t page_rows, size_t columns)
{
    char *out = NULL;
    size_t size = 0;
    FILE *f = open_memstream(&out, &size);

    assert_non_null(f);
    assert_int_equal(pages_write(f, text, strlen(text), page_rows, columns), 0);
    assert_int_equal(fclose(f), 0);
    return out;
}

static void expect_layout(const char *text, size_t page_rows, size_t columns, const char *want)
{
    char *got = laid_out(text, page_rows, columns);

    assert_string_equal(got, want);
    free(got);
}

static void a_heading_on_a_pages_last_line_goes_to_the_next_page(void **state)
{
    (void)state;
    /* Pages of 5 rows: the heading would be row 5, its text on the next page. That page, the
     * last, is filled: a pager's last screen is the last 5 rows, which would show the blank
     * line added in its middle (round 4, C2). */
    expect_layout("a\nb\nc\n\nMore reasons\n  +2.0 x\n", 5, 80,
                  "a\nb\nc\n\n\nMore reasons\n  +2.0 x\n\n\n\n");
    /* One row earlier it has a line of its text under it on the page: nothing moves. */
    expect_layout("a\nb\n\nMore reasons\n  +2.0 x\n  +1.0 y\n", 5, 80,
                  "a\nb\n\nMore reasons\n  +2.0 x\n  +1.0 y\n");
    /* On later pages too: the second page ends at row 10. */
    expect_layout("1\n2\n3\n4\n5\n6\n7\n8\n\nHead\nbody\n", 5, 80,
                  "1\n2\n3\n4\n5\n6\n7\n8\n\n\nHead\nbody\n\n\n\n");
    /* Added blank lines that a page break follows before the last screen: nothing to fill. */
    expect_layout("a\nb\nc\n\nHead\n1\n2\n3\n4\n5\n6\n7\n", 5, 80,
                  "a\nb\nc\n\n\nHead\n1\n2\n3\n4\n5\n6\n7\n");
}

static void a_heading_and_its_opening_line_stay_with_what_they_introduce(void **state)
{
    (void)state;
    /* "Head" at row 4, "Intro:" at row 5: both go on with the first item. */
    expect_layout("a\nb\n\nHead\n  The shortfalls:\n  1. x\n", 5, 80,
                  "a\nb\n\n\n\nHead\n  The shortfalls:\n  1. x\n\n\n");
}

static void a_heading_with_nothing_after_it_or_a_single_line_stays(void **state)
{
    (void)state;
    /* A one-line paragraph (a blank line after it) is no block to keep together. */
    expect_layout("a\nb\nc\n\nSource: x\n\nEnd\n", 5, 80, "a\nb\nc\n\nSource: x\n\nEnd\n");
    /* At the top of a page there is nowhere better to put it. */
    expect_layout("Head\nbody\n", 5, 80, "Head\nbody\n");
}

static void long_lines_take_the_rows_the_terminal_wraps_them_into(void **state)
{
    (void)state;
    /* 25 columns on a 10-column screen take 3 rows: the heading lands on row 5. */
    expect_layout("aaaaaaaaaaaaaaaaaaaaaaaaa\nHead\nbody\n", 5, 10,
                  "aaaaaaaaaaaaaaaaaaaaaaaaa\nHead\nbody\n");
    expect_layout("aaaaaaaaaaaaaaaaaaaaaaaaa\n\nHead\nbody\n", 5, 10,
                  "aaaaaaaaaaaaaaaaaaaaaaaaa\n\n\nHead\nbody\n\n\n\n");
    /* Colour escapes take no columns; a block character takes one. */
    expect_layout("\033[1;36m1234567890\033[0m\n2\n3\n\n\033[1;36mHead\033[0m\nbody\n", 5, 10,
                  "\033[1;36m1234567890\033[0m\n2\n3\n\n\n\033[1;36mHead\033[0m\nbody\n\n\n\n");
    expect_layout(
        "\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\n2\n3\n\nHead\nb\n", 5, 5,
        "\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\n2\n3\n\n\nHead\nb\n\n\n\n");
}

static void without_a_known_screen_the_text_is_unchanged(void **state)
{
    const char *text = "a\nb\nc\n\nHead\nbody";

    (void)state;
    expect_layout(text, 0, 80, text);
    expect_layout(text, 1, 80, text);
    expect_layout(text, 5, 0, text);
    /* A last line without a newline is ended before the last page is filled. */
    expect_layout("a\nb\nc\n\nHead\nbody", 5, 80, "a\nb\nc\n\n\nHead\nbody\n\n\n\n");
}

/* The text without its blank lines: what the layout may not change. */
static void squeeze(char *s)
{
    char *w = s;
    for (char *r = s; *r; r++)
        if (!(*r == '\n' && (w == s || w[-1] == '\n')))
            *w++ = *r;
    *w = '\0';
}

/* A pager's last screen is the text's last page_rows rows. The random texts never have two blank
 * lines in a row, so two there (before the blank rows that end the text) are added lines shown
 * with no page break after them. */
static void expect_no_gap_on_the_last_screen(const char *got, size_t page_rows, int round)
{
    size_t rows = 0, row = 0, last_text = 0, len;
    const char *line;
    bool blank_before = false;

    for (line = got; *line; line += len + (line[len] != '\0'))
        len = strcspn(line, "\n"), rows++;
    for (line = got; *line; line += len + (line[len] != '\0'), row++)
        if ((len = strcspn(line, "\n")) > 0)
            last_text = row;
    for (line = got, row = 0; *line && row <= last_text; line += len + 1, row++) {
        len = strcspn(line, "\n");
        if (rows > page_rows && row >= rows - page_rows && len == 0 && blank_before)
            fail_msg("round %d: two blank lines at row %zu of %zu on the last screen of %zu rows",
                     round, row, rows, page_rows);
        blank_before = len == 0;
    }
}

/* Random results-like texts: headings (after a blank line, each with an item under it) and items,
 * at every page height from 3 to 14. No page ends on a heading that has text after it, and the
 * layout adds nothing but blank lines. */
static void no_page_ends_on_a_heading_in_random_texts(void **state)
{
    unsigned seed = 12345;
    (void)state;
    for (int round = 0; round < 3000; round++) {
        char text[2048] = "", *got;
        size_t page_rows = 3 + (size_t)round % 12, row = 0, len;
        int lines = 0;

        while (strlen(text) < 1800 && lines < 120) {
            seed = seed * 1103515245u + 12345u;
            switch ((seed >> 16) % 4) {
            case 0:
                strcat(text, "\nHeading\n  item\n");
                lines += 3;
                break;
            default:
                strcat(text, "  item\n");
                lines++;
                break;
            }
        }
        strcat(text, "  last\n");
        got = laid_out(text, page_rows, 80);
        /* Row by row: a heading on a page's last row must have no text after it. */
        for (char *line = got; *line; line += len + 1) {
            len = strcspn(line, "\n");
            row++;
            if (strncmp(line, "Heading", 7) == 0 && row % page_rows == 0)
                fail_msg("round %d: a heading at the foot of a page of %zu rows", round, page_rows);
            if (!line[len])
                break;
        }
        expect_no_gap_on_the_last_screen(got, page_rows, round);
        squeeze(text);
        squeeze(got);
        assert_string_equal(got, text);
        free(got);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(a_heading_on_a_pages_last_line_goes_to_the_next_page),
        cmocka_unit_test(a_heading_and_its_opening_line_stay_with_what_they_introduce),
        cmocka_unit_test(a_heading_with_nothing_after_it_or_a_single_line_stays),
        cmocka_unit_test(long_lines_take_the_rows_the_terminal_wraps_them_into),
        cmocka_unit_test(without_a_known_screen_the_text_is_unchanged),
        cmocka_unit_test(no_page_ends_on_a_heading_in_random_texts),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
