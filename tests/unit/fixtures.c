/* fixtures.c: helpers shared by the engine unit tests. */
#include "fixtures.h"

#include <dirent.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifndef CQ_SOURCE_DIR
#define CQ_SOURCE_DIR "."
#endif

const char *fixture_root(void)
{
    const char *root = getenv("CQ_SOURCE_DIR");
    return root && root[0] ? root : CQ_SOURCE_DIR;
}

const char *fixture_path(const char *relative)
{
    static char path[4096];
    snprintf(path, sizeof path, "%s/%s", fixture_root(), relative);
    return path;
}

cq_model *fixture_load_dir(cq_context *ctx, const char *relative)
{
    cq_model *model = NULL;
    cq_error err;
    cq_status st = cq_model_load_dir(ctx, fixture_path(relative), &model, &err);
    if (st != CQ_OK) {
        char buf[1024];
        print_error("loading %s: %s\n", relative, cq_error_format(&err, buf, sizeof buf));
    }
    assert_int_equal(st, CQ_OK);
    return model;
}

cq_status fixture_load_texts(cq_context *ctx, const char *bank, const char *const *profiles,
                             cq_model **out, cq_error *err)
{
    cq_source bank_source = {"bank", bank, strlen(bank)};
    cq_source sources[8];
    size_t n = 0;
    for (; profiles[n] && n < 8; n++) {
        sources[n].name = "profile";
        sources[n].data = profiles[n];
        sources[n].size = strlen(profiles[n]);
    }
    return cq_model_load(ctx, &bank_source, 1, sources, n, out, err);
}

size_t fixture_role(const cq_model *model, const char *id)
{
    size_t r = cq_model_find_role(model, id);
    if (r == (size_t)-1)
        print_error("no role \"%s\"\n", id);
    assert_true(r != (size_t)-1);
    return r;
}

size_t fixture_question(const cq_model *model, const char *id)
{
    size_t q = cq_model_find_question(model, id);
    if (q == (size_t)-1)
        print_error("no question \"%s\"\n", id);
    assert_true(q != (size_t)-1);
    return q;
}

/* A new fixture_mini in *state holding the model of the folder `relative`. */
static int setup_with(void **state, const char *relative)
{
    fixture_mini *f = calloc(1, sizeof *f);
    assert_non_null(f);
    assert_int_equal(cq_context_new(NULL, &f->ctx), CQ_OK);
    f->model = fixture_load_dir(f->ctx, relative);
    *state = f;
    return 0;
}

int fixture_mini_setup(void **state)
{
    return setup_with(state, "tests/fixtures/mini");
}

int fixture_shipped_setup(void **state)
{
    return setup_with(state, ".");
}

int fixture_mini_teardown(void **state)
{
    fixture_mini *f = *state;
    cq_model_free(f->model);
    cq_context_free(f->ctx);
    free(f);
    return 0;
}

int fixture_texts_setup(void **state)
{
    fixture_texts *t = calloc(1, sizeof *t);
    assert_non_null(t);
    t->bank = fixture_read("tests/fixtures/mini/questions/bank.json", NULL);
    t->scientist = fixture_read("tests/fixtures/mini/profiles/scientist.json", NULL);
    t->manager = fixture_read("tests/fixtures/mini/profiles/manager.json", NULL);
    *state = t;
    return 0;
}

int fixture_texts_teardown(void **state)
{
    fixture_texts *t = *state;
    free(t->bank);
    free(t->scientist);
    free(t->manager);
    free(t);
    return 0;
}

cq_answers *fixture_answers(const cq_model *model, const char *json)
{
    cq_answers *answers = NULL;
    cq_error err;
    cq_status st = cq_answers_parse(model, "answers", json, strlen(json), &answers, &err);
    if (st != CQ_OK) {
        char buf[1024];
        print_error("answers: %s\n", cq_error_format(&err, buf, sizeof buf));
    }
    assert_int_equal(st, CQ_OK);
    return answers;
}

char *fixture_read(const char *relative, size_t *size)
{
    FILE *fp = fopen(fixture_path(relative), "rb");
    assert_non_null(fp);
    char *buf = NULL;
    size_t used = 0, cap = 0;
    for (;;) {
        if (cap - used < 4096) {
            cap = cap ? cap * 2 : 8192;
            buf = realloc(buf, cap);
            assert_non_null(buf);
        }
        size_t got = fread(buf + used, 1, cap - used - 1, fp);
        used += got;
        if (got == 0)
            break;
    }
    fclose(fp);
    buf[used] = '\0';
    if (size)
        *size = used;
    return buf;
}

char *fixture_replace(const char *text, const char *from, const char *to)
{
    const char *at = strstr(text, from);
    if (!at)
        print_error("fixture_replace: \"%s\" not found\n", from);
    assert_non_null(at);
    size_t head = (size_t)(at - text), from_len = strlen(from), to_len = strlen(to);
    size_t tail = strlen(at + from_len);
    char *out = malloc(head + to_len + tail + 1);
    assert_non_null(out);
    memcpy(out, text, head);
    memcpy(out + head, to, to_len);
    memcpy(out + head + to_len, at + from_len, tail + 1);
    return out;
}

