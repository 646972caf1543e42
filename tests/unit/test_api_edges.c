/* test_api_edges.c: the public API at its edges: bad arguments, indexes out of range, I/O errors.
 */
#include "fixtures.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* What a call that must not set its output leaves there. */
static char unset_mark;
#define UNSET_RESULT ((cq_result *)(void *)&unset_mark)

static void every_status_has_a_name(void **state)
{
    (void)state;
    static const cq_status all[] = {CQ_OK,         CQ_ERR_NOMEM,   CQ_ERR_OPEN,  CQ_ERR_IO,
                                    CQ_ERR_SYNTAX, CQ_ERR_INVALID, CQ_ERR_LIMIT, CQ_ERR_ARG};
    for (size_t i = 0; i < sizeof all / sizeof *all; i++) {
        const char *name = cq_strerror(all[i]);
        assert_non_null(name);
        assert_true(name[0] >= 'a' && name[0] <= 'z');
        for (size_t j = 0; j < i; j++)
            assert_string_not_equal(name, cq_strerror(all[j]));
    }
    assert_string_equal(cq_strerror((cq_status)99), "unknown status");
}

static void an_error_formats_the_parts_it_has(void **state)
{
    (void)state;
    cq_error err;
    char buf[64];
    cq_error_clear(&err);
    err.status = CQ_ERR_IO;
    assert_string_equal(cq_error_format(&err, buf, sizeof buf), "input/output error");
    snprintf(err.message, sizeof err.message, "cannot read file");
    snprintf(err.file, sizeof err.file, "a.json");
    assert_string_equal(cq_error_format(&err, buf, sizeof buf), "cannot read file: a.json");
    err.line = 3;
    err.column = 7;
    assert_string_equal(cq_error_format(&err, buf, sizeof buf), "cannot read file: a.json:3:7");
    assert_string_equal(cq_error_format(NULL, buf, sizeof buf), "");
    assert_string_equal(cq_error_format(&err, buf, 5), "cann");
    assert_ptr_equal(cq_error_format(&err, buf, 0), buf);
    assert_null(cq_error_format(&err, NULL, 10));
}

static void a_long_file_name_is_cut_between_characters(void **state)
{
    fixture_mini *f = *state;
    /* "é" is two bytes: a cut in the middle would leave half a character. */
    char name[CQ_ERROR_NAME + 8];
    memset(name, 'a', sizeof name);
    for (size_t i = CQ_ERROR_NAME - 8; i + 1 < sizeof name; i += 2)
        memcpy(name + i, "\xc3\xa9", 2);
    name[sizeof name - 1] = '\0';
    cq_answers *a = NULL;
    cq_error err;
    assert_int_equal(cq_answers_parse(f->model, name, "[", 1, &a, &err), CQ_ERR_SYNTAX);
    size_t n = strlen(err.file);
    assert_true(n < CQ_ERROR_NAME);
    assert_true(n == CQ_ERROR_NAME - 2 || n == CQ_ERROR_NAME - 1);
    assert_true((unsigned char)err.file[n - 1] != 0xc3); /* not half of "é" */
}

static int fail_realloc_count;
static void *failing_realloc(void *ctx, void *ptr, size_t size)
{
    (void)ctx;
    (void)ptr;
    (void)size;
    fail_realloc_count++;
    return NULL;
}
static void plain_free(void *ctx, void *ptr)
{
    (void)ctx;
    free(ptr);
}

static void a_context_needs_a_whole_allocator(void **state)
{
    (void)state;
    cq_context *ctx = NULL;
    cq_allocator half = {NULL, plain_free, NULL};
    assert_int_equal(cq_context_new(&half, &ctx), CQ_ERR_ARG);
    half = (cq_allocator){failing_realloc, NULL, NULL};
    assert_int_equal(cq_context_new(&half, &ctx), CQ_ERR_ARG);
    assert_int_equal(cq_context_new(NULL, NULL), CQ_ERR_ARG);
    cq_allocator failing = {failing_realloc, plain_free, NULL};
    assert_int_equal(cq_context_new(&failing, &ctx), CQ_ERR_NOMEM);
    assert_null(ctx);
}

