/* store_pending.c: finished quizzes that could not be stored yet, kept in files until a run can
 * store them. */
#define _XOPEN_SOURCE 700 /* realpath */

#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "atomic_file.h"
#include "exitcode.h"
#include "json_write.h"
#include "diagnostics.h"
#include "store_internal.h"
#include "store_pending.h"
#include "xdg_dir.h"

/* A pending file is one row as JSON: far below this. */
#define PENDING_MAX_BYTES 65536
/* Attempts at a free name when others kept a result in the same second. */
#define PENDING_NAME_TRIES 100
/* The folder beside the database: "results.db" keeps its pending results in
 * "results.db.pending/". */
#define PENDING_SUFFIX ".pending"

/*
 * The database's path made absolute, so that a pending file in the state folder names it the
 * same way whatever folder the next run starts in: the folder resolved with realpath when it
 * exists, else joined to the working folder. malloc'd; NULL when out of memory.
 */
static char *absolute_path(const char *path)
{
    char folder[PATH_MAX], *copy = strdup(path), *slash, *out;
    const char *base = path, *dir = ".";
    size_t size;

    if (!copy)
        return NULL;
    slash = strrchr(copy, '/');
    if (slash) {
        *slash = '\0';
        dir = slash == copy ? "/" : copy;
        base = path + (slash - copy) + 1;
    }
    if (!realpath(dir, folder)) {
        if (path[0] == '/' || !getcwd(folder, sizeof folder - 1)) {
            free(copy);
            return strdup(path);
        }
        base = path;
    }
    size = strlen(folder) + strlen(base) + 2;
    out = malloc(size);
    if (out)
        snprintf(out, size, "%s%s%s", folder, strcmp(folder, "/") == 0 ? "" : "/", base);
    free(copy);
    return out;
}

/* The row as a pending file's JSON, in a malloc'd string (NULL when out of memory). */
static char *row_json(const struct store_row *row, const char *database, size_t *size)
{
    char *text = NULL;
    FILE *out = open_memstream(&text, size);

    if (!out)
        return NULL;
    fputs("{\"careerquiz_pending\": 1, \"database\": ", out);
    json_put_string(out, database);
    fputs(", \"taken_at\": ", out);
    json_put_string(out, row->taken_at);
    fputs(", \"code\": ", out);
    json_put_string(out, row->code);
    fputs(", \"event\": ", out);
    if (row->event)
        json_put_string(out, row->event);
    else
        fputs("null", out);
    fputs(", \"bank_version\": ", out);
    json_put_string(out, row->bank_version);
    fputs(", \"bank_digest\": ", out);
    json_put_string(out, row->bank_digest);
    fputs(", \"answers\": ", out);
    fwrite(row->answers, 1, row->answers_size, out);
    fputs(", \"recommended\": ", out);
    json_put_string(out, row->recommended);
    fputs(", \"margin\": ", out);
    json_put_number(out, row->margin, 1);
    fprintf(out, ", \"close_call\": %d, \"scores\": [", row->close_call);
    for (size_t i = 0; i < row->role_count; i++) {
        fputs(i ? ", {\"role\": " : "{\"role\": ", out);
        json_put_string(out, row->scores[i].role);
        fputs(", \"score\": ", out);
        json_put_number(out, row->scores[i].score, 1);
        if (row->scores[i].rank)
            fprintf(out, ", \"rank\": %ld}", row->scores[i].rank);
        else
            fputs(", \"rank\": null}", out);
    }
    fputs("]}\n", out);
    if (ferror(out) | fclose(out)) {
        free(text);
        return NULL;
    }
    return text;
}

/*
 * Writes the pending file into folder under a name of its own (the time, the process, a
 * count), never over another. Returns its malloc'd path, or NULL with errno set.
 */
