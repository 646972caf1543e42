/* cmd_export.c: the export command: every stored result as a CSV row or a JSON line. */

#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "csv.h"
#include "export.h"
#include "exitcode.h"
#include "json_write.h"
#include "output.h"
#include "diagnostics.h"
#include "store_read.h"

/* The result's own columns, before one score column per role. */
static const char rows_sql[] =
    "SELECT r.id, r.taken_at, r.event, r.bank_version, r.bank_digest, r.recommended, r.margin, "
    "r.close_call, r.answers FROM results AS r WHERE " STORE_FILTER_SQL " ORDER BY r.id";
static const char *const row_columns[] = {"id",           "taken_at",    "event",
                                          "bank_version", "bank_digest", "recommended",
                                          "margin",       "close_call",  "answers"};
#define ROW_COLUMNS (sizeof row_columns / sizeof row_columns[0])
static const char roles_sql[] = "SELECT DISTINCT role FROM scores ORDER BY role";
static const char scores_sql[] =
    "SELECT role, score FROM scores WHERE result_id = ?1 ORDER BY role";
/* JSON Lines: SQLite builds each object; answers and scores are nested JSON, not strings. */
static const char jsonl_sql[] =
    "SELECT json_object('id', r.id, 'taken_at', r.taken_at, 'event', r.event, 'bank_version', "
    "r.bank_version, 'bank_digest', r.bank_digest, 'recommended', r.recommended, 'margin', "
    "r.margin, 'close_call', json(CASE r.close_call WHEN 1 THEN 'true' ELSE 'false' END), "
    "'answers', json(r.answers), 'scores', (SELECT json_group_object(role, score) FROM (SELECT "
    "role, score FROM scores AS s WHERE s.result_id = r.id ORDER BY role))) FROM results AS r "
    "WHERE " STORE_FILTER_SQL " ORDER BY r.id";

struct roles {
    char **ids;
    size_t count;
};

static void roles_release(struct roles *roles)
{
    for (size_t i = 0; i < roles->count; i++)
        free(roles->ids[i]);
    free(roles->ids);
}

/* The role ids that have scores, in byte order: the score columns. */
static int read_roles(store *s, struct roles *roles)
{
    sqlite3_stmt *stmt = NULL;
    int rc = sqlite3_prepare_v2(store_sqlite(s), roles_sql, -1, &stmt, NULL);
    char **grown;

    while (rc == SQLITE_OK && (rc = sqlite3_step(stmt)) == SQLITE_ROW) {
        const char *id = (const char *)sqlite3_column_text(stmt, 0);

        grown = realloc(roles->ids, (roles->count + 1) * sizeof *grown);
        if (!grown || !(grown[roles->count] = strdup(id ? id : ""))) {
            if (grown)
                roles->ids = grown;
            sqlite3_finalize(stmt);
            cli_error("out of memory");
            return CLI_EXIT_SOFTWARE;
        }
        roles->ids = grown;
        roles->count++;
        rc = SQLITE_OK;
    }
    sqlite3_finalize(stmt);
    return rc == SQLITE_DONE ? CLI_EXIT_OK : store_fail(s, rc, "cannot read results database");
}

static const char *text_of(sqlite3_stmt *stmt, int column)
{
    const unsigned char *text = sqlite3_column_text(stmt, column);

    return text ? (const char *)text : "";
}

/* The score cells of result `id`, one per role column (empty when the row has no such role). */
static int write_scores(FILE *out, store *s, sqlite3_stmt *scores, sqlite3_int64 id,
                        const struct roles *roles)
{
    size_t column = 0;
    int rc = sqlite3_bind_int64(scores, 1, id);

    while (rc == SQLITE_OK && (rc = sqlite3_step(scores)) == SQLITE_ROW) {
        const char *role = text_of(scores, 0);

        for (; column < roles->count && strcmp(roles->ids[column], role) < 0; column++)
            csv_field(out, false, "");
        if (column < roles->count && strcmp(roles->ids[column], role) == 0) {
            csv_number(out, false, sqlite3_column_double(scores, 1), 1);
            column++;
        }
        rc = SQLITE_OK;
    }
    sqlite3_reset(scores);
    for (; column < roles->count; column++)
        csv_field(out, false, "");
    return rc == SQLITE_DONE ? CLI_EXIT_OK : store_fail(s, rc, "cannot read results database");
}

