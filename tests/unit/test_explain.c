/* test_explain.c: explaining results: ledger, confidence, what-ifs, comparison, gaps, filter. */
#include "fixtures.h"

#include <cjson/cJSON.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define EXACT 1e-9
/* Random answer sets per seed for the properties (each what-if search scores ~300 answers). */
#define RANDOM_SETS 150
/* The issue's bound on how far rounded contributions may drift from the score shown. */
#define ROUNDING_BOUND 0.5

typedef struct {
    cq_context *ctx;
    cq_model *mini; /* tests/fixtures/mini: the worked example of docs/scoring.md */
    cq_model *real; /* the shipped bank and profiles */
} fixture;

static int setup(void **state)
{
    fixture *f = calloc(1, sizeof *f);
    assert_int_equal(cq_context_new(NULL, &f->ctx), CQ_OK);
    f->mini = fixture_load_dir(f->ctx, "tests/fixtures/mini");
    f->real = fixture_load_dir(f->ctx, ".");
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    fixture *f = *state;
    cq_model_free(f->mini);
    cq_model_free(f->real);
    cq_context_free(f->ctx);
    free(f);
    return 0;
}

static cq_result *score_with(const cq_model *m, const cq_answers *a, bool filter)
{
    cq_score_options options = {sizeof options, filter};
    cq_result *r = NULL;
    cq_error err;
    assert_int_equal(cq_score_with(m, a, &options, &r, &err), CQ_OK);
    return r;
}

static cq_result *score_text(const cq_model *m, const char *json, bool filter)
{
    cq_answers *a = fixture_answers(m, json);
    cq_result *r = score_with(m, a, filter);
    cq_answers_free(a);
    return r;
}

static cq_result *score_file(const cq_model *m, const char *relative, bool filter)
{
    char *json = fixture_read(relative, NULL);
    cq_result *r = score_text(m, json, filter);
    free(json);
    return r;
}

/* The result's JSON view, parsed. */
static cJSON *result_json(const cq_model *m, const cq_result *r, const cq_json_options *options)
{
    char *text = NULL;
    cq_error err;
    assert_int_equal(cq_result_to_json_with(m, r, options, &text, NULL, &err), CQ_OK);
    cJSON *doc = cJSON_Parse(text);
    assert_non_null(doc);
    cq_free(cq_model_context(m), text);
    return doc;
}

static const cJSON *get(const cJSON *o, const char *key)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, key);
    if (!v)
        print_error("no \"%s\" in the JSON\n", key);
    assert_non_null(v);
    return v;
}

/* ---- the worked example (docs/scoring.md) ---------------------------------------------------- */

static void worked_example_effects_match_the_hand_computation(void **state)
{
    fixture *f = *state;
    const cq_model *m = f->mini;
    cq_result *r = score_file(m, "tests/fixtures/mini/worked-example.json", false);
    size_t sci = fixture_role(m, "scientist"), man = fixture_role(m, "manager");
    size_t qo = fixture_question(m, "orientation"), ql = fixture_question(m, "lead"),
           qt = fixture_question(m, "tools");

    /* effect = 100 * (earned - mean earned by the question's other answers) / possible, on the
     * pick-all tools question against ticking none (which earns both roles 0). The manager's
     * orientation 3 earns 1.25; 1, 2, 4 and 5 earn 1.5, 1.875, 0.625 and 0. */
    assert_double_equal(cq_result_effect(r, man, qo), 100.0 * (1.25 - 4.0 / 4.0) / 5.0, EXACT);
    assert_double_equal(cq_result_effect(r, man, ql), 100.0 * (16.0 / 9.0 - 0.0) / 5.0, EXACT);
    assert_double_equal(cq_result_effect(r, man, qt), 100.0 * (5.0 / 7.0 - 0.0) / 5.0, EXACT);
    assert_double_equal(cq_result_effect(r, man, qo), 5.0, 1e-4);
    assert_double_equal(cq_result_effect(r, man, ql), 35.5556, 1e-4);
    assert_double_equal(cq_result_effect(r, man, qt), 14.2857, 1e-4);
    /* The scientist's orientation 3 earns 2, just what 1, 2, 4 and 5 earn on average. */
    assert_double_equal(cq_result_effect(r, sci, qo), 0.0, EXACT);
    assert_double_equal(cq_result_effect(r, sci, ql), -10.7143, 1e-4);
    assert_double_equal(cq_result_effect(r, sci, qt), 17.8571, 1e-4);
    cq_result_free(r);
}

static void worked_example_json_lists_each_answer_with_points_and_effect(void **state)
{
    fixture *f = *state;
    const cq_model *m = f->mini;
    cq_result *r = score_file(m, "tests/fixtures/mini/worked-example.json", false);
    cJSON *doc = result_json(m, r, NULL);
    const cJSON *list = get(doc, "contributions");
    static const char *const ids[] = {"orientation", "lead", "tools"};
    static const double points[] = {25.0, 35.56, 14.29}, effects[] = {5.0, 35.56, 14.29};

    assert_int_equal(cJSON_GetArraySize(list), 3);
    for (int i = 0; i < 3; i++) {
        const cJSON *c = cJSON_GetArrayItem(list, i);
        assert_string_equal(get(c, "question")->valuestring, ids[i]);
        assert_double_equal(get(c, "points")->valuedouble, points[i], EXACT);
        assert_double_equal(get(c, "effect")->valuedouble, effects[i], EXACT);
    }
    assert_int_equal(get(cJSON_GetArrayItem(list, 0), "answer")->valueint, 3);
    assert_string_equal(get(cJSON_GetArrayItem(list, 1), "answer")->valuestring, "lead");
    assert_string_equal(
        cJSON_GetArrayItem(get(cJSON_GetArrayItem(list, 2), "answer"), 0)->valuestring, "a");
    /* The one gap, named, with the tip that closes it; the tip the person has is left out. */
    const cJSON *gaps = get(doc, "gaps");
    assert_int_equal(cJSON_GetArraySize(gaps), 1);
    const cJSON *gap = cJSON_GetArrayItem(gaps, 0);
    assert_string_equal(get(gap, "trait")->valuestring, "methods");
    assert_string_equal(get(gap, "label")->valuestring, "Research methods");
    assert_double_equal(get(gap, "points")->valuedouble, 5.71, EXACT);
    assert_string_equal(get(gap, "question")->valuestring, "tools");
    assert_string_equal(cJSON_GetArrayItem(get(gap, "tips"), 0)->valuestring, "Try tool B.");
    const cJSON *tips = get(doc, "tips");
    assert_int_equal(cJSON_GetArraySize(tips), 1);
    assert_string_equal(get(cJSON_GetArrayItem(tips, 0), "text")->valuestring, "Try tool B.");
    assert_string_equal(
        cJSON_GetArrayItem(get(cJSON_GetArrayItem(tips, 0), "closes"), 0)->valuestring, "methods");
    cJSON_Delete(doc);
    cq_result_free(r);
}

