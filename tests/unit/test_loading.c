/* test_loading.c: loading the bank and profiles, and every validation error they can raise. */
#include "fixtures.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    cq_context *ctx;
    char *bank;
    char *scientist;
    char *manager;
} texts;

static int setup(void **state)
{
    texts *t = calloc(1, sizeof *t);
    assert_int_equal(cq_context_new(NULL, &t->ctx), CQ_OK);
    t->bank = fixture_read("tests/fixtures/mini/questions/bank.json", NULL);
    t->scientist = fixture_read("tests/fixtures/mini/profiles/scientist.json", NULL);
    t->manager = fixture_read("tests/fixtures/mini/profiles/manager.json", NULL);
    *state = t;
    return 0;
}

static int teardown(void **state)
{
    texts *t = *state;
    free(t->bank);
    free(t->scientist);
    free(t->manager);
    cq_context_free(t->ctx);
    free(t);
    return 0;
}

/* Loads bank + both profiles with named sources, expecting `status` and a message holding
 * `needle` (and, when given, the id in err.id). */
static void expect_failure(texts *t, const char *bank, const char *scientist, const char *manager,
                           cq_status status, const char *needle, const char *id, const char *file)
{
    cq_source b = {"questions/bank.json", bank, strlen(bank)};
    cq_source p[2] = {{"profiles/manager.json", manager, strlen(manager)},
                      {"profiles/scientist.json", scientist, strlen(scientist)}};
    cq_model *m = NULL;
    cq_error err;
    cq_error_clear(&err);
    cq_status st = cq_model_load(t->ctx, &b, 1, p, 2, &m, &err);
    if (st != status || !strstr(err.message, needle))
        print_error("status %d, message \"%s\"\n", st, err.message);
    assert_int_equal(st, status);
    assert_null(m);
    assert_non_null(strstr(err.message, needle));
    if (id)
        assert_string_equal(err.id, id);
    if (file)
        assert_string_equal(err.file, file);
}

/* Breaks the bank by one replacement and expects an error naming `needle`. */
static void bank_fails(void **state, const char *from, const char *to, cq_status status,
                       const char *needle, const char *id)
{
    texts *t = *state;
    char *bank = fixture_replace(t->bank, from, to);
    expect_failure(t, bank, t->scientist, t->manager, status, needle, id, "questions/bank.json");
    free(bank);
}

static void profile_fails(void **state, const char *from, const char *to, cq_status status,
                          const char *needle, const char *id)
{
    texts *t = *state;
    char *sci = fixture_replace(t->scientist, from, to);
    expect_failure(t, t->bank, sci, t->manager, status, needle, id, "profiles/scientist.json");
    free(sci);
}

static void fixture_data_loads_and_exposes_its_content(void **state)
{
    texts *t = *state;
    cq_model *m = fixture_load_dir(t->ctx, "tests/fixtures/mini");
    assert_int_equal(cq_model_trait_count(m), 3);
    assert_false(cq_trait_is_level(m, cq_model_find_trait(m, "research")));
    assert_true(cq_trait_is_level(m, cq_model_find_trait(m, "methods")));
    assert_int_equal(cq_model_question_count(m), 3);
    assert_int_equal(cq_model_role_count(m), 2);
    assert_string_equal(cq_model_version(m), "mini-1");
    assert_int_equal(strlen(cq_model_digest(m)), 16);
    /* Roles are indexed by id, whatever order the files came in. */
    assert_string_equal(cq_role_id(m, 0), "manager");
    assert_string_equal(cq_role_id(m, 1), "scientist");
    size_t q = cq_model_find_question(m, "orientation");
    assert_int_equal(cq_question_type_of(m, q), CQ_SCALE);
    assert_int_equal(cq_scale_min(m, q), 1);
    assert_int_equal(cq_scale_max(m, q), 5);
    assert_int_equal(cq_scale_label_count(m, q), 2);
    assert_string_equal(cq_scale_label_text(m, q, 1), "Research");
    assert_true(cq_question_required(m, q));
    assert_false(cq_question_required(m, cq_model_find_question(m, "lead")));
    assert_true(cq_question_ordered(m, cq_model_find_question(m, "lead")));
    assert_false(cq_question_ordered(m, q));
    assert_true(cq_question_is_aim(m, q));
    assert_false(cq_question_is_aim(m, cq_model_find_question(m, "tools")));
    size_t tools = cq_model_find_question(m, "tools");
    assert_true(cq_option_exclusive(m, tools, cq_question_find_option(m, tools, "none")));
    cq_figure fig;
    assert_true(cq_role_figure(m, 1, 0, &fig));
    assert_string_equal(fig.period, "2020–2030");
    assert_false(cq_role_figure(m, 1, 1, &fig));
    assert_int_equal(cq_tip_shared_count(m, 0, 0), 1);
    assert_string_equal(cq_tip_shared_with(m, 0, 0, 0), "scientist");
    assert_null(cq_question_id(m, 99));
    cq_model_free(m);
}

