/* store.h: the results database (SQLite): one row per completed quiz, for kiosks and batch. */
#ifndef CQ_CLI_STORE_H
#define CQ_CLI_STORE_H

#include <stdbool.h>

#include "careerquiz.h"

/* The schema version this program writes, kept in PRAGMA user_version (store_schema.c). A
 * database with a higher version came from a newer careerquiz and is refused. */
#define STORE_SCHEMA_VERSION 2

/* How long a writer waits for another process's transaction before giving up: several kiosks
 * and a batch import may share one file, and a batch transaction holds the lock for a moment. */
#define STORE_BUSY_TIMEOUT_MS 30000
/* How often a waiting writer looks again, and asks its caller whether to go on waiting. */
#define STORE_BUSY_STEP_MS 50
/* A writer that waits longer than this tells the person why nothing happens. */
#define STORE_BUSY_NOTICE_MS 500

/* The database's name inside $XDG_DATA_HOME/careerquiz (or ~/.local/share/careerquiz). */
#define STORE_DEFAULT_NAME "results.db"

typedef struct store store;
struct sqlite3;

/*
 * What a writer does while another process holds the database: every STORE_BUSY_STEP_MS,
 * still_waiting(ctx, waited_ms) is asked whether to go on (up to STORE_BUSY_TIMEOUT_MS). It
 * shows the person that something is happening, and returns false to stop waiting at once,
 * when a signal asked the command to stop; the store call then fails as "database is locked".
 */
struct store_wait {
    bool (*still_waiting)(void *ctx, long waited_ms);
    void *ctx;
};

/*
 * Opens (creating folders, file and schema as needed) the results database at path, or the
 * default $XDG_DATA_HOME/careerquiz/results.db (~/.local/share/careerquiz/results.db) when
 * path is NULL. The schema is checked before anything in the file changes: a database of
 * another program, or of a newer careerquiz (PRAGMA user_version), is refused and left byte
 * for byte as it was. Then WAL, synchronous=FULL. While another process holds the database it
 * waits as `wait` says (NULL: quietly, up to the timeout). Returns an exit code (exitcode.h),
 * having reported the problem on stderr as "careerquiz: <what>: <file>"; *out is set only on
 * success.
 */
int store_open(const char *path, const struct store_wait *wait, store **out);

/*
 * Opens an existing results database for reading only (stats, export): a missing file is an
 * error (exit 66), nothing is created or changed, and a database in a folder the reader cannot
 * write to can still be read. A file without the schema is refused as not a careerquiz results
 * database (exit 65).
 */
int store_open_existing(const char *path, store **out);

/*
 * Stores one completed quiz in one committed transaction: UTC time, event label (may be
 * NULL), bank version and digest, the answers (cq_answers_to_json), the recommended id and
 * every role's score. Returns when the row is durable. Returns an exit code. Between
 * store_begin and store_commit the row joins that transaction instead (and a failed row
 * leaves the rows before it in place).
 */
int store_add(store *s, const char *event, const cq_model *model, const cq_answers *answers,
              const cq_result *result);

/*
 * Opens a write transaction that later store_add calls join, so that a batch import syncs once
 * per many rows; store_commit makes them durable. Both return an exit code. Closing a store
 * with a transaction open rolls it back.
 */
int store_begin(store *s);
int store_commit(store *s);

/*
 * The default database file, malloc'd: $XDG_DATA_HOME/careerquiz/results.db, or
 * $HOME/.local/share/careerquiz/results.db when XDG_DATA_HOME is unset or relative (the XDG
 * spec says to ignore a relative one). NULL after reporting when neither is usable.
 */
char *store_default_path(void);

/* Closes the database (rolling back an open transaction). Accepts NULL. */
void store_close(store *s);

/* The file name the store was opened with (for messages), and the SQLite handle for the
 * readers in cli/store_*.c. Both borrowed, living as long as the store. */
const char *store_path(const store *s);
struct sqlite3 *store_sqlite(store *s);

/* Reports a failed SQLite call on s as "careerquiz: <what> (<sqlite message>): <file>" and
 * returns the exit code for the SQLite error code rc. */
int store_fail(store *s, int rc, const char *what);

#endif /* CQ_CLI_STORE_H */
