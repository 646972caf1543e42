/* test_strict_json.c: the JSON every input must be: RFC 8259, UTF-8, finite, shallow, unique. */
#include "fixtures.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* Parses size bytes of answers text, expecting `status` and a message holding `needle`. */
static cq_error parse_bytes_fails(void **state, const char *text, size_t size, cq_status status,
                                  const char *needle)
{
    fixture_mini *f = *state;
    cq_answers *a = NULL;
    cq_error err;
    cq_error_clear(&err);
    cq_status st = cq_answers_parse(f->model, "answers.json", text, size, &a, &err);
    if (st != status || !strstr(err.message, needle))
        print_error("input \"%.60s\": status %d, message \"%s\"\n", text, st, err.message);
    assert_int_equal(st, status);
    assert_null(a);
    assert_non_null(strstr(err.message, needle));
    assert_string_equal(err.file, "answers.json");
    return err;
}

static cq_error parse_fails(void **state, const char *text, cq_status status, const char *needle)
{
    return parse_bytes_fails(state, text, strlen(text), status, needle);
}

static void parse_fails_at(void **state, const char *text, cq_status status, const char *needle,
                           int line, int column)
{
    cq_error err = parse_fails(state, text, status, needle);
    if (err.line != line || err.column != column)
        print_error("input \"%.60s\": at %d:%d, expected %d:%d\n", text, err.line, err.column, line,
                    column);
    assert_int_equal(err.line, line);
    assert_int_equal(err.column, column);
}

static void parse_succeeds(void **state, const char *text)
{
    fixture_mini *f = *state;
    cq_answers *a = NULL;
    cq_error err;
    cq_status st = cq_answers_parse(f->model, "answers.json", text, strlen(text), &a, &err);
    if (st != CQ_OK)
        print_error("input \"%.60s\": %s\n", text, err.message);
    assert_int_equal(st, CQ_OK);
    cq_answers_free(a);
}

/* ---- strings ------------------------------------------------------------------------------ */

static void a_nul_escape_in_a_string_is_refused_where_it_is(void **state)
{
    parse_fails_at(state, "{\"answers\": {\"lead\": \"so\\u0000lo\"}}", CQ_ERR_INVALID, "\\u0000",
                   1, 25);
    /* In a key, and in a part of the file the parser otherwise ignores. */
    parse_fails(state, "{\"answers\": {\"le\\u0000ad\": \"solo\"}}", CQ_ERR_INVALID, "\\u0000");
    parse_fails(state, "{\"note\": \"\\u0000\", \"answers\": {}}", CQ_ERR_INVALID, "\\u0000");
}

static void escaped_lone_surrogates_are_refused(void **state)
{
    parse_fails_at(state, "{\"note\": \"\\ud800\", \"answers\": {}}", CQ_ERR_INVALID,
                   "lone surrogate \\ud800", 1, 11);
    parse_fails(state, "{\"note\": \"\\uDC00\", \"answers\": {}}", CQ_ERR_INVALID,
                "lone surrogate \\uDC00");
    parse_fails(state, "{\"note\": \"\\ud800\\u0041\", \"answers\": {}}", CQ_ERR_INVALID,
                "lone surrogate");
    parse_fails(state, "{\"note\": \"\\ud800x\", \"answers\": {}}", CQ_ERR_INVALID,
                "lone surrogate");
    parse_fails(state, "{\"note\": \"\\udbff\\udbff\", \"answers\": {}}", CQ_ERR_INVALID,
                "lone surrogate");
    parse_fails(state, "{\"note\": \"\\ud800\\ue000\", \"answers\": {}}", CQ_ERR_INVALID,
                "lone surrogate");
    parse_fails(state, "{\"note\": \"\\ud800\\n\", \"answers\": {}}", CQ_ERR_INVALID,
                "lone surrogate");
}

static void escaped_surrogate_pairs_and_other_escapes_are_read(void **state)
{
    parse_succeeds(
        state,
        "{\"note\": \"\\ud83d\\ude00 \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\u00e9 \\ue000 \\uFFFF\", "
        "\"answers\": {\"lead\": \"s\\u006flo\"}}");
}