static void calls_with_missing_arguments_are_refused(void **state)
{
    fixture_mini *f = *state;
    cq_error err;
    cq_model *m = NULL;
    cq_answers *a = NULL;
    cq_result *r = NULL;
    char *text = NULL;
    FILE *fp = tmpfile();
    assert_int_equal(cq_model_load(NULL, NULL, 0, NULL, 0, &m, &err), CQ_ERR_ARG);
    assert_int_equal(cq_model_load(f->ctx, NULL, 1, NULL, 0, &m, &err), CQ_ERR_ARG);
    assert_int_equal(cq_model_load(f->ctx, NULL, 0, NULL, 1, &m, &err), CQ_ERR_ARG);
    assert_int_equal(cq_model_load_dir(f->ctx, NULL, &m, &err), CQ_ERR_ARG);
    assert_int_equal(cq_model_load_dir(NULL, ".", &m, &err), CQ_ERR_ARG);
    assert_int_equal(cq_read_stream(NULL, fp, "x", 10, &text, NULL, &err), CQ_ERR_ARG);
    assert_int_equal(cq_read_stream(f->ctx, NULL, "x", 10, &text, NULL, &err), CQ_ERR_ARG);
    assert_int_equal(cq_read_stream(f->ctx, fp, "x", 10, NULL, NULL, &err), CQ_ERR_ARG);
    assert_int_equal(cq_answers_new(NULL, &a, &err), CQ_ERR_ARG);
    assert_int_equal(cq_answers_new(f->model, NULL, &err), CQ_ERR_ARG);
    assert_int_equal(cq_answers_clone(NULL, &a, &err), CQ_ERR_ARG);
    assert_int_equal(cq_answers_parse(NULL, "x", "{}", 2, &a, &err), CQ_ERR_ARG);
    assert_int_equal(cq_answers_parse(f->model, "x", NULL, 2, &a, &err), CQ_ERR_ARG);
    assert_int_equal(cq_answers_parse(f->model, "x", "{}", 2, NULL, &err), CQ_ERR_ARG);
    assert_int_equal(cq_answers_to_json(NULL, &text, NULL, &err), CQ_ERR_ARG);
    assert_int_equal(cq_answers_set_option(NULL, 0, 0, &err), CQ_ERR_ARG);
    assert_int_equal(cq_answers_set_scale(NULL, 0, 1, &err), CQ_ERR_ARG);
    assert_int_equal(cq_score(NULL, NULL, &r, &err), CQ_ERR_ARG);
    assert_int_equal(cq_questions_to_json(NULL, &text, NULL, &err), CQ_ERR_ARG);
    assert_int_equal(cq_roles_to_json(f->model, NULL, NULL, &err), CQ_ERR_ARG);
    assert_int_equal(cq_role_to_json(f->model, 99, &text, NULL, &err), CQ_ERR_ARG);
    assert_int_equal(cq_result_to_json(f->model, NULL, &text, NULL, &err), CQ_ERR_ARG);
    /* Nothing was made, and a NULL error is fine too. */
    assert_null(m);
    assert_null(a);
    assert_null(r);
    assert_null(text);
    assert_int_equal(cq_answers_new(NULL, &a, NULL), CQ_ERR_ARG);
    fclose(fp);
}

static void an_empty_answers_text_needs_no_buffer(void **state)
{
    fixture_mini *f = *state;
    cq_answers *a = NULL;
    cq_error err;
    assert_int_equal(cq_answers_parse(f->model, NULL, NULL, 0, &a, &err), CQ_ERR_SYNTAX);
    assert_string_equal(err.file, "answers"); /* the name used when none is given */
    assert_non_null(strstr(err.message, "empty"));
}