static void worked_example_what_ifs_are_the_smallest_changes(void **state)
{
    fixture *f = *state;
    const cq_model *m = f->mini;
    cq_result *r = score_file(m, "tests/fixtures/mini/worked-example.json", false);
    cq_changes *c = NULL;
    cq_error err;
    size_t ql = fixture_question(m, "lead"), qo = fixture_question(m, "orientation");

    assert_int_equal(cq_changes_find(r, CQ_WHAT_IF_SHOWN, &c, &err), CQ_OK);
    assert_int_equal(cq_changes_count(c), 2);
    /* lead -> solo, one step down the ordered options: scientist 57.14, manager 39.29. */
    assert_int_equal(cq_change_question(c, 0), ql);
    assert_true(cq_answers_selected(cq_change_answers(c, 0), ql, 0));
    assert_int_equal(cq_change_steps(c, 0), 1);
    assert_true(cq_change_actionable(c, 0));
    assert_int_equal(cq_change_new_top(c, 0), fixture_role(m, "scientist"));
    /* Its lead as a person checks it: the two scores shown, 57.1 and 39.3. */
    assert_double_equal(cq_change_lead(c, 0), 17.8, 1e-9);
    /* orientation 3 -> 5: two steps, because 4 keeps the manager first (62.34 to 60.71). */
    assert_int_equal(cq_change_question(c, 1), qo);
    assert_int_equal(cq_answers_scale(cq_change_answers(c, 1), qo), 5);
    assert_int_equal(cq_change_steps(c, 1), 2);
    assert_true(cq_change_actionable(c, 1));
    /* 75.0 against 49.84, shown 49.8. */
    assert_double_equal(cq_change_lead(c, 1), 25.2, 1e-9);
    assert_true(cq_changes_total(c) >= cq_changes_count(c));
    cq_changes_free(c);
    cq_result_free(r);
}

static void keeping_no_changes_still_counts_them(void **state)
{
    fixture *f = *state;
    cq_result *r = score_file(f->mini, "tests/fixtures/mini/worked-example.json", false);
    cq_changes *c = NULL;
    assert_int_equal(cq_changes_find(r, 0, &c, NULL), CQ_OK);
    assert_int_equal(cq_changes_count(c), 0);
    assert_true(cq_changes_total(c) > 0);
    assert_null(cq_change_answers(c, 0));
    cq_changes_free(c);
    cq_result_free(r);
}

/* ---- properties over many answer sets -------------------------------------------------------- */

/* What the property checks measured, printed at the end of a run. */
typedef struct {
    size_t sets, with_what_if, what_ifs;
    double worst_rounding; /* |sum of rounded points - score shown|, worst case */
} measures;

/* Rebuilds the answers with one answer replaced by a JSON value, as a person editing the file
 * would do, and parses it back. */
static cq_answers *apply_json(const cq_model *m, const cq_answers *base, const char *qid,
                              const cJSON *to)
{
    char *text = NULL;
    cq_error err;
    assert_int_equal(cq_answers_to_json(base, &text, NULL, &err), CQ_OK);
    cJSON *doc = cJSON_Parse(text);
    cq_free(cq_model_context(m), text);
    assert_non_null(doc);
    cJSON *answers = cJSON_GetObjectItemCaseSensitive(doc, "answers");
    cJSON_DeleteItemFromObjectCaseSensitive(answers, qid);
    cJSON_AddItemToObject(answers, qid, cJSON_Duplicate(to, true));
    char *edited = cJSON_PrintUnformatted(doc);
    cJSON_Delete(doc);
    cq_answers *a = fixture_answers(m, edited);
    cJSON_free(edited);
    return a;
}

/* Checks every property the issue names on one answer set and adds to the measures. */
static void check_answer_set(const cq_model *m, const cq_answers *a, bool filter, measures *out)
{
    cq_result *r = score_with(m, a, filter);
    size_t top = cq_result_role_at(r, 0);

    /* The ledger adds up to every role's score exactly. (That each effect is true is checked
     * by re-scoring in test_honesty.c.) */
    for (size_t role_i = 0; role_i < cq_model_role_count(m); role_i++) {
        double points = 0;
        for (size_t q = 0; q < cq_model_question_count(m); q++)
            points += cq_result_points(r, role_i, q);
        assert_double_equal(points, cq_result_score(r, role_i), 1e-9);
    }

    cJSON *doc = result_json(m, r, NULL);
    /* Rounded, they still add up to the score shown within the issue's bound. */
    double sum = 0;
    const cJSON *c;
    cJSON_ArrayForEach(c, get(doc, "contributions")) sum += get(c, "points")->valuedouble;
    double shown = get(get(doc, "recommendation"), "score")->valuedouble;
    double drift = fabs(sum - shown);
    assert_true(drift <= ROUNDING_BOUND);
    if (drift > out->worst_rounding)
        out->worst_rounding = drift;

    /* The margin is the difference of the first two scores shown. */
    const cJSON *ranking = get(doc, "ranking");
    if (cJSON_GetArraySize(ranking) > 1)
        assert_double_equal(get(doc, "margin")->valuedouble,
                            cq_round1(get(cJSON_GetArrayItem(ranking, 0), "score")->valuedouble -
                                      get(cJSON_GetArrayItem(ranking, 1), "score")->valuedouble),
                            EXACT);

    /* Every what-if in the JSON holds when its "to" is put in the answers file and scored. */
    const cJSON *w;
    size_t n = 0;
    cJSON_ArrayForEach(w, get(doc, "what_if"))
    {
        const char *qid = get(w, "question")->valuestring;
        cq_answers *changed = apply_json(m, a, qid, get(w, "to"));
        cq_result *again = score_with(m, changed, filter);
        size_t new_top = cq_result_role_at(again, 0);
        assert_string_equal(cq_role_id(m, new_top), get(w, "new_top")->valuestring);
        assert_true(new_top != top);
        cq_result_free(again);
        cq_answers_free(changed);
        n++;
    }
    out->sets++;
    out->what_ifs += n;
    out->with_what_if += n > 0;

    /* And so does every change the search finds, not only the two shown. */
    cq_changes *all = NULL;
    assert_int_equal(cq_changes_find(r, 1000, &all, NULL), CQ_OK);
    assert_true(cq_changes_count(all) >= n);
    for (size_t i = 0; i < cq_changes_count(all); i++) {
        cq_result *again = score_with(m, cq_change_answers(all, i), filter);
        assert_int_equal(cq_result_role_at(again, 0), cq_change_new_top(all, i));
        assert_true(cq_change_new_top(all, i) != top);
        /* Changes the person can make first, each group nearest first. */
        if (i > 0 && cq_change_actionable(all, i - 1) == cq_change_actionable(all, i))
            assert_true(cq_change_steps(all, i - 1) <= cq_change_steps(all, i));
        if (i > 0)
            assert_true(cq_change_actionable(all, i - 1) || !cq_change_actionable(all, i));
        /* Only the named question differs from the answers scored. */
        for (size_t q = 0; q < cq_model_question_count(m); q++) {
            if (q == cq_change_question(all, i))
                continue;
            assert_int_equal(cq_answers_has(cq_change_answers(all, i), q), cq_answers_has(a, q));
            assert_int_equal(cq_answers_scale(cq_change_answers(all, i), q),
                             cq_answers_scale(a, q));
            assert_int_equal(cq_answers_option_count(cq_change_answers(all, i), q),
                             cq_answers_option_count(a, q));
        }
        cq_result_free(again);
    }
    cq_changes_free(all);
    cJSON_Delete(doc);
    cq_result_free(r);
}

