/* test_answer_space.c: the table of what every answer earns each role (engine/fit.c), which
 * scoring and the what-if search read instead of summing: each answer of a question's answer
 * space is found again from its mask or value, earns what cq__earned sums for it, and an answer
 * outside the space is found nowhere. */
#include "fixtures.h"
#include "internal.h"

#include <string.h>

/* Every answer of every question: its index back from its mask or value, and its row. */
static void check_model(const cq_model *m)
{
    const cq_fit_table *f = &m->fit;
    cq_effect effects[CQ_MAX_TRAITS];
    for (size_t q = 0; q < m->question_count; q++) {
        const cq_question_def *d = &m->questions[q];
        size_t size = cq__answer_space_size(d);
        assert_int_equal(f->space_start[q + 1] - f->space_start[q], size);
        for (size_t i = 0; i < size; i++) {
            uint32_t selected;
            long value;
            cq__answer_space_at(d, i, &selected, &value);
            assert_int_equal(cq__answer_space_index(d, selected, value), i);
            size_t n = cq__question_effects(d, selected, value, effects);
            assert_int_equal(n > 0, cq__answer_says(d, selected));
            for (size_t role = 0; role < m->role_count; role++) {
                double want =
                    n > 0 ? cq__earned(m, role, q, effects, n) : cq__skipped_earned(m, role, q);
                /* Bit for bit: the table stands in for the sum. */
                double got = f->earned_at[(f->space_start[q] + i) * m->role_count + role];
                assert_memory_equal(&got, &want, sizeof got);
            }
        }
    }
}

static void every_answer_of_the_shipped_bank_is_in_the_table(void **state)
{
    const fixture_mini *f = *state;
    check_model(f->model);
}

static void every_answer_of_the_mini_bank_is_in_the_table(void **state)
{
    (void)state;
    cq_context *ctx = NULL;
    assert_int_equal(cq_context_new(NULL, &ctx), CQ_OK);
    cq_model *m = fixture_load_dir(ctx, "tests/fixtures/mini");
    check_model(m);
    cq_model_free(m);
    cq_context_free(ctx);
}

/* The question of the shipped bank with the most ordinary options. */
static const cq_question_def *widest_multi(const cq_model *m, size_t *ordinary, size_t *exclusive)
{
    const cq_question_def *best = NULL;
    *ordinary = 0;
    for (size_t q = 0; q < m->question_count; q++) {
        const cq_question_def *d = &m->questions[q];
        size_t k = 0, x = 0;
        for (size_t o = 0; d->type == CQ_MULTI && o < d->option_count; o++)
            d->options[o].exclusive ? x++ : k++;
        if (d->type == CQ_MULTI && k > *ordinary && x > 0) {
            best = d;
            *ordinary = k;
            *exclusive = x;
        }
    }
    assert_non_null(best);
    return best;
}

static void answers_outside_the_space_are_found_nowhere(void **state)
{
    const fixture_mini *f = *state;
    const cq_model *m = f->model;
    size_t ordinary = 0, exclusive = 0;
    const cq_question_def *d = widest_multi(m, &ordinary, &exclusive);
    uint32_t first_exclusive = 0, first_ordinary = 0;
    for (size_t o = 0; o < d->option_count; o++) {
        uint32_t bit = 1u << o;
        if (d->options[o].exclusive && !first_exclusive)
            first_exclusive = bit;
        if (!d->options[o].exclusive && !first_ordinary)
            first_ordinary = bit;
    }
    assert_int_equal(cq__answer_space_index(d, 0, 0), CQ_NONE);
    assert_int_equal(cq__answer_space_index(d, first_exclusive | first_ordinary, 0), CQ_NONE);
    assert_int_equal(cq__answer_space_index(d, 1u << d->option_count, 0), CQ_NONE);
    size_t scale = fixture_question(m, "statistics");
    const cq_question_def *s = &m->questions[scale];
    assert_int_equal(cq__answer_space_index(s, 0, s->min - 1), CQ_NONE);
    assert_int_equal(cq__answer_space_index(s, 0, s->max + 1), CQ_NONE);
    assert_int_equal(cq__answer_space_index(s, 0, s->max), (size_t)(s->max - s->min));
    size_t single = fixture_question(m, "education");
    assert_int_equal(cq__answer_space_index(&m->questions[single], 3u, 0), CQ_NONE);
}

/* Past CQ_WHAT_IF_SUBSET_OPTIONS ordinary options the space holds each one alone, so a set of
 * two is outside it (and scored by summing). The question is the widest of the bank with more
 * ordinary options made up, on a copy. */
static void past_the_subset_limit_only_single_options_are_in_the_space(void **state)
{
    const fixture_mini *f = *state;
    size_t ordinary = 0, exclusive = 0;
    const cq_question_def *d = widest_multi(f->model, &ordinary, &exclusive);
    cq_question_def wide = *d;
    cq_option_def options[CQ_MAX_OPTIONS];
    size_t count = 0;
    for (size_t o = 0; o < d->option_count; o++)
        if (d->options[o].exclusive)
            options[count++] = d->options[o];
    while (count < exclusive + CQ_WHAT_IF_SUBSET_OPTIONS + 2)
        options[count++] = d->options[exclusive == 0 ? 0 : d->option_count - 1];
    for (size_t o = exclusive; o < count; o++)
        options[o].exclusive = false;
    wide.options = options;
    wide.option_count = count;
    size_t wide_ordinary = count - exclusive;
    assert_true(wide_ordinary > CQ_WHAT_IF_SUBSET_OPTIONS);
    assert_int_equal(cq__answer_space_size(&wide), exclusive + wide_ordinary);
    for (size_t i = 0; i < cq__answer_space_size(&wide); i++) {
        uint32_t selected;
        long value;
        cq__answer_space_at(&wide, i, &selected, &value);
        assert_int_equal(cq__answer_space_index(&wide, selected, value), i);
    }
    uint32_t two = (1u << exclusive) | (1u << (exclusive + 1));
    assert_int_equal(cq__answer_space_index(&wide, two, 0), CQ_NONE);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(every_answer_of_the_shipped_bank_is_in_the_table),
        cmocka_unit_test(every_answer_of_the_mini_bank_is_in_the_table),
        cmocka_unit_test(answers_outside_the_space_are_found_nowhere),
        cmocka_unit_test(past_the_subset_limit_only_single_options_are_in_the_space),
    };
    return cmocka_run_group_tests(tests, fixture_shipped_setup, fixture_mini_teardown);
}
