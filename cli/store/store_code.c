/* store_code.c: finds a stored result by its code; counts results, and notices new ones. */

#include <stdlib.h>
#include <string.h>

#include "exitcode.h"
#include "diagnostics.h"
#include "store_code.h"
#include "store_internal.h"

static const char find_sql[] =
    "SELECT taken_at, event, bank_digest, answers FROM results WHERE code = ?1";

/* A malloc'd copy of column i, or NULL for NULL. Sets *nomem when the copy fails. */
static char *column_copy(sqlite3_stmt *stmt, int i, bool *nomem)
{
    const unsigned char *text = sqlite3_column_text(stmt, i);
    char *copy = text ? strdup((const char *)text) : NULL;

    if (text && !copy)
        *nomem = true;
    return copy;
}

int store_find_code(store *s, const char *code, bool *found, struct store_found *out)
{
    sqlite3_stmt *stmt = NULL;
    bool nomem = false;
    int rc = sqlite3_prepare_v2(s->db, find_sql, -1, &stmt, NULL);

    memset(out, 0, sizeof *out);
    *found = false;
    if (rc == SQLITE_OK)
        rc = sqlite3_bind_text(stmt, 1, code, -1, SQLITE_STATIC);
    if (rc == SQLITE_OK)
        rc = sqlite3_step(stmt);
    if (rc == SQLITE_ROW) {
        out->taken_at = column_copy(stmt, 0, &nomem);
        out->event = column_copy(stmt, 1, &nomem);
        out->bank_digest = column_copy(stmt, 2, &nomem);
        out->answers = column_copy(stmt, 3, &nomem);
        nomem = nomem || !out->taken_at || !out->bank_digest || !out->answers;
        *found = !nomem;
        rc = SQLITE_DONE;
    }
    if (rc != SQLITE_DONE) {
        int exit_code = store_fail(s, rc, "cannot read results database");
        sqlite3_finalize(stmt);
        return exit_code;
    }
    sqlite3_finalize(stmt);
    if (nomem) {
        store_found_release(out);
        return cli_report(CQ_ERR_NOMEM, NULL);
    }
    return CLI_EXIT_OK;
}

void store_found_release(struct store_found *out)
{
    free(out->taken_at);
    free(out->event);
    free(out->bank_digest);
    free(out->answers);
    memset(out, 0, sizeof *out);
}

/* Runs a one-row query of one integer, with event (may be NULL) as ?1 when it has a ?1. */
static int query_count(store *s, const char *sql, const char *event, long long *value)
{
    sqlite3_stmt *stmt = NULL;
    int rc = sqlite3_prepare_v2(s->db, sql, -1, &stmt, NULL);

    if (rc == SQLITE_OK && sqlite3_bind_parameter_count(stmt) > 0)
        rc = event ? sqlite3_bind_text(stmt, 1, event, -1, SQLITE_STATIC)
                   : sqlite3_bind_null(stmt, 1);
    if (rc == SQLITE_OK)
        rc = sqlite3_step(stmt);
    if (rc == SQLITE_ROW) {
        *value = sqlite3_column_int64(stmt, 0);
        rc = SQLITE_OK;
    }
    sqlite3_finalize(stmt);
    return rc == SQLITE_OK ? CLI_EXIT_OK : store_fail(s, rc, "cannot read results database");
}

int store_count(store *s, const char *event, long long *count)
{
    return query_count(s, "SELECT count(*) FROM results WHERE ?1 IS NULL OR event = ?1", event,
                       count);
}

int store_data_version(store *s, long long *version)
{
    return query_count(s, "PRAGMA data_version", NULL, version);
}
