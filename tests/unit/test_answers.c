/* test_answers.c: parsing, validating, setting and saving answers. */
#include "fixtures.h"

#include <stdlib.h>
#include <string.h>

typedef fixture_mini fixture; /* a context and a model (fixtures.h) */

/* Parses json, expecting `status`, a message containing `needle` and err.id == id. */
static cq_error parse_fails(void **state, const char *json, cq_status status, const char *needle,
                            const char *id)
{
    fixture *f = *state;
    cq_answers *a = NULL;
    cq_error err;
    cq_status st = cq_answers_parse(f->model, "answers.json", json, strlen(json), &a, &err);
    if (st != status || !strstr(err.message, needle))
        print_error("status %d, message \"%s\"\n", st, err.message);
    assert_int_equal(st, status);
    assert_null(a);
    assert_non_null(strstr(err.message, needle));
    assert_string_equal(err.file, "answers.json");
    if (id)
        assert_string_equal(err.id, id);
    return err;
}

static void a_valid_answers_file_is_read(void **state)
{
    fixture *f = *state;
    cq_answers *a = fixture_answers(
        f->model, "{\"version\": 1, \"note\": {\"any\": 1}, \"answers\": {\"orientation\": 2, "
                  "\"lead\": \"solo\", \"tools\": [\"b\", \"a\"]}}");
    size_t qo = cq_model_find_question(f->model, "orientation");
    size_t ql = cq_model_find_question(f->model, "lead");
    size_t qt = cq_model_find_question(f->model, "tools");
    assert_int_equal(cq_answers_count(a), 3);
    assert_int_equal(cq_answers_scale(a, qo), 2);
    assert_int_equal(cq_answers_option(a, ql, 0), cq_question_find_option(f->model, ql, "solo"));
    assert_int_equal(cq_answers_option_count(a, qt), 2);
    assert_int_equal(cq_answers_option(a, qt, 0), 0); /* option order, not input order */
    assert_int_equal(cq_answers_option(a, qt, 1), 1);
    assert_true(cq_answers_selected(a, qt, 1));
    assert_true(cq_answers_complete(a));
    cq_answers_free(a);
}

static void an_unknown_question_is_named_with_its_line(void **state)
{
    cq_error err = parse_fails(state, "{\n  \"answers\": {\n    \"orientaton\": 3\n  }\n}",
                               CQ_ERR_INVALID, "unknown question \"orientaton\"", "orientaton");
    assert_int_equal(err.line, 3);
    assert_int_equal(err.column, 5);
}

static void an_unknown_option_is_named_with_its_question(void **state)
{
    parse_fails(state, "{\"answers\": {\"lead\": \"gpu\"}}", CQ_ERR_INVALID,
                "unknown option \"gpu\" for question \"lead\"", "gpu");
}

static void an_unknown_option_in_a_list_is_named(void **state)
{
    parse_fails(state, "{\"answers\": {\"tools\": [\"a\", \"c\"]}}", CQ_ERR_INVALID,
                "unknown option \"c\" for question \"tools\"", "c");
}

static void a_single_choice_given_a_list_is_a_type_error(void **state)
{
    parse_fails(state, "{\"answers\": {\"lead\": [\"solo\"]}}", CQ_ERR_INVALID,
                "takes one option id (a string), not an array", "lead");
}

static void a_multi_choice_given_a_string_is_a_type_error(void **state)
{
    parse_fails(state, "{\"answers\": {\"tools\": \"a\"}}", CQ_ERR_INVALID,
                "takes a list of option ids, not a string", "tools");
}

static void a_scale_given_text_is_a_type_error(void **state)
{
    parse_fails(state, "{\"answers\": {\"orientation\": \"3\"}}", CQ_ERR_INVALID,
                "takes a whole number from 1 to 5, not a string", "orientation");
}

static void a_scale_out_of_range_is_named(void **state)
{
    parse_fails(state, "{\"answers\": {\"orientation\": 6}}", CQ_ERR_INVALID, "outside 1..5",
                "orientation");
}

static void a_scale_fraction_is_refused(void **state)
{
    parse_fails(state, "{\"answers\": {\"orientation\": 2.5}}", CQ_ERR_INVALID,
                "must be an integer", "orientation");
}

static void an_empty_multi_choice_needs_an_option(void **state)
{
    parse_fails(state, "{\"answers\": {\"tools\": []}}", CQ_ERR_INVALID,
                "needs at least one option", "tools");
}