static void random_answer_sets_keep_every_promise_of_the_explanation(void **state)
{
    fixture *f = *state;
    const cq_model *m = f->real;
    const uint64_t seeds[] = {7, 20261122};
    measures seen = {0, 0, 0, 0.0};

    for (size_t s = 0; s < sizeof seeds / sizeof *seeds; s++) {
        uint64_t seed = seeds[s];
        for (int i = 0; i < RANDOM_SETS; i++) {
            cq_answers *a = NULL;
            assert_int_equal(cq_answers_new(m, &a, NULL), CQ_OK);
            fixture_random_answers(m, a, &seed);
            /* Skip some optional questions, so that answering one is tried too. */
            for (size_t q = 0; q < cq_model_question_count(m); q++)
                if (!cq_question_required(m, q) && fixture_next_random(&seed) % 3 == 0)
                    cq_answers_clear(a, q);
            check_answer_set(m, a, i % 4 == 3, &seen);
            cq_answers_free(a);
        }
    }
    print_message("%zu random answer sets: %zu got a what-if (%zu shown); worst drift of rounded "
                  "points from the score: %.3f\n",
                  seen.sets, seen.with_what_if, seen.what_ifs, seen.worst_rounding);
    /* A search that never finds anything would pass the checks above vacuously. */
    assert_true(seen.with_what_if > seen.sets / 10);
}

static void personas_and_people_keep_every_promise_of_the_explanation(void **state)
{
    fixture *f = *state;
    static const char *const files[] = {
        "tests/personas/data-science-engineer.json",
        "tests/personas/data-scientist.json",
        "tests/personas/lead-ml-engineer.json",
        "tests/personas/ml-engineer.json",
        "tests/personas/ml-scientist.json",
        "tests/personas/ml-software-engineer.json",
        "tests/personas/research-scientist.json",
        "tests/people/backend-developer.json",
        "tests/people/data-analyst.json",
        "tests/people/data-engineer.json",
        "tests/people/industry-researcher.json",
        "tests/people/ml-practitioner.json",
        "tests/people/phd-student.json",
        "tests/people/team-lead.json",
        "docs/examples/answers.json",
    };
    measures seen = {0, 0, 0, 0.0};
    for (size_t i = 0; i < sizeof files / sizeof *files; i++) {
        char *json = fixture_read(files[i], NULL);
        cq_answers *a = fixture_answers(f->real, json);
        check_answer_set(f->real, a, false, &seen);
        check_answer_set(f->real, a, true, &seen);
        cq_answers_free(a);
        free(json);
    }
    print_message("%zu persona runs: %zu got a what-if; worst rounding drift %.3f\n", seen.sets,
                  seen.with_what_if, seen.worst_rounding);
    assert_true(seen.with_what_if > 0);
}

/* ---- confidence: co-recommendation and warnings ---------------------------------------------- */

static void a_close_call_co_recommends_every_role_within_the_margin(void **state)
{
    fixture *f = *state;
    cq_result *r = score_file(f->real, "docs/examples/answers.json", false);
    cJSON *doc = result_json(f->real, r, NULL);
    const cJSON *co = get(doc, "co_recommended");
    assert_true(cq_result_close_count(r) > 1);
    assert_int_equal(cJSON_GetArraySize(co), cq_result_close_count(r));
    for (size_t i = 0; i < cq_result_close_count(r); i++)
        assert_string_equal(cJSON_GetArrayItem(co, (int)i)->valuestring,
                            cq_role_id(f->real, cq_result_role_at(r, i)));
    cJSON_Delete(doc);
    cq_result_free(r);
}

static void a_clear_win_co_recommends_nothing(void **state)
{
    fixture *f = *state;
    cq_result *r = score_file(f->mini, "tests/fixtures/mini/worked-example.json", false);
    cJSON *doc = result_json(f->mini, r, NULL);
    assert_int_equal(cJSON_GetArraySize(get(doc, "co_recommended")), 0);
    cJSON_Delete(doc);
    cq_result_free(r);
}

/* Answers every choice question with its first option and every scale with value `scale`. */
static cq_answers *patterned_answers(const cq_model *m, long scale_offset_from_min)
{
    cq_answers *a = NULL;
    assert_int_equal(cq_answers_new(m, &a, NULL), CQ_OK);
    for (size_t q = 0; q < cq_model_question_count(m); q++) {
        if (cq_question_type_of(m, q) == CQ_SCALE)
            assert_int_equal(
                cq_answers_set_scale(a, q, cq_scale_min(m, q) + scale_offset_from_min, NULL),
                CQ_OK);
        else
            assert_int_equal(cq_answers_set_option(a, q, 0, NULL), CQ_OK);
    }
    return a;
}

