/* test_content.c: the shipped bank and profiles: completeness, personas and balance. */
#include "fixtures.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Balance is judged on this many random answer sets per seed. */
#define RANDOM_SETS 5000
/* Every role wins between these shares of random answer sets (issue 10: 3% to 40%). */
#define MIN_WIN_SHARE 0.03
#define MAX_WIN_SHARE 0.40

typedef fixture_mini fixture; /* a context and a model (fixtures.h) */

static const char *const role_ids[] = {
    "data-science-engineer", "data-scientist",       "lead-ml-engineer",  "ml-engineer",
    "ml-scientist",          "ml-software-engineer", "research-scientist"};
#define ROLE_COUNT (sizeof role_ids / sizeof *role_ids)

static void the_seven_roles_are_there_with_every_dimension(void **state)
{
    fixture *f = *state;
    const cq_model *m = f->model;
    assert_int_equal(cq_model_role_count(m), ROLE_COUNT);
    for (size_t r = 0; r < ROLE_COUNT; r++) {
        assert_string_equal(cq_role_id(m, r), role_ids[r]);
        for (int l = 0; l < CQ_LIST_COUNT; l++)
            assert_true(cq_role_list_count(m, r, (cq_role_list)l) > 0);
        assert_true(cq_role_tip_count(m, r) > 0);
        assert_true(cq_role_figure_count(m, r) > 0);
        assert_true(strlen(cq_role_outlook(m, r)) > 0);
        assert_true(strlen(cq_role_typical_education(m, r)) > 0);
    }
}

static void the_bank_has_every_question_type_and_topic(void **state)
{
    fixture *f = *state;
    const cq_model *m = f->model;
    assert_true(cq_model_question_count(m) >= 16);
    bool seen[3] = {false, false, false};
    for (size_t q = 0; q < cq_model_question_count(m); q++)
        seen[cq_question_type_of(m, q)] = true;
    assert_true(seen[CQ_SINGLE] && seen[CQ_MULTI] && seen[CQ_SCALE]);
    static const char *const topics[] = {"education",     "field",      "languages",
                                         "ml-frameworks", "data-tools", "deployment-tools",
                                         "visual-tools",  "cloud",      "research-vs-production",
                                         "publishing",    "leadership", "stakeholders",
                                         "statistics",    "setting",    "enjoyed-result"};
    for (size_t i = 0; i < sizeof topics / sizeof *topics; i++)
        assert_true(cq_model_find_question(m, topics[i]) != (size_t)-1);
    assert_int_equal(cq_question_type_of(m, cq_model_find_question(m, "research-vs-production")),
                     CQ_SCALE);
}

static void each_article_persona_ranks_its_own_role_first(void **state)
{
    fixture *f = *state;
    for (size_t r = 0; r < ROLE_COUNT; r++) {
        char path[256];
        snprintf(path, sizeof path, "tests/personas/%s.json", role_ids[r]);
        char *json = fixture_read(path, NULL);
        cq_answers *a = fixture_answers(f->model, json);
        free(json);
        assert_true(cq_answers_complete(a));
        assert_int_equal(cq_answers_count(a), cq_model_question_count(f->model));
        cq_result *res = NULL;
        cq_error err;
        assert_int_equal(cq_score(f->model, a, &res, &err), CQ_OK);
        const char *top = cq_role_id(f->model, cq_result_role_at(res, 0));
        if (strcmp(top, role_ids[r]) != 0)
            print_error("persona %s ranks %s first\n", role_ids[r], top);
        assert_string_equal(top, role_ids[r]);
        cq_result_free(res);
        cq_answers_free(a);
    }
}

/* The model, and how many sample people were checked. */
typedef struct {
    const cq_model *model;
    size_t people;
} people_check;

