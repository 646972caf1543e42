/* test_limits.c: every documented cap (CQ_MAX_*) is enforced at its value, with a clear error. */
#include "fixtures.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A growing text buffer for writing generated banks and profiles. */
typedef struct {
    char *text;
    size_t used, cap;
} buf;

static void put(buf *b, const char *format, ...)
{
    va_list ap;
    for (;;) {
        va_start(ap, format);
        int n = vsnprintf(b->text + b->used, b->cap - b->used, format, ap);
        va_end(ap);
        assert_true(n >= 0);
        if ((size_t)n < b->cap - b->used) {
            b->used += (size_t)n;
            return;
        }
        b->cap = b->cap * 2 + (size_t)n + 1;
        b->text = realloc(b->text, b->cap);
        assert_non_null(b->text);
    }
}

/* The shape of a generated bank. Traits are "research", "leadership", then t2, t3, ... */
typedef struct {
    size_t traits, questions, options, option_traits;
    size_t id_bytes;   /* length of the first question's id (0: "q0") */
    size_t text_bytes; /* length of the first question's text (0: short) */
} bank_shape;

static const bank_shape normal = {2, 1, 2, 2, 0, 0};

static void trait_id(char *out, size_t size, size_t t)
{
    if (t < 2)
        snprintf(out, size, "%s", t == 0 ? "research" : "leadership");
    else
        snprintf(out, size, "t%zu", t);
}

static char *make_bank(bank_shape s)
{
    buf b = {malloc(1024), 0, 1024};
    put(&b, "{\"version\": \"limits\", \"traits\": [");
    for (size_t t = 0; t < s.traits; t++) {
        char id[32];
        trait_id(id, sizeof id, t);
        put(&b, "%s{\"id\": \"%s\", \"name\": \"Trait\"}", t ? ", " : "", id);
    }
    put(&b, "], \"questions\": [");
    for (size_t q = 0; q < s.questions; q++) {
        put(&b, "%s{\"id\": \"", q ? ", " : "");
        if (q == 0 && s.id_bytes)
            for (size_t i = 0; i < s.id_bytes; i++)
                put(&b, "q");
        else
            put(&b, "q%zu", q);
        put(&b, "\", \"type\": \"single\", \"text\": \"");
        for (size_t i = 0; q == 0 && i < s.text_bytes; i++)
            put(&b, "x");
        put(&b, "Question?\", \"options\": [");
        for (size_t o = 0; o < s.options; o++) {
            put(&b, "%s{\"id\": \"o%zu\", \"text\": \"Option\", \"traits\": {", o ? ", " : "", o);
            /* The first option of the first question measures every trait asked for. */
            size_t n = q == 0 && o == 0 ? s.option_traits : 1;
            for (size_t t = 0; t < n; t++) {
                char id[32];
                trait_id(id, sizeof id, t);
                put(&b, "%s\"%s\": 1", t ? ", " : "", id);
            }
            put(&b, "}}");
        }
        put(&b, "]}");
    }
    put(&b, "]}");
    return b.text;
}

/* Loads a generated bank with the mini scientist profile (repeated `roles` times under
 * different ids), expecting `status` and, on failure, a message holding `needle`. */
static void load_expect(const char *bank, const char *profile, size_t roles, cq_status status,
                        const char *needle)
{
    cq_context *ctx = NULL;
    assert_int_equal(cq_context_new(NULL, &ctx), CQ_OK);
    cq_source b = {"bank", bank, strlen(bank)};
    cq_source *p = calloc(roles, sizeof *p);
    char **texts = calloc(roles, sizeof *texts);
    for (size_t i = 0; i < roles; i++) {
        char id[48];
        snprintf(id, sizeof id, "\"id\": \"scientist%zu\"", i);
        texts[i] = fixture_replace(profile, "\"id\": \"scientist\"", id);
        p[i] = (cq_source){"profile", texts[i], strlen(texts[i])};
    }
    cq_model *m = NULL;
    cq_error err;
    cq_error_clear(&err);
    cq_status st = cq_model_load(ctx, &b, 1, p, roles, &m, &err);
    if (st != status || (needle && !strstr(err.message, needle)))
        print_error("status %d, message \"%s\"\n", st, err.message);
    assert_int_equal(st, status);
    if (needle)
        assert_non_null(strstr(err.message, needle));
    cq_model_free(m);
    for (size_t i = 0; i < roles; i++)
        free(texts[i]);
    free(texts);
    free(p);
    cq_context_free(ctx);
}