static void answers_all_in_the_first_position_raise_a_warning(void **state)
{
    fixture *f = *state;
    cq_answers *a = patterned_answers(f->real, 0);
    cq_result *r = score_with(f->real, a, false);
    assert_true(cq_result_warnings(r) & CQ_WARN_SAME_POSITION);
    assert_true(cq_result_warnings(r) & CQ_WARN_SCALE_END);
    cJSON *doc = result_json(f->real, r, NULL);
    const cJSON *w = cJSON_GetArrayItem(get(doc, "warnings"), 0);
    assert_non_null(w);
    assert_string_equal(get(w, "code")->valuestring, "same-position");
    assert_string_equal(get(w, "message")->valuestring, cq_warning_text(CQ_WARN_SAME_POSITION));
    cJSON_Delete(doc);
    cq_result_free(r);
    cq_answers_free(a);
}

static void every_scale_at_its_midpoint_raises_a_warning(void **state)
{
    fixture *f = *state;
    cq_answers *a = NULL;
    char *json = fixture_read("docs/examples/answers.json", NULL);
    a = fixture_answers(f->real, json);
    free(json);
    for (size_t q = 0; q < cq_model_question_count(f->real); q++)
        if (cq_question_type_of(f->real, q) == CQ_SCALE)
            assert_int_equal(
                cq_answers_set_scale(
                    a, q, (cq_scale_min(f->real, q) + cq_scale_max(f->real, q)) / 2, NULL),
                CQ_OK);
    cq_result *r = score_with(f->real, a, false);
    assert_int_equal(cq_result_warnings(r), CQ_WARN_SCALE_MIDDLE);
    cq_result_free(r);
    cq_answers_free(a);
}

static void answering_fewer_than_half_of_the_questions_raises_a_warning(void **state)
{
    fixture *f = *state;
    cq_result *r = score_text(
        f->real, "{\"answers\": {\"education\": \"phd\", \"research-vs-production\": 5}}", false);
    assert_true(cq_result_warnings(r) & CQ_WARN_FEW_ANSWERS);
    cq_result_free(r);
}

static void considered_answers_raise_no_warning(void **state)
{
    fixture *f = *state;
    cq_result *r = score_file(f->real, "docs/examples/answers.json", false);
    assert_int_equal(cq_result_warnings(r), 0);
    cJSON *doc = result_json(f->real, r, NULL);
    assert_int_equal(cJSON_GetArraySize(get(doc, "warnings")), 0);
    cJSON_Delete(doc);
    cq_result_free(r);
}

static void every_warning_has_a_code_and_a_sentence(void **state)
{
    (void)state;
    for (unsigned i = 0; i < CQ_WARNING_COUNT; i++) {
        const char *text = cq_warning_text((cq_warning)(1u << i));
        assert_non_null(cq_warning_code((cq_warning)(1u << i)));
        assert_non_null(text);
        assert_true(text[0] >= 'a' && text[0] <= 'z');
        assert_true(text[strlen(text) - 1] != '.');
    }
    assert_null(cq_warning_code((cq_warning)3));
    assert_null(cq_warning_text((cq_warning)(1u << CQ_WARNING_COUNT)));
}

/* ---- education ------------------------------------------------------------------------------- */

static void education_filter_sets_apart_roles_above_the_reported_level(void **state)
{
    fixture *f = *state;
    const cq_model *m = f->real;
    char *json = fixture_read("tests/personas/research-scientist.json", NULL);
    char *masters = fixture_replace(json, "\"phd\"", "\"masters\"");
    cq_answers *a = fixture_answers(m, masters);
    cq_result *plain = score_with(m, a, false), *r = score_with(m, a, true);
    size_t level = cq_answers_education_level(a), rs = fixture_role(m, "research-scientist");

    assert_int_equal(cq_result_filtered_count(plain), 0);
    assert_int_equal(cq_result_rank_count(plain), cq_model_role_count(m));
    assert_int_equal(cq_result_role_at(plain, 0), rs);
    /* Research scientists usually need a PhD: set apart, and someone else is recommended. */
    assert_true(cq_result_filtered_count(r) > 0);
    assert_int_equal(cq_result_rank_count(r) + cq_result_filtered_count(r), cq_model_role_count(m));
    bool apart = false;
    for (size_t i = 0; i < cq_result_filtered_count(r); i++) {
        size_t role_i = cq_result_filtered_at(r, i);
        apart |= role_i == rs;
        assert_true(cq_role_education_level(m, role_i) > level);
        if (i > 0)
            assert_true(cq_result_score(r, cq_result_filtered_at(r, i - 1)) >=
                        cq_result_score(r, role_i));
    }
    assert_true(apart);
    for (size_t i = 0; i < cq_result_rank_count(r); i++)
        assert_true(cq_role_education_level(m, cq_result_role_at(r, i)) <= level);
    assert_true(cq_result_role_at(r, 0) != rs);
    assert_int_equal(cq_result_role_at(r, cq_result_rank_count(r)), (size_t)-1);
    /* Scores do not change; only the ranking does. */
    assert_double_equal(cq_result_score(r, rs), cq_result_score(plain, rs), EXACT);

    cJSON *doc = result_json(m, r, NULL);
    const cJSON *filtered = get(doc, "education_filtered");
    assert_int_equal(cJSON_GetArraySize(filtered), cq_result_filtered_count(r));
    assert_int_equal(cJSON_GetArraySize(get(doc, "ranking")), cq_result_rank_count(r));
    assert_string_equal(get(get(doc, "recommendation"), "id")->valuestring,
                        cq_role_id(m, cq_result_role_at(r, 0)));
    cJSON_Delete(doc);
    doc = result_json(m, plain, NULL);
    assert_null(cJSON_GetObjectItemCaseSensitive(doc, "education_filtered"));
    cJSON_Delete(doc);
    cq_result_free(plain);
    cq_result_free(r);
    cq_answers_free(a);
    free(masters);
    free(json);
}

static void education_filter_without_an_education_answer_warns_and_keeps_every_role(void **state)
{
    fixture *f = *state;
    cq_result *r = score_text(f->real, "{\"answers\": {\"research-vs-production\": 5}}", true);
    assert_int_equal(cq_result_filtered_count(r), 0);
    assert_true(cq_result_warnings(r) & CQ_WARN_FILTER_NO_LEVEL);
    cq_result_free(r);
}

