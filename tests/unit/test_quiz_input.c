/* test_quiz_input.c: what a line typed at a quiz question means (cli/quiz_input.c). */
#include "fixtures.h"
#include "quiz_input.h"

#include <stdlib.h>
#include <string.h>

/* A bank with the kinds of options people name by words: one-word tools, texts that start
 * with the same word, and texts of several words. The mini fixture's profiles weigh its
 * traits. */
static const char *const bank =
    "{\"version\": \"input-1\", \"traits\": [{\"id\": \"research\", \"name\": \"R\"}, "
    "{\"id\": \"leadership\", \"name\": \"L\"}], \"questions\": ["
    "{\"id\": \"tools\", \"type\": \"multi\", \"text\": \"Which tools?\", \"options\": ["
    "{\"id\": \"git\", \"text\": \"Git or another version control system\", \"traits\": "
    "{\"research\": 0.5}},"
    "{\"id\": \"docker\", \"text\": \"Docker\", \"traits\": {\"research\": 0.5}},"
    "{\"id\": \"jenkins\", \"text\": \"Jenkins or another CI server\", \"traits\": "
    "{\"research\": 0.5}},"
    "{\"id\": \"spark\", \"text\": \"Apache Spark\", \"traits\": {\"research\": 0.5}},"
    "{\"id\": \"kafka\", \"text\": \"Apache Kafka\", \"traits\": {\"research\": 0.5}},"
    "{\"id\": \"power-bi\", \"text\": \"Power BI\", \"traits\": {\"research\": 0.5}},"
    "{\"id\": \"none\", \"text\": \"None of these yet\", \"exclusive\": true, \"traits\": {}}]},"
    "{\"id\": \"setting\", \"type\": \"single\", \"text\": \"Where?\", \"options\": ["
    "{\"id\": \"tech\", \"text\": \"A technology company\", \"traits\": {\"leadership\": 0}},"
    "{\"id\": \"uni\", \"text\": \"A university\", \"traits\": {\"leadership\": 1}}]}]}";

typedef struct {
    cq_context *ctx;
    cq_model *model;
    char *profiles[2];
} fixture;

static int setup(void **state)
{
    fixture *f = calloc(1, sizeof *f);
    assert_non_null(f);
    assert_int_equal(cq_context_new(NULL, &f->ctx), CQ_OK);
    f->profiles[0] = fixture_read("tests/fixtures/mini/profiles/manager.json", NULL);
    f->profiles[1] = fixture_read("tests/fixtures/mini/profiles/scientist.json", NULL);
    const char *profiles[] = {f->profiles[0], f->profiles[1], NULL};
    cq_error err;
    assert_int_equal(fixture_load_texts(f->ctx, bank, profiles, &f->model, &err), CQ_OK);
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    fixture *f = *state;
    cq_model_free(f->model);
    cq_context_free(f->ctx);
    free(f->profiles[0]);
    free(f->profiles[1]);
    free(f);
    return 0;
}

/* Parses line as an answer to question `question` (nothing answered yet). */
static quiz_input parse(void **state, const char *question, const char *line)
{
    fixture *f = *state;
    quiz_input in;
    quiz_parse_input(f->model, fixture_question(f->model, question), line, false, &in);
    return in;
}

/* Checks that `in` is an answer choosing exactly the options with these ids, in this order. */
static void expect_options(void **state, const char *question, const quiz_input *in,
                           const char *const *ids, size_t count)
{
    fixture *f = *state;
    size_t q = fixture_question(f->model, question);
    if (in->action != QUIZ_ANSWER)
        print_error("not an answer: %s\n", in->message);
    assert_int_equal(in->action, QUIZ_ANSWER);
    assert_int_equal(in->count, count);
    for (size_t i = 0; i < count; i++)
        assert_string_equal(cq_option_id(f->model, q, in->options[i]), ids[i]);
}

