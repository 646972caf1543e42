/* fuzz_common.c: the real data and the checks the fuzz targets share. */
#include "fuzz.h"

#include "embedded.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

cq_context *fuzz_context(void)
{
    static cq_context *ctx;
    if (!ctx && cq_context_new(NULL, &ctx) != CQ_OK)
        abort();
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
            abort();
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
