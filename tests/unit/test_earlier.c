/* test_earlier.c: answers saved with an earlier version of the bank are carried over to the
 * current questions, or refused with what changed (the bank's "earlier" list). */
#include "fixtures.h"

#include <stdlib.h>
#include <string.h>

/* The mini bank, as if its version mini-0 had a "boss" option (now "lead"), a "chief" option
 * that meant two things, and a "gadgets" question whose gadget C is now tool B. */
#define EARLIER                                                                                    \
    "\"version\": \"mini-1\",\n  \"earlier\": [{\"version\": \"mini-0\", \"changes\": ["           \
    "{\"question\": \"lead\", \"option\": \"boss\", \"to\": {\"question\": \"lead\", \"option\": " \
    "\"lead\"}, \"why\": \"boss is now called lead\"}, "                                           \
    "{\"question\": \"lead\", \"option\": \"chief\", \"refuse\": true, \"why\": \"chief is now "   \
    "two options, solo and lead; choose one\"}, "                                                  \
    "{\"question\": \"gadgets\", \"option\": \"c\", \"to\": {\"question\": \"tools\", "            \
    "\"option\": \"b\"}, \"why\": \"gadget C is now tool B\"}, "                                   \
    "{\"question\": \"gadgets\", \"option\": \"d\", \"to\": {\"question\": \"lead\", "             \
    "\"option\": \"solo\"}, \"why\": \"gadget D meant working alone\"}, "                          \
    "{\"question\": \"gadgets\", \"drop\": true, \"why\": \"the gadgets question is gone\"}]}],"

typedef fixture_mini fixture;

static int setup(void **state)
{
    fixture *f = calloc(1, sizeof *f);
    assert_int_equal(cq_context_new(NULL, &f->ctx), CQ_OK);
    char *bank = fixture_read("tests/fixtures/mini/questions/bank.json", NULL);
    char *changed = fixture_replace(bank, "\"version\": \"mini-1\",", EARLIER);
    char *sci = fixture_read("tests/fixtures/mini/profiles/scientist.json", NULL);
    char *man = fixture_read("tests/fixtures/mini/profiles/manager.json", NULL);
    const char *profiles[] = {sci, man, NULL};
    cq_error err;
    assert_int_equal(fixture_load_texts(f->ctx, changed, profiles, &f->model, &err), CQ_OK);
    free(bank);
    free(changed);
    free(sci);
    free(man);
    *state = f;
    return 0;
}

static cq_status parse(const fixture *f, const char *json, cq_answers **out, cq_error *err)
{
    return cq_answers_parse(f->model, "old.json", json, strlen(json), out, err);
}

static void answers_of_an_earlier_version_are_carried_to_the_current_questions(void **state)
{
    fixture *f = *state;
    const cq_model *m = f->model;
    cq_answers *a = NULL;
    cq_error err;
    /* "boss" is renamed; gadget C joins "tools" (whose "Neither" it contradicts, so the tool
     * wins); gadget E is dropped with its question; the scale is as it was. */
    assert_int_equal(parse(f,
                           "{\"version\": 1, \"bank_version\": \"mini-0\", \"answers\": "
                           "{\"orientation\": 4, \"lead\": \"boss\", \"tools\": [\"none\"], "
                           "\"gadgets\": [\"c\", \"e\"]}}",
                           &a, &err),
                     CQ_OK);
    size_t lead = fixture_question(m, "lead"), tools = fixture_question(m, "tools");
    assert_int_equal(cq_answers_option(a, lead, 0), cq_question_find_option(m, lead, "lead"));
    assert_int_equal(cq_answers_option_count(a, tools), 1);
    assert_true(cq_answers_selected(a, tools, cq_question_find_option(m, tools, "b")));
    assert_int_equal(cq_answers_scale(a, fixture_question(m, "orientation")), 4);
    assert_int_equal(cq_answers_count(a), 3);
    /* Saved again, they are answers of the current bank. */
    char *json = NULL;
    size_t size = 0;
    assert_int_equal(cq_answers_to_json(a, &json, &size, NULL), CQ_OK);
    assert_non_null(strstr(json, "\"mini-1\""));
    assert_null(strstr(json, "\"mini-0\""));
    assert_null(strstr(json, "gadgets"));
    assert_null(strstr(json, "boss"));
    cq_free(cq_model_context(m), json);
    cq_answers_free(a);
}

