/* store_sqlite.c: the SQLite backend of the results store: opens and closes the database file,
 * waits while another process holds it, and turns SQLite errors into store errors. */

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "exitcode.h"
#include "store_sqlite.h"

int sqlite_fail(struct sqlite_store *s, int rc, const char *what, struct store_error *err)
{
    const char *detail = s->db ? sqlite3_errmsg(s->db) : sqlite3_errstr(rc);

    store_error_set(err, 0, "%s (%s): %s", what, detail, s->base.path);
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
 * Creates the folders above the file `path` that do not exist yet (mode 0700: the results are
 * about people). Returns an exit code, naming the folder that could not be made in *err.
 */
static int make_parents(const char *path, struct store_error *err)
{
    char *dir = strdup(path);
    char reason[128];
    char *p;
    int code = CLI_EXIT_OK;

    if (!dir)
        return store_error_set(err, CLI_EXIT_SOFTWARE, "out of memory");
    p = strrchr(dir, '/');
    if (p && p != dir) {
        *p = '\0';
        for (p = dir + 1; code == CLI_EXIT_OK; p++) {
            bool last = *p == '\0';

            if (*p != '/' && !last)
                continue;
            *p = '\0';
            if (mkdir(dir, 0700) != 0 && errno != EEXIST)
                code = store_error_set(err, CLI_EXIT_CANTCREAT,
                                       "cannot create folder for the results database (%s): %s",
                                       cli_strerror(errno, reason, sizeof reason), dir);
            if (last)
                break;
            *p = '/';
        }
    }
    free(dir);
    return code;
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
    struct sqlite_store *s = arg;
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

/*
 * Runs one pragma, checking that it answers `expect` when that is not NULL. Turning a new
 * database to WAL needs the write lock while this connection already reads the file, and there
 * SQLite answers BUSY at once instead of calling the busy handler (waiting could deadlock). That
 * happens when another process creates the same database at the same moment, so BUSY is waited
 * out here as on_busy waits out any other.
 */
static int pragma(struct sqlite_store *s, const char *sql, const char *expect,
                  struct store_error *err)
{
    sqlite3_stmt *stmt = NULL;
    int rc = sqlite3_prepare_v2(s->db, sql, -1, &stmt, NULL), tries = 0;

    if (rc == SQLITE_OK) {
        while (((rc = sqlite3_step(stmt)) & 0xff) == SQLITE_BUSY && on_busy(s, tries++))
            sqlite3_reset(stmt);
        if (rc == SQLITE_ROW && expect &&
            strcmp((const char *)sqlite3_column_text(stmt, 0), expect) != 0) {
            sqlite3_finalize(stmt);
            return store_error_set(err, CLI_EXIT_IO,
                                   "results database cannot use %s (its file system may not "
                                   "allow it): %s",
                                   sql, s->base.path);
        }
        if (rc == SQLITE_ROW || rc == SQLITE_DONE)
            rc = SQLITE_OK;
    }
    sqlite3_finalize(stmt);
    if (rc != SQLITE_OK)
        return sqlite_fail(s, rc, "cannot open results database", err);
    return CLI_EXIT_OK;
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
 * Opens the file read-only and checks its schema. A WAL database whose -wal and -shm files are
 * gone (its last writer closed it) cannot be opened that way in a folder the reader may not
 * write to: SQLite needs to create -shm. Nobody can be writing to it then, so it is opened
 * again as immutable, which needs no -shm.
 */
static int open_reader(struct sqlite_store *s, struct store_error *err)
{
    int flags = SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_URI;
    const char *path = s->base.path;
    int rc = sqlite3_open_v2(path, &s->db, flags & ~SQLITE_OPEN_URI, NULL), code = CLI_EXIT_OK;
    char *uri;

    if (rc == SQLITE_OK) {
        sqlite3_extended_result_codes(s->db, 1);
        sqlite3_busy_handler(s->db, on_busy, s); /* a checkpoint can hold readers a moment */
        code = sqlite_schema_check(s, false, &rc, err);
    }
    if (code == CLI_EXIT_OK && ((rc & 0xff) == SQLITE_CANTOPEN || (rc & 0xff) == SQLITE_READONLY) &&
        (uri = immutable_uri(path)) != NULL) {
        sqlite3_close_v2(s->db);
        s->db = NULL;
        rc = sqlite3_open_v2(uri, &s->db, flags, NULL);
        free(uri);
        if (rc == SQLITE_OK) {
            sqlite3_extended_result_codes(s->db, 1);
            code = sqlite_schema_check(s, false, &rc, err);
        }
    }
    if (code == CLI_EXIT_OK && rc != SQLITE_OK)
        code = sqlite_fail(s, rc, "cannot read results database", err);
    return code;
}

/*
 * Opens the file for writing. The schema comes first: until it is known to be ours (or the file
 * is new), nothing is written, so a foreign database stays as it was. WAL lets readers and one
 * writer work at once and keeps a commit to one fsync; synchronous=FULL makes that fsync
 * happen before COMMIT returns. journal_mode is kept in the file, so only a writer sets it.
 */
static int open_writer(struct sqlite_store *s, struct store_error *err)
{
    int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX;
    int rc, code = make_parents(s->base.path, err);

    if (code != CLI_EXIT_OK)
        return code;
    rc = sqlite3_open_v2(s->base.path, &s->db, flags, NULL);
    if (rc != SQLITE_OK)
        return sqlite_fail(s, rc, "cannot open results database", err);
    sqlite3_extended_result_codes(s->db, 1);
    rc = sqlite3_busy_handler(s->db, on_busy, s);
    if (rc != SQLITE_OK)
        return sqlite_fail(s, rc, "cannot open results database", err);
    if ((code = sqlite_schema_check(s, true, &rc, err)) != CLI_EXIT_OK ||
        (code = pragma(s, "PRAGMA journal_mode=WAL", "wal", err)) != CLI_EXIT_OK ||
        (code = pragma(s, "PRAGMA synchronous=FULL", NULL, err)) != CLI_EXIT_OK ||
        (code = pragma(s, "PRAGMA foreign_keys=ON", NULL, err)) != CLI_EXIT_OK)
        return code;
    return CLI_EXIT_OK;
}

static void sqlite_close(store *base)
{
    struct sqlite_store *s = sqlite_of(base);

    sqlite3_finalize(s->insert_result);
    sqlite3_finalize(s->insert_score);
    /* sqlite3_close rolls back an open transaction; close_v2 never fails with BUSY. */
    sqlite3_close_v2(s->db);
    free(s->base.path);
    free(s);
}

static const struct store_backend sqlite_backend = {
    sqlite_close,      sqlite_add_row,    sqlite_begin,        sqlite_commit,
    sqlite_read_begin, sqlite_read_roles, sqlite_read_results, sqlite_read_counts,
    sqlite_find_code,  sqlite_count,      sqlite_data_version, sqlite_add_pending,
};

int store_sqlite_open(const char *path, bool create, const struct store_wait *wait, store **out,
                      struct store_error *err)
{
    struct sqlite_store *s = calloc(1, sizeof *s);
    char reason[128];
    struct stat st;
    int code, errnum;

    if (!s || !(s->base.path = strdup(path))) {
        free(s);
        return store_error_set(err, CLI_EXIT_SOFTWARE, "out of memory");
    }
    s->base.ops = &sqlite_backend;
    if (wait)
        s->wait = *wait;
    if (!create && (errnum = stat(path, &st) != 0 ? errno : S_ISDIR(st.st_mode) ? EISDIR : 0)) {
        /* Reading must not create an empty database where a mistyped name points. */
        code = store_error_set(err, CLI_EXIT_NOINPUT, "cannot open results database (%s): %s",
                               cli_strerror(errnum, reason, sizeof reason), path);
    } else {
        code = create ? open_writer(s, err) : open_reader(s, err);
    }
    if (code != CLI_EXIT_OK) {
        sqlite_close(&s->base);
        return code;
    }
    *out = &s->base;
    return CLI_EXIT_OK;
}
