/* test_safe_text.c: the sanitiser (cli/safe_text.c) and the writers that ask it: JSON strings
 * and CSV fields. Every control character is shown, every printable character passes. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "csv.h"
#include "json_write.h"
#include "safe_text.h"

/* What safe_write makes of len bytes, in a malloc'd string. */
static char *shown_n(const char *text, size_t len, unsigned flags)
{
    char *out = NULL;
    size_t size = 0;
    FILE *mem = open_memstream(&out, &size);
    assert_non_null(mem);
    safe_write(mem, text, len, flags);
    assert_int_equal(fclose(mem), 0);
    return out;
}

static void expect_shown(const char *text, unsigned flags, const char *want)
{
    char *got = shown_n(text, strlen(text), flags);
    assert_string_equal(got, want);
    free(got);
}

static void printable_text_of_any_script_passes_unchanged(void **state)
{
    (void)state;
    const char *texts[] = {"plain ASCII ~!@#$%^&*()",    "caf\xc3\xa9",
                           "\xe2\x96\x88 bar",           "\xe4\xb8\xad\xe6\x96\x87",
                           "\xf0\x9f\x99\x82",           "nbsp\xc2\xa0here",
                           "rtl mark \xe2\x80\x8f kept", ""};
    for (size_t i = 0; i < sizeof texts / sizeof *texts; i++) {
        expect_shown(texts[i], 0, texts[i]);
        assert_true(safe_is_plain(texts[i], strlen(texts[i]), 0));
    }
}

static void c0_controls_and_del_are_shown_by_number(void **state)
{
    (void)state;
    expect_shown("a\x1b[2Jb", 0, "a\\x1b[2Jb");
    expect_shown("bell\a", 0, "bell\\x07");
    expect_shown("del\x7f", 0, "del\\x7f");
    expect_shown("\x01\x1f", 0, "\\x01\\x1f");
    expect_shown("cr\rlf\ntab\t", 0, "cr\\rlf\\ntab\\t");
    assert_false(safe_is_plain("a\x1b", 2, 0));
}

static void newlines_and_tabs_pass_only_when_asked(void **state)
{
    (void)state;
    expect_shown("two\nlines\tand\rcr", SAFE_LINES, "two\nlines\tand\\rcr");
}

static void c1_controls_and_bidi_overrides_are_shown_as_code_points(void **state)
{
    (void)state;
    expect_shown("csi\xc2\x9b"
                 "31m",
                 0, "csi\\u009b31m");
    expect_shown("\xc2\x80\xc2\x9f", 0, "\\u0080\\u009f");
    expect_shown("\xe2\x80\xae"
                 "evil",
                 0, "\\u202eevil");
    expect_shown("\xe2\x81\xa6x\xe2\x81\xa9", 0, "\\u2066x\\u2069");
}

static void bytes_that_are_not_utf8_are_shown_one_by_one(void **state)
{
    (void)state;
    expect_shown("lone\x9b"
                 "csi",
                 0, "lone\\x9bcsi");
    expect_shown("\xff\xfe", 0, "\\xff\\xfe");
    expect_shown("\xc0\x80", 0, "\\xc0\\x80");                   /* overlong NUL */
    expect_shown("\xe0\x80\xaf", 0, "\\xe0\\x80\\xaf");          /* overlong / */
    expect_shown("\xed\xa0\x80", 0, "\\xed\\xa0\\x80");          /* a surrogate */
    expect_shown("\xf4\x90\x80\x80", 0, "\\xf4\\x90\\x80\\x80"); /* above U+10FFFF */
    expect_shown("cut\xe2\x82", 0, "cut\\xe2\\x82");             /* truncated at the end */
    char *got = shown_n("a\0b", 3, 0);                           /* a NUL inside a length */
    assert_memory_equal(got, "a\\x00b", 7);
    free(got);
}

