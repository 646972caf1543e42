/* fuzz_store.c: fuzz input as the contents of a results database: lines that are answers are
 * stored as batch stores them, other lines go in raw, as another program (or a damaged file)
 * might have written them, and "P" lines become pending results for the next writer to store.
 * Then stats (text, JSON, CSV, HTML) and export (CSV, JSON Lines) read it all. */
#include "fuzz.h"

#include "batch_line.h"
#include "cli.h"
#include "store_pending.h"
#include "store_sqlite.h" /* raw rows go in through the SQLite backend's handle */

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

const char fuzz_target_name[] = "store";

/* A line put into every text column of a result row, as it is (answers as JSON when it is). */
static const char raw_row_sql[] =
    "INSERT INTO results (taken_at, event, bank_version, bank_digest, answers, recommended, "
    "margin, close_call) VALUES (?1, ?1, ?1, ?1, CASE WHEN json_valid(?1) THEN json(?1) ELSE ?1 "
    "END, ?1, length(?1), length(?1) % 2)";
static const char raw_score_sql[] = "INSERT OR IGNORE INTO scores (result_id, role, score, rank) "
                                    "VALUES (last_insert_rowid(), ?1, length(?1), NULL)";

static void raw_row(sqlite3 *db, const char *line, size_t len)
{
    for (int i = 0; i < 2; i++) {
        sqlite3_stmt *stmt = NULL;
        if (sqlite3_prepare_v2(db, i ? raw_score_sql : raw_row_sql, -1, &stmt, NULL) != SQLITE_OK)
            fuzz_fail("cannot prepare a raw row: %s", sqlite3_errmsg(db));
        sqlite3_bind_text(stmt, 1, line, (int)len, SQLITE_TRANSIENT);
        sqlite3_step(stmt); /* a constraint may refuse it: that is the database's right */
        sqlite3_finalize(stmt);
    }
}

/* Writes a pending result file beside the database (the next writer stores it). */
static void pending_file(const char *db, const char *text, size_t len, unsigned long number)
{
    char path[1024];
    snprintf(path, sizeof path, "%s.pending", db);
    mkdir(path, 0700);
    snprintf(path, sizeof path, "%s.pending/20260101T000000Z-1-%lu.json", db, number);
    FILE *fp = fopen(path, "wb");
    if (!fp || fwrite(text, 1, len, fp) != len || fclose(fp) != 0)
        fuzz_fail("cannot write the pending file %s: %s", path, strerror(errno));
}

/* Fills a new database from the input's lines. */
static void fill(const char *db, const uint8_t *data, size_t size)
{
    store *s = NULL;
    struct store_error store_err;
    if (store_open(db, NULL, &s, &store_err) != 0)
        fuzz_fail("cannot make the database to fill: %s", store_err.message);
    const char *p = (const char *)data, *end = p + size;
    unsigned long number = 0;
    while (p < end) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        size_t len = nl ? (size_t)(nl - p) : (size_t)(end - p);
        cq_result *result = NULL;
        cq_error err;
        number++;
        if (len > 0 && p[0] == 'P')
            pending_file(db, p + 1, len - 1, number);
        else if (batch_score_line(fuzz_model(), NULL, "<line>", p, len, &result, &err) == CQ_OK)
            store_add(s, number % 3 ? NULL : "fair", fuzz_model(), cq_result_answers(result),
                      result, &store_err);
        else
            raw_row(sqlite_of(s)->db, p, len);
        cq_result_free(result);
        p += len + (nl != NULL);
    }
    store_close(s);
}

/* Runs a command on the database, catching what it writes; checks the sanitiser's promise,
 * and that a JSON output that succeeded is strict JSON (each line, for JSON Lines). */
static void run(int (*command)(struct cli_env *, int, char **), struct cli_options *o,
                const char *what, bool crlf, bool json, bool lines)
{
    struct cli_env env = {o, {false, false}, fuzz_context(), (cq_model *)fuzz_model()};
    struct fuzz_capture capture;
    size_t size;
    fuzz_capture_begin(&capture);
    int code = command(&env, 0, NULL);
    char *text = fuzz_capture_end(&capture, &size);
    fuzz_check_shown(what, text, size, crlf);
    if (code == 0 && json && !lines)
        fuzz_check_output(text, size);
    for (char *line = text, *nl; code == 0 && lines && *line; line = nl + 1) {
        if (!(nl = strchr(line, '\n')))
            fuzz_fail("%s: a record does not end with a newline: %.200s", what, line);
        *nl = '\0';
        fuzz_check_output(line, (size_t)(nl - line));
    }
    free(text);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char db[512], path[600];
    snprintf(db, sizeof db, "%s/results.db", fuzz_scratch_dir());
    fill(db, data, size);
    /* A writer opening it stores the pending results (or says why it cannot). */
    store *s = NULL;
    struct fuzz_capture capture;
    fuzz_capture_begin(&capture);
    int opened = results_open(db, NULL, &s);
    store_close(s);
    char *said = fuzz_capture_end(&capture, &size);
    fuzz_check_shown("storing pending results", said, size, false);
    if (opened != 0)
        fuzz_fail("a writer cannot open the filled database (exit %d): %s", opened, said);
    free(said);

    struct cli_options o = {.format = CLI_FORMAT_TEXT, .db = db, .dbs = {db}, .db_count = 1};
    run(cmd_stats, &o, "stats", false, false, false);
    o.format = CLI_FORMAT_JSON;
    run(cmd_stats, &o, "stats --json", false, true, false);
    o.format = CLI_FORMAT_HTML;
    run(cmd_stats, &o, "stats --format html", false, false, false);
    o.format = CLI_FORMAT_TEXT;
    o.table = CLI_TABLE_CSV;
    run(cmd_stats, &o, "stats --format csv", true, false, false);
    run(cmd_export, &o, "export", true, false, false);
    o.table = CLI_TABLE_JSONL;
    run(cmd_export, &o, "export --format jsonl", false, false, true);
    o.table = CLI_TABLE_NONE;
    o.event = "fair";
    run(cmd_stats, &o, "stats --event fair", false, false, false);

    unlink(db);
    snprintf(path, sizeof path, "%s-wal", db);
    unlink(path);
    snprintf(path, sizeof path, "%s-shm", db);
    unlink(path);
    snprintf(path, sizeof path, "%s.pending", db);
    fuzz_remove_tree(path);
    return 0;
}