static void a_repeated_option_is_named(void **state)
{
    parse_fails(state, "{\"answers\": {\"tools\": [\"a\", \"a\"]}}", CQ_ERR_INVALID,
                "option \"a\" is listed twice", "a");
}

static void an_exclusive_option_cannot_be_combined(void **state)
{
    parse_fails(state, "{\"answers\": {\"tools\": [\"a\", \"none\"]}}", CQ_ERR_INVALID,
                "option \"none\" cannot be combined with others", "none");
}

static void the_answers_object_is_required(void **state)
{
    parse_fails(state, "{\"version\": 1}", CQ_ERR_INVALID, "required field \"answers\"", NULL);
}

static void an_unknown_format_version_is_refused(void **state)
{
    parse_fails(state, "{\"version\": 2, \"answers\": {}}", CQ_ERR_INVALID,
                "\"version\" is 2, outside 1..1", NULL);
}

static void a_top_level_array_is_refused(void **state)
{
    parse_fails(state, "[1, 2]", CQ_ERR_INVALID, "must be an object, not an array", NULL);
}

static void a_duplicated_answer_is_refused(void **state)
{
    parse_fails(state, "{\"answers\": {\"lead\": \"solo\", \"lead\": \"lead\"}}", CQ_ERR_INVALID,
                "duplicate key \"lead\"", "lead");
}

static void truncated_json_is_a_syntax_error_with_position(void **state)
{
    cq_error err = parse_fails(state, "{\"answers\": {\"lead\": \"solo\"", CQ_ERR_SYNTAX,
                               "malformed JSON", NULL);
    assert_int_equal(err.line, 1);
    assert_true(err.column > 1);
}

static void null_leaves_a_question_unanswered(void **state)
{
    fixture *f = *state;
    cq_answers *a =
        fixture_answers(f->model, "{\"answers\": {\"orientation\": null, \"tools\": [\"a\"]}}");
    assert_false(cq_answers_has(a, cq_model_find_question(f->model, "orientation")));
    /* null is a skip: a resume goes on past it, at "lead"; the required question it left
     * unanswered keeps the answers incomplete (take asks it before the end). */
    assert_true(cq_answers_skipped(a, cq_model_find_question(f->model, "orientation")));
    assert_int_equal(cq_answers_first_unanswered(a), cq_model_find_question(f->model, "lead"));
    assert_false(cq_answers_complete(a)); /* orientation is required */
    cq_answers_free(a);
}

/* take --resume counts an optional question left out of a file of this very bank as skipped: the
 * file must say which bank it was written for, and only its own version counts. */
static void answers_know_whether_they_were_written_for_this_bank(void **state)
{
    fixture *f = *state;
    char json[256];
    cq_answers *a, *copy = NULL;
    cq_error err;

    snprintf(json, sizeof json, "{\"bank_version\": \"%s\", \"answers\": {\"tools\": [\"a\"]}}",
             cq_model_version(f->model));
    a = fixture_answers(f->model, json);
    assert_true(cq_answers_of_this_bank(a));
    assert_int_equal(cq_answers_clone(a, &copy, &err), CQ_OK);
    assert_true(cq_answers_of_this_bank(copy));
    cq_answers_free(copy);
    cq_answers_free(a);
    a = fixture_answers(f->model, "{\"answers\": {\"tools\": [\"a\"]}}");
    assert_false(cq_answers_of_this_bank(a));
    cq_answers_free(a);
    a = fixture_answers(f->model, "{\"bank_version\": \"1999.01-1\", \"answers\": {}}");
    assert_false(cq_answers_of_this_bank(a));
    cq_answers_free(a);
    assert_int_equal(cq_answers_new(f->model, &a, &err), CQ_OK);
    assert_false(cq_answers_of_this_bank(a));
    cq_answers_free(a);
    assert_false(cq_answers_of_this_bank(NULL));
}

