/* serve.h: careerquiz serve, the quiz and its results over HTTP; the door to cli/serve/. */
#ifndef CQ_CLI_SERVE_H
#define CQ_CLI_SERVE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "cli.h"
#include "store_pending.h"

/* A request body larger than this gets 413: an answers document is a few hundred bytes, and a
 * quiz form a few kilobytes. */
#define SERVE_MAX_BODY_BYTES (1024 * 1024)

/* The default port and address: only this machine, unless --bind says otherwise. */
#define SERVE_DEFAULT_PORT 8080
#define SERVE_DEFAULT_BIND "127.0.0.1"

/* A facilitator key shorter than this is refused: it guards the room's answers. */
#define SERVE_MIN_KEY_BYTES 12
#define SERVE_MAX_KEY_BYTES 256

/* Where the facilitator key came from. */
enum serve_key_source {
    SERVE_KEY_MADE,  /* made at start-up: serve_run prints it */
    SERVE_KEY_FILE,  /* --facilitator-key-file */
    SERVE_KEY_GIVEN, /* --facilitator-key */
};

struct serve_limiter;
struct serve_results;
struct serve_events;

/* What every request is answered with: the loaded model, the options, the room's state. */
struct serve_app {
    const struct cli_env *env;
    const char *facilitator_key; /* the key the facilitator pages and /api/stats ask for */
    enum serve_key_source key_source;
    const char *public_url; /* --public-url, or NULL */
    struct serve_limiter *limiter;
    struct serve_results *results; /* --db: where finished quizzes go; NULL: nothing is kept */
    struct serve_events *events;   /* the facilitator screen's live stream */
    const char *questions_json;    /* GET /api/questions, made once (serve_questions_make) */
    size_t questions_json_size;
};

/* One request, as the HTTP layer read it. Every string is NUL-terminated; a header that was not
 * sent is NULL. */
struct serve_request {
    const char *method; /* "GET", "POST", ... */
    const char *path;   /* the path of the URL, without its query ("/api/score") */
    const char *cookie;
    const char *authorization;
    const char *content_type;
    const char *host;   /* the Host header, for the address people join at */
    const char *client; /* the client's address ("192.0.2.7"), for the rate limit */
    const char *body;   /* the body, NUL-terminated (it may hold other NULs: see body_size) */
    size_t body_size;
};

/* One response. The handlers fill it; the HTTP layer sends it with the security headers that
 * every response carries (serve_daemon.c). */
struct serve_response {
    unsigned status;
    const char *content_type; /* static text */
    char *body;               /* malloc'd; NULL with body_size 0 for an empty body */
    const char *fixed_body;   /* instead of body: memory that outlives the server (not freed) */
    size_t body_size;
    const char *location;     /* static text or NULL: a redirect's target */
    char *location_owned;     /* malloc'd redirect target, used when location is NULL */
    char *set_cookie;         /* malloc'd Set-Cookie value, or NULL */
    const char *cache;        /* Cache-Control value (static); NULL means "no-store" */
    const char *allow;        /* Allow value for 405 (static), or NULL */
    const char *authenticate; /* WWW-Authenticate value for 401 (static), or NULL */
    const char *disposition;  /* Content-Disposition value (static), or NULL */
    unsigned retry_after;     /* seconds, for 429; 0: no Retry-After */
    bool event_stream;        /* answer with the live stream of serve_events, not the body */
};

/* Answers one request into *response (which the caller zeroed, and frees with
 * serve_response_release whatever happens). Never fails: errors are responses too. */
void serve_handle(const struct serve_app *app, const struct serve_request *request,
                  struct serve_response *response);

/* Frees what a response owns and zeroes it. */
void serve_response_release(struct serve_response *response);

/* ---- responses (serve_response.c) ---- */

/* A body written through a memory stream: serve_body_open, write with stdio, serve_body_close.
 * On failure (out of memory) the response becomes a 500. */
FILE *serve_body_open(struct serve_response *response, unsigned status, const char *type);
void serve_body_close(FILE *body, struct serve_response *response);

/* A JSON error: {"error": message}, plus "line" and "column" and the "id" involved when err
 * has them (err may be NULL). */
void serve_json_error(struct serve_response *response, unsigned status, const char *message,
                      const cq_error *err);

