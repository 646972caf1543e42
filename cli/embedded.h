/* embedded.h: the default bank and profiles compiled into the binary (build/gen/embedded_data.c).
 */
#ifndef CQ_CLI_EMBEDDED_H
#define CQ_CLI_EMBEDDED_H

#include <stddef.h>

#include "careerquiz.h"

/*
 * Generated at build time by cli/gen_embedded.c from questions/[*].json and
 * profiles/[*].json. Each group is in byte order of its names ("questions/bank.json",
 * "profiles/ml-engineer.json", ...); each data buffer is followed by a NUL that size leaves
 * out. Only the first *_count entries are real. Everything here is static, read-only data.
 */
extern const cq_source cq_embedded_bank[];
extern const size_t cq_embedded_bank_count;
extern const cq_source cq_embedded_profiles[];
extern const size_t cq_embedded_profiles_count;

#endif /* CQ_CLI_EMBEDDED_H */