static void invalid_utf8_is_refused_where_it_is(void **state)
{
    static const struct {
        const char *bytes;
        const char *what;
    } bad[] = {
        {"\xc0\xaf", "overlong two-byte form"},
        {"\xc1\xbf", "overlong two-byte form"},
        {"\xe0\x80\xaf", "overlong three-byte form"},
        {"\xf0\x80\x80\xaf", "overlong four-byte form"},
        {"\xed\xa0\x80", "encoded surrogate"},
        {"\xed\xbf\xbf", "encoded surrogate"},
        {"\xf4\x90\x80\x80", "above U+10FFFF"},
        {"\xf5\x80\x80\x80", "lead byte above U+10FFFF"},
        {"\xff", "never valid"},
        {"\x80", "continuation byte on its own"},
        {"\xe2\x82", "truncated three-byte form"},
        {"\xe2\x82x", "truncated three-byte form"},
        {"\xf0\x9f\x98", "truncated four-byte form"},
        {"\xc3", "truncated two-byte form"},
    };
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        char text[64];
        snprintf(text, sizeof text, "{\"note\": \"%s\", \"answers\": {}}", bad[i].bytes);
        cq_error err = parse_fails(state, text, CQ_ERR_SYNTAX, "invalid UTF-8");
        if (err.line != 1 || err.column != 11)
            print_error("%s: at %d:%d\n", bad[i].what, err.line, err.column);
        assert_int_equal(err.line, 1);
        assert_int_equal(err.column, 11);
    }
    /* Outside a string too, and cut off by the end of the file. */
    parse_fails(state, "{\"answers\": {}}\xff", CQ_ERR_SYNTAX, "invalid UTF-8");
    parse_fails(state, "{\"note\": \"\xe2\x82", CQ_ERR_SYNTAX, "invalid UTF-8");
}

static void utf8_of_every_length_is_read(void **state)
{
    parse_succeeds(state, "{\"note\": \"\xc3\xa9 \xe2\x82\xac \xef\xbf\xbd \xf0\x9f\x98\x80 "
                          "\xf4\x8f\xbf\xbf \xed\x9f\xbf \xee\x80\x80\", \"answers\": {}}");
}

static void a_control_character_in_a_string_is_malformed(void **state)
{
    parse_fails_at(state, "{\"note\": \"a\tb\", \"answers\": {}}", CQ_ERR_SYNTAX,
                   "control character", 1, 12);
    parse_fails(state, "{\"note\": \"a\rb\", \"answers\": {}}", CQ_ERR_SYNTAX, "control character");
}

static void a_nul_byte_inside_a_string_is_malformed(void **state)
{
    static const char text[] = "{\"note\": \"a\0b\", \"answers\": {}}";
    parse_bytes_fails(state, text, sizeof text - 1, CQ_ERR_SYNTAX, "control character");
}

static void unknown_and_short_escapes_are_malformed(void **state)
{
    parse_fails_at(state, "{\"note\": \"\\x\", \"answers\": {}}", CQ_ERR_SYNTAX,
                   "unknown escape \"\\x\"", 1, 11);
    parse_fails(state, "{\"note\": \"\\u12\", \"answers\": {}}", CQ_ERR_SYNTAX, "4 hex digits");
    parse_fails(state, "{\"note\": \"\\u12g4\", \"answers\": {}}", CQ_ERR_SYNTAX, "4 hex digits");
    parse_fails(state, "{\"note\": \"\\", CQ_ERR_SYNTAX, "is not closed");
    static const char nul_escape[] = "{\"note\": \"\\\0\", \"answers\": {}}";
    parse_bytes_fails(state, nul_escape, sizeof nul_escape - 1, CQ_ERR_SYNTAX,
                      "unknown escape \"\\?\"");
    parse_fails(state, "{\"note\": \"\\\x01\", \"answers\": {}}", CQ_ERR_SYNTAX,
                "unknown escape \"\\?\"");
}

static void an_unclosed_string_is_named_where_it_starts(void **state)
{
    parse_fails_at(state, "{\"answers\": {\n  \"lead\": \"solo}}\n", CQ_ERR_SYNTAX,
                   "not closed before the end of its line", 2, 11);
    parse_fails_at(state, "{\"answers\": {\n  \"lead\": \"solo}}", CQ_ERR_SYNTAX,
                   "not closed before the end of the file", 2, 11);
}

/* ---- numbers ------------------------------------------------------------------------------ */