/* fixture_each_answer_file's callback: a person file's first role must be one it names. */
static void gets_the_role_that_fits(const char *path, const char *json, size_t size, void *ctx)
{
    people_check *c = ctx;
    (void)size;
    if (strncmp(path, "tests/people/", 13) != 0)
        return;
    cq_answers *a = fixture_answers(c->model, json);
    cq_result *res = NULL;
    cq_error err;
    assert_int_equal(cq_score(c->model, a, &res, &err), CQ_OK);
    const char *top = cq_role_id(c->model, cq_result_role_at(res, 0));
    print_message("%-40s %s %.1f\n", path, top, cq_result_score(res, cq_result_role_at(res, 0)));
    if (!fixture_expects(json, top))
        print_error("%s ranks %s first\n", path, top);
    assert_true(fixture_expects(json, top));
    c->people++;
    cq_result_free(res);
    cq_answers_free(a);
}

/* Sample people, each file naming the role (or roles) that fit them. */
static void sample_people_get_the_role_that_fits_them(void **state)
{
    fixture *f = *state;
    people_check c = {f->model, 0};
    fixture_each_answer_file(gets_the_role_that_fits, &c);
    assert_true(c.people >= 9);
}

static void random_answers_let_every_role_win_and_none_dominate(void **state)
{
    fixture *f = *state;
    const uint64_t seeds[] = {1, 20261122, 0x9E3779B97F4A7C15ULL};
    for (size_t s = 0; s < sizeof seeds / sizeof *seeds; s++) {
        uint64_t seed = seeds[s];
        size_t wins[ROLE_COUNT] = {0};
        for (int i = 0; i < RANDOM_SETS; i++) {
            cq_answers *a = NULL;
            cq_result *res = NULL;
            cq_error err;
            assert_int_equal(cq_answers_new(f->model, &a, &err), CQ_OK);
            fixture_random_answers(f->model, a, &seed);
            assert_int_equal(cq_score(f->model, a, &res, &err), CQ_OK);
            wins[cq_result_role_at(res, 0)]++;
            cq_result_free(res);
            cq_answers_free(a);
        }
        for (size_t r = 0; r < ROLE_COUNT; r++) {
            double share = (double)wins[r] / RANDOM_SETS;
            print_message("seed %llu: %-22s wins %5.1f%%\n", (unsigned long long)seeds[s],
                          role_ids[r], 100.0 * share);
            assert_true(share >= MIN_WIN_SHARE);
            assert_true(share <= MAX_WIN_SHARE);
        }
    }
}

/* A person holding the degree a role usually expects must meet its education target. */
static void a_role_s_usual_degree_meets_its_education_target(void **state)
{
    fixture *f = *state;
    size_t education = cq_model_find_trait(f->model, "education");
    for (size_t r = 0; r < ROLE_COUNT; r++) {
        char json[256];
        snprintf(json, sizeof json, "{\"answers\": {\"education\": \"%s\"}}",
                 cq_role_typical_education(f->model, r));
        cq_answers *a = fixture_answers(f->model, json);
        cq_result *res = NULL;
        assert_int_equal(cq_score(f->model, a, &res, NULL), CQ_OK);
        assert_double_equal(cq_result_gap(res, r, education), 0.0, 1e-12);
        cq_result_free(res);
        cq_answers_free(a);
    }
    /* And the loader refuses a profile that says otherwise. */
    char *bank = fixture_read("questions/bank.json", NULL);
    char *text = fixture_read("profiles/ml-engineer.json", NULL);
    char *wrong = fixture_replace(text, "\"education\": {\n      \"value\": 0.45,",
                                  "\"education\": {\n      \"value\": 0.6,");
    const char *profiles[] = {wrong, NULL};
    cq_model *m = NULL;
    cq_error err;
    assert_int_equal(fixture_load_texts(f->ctx, bank, profiles, &m, &err), CQ_ERR_INVALID);
    assert_non_null(strstr(err.message, "the usual degree must meet the target"));
    free(bank);
    free(text);
    free(wrong);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(the_seven_roles_are_there_with_every_dimension),
        cmocka_unit_test(the_bank_has_every_question_type_and_topic),
        cmocka_unit_test(each_article_persona_ranks_its_own_role_first),
        cmocka_unit_test(sample_people_get_the_role_that_fits_them),
        cmocka_unit_test(a_role_s_usual_degree_meets_its_education_target),
        cmocka_unit_test(random_answers_let_every_role_win_and_none_dominate),
    };
    return cmocka_run_group_tests_name("content", tests, fixture_shipped_setup,
                                       fixture_mini_teardown);
}
