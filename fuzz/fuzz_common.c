/* fuzz_common.c: the real data and the checks the fuzz targets share. */
#include "fuzz.h"

#include "embedded.h"

#include <dirent.h>
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

void fuzz_fail(const char *format, ...)
{
    va_list ap;
    fputs("fuzz: ", stderr);
    va_start(ap, format);
    vfprintf(stderr, format, ap);
    va_end(ap);
    fputc('\n', stderr);
    abort();
}

cq_context *fuzz_context(void)
{
    static cq_context *ctx;
    if (!ctx && cq_context_new(NULL, &ctx) != CQ_OK)
        fuzz_fail("cannot make a context");
    return ctx;
}

const cq_model *fuzz_model(void)
{
    static cq_model *model;
    if (!model) {
        cq_error err;
        if (cq_model_load(fuzz_context(), cq_embedded_bank, cq_embedded_bank_count,
                          cq_embedded_profiles, cq_embedded_profiles_count, &model,
                          &err) != CQ_OK) {
            fprintf(stderr, "fuzz: the built-in data does not load: %s\n", err.message);
            abort();
        }
    }
    return model;
}

void fuzz_check(cq_status status, const cq_error *err)
{
    if (status == CQ_OK)
        return;
    bool known = status == CQ_ERR_OPEN || status == CQ_ERR_IO || status == CQ_ERR_SYNTAX ||
                 status == CQ_ERR_INVALID || status == CQ_ERR_LIMIT;
    if (!known || err->status != status || err->message[0] == '\0' ||
        (status == CQ_ERR_SYNTAX && (err->line < 1 || err->column < 1))) {
        fprintf(stderr, "fuzz: broken failure: status %d (%s), error status %d, \"%s\" at %d:%d\n",
                status, cq_strerror(status), err->status, err->message, err->line, err->column);
        abort();
    }
}

char fuzz_unset;

void fuzz_check_in(cq_status status, const cq_error *err, const uint8_t *data, size_t size)
{
    fuzz_check(status, err);
    if (status == CQ_OK || err->line == 0)
        return;
    int lines = 1;
    for (size_t i = 0; i < size; i++)
        lines += data[i] == '\n';
    if (err->line > lines || err->column < 1 || (size_t)err->column > size + 1) {
        fprintf(stderr, "fuzz: %s at %d:%d, outside a text of %d lines and %zu bytes\n",
                err->message, err->line, err->column, lines, size);
        abort();
    }
}

void fuzz_check_output(const char *text, size_t size)
{
    cq_error err;
    if (strlen(text) != size || cq__json_check("output", text, size, NULL, &err) != CQ_OK) {
        fprintf(stderr, "fuzz: output is not strict JSON: %s at %d:%d\n", err.message, err.line,
                err.column);
        abort();
    }
}

/* Aborts unless an engine call that cannot fail on good arguments succeeded. */
static void must(cq_status status, const cq_error *err)
{
    if (status != CQ_OK) {
        fprintf(stderr, "fuzz: unexpected failure: %s\n", err->message);
        abort();
    }
}

void fuzz_view(cq_status status, const cq_error *err, char *json, size_t size)
{
    must(status, err);
    fuzz_check_output(json, size);
    cq_free(fuzz_context(), json);
}

bool fuzz_every_input;

bool fuzz_sample(const uint8_t *data, size_t size)
{
    if (fuzz_every_input)
        return true;
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < size; i++)
        h = (h ^ data[i]) * 16777619u;
    return h % 8 == 0;
}

void fuzz_score_and_print(const cq_model *model, const cq_answers *answers, bool views)
{
    cq_result *result = NULL;
    cq_error err;
    cq_status st = cq_score(model, answers, &result, &err);
    fuzz_check(st, &err);
    if (st != CQ_OK)
        return; /* nothing answered that any role weighs */
    size_t roles = cq_model_role_count(model);
    for (size_t role = 0; role < roles; role++) {
        double score = cq_result_score(result, role);
        if (!isfinite(score) || score < -1e-9 || score > 100 + 1e-9)
            fuzz_fail("%s scores %g, outside 0 to 100", cq_role_id(model, role), score);
    }
    char *json = NULL;
    size_t size = 0;
    if (!views) {
        cq_result_free(result);
        return;
    }
    st = cq_result_to_json(model, result, &json, &size, &err);
    fuzz_view(st, &err, json, size);
    /* The explanation of the runner-up, as `score --explain ID` asks for it. */
    cq_json_options explain = {
        .size = sizeof explain, .explain = true, .explain_role = cq_result_role_at(result, 1)};
    if (explain.explain_role == CQ_NONE)
        explain.explain_role = cq_result_role_at(result, 0);
    st = cq_result_to_json_with(model, result, &explain, &json, &size, &err);
    fuzz_view(st, &err, json, size);
    cq_result_free(result);
    /* The same answers with the education filter, which may set every role apart. */
    cq_score_options filter = {.size = sizeof filter, .education_filter = true};
    st = cq_score_with(model, answers, &filter, &result, &err);
    fuzz_check(st, &err);
    if (st != CQ_OK)
        return;
    st = cq_result_to_json(model, result, &json, &size, &err);
    fuzz_view(st, &err, json, size);
    cq_result_free(result);
}