/* A JSON document made by the engine (freed with cq_free on ctx), or an error for status. */
void serve_engine_json(struct serve_response *response, const cq_context *ctx, cq_status status,
                       char *json, size_t size, const cq_error *err);

/* A redirect (303 See Other) to a static path. */
void serve_redirect(struct serve_response *response, const char *location);
/* Sets response's Location to the result page of code, /r/CODE (NULL on no memory). */
void serve_set_location(struct serve_response *response, const char *code);

/* An HTML error page with a heading, a sentence and a link back to the quiz. */
void serve_html_error(struct serve_response *response, unsigned status, const char *title,
                      const char *text);

/* ---- handlers ---- */

/* The facilitator screen, its login and its live stream (serve_facilitator.c). */
void serve_facilitator_page(const struct serve_app *app, const struct serve_request *request,
                            struct serve_response *response);
void serve_facilitator_login(const struct serve_app *app, const struct serve_request *request,
                             struct serve_response *response);
void serve_facilitator_events(const struct serve_app *app, const struct serve_request *request,
                              struct serve_response *response);
/* The address people join at: --public-url, or the Host the facilitator's browser used, as
 * http://HOST/quiz, in buf. */
void serve_join_url(const struct serve_app *app, const struct serve_request *request, char *buf,
                    size_t size);

/* The room's results (serve_room.c): the screen's panel (the count, the recommended roles and
 * the answers per question as bars), the panel alone for the screen's script, /api/stats (the
 * JSON of `stats --json` for --event) and the CSV of `export`. All but the first ask for the
 * key and answer 401 without it. */
void serve_facilitator_panel(const struct serve_app *app, FILE *out);
void serve_facilitator_fragment(const struct serve_app *app, const struct serve_request *request,
                                struct serve_response *response);
void serve_api_stats(const struct serve_app *app, const struct serve_request *request,
                     struct serve_response *response);
void serve_export_csv(const struct serve_app *app, const struct serve_request *request,
                      struct serve_response *response);

/* The questions never change while the server runs: serve_questions_make writes their JSON once
 * (malloc'd, NULL when out of memory); serve_api_questions sends it, or makes it each time
 * when the app has none. */
char *serve_questions_make(const struct serve_app *app, size_t *size);
void serve_api_questions(const struct serve_app *app, struct serve_response *response);
void serve_api_score(const struct serve_app *app, const struct serve_request *request,
                     struct serve_response *response);
void serve_quiz_start(const struct serve_app *app, struct serve_response *response);
void serve_quiz_answer(const struct serve_app *app, const struct serve_request *request,
                       struct serve_response *response);
/* An embedded file (a stylesheet or script) by its path, or false when there is none. */
bool serve_asset(const char *path, struct serve_response *response);

/* ---- pages (serve_page.c) ---- */

/* Writes the start of a page (head with the stylesheet and the script at path script, an
 * embedded asset, unless it is NULL) and its end. The title is escaped. */
void serve_page_begin(FILE *out, const char *title, const char *script);
void serve_page_end(FILE *out);

/* Writes the HTML report of a result inside a page (the report's own sections, with the
 * site's stylesheet instead of the report's inline one). Returns an exit code. */
int serve_page_report(const struct serve_app *app, const cq_result *result, FILE *out);

/* ---- results to take home (serve_results.c) ---- */

/* Opens the results database of --db for the server (options->event labels what it stores).
 * Returns an exit code after reporting; *out is set on success. */
int serve_results_open(const struct cli_options *options, struct serve_events *events,
                       struct serve_results **out);
void serve_results_close(struct serve_results *results);
/* Tells the live streams the room's count when another process stored results since the last
 * look; the server's main loop calls it every second. Accepts NULL. */
void serve_results_watch(struct serve_results *results);
/* Stores a finished quiz, or keeps it in a pending file when the database cannot take it now;
 * code (KIOSK_CODE_SIZE bytes) receives its code unless the outcome is STORE_LOST.
 * Thread-safe. */
enum store_outcome serve_results_store(struct serve_results *results, const cq_model *model,
                                       const cq_answers *answers, const cq_result *result,
                                       char *code);
/* The page of a result: its code and address first when code is not NULL, then notice (may be
 * NULL), then the report. */
void serve_result_page(const struct serve_app *app, const cq_result *result, const char *code,
                       const char *notice, struct serve_response *response);