static void numbers_that_are_not_finite_are_out_of_range(void **state)
{
    parse_fails_at(state, "{\"answers\": {\"orientation\": 1e999}}", CQ_ERR_INVALID,
                   "number 1e999 is out of range", 1, 29);
    parse_fails(state, "{\"answers\": {\"orientation\": -1E+999}}", CQ_ERR_INVALID, "out of range");
    parse_fails(state, "{\"note\": 1e308, \"answers\": {}}", CQ_ERR_INVALID, "out of range");
    parse_fails(state, "{\"note\": 0.0001e312, \"answers\": {}}", CQ_ERR_INVALID, "out of range");
    parse_fails(state, "{\"note\": 1e99999999999999999999, \"answers\": {}}", CQ_ERR_INVALID,
                "out of range");
    /* Below the bound, and numbers that only underflow, are fine where nothing reads them. */
    parse_succeeds(state, "{\"note\": [9.99e307, -9e307, 1e-999, 0.0e999, -0, 0.000123e-5], "
                          "\"answers\": {}}");
}

static void a_400_digit_integer_is_out_of_range(void **state)
{
    char text[512];
    int n = snprintf(text, sizeof text, "{\"answers\": {\"orientation\": ");
    memset(text + n, '9', 400);
    strcpy(text + n + 400, "}}");
    parse_fails_at(state, text, CQ_ERR_INVALID, "is out of range", 1, 29);
}

static void a_number_longer_than_cjson_reads_is_refused_naming_the_limit(void **state)
{
    char text[256];
    int n = snprintf(text, sizeof text, "{\"note\": 0.");
    memset(text + n, '1', 62); /* 64 characters in all */
    strcpy(text + n + 62, ", \"answers\": {}}");
    parse_fails(state, text, CQ_ERR_LIMIT, "longer than 63 characters");
    text[n + 61] = ','; /* 63 characters: just fits */
    text[n + 62] = ' ';
    parse_succeeds(state, text);
}

static void numbers_that_json_does_not_allow_are_malformed(void **state)
{
    static const char *const bad[] = {"01", "-01", "1.",   "1.e5",  "-",   "1e",    "1e+",
                                      ".5", "+1",  "0x10", "1.2.3", "--1", "1e5e5", "00"};
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        char text[64];
        snprintf(text, sizeof text, "{\"note\": %s, \"answers\": {}}", bad[i]);
        cq_error err = parse_fails(state, text, CQ_ERR_SYNTAX, "malformed JSON");
        assert_int_equal(err.column, 10);
    }
    parse_fails(state, "{\"note\": 01, \"answers\": {}}", CQ_ERR_SYNTAX, "invalid number \"01\"");
    parse_succeeds(state, "{\"note\": [0, -0, 1.5, -2e3, 4E-2, 5e+1, 0.25, 10], \"answers\": {}}");
}

static void fractions_where_an_integer_is_expected_are_refused(void **state)
{
    parse_fails(state, "{\"version\": 1.5, \"answers\": {}}", CQ_ERR_INVALID,
                "\"version\" must be an integer");
    parse_fails(state, "{\"answers\": {\"orientation\": 2.5}}", CQ_ERR_INVALID,
                "must be an integer");
    parse_fails(state, "{\"answers\": {\"orientation\": 25e-1}}", CQ_ERR_INVALID,
                "must be an integer");
    /* A whole number written with a fraction or an exponent is still that whole number. */
    parse_succeeds(state, "{\"version\": 1.0, \"answers\": {\"orientation\": 2e0}}");
}

static void integers_out_of_range_are_refused(void **state)
{
    parse_fails(state, "{\"answers\": {\"orientation\": 9007199254740993}}", CQ_ERR_INVALID,
                "outside 1..5");
    parse_fails(state, "{\"answers\": {\"orientation\": -1e300}}", CQ_ERR_INVALID, "outside 1..5");
    parse_fails(state, "{\"version\": 1e300, \"answers\": {}}", CQ_ERR_INVALID, "outside 1..1");
}

/* ---- structure ---------------------------------------------------------------------------- */

static void nesting_of_32_levels_is_read_and_33_refused(void **state)
{
    /* The top-level object and 30 arrays make 31 levels; the innermost value is the 32nd. */
    static const char prefix[] = "{\"answers\": {}, \"note\": ";
    char open[31], close[31], text[256];
    memset(open, '[', 30);
    memset(close, ']', 30);
    open[30] = close[30] = '\0';
    snprintf(text, sizeof text, "%s%s{}%s}", prefix, open, close);
    parse_succeeds(state, text);
    snprintf(text, sizeof text, "%s%s[{}]%s}", prefix, open, close);
    parse_fails_at(state, text, CQ_ERR_LIMIT, "nest deeper than 32 levels", 1,
                   (int)sizeof prefix - 1 + 32);
}

