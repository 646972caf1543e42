/* fuzz_answers.c: fuzz input as an answers file: parse, validate, score, write JSON, re-read;
 * and the one-pass reader against the long way, with a cJSON tree. */
#include "fuzz.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char fuzz_target_name[] = "answers";

/* Answers as JSON, to compare two sets. NULL only for want of memory. */
static char *answers_text(const cq_answers *answers)
{
    char *text = NULL;
    return cq_answers_to_json(answers, &text, NULL, NULL) == CQ_OK ? text : NULL;
}

/*
 * What the one-pass reader (answers_read.c) takes, the long way reads as the same answers;
 * an error it finds, the long way finds with the same words and place. Only a document the
 * reader declines is left to the long way alone.
 */
static void check_one_pass(const cq_model *model, const uint8_t *data, size_t size)
{
    const char *json = size ? (const char *)data : "";
    cq_answers *fast = NULL, *slow = NULL;
    cq_error fast_err, slow_err;
    bool declined;
    if (size > CQ_MAX_ANSWERS_BYTES)
        return;
    cq_status fs = cq__answers_read(model, "fuzz.json", json, size, &fast, &declined, &fast_err);
    if (fs == CQ_ERR_NOMEM || (fs == CQ_OK && declined))
        return;
    cq_status ss = cq__answers_parse_tree(model, "fuzz.json", json, size, &slow, &slow_err);
    if (ss == CQ_ERR_NOMEM) {
        cq_answers_free(fast);
        return;
    }
    bool same = fs == ss;
    if (same && fs == CQ_OK) {
        char *a = answers_text(fast), *b = answers_text(slow);
        same = a && b && strcmp(a, b) == 0;
        cq_free(cq_model_context(model), a);
        cq_free(cq_model_context(model), b);
    } else if (same) {
        same = strcmp(fast_err.message, slow_err.message) == 0 && fast_err.line == slow_err.line &&
               fast_err.column == slow_err.column;
    }
    cq_answers_free(fast);
    cq_answers_free(slow);
    if (!same) {
        fprintf(stderr, "fuzz: the one-pass reader (%d: %s) and the tree (%d: %s) disagree\n", fs,
                fs == CQ_OK ? "ok" : fast_err.message, ss, ss == CQ_OK ? "ok" : slow_err.message);
        abort();
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const cq_model *model = fuzz_model();
    check_one_pass(model, data, size);
    cq_answers *answers = FUZZ_UNSET;
    cq_error err;
    cq_status st = cq_answers_parse(model, "fuzz.json", (const char *)data, size, &answers, &err);
    fuzz_check_in(st, &err, data, size);
    if (st != CQ_OK) {
        if (answers != FUZZ_UNSET)
            abort(); /* a failed call changes nothing */
        return 0;
    }
    fuzz_score_and_print(model, answers, fuzz_sample(data, size));
    fuzz_round_trip(model, answers);
    cq_answers_free(answers);
    return 0;
}
