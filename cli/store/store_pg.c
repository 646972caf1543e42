/* store_pg.c: the PostgreSQL backend of the results store: connects with libpq to the server a
 * postgresql:// URI names, runs statements, and turns their failures into store errors. */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "exitcode.h"
#include "store_pg.h"

/* Seconds to wait for a server that does not answer, unless the URI says otherwise. */
#define PG_CONNECT_TIMEOUT "10"

PGresult *pg_run(struct pg_store *s, const char *sql, int n, const char *const *values)
{
    PGresult *res = PQexecParams(s->conn, sql, n, NULL, values, NULL, NULL, 0);

    return res ? res : PQmakeEmptyPGresult(s->conn, PGRES_FATAL_ERROR);
}

bool pg_ok(const PGresult *res)
{
    ExecStatusType status = PQresultStatus(res);

    return status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK;
}

/* Copies the first line of text into out, each control byte shown as a space: server messages
 * are outside input and go to a terminal. */
static void first_line(const char *text, char *out, size_t size)
{
    size_t n = 0;

    for (; text && *text == ' '; text++)
        ;
    for (; text && text[n] && text[n] != '\n' && n + 1 < size; n++)
        out[n] = (unsigned char)text[n] < 0x20 || text[n] == 0x7f ? ' ' : text[n];
    out[n] = '\0';
}

int pg_fail(struct pg_store *s, const PGresult *res, const char *what, struct store_error *err)
{
    const char *primary = res ? PQresultErrorField(res, PG_DIAG_MESSAGE_PRIMARY) : NULL;
    const char *state = res ? PQresultErrorField(res, PG_DIAG_SQLSTATE) : NULL;
    char detail[512];

    first_line(primary ? primary : PQerrorMessage(s->conn), detail, sizeof detail);
    if (!detail[0])
        snprintf(detail, sizeof detail, "the server gave no reason");
    store_error_set(err, 0, "%s (%s): %s", what, detail, s->base.path);
    /* SQLSTATE class 22 (data exception) and 23 (integrity constraint): the data was refused. */
    if (state && (strncmp(state, "22", 2) == 0 || strncmp(state, "23", 2) == 0))
        return CLI_EXIT_DATA;
    return CLI_EXIT_IO;
}

int pg_command(struct pg_store *s, const char *sql, const char *what, struct store_error *err)
{
    PGresult *res = PQexec(s->conn, sql); /* may hold several statements (DDL) */
    int code;

    if (!res)
        res = PQmakeEmptyPGresult(s->conn, PGRES_FATAL_ERROR);
    code = pg_ok(res) ? CLI_EXIT_OK : pg_fail(s, res, what, err);

    PQclear(res);
    return code;
}

/* The server's notices ("table exists, skipping") are not for the person: the store never
 * prints. */
static void ignore_notice(void *arg, const char *message)
{
    (void)arg;
    (void)message;
}

static void pg_close(store *base)
{
    struct pg_store *s = pg_of(base);

    PQfinish(s->conn); /* the server rolls back an open transaction */
    free(s->base.path);
    free(s);
}

static const struct store_backend pg_backend = {
    pg_close,        pg_add_row,     pg_begin,     pg_commit, pg_read_begin,   pg_read_roles,
    pg_read_results, pg_read_counts, pg_find_code, pg_count,  pg_data_version, pg_add_pending,
};

int store_pg_open(const char *uri, bool create, store **out, struct store_error *err)
{
    /* The URI comes after the default timeout, so that its own connect_timeout wins. */
    const char *const keys[] = {"connect_timeout", "fallback_application_name", "dbname", NULL};
    const char *const values[] = {PG_CONNECT_TIMEOUT, "careerquiz", uri, NULL};
    struct pg_store *s = calloc(1, sizeof *s);
    int code;

    if (!s || !(s->base.path = store_server_name(uri))) {
        free(s);
        return store_error_set(err, CLI_EXIT_SOFTWARE, "out of memory");
    }
    s->base.ops = &pg_backend;
    s->conn = PQconnectdbParams(keys, values, 1);
    if (!s->conn) {
        pg_close(&s->base);
        return store_error_set(err, CLI_EXIT_SOFTWARE, "out of memory");
    }
    if (PQstatus(s->conn) != CONNECTION_OK) {
        code = pg_fail(s, NULL, "cannot connect to the results database", err);
        pg_close(&s->base);
        return code;
    }
    PQsetNoticeProcessor(s->conn, ignore_notice, NULL);
    code = pg_schema_check(s, create, err);
    if (code != CLI_EXIT_OK) {
        pg_close(&s->base);
        return code;
    }
    *out = &s->base;
    return CLI_EXIT_OK;
}
