/* fuzz.h: what the fuzz targets share: the real data, and checks that abort on a broken promise. */
#ifndef CQ_FUZZ_H
#define CQ_FUZZ_H

#include "internal.h"

#include <stddef.h>
#include <stdint.h>

/* Says on stderr which promise broke ("fuzz: ..."), then aborts: CI prints these lines, so a
 * crash on a machine that is gone still says what happened. */
_Noreturn void fuzz_fail(const char *format, ...) __attribute__((format(printf, 1, 2)));

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

/*
 * Aborts unless text shows no control character raw, as the CLI promises for every output path:
 * decoded as UTF-8 (checked here, apart from cli/safe_text.c), nothing below 0x20 but newline
 * and tab (and CR before LF when crlf is set, for CSV records), no DEL, no C1 control, no
 * bidirectional override, no byte that is not UTF-8. `what` names the output in the message.
 */
void fuzz_check_shown(const char *what, const char *text, size_t size, bool crlf);

/* Standard output and error of the CLI code under test, caught in a temporary file. */
struct fuzz_capture {
    int saved_out, saved_err;
    FILE *file;
};

/* Sends fds 1 and 2 into a new temporary file (and flushes stdio first). Aborts on failure. */
void fuzz_capture_begin(struct fuzz_capture *capture);

/* Puts fds 1 and 2 back and returns what was written, malloc'd and NUL-terminated. */
char *fuzz_capture_end(struct fuzz_capture *capture, size_t *size);

/* A folder of this process for files a target makes (databases, reports): in /dev/shm when
 * there is one, so that SQLite's fsyncs cost nothing. Made once per process; removed with what
 * is in it when the process exits. */
const char *fuzz_scratch_dir(void);

/* Removes path and everything below it (a scratch folder's contents). */
void fuzz_remove_tree(const char *path);

#endif /* CQ_FUZZ_H */