/* GET /r/CODE, GET /api/results/CODE and POST /api/results. */
void serve_result_by_code(const struct serve_app *app, const char *code,
                          struct serve_response *response);
void serve_api_result_get(const struct serve_app *app, const char *code,
                          struct serve_response *response);
void serve_api_result_post(const struct serve_app *app, const struct serve_request *request,
                           struct serve_response *response);

/* ---- forms and cookies (serve_form.c) ---- */

/* A parsed application/x-www-form-urlencoded body: names and values, percent-decoded. */
struct serve_form {
    char *buffer; /* the decoded pairs, NUL-separated */
    const char **names;
    const char **values;
    size_t count;
};

/* Parses body into form. Returns false when it is not a well-formed form (bad escapes, NUL
 * bytes, more than SERVE_MAX_FORM_FIELDS fields) or memory runs out; form is then empty. */
#define SERVE_MAX_FORM_FIELDS 256
bool serve_form_parse(const char *body, size_t size, struct serve_form *form);
void serve_form_release(struct serve_form *form);

/* The first value of field name, or NULL. */
const char *serve_form_get(const struct serve_form *form, const char *name);

/* ---- the rate limit (serve_limits.c) ---- */

/* Requests a client may send in a burst, and how many it may send each second after it. */
#define SERVE_RATE_BURST 200
#define SERVE_RATE_PER_SECOND 50

/* A limiter of requests per client address; rate 0 turns it off (make bench does). Returns NULL
 * when memory runs out. */
struct serve_limiter *serve_limiter_new(unsigned burst, unsigned per_second);
void serve_limiter_free(struct serve_limiter *limiter);

/* Counts one request from client; false when the client is over its rate, with *retry_after
 * the seconds until it may send again. Thread-safe. */
bool serve_limiter_allow(struct serve_limiter *limiter, const char *client, unsigned *retry_after);

/* The version of libmicrohttpd that serves the pages ("0.9.75"), or NULL when this build has no
 * web server (serve_command.c). Static text. */
const char *serve_library(void);

/* ---- the facilitator's key (serve_key.c) ---- */

/* Makes a random key of 24 letters and digits into key (size > 24). Returns an exit code. */
int serve_key_make(char *key, size_t size);
/* Checks a key given on the command line or in a file (where names it). Returns an exit code
 * after reporting. */
int serve_key_check(const char *key, const char *where);
/* Reads the key from the first line of the file at path. Returns an exit code. */
int serve_key_read(const char *path, char *key, size_t size);
/* Whether the request carries the key: "Authorization: Bearer KEY" or the login cookie,
 * compared in constant time. */
bool serve_key_given(const struct serve_app *app, const struct serve_request *request);
/* Sets the login cookie on response (Secure when the site is https). False on no memory. */
bool serve_key_cookie(const struct serve_app *app, bool secure, struct serve_response *response);

/* ---- the facilitator screen's live stream (serve_events.c) ---- */

/* Seconds between heartbeats on a quiet stream: they keep proxies from closing it and find
 * the clients that left. */
#define SERVE_EVENTS_HEARTBEAT_SECONDS 15

/* The streams' shared state; NULL when memory runs out. Thread-safe. */
struct serve_events *serve_events_new(void);
void serve_events_free(struct serve_events *events);
/* Tells every stream that a result arrived; total is the results count to send. */
void serve_events_publish(struct serve_events *events, unsigned long total);
/* Sends the heartbeat when it is due; the server's main loop calls it every second. */
void serve_events_tick(struct serve_events *events);
/* Ends every stream: the server is stopping. */
void serve_events_close(struct serve_events *events);
/* A response streaming events to connection, or NULL when too many streams are open, the
 * server is stopping or memory runs out (serve_daemon.c sends it). */
struct MHD_Connection;
struct MHD_Response *serve_events_response(struct serve_events *events,
                                           struct MHD_Connection *connection);

/* ---- the server (serve_daemon.c) ---- */

/* Runs the server on app until SIGTERM or SIGINT, then lets requests in flight finish (for up
 * to SERVE_STOP_SECONDS) and returns an exit code. port 0 picks a free port; the address and
 * port listened on are printed on stderr first. */
#define SERVE_STOP_SECONDS 2
int serve_run(const struct serve_app *app, const char *bind, unsigned port);

#endif /* CQ_CLI_SERVE_H */