/* The mini scientist, without the tip it shares with the manager (who is not loaded here). */
static char *scientist(void)
{
    char *text = fixture_read("tests/fixtures/mini/profiles/scientist.json", NULL);
    char *alone = fixture_replace(text, ", \"shared_with\": [\"manager\"]", "");
    free(text);
    return alone;
}

/* Loads make_bank(s) with one profile. */
static void bank_expect(bank_shape s, cq_status status, const char *needle)
{
    char *bank = make_bank(s);
    char *sci = scientist();
    load_expect(bank, sci, 1, status, needle);
    free(bank);
    free(sci);
}

static void a_generated_bank_loads(void **state)
{
    (void)state;
    bank_expect(normal, CQ_OK, NULL);
}

static void a_bank_of_100_questions_loads_and_101_are_refused(void **state)
{
    (void)state;
    bank_shape s = normal;
    s.questions = CQ_MAX_QUESTIONS;
    bank_expect(s, CQ_OK, NULL);
    s.questions++;
    bank_expect(s, CQ_ERR_LIMIT, "more than 100 questions");
}

static void a_question_of_32_options_loads_and_33_are_refused(void **state)
{
    (void)state;
    bank_shape s = normal;
    s.options = CQ_MAX_OPTIONS;
    bank_expect(s, CQ_OK, NULL);
    s.options++;
    bank_expect(s, CQ_ERR_LIMIT, "\"options\" has 33 items, more than the limit of 32");
}

static void a_bank_of_64_traits_loads_and_65_are_refused(void **state)
{
    (void)state;
    bank_shape s = normal;
    s.traits = s.option_traits = CQ_MAX_TRAITS;
    bank_expect(s, CQ_OK, NULL);
    s.traits++;
    bank_expect(s, CQ_ERR_LIMIT, "more than 64 traits");
}

static void an_option_moving_more_than_64_traits_is_refused_naming_the_limit(void **state)
{
    (void)state;
    char *bank = make_bank(normal);
    /* Repeating a trait 65 times is caught by the count before the repeat is. */
    buf many = {malloc(64), 0, 64};
    put(&many, "\"traits\": {\"research\": 1");
    for (int i = 1; i <= CQ_MAX_TRAITS; i++)
        put(&many, ", \"x%d\": 1", i);
    put(&many, "}");
    char *changed =
        fixture_replace(bank, "\"traits\": {\"research\": 1, \"leadership\": 1}", many.text);
    char *sci = scientist();
    load_expect(changed, sci, 1, CQ_ERR_LIMIT,
                "\"traits\" has 65 entries, more than the limit of 64");
    free(bank);
    free(changed);
    free(many.text);
    free(sci);
}

static void a_scale_moving_more_than_64_traits_is_refused_naming_the_limit(void **state)
{
    (void)state;
    char *bank = make_bank(normal);
    buf scale = {malloc(64), 0, 64};
    put(&scale, "{\"id\": \"s\", \"type\": \"scale\", \"text\": \"S?\", \"min\": 1, \"max\": 5, "
                "\"traits\": {\"research\": [0, 1]");
    for (int i = 1; i <= CQ_MAX_TRAITS; i++)
        put(&scale, ", \"x%d\": [0, 1]", i);
    put(&scale, "}}, {\"id\": \"q0\"");
    char *changed = fixture_replace(bank, "{\"id\": \"q0\"", scale.text);
    char *sci = scientist();
    load_expect(changed, sci, 1, CQ_ERR_LIMIT,
                "\"traits\" has 65 entries, more than the limit of 64");
    free(bank);
    free(changed);
    free(scale.text);
    free(sci);
}