static void a_hundred_thousand_nested_brackets_are_refused_at_the_limit(void **state)
{
    size_t n = 100000;
    char *text = malloc(2 * n + 1);
    memset(text, '[', n);
    memset(text + n, ']', n);
    text[2 * n] = '\0';
    cq_error err = parse_fails(state, text, CQ_ERR_LIMIT, "deeper than 32");
    assert_int_equal(err.column, 33);
    text[n] = '\0'; /* and never closed */
    parse_fails(state, text, CQ_ERR_LIMIT, "deeper than 32");
    free(text);
}

static void trailing_commas_are_malformed(void **state)
{
    parse_fails_at(state, "{\"answers\": {\"lead\": \"solo\",}}", CQ_ERR_SYNTAX,
                   "unexpected '}' after a comma", 1, 29);
    parse_fails_at(state, "{\"note\": [1,], \"answers\": {}}", CQ_ERR_SYNTAX,
                   "unexpected ']' after a comma", 1, 13);
}

static void structural_mistakes_are_named(void **state)
{
    parse_fails_at(state, "{\"answers\" {}}", CQ_ERR_SYNTAX, "expected ':'", 1, 12);
    parse_fails_at(state, "{\"answers\": {} \"x\": 1}", CQ_ERR_SYNTAX, "expected ',' or '}'", 1,
                   16);
    parse_fails_at(state, "{\"note\": [1 2], \"answers\": {}}", CQ_ERR_SYNTAX,
                   "expected ',' or ']'", 1, 13);
    parse_fails_at(state, "{answers: {}}", CQ_ERR_SYNTAX, "expected a key", 1, 2);
    parse_fails_at(state, "{\"note\": ]}", CQ_ERR_SYNTAX, "unexpected character ']'", 1, 10);
    parse_fails_at(state, "{\"note\": tru, \"answers\": {}}", CQ_ERR_SYNTAX, "unknown word \"tru\"",
                   1, 10);
    parse_fails(state, "{\"note\": True}", CQ_ERR_SYNTAX, "unknown word \"True\"");
    parse_fails(state, "{\"note\": \x01}", CQ_ERR_SYNTAX, "unexpected byte 0x01");
    parse_fails(state, "{\"note\": \xc3\xa9}", CQ_ERR_SYNTAX, "unexpected character (byte 0xc3)");
    parse_fails_at(state, "]", CQ_ERR_SYNTAX, "unexpected character ']'", 1, 1);
    parse_fails_at(state, "{\"answers\": {}} \xc3\xa9", CQ_ERR_SYNTAX, "after the document", 1, 17);
    parse_fails(state, "{\"answers\": {}, \"note\": nul", CQ_ERR_SYNTAX, "ends too early");
    parse_fails(state, "{\"answers\": {}, \"note\": [", CQ_ERR_SYNTAX, "ends too early");
    parse_fails(state, "{\"answers\": {}, \"note\"", CQ_ERR_SYNTAX, "ends too early");
    parse_fails(state, "{\"answers\": {}, ", CQ_ERR_SYNTAX, "ends too early");
    parse_fails(state, " \n\t\r", CQ_ERR_SYNTAX, "the file is empty");
    parse_succeeds(state, "\t{\r\n\"note\" : [ true , false , null , { } , [ ] ] ,"
                          "\"answers\":{}}\n\n");
}

static void a_byte_order_mark_utf16_and_utf32_are_named(void **state)
{
    parse_fails_at(state, "\xef\xbb\xbf{\"answers\": {}}", CQ_ERR_SYNTAX, "byte order mark", 1, 1);
    static const char utf16[] = "\xff\xfe{\0}\0";
    parse_bytes_fails(state, utf16, sizeof utf16 - 1, CQ_ERR_SYNTAX, "the file is UTF-16");
    static const char utf16be[] = "\xfe\xff\0{\0}";
    parse_bytes_fails(state, utf16be, sizeof utf16be - 1, CQ_ERR_SYNTAX, "the file is UTF-16");
    /* UTF-32 little-endian starts with UTF-16's mark: it was called UTF-16. */
    static const char utf32[] = "\xff\xfe\0\0{\0\0\0}\0\0\0";
    parse_bytes_fails(state, utf32, sizeof utf32 - 1, CQ_ERR_SYNTAX, "the file is UTF-32");
    static const char utf32be[] = "\0\0\xfe\xff\0\0\0{\0\0\0}";
    parse_bytes_fails(state, utf32be, sizeof utf32be - 1, CQ_ERR_SYNTAX, "the file is UTF-32");
}

