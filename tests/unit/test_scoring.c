/* test_scoring.c: the scoring model on the mini fixture bank (docs/scoring.md). */
#include "fixtures.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define EXACT 1e-9

typedef struct {
    cq_context *ctx;
    cq_model *model;
} fixture;

static int setup(void **state)
{
    fixture *f = calloc(1, sizeof *f);
    assert_int_equal(cq_context_new(NULL, &f->ctx), CQ_OK);
    f->model = fixture_load_dir(f->ctx, "tests/fixtures/mini");
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    fixture *f = *state;
    cq_model_free(f->model);
    cq_context_free(f->ctx);
    free(f);
    return 0;
}

static cq_result *score_text(const cq_model *m, const char *json)
{
    cq_answers *a = fixture_answers(m, json);
    cq_result *r = NULL;
    cq_error err;
    assert_int_equal(cq_score(m, a, &r, &err), CQ_OK);
    cq_answers_free(a);
    return r;
}

static void worked_example_matches_the_hand_computation(void **state)
{
    fixture *f = *state;
    const cq_model *m = f->model;
    size_t size;
    char *json = fixture_read("tests/fixtures/mini/worked-example.json", &size);
    cq_result *r = score_text(m, json);
    free(json);
    size_t sci = fixture_role(m, "scientist"), man = fixture_role(m, "manager");
    size_t qo = fixture_question(m, "orientation"), ql = fixture_question(m, "lead"),
           qt = fixture_question(m, "tools");

    assert_double_equal(cq_result_points(r, sci, qo), 300.0 / 6.5, EXACT);
    assert_double_equal(cq_result_points(r, sci, ql), 0.0, EXACT);
    assert_double_equal(cq_result_points(r, sci, qt), 97.5 / 6.5, EXACT);
    assert_double_equal(cq_result_score(r, sci), 397.5 / 6.5, EXACT);

    assert_double_equal(cq_result_points(r, man, qo), 62.5 / 5.5, EXACT);
    assert_double_equal(cq_result_points(r, man, ql), (200.0 * 8.0 / 9.0) / 5.5, EXACT);
    assert_double_equal(cq_result_points(r, man, qt), 25.0 / 5.5, EXACT);
    assert_double_equal(cq_result_score(r, man), (62.5 + 1600.0 / 9.0 + 25.0) / 5.5, EXACT);

    assert_int_equal(cq_result_role_at(r, 0), sci);
    assert_int_equal(cq_result_role_at(r, 1), man);
    assert_double_equal(cq_round1(cq_result_score(r, sci)), 61.2, EXACT);
    assert_double_equal(cq_round1(cq_result_score(r, man)), 48.2, EXACT);
    assert_double_equal(cq_result_margin(r), 13.0, EXACT);
    assert_int_equal(cq_result_close_count(r), 1);

    size_t research = cq_model_find_trait(m, "research");
    size_t leadership = cq_model_find_trait(m, "leadership");
    assert_double_equal(cq_result_trait_value(r, research), 0.72, EXACT);
    assert_double_equal(cq_result_trait_evidence(r, research), 2.5, EXACT);
    assert_double_equal(cq_result_trait_value(r, leadership), 1.0 / 1.5, EXACT);
    assert_double_equal(cq_result_trait_evidence(r, leadership), 1.5, EXACT);
    cq_result_free(r);
}

static void points_of_every_role_add_up_to_its_score(void **state)
{
    fixture *f = *state;
    const char *sets[] = {
        "{\"answers\": {\"orientation\": 1, \"lead\": \"solo\", \"tools\": [\"a\", \"b\"]}}",
        "{\"answers\": {\"orientation\": 5, \"tools\": [\"none\"]}}",
        "{\"answers\": {\"orientation\": 3, \"lead\": \"lead\", \"tools\": [\"b\"]}}",
    };
    for (size_t s = 0; s < sizeof sets / sizeof *sets; s++) {
        cq_result *r = score_text(f->model, sets[s]);
        for (size_t ro = 0; ro < cq_model_role_count(f->model); ro++) {
            double sum = 0;
            for (size_t q = 0; q < cq_model_question_count(f->model); q++)
                sum += cq_result_points(r, ro, q);
            assert_double_equal(sum, cq_result_score(r, ro), EXACT);
        }
        cq_result_free(r);
    }
}