static void the_default_data_loads(void **state)
{
    texts *t = *state;
    cq_model *m = fixture_load_dir(t->ctx, ".");
    assert_int_equal(cq_model_role_count(m), 7);
    assert_true(cq_model_question_count(m) >= 16);
    cq_model_free(m);
}

static void a_missing_data_folder_cannot_be_opened(void **state)
{
    texts *t = *state;
    cq_model *m = NULL;
    cq_error err;
    assert_int_equal(cq_model_load_dir(t->ctx, "/nonexistent/careerquiz", &m, &err), CQ_ERR_OPEN);
    assert_non_null(strstr(err.file, "/nonexistent/careerquiz/questions"));
}

static void malformed_json_reports_line_and_column(void **state)
{
    texts *t = *state;
    char *bank = fixture_replace(t->bank, "\"version\": \"mini-1\",", "\"version\": \"mini-1\"");
    cq_source b = {"questions/bank.json", bank, strlen(bank)};
    cq_source p = {"profiles/scientist.json", t->scientist, strlen(t->scientist)};
    cq_model *m = NULL;
    cq_error err;
    assert_int_equal(cq_model_load(t->ctx, &b, 1, &p, 1, &m, &err), CQ_ERR_SYNTAX);
    assert_int_equal(err.line, 3); /* the next key, where a comma was expected */
    assert_int_equal(err.column, 3);
    char text[1024];
    assert_non_null(strstr(cq_error_format(&err, text, sizeof text), "questions/bank.json:3:3"));
    free(bank);
}

static void trailing_garbage_is_rejected(void **state)
{
    texts *t = *state;
    size_t n = strlen(t->bank);
    char *bank = malloc(n + 8);
    memcpy(bank, t->bank, n);
    memcpy(bank + n, "\n{}", 4);
    expect_failure(t, bank, t->scientist, t->manager, CQ_ERR_SYNTAX, "after the document", NULL,
                   "questions/bank.json");
    free(bank);
}

static void a_nul_byte_ends_nothing_early(void **state)
{
    texts *t = *state;
    cq_source b = {"questions/bank.json", t->bank, strlen(t->bank) + 1}; /* NUL included */
    cq_source p = {"profiles/scientist.json", t->scientist, strlen(t->scientist)};
    cq_model *m = NULL;
    cq_error err;
    assert_int_equal(cq_model_load(t->ctx, &b, 1, &p, 1, &m, &err), CQ_ERR_SYNTAX);
}

static void an_empty_file_says_it_is_empty(void **state)
{
    texts *t = *state;
    expect_failure(t, "  \n", t->scientist, t->manager, CQ_ERR_SYNTAX, "empty", NULL, NULL);
}

static void duplicate_keys_are_rejected(void **state)
{
    bank_fails(state, "\"version\": \"mini-1\",", "\"version\": \"mini-1\", \"version\": \"x\",",
               CQ_ERR_INVALID, "duplicate key \"version\"", "version");
}

static void deep_nesting_is_refused(void **state)
{
    texts *t = *state;
    char deep[200];
    memset(deep, '[', 60);
    memset(deep + 60, ']', 60);
    deep[120] = '\0';
    char with[256];
    snprintf(with, sizeof with, "\"version\": \"mini-1\", \"x\": %s,", deep);
    char *bank = fixture_replace(t->bank, "\"version\": \"mini-1\",", with);
    expect_failure(t, bank, t->scientist, t->manager, CQ_ERR_LIMIT, "deeper than", NULL, NULL);
    free(bank);
}