static void model_getters_out_of_range_give_nothing(void **state)
{
    fixture_mini *f = *state;
    const cq_model *m = f->model;
    size_t q = cq_model_question_count(m), r = cq_model_role_count(m);
    size_t t = cq_model_trait_count(m);
    assert_null(cq_trait_id(m, t));
    assert_null(cq_trait_name(m, t));
    assert_string_equal(cq_trait_name(m, 0), "Research orientation");
    assert_null(cq_trait_group(m, t));
    assert_null(cq_trait_group(m, 0)); /* the mini bank has no groups */
    assert_int_equal(cq_model_find_trait(m, NULL), (size_t)-1);
    assert_int_equal(cq_model_find_question(m, "nope"), (size_t)-1);
    assert_int_equal(cq_model_find_role(m, NULL), (size_t)-1);
    assert_null(cq_question_text(m, q));
    assert_null(cq_question_help(m, q));
    assert_int_equal(cq_question_type_of(m, q), CQ_SINGLE);
    assert_false(cq_question_required(m, q));
    assert_true(cq_question_weight(m, q) == 0.0);
    assert_true(cq_question_weight(m, 0) == 2.0);
    assert_int_equal(cq_question_option_count(m, q), 0);
    assert_null(cq_option_id(m, q, 0));
    assert_null(cq_option_id(m, 1, 99));
    assert_null(cq_option_text(m, 1, 99));
    assert_false(cq_option_exclusive(m, 1, 99));
    assert_true(cq_option_trait(m, 1, 99, 0) == -1.0);
    assert_true(cq_option_trait(m, q, 0, 0) == -1.0);
    assert_int_equal(cq_question_find_option(m, q, "solo"), (size_t)-1);
    assert_int_equal(cq_question_find_option(m, 1, NULL), (size_t)-1);
    assert_int_equal(cq_scale_min(m, q), 0);
    assert_int_equal(cq_scale_max(m, q), 0);
    assert_int_equal(cq_scale_label_count(m, q), 0);
    assert_int_equal(cq_scale_label_value(m, 0, 99), 0);
    assert_null(cq_scale_label_text(m, 0, 99));
    assert_string_equal(cq_question_type_name(CQ_MULTI), "multi");
    assert_string_equal(cq_question_type_name(CQ_SCALE), "scale");
    assert_null(cq_role_id(m, r));
    assert_null(cq_role_title(m, r));
    assert_null(cq_role_summary(m, r));
    assert_null(cq_role_list_name(CQ_LIST_COUNT));
    assert_int_equal(cq_role_list_count(m, r, CQ_LIST_SKILLS), 0);
    assert_int_equal(cq_role_list_count(m, 0, CQ_LIST_COUNT), 0);
    assert_null(cq_role_list_item(m, 0, CQ_LIST_SKILLS, 99));
    assert_int_equal(cq_role_item_about_count(m, 0, CQ_LIST_SKILLS, 0), 1);
    assert_string_equal(cq_role_item_about(m, 0, CQ_LIST_SKILLS, 0, 0), "leadership");
    assert_null(cq_role_item_about(m, 0, CQ_LIST_SKILLS, 0, 1));
    assert_int_equal(cq_role_item_about_count(m, 0, CQ_LIST_SKILLS, 99), 0);
    assert_int_equal(cq_role_item_about_count(m, r, CQ_LIST_SKILLS, 0), 0);
    /* The sources are titles, about nothing. */
    assert_int_equal(cq_role_item_about_count(m, 0, CQ_LIST_SOURCES, 0), 0);
    assert_null(cq_role_item_about(m, 0, CQ_LIST_SOURCES, 0, 0));
    assert_null(cq_role_outlook(m, r));
    assert_int_equal(cq_role_figure_count(m, r), 0);
    cq_figure fig;
    assert_false(cq_role_figure(m, r, 0, &fig));
    assert_false(cq_role_figure(m, 1, 0, NULL));
    assert_int_equal(cq_role_tip_count(m, r), 0);
    assert_null(cq_tip_text(m, 0, 99));
    assert_null(cq_tip_advice(m, 0, 99));
    assert_int_equal(cq_tip_source_count(m, 0, 99), 0);
    assert_null(cq_tip_source(m, 0, 99, 0));
    assert_null(cq_tip_source(m, 0, 0, 1));
    assert_string_equal(cq_tip_source(m, 0, 0, 0), "Mini article");
    assert_int_equal(cq_tip_trait_count(m, 0, 99), 0);
    assert_int_equal(cq_tip_trait(m, 0, 0, 99), (size_t)-1);
    assert_int_equal(cq_tip_shared_count(m, 0, 99), 0);
    assert_null(cq_tip_shared_with(m, 0, 0, 99));
    assert_null(cq_role_typical_education(m, r));
    assert_true(cq_role_target(m, 0, t) == 0.0);
    assert_true(cq_role_target(m, 0, 1) > 0.0);
    assert_true(cq_role_importance(m, r, 0) == 0.0);
    assert_true(cq_role_importance(m, 0, 1) > 0.0);
    assert_null(cq_role_target_reason(m, 0, t));
    assert_string_equal(cq_role_target_reason(m, 0, 1), "leading is the job");
}

