/* fixtures.h: helpers shared by the engine unit tests (loading data, building answers). */
#ifndef CQ_TEST_FIXTURES_H
#define CQ_TEST_FIXTURES_H

#include "careerquiz.h"

#include <stdarg.h>
#include <setjmp.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

/* The repository root: $CQ_SOURCE_DIR, else the CQ_SOURCE_DIR the build defined. */
const char *fixture_root(void);
/* root/relative in a static buffer. */
const char *fixture_path(const char *relative);

/* Loads a data folder below the root; fails the test when it does not load. */
cq_model *fixture_load_dir(cq_context *ctx, const char *relative);

/* Loads one bank text and up to 8 profile texts (NULL-terminated) from memory. Profile
 * sources are named "profiles/<n>.json"-free names so file-name checks do not apply. */
cq_status fixture_load_texts(cq_context *ctx, const char *bank, const char *const *profiles,
                             cq_model **out, cq_error *err);

/* The index of a role or question that must exist; fails the test when it does not. */
size_t fixture_role(const cq_model *model, const char *id);
size_t fixture_question(const cq_model *model, const char *id);

/* A context and the mini fixture's model (tests/fixtures/mini), for tests that read it. */
typedef struct fixture_mini {
    cq_context *ctx;
    cq_model *model;
} fixture_mini;

/* cmocka group setup and teardown: a new fixture_mini in *state, and freeing it. */
int fixture_mini_setup(void **state);
int fixture_mini_teardown(void **state);
/* The same with the shipped bank and profiles (the source folder's questions/ and profiles/);
 * the teardown is fixture_mini_teardown. */
int fixture_shipped_setup(void **state);

/* The mini fixture's bank and two profiles as text, for tests that change them before loading. */
typedef struct fixture_texts {
    char *bank, *scientist, *manager;
} fixture_texts;

/* cmocka group setup and teardown: a new fixture_texts in *state, and freeing it. */
int fixture_texts_setup(void **state);
int fixture_texts_teardown(void **state);

/* A mini profile ("manager" or "scientist") as text, without what ties it to the mini bank's
 * "methods" trait and its questions (the target on methods, the tips' has_it_when and the tip
 * that builds methods), so that tests can load it with a bank of their own. Free it. */
char *fixture_mini_profile_portable(const char *role);

/* Parses answers JSON text; fails the test on error. */
cq_answers *fixture_answers(const cq_model *model, const char *json);

/* Reads a whole file below the root into a malloc'd, NUL-terminated buffer. */
char *fixture_read(const char *relative, size_t *size);

/* Returns a malloc'd copy of text with the first occurrence of `from` replaced by `to`;
 * fails the test when `from` is absent (so a stale test cannot pass silently). */
char *fixture_replace(const char *text, const char *from, const char *to);

/* xorshift64: a fixed, portable sequence of numbers for a given (non-zero) seed. */
uint32_t fixture_next_random(uint64_t *seed);

/* The answer files of tests/personas and tests/people, relative to the source folder, each
 * folder in name order. Free with fixture_free_files. */
size_t fixture_answer_files(char ***paths);
void fixture_free_files(char **paths, size_t count);
/* Calls each(path, json, size, ctx) with the text of every answer file fixture_answer_files
 * lists, in its order; returns how many there were. */
typedef void fixture_answer_fn(const char *path, const char *json, size_t size, void *ctx);
size_t fixture_each_answer_file(fixture_answer_fn *each, void *ctx);
/* Whether a person file's "expect" names role_id ("a|b" names either). Persona files, which
 * carry no "expect", fail the test: check their own name instead. */
bool fixture_expects(const char *json, const char *role_id);

/* Sets uniformly random answers to every question: a uniform option, a uniform scale point,
 * and for multi-choice each ordinary option with probability 1/2 (the exclusive "none" when
 * nothing was picked). */
void fixture_random_answers(const cq_model *model, cq_answers *answers, uint64_t *seed);

/* cmocka 1.1 only compares floats; the worked example needs doubles. */
void fixture_assert_close(double actual, double expected, double epsilon, const char *expr,
                          const char *file, int line);
#define assert_double_equal(actual, expected, epsilon)                                             \
    fixture_assert_close((actual), (expected), (epsilon), #actual, __FILE__, __LINE__)

#endif