static void skipped_question_counts_nowhere(void **state)
{
    fixture *f = *state;
    /* Without "lead", the scientist keeps orientation (earned 3 of 4) and tools (0.975 of
     * 1.5): 100 * 3.975 / 5.5. */
    cq_result *r = score_text(f->model, "{\"answers\": {\"orientation\": 4, \"tools\": [\"a\"]}}");
    size_t sci = fixture_role(f->model, "scientist");
    assert_double_equal(cq_result_score(r, sci), 397.5 / 5.5, EXACT);
    assert_double_equal(cq_result_points(r, sci, fixture_question(f->model, "lead")), 0.0, EXACT);
    cq_result_free(r);
}

static void option_that_sets_no_trait_is_the_same_as_skipping(void **state)
{
    fixture *f = *state;
    cq_result *skipped =
        score_text(f->model, "{\"answers\": {\"orientation\": 2, \"tools\": [\"b\"]}}");
    cq_result *other = score_text(
        f->model, "{\"answers\": {\"orientation\": 2, \"lead\": \"other\", \"tools\": [\"b\"]}}");
    for (size_t ro = 0; ro < cq_model_role_count(f->model); ro++)
        assert_double_equal(cq_result_score(skipped, ro), cq_result_score(other, ro), EXACT);
    cq_result_free(skipped);
    cq_result_free(other);
}

static void multi_choice_values_add_up_and_cap_at_one(void **state)
{
    fixture *f = *state;
    /* a and b give research 0.6 each: 1.2 capped to 1.0; leadership gets b's 0.5. */
    cq_result *r = score_text(f->model, "{\"answers\": {\"tools\": [\"a\", \"b\"]}}");
    assert_double_equal(cq_result_trait_value(r, cq_model_find_trait(f->model, "research")), 1.0,
                        EXACT);
    assert_double_equal(cq_result_trait_value(r, cq_model_find_trait(f->model, "leadership")), 0.5,
                        EXACT);
    assert_double_equal(cq_result_trait_evidence(r, cq_model_find_trait(f->model, "research")), 0.5,
                        EXACT);
    cq_result_free(r);
}

static void scoring_with_nothing_answered_is_an_error(void **state)
{
    fixture *f = *state;
    cq_answers *a = fixture_answers(f->model, "{\"answers\": {}}");
    cq_result *r = NULL;
    cq_error err;
    assert_int_equal(cq_score(f->model, a, &r, &err), CQ_ERR_INVALID);
    assert_null(r);
    assert_non_null(strstr(err.message, "answer at least one"));
    cq_answers_free(a);
}

static void answers_of_another_model_are_refused(void **state)
{
    fixture *f = *state;
    cq_model *other = fixture_load_dir(f->ctx, "tests/fixtures/mini");
    cq_answers *a = fixture_answers(other, "{\"answers\": {\"orientation\": 3}}");
    cq_result *r = NULL;
    cq_error err;
    assert_int_equal(cq_score(f->model, a, &r, &err), CQ_ERR_ARG);
    cq_answers_free(a);
    cq_model_free(other);
}

/* Two roles with identical targets always tie; the rule puts the smaller id first. */
static const char tie_bank[] =
    "{\"traits\": [{\"id\": \"t\", \"name\": \"T\"}], \"questions\": [{\"id\": \"q\", "
    "\"type\": \"scale\", \"text\": \"Q?\", \"min\": 0, \"max\": 4, \"traits\": {\"t\": [0, 1]}}]}";
#define TIE_PROFILE(ID, TARGET)                                                                    \
    "{\"id\": \"" ID "\", \"title\": \"" ID "\", \"summary\": \"s\", \"responsibilities\": "       \
    "[{\"text\": \"r\", \"about\": [\"r\"]}], \"skills\": [{\"text\": \"s\", \"about\": "          \
    "[\"s\"]}], \"education\": [{\"text\": \"e\", \"about\": [\"e\"]}], \"tools\": [{\"text\": "   \
    "\"t\", \"about\": [\"t\"]}], \"industries\": [{\"text\": \"i\", \"about\": [\"i\"]}], "       \
    "\"outlook\": {\"text\": \"o\"}, \"tips\": [{\"text\": \"x\", \"advice\": \"x\", \"builds\": " \
    "[\"t\"], \"source\": \"A\"}], \"sources\": [\"A\"], \"targets\": {\"t\": {\"value\": " TARGET \
    ", \"importance\": 1, \"why\": \"w\"}}}"