static char *write_pending(const char *folder, const struct store_row *row, const char *json,
                           size_t size)
{
    static unsigned long made; /* files this process made, so that names differ */
    char stamp[sizeof row->taken_at];
    size_t n = strlen(folder) + 64, j = 0;
    char *path = malloc(n);
    int saved;

    if (!path) {
        errno = ENOMEM;
        return NULL;
    }
    for (const char *p = row->taken_at; *p; p++) /* 2026-05-01T14:03:07Z -> 20260501T140307Z */
        if (*p != '-' && *p != ':')
            stamp[j++] = *p;
    stamp[j] = '\0';
    for (int tries = 0; tries < PENDING_NAME_TRIES; tries++) {
        snprintf(path, n, "%s/%s-%ld-%lu.json", folder, stamp, (long)getpid(), ++made);
        if ((tries == 0 && make_parent_dirs(path, 0700) != 0) ||
            atomic_create_file(path, json, size, NULL) != 0) {
            if (errno == EEXIST)
                continue;
            break;
        }
        return path;
    }
    saved = errno;
    free(path);
    errno = saved;
    return NULL;
}

/* Keeps the row in a pending file for database, beside it unless `beside_ok` is false.
 * Returns its malloc'd path, or NULL after reporting why it could be kept nowhere. */
static char *keep_row(const struct store_row *row, const char *database, bool beside_ok)
{
    char *json, *beside, *state = state_dir("pending"), *path = NULL, reason[128];
    size_t size = 0, n = strlen(database) + sizeof PENDING_SUFFIX;
    int errnum = ENOMEM;

    json = row_json(row, database, &size);
    beside = malloc(n);
    if (json && beside) {
        snprintf(beside, n, "%s%s", database, PENDING_SUFFIX);
        path = beside_ok ? write_pending(beside, row, json, size) : NULL;
        errnum = beside_ok ? errno : ENOENT;
        /* A folder beside the database that cannot be written: the state folder instead. */
        if (!path && state) {
            path = write_pending(state, row, json, size);
            errnum = errno;
        }
    }
    if (!path)
        cli_error("the result could not be kept for later either (%s): %s%s",
                  cli_strerror(errnum, reason, sizeof reason), beside ? beside : database,
                  state ? " and the state folder" : "");
    free(json);
    free(beside);
    free(state);
    return path;
}

enum store_outcome store_or_keep(store *s, int open_code, const char *db_path, const char *event,
                                 const cq_model *model, const cq_answers *answers,
                                 const cq_result *result, char **kept, char *code)
{
    struct store_row row;
    char *database = NULL, *path = NULL, *fallback = NULL;
    enum store_outcome outcome = STORE_LOST;

    if (kept)
        *kept = NULL;
    if (store_row_make(&row, event, model, answers, result) != CLI_EXIT_OK) {
        store_row_release(&row);
        return STORE_LOST;
    }
    if (s && store_add_row(s, &row) == CLI_EXIT_OK) {
        if (code)
            memcpy(code, row.code, sizeof row.code);
        store_row_release(&row);
        return STORE_STORED;
    }
    if (!s && !db_path)
        db_path = fallback = store_default_path();
    database = absolute_path(s ? store_path(s) : db_path ? db_path : "results.db");
    if (database)
        path = keep_row(&row, database, s || open_code != CLI_EXIT_DATA);
    else
        cli_error("out of memory");
    if (path) {
        cli_error("the result is kept in %s; the next careerquiz run that can write to %s "
                  "stores it",
                  path, database);
        outcome = STORE_KEPT;
        if (code)
            memcpy(code, row.code, sizeof row.code);
        if (kept)
            *kept = path;
        else
            free(path);
    }
    free(database);
    free(fallback);
    store_row_release(&row);
    return outcome;
}

/* ---- storing what was kept ------------------------------------------------------------------ */

/* The fields of a pending file, read by SQLite's JSON functions from the file's text (?1). A
 * result that is already there (its run stored it, then stopped before removing the file) is
 * not stored twice. */
static const char insert_pending_sql[] =
    "INSERT INTO results (taken_at, event, bank_version, bank_digest, answers, recommended, "
    "margin, close_call, code) SELECT json_extract(?1, '$.taken_at'), "
    "json_extract(?1, '$.event'), json_extract(?1, '$.bank_version'), "
    "json_extract(?1, '$.bank_digest'), json(json_extract(?1, '$.answers')), "
    "json_extract(?1, '$.recommended'), json_extract(?1, '$.margin'), "
    "json_extract(?1, '$.close_call'), json_extract(?1, '$.code') "
    "WHERE json_valid(?1) AND json_extract(?1, '$.careerquiz_pending') = 1 AND NOT EXISTS ("
    "SELECT 1 FROM results WHERE taken_at = json_extract(?1, '$.taken_at') AND "
    "event IS json_extract(?1, '$.event') AND answers = json(json_extract(?1, '$.answers')) "
    "AND recommended = json_extract(?1, '$.recommended'))";
