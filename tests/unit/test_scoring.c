/* test_scoring.c: the scoring model on the mini fixture bank (docs/scoring.md). */
#include "fixtures.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define EXACT 1e-9

typedef fixture_mini fixture; /* a context and a model (fixtures.h) */

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

    /* Scientist: possible 4 + 1 + 2 = 7; earned 2, 0 and 1.25. */
    assert_double_equal(cq_result_points(r, sci, qo), 200.0 / 7.0, EXACT);
    assert_double_equal(cq_result_points(r, sci, ql), 0.0, EXACT);
    assert_double_equal(cq_result_points(r, sci, qt), 125.0 / 7.0, EXACT);
    assert_double_equal(cq_result_score(r, sci), 325.0 / 7.0, EXACT);

    /* Manager: possible 2 + 2 + 1 = 5; earned 1.25, 2 * 8/9 and 5/7. */
    assert_double_equal(cq_result_points(r, man, qo), 25.0, EXACT);
    assert_double_equal(cq_result_points(r, man, ql), 100.0 * (16.0 / 9.0) / 5.0, EXACT);
    assert_double_equal(cq_result_points(r, man, qt), 100.0 * (5.0 / 7.0) / 5.0, EXACT);
    assert_double_equal(cq_result_score(r, man), 25.0 + 320.0 / 9.0 + 100.0 / 7.0, EXACT);

    assert_int_equal(cq_result_role_at(r, 0), man);
    assert_int_equal(cq_result_role_at(r, 1), sci);
    assert_double_equal(cq_round1(cq_result_score(r, man)), 74.8, EXACT);
    assert_double_equal(cq_round1(cq_result_score(r, sci)), 46.4, EXACT);
    assert_double_equal(cq_result_margin(r), 28.4, EXACT);
    assert_int_equal(cq_result_close_count(r), 1);

    size_t research = cq_model_find_trait(m, "research");
    size_t leadership = cq_model_find_trait(m, "leadership");
    size_t methods = cq_model_find_trait(m, "methods");
    assert_double_equal(cq_result_trait_value(r, research), 0.5, EXACT);
    assert_double_equal(cq_result_trait_evidence(r, research), 2.0, EXACT);
    assert_double_equal(cq_result_trait_value(r, leadership), 1.0, EXACT);
    assert_double_equal(cq_result_trait_evidence(r, leadership), 1.0, EXACT);
    assert_double_equal(cq_result_trait_value(r, methods), 0.5, EXACT);

    /* Effects: each answer against the mean of the question's other answers; the pick-all
     * tools question against ticking none, which earns both roles 0. */
    assert_double_equal(cq_result_effect(r, man, qo), 5.0, EXACT);
    assert_double_equal(cq_result_effect(r, man, ql), 100.0 * (16.0 / 9.0) / 5.0, EXACT);
    assert_double_equal(cq_result_effect(r, man, qt), 100.0 / 7.0, EXACT);
    assert_double_equal(cq_result_effect(r, sci, qo), 0.0, EXACT);
    assert_double_equal(cq_result_effect(r, sci, ql), -75.0 / 7.0, EXACT);
    assert_double_equal(cq_result_effect(r, sci, qt), 100.0 * 1.25 / 7.0, EXACT);

    /* Gaps: the manager falls short only on methods (0.5 against 0.7, a level). */
    assert_double_equal(cq_result_gap(r, man, methods), 100.0 * (0.2 / 0.7) / 5.0, EXACT);
    assert_double_equal(cq_result_gap(r, man, research), 0.0, EXACT);
    assert_double_equal(cq_result_gap(r, man, leadership), 0.0, EXACT);
    assert_int_equal(cq_result_gap_count(r, man), 1);
    assert_int_equal(cq_result_gap_question(r, man, methods), qt);
    assert_int_equal(cq_result_tip_count(r, man), 1);
    assert_string_equal(cq_tip_text(m, man, cq_result_tip_at(r, man, 0)), "Try tool B.");
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