static void duplicate_question_id_is_named(void **state)
{
    bank_fails(state, "\"id\": \"lead\",", "\"id\": \"orientation\",", CQ_ERR_INVALID,
               "question \"orientation\" is declared twice", "orientation");
}

static void duplicate_trait_id_is_named(void **state)
{
    bank_fails(state,
               "{\"id\": \"leadership\", \"name\": \"Leading people\", \"kind\": \"preference\"}",
               "{\"id\": \"research\", \"name\": \"Again\"}", CQ_ERR_INVALID,
               "trait \"research\" is declared twice", "research");
}

static void duplicate_option_id_is_named(void **state)
{
    bank_fails(state, "{\"id\": \"b\",", "{\"id\": \"a\",", CQ_ERR_INVALID,
               "option \"a\" is declared twice", "a");
}

static void option_naming_an_undeclared_trait_is_named(void **state)
{
    bank_fails(state, "{\"leadership\": 0.0}", "{\"leedership\": 0.0}", CQ_ERR_INVALID,
               "trait \"leedership\" is not declared", "leedership");
}

static void option_trait_value_out_of_range_is_named(void **state)
{
    bank_fails(state, "{\"leadership\": 1.0}", "{\"leadership\": 1.5}", CQ_ERR_INVALID,
               "outside 0..1", "lead");
}

static void question_weight_out_of_range_is_named(void **state)
{
    bank_fails(state, "\"weight\": 2,", "\"weight\": 0,", CQ_ERR_INVALID,
               "question \"orientation\": \"weight\" is 0, outside", "orientation");
}

static void question_without_text_is_named(void **state)
{
    bank_fails(state, "\"text\": \"Which tools?\",", "", CQ_ERR_INVALID,
               "question \"tools\": required field \"text\" is missing", "tools");
}

static void question_with_wrong_type_of_field_is_named(void **state)
{
    bank_fails(state, "\"required\": false,", "\"required\": \"no\",", CQ_ERR_INVALID,
               "\"required\" must be true or false, not a string", "lead");
}

static void question_type_must_be_known(void **state)
{
    bank_fails(state, "\"type\": \"multi\"", "\"type\": \"ranking\"", CQ_ERR_INVALID,
               "type \"ranking\" is not single, multi or scale", "tools");
}

static void unknown_fields_are_typos_not_extensions(void **state)
{
    bank_fails(state, "\"required\": false,", "\"requird\": false,", CQ_ERR_INVALID,
               "unknown field \"requird\"", "lead");
}

static void choice_question_needs_two_options(void **state)
{
    texts *t = *state;
    char *a = fixture_replace(
        t->bank, "{\"id\": \"solo\", \"text\": \"Work alone\", \"traits\": {\"leadership\": 0.0}},",
        "");
    char *b =
        fixture_replace(a, "{\"id\": \"other\", \"text\": \"Something else\", \"traits\": {}}", "");
    char *c = fixture_replace(b, "\"traits\": {\"leadership\": 1.0}},",
                              "\"traits\": {\"leadership\": 1.0}}");
    expect_failure(t, c, t->scientist, t->manager, CQ_ERR_INVALID, "needs at least 2 options",
                   "lead", NULL);
    free(a);
    free(b);
    free(c);
}

static void empty_options_list_is_named(void **state)
{
    texts *t = *state;
    const char *start = strstr(t->bank, "\"options\": [\n        {\"id\": \"solo\"");
    assert_non_null(start);
    const char *end = strstr(start, "]\n    },");
    char *bank = malloc(strlen(t->bank) + 1);
    size_t head = (size_t)(start - t->bank);
    memcpy(bank, t->bank, head);
    strcpy(bank + head, "\"options\": [");
    strcat(bank, end);
    expect_failure(t, bank, t->scientist, t->manager, CQ_ERR_INVALID, "\"options\" is empty",
                   "lead", NULL);
    free(bank);
}