static void saved_answers_read_back_the_same(void **state)
{
    fixture *f = *state;
    cq_answers *a =
        fixture_answers(f->model, "{\"answers\": {\"tools\": [\"b\", \"a\"], \"orientation\": 5}}");
    char *json = NULL;
    size_t size = 0;
    cq_error err;
    assert_int_equal(cq_answers_to_json(a, &json, &size, &err), CQ_OK);
    assert_int_equal(strlen(json), size);
    assert_int_equal(json[size - 1], '\n');
    cq_answers *back = fixture_answers(f->model, json);
    char *again = NULL;
    assert_int_equal(cq_answers_to_json(back, &again, NULL, &err), CQ_OK);
    assert_string_equal(json, again);
    assert_non_null(strstr(json, "\"bank_version\":\t\"mini-1\""));
    /* Bank order, with options in option order. */
    assert_true(strstr(json, "orientation") < strstr(json, "tools"));
    cq_free(f->ctx, json);
    cq_free(f->ctx, again);
    cq_answers_free(a);
    cq_answers_free(back);
}

static void setting_an_answer_validates_it_and_changes_nothing_on_error(void **state)
{
    fixture *f = *state;
    cq_answers *a = NULL;
    cq_error err;
    assert_int_equal(cq_answers_new(f->model, &a, &err), CQ_OK);
    size_t qo = cq_model_find_question(f->model, "orientation");
    size_t ql = cq_model_find_question(f->model, "lead");
    size_t qt = cq_model_find_question(f->model, "tools");
    assert_int_equal(cq_answers_set_scale(a, qo, 3, &err), CQ_OK);
    assert_int_equal(cq_answers_set_scale(a, qo, 9, &err), CQ_ERR_INVALID);
    assert_int_equal(cq_answers_scale(a, qo), 3);
    assert_int_equal(cq_answers_set_scale(a, ql, 1, &err), CQ_ERR_INVALID);
    assert_int_equal(cq_answers_set_option(a, qo, 0, &err), CQ_ERR_INVALID);
    assert_int_equal(cq_answers_set_option(a, ql, 7, &err), CQ_ERR_ARG);
    size_t two[] = {0, 1};
    assert_int_equal(cq_answers_set_options(a, ql, two, 2, &err), CQ_ERR_INVALID);
    assert_false(cq_answers_has(a, ql));
    assert_int_equal(cq_answers_set_options(a, qt, two, 2, &err), CQ_OK);
    assert_int_equal(cq_answers_set_option(a, 99, 0, &err), CQ_ERR_ARG);
    assert_int_equal(cq_answers_first_unanswered(a), ql);
    cq_answers_clear(a, qo);
    assert_false(cq_answers_has(a, qo));
    assert_int_equal(cq_answers_count(a), 1);
    cq_answers_free(a);
}

/* A skip is kept apart from a question not asked yet: saved as null, read back as a skip, passed
 * by cq_answers_first_unanswered (where take --resume goes on), ended by an answer. */
static void a_skip_is_saved_as_null_and_a_resume_goes_past_it(void **state)
{
    fixture *f = *state;
    cq_answers *a = NULL, *back, *copy = NULL;
    cq_error err;
    char *json = NULL;
    size_t size;
    size_t qo = cq_model_find_question(f->model, "orientation");
    size_t ql = cq_model_find_question(f->model, "lead");
    assert_int_equal(cq_answers_new(f->model, &a, &err), CQ_OK);
    assert_int_equal(cq_answers_set_scale(a, qo, 3, &err), CQ_OK);
    assert_int_equal(cq_answers_first_unanswered(a), ql);
    cq_answers_skip(a, ql);
    assert_true(cq_answers_skipped(a, ql));
    assert_false(cq_answers_has(a, ql));
    assert_int_equal(cq_answers_count(a), 1);
    assert_int_equal(cq_answers_first_unanswered(a), ql + 1);
    assert_int_equal(cq_answers_to_json(a, &json, &size, &err), CQ_OK);
    assert_non_null(strstr(json, "\"lead\":\tnull"));
    back = fixture_answers(f->model, json);
    assert_true(cq_answers_skipped(back, ql));
    assert_int_equal(cq_answers_first_unanswered(back), ql + 1);
    assert_int_equal(cq_answers_clone(back, &copy, &err), CQ_OK);
    assert_true(cq_answers_skipped(copy, ql));
    /* Answering ends the skip; clearing makes the question not asked yet. */
    assert_int_equal(cq_answers_set_option(back, ql, 0, &err), CQ_OK);
    assert_false(cq_answers_skipped(back, ql));
    cq_answers_clear(copy, ql);
    assert_false(cq_answers_skipped(copy, ql));
    assert_int_equal(cq_answers_first_unanswered(copy), ql);
    /* A file that leaves the question out (as saves before skips were kept did) still loads. */
    cq_answers_free(back);
    back = fixture_answers(f->model, "{\"answers\": {\"orientation\": 3}}");
    assert_false(cq_answers_skipped(back, ql));
    assert_int_equal(cq_answers_first_unanswered(back), ql);
    assert_false(cq_answers_skipped(NULL, 0));
    cq_answers_skip(NULL, 0);
    cq_answers_skip(a, 99); /* out of range: nothing happens */
    cq_free(f->ctx, json);
    cq_answers_free(a);
    cq_answers_free(back);
    cq_answers_free(copy);
}