static void a_skipped_question_gives_every_role_the_least_of_their_means(void **state)
{
    fixture *f = *state;
    /* Without "lead", the scientist's mean is that of solo (0.75) and lead (0): 0.375, as
     * points 100 * 0.375 / 7 = 5.36; the manager's 100 * 0.8889 / 5 = 17.78. Both get the
     * least, 5.36, so the scientist 100 * (2 + 0.375 + 1.25) / 7; the best answer, solo, would
     * give it 100 * 4 / 7. */
    cq_result *r = score_text(f->model, "{\"answers\": {\"orientation\": 3, \"tools\": [\"a\"]}}");
    size_t sci = fixture_role(f->model, "scientist"), man = fixture_role(f->model, "manager");
    size_t lead = fixture_question(f->model, "lead");
    assert_double_equal(cq_result_score(r, sci), 362.5 / 7.0, EXACT);
    assert_double_equal(cq_result_points(r, sci, lead), 37.5 / 7.0, EXACT);
    assert_double_equal(cq_result_points(r, man, lead), 37.5 / 7.0, EXACT);
    assert_double_equal(cq_result_effect(r, sci, lead), 0.0, EXACT);
    cq_result_free(r);
}

static void a_level_reached_is_never_worse_for_going_past_it(void **state)
{
    fixture *f = *state;
    /* Methods is a level: the manager's target is 0.7, and a and b give 1.0 together. */
    cq_result *one = score_text(f->model, "{\"answers\": {\"tools\": [\"a\"]}}");
    cq_result *both = score_text(f->model, "{\"answers\": {\"tools\": [\"a\", \"b\"]}}");
    for (size_t ro = 0; ro < cq_model_role_count(f->model); ro++)
        assert_true(cq_result_score(both, ro) >= cq_result_score(one, ro));
    size_t man = fixture_role(f->model, "manager");
    assert_double_equal(cq_result_points(both, man, fixture_question(f->model, "tools")), 20.0,
                        EXACT);
    cq_result_free(one);
    cq_result_free(both);
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
    /* a and b give methods 0.5 each; with a third of 0.5 it would still cap at 1.0. */
    cq_result *r = score_text(f->model, "{\"answers\": {\"tools\": [\"a\", \"b\"]}}");
    size_t methods = cq_model_find_trait(f->model, "methods");
    assert_double_equal(cq_result_trait_value(r, methods), 1.0, EXACT);
    assert_double_equal(cq_result_trait_evidence(r, methods), 1.0, EXACT);
    assert_double_equal(cq_result_answer_trait(r, fixture_question(f->model, "tools"), methods),
                        1.0, EXACT);
    assert_double_equal(cq_result_answer_trait(r, fixture_question(f->model, "lead"), methods),
                        -1.0, EXACT);
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
    "{\"traits\": [{\"id\": \"t\", \"name\": \"T\", \"kind\": \"preference\"}], \"questions\": "
    "[{\"id\": \"q\", "
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

/*
 * A group of traits is one dimension with several places (the subjects, languages or sectors a
 * role's articles name, any one of which will do): a question shares its weight by dimensions,
 * and a role earns its best place in the group, once.
 */
static void a_group_counts_once_at_the_role_s_best_place(void **state)
{
    (void)state;
    cq_context *ctx = NULL;
    assert_int_equal(cq_context_new(NULL, &ctx), CQ_OK);
    char *bank = fixture_read("tests/fixtures/mini/questions/bank.json", NULL);
    char *sci = fixture_read("tests/fixtures/mini/profiles/scientist.json", NULL);
    char *man = fixture_read("tests/fixtures/mini/profiles/manager.json", NULL);
    char *b1 = fixture_replace(bank, "\"terms\": [\"method\"]}",
                               "\"terms\": [\"method\"]},\n    {\"id\": \"place-a\", \"name\": "
                               "\"A\", \"group\": \"place\"},\n"
                               "    {\"id\": \"place-b\", \"name\": \"B\", \"group\": \"place\"}");
    char *b2 = fixture_replace(
        b1, "  \"questions\": [",
        "  \"questions\": [\n    {\"id\": \"places\", \"type\": \"multi\", \"text\": \"Where?\", "
        "\"options\": [{\"id\": \"pa\", \"text\": \"A\", \"traits\": {\"place-a\": 1}}, {\"id\": "
        "\"pb\", \"text\": \"B\", \"traits\": {\"place-b\": 1}}, {\"id\": \"none\", \"text\": "
        "\"No\", "
        "\"exclusive\": true, \"traits\": {\"place-a\": 0, \"place-b\": 0}}]},");
    /* The scientist's best place is A (importance 2); B will do, for less (importance 1). */
    char *s1 =
        fixture_replace(sci, "\"why\": \"method is the craft\"}",
                        "\"why\": \"method is the craft\"},\n    \"place-a\": {\"value\": 1, "
                        "\"importance\": 2, \"why\": \"a\"},\n    \"place-b\": {\"value\": 1, "
                        "\"importance\": 1, \"why\": \"b\"}");
    const char *profiles[] = {s1, man, NULL};
    cq_model *m = NULL;
    cq_error err;
    assert_int_equal(fixture_load_texts(ctx, b2, profiles, &m, &err), CQ_OK);
    size_t role = fixture_role(m, "scientist"), q = fixture_question(m, "places");
    size_t pa = cq_model_find_trait(m, "place-a"), pb = cq_model_find_trait(m, "place-b");
    /* possible: orientation 4, lead 1, tools 2 and the group's best, 1 * 2: 9 in all. */
    const struct {
        const char *json;
        double earned, gap_a;
    } cases[] = {
        {"{\"answers\": {\"places\": [\"pa\"]}}", 2.0, 0.0},
        {"{\"answers\": {\"places\": [\"pb\"]}}", 1.0, 1.0},
        {"{\"answers\": {\"places\": [\"pa\", \"pb\"]}}", 2.0, 0.0},
        {"{\"answers\": {\"places\": [\"none\"]}}", 0.0, 2.0},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        cq_result *r = score_text(m, cases[i].json);
        assert_double_equal(cq_result_points(r, role, q), 100.0 * cases[i].earned / 9.0, EXACT);
        /* The group's shortfall is put on the place a better answer would reach best (A). */
        assert_double_equal(cq_result_gap(r, role, pa), 100.0 * cases[i].gap_a / 9.0, EXACT);
        assert_double_equal(cq_result_gap(r, role, pb), 0.0, EXACT);
        cq_result_free(r);
    }
    /* Skipped, it gives every role the least of their means as points: the scientist's is
     * 100 * (5/4) / 9 (none 0, A 2, B 1, A+B 2), the manager's 0 (it asks for no place). */
    cq_result *r = score_text(m, "{\"answers\": {\"orientation\": 3}}");
    for (size_t ro = 0; ro < cq_model_role_count(m); ro++)
        assert_double_equal(cq_result_points(r, ro, q), 0.0, EXACT);
    cq_result_free(r);
    cq_model_free(m);
    free(bank);
    free(sci);
    free(man);
    free(b1);
    free(b2);
    free(s1);
    cq_context_free(ctx);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(worked_example_matches_the_hand_computation),
        cmocka_unit_test(points_of_every_role_add_up_to_its_score),
        cmocka_unit_test(a_skipped_question_gives_every_role_the_least_of_their_means),
        cmocka_unit_test(a_level_reached_is_never_worse_for_going_past_it),
        cmocka_unit_test(option_that_sets_no_trait_is_the_same_as_skipping),
        cmocka_unit_test(multi_choice_values_add_up_and_cap_at_one),
        cmocka_unit_test(scoring_with_nothing_answered_is_an_error),
        cmocka_unit_test(answers_of_another_model_are_refused),
        cmocka_unit_test(equal_scores_are_ranked_by_role_id),
        cmocka_unit_test(roles_within_three_points_are_close_calls),
        cmocka_unit_test(rounding_is_half_away_from_zero),
        cmocka_unit_test(same_answers_score_identically_every_time),
        cmocka_unit_test(a_group_counts_once_at_the_role_s_best_place),
    };
    return cmocka_run_group_tests_name("scoring", tests, fixture_mini_setup, fixture_mini_teardown);
}
