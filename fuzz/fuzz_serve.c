/* fuzz_serve.c: fuzz input as HTTP requests to careerquiz serve: routing, forms, JSON bodies,
 * cookies and headers, through serve_handle (the server's code below libmicrohttpd).
 *
 * The input is "METHOD\nPATH\nCOOKIE\nAUTHORIZATION\nCONTENT-TYPE\nBODY": the first five lines
 * are the request line's parts and headers (an empty line is a header not sent), the rest is
 * the body. Every answer must be a known status with a content type; a JSON answer must be
 * strict JSON, and no answer may hold a raw control byte that the input put there. */
#include "fuzz.h"

#include "serve.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char fuzz_target_name[] = "serve";

/* The next line of the input as a C string in buf (NULL when empty and `optional`). */
static const char *take_line(const char **p, const char *end, char *buf, size_t size, bool optional)
{
    const char *nl = memchr(*p, '\n', (size_t)(end - *p));
    size_t len = nl ? (size_t)(nl - *p) : (size_t)(end - *p);
    if (len >= size)
        len = size - 1;
    memcpy(buf, *p, len);
    buf[len] = '\0';
    buf[strlen(buf)] = '\0'; /* a NUL inside the line ends it, as in a C header value */
    *p = nl ? nl + 1 : end;
    return optional && buf[0] == '\0' ? NULL : buf;
}

static bool known_status(unsigned status)
{
    static const unsigned statuses[] = {200, 202, 303, 400, 401, 404, 405, 413, 422, 429, 500, 503};
    for (size_t i = 0; i < sizeof statuses / sizeof statuses[0]; i++)
        if (status == statuses[i])
            return true;
    return false;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static struct cli_options options = {.format = CLI_FORMAT_TEXT, .port = -1, .rate_limit = 0};
    struct cli_env env = {&options, {false, false}, fuzz_context(), (cq_model *)fuzz_model()};
    struct serve_app app = {.env = &env, .facilitator_key = "fuzz-facilitator-key"};
    static char *questions; /* made once, as serve does at its start (never freed) */
    static size_t questions_size;
    if (!questions && !(questions = serve_questions_make(&app, &questions_size)))
        fuzz_fail("the questions' JSON cannot be made");
    app.questions_json = questions;
    app.questions_json_size = questions_size;
    char method[16], path[512], cookie[512], authorization[512], type[128];
    const char *p = (const char *)data, *end = p + size;

    struct serve_request request = {
        .method = take_line(&p, end, method, sizeof method, false),
        .path = take_line(&p, end, path, sizeof path, false),
        .cookie = take_line(&p, end, cookie, sizeof cookie, true),
        .authorization = take_line(&p, end, authorization, sizeof authorization, true),
        .content_type = take_line(&p, end, type, sizeof type, true),
        .host = "127.0.0.1:8080",
        .client = "192.0.2.1",
    };
    size_t body_size = (size_t)(end - p);
    char *body = malloc(body_size + 1);
    if (!body)
        abort();
    memcpy(body, p, body_size);
    body[body_size] = '\0';
    request.body = body;
    request.body_size = body_size;

    struct serve_response response;
    memset(&response, 0, sizeof response);
    serve_handle(&app, &request, &response);
    if (!known_status(response.status) || !response.content_type) {
        fprintf(stderr, "fuzz: answer with status %u, type %s\n", response.status,
                response.content_type ? response.content_type : "(none)");
        abort();
    }
    if (response.status == 303 && !response.location && !response.location_owned)
        abort();
    const char *shown = response.body ? response.body : response.fixed_body;
    if (response.body_size > 0 && !shown)
        fuzz_fail("an answer of %zu bytes without a body", response.body_size);
    if (shown && strncmp(response.content_type, "application/json", 16) == 0) {
        /* open_memstream keeps a NUL after the text, and the questions keep theirs. */
        fuzz_check_output(shown, response.body_size);
    }
    for (size_t i = 0; i < response.body_size; i++) {
        unsigned char c = (unsigned char)shown[i];
        if ((c < 0x20 && c != '\n' && c != '\t') || c == 0x7f) {
            fprintf(stderr, "fuzz: raw control byte 0x%02x at %zu of the answer\n", c, i);
            abort();
        }
    }
    serve_response_release(&response);
    free(body);
    return 0;
}