void fixture_assert_close(double actual, double expected, double epsilon, const char *expr,
                          const char *file, int line)
{
    if (fabs(actual - expected) <= epsilon)
        return;
    print_error("%s is %.12g, expected %.12g (within %g)\n", expr, actual, expected, epsilon);
    _fail(file, line);
}

uint32_t fixture_next_random(uint64_t *s)
{
    *s ^= *s << 13;
    *s ^= *s >> 7;
    *s ^= *s << 17;
    return (uint32_t)(*s >> 32);
}

void fixture_random_answers(const cq_model *m, cq_answers *a, uint64_t *seed)
{
    cq_error err;
    for (size_t q = 0; q < cq_model_question_count(m); q++) {
        size_t n = cq_question_option_count(m, q);
        switch (cq_question_type_of(m, q)) {
        case CQ_SCALE: {
            long span = cq_scale_max(m, q) - cq_scale_min(m, q) + 1;
            long v = cq_scale_min(m, q) + (long)(fixture_next_random(seed) % (uint32_t)span);
            assert_int_equal(cq_answers_set_scale(a, q, v, &err), CQ_OK);
            break;
        }
        case CQ_SINGLE:
            assert_int_equal(cq_answers_set_option(a, q, fixture_next_random(seed) % n, &err),
                             CQ_OK);
            break;
        case CQ_MULTI: {
            size_t chosen[CQ_MAX_OPTIONS], count = 0, none = 0;
            for (size_t o = 0; o < n; o++) {
                if (cq_option_exclusive(m, q, o))
                    none = o;
                else if (fixture_next_random(seed) & 1u)
                    chosen[count++] = o;
            }
            if (count == 0)
                chosen[count++] = none;
            assert_int_equal(cq_answers_set_options(a, q, chosen, count, &err), CQ_OK);
            break;
        }
        }
    }
}

static int by_path(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

size_t fixture_answer_files(char ***out)
{
    static const char *const folders[] = {"tests/personas", "tests/people"};
    size_t n = 0, cap = 64;
    char **paths = malloc(cap * sizeof *paths);
    assert_non_null(paths);
    for (size_t f = 0; f < sizeof folders / sizeof *folders; f++) {
        DIR *dir = opendir(fixture_path(folders[f]));
        assert_non_null(dir);
        size_t first = n;
        for (struct dirent *e; (e = readdir(dir)) != NULL;) {
            size_t len = strlen(e->d_name);
            if (len < 6 || strcmp(e->d_name + len - 5, ".json") != 0)
                continue;
            assert_true(n < cap);
            paths[n] = malloc(strlen(folders[f]) + len + 2);
            assert_non_null(paths[n]);
            sprintf(paths[n++], "%s/%s", folders[f], e->d_name);
        }
        closedir(dir);
        qsort(paths + first, n - first, sizeof *paths, by_path);
    }
    *out = paths;
    return n;
}

void fixture_free_files(char **paths, size_t count)
{
    for (size_t i = 0; i < count; i++)
        free(paths[i]);
    free(paths);
}

size_t fixture_each_answer_file(fixture_answer_fn *each, void *ctx)
{
    char **paths = NULL;
    size_t n = fixture_answer_files(&paths);
    for (size_t i = 0; i < n; i++) {
        size_t size = 0;
        char *json = fixture_read(paths[i], &size);
        each(paths[i], json, size, ctx);
        free(json);
    }
    fixture_free_files(paths, n);
    return n;
}

bool fixture_expects(const char *json, const char *role_id)
{
    const char *expect = strstr(json, "\"expect\": \"");
    assert_non_null(expect);
    expect += strlen("\"expect\": \"");
    size_t n = strlen(role_id);
    /* "a|b": either role fits this person. */
    for (const char *p = expect; *p && *p != '"';
         p += strcspn(p, "|\"") + (p[strcspn(p, "|\"")] == '|'))
        if (strncmp(p, role_id, n) == 0 && (p[n] == '|' || p[n] == '"'))
            return true;
    return false;
}

/* text with `from` taken out when it is there; text is freed. */
static char *drop(char *text, const char *from)
{
    if (!strstr(text, from))
        return text;
    char *out = fixture_replace(text, from, "");
    free(text);
    return out;
}

char *fixture_mini_profile_portable(const char *role)
{
    char path[128];
    snprintf(path, sizeof path, "tests/fixtures/mini/profiles/%s.json", role);
    char *text = fixture_read(path, NULL);
    text = drop(text, ", \"has_it_when\": [{\"lead\": \"lead\"}]");
    text = drop(text, ",\n    {\"text\": \"Try tool B.\", \"advice\": \"tool b\", \"builds\": "
                      "[\"methods\"], \"has_it_when\": [{\"tools\": [\"b\"]}], \"source\": "
                      "\"Mini article\"}");
    text = drop(text, ",\n    \"methods\": {\"value\": 0.7, \"importance\": 1, \"why\": "
                      "\"judges the methods of the team\"}");
    text = drop(text, ",\n    \"methods\": {\"value\": 0.8, \"importance\": 2, \"why\": "
                      "\"method is the craft\"}");
    assert_null(strstr(text, "methods\": {"));
    assert_null(strstr(text, "has_it_when"));
    return text;
}