static void an_id_of_64_bytes_loads_and_65_are_refused(void **state)
{
    (void)state;
    bank_shape s = normal;
    s.id_bytes = CQ_MAX_ID_BYTES;
    bank_expect(s, CQ_OK, NULL);
    s.id_bytes++;
    bank_expect(s, CQ_ERR_LIMIT, "\"id\" is longer than 64 bytes");
}

static void a_text_of_2048_bytes_loads_and_2049_are_refused(void **state)
{
    (void)state;
    bank_shape s = normal;
    s.text_bytes = CQ_MAX_TEXT_BYTES - strlen("Question?");
    bank_expect(s, CQ_OK, NULL);
    s.text_bytes++;
    bank_expect(s, CQ_ERR_LIMIT, "\"text\" is longer than 2048 bytes");
}

static void a_profile_list_item_over_2048_bytes_is_refused(void **state)
{
    (void)state;
    char *bank = make_bank(normal);
    char *sci = scientist();
    char *item = malloc(CQ_MAX_TEXT_BYTES + 8);
    item[0] = '"';
    memset(item + 1, 'x', CQ_MAX_TEXT_BYTES + 1);
    strcpy(item + CQ_MAX_TEXT_BYTES + 2, "\"");
    char *changed = fixture_replace(sci, "\"Mathematics\"", item);
    load_expect(bank, changed, 1, CQ_ERR_LIMIT,
                "skills item 1: \"text\" is longer than 2048 bytes");
    free(changed);
    /* The names an item is about have the same cap. */
    changed = fixture_replace(sci, "\"mathematics\"", item);
    load_expect(bank, changed, 1, CQ_ERR_LIMIT,
                "skills item 1: \"about\" item 1 is longer than 2048 bytes");
    free(bank);
    free(sci);
    free(item);
    free(changed);
}

static void a_profile_list_of_64_items_loads_and_65_are_refused(void **state)
{
    (void)state;
    char *bank = make_bank(normal);
    char *sci = scientist();
    for (int n = CQ_MAX_LIST_ITEMS; n <= CQ_MAX_LIST_ITEMS + 1; n++) {
        buf list = {malloc(64), 0, 64}, names = {malloc(64), 0, 64};
        put(&list, "[");
        put(&names, "[");
        for (int i = 0; i < n; i++) {
            put(&list, "%s{\"text\": \"Skill %d\", \"about\": [\"skill\"]}", i ? ", " : "", i);
            put(&names, "%s\"name %d\"", i ? ", " : "", i);
        }
        put(&list, "]");
        put(&names, "]");
        char *changed = fixture_replace(
            sci, "[{\"text\": \"Mathematics\", \"about\": [\"mathematics\"]}]", list.text);
        char *about = fixture_replace(sci, "[\"mathematics\"]", names.text);
        if (n == CQ_MAX_LIST_ITEMS) {
            load_expect(bank, changed, 1, CQ_OK, NULL);
            load_expect(bank, about, 1, CQ_OK, NULL);
        } else {
            load_expect(bank, changed, 1, CQ_ERR_LIMIT,
                        "\"skills\" has 65 items, more than the limit of 64");
            load_expect(bank, about, 1, CQ_ERR_LIMIT,
                        "skills item 1: \"about\" has 65 items, more than the limit of 64");
        }
        free(changed);
        free(about);
        free(list.text);
        free(names.text);
    }
    free(bank);
    free(sci);
}

static void thirty_two_roles_load_and_33_are_refused(void **state)
{
    (void)state;
    char *bank = make_bank(normal);
    char *sci = scientist();
    load_expect(bank, sci, CQ_MAX_ROLES, CQ_OK, NULL);
    load_expect(bank, sci, CQ_MAX_ROLES + 1, CQ_ERR_LIMIT, "more than 32 role profiles");
    free(bank);
    free(sci);
}

