/* store.c: opens and closes the results database, finds its default place, reports its errors. */

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "exitcode.h"
#include "report.h"
#include "store_internal.h"

int store_fail(store *s, int rc, const char *what)
{
    const char *detail = s->db ? sqlite3_errmsg(s->db) : sqlite3_errstr(rc);

    cli_error("%s (%s): %s", what, detail, s->path);
    switch (rc & 0xff) {
    case SQLITE_NOMEM:
        return CLI_EXIT_SOFTWARE;
    case SQLITE_NOTADB:
    case SQLITE_CORRUPT:
    case SQLITE_SCHEMA:
    case SQLITE_CONSTRAINT:
        return CLI_EXIT_DATA;
    case SQLITE_CANTOPEN:
    case SQLITE_PERM:
    case SQLITE_READONLY:
        return CLI_EXIT_CANTCREAT;
    default:
        return CLI_EXIT_IO;
    }
}

/*
 * The default database file, malloc'd: $XDG_DATA_HOME/careerquiz/results.db, or
 * $HOME/.local/share/careerquiz/results.db when XDG_DATA_HOME is unset or relative (the XDG
 * spec says to ignore a relative one). NULL after reporting when neither is usable.
 */
static char *default_path(void)
{
    const char *xdg = getenv("XDG_DATA_HOME");
    const char *home = getenv("HOME");
    const char *base, *middle;
    char *path;
    size_t size;

    if (xdg && xdg[0] == '/') {
        base = xdg;
        middle = "";
    } else if (home && home[0] != '\0') {
        base = home;
        middle = "/.local/share";
    } else {
        cli_error("no place for the results database (set HOME or XDG_DATA_HOME, or use --db)");
        return NULL;
    }
    size = strlen(base) + strlen(middle) + sizeof "/careerquiz/" STORE_DEFAULT_NAME;
    path = malloc(size);
    if (!path) {
        cli_error("out of memory");
        return NULL;
    }
    snprintf(path, size, "%s%s/careerquiz/%s", base, middle, STORE_DEFAULT_NAME);
    return path;
}

/*
 * Creates the folders above the file `path` that do not exist yet (mode 0700: the results are
 * about people). Returns an exit code after reporting the folder that could not be made.
 */
static int make_parents(const char *path)
{
    char *dir = strdup(path);
    char reason[128];
    char *p;
    int code = CLI_EXIT_OK;

    if (!dir) {
        cli_error("out of memory");
        return CLI_EXIT_SOFTWARE;
    }
    p = strrchr(dir, '/');
    if (p && p != dir) {
        *p = '\0';
        for (p = dir + 1; code == CLI_EXIT_OK; p++) {
            bool last = *p == '\0';

            if (*p != '/' && !last)
                continue;
            *p = '\0';
            if (mkdir(dir, 0700) != 0 && errno != EEXIST) {
                cli_error("cannot create folder for the results database (%s): %s",
                          cli_strerror(errno, reason, sizeof reason), dir);
                code = CLI_EXIT_CANTCREAT;
            }
            if (last)
                break;
            *p = '/';
        }
    }
    free(dir);
    return code;
}

/* Runs one pragma, checking that it answers `expect` when that is not NULL. */
static int pragma(store *s, const char *sql, const char *expect)
{
    sqlite3_stmt *stmt = NULL;
    int rc = sqlite3_prepare_v2(s->db, sql, -1, &stmt, NULL);

    if (rc == SQLITE_OK) {
        rc = sqlite3_step(stmt);
        if (rc == SQLITE_ROW && expect &&
            strcmp((const char *)sqlite3_column_text(stmt, 0), expect) != 0) {
            sqlite3_finalize(stmt);
            cli_error("results database cannot use %s (its file system may not allow it): %s", sql,
                      s->path);
            return CLI_EXIT_IO;
        }
        if (rc == SQLITE_ROW || rc == SQLITE_DONE)
            rc = SQLITE_OK;
    }
    sqlite3_finalize(stmt);
    if (rc != SQLITE_OK)
        return store_fail(s, rc, "cannot open results database");
    return CLI_EXIT_OK;
}

/* The work of store_open and store_open_existing. */
static int open_store(const char *path, bool create, store **out)
{
    store *s = calloc(1, sizeof *s);
    char reason[128];
    struct stat st;
    int code, rc, errnum, flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX;

    if (!s) {
        cli_error("out of memory");
        return CLI_EXIT_SOFTWARE;
    }
    s->path = path ? strdup(path) : default_path();
    if (!s->path) {
        free(s);
        if (path)
            cli_error("out of memory");
        return path ? CLI_EXIT_SOFTWARE : CLI_EXIT_CANTCREAT;
    }
    if (create) {
        flags |= SQLITE_OPEN_CREATE;
        code = make_parents(s->path);
        if (code != CLI_EXIT_OK)
            goto fail;
    } else if ((errnum = stat(s->path, &st) != 0 ? errno : S_ISDIR(st.st_mode) ? EISDIR : 0)) {
        /* Reading must not create an empty database where a mistyped name points. */
        cli_error("cannot open results database (%s): %s",
                  cli_strerror(errnum, reason, sizeof reason), s->path);
        code = CLI_EXIT_NOINPUT;
        goto fail;
    }
    rc = sqlite3_open_v2(s->path, &s->db, flags, NULL);
    if (rc != SQLITE_OK) {
        code = store_fail(s, rc, "cannot open results database");
        goto fail;
    }
    sqlite3_extended_result_codes(s->db, 1);
    rc = sqlite3_busy_timeout(s->db, STORE_BUSY_TIMEOUT_MS);
    if (rc != SQLITE_OK) {
        code = store_fail(s, rc, "cannot open results database");
        goto fail;
    }
    /* WAL lets readers and one writer work at once and keeps a commit to one fsync;
     * synchronous=FULL makes that fsync happen before COMMIT returns. journal_mode is kept in
     * the file, so only a writer sets it. */
    if ((create && (code = pragma(s, "PRAGMA journal_mode=WAL", "wal")) != CLI_EXIT_OK) ||
        (code = pragma(s, "PRAGMA synchronous=FULL", NULL)) != CLI_EXIT_OK ||
        (code = pragma(s, "PRAGMA foreign_keys=ON", NULL)) != CLI_EXIT_OK ||
        (code = store_schema_check(s, create)) != CLI_EXIT_OK)
        goto fail;
    *out = s;
    return CLI_EXIT_OK;
fail:
    store_close(s);
    return code;
}

int store_open(const char *path, store **out)
{
    return open_store(path, true, out);
}

int store_open_existing(const char *path, store **out)
{
    return open_store(path, false, out);
}

void store_close(store *s)
{
    if (!s)
        return;
    sqlite3_finalize(s->insert_result);
    sqlite3_finalize(s->insert_score);
    /* sqlite3_close rolls back an open transaction; close_v2 never fails with BUSY. */
    sqlite3_close_v2(s->db);
    free(s->path);
    free(s);
}

const char *store_path(const store *s)
{
    return s->path;
}

sqlite3 *store_sqlite(store *s)
{
    return s->db;
}