static void education_filter_that_would_set_every_role_apart_keeps_them_all(void **state)
{
    fixture *f = *state;
    /* Every shipped role expects at least a bachelor's degree. */
    cq_result *r = score_text(
        f->real, "{\"answers\": {\"education\": \"secondary\", \"statistics\": 5}}", true);
    assert_int_equal(cq_result_filtered_count(r), 0);
    assert_int_equal(cq_result_rank_count(r), cq_model_role_count(f->real));
    assert_true(cq_result_warnings(r) & CQ_WARN_FILTER_ALL);
    cq_result_free(r);
}

static void an_education_below_the_top_role_is_a_stated_gap(void **state)
{
    fixture *f = *state;
    const cq_model *m = f->real;
    char *json = fixture_read("tests/personas/research-scientist.json", NULL);
    char *masters = fixture_replace(json, "\"phd\"", "\"masters\"");
    cq_result *r = score_text(m, masters, false);
    cJSON *doc = result_json(m, r, NULL);
    const cJSON *gap = get(doc, "education_gap");
    assert_string_equal(get(gap, "role")->valuestring, "research-scientist");
    assert_string_equal(get(gap, "expected")->valuestring, "phd");
    assert_string_equal(get(gap, "reported")->valuestring, "masters");
    cJSON_Delete(doc);
    cq_result_free(r);
    r = score_text(m, json, false);
    doc = result_json(m, r, NULL);
    assert_null(cJSON_GetObjectItemCaseSensitive(doc, "education_gap"));
    cJSON_Delete(doc);
    cq_result_free(r);
    free(masters);
    free(json);
}

/* ---- gaps and tips --------------------------------------------------------------------------- */

/* The largest shortfall a tip closes (0 when it closes none). */
static double tip_key(const cq_model *m, const cq_result *r, size_t role_i, size_t tip)
{
    double key = 0;
    for (size_t i = 0; i < cq_tip_trait_count(m, role_i, tip); i++) {
        size_t t = cq_tip_trait(m, role_i, tip, i);
        if (cq_result_closes(r, role_i, t) && cq_result_gap(r, role_i, t) > key)
            key = cq_result_gap(r, role_i, t);
    }
    return key;
}

static void tips_come_in_order_of_the_largest_gap_they_close(void **state)
{
    fixture *f = *state;
    const cq_model *m = f->real;
    uint64_t seed = 99;
    for (int i = 0; i < 50; i++) {
        cq_answers *a = NULL;
        assert_int_equal(cq_answers_new(m, &a, NULL), CQ_OK);
        fixture_random_answers(m, a, &seed);
        cq_result *r = score_with(m, a, false);
        for (size_t role_i = 0; role_i < cq_model_role_count(m); role_i++) {
            size_t n = cq_result_tip_count(r, role_i);
            bool seen[CQ_MAX_LIST_ITEMS] = {false};
            for (size_t rank = 0; rank < n; rank++) {
                size_t tip = cq_result_tip_at(r, role_i, rank);
                assert_true(tip < cq_role_tip_count(m, role_i) && !seen[tip]);
                assert_true(tip_key(m, r, role_i, tip) >= CQ_GAP_MIN);
                seen[tip] = true;
                if (rank > 0)
                    assert_true(tip_key(m, r, role_i, cq_result_tip_at(r, role_i, rank - 1)) +
                                    1e-9 >=
                                tip_key(m, r, role_i, tip));
            }
            assert_int_equal(cq_result_tip_at(r, role_i, n), (size_t)-1);
        }
        cq_result_free(r);
        cq_answers_free(a);
    }
}

static void a_gap_is_what_the_answers_lose_below_the_target(void **state)
{
    fixture *f = *state;
    const cq_model *m = f->mini;
    size_t methods = cq_model_find_trait(m, "methods"),
           research = cq_model_find_trait(m, "research");
    size_t lead = cq_model_find_trait(m, "leadership");
    size_t man = fixture_role(m, "manager"), sci = fixture_role(m, "scientist");
    /* No tool: methods 0, below both targets. 100 * w * I * (1 - closeness) / possible. */
    cq_result *r =
        score_text(m, "{\"answers\": {\"orientation\": 1, \"tools\": [\"none\"]}}", false);
    assert_double_equal(cq_result_gap(r, man, methods), 100.0 * 1.0 * 1.0 / 5.0, EXACT);
    assert_double_equal(cq_result_gap(r, sci, methods), 100.0 * 1.0 * 2.0 / 7.0, EXACT);
    assert_true(cq_result_closes(r, man, methods));
    assert_int_equal(cq_result_gap_question(r, man, methods), fixture_question(m, "tools"));
    /* Orientation asks what the person wants: wanting less research than the scientist's
     * target costs points (a reason), but it is nothing the person lacks. */
    assert_double_equal(cq_result_gap(r, sci, research), 0.0, EXACT);
    assert_true(cq_result_effect(r, sci, fixture_question(m, "orientation")) < 0);
    /* No answer said anything about leadership: no shortfall is shown on it. */
    assert_double_equal(cq_result_trait_evidence(r, lead), 0.0, EXACT);
    assert_double_equal(cq_result_gap(r, man, lead), 0.0, EXACT);
    cq_result_free(r);
    /* Past the target a level is no shortfall. */
    r = score_text(m, "{\"answers\": {\"tools\": [\"a\", \"b\"]}}", false);
    assert_double_equal(cq_result_gap(r, man, methods), 0.0, EXACT);
    assert_double_equal(cq_result_gap(r, sci, methods), 0.0, EXACT);
    assert_int_equal(cq_result_gap_count(r, man), 0);
    cq_result_free(r);
}

/* ---- comparison ------------------------------------------------------------------------------ */

/* True when some item of the role's list is about `name`. */
static bool role_is_about(const cq_model *m, size_t role, cq_role_list l, const char *name)
{
    for (size_t i = 0; i < cq_role_list_count(m, role, l); i++)
        for (size_t j = 0; j < cq_role_item_about_count(m, role, l, i); j++)
            if (strcmp(cq_role_item_about(m, role, l, i, j), name) == 0)
                return true;
    return false;
}

static bool in_shared(const cq_comparison *c, cq_dimension d, const char *name)
{
    for (size_t i = 0; i < cq_comparison_shared_count(c, d); i++)
        if (strcmp(cq_comparison_shared(c, d, i), name) == 0)
            return true;
    return false;
}

