/* store_read.c: prepares the filtered queries stats and export run on the results database. */

#include "exitcode.h"
#include "store_read.h"

int store_prepare_filtered(store *s, const char *sql, const struct store_filter *filter,
                           sqlite3_stmt **out)
{
    sqlite3 *db = store_sqlite(s);
    sqlite3_stmt *stmt = NULL;
    int rc = sqlite3_prepare_v2(db, sql, -1, &stmt, NULL);

    if (rc == SQLITE_OK)
        rc = filter->event ? sqlite3_bind_text(stmt, 1, filter->event, -1, SQLITE_STATIC)
                           : sqlite3_bind_null(stmt, 1);
    if (rc == SQLITE_OK)
        rc = filter->since ? sqlite3_bind_text(stmt, 2, filter->since, -1, SQLITE_STATIC)
                           : sqlite3_bind_null(stmt, 2);
    if (rc != SQLITE_OK) {
        sqlite3_finalize(stmt);
        return store_fail(s, rc, "cannot read results database");
    }
    *out = stmt;
    return CLI_EXIT_OK;
}
