/* test_answers_read.c: the one-pass answers reader (engine/answers_read.c) takes the answers
 * people write, and leaves to the long way (a cJSON tree) the forms it does not take. That the
 * two agree on every input is fuzz/fuzz_answers.c's check; this says the fast one is used. */
#include "fixtures.h"
#include "internal.h"

#include <stdlib.h>
#include <string.h>

/* Whether the reader declines `json`; when it takes it, the answers equal the long way's. */
static bool declines(const cq_model *m, const char *json, size_t size)
{
    cq_answers *fast = NULL, *slow = NULL;
    cq_error err;
    bool declined = true;
    assert_int_equal(cq__answers_read(m, "t.json", json, size, &fast, &declined, &err), CQ_OK);
    if (declined)
        return true;
    assert_int_equal(cq__answers_parse_tree(m, "t.json", json, size, &slow, &err), CQ_OK);
    char *a = NULL, *b = NULL;
    assert_int_equal(cq_answers_to_json(fast, &a, NULL, NULL), CQ_OK);
    assert_int_equal(cq_answers_to_json(slow, &b, NULL, NULL), CQ_OK);
    assert_string_equal(a, b);
    cq_free(cq_model_context(m), a);
    cq_free(cq_model_context(m), b);
    cq_answers_free(fast);
    cq_answers_free(slow);
    return false;
}

/* fixture_each_answer_file's callback; ctx is the fixture_mini. */
static void reader_takes(const char *path, const char *json, size_t size, void *ctx)
{
    const fixture_mini *f = ctx;
    if (declines(f->model, json, size))
        fail_msg("the one-pass reader declines %s", path);
}

static void the_reader_takes_every_persona_and_person(void **state)
{
    const fixture_mini *f = *state;
    assert_true(fixture_each_answer_file(reader_takes, *state) >= 8);
    size_t size = 0;
    char *example = fixture_read("docs/examples/answers.json", &size);
    assert_false(declines(f->model, example, size));
    free(example);
}

static void the_reader_takes_nulls_lists_and_ignored_keys(void **state)
{
    const fixture_mini *f = *state;
    const char *json = "{\"version\": 1, \"who\": {\"a\": [1, {\"a\": 2}], \"b\": null},"
                       " \"answers\": {\"education\": null, \"languages\": [\"sql\", \"r\"],"
                       " \"statistics\": 4}, \"z\": 2.5e3}";
    assert_false(declines(f->model, json, strlen(json)));
}

static void the_reader_leaves_escapes_and_decimal_numbers_to_the_long_way(void **state)
{
    const fixture_mini *f = *state;
    static const char *const texts[] = {
        "{\"answers\": {\"educ\\u0061tion\": \"phd\"}}",
        "{\"answers\": {\"education\": \"ph\\u0064\"}}",
        "{\"version\": 1.0, \"answers\": {}}",
        "{\"answers\": {\"statistics\": 3.0}}",
        "{\"answers\": {\"statistics\": 3e0}}",
    };
    for (size_t i = 0; i < sizeof texts / sizeof *texts; i++) {
        assert_true(declines(f->model, texts[i], strlen(texts[i])));
        /* ... and the long way reads them. */
        cq_answers *a = NULL;
        assert_int_equal(cq_answers_parse(f->model, "t.json", texts[i], strlen(texts[i]), &a, NULL),
                         CQ_OK);
        cq_answers_free(a);
    }
}

static void the_reader_leaves_every_error_to_be_worded_the_long_way(void **state)
{
    const fixture_mini *f = *state;
    static const char *const texts[] = {
        "{\"answers\": {\"education\": \"phd\", \"education\": \"phd\"}}",
        "{\"who\": {\"a\": 1, \"a\": 2}, \"answers\": {}}",
        "{\"version\": 2, \"answers\": {}}",
        "{\"answers\": {\"statistics\": 99}}",
        "{\"answers\": {\"languages\": [\"sql\", \"sql\"]}}",
        "{\"answers\": {\"nope\": 1}}",
        "{\"answers\": []}",
        "{\"who\": {\"answers\": {}}}",
        "[]",
        "{\"answers\": {\"data-tools\": []}}",
    };
    for (size_t i = 0; i < sizeof texts / sizeof *texts; i++) {
        cq_answers *a = NULL;
        cq_error err;
        assert_true(declines(f->model, texts[i], strlen(texts[i])));
        assert_int_not_equal(
            cq_answers_parse(f->model, "t.json", texts[i], strlen(texts[i]), &a, &err), CQ_OK);
        assert_null(a);
        assert_true(err.message[0] != '\0');
    }
}

/* cJSON's allocator for the next test: it always fails, and counts the attempts. */
static size_t cjson_attempts;

static void *cjson_cannot_allocate(size_t size)
{
    (void)size;
    cjson_attempts++;
    return NULL;
}

/* What careerquiz.h says: the built-in model, a plain answers document and scoring use only
 * the context's allocator; cJSON's own (process-wide) hooks serve the long way and the views. */
static void only_the_long_way_and_the_views_allocate_through_cjson(void **state)
{
    (void)state;
    cq_context *ctx = NULL;
    cq_model *m = NULL;
    cq_answers *a = NULL;
    cq_result *r = NULL;
    char *json = NULL;
    const char *plain = "{\"answers\": {\"languages\": [\"sql\"], \"statistics\": 4}}";
    const char *escaped = "{\"answers\": {\"st\\u0061tistics\": 4}}";
    cJSON_Hooks hooks = {cjson_cannot_allocate, free};
    cjson_attempts = 0;
    cJSON_InitHooks(&hooks);
    assert_int_equal(cq_context_new(NULL, &ctx), CQ_OK);
    assert_int_equal(cq_model_load_default(ctx, &m, NULL), CQ_OK);
    assert_int_equal(cq_answers_parse(m, "t.json", plain, strlen(plain), &a, NULL), CQ_OK);
    assert_int_equal(cq_score(m, a, &r, NULL), CQ_OK);
    assert_int_equal(cjson_attempts, 0);
    cq_answers_free(a);
    a = NULL;
    assert_int_equal(cq_answers_parse(m, "t.json", escaped, strlen(escaped), &a, NULL),
                     CQ_ERR_NOMEM);
    assert_int_equal(cq_result_to_json(m, r, &json, NULL, NULL), CQ_ERR_NOMEM);
    assert_true(cjson_attempts >= 2);
    cJSON_InitHooks(NULL);
    assert_int_equal(cq_answers_parse(m, "t.json", escaped, strlen(escaped), &a, NULL), CQ_OK);
    cq_answers_free(a);
    cq_result_free(r);
    cq_model_free(m);
    cq_context_free(ctx);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(the_reader_takes_every_persona_and_person),
        cmocka_unit_test(the_reader_takes_nulls_lists_and_ignored_keys),
        cmocka_unit_test(the_reader_leaves_escapes_and_decimal_numbers_to_the_long_way),
        cmocka_unit_test(the_reader_leaves_every_error_to_be_worded_the_long_way),
        cmocka_unit_test(only_the_long_way_and_the_views_allocate_through_cjson),
    };
    return cmocka_run_group_tests_name("one-pass answers reader", tests, fixture_shipped_setup,
                                       fixture_mini_teardown);
}
