/* builtin_model.c: cq_model_load_default, the model of the shipped bank and profiles that the
 * build loaded, checked and wrote into the library (engine/tools/gen_builtin_model.c). */
#include "internal.h"

cq_status cq_model_load_default(cq_context *ctx, cq_model **out, cq_error *err)
{
    if (!ctx || !out)
        return cq__fail(err, CQ_ERR_ARG, NULL, NULL, "invalid argument to cq_model_load_default");
    cq_model *m = cq__alloc(ctx, sizeof *m);
    if (!m)
        return cq__fail(err, CQ_ERR_NOMEM, NULL, NULL, "out of memory loading the model");
    /* The content stays in the library's read-only data; only the handle is the caller's. */
    *m = cq__builtin_model;
    m->ctx = ctx;
    cq__arena_init(&m->arena, ctx);
    *out = m;
    return CQ_OK;
}