static void equal_scores_are_ranked_by_role_id(void **state)
{
    fixture *f = *state;
    const char *profiles[] = {TIE_PROFILE("zeta", "0.5"), TIE_PROFILE("alpha", "0.5"),
                              TIE_PROFILE("mid", "1.0"), NULL};
    cq_model *m = NULL;
    cq_error err;
    assert_int_equal(fixture_load_texts(f->ctx, tie_bank, profiles, &m, &err), CQ_OK);
    cq_result *r = score_text(m, "{\"answers\": {\"q\": 2}}");
    /* alpha and zeta score 100 (on target), mid 50 (v 0.5 against 1.0). */
    assert_string_equal(cq_role_id(m, cq_result_role_at(r, 0)), "alpha");
    assert_string_equal(cq_role_id(m, cq_result_role_at(r, 1)), "zeta");
    assert_string_equal(cq_role_id(m, cq_result_role_at(r, 2)), "mid");
    assert_double_equal(cq_result_margin(r), 0.0, EXACT);
    assert_int_equal(cq_result_close_count(r), 2);
    cq_result_free(r);
    cq_model_free(m);
}

static void roles_within_three_points_are_close_calls(void **state)
{
    fixture *f = *state;
    /* Against an answer of 1.0 a target t > 0.5 scores 100 * (2t - 1) / t: targets 1.0,
     * 0.9709 and 0.9615 give 100, 97.0028 and 95.996, shown as 100.0, 97.0 and 96.0. */
    const char *profiles[] = {TIE_PROFILE("a", "1.0"), TIE_PROFILE("b", "0.9709"),
                              TIE_PROFILE("c", "0.9615"), NULL};
    cq_model *m = NULL;
    cq_error err;
    assert_int_equal(fixture_load_texts(f->ctx, tie_bank, profiles, &m, &err), CQ_OK);
    cq_result *r = score_text(m, "{\"answers\": {\"q\": 4}}");
    assert_double_equal(cq_round1(cq_result_score(r, cq_result_role_at(r, 1))), 97.0, EXACT);
    assert_double_equal(cq_round1(cq_result_score(r, cq_result_role_at(r, 2))), 96.0, EXACT);
    assert_double_equal(cq_result_margin(r), 3.0, EXACT);
    assert_int_equal(cq_result_close_count(r), 2); /* 3.0 is within, 4.0 is not */
    cq_result_free(r);
    cq_model_free(m);
}

static void rounding_is_half_away_from_zero(void **state)
{
    (void)state;
    assert_double_equal(cq_round1(61.15), 61.2, EXACT);
    assert_double_equal(cq_round1(61.149), 61.1, EXACT);
    assert_double_equal(cq_round1(0.05), 0.1, EXACT);
    assert_double_equal(cq_round1(-0.05), -0.1, EXACT);
    assert_double_equal(cq_round1(100.0), 100.0, EXACT);
}

static void same_answers_score_identically_every_time(void **state)
{
    fixture *f = *state;
    const char *json =
        "{\"answers\": {\"orientation\": 3, \"lead\": \"lead\", \"tools\": [\"a\"]}}";
    cq_result *a = score_text(f->model, json);
    cq_result *b = score_text(f->model, json);
    char *ja = NULL, *jb = NULL;
    cq_error err;
    assert_int_equal(cq_result_to_json(f->model, a, &ja, NULL, &err), CQ_OK);
    assert_int_equal(cq_result_to_json(f->model, b, &jb, NULL, &err), CQ_OK);
    assert_string_equal(ja, jb);
    cq_free(cq_model_context(f->model), ja);
    cq_free(cq_model_context(f->model), jb);
    cq_result_free(a);
    cq_result_free(b);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(worked_example_matches_the_hand_computation),
        cmocka_unit_test(points_of_every_role_add_up_to_its_score),
        cmocka_unit_test(skipped_question_counts_nowhere),
        cmocka_unit_test(option_that_sets_no_trait_is_the_same_as_skipping),
        cmocka_unit_test(multi_choice_values_add_up_and_cap_at_one),
        cmocka_unit_test(scoring_with_nothing_answered_is_an_error),
        cmocka_unit_test(answers_of_another_model_are_refused),
        cmocka_unit_test(equal_scores_are_ranked_by_role_id),
        cmocka_unit_test(roles_within_three_points_are_close_calls),
        cmocka_unit_test(rounding_is_half_away_from_zero),
        cmocka_unit_test(same_answers_score_identically_every_time),
    };
    return cmocka_run_group_tests_name("scoring", tests, setup, teardown);
}
