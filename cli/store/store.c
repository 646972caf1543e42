/* store.c: opens and closes the results database, finds its default place, reports its errors. */

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "exitcode.h"
#include "diagnostics.h"
#include "store_internal.h"
#include "store_pending.h"
#include "xdg_dir.h"

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

char *store_default_path(void)
{
    const char *xdg = getenv("XDG_DATA_HOME"), *home = getenv("HOME");
    char *path = xdg_path("XDG_DATA_HOME", ".local/share", STORE_DEFAULT_NAME);

    if (!path && ((xdg && xdg[0] == '/') || (home && home[0])))
        cli_error("out of memory");
    else if (!path)
        cli_error("no place for the results database (set HOME or XDG_DATA_HOME, or use --db)");
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

static long long now_ms(void)
{
    struct timespec ts;

    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/*
 * SQLite calls this while another connection holds the lock it needs (count 0 the first time
 * for each wait). Instead of a silent busy timeout it asks the command, every step, whether to
 * go on, so a person sees why nothing happens and a signal ends the wait. Returns nonzero to
 * try again.
 */
static int on_busy(void *arg, int count)
{
    store *s = arg;
    struct timespec step = {0, STORE_BUSY_STEP_MS * 1000000L};
    long waited;

    if (count == 0)
        s->busy_since_ms = now_ms();
    waited = count == 0 ? 0 : (long)(now_ms() - s->busy_since_ms);
    if (waited >= STORE_BUSY_TIMEOUT_MS)
        return 0;
    if (s->wait.still_waiting && !s->wait.still_waiting(s->wait.ctx, waited))
        return 0;
    nanosleep(&step, NULL); /* a signal cuts it short: the next call looks at once */
    return 1;
}

/* Percent-encodes path into a "file:" URI that opens it read-only and immutable (malloc'd). */
static char *immutable_uri(const char *path)
{
    static const char hex[] = "0123456789ABCDEF";
    static const char query[] = "?mode=ro&immutable=1";
    char *uri = malloc(strlen(path) * 3 + sizeof "file://" + sizeof query), *p;

    if (!uri)
        return NULL;
    p = uri + sprintf(uri, path[0] == '/' ? "file://" : "file:");
    for (; *path; path++) {
        unsigned char c = (unsigned char)*path;
        if (c == '%' || c == '?' || c == '#' || c < 0x20 || c >= 0x7f) {
            *p++ = '%';
            *p++ = hex[c >> 4];
            *p++ = hex[c & 15];
        } else {
            *p++ = (char)c;
        }
    }
    strcpy(p, query);
    return uri;
}

/*
 * Opens s->path read-only and checks its schema. A WAL database whose -wal and -shm files are
 * gone (its last writer closed it) cannot be opened that way in a folder the reader may not
 * write to: SQLite needs to create -shm. Nobody can be writing to it then, so it is opened
 * again as immutable, which needs no -shm. Returns an exit code after reporting.
 */
static int open_reader(store *s)
{
    int flags = SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_URI;
    int rc = sqlite3_open_v2(s->path, &s->db, flags & ~SQLITE_OPEN_URI, NULL), code = CLI_EXIT_OK;
    char *uri;

    if (rc == SQLITE_OK) {
        sqlite3_extended_result_codes(s->db, 1);
        sqlite3_busy_handler(s->db, on_busy, s); /* a checkpoint can hold readers a moment */
        code = store_schema_check(s, false, &rc);
    }
    if (code == CLI_EXIT_OK && ((rc & 0xff) == SQLITE_CANTOPEN || (rc & 0xff) == SQLITE_READONLY) &&
        (uri = immutable_uri(s->path)) != NULL) {
        sqlite3_close_v2(s->db);
        s->db = NULL;
        rc = sqlite3_open_v2(uri, &s->db, flags, NULL);
        free(uri);
        if (rc == SQLITE_OK) {
            sqlite3_extended_result_codes(s->db, 1);
            code = store_schema_check(s, false, &rc);
        }
    }
    if (code == CLI_EXIT_OK && rc != SQLITE_OK)
        code = store_fail(s, rc, "cannot read results database");
    return code;
}

/*
 * Opens s->path for writing. The schema comes first: until it is known to be ours (or the file
 * is new), nothing is written, so a foreign database stays as it was. WAL lets readers and one
 * writer work at once and keeps a commit to one fsync; synchronous=FULL makes that fsync
 * happen before COMMIT returns. journal_mode is kept in the file, so only a writer sets it.
 */
static int open_writer(store *s)
{
    int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX;
    int rc, code = make_parents(s->path);

    if (code != CLI_EXIT_OK)
        return code;
    rc = sqlite3_open_v2(s->path, &s->db, flags, NULL);
    if (rc != SQLITE_OK)
        return store_fail(s, rc, "cannot open results database");
    sqlite3_extended_result_codes(s->db, 1);
    rc = sqlite3_busy_handler(s->db, on_busy, s);
    if (rc != SQLITE_OK)
        return store_fail(s, rc, "cannot open results database");
    if ((code = store_schema_check(s, true, &rc)) != CLI_EXIT_OK ||
        (code = pragma(s, "PRAGMA journal_mode=WAL", "wal")) != CLI_EXIT_OK ||
        (code = pragma(s, "PRAGMA synchronous=FULL", NULL)) != CLI_EXIT_OK ||
        (code = pragma(s, "PRAGMA foreign_keys=ON", NULL)) != CLI_EXIT_OK)
        return code;
    store_pending_flush(s); /* results earlier runs could not store: now they can */
    return CLI_EXIT_OK;
}

/* The work of store_open and store_open_existing. */
static int open_store(const char *path, bool create, const struct store_wait *wait, store **out)
{
    store *s = calloc(1, sizeof *s);
    char reason[128];
    struct stat st;
    int code, errnum;

    if (!s) {
        cli_error("out of memory");
        return CLI_EXIT_SOFTWARE;
    }
    if (wait)
        s->wait = *wait;
    s->path = path ? strdup(path) : store_default_path();
    if (!s->path) {
        free(s);
        if (path)
            cli_error("out of memory");
        return path ? CLI_EXIT_SOFTWARE : CLI_EXIT_CANTCREAT;
    }
    if (!create && (errnum = stat(s->path, &st) != 0 ? errno : S_ISDIR(st.st_mode) ? EISDIR : 0)) {
        /* Reading must not create an empty database where a mistyped name points. */
        cli_error("cannot open results database (%s): %s",
                  cli_strerror(errnum, reason, sizeof reason), s->path);
        code = CLI_EXIT_NOINPUT;
    } else {
        code = create ? open_writer(s) : open_reader(s);
    }
    if (code != CLI_EXIT_OK) {
        store_close(s);
        return code;
    }
    *out = s;
    return CLI_EXIT_OK;
}

int store_open(const char *path, const struct store_wait *wait, store **out)
{
    return open_store(path, true, wait, out);
}

int store_open_existing(const char *path, store **out)
{
    return open_store(path, false, NULL, out);
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
