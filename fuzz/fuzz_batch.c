/* fuzz_batch.c: fuzz input as `careerquiz batch` input: each line parsed, scored, written. */
#include "fuzz.h"

#include "batch_line.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char fuzz_target_name[] = "batch";

/* Scores one line as batch does and checks the JSON line it writes. */
static void one_line(struct batch_json *writer, const char *line, size_t len, unsigned long number,
                     bool filter)
{
    cq_score_options options = {.size = sizeof options, .education_filter = filter};
    cq_result *result = FUZZ_UNSET;
    cq_error err;
    cq_status st = batch_score_line(fuzz_model(), &options, "<stdin>", line, len, &result, &err);
    fuzz_check_in(st, &err, (const uint8_t *)line, len);
    if (st != CQ_OK) {
        if (result != FUZZ_UNSET)
            abort();
        return;
    }
    char *text = NULL;
    size_t size = 0;
    FILE *out = open_memstream(&text, &size);
    if (!out || !batch_json_write(writer, out, result, number) || fclose(out) != 0)
        abort();
    /* One line of strict JSON, ending in its newline. */
    if (size < 2 || text[size - 1] != '\n' || memchr(text, '\n', size - 1))
        abort();
    fuzz_check_output(text, size);
    free(text);
    cq_result_free(result);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct batch_json writer;
    if (!batch_json_init(&writer, fuzz_model()))
        abort();
    const char *p = (const char *)data, *end = p + size;
    unsigned long number = 0;
    bool filter = fuzz_sample(data, size);
    while (p < end) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        size_t len = nl ? (size_t)(nl - p) : (size_t)(end - p);
        number++;
        if (!batch_line_blank(p, len))
            one_line(&writer, p, len, number, filter);
        p += len + (nl != NULL);
    }
    batch_json_release(&writer);
    return 0;
}