void fuzz_round_trip(const cq_model *model, const cq_answers *answers)
{
    char *json = NULL;
    size_t size = 0;
    cq_error err;
    must(cq_answers_to_json(answers, &json, &size, &err), &err);
    fuzz_check_output(json, size);
    cq_answers *again = NULL;
    must(cq_answers_parse(model, "saved", json, size, &again, &err), &err);
    for (size_t q = 0; q < cq_model_question_count(model); q++) {
        bool same = cq_answers_has(answers, q) == cq_answers_has(again, q) &&
                    cq_answers_scale(answers, q) == cq_answers_scale(again, q) &&
                    cq_answers_option_count(answers, q) == cq_answers_option_count(again, q);
        for (size_t i = 0; same && i < cq_answers_option_count(answers, q); i++)
            same = cq_answers_option(answers, q, i) == cq_answers_option(again, q, i);
        if (!same) {
            fprintf(stderr, "fuzz: question %s reads back differently\n", cq_question_id(model, q));
            abort();
        }
    }
    cq_answers_free(again);
    cq_free(fuzz_context(), json);
}

/* Decodes one UTF-8 character strictly; returns its length, 0 when s is not one. */
static size_t utf8_char(const unsigned char *s, size_t left, unsigned long *code)
{
    size_t n = s[0] < 0x80                    ? 1
               : s[0] >= 0xC2 && s[0] <= 0xDF ? 2
               : s[0] >= 0xE0 && s[0] <= 0xEF ? 3
               : s[0] >= 0xF0 && s[0] <= 0xF4 ? 4
                                              : 0;
    unsigned long c = n == 1 ? s[0] : n == 2 ? s[0] & 0x1Fu : n == 3 ? s[0] & 0x0Fu : s[0] & 0x07u;
    if (n == 0 || n > left)
        return 0;
    for (size_t i = 1; i < n; i++) {
        if ((s[i] & 0xC0) != 0x80)
            return 0;
        c = c << 6 | (s[i] & 0x3Fu);
    }
    if ((n == 2 && c < 0x80) || (n == 3 && (c < 0x800 || (c >= 0xD800 && c <= 0xDFFF))) ||
        (n == 4 && (c < 0x10000 || c > 0x10FFFF)))
        return 0;
    *code = c;
    return n;
}

void fuzz_check_shown(const char *what, const char *text, size_t size, bool crlf)
{
    const unsigned char *s = (const unsigned char *)text;
    for (size_t i = 0; i < size;) {
        unsigned long c = 0;
        size_t n = utf8_char(s + i, size - i, &c);
        bool bad = n == 0 ||
                   (c < 0x20 && c != '\n' && c != '\t' &&
                    !(crlf && c == '\r' && i + 1 < size && s[i + 1] == '\n')) ||
                   (c >= 0x7F && c <= 0x9F) || (c >= 0x202A && c <= 0x202E) ||
                   (c >= 0x2066 && c <= 0x2069);
        if (bad) {
            fprintf(stderr, "fuzz: %s shows a raw control or non-UTF-8 byte 0x%02x at %zu: %.*s\n",
                    what, s[i], i, (int)(i < 40 ? i : 40), text + (i < 40 ? 0 : i - 40));
            abort();
        }
        i += n;
    }
}

void fuzz_capture_begin(struct fuzz_capture *c)
{
    fflush(stdout);
    fflush(stderr);
    c->file = tmpfile();
    c->saved_out = dup(STDOUT_FILENO);
    c->saved_err = dup(STDERR_FILENO);
    if (!c->file || c->saved_out < 0 || c->saved_err < 0 ||
        dup2(fileno(c->file), STDOUT_FILENO) < 0 || dup2(fileno(c->file), STDERR_FILENO) < 0)
        fuzz_fail("cannot catch the output in a temporary file: %s", strerror(errno));
}

char *fuzz_capture_end(struct fuzz_capture *c, size_t *size)
{
    fflush(stdout);
    fflush(stderr);
    clearerr(stdout);
    if (dup2(c->saved_out, STDOUT_FILENO) < 0 || dup2(c->saved_err, STDERR_FILENO) < 0)
        fuzz_fail("cannot put the output back: %s", strerror(errno));
    close(c->saved_out);
    close(c->saved_err);
    long end = (fseek(c->file, 0, SEEK_END), ftell(c->file));
    char *text = malloc(end > 0 ? (size_t)end + 1 : 1);
    if (!text || end < 0 || fseek(c->file, 0, SEEK_SET) != 0)
        fuzz_fail("cannot read the caught output back: %s", strerror(errno));
    *size = fread(text, 1, (size_t)end, c->file);
    text[*size] = '\0';
    fclose(c->file);
    return text;
}

void fuzz_remove_tree(const char *path)
{
    DIR *d = opendir(path);
    struct dirent *e;
    char child[4096];
    while (d && (e = readdir(d)) != NULL) {
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
            continue;
        snprintf(child, sizeof child, "%s/%s", path, e->d_name);
        if (unlink(child) != 0)
            fuzz_remove_tree(child);
    }
    if (d)
        closedir(d);
    rmdir(path);
}

static char scratch[256];
static pid_t scratch_owner;

static void remove_scratch(void)
{
    if (scratch[0] && scratch_owner == getpid()) /* not from a forked child that did not make it */
        fuzz_remove_tree(scratch);
}

const char *fuzz_scratch_dir(void)
{
    if (!scratch[0] || scratch_owner != getpid()) {
        const char *base = access("/dev/shm", W_OK) == 0 ? "/dev/shm" : getenv("TMPDIR");
        snprintf(scratch, sizeof scratch, "%s/careerquiz-fuzz.XXXXXX",
                 base && base[0] ? base : "/tmp");
        if (!mkdtemp(scratch))
            fuzz_fail("cannot make a scratch folder %s: %s", scratch, strerror(errno));
        if (!scratch_owner)
            atexit(remove_scratch);
        scratch_owner = getpid();
    }
    return scratch;
}