static void words_separated_by_spaces_pick_several_options(void **state)
{
    quiz_input in = parse(state, "tools", "git docker jenkins");
    expect_options(state, "tools", &in, (const char *const[]){"git", "docker", "jenkins"}, 3);
    /* Any case, extra spaces and tabs, and the start of a word of the text. */
    in = parse(state, "tools", "  Jenkins\tDOCK  vers ");
    expect_options(state, "tools", &in, (const char *const[]){"jenkins", "docker", "git"}, 3);
}

static void numbers_and_words_mix_as_numbers_alone_do(void **state)
{
    quiz_input in = parse(state, "tools", "1 3");
    expect_options(state, "tools", &in, (const char *const[]){"git", "jenkins"}, 2);
    in = parse(state, "tools", "1 docker 6");
    expect_options(state, "tools", &in, (const char *const[]){"git", "docker", "power-bi"}, 3);
    in = parse(state, "tools", "1,3");
    expect_options(state, "tools", &in, (const char *const[]){"git", "jenkins"}, 2);
}

static void a_text_of_several_words_naming_one_option_is_one_option(void **state)
{
    /* "apache" alone fits two options and "bi" is in "Power BI": the whole text decides. */
    quiz_input in = parse(state, "tools", "apache spark");
    expect_options(state, "tools", &in, (const char *const[]){"spark"}, 1);
    in = parse(state, "tools", "power bi");
    expect_options(state, "tools", &in, (const char *const[]){"power-bi"}, 1);
    in = parse(state, "tools", "None of these yet");
    expect_options(state, "tools", &in, (const char *const[]){"none"}, 1);
    /* Commas still separate texts of several words. */
    in = parse(state, "tools", "apache spark, power bi, git");
    expect_options(state, "tools", &in, (const char *const[]){"spark", "power-bi", "git"}, 3);
}

static void a_word_named_twice_counts_once(void **state)
{
    quiz_input in = parse(state, "tools", "docker docker 2");
    expect_options(state, "tools", &in, (const char *const[]){"docker"}, 1);
}

static void an_unknown_word_among_words_is_named(void **state)
{
    quiz_input in = parse(state, "tools", "git dockr");
    assert_int_equal(in.action, QUIZ_INVALID);
    assert_non_null(strstr(in.message, "\"dockr\" is not one of the options"));
    in = parse(state, "tools", "git 9");
    assert_int_equal(in.action, QUIZ_INVALID);
    assert_non_null(strstr(in.message, "there is no option 9"));
}

static void a_word_that_fits_several_options_asks_for_more(void **state)
{
    quiz_input in = parse(state, "tools", "apache git");
    assert_int_equal(in.action, QUIZ_INVALID);
    assert_non_null(strstr(in.message, "\"apache\" fits 2 options"));
}

static void a_single_choice_question_reads_words_as_one_answer(void **state)
{
    quiz_input in = parse(state, "setting", "technology company");
    expect_options(state, "setting", &in, (const char *const[]){"tech"}, 1);
    in = parse(state, "setting", "1 2");
    assert_int_equal(in.action, QUIZ_INVALID);
    in = parse(state, "setting", "1, 2");
    assert_int_equal(in.action, QUIZ_INVALID);
    assert_non_null(strstr(in.message, "takes one answer"));
}

static void commands_win_over_words(void **state)
{
    assert_int_equal(parse(state, "tools", "b").action, QUIZ_BACK);
    assert_int_equal(parse(state, "tools", " Q ").action, QUIZ_QUIT);
    assert_int_equal(parse(state, "tools", "?").action, QUIZ_HELP);
    assert_int_equal(parse(state, "tools", "").action, QUIZ_INVALID);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(words_separated_by_spaces_pick_several_options),
        cmocka_unit_test(numbers_and_words_mix_as_numbers_alone_do),
        cmocka_unit_test(a_text_of_several_words_naming_one_option_is_one_option),
        cmocka_unit_test(a_word_named_twice_counts_once),
        cmocka_unit_test(an_unknown_word_among_words_is_named),
        cmocka_unit_test(a_word_that_fits_several_options_asks_for_more),
        cmocka_unit_test(a_single_choice_question_reads_words_as_one_answer),
        cmocka_unit_test(commands_win_over_words),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