static void answers_and_result_getters_out_of_range_give_nothing(void **state)
{
    fixture_mini *f = *state;
    cq_answers *a = fixture_answers(f->model, "{\"answers\": {\"orientation\": 4}}");
    size_t q = cq_model_question_count(f->model);
    cq_error err;
    assert_false(cq_answers_has(a, q));
    assert_false(cq_answers_has(NULL, 0));
    assert_int_equal(cq_answers_count(NULL), 0);
    assert_int_equal(cq_answers_option_count(a, 0), 0); /* a scale has no options */
    assert_int_equal(cq_answers_option(a, 1, 0), (size_t)-1);
    assert_int_equal(cq_answers_option(a, 0, 5), (size_t)-1);
    assert_false(cq_answers_selected(a, 1, 40));
    assert_int_equal(cq_answers_scale(a, 1), 0);
    assert_int_equal(cq_answers_set_option(a, q, 0, &err), CQ_ERR_ARG);
    assert_int_equal(cq_answers_set_scale(a, q, 1, &err), CQ_ERR_ARG);
    assert_int_equal(cq_answers_set_options(a, 2, NULL, 1, &err), CQ_ERR_ARG);
    assert_int_equal(cq_answers_set_scale(a, 2, 1, &err), CQ_ERR_INVALID);
    assert_non_null(strstr(err.message, "takes a list of options, not a number"));
    cq_answers_clear(a, q); /* out of range: nothing happens */
    cq_answers_clear(NULL, 0);
    cq_result *r = NULL;
    assert_int_equal(cq_score(f->model, a, &r, &err), CQ_OK);
    size_t roles = cq_model_role_count(f->model);
    assert_int_equal(cq_result_role_at(r, roles), (size_t)-1);
    assert_true(cq_result_score(r, roles) == 0.0);
    assert_true(cq_result_points(r, roles, 0) == 0.0);
    assert_true(cq_result_points(r, 0, q) == 0.0);
    assert_true(cq_result_trait_value(r, 99) == 0.0);
    assert_true(cq_result_trait_evidence(r, 99) == 0.0);
    assert_true(cq_result_trait_evidence(r, 0) > 0.0);
    cq_result_free(r);
    cq_answers_free(a);
}

static void a_read_error_is_an_io_error(void **state)
{
    fixture_mini *f = *state;
    /* A stream open for writing only: reading it fails with EBADF. */
    FILE *fp = fopen("/dev/null", "w");
    assert_non_null(fp);
    char *text = NULL;
    size_t size = 0;
    cq_error err;
    assert_int_equal(cq_read_stream(f->ctx, fp, "w", 100, &text, &size, &err), CQ_ERR_IO);
    assert_non_null(strstr(err.message, "cannot read file"));
    assert_null(text);
    fclose(fp);
}

/* A data folder made for one test, removed by the next call. */
static char *data_folder(void)
{
    static char dir[64];
    snprintf(dir, sizeof dir, "/tmp/careerquiz-edges.XXXXXX");
    assert_non_null(mkdtemp(dir));
    char path[256];
    snprintf(path, sizeof path, "%s/questions", dir);
    assert_int_equal(mkdir(path, 0700), 0);
    snprintf(path, sizeof path, "%s/profiles", dir);
    assert_int_equal(mkdir(path, 0700), 0);
    return dir;
}

static void remove_folder(const char *dir)
{
    char command[256];
    snprintf(command, sizeof command, "rm -rf '%s'", dir);
    assert_int_equal(system(command), 0);
}

static void copy_file(const char *from, const char *to)
{
    size_t size = 0;
    char *text = fixture_read(from, &size);
    FILE *fp = fopen(to, "wb");
    assert_non_null(fp);
    assert_int_equal(fwrite(text, 1, size, fp), size);
    fclose(fp);
    free(text);
}

static void a_data_folder_with_too_many_files_is_refused(void **state)
{
    fixture_mini *f = *state;
    char *dir = data_folder();
    char path[512];
    /* 65 bank files; hidden files and other names do not count. */
    for (int i = 0; i <= CQ_MAX_DATA_FILES; i++) {
        snprintf(path, sizeof path, "%s/questions/q%02d.json", dir, i);
        copy_file("tests/fixtures/mini/questions/bank.json", path);
    }
    cq_model *m = NULL;
    cq_error err;
    assert_int_equal(cq_model_load_dir(f->ctx, dir, &m, &err), CQ_ERR_LIMIT);
    assert_non_null(strstr(err.message, "more than 64 .json files"));
    remove_folder(dir);
}

