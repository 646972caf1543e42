/* test_mappings.c: each answer of the shipped bank, alone, pushes towards the roles its
 * articles connect it with (the "roles" its basis in questions/bank.json names). */
#include "fixtures.h"

#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_ROLES 32
#define TIE 1e-9

/*
 * What one answer does, everything else left out: how many points it gives each role compared
 * with its nearest alternatives on the question. A skipped question earns every role the same
 * whatever the others say, so this is the difference of the role's scores with this question
 * answered one way and another:
 * - a ticked set of a multi-choice question, against "None of these yet" (what ticking adds);
 *   "None of these yet" itself against each other option ticked alone, on average;
 * - an option of an ordered question, against the option one step below it (the lowest one
 *   against the one above it): what this step adds;
 * - an option of an unordered question, against the question's other options that say
 *   something, on average (the effect the reasons on the screen show);
 * - a scale's lowest value against its highest, and the highest against the lowest.
 * The roles it favours are those it raises most.
 */
typedef struct push {
    double points[MAX_ROLES];
    size_t roles;
} push;

/* Each role's score with only question q answered: options by index, or a scale value. False
 * when the answer says nothing (an option that sets no trait). */
static bool score_alone(const cq_model *m, size_t q, const size_t *options, size_t count,
                        long value, double *scores)
{
    cq_answers *a = NULL;
    cq_result *r = NULL;
    assert_int_equal(cq_answers_new(m, &a, NULL), CQ_OK);
    if (cq_question_type_of(m, q) == CQ_SCALE)
        assert_int_equal(cq_answers_set_scale(a, q, value, NULL), CQ_OK);
    else
        assert_int_equal(cq_answers_set_options(a, q, options, count, NULL), CQ_OK);
    cq_status st = cq_score(m, a, &r, NULL);
    cq_answers_free(a);
    if (st == CQ_ERR_INVALID)
        return false; /* nothing answered says anything */
    assert_int_equal(st, CQ_OK);
    for (size_t role = 0; role < cq_model_role_count(m); role++)
        scores[role] = cq_result_score(r, role);
    cq_result_free(r);
    return true;
}

static void one_option(const cq_model *m, size_t q, size_t option, double *scores, bool *says)
{
    *says = score_alone(m, q, &option, 1, 0, scores);
}

/* The mean of each role's score over the given single options (those that say something). */
static void mean_over(const cq_model *m, size_t q, const size_t *options, size_t count,
                      double *mean)
{
    size_t n = 0;
    double scores[MAX_ROLES];
    bool says;
    memset(mean, 0, MAX_ROLES * sizeof *mean);
    for (size_t i = 0; i < count; i++) {
        one_option(m, q, options[i], scores, &says);
        if (!says)
            continue;
        for (size_t role = 0; role < cq_model_role_count(m); role++)
            mean[role] += scores[role];
        n++;
    }
    assert_true(n > 0);
    for (size_t role = 0; role < cq_model_role_count(m); role++)
        mean[role] /= (double)n;
}

static size_t exclusive_option(const cq_model *m, size_t q)
{
    for (size_t o = 0; o < cq_question_option_count(m, q); o++)
        if (cq_option_exclusive(m, q, o))
            return o;
    fail_msg("question %s has no \"None of these yet\"", cq_question_id(m, q));
    return 0;
}

/* The push of a choice answer (options by index). False when it says nothing. */
static bool push_of_options(const cq_model *m, size_t q, const size_t *options, size_t count,
                            push *p)
{
    double with[MAX_ROLES], against[MAX_ROLES];
    size_t n = cq_question_option_count(m, q), others[CQ_MAX_OPTIONS], k = 0;
    if (!score_alone(m, q, options, count, 0, with))
        return false;
    if (cq_question_type_of(m, q) == CQ_MULTI && count == 1 &&
        cq_option_exclusive(m, q, options[0])) {
        for (size_t o = 0; o < n; o++)
            if (!cq_option_exclusive(m, q, o))
                others[k++] = o;
        mean_over(m, q, others, k, against);
    } else if (cq_question_type_of(m, q) == CQ_MULTI) {
        size_t none = exclusive_option(m, q);
        assert_true(score_alone(m, q, &none, 1, 0, against));
    } else if (cq_question_ordered(m, q)) {
        size_t step = options[0] > 0 ? options[0] - 1 : 1;
        assert_true(score_alone(m, q, &step, 1, 0, against));
    } else {
        for (size_t o = 0; o < n; o++)
            if (o != options[0])
                others[k++] = o;
        mean_over(m, q, others, k, against);
    }
    p->roles = cq_model_role_count(m);
    for (size_t role = 0; role < p->roles; role++)
        p->points[role] = with[role] - against[role];
    return true;
}

