/* store_schema.c: what both backends' schema checks share: the SQL that is the same in both
 * dialects, the migration steps' messages, and the refusals of a database that is not ours. */

#include <stdio.h>

#include "exitcode.h"
#include "store_backend.h"

const char *const store_step_what[STORE_SCHEMA_VERSION] = {
    "cannot create the results tables",
    "cannot add result codes to the results database",
};

int store_refuse_foreign(const store *s, const char *why, struct store_error *err)
{
    return store_error_set(err, CLI_EXIT_DATA, "not a careerquiz results database (%s): %s", why,
                           s->path);
}

int store_refuse_newer(const store *s, long long version, struct store_error *err)
{
    return store_error_set(err, CLI_EXIT_DATA,
                           "results database has schema version %lld, newer than this "
                           "careerquiz's %d (use a newer careerquiz): %s",
                           version, STORE_SCHEMA_VERSION, s->path);
}

int store_check_columns(const store *s, long long version, long long columns,
                        struct store_error *err)
{
    char why[96];

    if (columns == STORE_COLUMNS_V1 + (version >= 2))
        return CLI_EXIT_OK;
    snprintf(why, sizeof why, "its schema version is %lld but the results tables are missing",
             version);
    return store_refuse_foreign(s, why, err);
}
