/* fuzz_bank.c: fuzz input as the question bank, loaded with the real profiles, then used. */
#include "fuzz.h"

#include "embedded.h"

#include <stdlib.h>

const char fuzz_target_name[] = "bank";

/* Answers every question with its first option (or the lowest value) through the setters. */
static void answer_everything(const cq_model *model, cq_answers *answers)
{
    cq_error err;
    for (size_t q = 0; q < cq_model_question_count(model); q++) {
        cq_status st = cq_question_type_of(model, q) == CQ_SCALE
                           ? cq_answers_set_scale(answers, q, cq_scale_min(model, q), &err)
                           : cq_answers_set_option(answers, q, 0, &err);
        if (st != CQ_OK)
            abort();
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    cq_source bank = {"questions/bank.json", (const char *)data, size};
    cq_model *model = FUZZ_UNSET;
    cq_error err;
    cq_status st = cq_model_load(fuzz_context(), &bank, 1, cq_embedded_profiles,
                                 cq_embedded_profiles_count, &model, &err);
    /* Positions are only ever given for the bank here: the profiles are the built-in ones. */
    fuzz_check_in(st, &err, data, size);
    if (st != CQ_OK) {
        if (model != FUZZ_UNSET)
            abort();
        return 0;
    }
    char *json = NULL;
    size_t length = 0;
    st = cq_questions_to_json(model, &json, &length, &err);
    fuzz_view(st, &err, json, length);
    cq_answers *answers = NULL;
    if (cq_answers_new(model, &answers, &err) != CQ_OK)
        abort();
    answer_everything(model, answers);
    fuzz_score_and_print(model, answers, fuzz_sample(data, size));
    fuzz_round_trip(model, answers);
    cq_answers_free(answers);
    cq_model_free(model);
    return 0;
}
