/* serve.h: careerquiz serve, the quiz and its results over HTTP; the door to cli/serve/. */
#ifndef CQ_CLI_SERVE_H
#define CQ_CLI_SERVE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "cli.h"

/* A request body larger than this gets 413: an answers document is a few hundred bytes, and a
 * quiz form a few kilobytes. */
#define SERVE_MAX_BODY_BYTES (1024 * 1024)

/* The default port and address: only this machine, unless --bind says otherwise. */
#define SERVE_DEFAULT_PORT 8080
#define SERVE_DEFAULT_BIND "127.0.0.1"

/* A facilitator key shorter than this is refused: it guards the room's answers. */
#define SERVE_MIN_KEY_BYTES 12
#define SERVE_MAX_KEY_BYTES 256

struct serve_limiter;

/* What every request is answered with: the loaded model, the options, the room's state. */
struct serve_app {
    const struct cli_env *env;
    const char *facilitator_key; /* NULL: the facilitator pages and /api/stats are closed */
    const char *public_url;      /* --public-url, or NULL */
    struct serve_limiter *limiter;
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
    size_t body_size;
    const char *location;  /* static text or NULL: a redirect's target */
    char *location_owned;  /* malloc'd redirect target, used when location is NULL */
    char *set_cookie;      /* malloc'd Set-Cookie value, or NULL */
    const char *cache;     /* Cache-Control value (static); NULL means "no-store" */
    const char *allow;     /* Allow value for 405 (static), or NULL */
    unsigned retry_after;  /* seconds, for 429; 0: no Retry-After */
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

/* An HTML error page with a heading, a sentence and a link back to the quiz. */
void serve_html_error(struct serve_response *response, unsigned status, const char *title,
                      const char *text);

/* ---- handlers ---- */

void serve_api_questions(const struct serve_app *app, struct serve_response *response);
void serve_api_score(const struct serve_app *app, const struct serve_request *request,
                     struct serve_response *response);
void serve_quiz_start(const struct serve_app *app, struct serve_response *response);
void serve_quiz_answer(const struct serve_app *app, const struct serve_request *request,
                       struct serve_response *response);
/* An embedded file (a stylesheet or script) by its path, or false when there is none. */
bool serve_asset(const char *path, struct serve_response *response);

/* ---- pages (serve_page.c) ---- */

/* Writes the start of a page (head with the stylesheet and, when script is true, quiz.js) and
 * its end. The title is escaped. */
void serve_page_begin(FILE *out, const char *title, bool script);
void serve_page_end(FILE *out);

/* Writes the HTML report of a result as the body of a page (the report's own sections, with
 * the site's stylesheet instead of the report's inline one). Returns an exit code. */
int serve_page_result(const struct serve_app *app, const cq_result *result, FILE *out);

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

/* ---- the server (serve_daemon.c) ---- */

/* Runs the server on app until SIGTERM or SIGINT, then lets requests in flight finish (for up
 * to SERVE_STOP_SECONDS) and returns an exit code. port 0 picks a free port; the address and
 * port listened on are printed on stderr first. */
#define SERVE_STOP_SECONDS 2
int serve_run(const struct serve_app *app, const char *bind, unsigned port);

#endif /* CQ_CLI_SERVE_H */