static void text_after_the_document_is_malformed(void **state)
{
    parse_fails_at(state, "{\"answers\": {}}\n{}", CQ_ERR_SYNTAX, "after the document", 2, 1);
}

/* ---- duplicate keys ---------------------------------------------------------------------- */

static void a_duplicate_key_is_named_where_it_repeats(void **state)
{
    cq_error err = parse_fails(state,
                               "{\"answers\": {\n  \"lead\": \"solo\",\n  \"orientation\": 2,\n"
                               "  \"lead\": \"lead\"\n}}",
                               CQ_ERR_INVALID, "duplicate key \"lead\"");
    assert_string_equal(err.id, "lead");
    assert_int_equal(err.line, 4);
    assert_int_equal(err.column, 3);
}

static void the_first_repeat_in_the_file_is_the_one_named(void **state)
{
    /* "b" repeats before "a" does, and a later object has a repeat of its own. */
    cq_error err = parse_fails(state,
                               "{\"answers\": {}, \"x\": {\"a\": 1, \"b\": 2, \"b\": 3, "
                               "\"a\": 4}, \"y\": {\"c\": {\"d\": 1, \"d\": 2}}}",
                               CQ_ERR_INVALID, "duplicate key \"b\"");
    assert_int_equal(err.column, 39);
}

static void duplicate_keys_written_differently_are_still_duplicates(void **state)
{
    cq_error err =
        parse_fails(state, "{\"answers\": {\"lead\": \"solo\", \"le\\u0061d\": \"lead\"}}",
                    CQ_ERR_INVALID, "duplicate key \"lead\"");
    assert_int_equal(err.column, 30);
}

static void many_distinct_keys_are_checked_quickly(void **state)
{
    /* 95,000 keys, just under the size cap. Comparing every pair of keys, as the first
     * duplicate check did, took 12 s of CPU here; sorting them takes a fraction of one. */
    size_t n = 95000, cap = n * 16 + 64, used = 0;
    char *text = malloc(cap);
    used += (size_t)snprintf(text + used, cap - used, "{\"answers\": {}, \"note\": {");
    for (size_t i = 0; i < n; i++)
        used += (size_t)snprintf(text + used, cap - used, "%s\"k%zu\":0", i ? "," : "", i);
    used += (size_t)snprintf(text + used, cap - used, "}}");
    assert_true(used <= CQ_MAX_ANSWERS_BYTES);
    clock_t start = clock();
    parse_succeeds(state, text);
    double seconds = (double)(clock() - start) / CLOCKS_PER_SEC;
    if (seconds >= 2.0)
        print_error("checking %zu keys took %.1f s of CPU\n", n, seconds);
    assert_true(seconds < 2.0);
    free(text);
}

/* ---- where an answer error points --------------------------------------------------------- */

static void an_answer_error_points_at_the_answer_not_an_earlier_same_named_key(void **state)
{
    cq_error err =
        parse_fails(state, "{\"note\": {\"lead\": 1},\n \"answers\": {\"lead\": \"gpu\"}}",
                    CQ_ERR_INVALID, "unknown option \"gpu\"");
    assert_int_equal(err.line, 2);
    assert_int_equal(err.column, 14);
}

static void an_answer_error_points_at_an_escaped_key(void **state)
{
    cq_error err = parse_fails(state, "{\"answers\": {\"le\\u0061d\": \"gpu\"}}", CQ_ERR_INVALID,
                               "unknown option \"gpu\"");
    assert_int_equal(err.line, 1);
    assert_int_equal(err.column, 14);
}

/* ---- the bank and profiles get the same checks ------------------------------------------- */