static void an_answer_whose_meaning_changed_is_refused_with_what_changed(void **state)
{
    fixture *f = *state;
    cq_answers *a = NULL;
    cq_error err;
    const char *json = "{\"bank_version\": \"mini-0\", \"answers\": {\n"
                       "  \"orientation\": 2,\n"
                       "  \"lead\": \"chief\"\n"
                       "}}";
    assert_int_equal(parse(f, json, &a, &err), CQ_ERR_INVALID);
    assert_null(a);
    assert_string_equal(err.message,
                        "answer \"chief\" to question \"lead\" of bank mini-0 does not carry over: "
                        "chief is now two options, solo and lead; choose one");
    assert_string_equal(err.file, "old.json");
    assert_string_equal(err.id, "lead");
    assert_int_equal(err.line, 3);
    assert_int_equal(err.column, 3);
}

static void two_old_answers_that_become_one_single_answer_are_refused(void **state)
{
    fixture *f = *state;
    cq_answers *a = NULL;
    cq_error err;
    assert_int_equal(parse(f,
                           "{\"bank_version\": \"mini-0\", \"answers\": {\"lead\": \"boss\", "
                           "\"gadgets\": [\"d\"]}}",
                           &a, &err),
                     CQ_ERR_INVALID);
    assert_non_null(strstr(err.message, "both become the answer to question \"lead\""));
}

static void an_old_id_in_a_file_that_names_no_version_says_what_changed(void **state)
{
    fixture *f = *state;
    cq_answers *a = NULL;
    cq_error err;
    assert_int_equal(parse(f, "{\"answers\": {\"lead\": \"boss\"}}", &a, &err), CQ_ERR_INVALID);
    assert_string_equal(err.message, "unknown option \"boss\" for question \"lead\" (changed after "
                                     "bank mini-0: boss is now called lead)");
    assert_int_equal(err.line, 1);
    assert_int_equal(parse(f, "{\"answers\": {\"gadgets\": [\"e\"]}}", &a, &err), CQ_ERR_INVALID);
    assert_string_equal(err.message, "unknown question \"gadgets\" (changed after bank mini-0: "
                                     "the gadgets question is gone)");
    /* An id no version knows gets the plain message. */
    assert_int_equal(parse(f, "{\"answers\": {\"lead\": \"king\"}}", &a, &err), CQ_ERR_INVALID);
    assert_string_equal(err.message, "unknown option \"king\" for question \"lead\"");
}

static void the_current_version_and_unknown_versions_are_read_as_they_are(void **state)
{
    fixture *f = *state;
    cq_answers *a = NULL;
    cq_error err;
    assert_int_equal(
        parse(f, "{\"bank_version\": \"mini-1\", \"answers\": {\"lead\": \"lead\"}}", &a, &err),
        CQ_OK);
    cq_answers_free(a);
    assert_int_equal(
        parse(f, "{\"bank_version\": \"mini-9\", \"answers\": {\"lead\": \"lead\"}}", &a, &err),
        CQ_OK);
    cq_answers_free(a);
    /* The version of a current file does not excuse an old id. */
    assert_int_equal(
        parse(f, "{\"bank_version\": \"mini-1\", \"answers\": {\"lead\": \"boss\"}}", &a, &err),
        CQ_ERR_INVALID);
    assert_int_equal(parse(f, "{\"bank_version\": 3, \"answers\": {}}", &a, &err), CQ_ERR_INVALID);
    assert_string_equal(err.message,
                        "answers file: \"bank_version\" must be a string, not a number");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(answers_of_an_earlier_version_are_carried_to_the_current_questions),
        cmocka_unit_test(an_answer_whose_meaning_changed_is_refused_with_what_changed),
        cmocka_unit_test(two_old_answers_that_become_one_single_answer_are_refused),
        cmocka_unit_test(an_old_id_in_a_file_that_names_no_version_says_what_changed),
        cmocka_unit_test(the_current_version_and_unknown_versions_are_read_as_they_are),
    };
    return cmocka_run_group_tests_name("earlier", tests, setup, fixture_mini_teardown);
}