static void push_of_scale(const cq_model *m, size_t q, long value, push *p)
{
    double with[MAX_ROLES], against[MAX_ROLES];
    long other = value == cq_scale_min(m, q) ? cq_scale_max(m, q) : cq_scale_min(m, q);
    assert_true(score_alone(m, q, NULL, 0, value, with));
    assert_true(score_alone(m, q, NULL, 0, other, against));
    p->roles = cq_model_role_count(m);
    for (size_t role = 0; role < p->roles; role++)
        p->points[role] = with[role] - against[role];
}

/* The role raised most; on a tie the first by id, as rankings break ties. */
static size_t favoured(const push *p)
{
    size_t best = 0;
    for (size_t role = 1; role < p->roles; role++)
        if (p->points[role] > p->points[best] + TIE)
            best = role;
    return best;
}

static bool listed(const cJSON *roles, const char *id)
{
    const cJSON *r;
    cJSON_ArrayForEach(r,
                       roles) if (cJSON_IsString(r) && strcmp(r->valuestring, id) == 0) return true;
    return false;
}

static void print_push(const cq_model *m, const push *p)
{
    for (size_t role = 0; role < p->roles; role++)
        print_message("    %-22s %+6.2f\n", cq_role_id(m, role), p->points[role]);
}

/* Checks one basis (an option or a scale label): it says why, and when it names roles, the
 * answer raises one of them most. Returns the number of answers checked (0 or 1). */
static size_t check_basis(const cq_model *m, size_t q, const cJSON *node, const push *p,
                          const char *answer, size_t *failures)
{
    const cJSON *why = cJSON_GetObjectItemCaseSensitive(node, "why");
    const cJSON *roles = cJSON_GetObjectItemCaseSensitive(node, "roles");
    if (!cJSON_IsString(why) || !why->valuestring[0] || !cJSON_IsArray(roles)) {
        print_error("%s=%s: no \"why\" or no \"roles\" in its basis\n", cq_question_id(m, q),
                    answer);
        (*failures)++;
        return 0;
    }
    if (cJSON_GetArraySize(roles) == 0 || !p)
        return 0; /* the articles connect it with no role in particular, or it says nothing */
    for (const cJSON *r = roles->child; r; r = r->next)
        if (!cJSON_IsString(r) || cq_model_find_role(m, r->valuestring) == (size_t)-1) {
            print_error("%s=%s: \"roles\" names no role\n", cq_question_id(m, q), answer);
            (*failures)++;
        }
    size_t top = favoured(p);
    if (!listed(roles, cq_role_id(m, top))) {
        print_error("%s=%s raises %s most, a role its basis does not name:\n", cq_question_id(m, q),
                    answer, cq_role_id(m, top));
        print_push(m, p);
        (*failures)++;
    }
    return 1;
}

