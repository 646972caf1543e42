/* test_alloc_failure.c: every allocation is made to fail in turn; each failure must be clean. */
#include "fixtures.h"

#include "alloc_counter.h"

#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/*
 * The engine allocates through its context; cJSON through global hooks, set once in main().
 * Both go through one counter, which fails the Nth allocation (only that one, or that one and
 * every later one) and counts the blocks still live. The operation is split in stages (load,
 * read, parse, score, every JSON view, ...). Each stage starts from the results of the ones
 * before it, made once without failures, and N runs from 1 until the stage gets through
 * without a failed allocation. The points covered are those of the whole operation, without
 * reloading the data for every N of every later stage.
 *
 * After every run: the status is CQ_OK or CQ_ERR_NOMEM; a failed call left its output alone
 * and filled the error; a call that succeeded although an allocation failed produced exactly
 * the reference output; and every block allocated during the run has been freed.
 */

/* The counter (alloc_counter.c), short. */
#define g alloc_counter
#define counting alloc_counting

/* ---- the world the stages work in -------------------------------------------------------- */

typedef struct world {
    cq_context *ctx;
    cq_model *model;
    char *persona; /* an answers file (test memory, not counted) */
    size_t persona_size;
    char *saved; /* the same, padded to 12 KB so that reading it grows the buffer twice */
    size_t saved_size;
    char *earlier; /* answers saved with an earlier bank version, carried over when parsed */
    size_t earlier_size;
    cq_answers *answers;
    cq_result *result;
} world;

/* Where a stage leaves what it made; `sentinel` means "not set" (a failed call must not set). */
static char sentinel;
#define UNSET ((void *)&sentinel)

typedef struct made {
    void *object; /* model, answers, result, changes, comparison; or UNSET */
    cq_context *ctx;
    char *text; /* JSON text in context memory (test memory when `plain`); or UNSET */
    size_t size;
    bool plain;
} made;

typedef struct stage {
    const char *name;
    /* Runs the engine call(s) under test. */
    cq_status (*run)(world *w, made *out, cq_error *err);
    /* Describes what run made, into a malloc'd string (called with injection off). */
    char *(*describe)(world *w, const made *out);
    /* Frees what run made. */
    void (*release)(world *w, made *out);
} stage;

static char *copy_text(const char *text, size_t size)
{
    char *copy = malloc(size + 1);
    assert_non_null(copy);
    memcpy(copy, text, size);
    copy[size] = '\0';
    return copy;
}

static char *describe_text(world *w, const made *out)
{
    (void)w;
    return copy_text(out->text, out->size);
}

static void release_text(world *w, made *out)
{
    if (out->text != UNSET && out->plain)
        free(out->text);
    else if (out->text != UNSET)
        cq_free(w->ctx, out->text);
}

/* ---- stages ---------------------------------------------------------------------------------- */

static cq_status run_load(world *w, made *out, cq_error *err)
{
    (void)w;
    cq_context *ctx = UNSET;
    cq_status st = cq_context_new(&counting, &ctx);
    if (st != CQ_OK) {
        assert_ptr_equal(ctx, UNSET);
        cq_error_clear(err);
        err->status = st;
        snprintf(err->message, sizeof err->message, "cq_context_new failed");
        return st;
    }
    out->ctx = ctx;
    st = cq_model_load_dir(ctx, fixture_root(), (cq_model **)&out->object, err);
    if (st != CQ_OK) {
        cq_context_free(ctx);
        out->ctx = NULL;
    }
    return st;
}

/* The model built into the library: only its handle is allocated. */
static cq_status run_load_default(world *w, made *out, cq_error *err)
{
    return cq_model_load_default(w->ctx, (cq_model **)&out->object, err);
}

static char *describe_model(world *w, const made *out)
{
    (void)w;
    const cq_model *m = out->object;
    char text[256];
    snprintf(text, sizeof text, "%s %s %zu questions %zu roles %zu traits", cq_model_version(m),
             cq_model_digest(m), cq_model_question_count(m), cq_model_role_count(m),
             cq_model_trait_count(m));
    return copy_text(text, strlen(text));
}

static void release_model(world *w, made *out)
{
    (void)w;
    if (out->object != UNSET)
        cq_model_free(out->object);
    if (out->ctx)
        cq_context_free(out->ctx);
}