static void scale_min_must_be_below_max(void **state)
{
    bank_fails(state, "\"max\": 5,", "\"max\": 1,", CQ_ERR_INVALID, "\"min\" must be below \"max\"",
               "orientation");
}

static void scale_label_outside_the_range_is_named(void **state)
{
    bank_fails(state, "{\"value\": 5, \"text\": \"Research\"}",
               "{\"value\": 6, \"text\": \"Research\"}", CQ_ERR_INVALID, "outside 1..5",
               "orientation");
}

static void exclusive_option_on_single_question_is_refused(void **state)
{
    bank_fails(state, "{\"id\": \"other\", \"text\": \"Something else\",",
               "{\"id\": \"other\", \"text\": \"Something else\", \"exclusive\": true,",
               CQ_ERR_INVALID, "only applies to multi-choice", "other");
}

static void trait_that_no_question_measures_is_named(void **state)
{
    bank_fails(
        state,
        "{\"id\": \"research\", \"name\": \"Research orientation\", \"kind\": \"preference\"}",
        "{\"id\": \"research\", \"name\": \"Research orientation\", \"kind\": \"preference\"}, "
        "{\"id\": \"unused\", "
        "\"name\": \"U\"}",
        CQ_ERR_INVALID, "no question measures it", "unused");
}

static void trait_kind_must_be_level_or_preference(void **state)
{
    bank_fails(state, "\"kind\": \"level\"", "\"kind\": \"skill\"", CQ_ERR_INVALID,
               "kind \"skill\" is not level or preference", "methods");
}

static void a_multi_choice_question_may_move_only_levels(void **state)
{
    /* Adding an option must never cost: a preference in a multi answer could. */
    bank_fails(state, "{\"id\": \"a\", \"text\": \"Tool A\", \"traits\": {\"methods\": 0.5}}",
               "{\"id\": \"a\", \"text\": \"Tool A\", \"traits\": {\"research\": 0.5}}",
               CQ_ERR_INVALID, "may only move level traits", "tools");
}

static void ordered_belongs_to_single_choice_questions(void **state)
{
    bank_fails(state, "\"type\": \"multi\",", "\"type\": \"multi\", \"ordered\": true,",
               CQ_ERR_INVALID, "\"ordered\" only applies to single-choice questions", "tools");
}

