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
#include "store_backend.h"
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

/* The name a pending file gives its database: a file's absolute path, or a server's URI without
 * its password. malloc'd; NULL when out of memory. */
static char *database_name(const char *path)
{
    return store_is_server(path) ? store_server_name(path) : absolute_path(path);
}

/* The row as a pending file's JSON, in a malloc'd string (NULL when out of memory). */
static char *row_json(const struct store_row *row, const char *database, size_t *size)
{
    char *text = NULL;
    FILE *out = open_memstream(&text, size);

    if (!out)
        return NULL;
    json_put_member(out, "{\"careerquiz_pending\": 1, \"database\": ", database);
    json_put_member(out, ", \"taken_at\": ", row->taken_at);
    json_put_member(out, ", \"code\": ", row->code);
    json_put_member(out, ", \"event\": ", row->event);
    json_put_member(out, ", \"bank_version\": ", row->bank_version);
    json_put_member(out, ", \"bank_digest\": ", row->bank_digest);
    fputs(", \"answers\": ", out);
    fwrite(row->answers, 1, row->answers_size, out);
    json_put_member(out, ", \"recommended\": ", row->recommended);
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
                  cli_strerror(errnum, reason, sizeof reason),
                  beside && !store_is_server(database) ? beside : database,
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
    struct store_error err;
    char *database = NULL, *path = NULL, *fallback = NULL;
    enum store_outcome outcome = STORE_LOST;

    if (kept)
        *kept = NULL;
    if (store_row_make(&row, event, model, answers, result, &err) != CLI_EXIT_OK) {
        cli_error("%s", err.message);
        store_row_release(&row);
        return STORE_LOST;
    }
    if (s) {
        if (store_add_row(s, &row, &err) == CLI_EXIT_OK) {
            if (code)
                memcpy(code, row.code, sizeof row.code);
            store_row_release(&row);
            return STORE_STORED;
        }
        cli_error("%s", err.message);
    }
    if (!s && !db_path && !(db_path = fallback = store_default_path(&err)))
        cli_error("%s", err.message);
    database = database_name(s ? store_path(s) : db_path ? db_path : "results.db");
    /* Nothing beside another program's file, and no folder beside a server. */
    if (database)
        path = keep_row(&row, database,
                        (s || open_code != CLI_EXIT_DATA) && !store_is_server(database));
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

/* Stores one pending file's text and removes the file once it is in the database. */
static enum store_pending_result store_one(store *s, const char *path, const char *text,
                                           const char *database, struct store_error *err)
{
    enum store_pending_result outcome = store_add_pending(s, text, database, err);

    if (outcome == STORE_PENDING_STORED)
        unlink(path);
    return outcome;
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
        struct store_error err;

        snprintf(path, sizeof path, "%s/%s", folder, names[i]);
        text = read_small_file(path);
        if (!text) {
            cli_warning("cannot read a pending result (%s): %s",
                        cli_strerror(errno, reason, sizeof reason), path);
            continue;
        }
        enum store_pending_result outcome = store_one(s, path, text, check ? database : NULL, &err);

        switch (outcome) {
        case STORE_PENDING_STORED:
            (*stored)++;
            break;
        case STORE_PENDING_ELSEWHERE:
            break;
        case STORE_PENDING_NOT_OURS:
            cli_warning("not a pending result of careerquiz (left where it is): %s", path);
            break;
        case STORE_PENDING_BAD: /* that file is bad; the rest may do */
        case STORE_PENDING_FAILED:
            cli_error("%s", err.message);
            cli_error("it stays for the next run: %s", path);
            go_on = outcome == STORE_PENDING_BAD;
            break;
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
    char *database = database_name(store_path(s)), *beside = NULL, *state = state_dir("pending");
    unsigned long stored = 0;
    size_t n;

    if (database) {
        n = strlen(database) + sizeof PENDING_SUFFIX;
        beside = malloc(n);
    }
    if (beside && store_is_server(database)) {
        if (state) /* a server's pending results are in the state folder only */
            flush_folder(s, state, database, true, &stored);
    } else if (beside) {
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

int results_open(const char *path, const struct store_wait *wait, store **out)
{
    struct store_error err;
    int code = store_open(path, wait, out, &err);

    if (code != CLI_EXIT_OK) {
        cli_error("%s", err.message);
        return code;
    }
    store_pending_flush(*out); /* results earlier runs could not store: now they can */
    return CLI_EXIT_OK;
}