static void the_width_is_that_of_the_shown_text(void **state)
{
    (void)state;
    assert_int_equal(safe_width("caf\xc3\xa9", 5, 0), 4);
    assert_int_equal(safe_width("a\x1b", 2, 0), 5);
    assert_int_equal(safe_width("\xc2\x9b", 2, 0), 6);
}

/* What a writer made, through a memory stream. */
static char *written(void (*write)(FILE *, const char *), const char *text)
{
    char *out = NULL;
    size_t size = 0;
    FILE *mem = open_memstream(&out, &size);
    assert_non_null(mem);
    write(mem, text);
    assert_int_equal(fclose(mem), 0);
    return out;
}

static void put_json(FILE *out, const char *text)
{
    json_put_string(out, text);
}

static void put_json_text(FILE *out, const char *text)
{
    json_write_safe(out, text, strlen(text));
}

static void put_csv(FILE *out, const char *text)
{
    csv_field(out, true, text);
}

static void expect_written(void (*write)(FILE *, const char *), const char *text, const char *want)
{
    char *got = written(write, text);
    assert_string_equal(got, want);
    free(got);
}

static void json_strings_escape_every_control_losslessly(void **state)
{
    (void)state;
    expect_written(put_json, "q\"b\\n\n", "\"q\\\"b\\\\n\\n\"");
    expect_written(put_json, "\x1b\t\r\x7f", "\"\\u001b\\u0009\\u000d\\u007f\"");
    expect_written(put_json, "\xc2\x9b\xe2\x80\xae\xc3\xa9", "\"\\u009b\\u202e\xc3\xa9\"");
    expect_written(put_json, "\xff", "\"\\ufffd\"");
}

static void json_text_keeps_its_layout_and_escapes_what_cjson_left_raw(void **state)
{
    (void)state;
    expect_written(put_json_text, "{\n\t\"a\": \"x\\\"\xc2\x9b\x7f\"\n}",
                   "{\n\t\"a\": \"x\\\"\\u009b\\u007f\"\n}");
}

static void csv_cells_a_spreadsheet_would_run_are_neutralised(void **state)
{
    (void)state;
    expect_written(put_csv, "=1+1", "\"'=1+1\"");
    expect_written(put_csv, "+cmd", "\"'+cmd\"");
    expect_written(put_csv, "@SUM(A1)", "\"'@SUM(A1)\"");
    expect_written(put_csv, "-1+cmd", "\"'-1+cmd\"");
    expect_written(put_csv, "\tx", "\"'\tx\"");
    expect_written(put_csv, "-2", "-2");
    expect_written(put_csv, "-2.5", "-2.5");
    expect_written(put_csv, "a=b", "a=b");
}

static void csv_cells_are_quoted_and_show_controls(void **state)
{
    (void)state;
    expect_written(put_csv, "a,b", "\"a,b\"");
    expect_written(put_csv, "say \"hi\"", "\"say \"\"hi\"\"\"");
    expect_written(put_csv, "two\nlines", "\"two\nlines\"");
    expect_written(put_csv, "cr\ronly", "\"cr\\ronly\"");
    expect_written(put_csv, "esc\x1b[2J", "\"esc\\x1b[2J\"");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(printable_text_of_any_script_passes_unchanged),
        cmocka_unit_test(c0_controls_and_del_are_shown_by_number),
        cmocka_unit_test(newlines_and_tabs_pass_only_when_asked),
        cmocka_unit_test(c1_controls_and_bidi_overrides_are_shown_as_code_points),
        cmocka_unit_test(bytes_that_are_not_utf8_are_shown_one_by_one),
        cmocka_unit_test(the_width_is_that_of_the_shown_text),
        cmocka_unit_test(json_strings_escape_every_control_losslessly),
        cmocka_unit_test(json_text_keeps_its_layout_and_escapes_what_cjson_left_raw),
        cmocka_unit_test(csv_cells_a_spreadsheet_would_run_are_neutralised),
        cmocka_unit_test(csv_cells_are_quoted_and_show_controls),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
