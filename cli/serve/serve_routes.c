/* serve_routes.c: which handler answers a request: by path, then by method. */

#include <string.h>

#include "serve.h"

/* What a path is. Pages answer errors in HTML, the API in JSON. */
enum route {
    ROUTE_NONE,
    ROUTE_HOME,
    ROUTE_QUIZ,
    ROUTE_ASSET,
    ROUTE_API_QUESTIONS,
    ROUTE_API_SCORE,
    ROUTE_RESULT, /* /r/CODE */
    ROUTE_API_RESULTS,
    ROUTE_API_RESULT, /* /api/results/CODE */
    ROUTE_FACILITATOR,
    ROUTE_FACILITATOR_LOGIN,
    ROUTE_FACILITATOR_EVENTS,
    ROUTE_FACILITATOR_PANEL,
    ROUTE_FACILITATOR_EXPORT,
    ROUTE_API_STATS,
};

#define RESULT_PREFIX "/r/"
#define API_RESULT_PREFIX "/api/results/"

static enum route route_of(const char *path)
{
    if (strcmp(path, "/") == 0)
        return ROUTE_HOME;
    if (strcmp(path, "/quiz") == 0)
        return ROUTE_QUIZ;
    if (strncmp(path, "/assets/", 8) == 0)
        return ROUTE_ASSET;
    if (strcmp(path, "/api/questions") == 0)
        return ROUTE_API_QUESTIONS;
    if (strcmp(path, "/api/score") == 0)
        return ROUTE_API_SCORE;
    if (strcmp(path, "/api/results") == 0)
        return ROUTE_API_RESULTS;
    if (strcmp(path, "/api/stats") == 0)
        return ROUTE_API_STATS;
    if (strcmp(path, "/facilitator") == 0)
        return ROUTE_FACILITATOR;
    if (strcmp(path, "/facilitator/login") == 0)
        return ROUTE_FACILITATOR_LOGIN;
    if (strcmp(path, "/facilitator/events") == 0)
        return ROUTE_FACILITATOR_EVENTS;
    if (strcmp(path, "/facilitator/panel") == 0)
        return ROUTE_FACILITATOR_PANEL;
    if (strcmp(path, "/facilitator/export.csv") == 0)
        return ROUTE_FACILITATOR_EXPORT;
    if (strncmp(path, RESULT_PREFIX, strlen(RESULT_PREFIX)) == 0)
        return ROUTE_RESULT;
    if (strncmp(path, API_RESULT_PREFIX, strlen(API_RESULT_PREFIX)) == 0)
        return ROUTE_API_RESULT;
    return ROUTE_NONE;
}

static bool is_api(const char *path)
{
    return strncmp(path, "/api/", 5) == 0 || strcmp(path, "/api") == 0;
}

static void not_found(const struct serve_request *request, struct serve_response *response)
{
    if (is_api(request->path))
        serve_json_error(response, 404, "no such resource", NULL);
    else
        serve_html_error(response, 404, "Page not found",
                         "There is nothing at this address. The quiz starts at /quiz.");
}

static void not_allowed(const struct serve_request *request, struct serve_response *response,
                        const char *allow)
{
    if (is_api(request->path))
        serve_json_error(response, 405, "method not allowed", NULL);
    else
        serve_html_error(response, 405, "Method not allowed",
                         "This address cannot be used that way.");
    response->allow = allow;
}

void serve_handle(const struct serve_app *app, const struct serve_request *request,
                  struct serve_response *response)
{
    bool get = strcmp(request->method, "GET") == 0 || strcmp(request->method, "HEAD") == 0;
    bool post = strcmp(request->method, "POST") == 0;
    unsigned retry_after = 0;

    if (!serve_limiter_allow(app->limiter, request->client, &retry_after)) {
        if (is_api(request->path))
            serve_json_error(response, 429, "too many requests: wait a moment", NULL);
        else
            serve_html_error(response, 429, "Too many requests",
                             "This device sent more requests than the server takes. Please "
                             "wait a moment and try again.");
        response->retry_after = retry_after;
        return;
    }

    switch (route_of(request->path)) {
    case ROUTE_HOME:
        if (get)
            serve_redirect(response, "/quiz");
        else
            not_allowed(request, response, "GET, HEAD");
        return;
    case ROUTE_QUIZ:
        if (get)
            serve_quiz_start(app, response);
        else if (post)
            serve_quiz_answer(app, request, response);
        else
            not_allowed(request, response, "GET, HEAD, POST");
        return;
    case ROUTE_ASSET:
        if (!get)
            not_allowed(request, response, "GET, HEAD");
        else if (!serve_asset(request->path, response))
            not_found(request, response);
        return;
    case ROUTE_API_QUESTIONS:
        if (get)
            serve_api_questions(app, response);
        else
            not_allowed(request, response, "GET, HEAD");
        return;
    case ROUTE_API_SCORE:
        if (post)
            serve_api_score(app, request, response);
        else
            not_allowed(request, response, "POST");
        return;
    case ROUTE_RESULT:
        if (get)
            serve_result_by_code(app, request->path + strlen(RESULT_PREFIX), response);
        else
            not_allowed(request, response, "GET, HEAD");
        return;
    case ROUTE_API_RESULTS:
        if (post)
            serve_api_result_post(app, request, response);
        else
            not_allowed(request, response, "POST");
        return;
    case ROUTE_API_RESULT:
        if (get)
            serve_api_result_get(app, request->path + strlen(API_RESULT_PREFIX), response);
        else
            not_allowed(request, response, "GET, HEAD");
        return;
    case ROUTE_FACILITATOR:
        if (get)
            serve_facilitator_page(app, request, response);
        else
            not_allowed(request, response, "GET, HEAD");
        return;
    case ROUTE_FACILITATOR_LOGIN:
        if (post)
            serve_facilitator_login(app, request, response);
        else
            not_allowed(request, response, "POST");
        return;
    case ROUTE_FACILITATOR_EVENTS:
        if (get)
            serve_facilitator_events(app, request, response);
        else
            not_allowed(request, response, "GET, HEAD");
        return;
    case ROUTE_FACILITATOR_PANEL:
        if (get)
            serve_facilitator_fragment(app, request, response);
        else
            not_allowed(request, response, "GET, HEAD");
        return;
    case ROUTE_FACILITATOR_EXPORT:
        if (get)
            serve_export_csv(app, request, response);
        else
            not_allowed(request, response, "GET, HEAD");
        return;
    case ROUTE_API_STATS:
        if (get)
            serve_api_stats(app, request, response);
        else
            not_allowed(request, response, "GET, HEAD");
        return;
    case ROUTE_NONE:
        break;
    }
    not_found(request, response);
}
