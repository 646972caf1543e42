/* serve_response.c: building responses: bodies through memory streams, JSON errors, pages. */

#include <stdlib.h>
#include <string.h>

#include "html_escape.h"
#include "json_write.h"
#include "serve.h"

void serve_response_release(struct serve_response *response)
{
    free(response->body);
    free(response->location_owned);
    free(response->set_cookie);
    memset(response, 0, sizeof *response);
}

/* The response for running out of memory: a fixed body needs no allocation. */
static void out_of_memory(struct serve_response *response)
{
    free(response->body);
    response->body = NULL;
    response->body_size = 0;
    response->status = 500;
    response->content_type = "text/plain; charset=utf-8";
}

FILE *serve_body_open(struct serve_response *response, unsigned status, const char *type)
{
    free(response->body);
    response->body = NULL;
    response->body_size = 0;
    response->status = status;
    response->content_type = type;
    FILE *out = open_memstream(&response->body, &response->body_size);
    if (!out)
        out_of_memory(response);
    return out;
}

void serve_body_close(FILE *body, struct serve_response *response)
{
    if (!body)
        return;
    if (ferror(body) | fclose(body))
        out_of_memory(response);
}

void serve_json_error(struct serve_response *response, unsigned status, const char *message,
                      const cq_error *err)
{
    FILE *out = serve_body_open(response, status, "application/json");
    if (!out)
        return;
    fputs("{\"error\":", out);
    json_put_string(out, message);
    if (err && err->line > 0)
        fprintf(out, ",\"line\":%d,\"column\":%d", err->line, err->column);
    if (err && err->id[0] != '\0') {
        fputs(",\"id\":", out);
        json_put_string(out, err->id);
    }
    fputs("}\n", out);
    serve_body_close(out, response);
}

void serve_engine_json(struct serve_response *response, const cq_context *ctx, cq_status status,
                       char *json, size_t size, const cq_error *err)
{
    if (status != CQ_OK) {
        const char *text = err && err->message[0] ? err->message : cq_strerror(status);
        serve_json_error(response, status == CQ_ERR_NOMEM ? 500 : 400, text, err);
        return;
    }
    FILE *out = serve_body_open(response, 200, "application/json");
    if (out) {
        json_write_safe(out, json, size); /* DEL and C1 controls from --data, escaped */
        serve_body_close(out, response);
    }
    cq_free(ctx, json);
}

void serve_redirect(struct serve_response *response, const char *location)
{
    free(response->body);
    response->body = NULL;
    response->body_size = 0;
    response->status = 303;
    response->content_type = "text/plain; charset=utf-8";
    response->location = location;
}

void serve_html_error(struct serve_response *response, unsigned status, const char *title,
                      const char *text)
{
    FILE *out = serve_body_open(response, status, "text/html; charset=utf-8");
    if (!out)
        return;
    serve_page_begin(out, title, false);
    fputs("<h1>", out);
    html_escape(out, title);
    fputs("</h1>\n<p>", out);
    html_escape(out, text);
    fputs("</p>\n<p><a class=\"button\" href=\"/quiz\">Start the quiz</a></p>\n", out);
    serve_page_end(out);
    serve_body_close(out, response);
}
