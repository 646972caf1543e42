/* fuzz_profile.c: fuzz input as one role profile, loaded with the real bank and other roles. */
#include "fuzz.h"

#include "embedded.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char fuzz_target_name[] = "profile";

/*
 * The file name a profile must have is "profiles/<its id>.json". The input is named after
 * the id it declares (when it declares one), so mutations of every real profile get past
 * that check, and it takes the place of the real profile with that id.
 */
static void name_for(const uint8_t *data, size_t size, char *name, size_t cap, char *id_out)
{
    snprintf(name, cap, "profiles/fuzz.json");
    strcpy(id_out, "fuzz");
    cJSON *root = NULL;
    cq_error err;
    if (cq__json_parse(fuzz_context(), "profile", (const char *)data, size, &root, &err) != CQ_OK)
        return;
    const cJSON *id = cq__json_get(root, "id");
    if (cJSON_IsString(id) && strlen(id->valuestring) <= CQ_MAX_ID_BYTES) {
        snprintf(name, cap, "profiles/%s.json", id->valuestring);
        strcpy(id_out, id->valuestring);
    }
    cJSON_Delete(root);
}

/* Writes every view of every role, and (when `compare`) compares the fuzzed role (`id`) with
 * each other one. */
static void show_roles(const cq_model *model, const char *id, bool compare)
{
    cq_error err;
    char *json = NULL;
    size_t length = 0;
    cq_status st = cq_roles_to_json(model, &json, &length, &err);
    fuzz_view(st, &err, json, length);
    for (size_t role = 0; role < cq_model_role_count(model); role++) {
        st = cq_role_to_json(model, role, &json, &length, &err);
        fuzz_view(st, &err, json, length);
    }
    /* Compared with every other role, the way `careerquiz compare` does. */
    size_t fuzzed = compare ? cq_model_find_role(model, id) : CQ_NONE;
    for (size_t other = 0; fuzzed != CQ_NONE && other < cq_model_role_count(model); other++) {
        if (other == fuzzed)
            continue;
        cq_comparison *comparison = NULL;
        if (cq_compare(model, fuzzed, other, &comparison, &err) != CQ_OK)
            abort();
        st = cq_comparison_to_json(model, comparison, &json, &length, &err);
        fuzz_view(st, &err, json, length);
        cq_comparison_free(comparison);
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char name[CQ_MAX_ID_BYTES + 32], id[CQ_MAX_ID_BYTES + 1];
    name_for(data, size, name, sizeof name, id);
    cq_source profiles[CQ_MAX_ROLES];
    size_t count = 0;
    profiles[count++] = (cq_source){name, (const char *)data, size};
    for (size_t i = 0; i < cq_embedded_profiles_count && count < CQ_MAX_ROLES; i++)
        if (strcmp(cq_embedded_profiles[i].name, name) != 0)
            profiles[count++] = cq_embedded_profiles[i];
    cq_model *model = FUZZ_UNSET;
    cq_error err;
    cq_status st = cq_model_load(fuzz_context(), cq_embedded_bank, cq_embedded_bank_count, profiles,
                                 count, &model, &err);
    if (st != CQ_OK && strcmp(err.file, name) == 0)
        fuzz_check_in(st, &err, data, size);
    else
        fuzz_check(st, &err);
    if (st != CQ_OK) {
        if (model != FUZZ_UNSET)
            abort();
        return 0;
    }
    show_roles(model, id, fuzz_sample(data, size));
    /* Every persona of the real data, scored against the changed roles. */
    cq_answers *answers = NULL;
    if (cq_answers_new(model, &answers, &err) != CQ_OK)
        abort();
    for (size_t q = 0; q < cq_model_question_count(model); q++) {
        st = cq_question_type_of(model, q) == CQ_SCALE
                 ? cq_answers_set_scale(answers, q, cq_scale_max(model, q), &err)
                 : cq_answers_set_option(answers, q, cq_question_option_count(model, q) - 1, &err);
        if (st != CQ_OK)
            abort();
    }
    fuzz_score_and_print(model, answers, fuzz_sample(data, size));
    cq_answers_free(answers);
    cq_model_free(model);
    return 0;
}