/* The path of take --resume: a whole stream read into context memory. */
static cq_status run_read(world *w, made *out, cq_error *err)
{
    FILE *fp = fmemopen(w->saved, w->saved_size, "rb");
    assert_non_null(fp);
    cq_status st =
        cq_read_stream(w->ctx, fp, "saved.json", CQ_MAX_ANSWERS_BYTES, &out->text, &out->size, err);
    fclose(fp);
    return st;
}

static cq_status run_parse(world *w, made *out, cq_error *err)
{
    return cq_answers_parse(w->model, "persona.json", w->persona, w->persona_size,
                            (cq_answers **)&out->object, err);
}

static cq_status run_parse_earlier(world *w, made *out, cq_error *err)
{
    return cq_answers_parse(w->model, "saved-2026.11-1.json", w->earlier, w->earlier_size,
                            (cq_answers **)&out->object, err);
}

static char *describe_answers(world *w, const made *out)
{
    char *json = NULL;
    size_t size = 0;
    cq_error err;
    assert_int_equal(cq_answers_to_json(out->object, &json, &size, &err), CQ_OK);
    char *copy = copy_text(json, size);
    cq_free(w->ctx, json);
    return copy;
}

static void release_answers(world *w, made *out)
{
    (void)w;
    if (out->object != UNSET)
        cq_answers_free(out->object);
}

static cq_status run_clone(world *w, made *out, cq_error *err)
{
    return cq_answers_clone(w->answers, (cq_answers **)&out->object, err);
}

static cq_status run_score(world *w, made *out, cq_error *err)
{
    return cq_score(w->model, w->answers, (cq_result **)&out->object, err);
}

static cq_status run_score_filtered(world *w, made *out, cq_error *err)
{
    cq_score_options options = {.size = sizeof options, .education_filter = true};
    return cq_score_with(w->model, w->answers, &options, (cq_result **)&out->object, err);
}

static char *describe_result(world *w, const made *out)
{
    const cq_result *r = out->object;
    char text[1024];
    size_t used = 0;
    for (size_t rank = 0; rank < cq_model_role_count(w->model); rank++) {
        size_t role = cq_result_role_at(r, rank);
        used += (size_t)snprintf(text + used, sizeof text - used, "%zu:%.9f ", role,
                                 role == (size_t)-1 ? 0.0 : cq_result_score(r, role));
    }
    snprintf(text + used, sizeof text - used, "ranked %zu margin %.3f close %zu",
             cq_result_rank_count(r), cq_result_margin(r), cq_result_close_count(r));
    return copy_text(text, strlen(text));
}

static void release_result(world *w, made *out)
{
    (void)w;
    if (out->object != UNSET)
        cq_result_free(out->object);
}

static cq_status run_result_json(world *w, made *out, cq_error *err)
{
    return cq_result_to_json(w->model, w->result, &out->text, &out->size, err);
}

static cq_status run_result_json_explained(world *w, made *out, cq_error *err)
{
    cq_json_options options = {
        .size = sizeof options, .explain = true, .explain_role = cq_result_role_at(w->result, 0)};
    return cq_result_to_json_with(w->model, w->result, &options, &out->text, &out->size, err);
}

static cq_status run_questions_json(world *w, made *out, cq_error *err)
{
    return cq_questions_to_json(w->model, &out->text, &out->size, err);
}

static cq_status run_roles_json(world *w, made *out, cq_error *err)
{
    return cq_roles_to_json(w->model, &out->text, &out->size, err);
}

/* Every role's JSON, joined: a failure in any of them fails the stage. */
static cq_status run_role_json(world *w, made *out, cq_error *err)
{
    char *all = NULL;
    size_t used = 0;
    for (size_t role = 0; role < cq_model_role_count(w->model); role++) {
        char *json = UNSET;
        size_t size = 0;
        cq_status st = cq_role_to_json(w->model, role, &json, &size, err);
        if (st != CQ_OK) {
            assert_ptr_equal(json, UNSET);
            free(all);
            return st;
        }
        all = realloc(all, used + size + 1);
        assert_non_null(all);
        memcpy(all + used, json, size + 1);
        used += size;
        cq_free(w->ctx, json);
    }
    out->text = all;
    out->size = used;
    out->plain = true;
    return CQ_OK;
}

