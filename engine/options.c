/* options.c: reads an options struct whose first field is its size, as the caller was built. */
#include "internal.h"

#include <string.h>

cq_status cq__options_read(const void *options, size_t oldest, size_t known, void *copy,
                           const char *what, cq_error *err)
{
    size_t size;
    memcpy(&size, options, sizeof size);
    if (size < oldest)
        return cq__fail(err, CQ_ERR_ARG, NULL, NULL,
                        "%s: size is %zu; set it to sizeof the struct (%zu)", what, size, known);
    /* A newer caller's fields beyond ours must be unset: we would ignore them otherwise. */
    const unsigned char *bytes = options;
    for (size_t i = known; i < size; i++)
        if (bytes[i])
            return cq__fail(err, CQ_ERR_ARG, NULL, NULL,
                            "%s: a field this library (%s) does not know is set", what,
                            cq_version());
    memset(copy, 0, known);
    memcpy(copy, options, size < known ? size : known);
    memcpy(copy, &known, sizeof known);
    return CQ_OK;
}