/* The figure of a role that measures `measure`, or false. */
static bool figure_measuring(const cq_model *m, size_t role, const char *measure, cq_figure *out)
{
    for (size_t i = 0; i < cq_role_figure_count(m, role); i++)
        if (cq_role_figure(m, role, i, out) && strcmp(out->measure, measure) == 0)
            return true;
    return false;
}

/* The tip of a role that gives `advice`, or (size_t)-1. */
static size_t tip_giving(const cq_model *m, size_t role, const char *advice)
{
    for (size_t t = 0; t < cq_role_tip_count(m, role); t++)
        if (strcmp(cq_tip_advice(m, role, t), advice) == 0)
            return t;
    return (size_t)-1;
}

static bool tip_shared_with(const cq_model *m, size_t role, size_t tip, const char *other)
{
    for (size_t i = 0; i < cq_tip_shared_count(m, role, tip); i++)
        if (strcmp(cq_tip_shared_with(m, role, tip, i), other) == 0)
            return true;
    return false;
}

/* What a and b share in a list dimension is exactly the names both lists' items are about,
 * each once, in a's order. */
static void check_shared_names(const cq_model *m, const cq_comparison *c, size_t a, size_t b,
                               cq_role_list l)
{
    cq_dimension d = (cq_dimension)l;
    size_t n = cq_comparison_shared_count(c, d), next = 0;
    for (size_t i = 0; i < cq_role_list_count(m, a, l); i++)
        for (size_t j = 0; j < cq_role_item_about_count(m, a, l, i); j++) {
            const char *name = cq_role_item_about(m, a, l, i, j);
            if (!role_is_about(m, b, l, name))
                continue;
            bool earlier = false; /* named by an earlier item of a */
            for (size_t k = 0; k < next; k++)
                earlier |= strcmp(cq_comparison_shared(c, d, k), name) == 0;
            if (earlier)
                continue;
            assert_true(next < n);
            assert_string_equal(cq_comparison_shared(c, d, next), name);
            assert_string_equal(cq_comparison_shared_text(c, d, next), name);
            next++;
        }
    assert_int_equal(next, n);
}

/* A shared figure is one both outlooks quote: the same measure, value, source and period. */
static void check_shared_figures(const cq_model *m, const cq_comparison *c, size_t a, size_t b)
{
    size_t both = 0;
    for (size_t i = 0; i < cq_role_figure_count(m, a); i++) {
        cq_figure x, y;
        assert_true(cq_role_figure(m, a, i, &x));
        bool same = figure_measuring(m, b, x.measure, &y) && strcmp(x.value, y.value) == 0 &&
                    strcmp(x.source, y.source) == 0 && strcmp(x.period, y.period) == 0;
        assert_true(same == in_shared(c, CQ_DIM_OUTLOOK, x.measure));
        both += same;
    }
    assert_int_equal(cq_comparison_shared_count(c, CQ_DIM_OUTLOOK), both);
}

/* A shared tip is advice both roles get, each tip naming the other. */
static void check_shared_tips(const cq_model *m, const cq_comparison *c, size_t a, size_t b)
{
    size_t shared = 0;
    for (size_t t = 0; t < cq_role_tip_count(m, a); t++) {
        bool with_b = tip_shared_with(m, a, t, cq_role_id(m, b));
        assert_true(with_b == in_shared(c, CQ_DIM_TIPS, cq_tip_advice(m, a, t)));
        if (!with_b)
            continue;
        size_t u = tip_giving(m, b, cq_tip_advice(m, a, t));
        assert_true(u != (size_t)-1);
        assert_true(tip_shared_with(m, b, u, cq_role_id(m, a)));
        shared++;
    }
    assert_int_equal(cq_comparison_shared_count(c, CQ_DIM_TIPS), shared);
}

static void every_pair_of_roles_compares_on_the_seven_dimensions(void **state)
{
    fixture *f = *state;
    const cq_model *m = f->real;
    static const char *const names[] = {"responsibilities", "skills",  "education", "tools",
                                        "industries",       "outlook", "tips"};
    size_t n = cq_model_role_count(m), shared[CQ_DIM_COUNT] = {0};
    for (size_t a = 0; a < n; a++)
        for (size_t b = 0; b < n; b++) {
            cq_comparison *c = NULL;
            if (a == b) {
                assert_int_equal(cq_compare(m, a, b, &c, NULL), CQ_ERR_ARG);
                continue;
            }
            assert_int_equal(cq_compare(m, a, b, &c, NULL), CQ_OK);
            assert_int_equal(cq_comparison_role(c, 0), a);
            assert_int_equal(cq_comparison_role(c, 1), b);
            for (int d = 0; d < CQ_DIM_COUNT; d++) {
                assert_string_equal(cq_dimension_name((cq_dimension)d), names[d]);
                assert_true(cq_comparison_item_count(c, (cq_dimension)d, 0) > 0);
                assert_true(cq_comparison_item_count(c, (cq_dimension)d, 1) > 0);
                if (d <= CQ_DIM_INDUSTRIES)
                    check_shared_names(m, c, a, b, (cq_role_list)d);
                shared[d] += cq_comparison_shared_count(c, (cq_dimension)d);
            }
            check_shared_figures(m, c, a, b);
            check_shared_tips(m, c, a, b);
            char *json = NULL;
            assert_int_equal(cq_comparison_to_json(m, c, &json, NULL, NULL), CQ_OK);
            cJSON *doc = cJSON_Parse(json);
            assert_int_equal(cJSON_GetArraySize(get(doc, "rows")), CQ_DIM_COUNT);
            assert_string_equal(cJSON_GetArrayItem(get(doc, "roles"), 1)->valuestring,
                                cq_role_id(m, b));
            cJSON_Delete(doc);
            cq_free(f->ctx, json);
            cq_comparison_free(c);
        }
    /* The content gives every dimension something shared between some pair. */
    for (int d = 0; d < CQ_DIM_COUNT; d++)
        assert_true(shared[d] > 0);
}

static const char *const names_bank =
    "{\"version\": \"t\", \"traits\": [{\"id\": \"x\", \"name\": \"X\"}], \"questions\": "
    "[{\"id\": \"q\", \"type\": \"scale\", \"text\": \"Q?\", \"min\": 1, \"max\": 5, "
    "\"traits\": {\"x\": [0, 1]}}]}";

/* A profile whose tools are `tools` (a JSON array of items), whose outlook quotes a 15% figure
 * measuring `measure` and a second figure `value` of pay (both from the same source and
 * period), and whose first tip gives the advice "reading" with `shared`; its second tip is
 * its own. */