static void every_answer_says_why_and_raises_a_role_its_articles_connect_it_with_most(void **state)
{
    fixture_mini *f = *state;
    const cq_model *m = f->model;
    char *text = fixture_read("questions/bank.json", NULL);
    cJSON *bank = cJSON_Parse(text);
    free(text);
    assert_non_null(bank);
    size_t checked = 0, failures = 0;
    const cJSON *question;
    cJSON_ArrayForEach(question, cJSON_GetObjectItemCaseSensitive(bank, "questions"))
    {
        size_t q =
            fixture_question(m, cJSON_GetObjectItemCaseSensitive(question, "id")->valuestring);
        push p;
        if (cq_question_type_of(m, q) == CQ_SCALE) {
            const cJSON *label;
            cJSON_ArrayForEach(label, cJSON_GetObjectItemCaseSensitive(question, "labels"))
            {
                long v = (long)cJSON_GetObjectItemCaseSensitive(label, "value")->valuedouble;
                if (!cJSON_GetObjectItemCaseSensitive(label, "roles"))
                    continue; /* a label between the ends, with no basis of its own */
                assert_true(v == cq_scale_min(m, q) || v == cq_scale_max(m, q));
                push_of_scale(m, q, v, &p);
                char answer[32];
                snprintf(answer, sizeof answer, "%ld", v);
                checked += check_basis(m, q, label, &p, answer, &failures);
            }
            continue;
        }
        const cJSON *option;
        cJSON_ArrayForEach(option, cJSON_GetObjectItemCaseSensitive(question, "options"))
        {
            const char *id = cJSON_GetObjectItemCaseSensitive(option, "id")->valuestring;
            size_t o = cq_question_find_option(m, q, id);
            bool says = push_of_options(m, q, &o, 1, &p);
            checked += check_basis(m, q, option, says ? &p : NULL, id, &failures);
        }
    }
    cJSON_Delete(bank);
    print_message("%zu answers raise a role their articles connect them with most\n", checked);
    assert_int_equal(failures, 0);
    assert_true(checked >= 80);
}

/* The single answers the issue found pointing the wrong way (issue 11), checked on their own so
 * that editing the bank's "roles" cannot weaken them. */
typedef struct listed_case {
    const char *question;
    const char *options[4];
    const char *first[4]; /* a role the articles connect it with must be raised most */
    const char *above;    /* and raised more than ... */
    const char *below;    /* ... this role */
} listed_case;

static const listed_case listed_cases[] = {
    /* LaTeX and Overleaf are the ML Scientist's (000), not the ML Software Engineer's. */
    {"visual-tools", {"latex"}, {"ml-scientist"}, "ml-scientist", "ml-software-engineer"},
    /* Tableau and Power BI: Data Scientist (004), DSE (002), ML Scientist (000). */
    {"visual-tools",
     {"tableau", "power-bi"},
     {"data-scientist", "data-science-engineer", "ml-scientist"},
     "data-scientist",
     "ml-engineer"},
    /* 004 names no big-data tool for the Data Scientist. */
    {"data-tools",
     {"spark", "hadoop", "kafka"},
     {"data-science-engineer", "lead-ml-engineer", "ml-software-engineer"},
     "data-science-engineer",
     "data-scientist"},
    {"system-part", {"people"}, {"lead-ml-engineer"}, "lead-ml-engineer", "data-scientist"},
    {"free-day", {"plan-roadmap"}, {"lead-ml-engineer"}, "lead-ml-engineer", "data-scientist"},
    /* Only the lead's article (000) names electrical engineering. */
    {"field",
     {"electrical-engineering"},
     {"lead-ml-engineer"},
     "lead-ml-engineer",
     "research-scientist"},
    /* Article 002 gives the data science degree to the Data Science Engineer. */
    {"field",
     {"data-science"},
     {"data-science-engineer"},
     "data-science-engineer",
     "data-scientist"},
    /* The setting carries the articles' industries, not only the academic axis. */
    {"setting", {"consulting"}, {"data-scientist"}, "data-scientist", "ml-engineer"},
    {"setting",
     {"telecommunications"},
     {"data-science-engineer", "lead-ml-engineer"},
     "lead-ml-engineer",
     "ml-engineer"},
    {"setting", {"automotive"}, {"lead-ml-engineer"}, "lead-ml-engineer", "data-scientist"},
    {"free-day",
     {"read-paper"},
     {"ml-scientist", "research-scientist"},
     "research-scientist",
     "data-scientist"},
};

/* The options of case c on question q, by index; returns how many. */
static size_t listed_options(const cq_model *m, const listed_case *c, size_t q, size_t *options)
{
    size_t n = 0;
    for (; n < 4 && c->options[n]; n++) {
        options[n] = cq_question_find_option(m, q, c->options[n]);
        assert_true(options[n] != (size_t)-1);
    }
    return n;
}