static cq_status run_answers_json(world *w, made *out, cq_error *err)
{
    return cq_answers_to_json(w->answers, &out->text, &out->size, err);
}

static cq_status run_changes(world *w, made *out, cq_error *err)
{
    return cq_changes_find(w->result, CQ_WHAT_IF_SHOWN, (cq_changes **)&out->object, err);
}

static char *describe_changes(world *w, const made *out)
{
    (void)w;
    const cq_changes *c = out->object;
    char text[512];
    size_t used = (size_t)snprintf(text, sizeof text, "%zu of %zu:", cq_changes_count(c),
                                   cq_changes_total(c));
    for (size_t i = 0; i < cq_changes_count(c); i++)
        used += (size_t)snprintf(text + used, sizeof text - used, " q%zu->%zu (%zu steps, %.6f)",
                                 cq_change_question(c, i), cq_change_new_top(c, i),
                                 cq_change_steps(c, i), cq_change_lead(c, i));
    return copy_text(text, strlen(text));
}

static void release_changes(world *w, made *out)
{
    (void)w;
    if (out->object != UNSET)
        cq_changes_free(out->object);
}

static cq_status run_compare(world *w, made *out, cq_error *err)
{
    cq_comparison *c = UNSET;
    cq_status st = cq_compare(w->model, 0, 1, &c, err);
    if (st != CQ_OK) {
        assert_ptr_equal(c, UNSET);
        return st;
    }
    st = cq_comparison_to_json(w->model, c, &out->text, &out->size, err);
    cq_comparison_free(c);
    return st;
}

static const stage stages[] = {
    {"load the data", run_load, describe_model, release_model},
    {"load the built-in model", run_load_default, describe_model, release_model},
    {"read a saved file", run_read, describe_text, release_text},
    {"parse answers", run_parse, describe_answers, release_answers},
    {"parse answers of an earlier bank", run_parse_earlier, describe_answers, release_answers},
    {"clone answers", run_clone, describe_answers, release_answers},
    {"score", run_score, describe_result, release_result},
    {"score with the education filter", run_score_filtered, describe_result, release_result},
    {"result json", run_result_json, describe_text, release_text},
    {"result json explained", run_result_json_explained, describe_text, release_text},
    {"questions json", run_questions_json, describe_text, release_text},
    {"roles json", run_roles_json, describe_text, release_text},
    {"role json of every role", run_role_json, describe_text, release_text},
    {"answers json", run_answers_json, describe_text, release_text},
    {"what-if changes", run_changes, describe_changes, release_changes},
    {"compare two roles", run_compare, describe_text, release_text},
};
#define STAGE_COUNT (sizeof stages / sizeof *stages)

/* ---- the loop ------------------------------------------------------------------------------- */

/* Loads the world every stage after the first starts from, with no failures. */
static void world_init(world *w)
{
    memset(w, 0, sizeof *w);
    cq_error err;
    assert_int_equal(cq_context_new(&counting, &w->ctx), CQ_OK);
    w->model = fixture_load_dir(w->ctx, ".");
    w->persona = fixture_read("tests/personas/ml-engineer.json", &w->persona_size);
    w->earlier = fixture_read("tests/fixtures/answers/saved-2026.11-1.json", &w->earlier_size);
    w->saved_size = 12 * 1024;
    w->saved = malloc(w->saved_size);
    assert_non_null(w->saved);
    memset(w->saved, ' ', w->saved_size);
    memcpy(w->saved, w->persona, w->persona_size);
    assert_int_equal(
        cq_answers_parse(w->model, "persona.json", w->persona, w->persona_size, &w->answers, &err),
        CQ_OK);
    assert_int_equal(cq_score(w->model, w->answers, &w->result, &err), CQ_OK);
}

static void world_release(world *w)
{
    cq_result_free(w->result);
    cq_answers_free(w->answers);
    cq_model_free(w->model);
    cq_context_free(w->ctx);
    free(w->persona);
    free(w->earlier);
    free(w->saved);
    assert_int_equal(g.live, 0);
}

/* Runs a stage with the fail_at-th allocation failing (0: none). Returns its description, or
 * NULL when it failed cleanly. */
