/* fuzz_answers.c: fuzz input as an answers file: parse, validate, score, write JSON, re-read. */
#include "fuzz.h"

#include <stdlib.h>

const char fuzz_target_name[] = "answers";

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const cq_model *model = fuzz_model();
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