static void has_it_when_must_name_real_answers(void **state)
{
    texts *t = *state;
    static const char *const cases[][2] = {
        {"[{\"nothing\": 1}]", "names question \"nothing\""},
        {"[{\"tools\": [\"z\"]}]", "has no such option"},
        {"[{\"lead\": \"boss\"}]", "has no option \"boss\""},
        {"[{\"orientation\": 9}]", "must be a value of its scale"},
        {"[{\"orientation\": \"solo\"}]", "is a scale"},
        {"[{\"lead\": 2}]", "must be a value of its scale"},
        {"[7]", "holds objects"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        char *with = malloc(strlen(cases[i][0]) + 64);
        sprintf(with, "\"has_it_when\": %s, \"source\"", cases[i][0]);
        char *man = fixture_replace(t->manager,
                                    "\"has_it_when\": [{\"lead\": \"lead\"}], \"source\"", with);
        expect_failure(t, t->bank, t->scientist, man, CQ_ERR_INVALID, cases[i][1], NULL,
                       "profiles/manager.json");
        free(man);
        free(with);
    }
}

static void ids_must_be_lowercase_words(void **state)
{
    bank_fails(state, "\"id\": \"tools\"", "\"id\": \"Tools!\"", CQ_ERR_INVALID,
               "may only hold lowercase letters", "Tools!");
}

static void duplicate_role_id_is_named(void **state)
{
    texts *t = *state;
    cq_source b = {"questions/bank.json", t->bank, strlen(t->bank)};
    cq_source p[2] = {{"one", t->scientist, strlen(t->scientist)},
                      {"two", t->scientist, strlen(t->scientist)}};
    cq_model *m = NULL;
    cq_error err;
    assert_int_equal(cq_model_load(t->ctx, &b, 1, p, 2, &m, &err), CQ_ERR_INVALID);
    assert_non_null(strstr(err.message, "role \"scientist\" is declared twice"));
    assert_string_equal(err.file, "two");
}

static void profile_without_tips_is_named(void **state)
{
    texts *t = *state;
    const char *start = strstr(t->scientist, "\"tips\": [");
    const char *end = strstr(start, "],\n");
    char *sci = malloc(strlen(t->scientist) + 1);
    size_t head = (size_t)(start - t->scientist);
    memcpy(sci, t->scientist, head);
    strcpy(sci + head, "\"tips\": [");
    strcat(sci, end);
    expect_failure(t, t->bank, sci, t->manager, CQ_ERR_INVALID,
                   "role \"scientist\": \"tips\" is empty", "scientist", "profiles/scientist.json");
    free(sci);
}

static void profile_id_must_match_its_file_name(void **state)
{
    profile_fails(state, "\"id\": \"scientist\"", "\"id\": \"researcher\"", CQ_ERR_INVALID,
                  "does not match its file name", "researcher");
}

static void profile_list_with_a_repeat_is_named(void **state)
{
    profile_fails(state, "{\"text\": \"Mathematics\", \"about\": [\"mathematics\"]}",
                  "{\"text\": \"Mathematics\", \"about\": [\"mathematics\"]}, {\"text\": "
                  "\"Mathematics\", \"about\": [\"statistics\"]}",
                  CQ_ERR_INVALID, "\"skills\" lists \"Mathematics\" twice", "scientist");
}

static void profile_missing_a_list_is_named(void **state)
{
    profile_fails(state,
                  "\"industries\": [{\"text\": \"Universities\", \"about\": [\"universities\"]}],",
                  "", CQ_ERR_INVALID, "required field \"industries\" is missing", "scientist");
}

static void tip_building_an_undeclared_trait_is_named(void **state)
{
    profile_fails(state, "\"builds\": [\"research\"]", "\"builds\": [\"reading\"]", CQ_ERR_INVALID,
                  "builds trait \"reading\"", "reading");
}

static void tip_citing_an_unlisted_article_is_named(void **state)
{
    profile_fails(state, "\"source\": \"Mini article\"}, {", "\"source\": \"Other article\"}, {",
                  CQ_ERR_INVALID, "source \"Other article\" is not among", "scientist");
}

static void target_for_an_undeclared_trait_is_named(void **state)
{
    profile_fails(state, "\"leadership\": {\"value\": 0.2", "\"leading\": {\"value\": 0.2",
                  CQ_ERR_INVALID, "target for trait \"leading\"", "leading");
}

static void target_importance_out_of_range_is_named(void **state)
{
    profile_fails(state, "\"importance\": 2,", "\"importance\": 4,", CQ_ERR_INVALID,
                  "\"importance\" is 4, outside 0..3", "scientist");
}

static void targets_that_weigh_nothing_are_refused(void **state)
{
    texts *t = *state;
    char *a = fixture_replace(t->scientist, "\"importance\": 2,", "\"importance\": 0,");
    char *b = fixture_replace(a, "\"importance\": 1,", "\"importance\": 0,");
    char *c = fixture_replace(b, "\"importance\": 2,", "\"importance\": 0,");
    expect_failure(t, t->bank, c, t->manager, CQ_ERR_INVALID, "importance above 0", "scientist",
                   NULL);
    free(a);
    free(b);
    free(c);
}

static void tip_shared_with_an_unknown_role_is_named(void **state)
{
    texts *t = *state;
    char *man = fixture_replace(t->manager, "\"shared_with\": [\"scientist\"]",
                                "\"shared_with\": [\"astronaut\"]");
    expect_failure(t, t->bank, t->scientist, man, CQ_ERR_INVALID, "is not another role",
                   "astronaut", "profiles/manager.json");
    free(man);
}

static void no_profiles_is_an_error(void **state)
{
    texts *t = *state;
    cq_source b = {"questions/bank.json", t->bank, strlen(t->bank)};
    cq_model *m = NULL;
    cq_error err;
    assert_int_equal(cq_model_load(t->ctx, &b, 1, NULL, 0, &m, &err), CQ_ERR_INVALID);
    assert_non_null(strstr(err.message, "no role profiles"));
}

static void a_file_over_the_size_cap_is_refused_before_parsing(void **state)
{
    texts *t = *state;
    cq_source b = {"questions/bank.json", t->bank, (size_t)CQ_MAX_DATA_BYTES + 1};
    cq_source p = {"profiles/scientist.json", t->scientist, strlen(t->scientist)};
    cq_model *m = NULL;
    cq_error err;
    /* The size is checked first, so the short buffer behind it is never read. */
    assert_int_equal(cq_model_load(t->ctx, &b, 1, &p, 1, &m, &err), CQ_ERR_LIMIT);
    assert_non_null(strstr(err.message, "larger than"));
}

static void free_functions_accept_null(void **state)
{
    (void)state;
    cq_model_free(NULL);
    cq_answers_free(NULL);
    cq_result_free(NULL);
    cq_context_free(NULL);
    cq_free(NULL, NULL);
    cq_error_clear(NULL);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(fixture_data_loads_and_exposes_its_content),
        cmocka_unit_test(the_default_data_loads),
        cmocka_unit_test(a_missing_data_folder_cannot_be_opened),
        cmocka_unit_test(malformed_json_reports_line_and_column),
        cmocka_unit_test(trailing_garbage_is_rejected),
        cmocka_unit_test(a_nul_byte_ends_nothing_early),
        cmocka_unit_test(an_empty_file_says_it_is_empty),
        cmocka_unit_test(duplicate_keys_are_rejected),
        cmocka_unit_test(deep_nesting_is_refused),
        cmocka_unit_test(duplicate_question_id_is_named),
        cmocka_unit_test(duplicate_trait_id_is_named),
        cmocka_unit_test(duplicate_option_id_is_named),
        cmocka_unit_test(option_naming_an_undeclared_trait_is_named),
        cmocka_unit_test(option_trait_value_out_of_range_is_named),
        cmocka_unit_test(question_weight_out_of_range_is_named),
        cmocka_unit_test(question_without_text_is_named),
        cmocka_unit_test(question_with_wrong_type_of_field_is_named),
        cmocka_unit_test(question_type_must_be_known),
        cmocka_unit_test(unknown_fields_are_typos_not_extensions),
        cmocka_unit_test(choice_question_needs_two_options),
        cmocka_unit_test(empty_options_list_is_named),
        cmocka_unit_test(scale_min_must_be_below_max),
        cmocka_unit_test(scale_label_outside_the_range_is_named),
        cmocka_unit_test(exclusive_option_on_single_question_is_refused),
        cmocka_unit_test(trait_that_no_question_measures_is_named),
        cmocka_unit_test(trait_kind_must_be_level_or_preference),
        cmocka_unit_test(a_multi_choice_question_may_move_only_levels),
        cmocka_unit_test(ordered_belongs_to_single_choice_questions),
        cmocka_unit_test(has_it_when_must_name_real_answers),
        cmocka_unit_test(ids_must_be_lowercase_words),
        cmocka_unit_test(duplicate_role_id_is_named),
        cmocka_unit_test(profile_without_tips_is_named),
        cmocka_unit_test(profile_id_must_match_its_file_name),
        cmocka_unit_test(profile_list_with_a_repeat_is_named),
        cmocka_unit_test(profile_missing_a_list_is_named),
        cmocka_unit_test(tip_building_an_undeclared_trait_is_named),
        cmocka_unit_test(tip_citing_an_unlisted_article_is_named),
        cmocka_unit_test(target_for_an_undeclared_trait_is_named),
        cmocka_unit_test(target_importance_out_of_range_is_named),
        cmocka_unit_test(targets_that_weigh_nothing_are_refused),
        cmocka_unit_test(tip_shared_with_an_unknown_role_is_named),
        cmocka_unit_test(no_profiles_is_an_error),
        cmocka_unit_test(a_file_over_the_size_cap_is_refused_before_parsing),
        cmocka_unit_test(free_functions_accept_null),
    };
    return cmocka_run_group_tests_name("loading", tests, setup, teardown);
}