static void the_answers_the_issue_found_point_where_the_articles_do(void **state)
{
    fixture_mini *f = *state;
    const cq_model *m = f->model;
    for (size_t i = 0; i < sizeof listed_cases / sizeof *listed_cases; i++) {
        const listed_case *c = &listed_cases[i];
        size_t q = fixture_question(m, c->question), options[4];
        size_t n = listed_options(m, c, q, options);
        push p;
        assert_true(push_of_options(m, q, options, n, &p));
        const char *top = cq_role_id(m, favoured(&p));
        bool ok = false;
        for (size_t k = 0; k < 4 && c->first[k]; k++)
            ok |= strcmp(top, c->first[k]) == 0;
        if (!ok || p.points[fixture_role(m, c->above)] <= p.points[fixture_role(m, c->below)]) {
            print_error("%s=%s%s raises %s most\n", c->question, c->options[0], n > 1 ? "+..." : "",
                        top);
            print_push(m, &p);
        }
        assert_true(ok);
        assert_true(p.points[fixture_role(m, c->above)] > p.points[fixture_role(m, c->below)]);
    }
}

/* The issue's own test: a file that holds only one of those answers ranks a role the articles
 * connect it with first. A skipped question gives every role the same points, so the other
 * questions cannot decide it. */
static void the_answers_the_issue_found_alone_put_a_role_of_their_articles_first(void **state)
{
    fixture_mini *f = *state;
    const cq_model *m = f->model;
    for (size_t i = 0; i < sizeof listed_cases / sizeof *listed_cases; i++) {
        const listed_case *c = &listed_cases[i];
        size_t q = fixture_question(m, c->question), options[4];
        size_t n = listed_options(m, c, q, options);
        cq_answers *a = NULL;
        cq_result *r = NULL;
        assert_int_equal(cq_answers_new(m, &a, NULL), CQ_OK);
        assert_int_equal(cq_answers_set_options(a, q, options, n, NULL), CQ_OK);
        assert_int_equal(cq_score(m, a, &r, NULL), CQ_OK);
        const char *top = cq_role_id(m, cq_result_role_at(r, 0));
        bool ok = false;
        for (size_t k = 0; k < 4 && c->first[k]; k++)
            ok |= strcmp(top, c->first[k]) == 0;
        if (!ok) {
            print_error("%s=%s%s alone ranks %s first:\n", c->question, c->options[0],
                        n > 1 ? "+..." : "", top);
            for (size_t rank = 0; rank < cq_result_rank_count(r); rank++)
                print_error("    %-22s %6.2f\n", cq_role_id(m, cq_result_role_at(r, rank)),
                            cq_result_score(r, cq_result_role_at(r, rank)));
        }
        cq_result_free(r);
        cq_answers_free(a);
        assert_true(ok);
    }
}

/* Reading a paper to try its idea is research, not publishing (002 suggests reading papers to
 * the lead and the Data Science Engineer, who do not publish). */
static void trying_an_idea_from_a_paper_says_nothing_about_publishing(void **state)
{
    fixture_mini *f = *state;
    const cq_model *m = f->model;
    cq_answers *a = fixture_answers(m, "{\"answers\": {\"free-day\": \"read-paper\"}}");
    cq_result *r = NULL;
    assert_int_equal(cq_score(m, a, &r, NULL), CQ_OK);
    assert_double_equal(cq_result_trait_evidence(r, cq_model_find_trait(m, "publishing")), 0.0,
                        0.0);
    assert_true(cq_result_trait_evidence(r, cq_model_find_trait(m, "research")) > 0.0);
    cq_result_free(r);
    cq_answers_free(a);
}

/* Every article accepts "a related field": a subject the bank names scores no role below
 * "Something else", and a subject next to one a role names (AI for computer science) above it
 * (persona review: AI/ML scored the Research Scientist below an unrelated degree). */