static void a_data_folder_reads_only_visible_json_files(void **state)
{
    fixture_mini *f = *state;
    char *dir = data_folder();
    char path[512];
    snprintf(path, sizeof path, "%s/questions/bank.json", dir);
    copy_file("tests/fixtures/mini/questions/bank.json", path);
    snprintf(path, sizeof path, "%s/questions/.hidden.json", dir);
    copy_file("tests/fixtures/mini/questions/bank.json", path); /* would declare twice */
    snprintf(path, sizeof path, "%s/questions/notes.txt", dir);
    copy_file("tests/fixtures/mini/questions/bank.json", path);
    snprintf(path, sizeof path, "%s/profiles/scientist.json", dir);
    copy_file("tests/fixtures/mini/profiles/scientist.json", path);
    snprintf(path, sizeof path, "%s/profiles/manager.json", dir);
    copy_file("tests/fixtures/mini/profiles/manager.json", path); /* they share a tip */
    snprintf(path, sizeof path, "%s/profiles/.manager.json", dir);
    copy_file("tests/fixtures/mini/profiles/manager.json", path); /* would declare twice */
    cq_model *m = NULL;
    cq_error err;
    assert_int_equal(cq_model_load_dir(f->ctx, dir, &m, &err), CQ_OK);
    assert_int_equal(cq_model_role_count(m), 2);
    cq_model_free(m);
    /* A .json entry that cannot be opened (a dangling link) is named. */
    snprintf(path, sizeof path, "%s/profiles/gone.json", dir);
    assert_int_equal(symlink("/nonexistent/careerquiz.json", path), 0);
    assert_int_equal(cq_model_load_dir(f->ctx, dir, &m, &err), CQ_ERR_OPEN);
    assert_non_null(strstr(err.file, "profiles/gone.json"));
    assert_non_null(strstr(err.message, "no such file"));
    remove_folder(dir);
}

/* The options structs carry their size, so that a later version can add fields: a struct never
 * filled in is refused, a newer caller's unset fields are fine and its set ones are refused. */
static void options_are_read_as_far_as_their_size_goes(void **state)
{
    fixture_mini *f = *state;
    cq_answers *a = fixture_answers(f->model, "{\"answers\": {\"orientation\": 4}}");
    cq_result *r = UNSET_RESULT;
    cq_error err;
    cq_score_options zeroed = {0};
    assert_int_equal(cq_score_with(f->model, a, &zeroed, &r, &err), CQ_ERR_ARG);
    assert_non_null(strstr(err.message, "cq_score_options: size is 0"));
    assert_ptr_equal(r, UNSET_RESULT);
    /* A caller built against a later header, with one more field. */
    struct {
        cq_score_options known;
        unsigned char later[16];
    } newer = {{sizeof newer, true}, {0}};
    assert_int_equal(cq_score_with(f->model, a, &newer.known, &r, &err), CQ_OK);
    assert_true(cq_result_education_filter(r));
    cq_result_free(r);
    r = UNSET_RESULT;
    newer.later[3] = 1;
    assert_int_equal(cq_score_with(f->model, a, &newer.known, &r, &err), CQ_ERR_ARG);
    assert_non_null(strstr(err.message, "does not know is set"));
    assert_ptr_equal(r, UNSET_RESULT);
    cq_score_options plain = CQ_SCORE_OPTIONS_INIT;
    assert_int_equal(cq_score_with(f->model, a, &plain, &r, &err), CQ_OK);
    assert_false(cq_result_education_filter(r));
    char *json = NULL;
    cq_json_options unset = {0};
    assert_int_equal(cq_result_to_json_with(f->model, r, &unset, &json, NULL, &err), CQ_ERR_ARG);
    assert_null(json);
    cq_json_options shown = CQ_JSON_OPTIONS_INIT;
    assert_int_equal(cq_result_to_json_with(f->model, r, &shown, &json, NULL, &err), CQ_OK);
    cq_free(f->ctx, json);
    cq_result_free(r);
    cq_answers_free(a);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(every_status_has_a_name),
        cmocka_unit_test(an_error_formats_the_parts_it_has),
        cmocka_unit_test(a_long_file_name_is_cut_between_characters),
        cmocka_unit_test(a_context_needs_a_whole_allocator),
        cmocka_unit_test(calls_with_missing_arguments_are_refused),
        cmocka_unit_test(an_empty_answers_text_needs_no_buffer),
        cmocka_unit_test(model_getters_out_of_range_give_nothing),
        cmocka_unit_test(answers_and_result_getters_out_of_range_give_nothing),
        cmocka_unit_test(a_read_error_is_an_io_error),
        cmocka_unit_test(a_data_folder_with_too_many_files_is_refused),
        cmocka_unit_test(a_data_folder_reads_only_visible_json_files),
        cmocka_unit_test(options_are_read_as_far_as_their_size_goes),
    };
    return cmocka_run_group_tests_name("api edges", tests, fixture_mini_setup,
                                       fixture_mini_teardown);
}