static char *names_profile(const char *id, const char *tools, const char *measure,
                           const char *value, const char *shared)
{
    char *text = malloc(4096);
    assert_non_null(text);
    snprintf(text, 4096,
             "{\"id\": \"%s\", \"title\": \"%s\", \"summary\": \"S\", \"responsibilities\": "
             "[{\"text\": \"Plan the experiments of %s\", \"about\": [\"experiments\"]}], "
             "\"skills\": [{\"text\": \"Skill\", \"about\": [\"skill of %s\"]}], \"education\": "
             "[{\"text\": \"Degree\", \"about\": [\"degree\"]}], \"tools\": %s, \"industries\": "
             "[{\"text\": \"Retail and e-commerce businesses\", \"about\": [\"retail\", "
             "\"e-commerce\"]}], \"outlook\": {\"text\": \"Good.\", \"figures\": [{\"value\": "
             "\"15%%\", \"measure\": \"%s\", \"source\": \"BLS\", \"period\": \"2019-2029\", "
             "\"article\": \"A\"}, {\"value\": \"%s\", \"measure\": \"pay\", \"source\": "
             "\"BLS\", \"period\": \"2019-2029\", \"article\": \"A\"}]}, \"tips\": [{\"text\": "
             "\"Read papers, %s.\", \"advice\": \"reading\", \"builds\": [\"x\"], \"source\": "
             "\"A\"%s}, {\"text\": \"Own tip of %s.\", \"advice\": \"own %s\", \"builds\": "
             "[\"x\"], \"source\": \"A\"}], \"sources\": [\"A\"], \"targets\": {\"x\": "
             "{\"value\": 1, \"importance\": 1, \"why\": \"w\"}}}",
             id, id, id, id, tools, measure, value, id, shared, id, id);
    return text;
}

static void what_two_roles_share_is_the_names_both_profiles_give(void **state)
{
    fixture *f = *state;
    char *pa = names_profile("alpha",
                             "[{\"text\": \"TensorFlow, PyTorch and scikit-learn\", \"about\": "
                             "[\"TensorFlow\", \"PyTorch\", \"scikit-learn\"]}, {\"text\": "
                             "\"R and SQL\", \"about\": [\"R\", \"SQL\"]}, {\"text\": \"Pandas "
                             "and PyTorch\", \"about\": [\"pandas\", \"PyTorch\"]}]",
                             "growth in jobs for research scientists", "$1",
                             ", \"shared_with\": [\"beta\"]");
    char *pb = names_profile("beta",
                             "[{\"text\": \"PyTorch and Scikit-Learn\", \"about\": [\"PyTorch\", "
                             "\"Scikit-Learn\"]}, {\"text\": \"React apps\", \"about\": "
                             "[\"React\"]}, {\"text\": \"SQLite and R\", \"about\": [\"SQLite\", "
                             "\"R\"]}]",
                             "growth in jobs for research scientists", "$2",
                             ", \"shared_with\": [\"alpha\"]");
    char *pc = names_profile("gamma", "[{\"text\": \"Excel\", \"about\": [\"Excel\"]}]",
                             "growth in jobs for software developers", "$1", "");
    const char *profiles[] = {pa, pb, pc, NULL};
    cq_model *m = NULL;
    cq_error err;
    assert_int_equal(fixture_load_texts(f->ctx, names_bank, profiles, &m, &err), CQ_OK);
    cq_comparison *c = NULL;
    assert_int_equal(cq_compare(m, 0, 1, &c, NULL), CQ_OK);
    /* Whole names, exactly as written, once each, in the first role's order: "scikit-learn"
     * is not "Scikit-Learn", "SQL" is not in "SQLite" and nothing is matched word by word. */
    assert_int_equal(cq_comparison_shared_count(c, CQ_DIM_TOOLS), 2);
    assert_string_equal(cq_comparison_shared(c, CQ_DIM_TOOLS, 0), "PyTorch");
    assert_string_equal(cq_comparison_shared(c, CQ_DIM_TOOLS, 1), "R");
    assert_null(cq_comparison_shared(c, CQ_DIM_TOOLS, 2));
    assert_int_equal(cq_comparison_shared_count(c, CQ_DIM_INDUSTRIES), 2);
    assert_string_equal(cq_comparison_shared(c, CQ_DIM_INDUSTRIES, 1), "e-commerce");
    /* The texts differ ("Plan the experiments of alpha"); the names are the same. */
    assert_int_equal(cq_comparison_shared_count(c, CQ_DIM_RESPONSIBILITIES), 1);
    assert_string_equal(cq_comparison_shared(c, CQ_DIM_RESPONSIBILITIES, 0), "experiments");
    assert_int_equal(cq_comparison_shared_count(c, CQ_DIM_SKILLS), 0);
    /* The figure that measures the same thing, named by its measure and read with its value
     * and source; not the other value of pay from the same source and period. */
    assert_int_equal(cq_comparison_shared_count(c, CQ_DIM_OUTLOOK), 1);
    assert_string_equal(cq_comparison_shared(c, CQ_DIM_OUTLOOK, 0),
                        "growth in jobs for research scientists");
    assert_string_equal(cq_comparison_shared_text(c, CQ_DIM_OUTLOOK, 0),
                        "15% growth in jobs for research scientists (BLS, 2019-2029)");
    /* The advice both get, though worded for each; not the tips of their own. */
    assert_int_equal(cq_comparison_shared_count(c, CQ_DIM_TIPS), 1);
    assert_string_equal(cq_comparison_shared(c, CQ_DIM_TIPS, 0), "reading");
    assert_null(cq_comparison_shared_text(c, CQ_DIM_TIPS, 1));
    assert_null(cq_comparison_item(c, CQ_DIM_TOOLS, 2, 0));
    cq_comparison_free(c);
    /* 15% of jobs for software developers is not 15% of jobs for research scientists, and a
     * tip with the same advice that neither profile shares is not shared; the same pay is. */
    assert_int_equal(cq_compare(m, 0, 2, &c, NULL), CQ_OK);
    assert_int_equal(cq_comparison_shared_count(c, CQ_DIM_OUTLOOK), 1);
    assert_string_equal(cq_comparison_shared_text(c, CQ_DIM_OUTLOOK, 0), "$1 pay (BLS, 2019-2029)");
    assert_int_equal(cq_comparison_shared_count(c, CQ_DIM_TIPS), 0);
    assert_int_equal(cq_comparison_shared_count(c, CQ_DIM_TOOLS), 0);
    cq_comparison_free(c);
    cq_model_free(m);
    free(pa);
    free(pb);
    free(pc);
}

