/* fuzz_resume.c: fuzz input as a saved quiz read by `take --resume`: stream, parse, resume. */
#include "fuzz.h"

#include <stdio.h>
#include <stdlib.h>

const char fuzz_target_name[] = "resume";

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const cq_model *model = fuzz_model();
    /* take --resume reads a FILE; fmemopen gives one over the input (glibc allows size 0). */
    static uint8_t nothing[1];
    FILE *fp = fmemopen(size ? (void *)data : nothing, size, "rb");
    if (!fp)
        abort();
    char *text = NULL;
    size_t length = 0;
    cq_error err;
    cq_status st = cq_read_stream(fuzz_context(), fp, "saved.json", CQ_MAX_ANSWERS_BYTES, &text,
                                  &length, &err);
    fclose(fp);
    fuzz_check(st, &err);
    if (st != CQ_OK)
        return 0;
    if (length != size)
        abort();
    cq_answers *answers = NULL;
    st = cq_answers_parse(model, "saved.json", text, length, &answers, &err);
    cq_free(fuzz_context(), text);
    fuzz_check_in(st, &err, data, size);
    if (st != CQ_OK)
        return 0;
    /* Where the quiz would carry on, and whether it could finish now. */
    size_t next = cq_answers_first_unanswered(answers);
    size_t n = cq_model_question_count(model);
    if (next > n || (next < n && cq_answers_has(answers, next)))
        abort();
    if (cq_answers_complete(answers)) {
        for (size_t q = 0; q < n; q++)
            if (cq_question_required(model, q) && !cq_answers_has(answers, q))
                abort();
    }
    fuzz_round_trip(model, answers);
    cq_answers_free(answers);
    return 0;
}
