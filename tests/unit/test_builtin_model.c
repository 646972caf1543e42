/* test_builtin_model.c: the model built into the library is the model of the shipped JSON files:
 * everything the API shows of the two is the same, byte for byte. */
#include "fixtures.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The two models side by side, each in a context of its own. */
typedef struct pair {
    cq_context *ctx[2];
    cq_model *model[2];
} pair;

static int pair_setup(void **state)
{
    pair *p = calloc(1, sizeof *p);
    cq_error err;
    assert_non_null(p);
    for (int i = 0; i < 2; i++)
        assert_int_equal(cq_context_new(NULL, &p->ctx[i]), CQ_OK);
    assert_int_equal(cq_model_load_default(p->ctx[0], &p->model[0], &err), CQ_OK);
    p->model[1] = fixture_load_dir(p->ctx[1], ".");
    *state = p;
    return 0;
}

static int pair_teardown(void **state)
{
    pair *p = *state;
    for (int i = 0; i < 2; i++) {
        cq_model_free(p->model[i]);
        cq_context_free(p->ctx[i]);
    }
    free(p);
    return 0;
}

/* A text written with open_memstream, to compare. */
typedef struct text {
    char *data;
    size_t size;
    FILE *out;
} text;

static void text_open(text *t)
{
    t->data = NULL;
    t->size = 0;
    t->out = open_memstream(&t->data, &t->size);
    assert_non_null(t->out);
}

static void text_close(text *t)
{
    assert_int_equal(fclose(t->out), 0);
}

/* Writes a JSON view the engine made (status and text), and frees it. */
static void put_json(FILE *out, const cq_model *m, cq_status st, char **json)
{
    fprintf(out, "status %d\n%s", st, st == CQ_OK ? *json : "");
    cq_free(cq_model_context(m), st == CQ_OK ? *json : NULL);
    *json = NULL;
}

/* Every getter of the model, in order. */
static void describe_model(const cq_model *m, FILE *out)
{
    fprintf(out, "version %s digest %s\n", cq_model_version(m), cq_model_digest(m));
    size_t nt = cq_model_trait_count(m), nq = cq_model_question_count(m);
    for (size_t t = 0; t < nt; t++)
        fprintf(out, "trait %s %s %d\n", cq_trait_id(m, t), cq_trait_name(m, t),
                cq_trait_is_level(m, t));
    for (size_t q = 0; q < nq; q++) {
        fprintf(out, "question %s %s|%s|%d|%d|%d|%d|%.17g|%d..%d\n", cq_question_id(m, q),
                cq_question_text(m, q), cq_question_help(m, q), (int)cq_question_type_of(m, q),
                cq_question_required(m, q), cq_question_ordered(m, q), cq_question_is_aim(m, q),
                cq_question_weight(m, q), cq_scale_min(m, q), cq_scale_max(m, q));
        for (size_t o = 0; o < cq_question_option_count(m, q); o++)
            fprintf(out, "  option %s %s %d\n", cq_option_id(m, q, o), cq_option_text(m, q, o),
                    cq_option_exclusive(m, q, o));
        for (size_t l = 0; l < cq_scale_label_count(m, q); l++)
            fprintf(out, "  label %d %s\n", cq_scale_label_value(m, q, l),
                    cq_scale_label_text(m, q, l));
    }
    for (size_t r = 0; r < cq_model_role_count(m); r++) {
        fprintf(out, "role %s|%s|%s|%s|%s|%zu\n", cq_role_id(m, r), cq_role_title(m, r),
                cq_role_summary(m, r), cq_role_outlook(m, r), cq_role_typical_education(m, r),
                cq_role_education_level(m, r));
        for (int l = 0; l < CQ_LIST_COUNT; l++)
            for (size_t i = 0; i < cq_role_list_count(m, r, (cq_role_list)l); i++) {
                fprintf(out, "  %s: %s", cq_role_list_name((cq_role_list)l),
                        cq_role_list_item(m, r, (cq_role_list)l, i));
                for (size_t k = 0; k < cq_role_item_about_count(m, r, (cq_role_list)l, i); k++)
                    fprintf(out, " [%s]", cq_role_item_about(m, r, (cq_role_list)l, i, k));
                fputc('\n', out);
            }
        for (size_t i = 0; i < cq_role_figure_count(m, r); i++) {
            cq_figure f;
            assert_true(cq_role_figure(m, r, i, &f));
            fprintf(out, "  figure %s|%s|%s|%s|%s|%s\n", f.value, f.measure, f.source, f.period,
                    f.article, f.note);
        }
        for (size_t i = 0; i < cq_role_tip_count(m, r); i++) {
            fprintf(out, "  tip %s|%s\n", cq_tip_text(m, r, i), cq_tip_advice(m, r, i));
            for (size_t k = 0; k < cq_tip_source_count(m, r, i); k++)
                fprintf(out, "    source %s\n", cq_tip_source(m, r, i, k));
            for (size_t k = 0; k < cq_tip_trait_count(m, r, i); k++)
                fprintf(out, "    builds %zu\n", cq_tip_trait(m, r, i, k));
            for (size_t k = 0; k < cq_tip_shared_count(m, r, i); k++)
                fprintf(out, "    shared %s\n", cq_tip_shared_with(m, r, i, k));
        }
        for (size_t t = 0; t < nt; t++) {
            fprintf(out, "  target %zu %.17g %.17g %s:", t, cq_role_target(m, r, t),
                    cq_role_importance(m, r, t), cq_role_target_reason(m, r, t));
            for (size_t i = 0; i < cq_role_trait_item_count(m, r, t); i++)
                fprintf(out, " [%s]", cq_role_trait_item(m, r, t, i));
            fputc('\n', out);
        }
    }
}