/* ---- the JSON view as a whole ---------------------------------------------------------------- */

static void result_json_explains_any_role_on_request(void **state)
{
    fixture *f = *state;
    const cq_model *m = f->real;
    cq_result *r = score_file(m, "docs/examples/answers.json", false);
    for (size_t role_i = 0; role_i < cq_model_role_count(m); role_i++) {
        cq_json_options options = {sizeof options, true, role_i};
        cJSON *doc = result_json(m, r, &options);
        const cJSON *e = get(doc, "explained");
        assert_string_equal(get(e, "id")->valuestring, cq_role_id(m, role_i));
        double sum = 0;
        const cJSON *c;
        cJSON_ArrayForEach(c, get(e, "contributions")) sum += get(c, "points")->valuedouble;
        assert_true(fabs(sum - cq_round1(cq_result_score(r, role_i))) <= ROUNDING_BOUND);
        cJSON_Delete(doc);
    }
    cq_json_options bad = {sizeof bad, true, cq_model_role_count(m)};
    char *out = NULL;
    assert_int_equal(cq_result_to_json_with(m, r, &bad, &out, NULL, NULL), CQ_ERR_ARG);
    assert_null(out);
    cJSON *doc = result_json(m, r, NULL);
    assert_null(cJSON_GetObjectItemCaseSensitive(doc, "explained"));
    const cJSON *rows = get(get(doc, "comparison"), "rows");
    assert_int_equal(cJSON_GetArraySize(rows), CQ_DIM_COUNT);
    const cJSON *tip;
    cJSON_ArrayForEach(tip, get(doc, "tips"))
    {
        get(tip, "closes");
        get(tip, "builds");
        get(tip, "source");
    }
    cJSON_Delete(doc);
    cq_result_free(r);
}

/* ---- allocation failures --------------------------------------------------------------------- */

/* An allocator that fails every allocation after the first `budget` (SIZE_MAX: never). */
typedef struct {
    size_t budget, calls;
} failing;

static void *failing_realloc(void *ctx, void *ptr, size_t size)
{
    failing *fa = ctx;
    if (fa->calls++ >= fa->budget)
        return NULL;
    return realloc(ptr, size);
}

static void failing_free(void *ctx, void *ptr)
{
    (void)ctx;
    free(ptr);
}

static void explaining_fails_cleanly_when_any_allocation_fails(void **state)
{
    (void)state;
    failing fa = {SIZE_MAX, 0};
    cq_allocator alloc = {failing_realloc, failing_free, &fa};
    cq_context *ctx = NULL;
    assert_int_equal(cq_context_new(&alloc, &ctx), CQ_OK);
    cq_model *m = fixture_load_dir(ctx, "tests/fixtures/mini");
    char *json = fixture_read("tests/fixtures/mini/worked-example.json", NULL);
    cq_answers *a = fixture_answers(m, json);
    free(json);
    cq_result *r = score_with(m, a, true);

    /* Each call must fail with CQ_ERR_NOMEM at every allocation it makes, and free what it
     * made (the sanitizer and valgrind runs catch a leak). */
    for (int op = 0; op < 4; op++) {
        bool done = false;
        for (size_t budget = 0; !done; budget++) {
            fa.calls = 0;
            fa.budget = budget;
            cq_status st;
            cq_changes *changes = NULL;
            cq_comparison *c = NULL;
            cq_result *again = NULL;
            char *out = NULL;
            switch (op) {
            case 0:
                st = cq_changes_find(r, 2, &changes, NULL);
                break;
            case 1:
                st = cq_compare(m, 0, 1, &c, NULL);
                break;
            case 2:
                st = cq_result_to_json(m, r, &out, NULL, NULL);
                break;
            default:
                st = cq_score_with(m, a, &(cq_score_options){sizeof(cq_score_options), true},
                                   &again, NULL);
                break;
            }
            fa.budget = SIZE_MAX;
            done = st == CQ_OK;
            if (!done)
                assert_int_equal(st, CQ_ERR_NOMEM);
            cq_changes_free(changes);
            cq_comparison_free(c);
            cq_result_free(again);
            cq_free(ctx, out);
            assert_true(budget < 100000);
        }
    }
    cq_result_free(r);
    cq_answers_free(a);
    cq_model_free(m);
    cq_context_free(ctx);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(worked_example_effects_match_the_hand_computation),
        cmocka_unit_test(worked_example_json_lists_each_answer_with_points_and_effect),
        cmocka_unit_test(worked_example_what_ifs_are_the_smallest_changes),
        cmocka_unit_test(keeping_no_changes_still_counts_them),
        cmocka_unit_test(random_answer_sets_keep_every_promise_of_the_explanation),
        cmocka_unit_test(personas_and_people_keep_every_promise_of_the_explanation),
        cmocka_unit_test(a_close_call_co_recommends_every_role_within_the_margin),
        cmocka_unit_test(a_clear_win_co_recommends_nothing),
        cmocka_unit_test(answers_all_in_the_first_position_raise_a_warning),
        cmocka_unit_test(every_scale_at_its_midpoint_raises_a_warning),
        cmocka_unit_test(answering_fewer_than_half_of_the_questions_raises_a_warning),
        cmocka_unit_test(considered_answers_raise_no_warning),
        cmocka_unit_test(every_warning_has_a_code_and_a_sentence),
        cmocka_unit_test(education_filter_sets_apart_roles_above_the_reported_level),
        cmocka_unit_test(education_filter_without_an_education_answer_warns_and_keeps_every_role),
        cmocka_unit_test(education_filter_that_would_set_every_role_apart_keeps_them_all),
        cmocka_unit_test(an_education_below_the_top_role_is_a_stated_gap),
        cmocka_unit_test(tips_come_in_order_of_the_largest_gap_they_close),
        cmocka_unit_test(a_gap_is_what_the_answers_lose_below_the_target),
        cmocka_unit_test(every_pair_of_roles_compares_on_the_seven_dimensions),
        cmocka_unit_test(what_two_roles_share_is_the_names_both_profiles_give),
        cmocka_unit_test(result_json_explains_any_role_on_request),
        cmocka_unit_test(explaining_fails_cleanly_when_any_allocation_fails),
    };
    return cmocka_run_group_tests_name("explain", tests, setup, teardown);
}