static const char insert_pending_scores_sql[] =
    "INSERT INTO scores (result_id, role, score, rank) SELECT ?2, json_extract(value, '$.role'), "
    "json_extract(value, '$.score'), json_extract(value, '$.rank') "
    "FROM json_each(?1, '$.scores')";
static const char pending_database_sql[] = "SELECT json_extract(?1, '$.database')";
/* Whether the pending result is in the database already (its run stored it, then stopped before
 * removing the file): the same time, event, answers and recommendation. */
static const char pending_stored_sql[] =
    "SELECT 1 FROM results WHERE json_valid(?1) AND taken_at = json_extract(?1, '$.taken_at') "
    "AND event IS json_extract(?1, '$.event') AND answers = json(json_extract(?1, '$.answers')) "
    "AND recommended = json_extract(?1, '$.recommended')";

/* Reads a small file whole into a malloc'd, NUL-terminated string. NULL with errno set. */
static char *read_small_file(const char *path)
{
    FILE *fp = fopen(path, "rb");
    char *text = fp ? malloc(PENDING_MAX_BYTES + 1) : NULL;
    size_t n = 0;
    int saved;

    if (text) {
        n = fread(text, 1, PENDING_MAX_BYTES + 1, fp);
        if (ferror(fp) || n > PENDING_MAX_BYTES) {
            free(text);
            text = NULL;
            errno = ferror(fp) ? EIO : EFBIG;
        } else {
            text[n] = '\0';
        }
    }
    saved = errno;
    if (fp)
        fclose(fp);
    errno = saved;
    return text;
}

/* Runs one statement with the pending text as ?1 (and id as ?2 when it has one). Sets *row
 * (when not NULL) to whether it gave a row. */
static int run_with(sqlite3 *db, const char *sql, const char *text, sqlite3_int64 id, bool *row)
{
    sqlite3_stmt *stmt = NULL;
    int rc = sqlite3_prepare_v2(db, sql, -1, &stmt, NULL);

    if (rc == SQLITE_OK)
        rc = sqlite3_bind_text(stmt, 1, text, -1, SQLITE_STATIC);
    if (rc == SQLITE_OK && sqlite3_bind_parameter_count(stmt) > 1)
        rc = sqlite3_bind_int64(stmt, 2, id);
    if (rc == SQLITE_OK)
        rc = sqlite3_step(stmt);
    if (row)
        *row = rc == SQLITE_ROW;
    sqlite3_finalize(stmt);
    return rc == SQLITE_DONE || rc == SQLITE_ROW ? SQLITE_OK : rc;
}

/* Whether the pending text names database (files in the state folder may be another's). */
static bool names_database(sqlite3 *db, const char *text, const char *database)
{
    sqlite3_stmt *stmt = NULL;
    bool same = false;

    if (sqlite3_prepare_v2(db, pending_database_sql, -1, &stmt, NULL) == SQLITE_OK &&
        sqlite3_bind_text(stmt, 1, text, -1, SQLITE_STATIC) == SQLITE_OK &&
        sqlite3_step(stmt) == SQLITE_ROW && sqlite3_column_text(stmt, 0))
        same = strcmp((const char *)sqlite3_column_text(stmt, 0), database) == 0;
    sqlite3_finalize(stmt);
    return same;
}

/* Stores one pending file in its own transaction and removes it. Returns a SQLite code; the
 * file stays when it is not SQLITE_OK. A file that is not a pending result, or that SQLite could
 * not read, is never removed: SQLITE_MISMATCH, reported by the caller. */
