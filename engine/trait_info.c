/* trait_info.c: read-only getters for traits, and finding a trait by its id. */
#include "internal.h"

#include <string.h>

size_t cq_model_trait_count(const cq_model *model)
{
    return model->trait_count;
}

const char *cq_trait_id(const cq_model *model, size_t trait)
{
    return trait < model->trait_count ? model->traits[trait].id : NULL;
}

const char *cq_trait_name(const cq_model *model, size_t trait)
{
    return trait < model->trait_count ? model->traits[trait].name : NULL;
}

bool cq_trait_is_level(const cq_model *model, size_t trait)
{
    return trait < model->trait_count && model->traits[trait].level;
}

const char *cq_trait_group(const cq_model *model, size_t trait)
{
    return trait < model->trait_count ? model->traits[trait].group : NULL;
}

size_t cq_model_find_trait(const cq_model *model, const char *id)
{
    for (size_t i = 0; id && i < model->trait_count; i++)
        if (strcmp(model->traits[i].id, id) == 0)
            return i;
    return CQ_NONE;
}