static void sixty_four_bank_files_load_and_65_are_refused(void **state)
{
    (void)state;
    char *bank = make_bank(normal);
    char *sci = scientist();
    cq_context *ctx = NULL;
    assert_int_equal(cq_context_new(NULL, &ctx), CQ_OK);
    cq_source files[CQ_MAX_DATA_FILES + 1];
    files[0] = (cq_source){"bank", bank, strlen(bank)};
    for (int i = 1; i <= CQ_MAX_DATA_FILES; i++)
        files[i] = (cq_source){"more", "{}", 2}; /* a bank file may hold nothing */
    cq_source p = {"profile", sci, strlen(sci)};
    cq_model *m = NULL;
    cq_error err;
    assert_int_equal(cq_model_load(ctx, files, CQ_MAX_DATA_FILES, &p, 1, &m, &err), CQ_OK);
    cq_model_free(m);
    m = NULL;
    assert_int_equal(cq_model_load(ctx, files, CQ_MAX_DATA_FILES + 1, &p, 1, &m, &err),
                     CQ_ERR_LIMIT);
    assert_non_null(strstr(err.message, "more than 64 bank files"));
    assert_null(m);
    cq_context_free(ctx);
    free(bank);
    free(sci);
}

static void a_profile_over_the_size_cap_is_refused_before_parsing(void **state)
{
    (void)state;
    char *bank = make_bank(normal);
    char *sci = scientist();
    cq_context *ctx = NULL;
    assert_int_equal(cq_context_new(NULL, &ctx), CQ_OK);
    cq_source b = {"bank", bank, strlen(bank)};
    /* The size is checked first, so the short buffer behind it is never read. */
    cq_source p = {"profiles/scientist.json", sci, (size_t)CQ_MAX_DATA_BYTES + 1};
    cq_model *m = NULL;
    cq_error err;
    assert_int_equal(cq_model_load(ctx, &b, 1, &p, 1, &m, &err), CQ_ERR_LIMIT);
    assert_non_null(strstr(err.message, "larger than 1048576 bytes"));
    assert_string_equal(err.file, "profiles/scientist.json");
    cq_context_free(ctx);
    free(bank);
    free(sci);
}

static void reading_stops_one_byte_past_the_limit(void **state)
{
    (void)state;
    /* /dev/zero never ends: reading it whole would never return. */
    FILE *fp = fopen("/dev/zero", "rb");
    assert_non_null(fp);
    cq_context *ctx = NULL;
    assert_int_equal(cq_context_new(NULL, &ctx), CQ_OK);
    char *text = NULL;
    size_t size = 0;
    cq_error err;
    assert_int_equal(cq_read_stream(ctx, fp, "zeros", CQ_MAX_ANSWERS_BYTES, &text, &size, &err),
                     CQ_ERR_LIMIT);
    assert_null(text);
    assert_non_null(strstr(err.message, "larger than 1048576 bytes"));
    assert_string_equal(err.file, "zeros");
    fclose(fp);
    cq_context_free(ctx);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(a_generated_bank_loads),
        cmocka_unit_test(a_bank_of_100_questions_loads_and_101_are_refused),
        cmocka_unit_test(a_question_of_32_options_loads_and_33_are_refused),
        cmocka_unit_test(a_bank_of_64_traits_loads_and_65_are_refused),
        cmocka_unit_test(an_option_moving_more_than_64_traits_is_refused_naming_the_limit),
        cmocka_unit_test(a_scale_moving_more_than_64_traits_is_refused_naming_the_limit),
        cmocka_unit_test(an_id_of_64_bytes_loads_and_65_are_refused),
        cmocka_unit_test(a_text_of_2048_bytes_loads_and_2049_are_refused),
        cmocka_unit_test(a_profile_list_item_over_2048_bytes_is_refused),
        cmocka_unit_test(a_profile_list_of_64_items_loads_and_65_are_refused),
        cmocka_unit_test(thirty_two_roles_load_and_33_are_refused),
        cmocka_unit_test(sixty_four_bank_files_load_and_65_are_refused),
        cmocka_unit_test(a_profile_over_the_size_cap_is_refused_before_parsing),
        cmocka_unit_test(reading_stops_one_byte_past_the_limit),
    };
    return cmocka_run_group_tests_name("limits", tests, NULL, NULL);
}