static int store_one(store *s, const char *path, const char *text)
{
    sqlite3 *db = store_sqlite(s);
    bool there = false;
    int rc = sqlite3_exec(db, "BEGIN IMMEDIATE", NULL, NULL, NULL);

    if (rc == SQLITE_OK)
        rc = run_with(db, insert_pending_sql, text, 0, NULL);
    if (rc == SQLITE_OK && sqlite3_changes(db) == 1)
        rc = run_with(db, insert_pending_scores_sql, text, sqlite3_last_insert_rowid(db), NULL);
    else if (rc == SQLITE_OK) /* nothing inserted: only right when it is there already */
        rc = run_with(db, pending_stored_sql, text, 0, &there);
    if (rc == SQLITE_OK && sqlite3_changes(db) == 0 && !there)
        rc = SQLITE_MISMATCH;
    if (rc == SQLITE_OK)
        rc = sqlite3_exec(db, "COMMIT", NULL, NULL, NULL);
    if (rc != SQLITE_OK) {
        if (!sqlite3_get_autocommit(db))
            sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
        return rc;
    }
    unlink(path);
    return SQLITE_OK;
}

static int by_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The *.json names in folder, sorted (oldest first: they start with the time). NULL when the
 * folder cannot be read (usually: nothing was ever kept there). */
static char **list_pending(const char *folder, size_t *count)
{
    DIR *dir = opendir(folder);
    struct dirent *e;
    char **names = NULL, **grown;
    size_t n = 0;

    *count = 0;
    if (!dir)
        return NULL;
    while ((e = readdir(dir)) != NULL) {
        size_t len = strlen(e->d_name);
        if (len <= 5 || e->d_name[0] == '.' || strcmp(e->d_name + len - 5, ".json") != 0)
            continue;
        grown = realloc(names, (n + 1) * sizeof *names);
        if (!grown || !(grown[n] = strdup(e->d_name))) {
            names = grown ? grown : names;
            break;
        }
        names = grown;
        n++;
    }
    closedir(dir);
    if (names)
        qsort(names, n, sizeof *names, by_name);
    *count = n;
    return names;
}

/* Stores what folder keeps for database (all of it, or with `check`, only the files that name
 * it). Adds to *stored. Returns false when storing failed and the rest should wait. */
static bool flush_folder(store *s, const char *folder, const char *database, bool check,
                         unsigned long *stored)
{
    size_t count = 0, i;
    char **names = list_pending(folder, &count), path[PATH_MAX], reason[128];
    bool go_on = true;

    for (i = 0; go_on && i < count; i++) {
        char *text;
        int rc;

        snprintf(path, sizeof path, "%s/%s", folder, names[i]);
        text = read_small_file(path);
        if (!text) {
            cli_warning("cannot read a pending result (%s): %s",
                        cli_strerror(errno, reason, sizeof reason), path);
            continue;
        }
        if (!check || names_database(store_sqlite(s), text, database)) {
            rc = store_one(s, path, text);
            if (rc == SQLITE_OK) {
                (*stored)++;
            } else if (rc == SQLITE_MISMATCH) {
                cli_warning("not a pending result of careerquiz (left where it is): %s", path);
            } else {
                store_fail(s, rc, "cannot store a pending result");
                cli_error("it stays for the next run: %s", path);
                go_on = (rc & 0xff) == SQLITE_CONSTRAINT; /* that file is bad; the rest may do */
            }
        }
        free(text);
    }
    for (i = 0; i < count; i++)
        free(names[i]);
    free(names);
    return go_on;
}

void store_pending_flush(store *s)
{
    char *database = absolute_path(store_path(s)), *beside = NULL, *state = state_dir("pending");
    unsigned long stored = 0;
    size_t n;

    if (database) {
        n = strlen(database) + sizeof PENDING_SUFFIX;
        beside = malloc(n);
    }
    if (beside) {
        snprintf(beside, n, "%s%s", database, PENDING_SUFFIX);
        if (flush_folder(s, beside, database, false, &stored) && state)
            flush_folder(s, state, database, true, &stored);
        rmdir(beside); /* when it is empty now; a file left in it keeps it */
    }
    if (stored > 0)
        cli_warning("stored %lu result%s kept by earlier runs that could not write to %s", stored,
                    stored == 1 ? "" : "s", store_path(s));
    free(database);
    free(beside);
    free(state);
}