/* The JSON views of the model: questions, roles, each role, and each pair of roles compared. */
static void describe_views(const cq_model *m, FILE *out)
{
    char *json = NULL;
    put_json(out, m, cq_questions_to_json(m, &json, NULL, NULL), &json);
    put_json(out, m, cq_roles_to_json(m, &json, NULL, NULL), &json);
    size_t roles = cq_model_role_count(m);
    for (size_t r = 0; r < roles; r++)
        put_json(out, m, cq_role_to_json(m, r, &json, NULL, NULL), &json);
    for (size_t a = 0; a < roles; a++)
        for (size_t b = 0; b < roles; b++) {
            cq_comparison *c = NULL;
            cq_status st = cq_compare(m, a, b, &c, NULL);
            if (st == CQ_OK)
                st = cq_comparison_to_json(m, c, &json, NULL, NULL);
            put_json(out, m, st, &json);
            cq_comparison_free(c);
        }
}

/* A result of the answers, with and without the education filter, explained for every role,
 * with the tips the person has. */
static void describe_scoring(const cq_model *m, const cq_answers *a, FILE *out)
{
    for (int filter = 0; filter < 2; filter++) {
        cq_score_options how = {sizeof how, filter == 1};
        cq_result *r = NULL;
        cq_status st = cq_score_with(m, a, &how, &r, NULL);
        fprintf(out, "score %d\n", st);
        if (st != CQ_OK)
            continue;
        for (size_t role = 0; role < cq_model_role_count(m); role++) {
            cq_json_options explain = {sizeof explain, true, role};
            char *json = NULL;
            put_json(out, m, cq_result_to_json_with(m, r, &explain, &json, NULL, NULL), &json);
            for (size_t t = 0; t < cq_role_tip_count(m, role); t++)
                fprintf(out, "has %d\n", cq_tip_has_it(m, role, t, a));
        }
        cq_result_free(r);
    }
}

static void the_builtin_model_shows_what_the_json_files_show(void **state)
{
    pair *p = *state;
    text t[2];
    for (int i = 0; i < 2; i++) {
        text_open(&t[i]);
        describe_model(p->model[i], t[i].out);
        describe_views(p->model[i], t[i].out);
        text_close(&t[i]);
    }
    assert_true(t[0].size > 100000); /* the whole model, not a stub */
    assert_int_equal(t[0].size, t[1].size);
    assert_memory_equal(t[0].data, t[1].data, t[0].size);
    free(t[0].data);
    free(t[1].data);
}

/* fixture_each_answer_file's callback; ctx is the pair of models. */
static void scores_the_same(const char *path, const char *json, size_t size, void *ctx)
{
    pair *p = ctx;
    text t[2];
    for (int i = 0; i < 2; i++) {
        cq_answers *a = NULL;
        cq_error err;
        assert_int_equal(cq_answers_parse(p->model[i], path, json, size, &a, &err), CQ_OK);
        text_open(&t[i]);
        describe_scoring(p->model[i], a, t[i].out);
        text_close(&t[i]);
        cq_answers_free(a);
    }
    if (t[0].size != t[1].size || memcmp(t[0].data, t[1].data, t[0].size) != 0)
        fail_msg("%s scores differently with the built-in model", path);
    free(t[0].data);
    free(t[1].data);
}

static void the_builtin_model_scores_every_answer_file_as_the_json_files_do(void **state)
{
    assert_true(fixture_each_answer_file(scores_the_same, *state) >= 8);
}

static void the_builtin_model_scores_random_answers_as_the_json_files_do(void **state)
{
    pair *p = *state;
    uint64_t seed[2] = {0x5eed, 0x5eed};
    for (int round = 0; round < 50; round++) {
        text t[2];
        for (int i = 0; i < 2; i++) {
            cq_answers *a = NULL;
            assert_int_equal(cq_answers_new(p->model[i], &a, NULL), CQ_OK);
            fixture_random_answers(p->model[i], a, &seed[i]);
            text_open(&t[i]);
            describe_scoring(p->model[i], a, t[i].out);
            text_close(&t[i]);
            cq_answers_free(a);
        }
        assert_int_equal(t[0].size, t[1].size);
        assert_memory_equal(t[0].data, t[1].data, t[0].size);
        free(t[0].data);
        free(t[1].data);
    }
}

static void the_builtin_model_allocates_only_its_handle(void **state)
{
    (void)state;
    cq_context *ctx = NULL;
    cq_model *m = NULL;
    cq_error err;
    assert_int_equal(cq_context_new(NULL, &ctx), CQ_OK);
    assert_int_equal(cq_model_load_default(NULL, &m, &err), CQ_ERR_ARG);
    assert_int_equal(cq_model_load_default(ctx, NULL, &err), CQ_ERR_ARG);
    assert_null(m);
    assert_int_equal(cq_model_load_default(ctx, &m, &err), CQ_OK);
    assert_ptr_equal(cq_model_context(m), ctx);
    assert_true(cq_model_question_count(m) > 0 && cq_model_role_count(m) > 0);
    cq_model_free(m);
    cq_context_free(ctx);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(the_builtin_model_shows_what_the_json_files_show),
        cmocka_unit_test(the_builtin_model_scores_every_answer_file_as_the_json_files_do),
        cmocka_unit_test(the_builtin_model_scores_random_answers_as_the_json_files_do),
        cmocka_unit_test(the_builtin_model_allocates_only_its_handle),
    };
    return cmocka_run_group_tests_name("built-in model", tests, pair_setup, pair_teardown);
}