static char *run_stage(world *w, const stage *s, long fail_at, bool persist, long *calls)
{
    made out = {UNSET, NULL, UNSET, 0, false};
    cq_error err;
    cq_error_clear(&err);
    long live = g.live;
    g.calls = g.failed = 0;
    g.fail_at = fail_at;
    g.persist = persist;
    cq_status st = s->run(w, &out, &err);
    g.fail_at = 0; /* describing and freeing never fail */
    *calls = g.calls;
    char *description = NULL;
    if (st == CQ_OK) {
        assert_true(out.object != UNSET || out.text != UNSET);
        description = s->describe(w, &out);
    } else {
        if (st != CQ_ERR_NOMEM || err.status != st || !err.message[0])
            print_error("%s, allocation %ld: status %d, error %d \"%s\"\n", s->name, fail_at, st,
                        err.status, err.message);
        assert_int_equal(st, CQ_ERR_NOMEM);
        assert_int_equal(err.status, CQ_ERR_NOMEM);
        assert_true(err.message[0] != '\0');
        /* A failed call changes nothing: its outputs are as they were. */
        assert_ptr_equal(out.object, UNSET);
        assert_ptr_equal(out.text, UNSET);
    }
    s->release(w, &out);
    if (g.live != live)
        print_error("%s, allocation %ld (%s): %ld blocks leaked\n", s->name, fail_at,
                    persist ? "for good" : "once", g.live - live);
    assert_int_equal(g.live, live);
    return description;
}

/* Fails each allocation of each stage in turn; returns the number of allocation points. */
static long fail_every_allocation(bool persist)
{
    world w;
    world_init(&w);
    long points = 0, absorbed = 0;
    for (size_t i = 0; i < STAGE_COUNT; i++) {
        const stage *s = &stages[i];
        long calls = 0;
        clock_t started = clock();
        char *reference = run_stage(&w, s, 0, false, &calls);
        assert_non_null(reference);
        long n = 1;
        for (;; n++) {
            long seen = 0;
            char *got = run_stage(&w, s, n, persist, &seen);
            if (g.failed == 0) { /* the stage got through: every point was tried */
                assert_non_null(got);
                assert_string_equal(got, reference);
                free(got);
                break;
            }
            if (got) { /* it succeeded although an allocation failed: it must still be right */
                absorbed++;
                if (strcmp(got, reference) != 0)
                    print_error("%s, allocation %ld: succeeded with a different result\n", s->name,
                                n);
                assert_string_equal(got, reference);
                free(got);
            }
        }
        assert_int_equal(n - 1, calls);
        print_message("# %-32s %6ld allocation points %8.2f s\n", s->name, calls,
                      (double)(clock() - started) / CLOCKS_PER_SEC);
        points += calls;
        free(reference);
    }
    print_message("# %ld allocation points in all, each failed %s; %ld failures absorbed\n", points,
                  persist ? "for good" : "once", absorbed);
    world_release(&w);
    return points;
}

static void the_counter_sees_the_engine_and_cjson(void **state)
{
    (void)state;
    world w;
    g.by_cjson = 0;
    world_init(&w);
    assert_true(g.by_cjson > 0);
    assert_true(g.live > 0);
    world_release(&w);
}

static void every_allocation_failing_once_fails_cleanly_and_leaks_nothing(void **state)
{
    (void)state;
    assert_true(fail_every_allocation(false) > 1000);
}

static void every_allocation_failing_for_good_fails_cleanly_and_leaks_nothing(void **state)
{
    (void)state;
    assert_true(fail_every_allocation(true) > 1000);
}

int main(void)
{
    /* cJSON's hooks are global: set once, before anything allocates. */
    cJSON_Hooks hooks = {alloc_cjson_malloc, alloc_cjson_free};
    cJSON_InitHooks(&hooks);
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(the_counter_sees_the_engine_and_cjson),
        cmocka_unit_test(every_allocation_failing_once_fails_cleanly_and_leaks_nothing),
        cmocka_unit_test(every_allocation_failing_for_good_fails_cleanly_and_leaks_nothing),
    };
    return cmocka_run_group_tests_name("allocation failure", tests, NULL, NULL);
}