static void a_named_subject_never_scores_below_an_unrelated_one(void **state)
{
    fixture_mini *f = *state;
    const cq_model *m = f->model;
    size_t q = cq_model_find_question(m, "field"), other = cq_question_find_option(m, q, "other");
    size_t ai = cq_question_find_option(m, q, "ai-ml");
    size_t rs = cq_model_find_role(m, "research-scientist");
    double unrelated[MAX_ROLES], scores[MAX_ROLES];
    bool says;
    one_option(m, q, other, unrelated, &says);
    assert_true(says);
    for (size_t o = 0; o < cq_question_option_count(m, q); o++) {
        one_option(m, q, o, scores, &says);
        assert_true(says);
        for (size_t role = 0; role < cq_model_role_count(m); role++)
            if (scores[role] < unrelated[role] - 1e-9)
                fail_msg("%s scores %s %.2f, below \"Something else\" (%.2f)",
                         cq_option_id(m, q, o), cq_role_id(m, role), scores[role], unrelated[role]);
    }
    one_option(m, q, ai, scores, &says);
    assert_true(scores[rs] > unrelated[rs] + 0.1);
}

/* The roles the bank's basis names for an option of question `qid`, as a bit set of roles. */
static unsigned basis_roles(const cq_model *m, const cJSON *bank, const char *qid, const char *oid)
{
    const cJSON *question, *option, *r;
    unsigned set = 0;
    cJSON_ArrayForEach(question, cJSON_GetObjectItemCaseSensitive(bank, "questions"))
    {
        if (strcmp(cJSON_GetObjectItemCaseSensitive(question, "id")->valuestring, qid) != 0)
            continue;
        cJSON_ArrayForEach(option, cJSON_GetObjectItemCaseSensitive(question, "options"))
        {
            if (strcmp(cJSON_GetObjectItemCaseSensitive(option, "id")->valuestring, oid) != 0)
                continue;
            cJSON_ArrayForEach(r, cJSON_GetObjectItemCaseSensitive(option, "roles")) set |=
                1u << fixture_role(m, r->valuestring);
        }
    }
    return set;
}

/* Two places of work score every role the same only when the articles list the same roles for
 * both (finance and healthcare hire every role but the Research Scientist); the old bank gave
 * consulting, telecommunications and retail the same result. */
static void places_of_work_move_the_roles_apart_as_the_articles_list_them(void **state)
{
    fixture_mini *f = *state;
    const cq_model *m = f->model;
    char *text = fixture_read("questions/bank.json", NULL);
    cJSON *bank = cJSON_Parse(text);
    free(text);
    size_t q = fixture_question(m, "setting"), n = cq_question_option_count(m, q), pairs = 0;
    double scores[CQ_MAX_OPTIONS][MAX_ROLES];
    bool says[CQ_MAX_OPTIONS];
    for (size_t o = 0; o < n; o++)
        one_option(m, q, o, scores[o], &says[o]);
    for (size_t a = 0; a < n; a++)
        for (size_t b = a + 1; b < n; b++) {
            if (!says[a] || !says[b])
                continue;
            bool differ = false;
            for (size_t role = 0; role < cq_model_role_count(m); role++)
                differ |= scores[a][role] - scores[b][role] > TIE ||
                          scores[b][role] - scores[a][role] > TIE;
            bool same_roles = basis_roles(m, bank, "setting", cq_option_id(m, q, a)) ==
                              basis_roles(m, bank, "setting", cq_option_id(m, q, b));
            if (differ == same_roles)
                print_error(
                    "setting=%s and setting=%s: %s\n", cq_option_id(m, q, a), cq_option_id(m, q, b),
                    differ ? "the same roles score differently" : "other roles, the same scores");
            assert_true(differ != same_roles);
            pairs += differ;
        }
    cJSON_Delete(bank);
    assert_true(pairs >= 50);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(every_answer_says_why_and_raises_a_role_its_articles_connect_it_with_most),
        cmocka_unit_test(the_answers_the_issue_found_alone_put_a_role_of_their_articles_first),
        cmocka_unit_test(the_answers_the_issue_found_point_where_the_articles_do),
        cmocka_unit_test(trying_an_idea_from_a_paper_says_nothing_about_publishing),
        cmocka_unit_test(a_named_subject_never_scores_below_an_unrelated_one),
        cmocka_unit_test(places_of_work_move_the_roles_apart_as_the_articles_list_them),
    };
    return cmocka_run_group_tests_name("mappings", tests, fixture_shipped_setup,
                                       fixture_mini_teardown);
}