static void the_bank_and_profiles_are_held_to_the_same_json(void **state)
{
    fixture_mini *f = *state;
    char *bank = fixture_read("tests/fixtures/mini/questions/bank.json", NULL);
    char *sci = fixture_read("tests/fixtures/mini/profiles/scientist.json", NULL);
    static const struct {
        const char *from, *to;
        cq_status status;
        const char *needle;
        bool in_bank, positioned;
    } cases[] = {
        {"\"Research or products?\"", "\"Research\\u0000 or products?\"", CQ_ERR_INVALID, "\\u0000",
         true, true},
        {"\"weight\": 2,", "\"weight\": 1e999,", CQ_ERR_INVALID, "out of range", true, true},
        {"\"min\": 1,", "\"min\": 1.5,", CQ_ERR_INVALID, "\"min\" must be an integer", true, false},
        {"{\"value\": 5,", "{\"value\": 4.5,", CQ_ERR_INVALID, "\"value\" must be an integer", true,
         false},
        {"\"Research or products?\"", "\"Research \xed\xa0\x80\"", CQ_ERR_SYNTAX, "invalid UTF-8",
         true, true},
        {"\"importance\": 2,", "\"importance\": 2e400,", CQ_ERR_INVALID, "out of range", false,
         true},
        {"\"importance\": 2,", "\"importance\": 02,", CQ_ERR_SYNTAX, "invalid number", false, true},
        {"\"id\": \"scientist\"", "\"id\": \"scientist\", \"id\": \"scientist\"", CQ_ERR_INVALID,
         "duplicate key \"id\"", false, true},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        char *b = cases[i].in_bank ? fixture_replace(bank, cases[i].from, cases[i].to) : NULL;
        char *p = cases[i].in_bank ? NULL : fixture_replace(sci, cases[i].from, cases[i].to);
        cq_source bs = {"questions/bank.json", b ? b : bank, strlen(b ? b : bank)};
        cq_source ps = {"profiles/scientist.json", p ? p : sci, strlen(p ? p : sci)};
        cq_model *m = NULL;
        cq_error err;
        cq_status st = cq_model_load(f->ctx, &bs, 1, &ps, 1, &m, &err);
        if (st != cases[i].status || !strstr(err.message, cases[i].needle))
            print_error("case %zu: status %d, message \"%s\"\n", i, st, err.message);
        assert_int_equal(st, cases[i].status);
        assert_null(m);
        assert_non_null(strstr(err.message, cases[i].needle));
        assert_string_equal(err.file,
                            cases[i].in_bank ? "questions/bank.json" : "profiles/scientist.json");
        assert_int_equal(err.line > 0, cases[i].positioned);
        free(b);
        free(p);
    }
    free(bank);
    free(sci);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(a_nul_escape_in_a_string_is_refused_where_it_is),
        cmocka_unit_test(escaped_lone_surrogates_are_refused),
        cmocka_unit_test(escaped_surrogate_pairs_and_other_escapes_are_read),
        cmocka_unit_test(invalid_utf8_is_refused_where_it_is),
        cmocka_unit_test(utf8_of_every_length_is_read),
        cmocka_unit_test(a_control_character_in_a_string_is_malformed),
        cmocka_unit_test(a_nul_byte_inside_a_string_is_malformed),
        cmocka_unit_test(unknown_and_short_escapes_are_malformed),
        cmocka_unit_test(an_unclosed_string_is_named_where_it_starts),
        cmocka_unit_test(numbers_that_are_not_finite_are_out_of_range),
        cmocka_unit_test(a_400_digit_integer_is_out_of_range),
        cmocka_unit_test(a_number_longer_than_cjson_reads_is_refused_naming_the_limit),
        cmocka_unit_test(numbers_that_json_does_not_allow_are_malformed),
        cmocka_unit_test(fractions_where_an_integer_is_expected_are_refused),
        cmocka_unit_test(integers_out_of_range_are_refused),
        cmocka_unit_test(nesting_of_32_levels_is_read_and_33_refused),
        cmocka_unit_test(a_hundred_thousand_nested_brackets_are_refused_at_the_limit),
        cmocka_unit_test(trailing_commas_are_malformed),
        cmocka_unit_test(structural_mistakes_are_named),
        cmocka_unit_test(a_byte_order_mark_utf16_and_utf32_are_named),
        cmocka_unit_test(text_after_the_document_is_malformed),
        cmocka_unit_test(a_duplicate_key_is_named_where_it_repeats),
        cmocka_unit_test(the_first_repeat_in_the_file_is_the_one_named),
        cmocka_unit_test(duplicate_keys_written_differently_are_still_duplicates),
        cmocka_unit_test(many_distinct_keys_are_checked_quickly),
        cmocka_unit_test(an_answer_error_points_at_the_answer_not_an_earlier_same_named_key),
        cmocka_unit_test(an_answer_error_points_at_an_escaped_key),
        cmocka_unit_test(the_bank_and_profiles_are_held_to_the_same_json),
    };
    return cmocka_run_group_tests_name("strict json", tests, fixture_mini_setup,
                                       fixture_mini_teardown);
}