static void a_clone_is_independent(void **state)
{
    fixture *f = *state;
    cq_answers *a = fixture_answers(f->model, "{\"answers\": {\"orientation\": 2}}");
    cq_answers *b = NULL;
    cq_error err;
    assert_int_equal(cq_answers_clone(a, &b, &err), CQ_OK);
    assert_int_equal(cq_answers_set_scale(b, 0, 5, &err), CQ_OK);
    assert_int_equal(cq_answers_scale(a, 0), 2);
    assert_int_equal(cq_answers_scale(b, 0), 5);
    cq_answers_free(a);
    cq_answers_free(b);
}

static void an_answers_file_over_the_cap_is_refused(void **state)
{
    fixture *f = *state;
    cq_answers *a = NULL;
    cq_error err;
    assert_int_equal(
        cq_answers_parse(f->model, "big.json", "{}", (size_t)CQ_MAX_ANSWERS_BYTES + 1, &a, &err),
        CQ_ERR_LIMIT);
}

static void read_stream_stops_at_the_limit(void **state)
{
    fixture *f = *state;
    FILE *fp = tmpfile();
    assert_non_null(fp);
    for (int i = 0; i < 100; i++)
        fputs("0123456789", fp);
    rewind(fp);
    char *buf = NULL;
    size_t size = 0;
    cq_error err;
    assert_int_equal(cq_read_stream(f->ctx, fp, "t", 999, &buf, &size, &err), CQ_ERR_LIMIT);
    rewind(fp);
    assert_int_equal(cq_read_stream(f->ctx, fp, "t", 1000, &buf, &size, &err), CQ_OK);
    assert_int_equal(size, 1000);
    assert_int_equal(buf[1000], '\0');
    cq_free(f->ctx, buf);
    fclose(fp);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(a_valid_answers_file_is_read),
        cmocka_unit_test(an_unknown_question_is_named_with_its_line),
        cmocka_unit_test(an_unknown_option_is_named_with_its_question),
        cmocka_unit_test(an_unknown_option_in_a_list_is_named),
        cmocka_unit_test(a_single_choice_given_a_list_is_a_type_error),
        cmocka_unit_test(a_multi_choice_given_a_string_is_a_type_error),
        cmocka_unit_test(a_scale_given_text_is_a_type_error),
        cmocka_unit_test(a_scale_out_of_range_is_named),
        cmocka_unit_test(a_scale_fraction_is_refused),
        cmocka_unit_test(an_empty_multi_choice_needs_an_option),
        cmocka_unit_test(a_repeated_option_is_named),
        cmocka_unit_test(an_exclusive_option_cannot_be_combined),
        cmocka_unit_test(the_answers_object_is_required),
        cmocka_unit_test(an_unknown_format_version_is_refused),
        cmocka_unit_test(a_top_level_array_is_refused),
        cmocka_unit_test(a_duplicated_answer_is_refused),
        cmocka_unit_test(truncated_json_is_a_syntax_error_with_position),
        cmocka_unit_test(null_leaves_a_question_unanswered),
        cmocka_unit_test(answers_know_whether_they_were_written_for_this_bank),
        cmocka_unit_test(saved_answers_read_back_the_same),
        cmocka_unit_test(setting_an_answer_validates_it_and_changes_nothing_on_error),
        cmocka_unit_test(a_skip_is_saved_as_null_and_a_resume_goes_past_it),
        cmocka_unit_test(a_clone_is_independent),
        cmocka_unit_test(an_answers_file_over_the_cap_is_refused),
        cmocka_unit_test(read_stream_stops_at_the_limit),
    };
    return cmocka_run_group_tests_name("answers", tests, fixture_mini_setup, fixture_mini_teardown);
}