int export_write_csv(store *s, const struct store_filter *filter, FILE *out)
{
    struct roles roles = {NULL, 0};
    sqlite3_stmt *rows = NULL, *scores = NULL;
    char number[32];
    int rc = SQLITE_OK, code = read_roles(s, &roles);

    if (code == CLI_EXIT_OK)
        code = store_prepare_filtered(s, rows_sql, filter, &rows);
    if (code == CLI_EXIT_OK &&
        (rc = sqlite3_prepare_v2(store_sqlite(s), scores_sql, -1, &scores, NULL)) != SQLITE_OK)
        code = store_fail(s, rc, "cannot read results database");
    if (code == CLI_EXIT_OK) {
        for (size_t i = 0; i < ROW_COLUMNS; i++)
            csv_field(out, i == 0, row_columns[i]);
        for (size_t i = 0; i < roles.count; i++) {
            snprintf(number, sizeof number, "score:%s", roles.ids[i]);
            csv_field(out, false, number);
        }
        csv_end(out);
    }
    while (code == CLI_EXIT_OK && (rc = sqlite3_step(rows)) == SQLITE_ROW) {
        for (int i = 0; i < (int)ROW_COLUMNS; i++) {
            if (i == 6) /* margin: one decimal, as stored */
                csv_number(out, false, sqlite3_column_double(rows, i), 1);
            else
                csv_field(out, i == 0, text_of(rows, i));
        }
        code = write_scores(out, s, scores, sqlite3_column_int64(rows, 0), &roles);
        csv_end(out);
        if (out == stdout ? cli_stdout_failed() : ferror(out) != 0)
            code = CLI_EXIT_IO; /* reported when stdout is closed, or by the caller */
    }
    if (code == CLI_EXIT_OK && rc != SQLITE_DONE)
        code = store_fail(s, rc, "cannot read results database");
    sqlite3_finalize(rows);
    sqlite3_finalize(scores);
    roles_release(&roles);
    return code;
}

static int write_jsonl(store *s, const struct store_filter *filter)
{
    sqlite3_stmt *rows = NULL;
    int rc = SQLITE_OK, code = store_prepare_filtered(s, jsonl_sql, filter, &rows);

    while (code == CLI_EXIT_OK && (rc = sqlite3_step(rows)) == SQLITE_ROW) {
        const char *json = text_of(rows, 0);

        json_write_safe(stdout, json, strlen(json)); /* database values are outside input */
        putchar('\n');
        if (cli_stdout_failed())
            code = CLI_EXIT_IO;
    }
    if (code == CLI_EXIT_OK && rc != SQLITE_DONE)
        code = store_fail(s, rc, "cannot read results database");
    sqlite3_finalize(rows);
    return code;
}

int cmd_export(struct cli_env *env, int argc, char **argv)
{
    const struct cli_options *o = env->options;
    struct store_filter filter = {o->event, o->since};
    store *s = NULL;
    int code;

    (void)argc;
    (void)argv;
    if (o->format == CLI_FORMAT_JSON) {
        cli_error("export writes csv or jsonl, not json (use --format jsonl)");
        return CLI_EXIT_USAGE;
    }
    code = store_open_existing(o->db, &s);
    if (code != CLI_EXIT_OK)
        return code;
    /* One read transaction: the rows and their scores come from the same moment. */
    if (sqlite3_exec(store_sqlite(s), "BEGIN", NULL, NULL, NULL) != SQLITE_OK)
        code = store_fail(s, sqlite3_errcode(store_sqlite(s)), "cannot read results database");
    else if (o->table == CLI_TABLE_JSONL)
        code = write_jsonl(s, &filter);
    else
        code = export_write_csv(s, &filter, stdout);
    store_close(s);
    return code;
}
