/* fuzz.h: what the fuzz targets share: the real data, and checks that abort on a broken promise. */
#ifndef CQ_FUZZ_H
#define CQ_FUZZ_H

#include "internal.h"

#include <stddef.h>
#include <stdint.h>

/* libFuzzer calls this once per input; the replay driver (fuzz/replay.c) does too. */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The target's name ("answers", "bank", ...): the replay driver reads its seed folders from
 * fuzz/seeds.txt under this name. Each target defines it. */
extern const char fuzz_target_name[];

/* A context with the C library's allocator, made once; never freed (the process ends). */
cq_context *fuzz_context(void);
/* The model of the built-in data, loaded once. Aborts when it does not load. */
const cq_model *fuzz_model(void);

/*
 * Aborts unless `status` keeps the engine's promises: every failure is a known status with a
 * message (and a line:column for malformed JSON), and never CQ_ERR_NOMEM or CQ_ERR_ARG, since
 * the allocator cannot fail and the arguments are right.
 */
void fuzz_check(cq_status status, const cq_error *err);

/* Like fuzz_check for a call that read `size` bytes of `data`: a line:column it reports must
 * lie inside the text. */
void fuzz_check_in(cq_status status, const cq_error *err, const uint8_t *data, size_t size);

/* Stands for "not set" in an output parameter: a failed call must leave it alone. */
#define FUZZ_UNSET ((void *)&fuzz_unset)
extern char fuzz_unset;

/* Aborts unless text (size bytes, NUL-terminated) is strict JSON, as every output must be. */
void fuzz_check_output(const char *text, size_t size);

/* Aborts unless a call that writes a JSON view (status) succeeded, as it must on a loaded model,
 * and gave strict JSON; then frees the text. */
void fuzz_view(cq_status status, const cq_error *err, char *json, size_t size);

/*
 * Scores answers (with and without the education filter) and, when `views` is set, writes
 * every JSON view of the result, checking each step. The views search for what-if changes,
 * which rescores the answers hundreds of times, so targets ask for them on a sample.
 */
void fuzz_score_and_print(const cq_model *model, const cq_answers *answers, bool views);

/* True for one input in 8, always the same ones (a hash of the bytes), so that libFuzzer sees
 * the same coverage each time it runs an input; true for every input when `fuzz_every_input`
 * is set (the replay driver sets it: there are few inputs, and each should go everywhere). */
bool fuzz_sample(const uint8_t *data, size_t size);
extern bool fuzz_every_input;

/* Writes answers to JSON, reads them back and aborts unless the two sets are the same. */
void fuzz_round_trip(const cq_model *model, const cq_answers *answers);

#endif /* CQ_FUZZ_H */
