/* store.h: the results database: one row per completed quiz, for kiosks, batch, serve, stats
 * and export. The door to the store: its backends (store_sqlite*.c) alone speak SQL. */
#ifndef CQ_CLI_STORE_H
#define CQ_CLI_STORE_H

#include <stdbool.h>
#include <stddef.h>

#include "careerquiz.h"

/* The schema version this program writes, the one source of it for every backend (SQLite
 * keeps it in PRAGMA user_version). A database with a higher version came from a newer
 * careerquiz and is refused. */
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

/* Room for one error message: what failed, the database's own words, and the database name. */
#define STORE_ERROR_SIZE 1024

typedef struct store store;

/*
 * What went wrong in a store call, for the caller to show: "<what> (<detail>): <database>",
 * lowercase, without "careerquiz: " (the caller's printer adds it). Empty when the call
 * succeeded, or when it stopped because a callback of the caller said so (the callback
 * reported its own problem). The store itself never prints.
 */
struct store_error {
    char message[STORE_ERROR_SIZE];
};

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

/* --event and --since for the readers: NULL fields select everything. */
struct store_filter {
    const char *event;
    const char *since; /* YYYY-MM-DD or YYYY-MM-DDTHH:MM:SSZ; taken_at compares as text */
};

/* All the functions below return an exit code (exitcode.h) and, on failure, fill *err. */

/*
 * Opens (creating folders, file and schema as needed) the results database at path (a file,
 * or a postgresql:// or postgres:// URI of a PostgreSQL database), or the default
 * $XDG_DATA_HOME/careerquiz/results.db (~/.local/share/careerquiz/results.db) when path is NULL.
 * The schema is checked before anything changes: a database of another program, or of a newer
 * careerquiz, is refused (exit 65) and left as it was. While another process holds the database it
 * waits as `wait` says (NULL: quietly, up to the timeout). *out is set only on success. It does not
 * store pending results: see store_pending.h's results_open.
 */
int store_open(const char *path, const struct store_wait *wait, store **out,
               struct store_error *err);

/*
 * Opens an existing results database for reading only (stats, export): a missing file is an
 * error (exit 66), nothing is created or changed, and a database in a folder the reader cannot
 * write to can still be read. A database without the schema is refused as not a careerquiz
 * results database (exit 65).
 */
int store_open_existing(const char *path, store **out, struct store_error *err);

/* Whether name is a database server's URI (postgresql://..., postgres://...) rather than a
 * file: such a database has no folder beside it for pending results. */
bool store_is_server(const char *name);

/* Closes the database (rolling back an open transaction). Accepts NULL. */
void store_close(store *s);

/* The database's name for messages (a file name, or a URI without its password). Borrowed, living
 * as long as the store. */
const char *store_path(const store *s);

/*
 * The default database file, malloc'd: $XDG_DATA_HOME/careerquiz/results.db, or
 * $HOME/.local/share/careerquiz/results.db when XDG_DATA_HOME is unset or relative (the XDG
 * spec says to ignore a relative one). NULL with *err filled when neither is usable.
 */
char *store_default_path(struct store_error *err);

/* ---- writing ------------------------------------------------------------------------------ */

/*
 * Stores one completed quiz in one committed transaction: UTC time, event label (may be
 * NULL), bank version and digest, the answers (cq_answers_to_json), the recommended id and
 * every role's score. Returns when the row is durable. Between store_begin and store_commit
 * the row joins that transaction instead (and a failed row leaves the rows before it in place).
 */
int store_add(store *s, const char *event, const cq_model *model, const cq_answers *answers,
              const cq_result *result, struct store_error *err);

/*
 * Opens a write transaction that later store_add calls join, so that a batch import syncs once
 * per many rows; store_commit makes them durable. Closing a store with a transaction open rolls
 * it back.
 */
int store_begin(store *s, struct store_error *err);
int store_commit(store *s, struct store_error *err);

/* ---- reading ------------------------------------------------------------------------------ */

/* Starts one read transaction, so that the reads after it see one moment while others write
 * on. It lasts until store_close. */
int store_read_begin(store *s, struct store_error *err);

/* One role's score of a stored result. */
struct store_score {
    const char *role;
    double score;
};

/* A stored result as the readers see it. Strings (never NULL but event) and scores (in role
 * id byte order) are borrowed until the callback returns. */
struct store_result {
    long long id;
    const char *taken_at, *event, *bank_version, *bank_digest, *recommended, *answers;
    double margin;
    int close_call;
    bool answers_valid; /* answers is well-formed JSON (another program may have written it) */
    const struct store_score *scores;
    size_t score_count;
};

/* A reader's callback: returns an exit code; anything but CLI_EXIT_OK stops the reading and
 * is returned with *err left empty (the callback reported its own problem). */
typedef int (*store_role_fn)(void *ctx, const char *role);
typedef int (*store_result_fn)(void *ctx, const struct store_result *result);

/* Calls each(ctx, id) for every role id that has a score, in byte order. */
int store_read_roles(store *s, store_role_fn each, void *ctx, struct store_error *err);

/* Calls each(ctx, result) for every result that passes filter, in the order they were stored. */
int store_read_results(store *s, const struct store_filter *filter, store_result_fn each, void *ctx,
                       struct store_error *err);

/* What store_read_counts counts. */
enum store_tally {
    STORE_TALLY_RECOMMENDED, /* key: the recommended role id */
    STORE_TALLY_ANSWERED,    /* key: a question id answered (not null) */
    STORE_TALLY_ANSWER       /* key: question id, value: an option id or a scale value */
};

/* Where the counts go: totals are added to, and add() gets each (key, value, n), value NULL
 * but for STORE_TALLY_ANSWER. add returns an exit code like the reader callbacks. */
struct store_counts {
    unsigned long total, close_calls;
    int (*add)(void *ctx, enum store_tally tally, const char *key, const char *value,
               unsigned long n);
    void *ctx;
};

/* Counts the results that pass filter: totals, recommendations, questions answered, answers
 * given. A key may come more than once; the caller adds them up. */
int store_read_counts(store *s, const struct store_filter *filter, struct store_counts *counts,
                      struct store_error *err);

/* ---- a stored result found again by its code --------------------------------------------- */

/* What the database keeps of one result: enough to show it again. Strings malloc'd. */
struct store_found {
    char *taken_at;    /* "2026-05-01T14:03:07Z" */
    char *event;       /* NULL when none */
    char *bank_digest; /* of the question bank it was scored with */
    char *answers;     /* the compact answers document */
};

/* Looks up the result stored under code (KIOSK_CODE_SIZE form, "K7Q2-XM4P"). On CLI_EXIT_OK,
 * *found says whether there is one and out holds it (release it with store_found_release
 * either way). */
int store_find_code(store *s, const char *code, bool *found, struct store_found *out,
                    struct store_error *err);
void store_found_release(struct store_found *out);

/* How many results the event has (every result when event is NULL), into *count. */
int store_count(store *s, const char *event, long long *count, struct store_error *err);

/* A number that changes when another connection (another process) commits to the database,
 * so that a watcher reads the count only then. */
int store_data_version(store *s, long long *version, struct store_error *err);

#endif /* CQ_CLI_STORE_H */
