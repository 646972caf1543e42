/* serve_facilitator.c: the facilitator screen for the projector: how to join (a QR code and
 * the address), the room's results as they arrive, and a login for the key. */

#include <string.h>

#include "html_escape.h"
#include "qr/qr.h"
#include "serve.h"

void serve_join_url(const struct serve_app *app, const struct serve_request *request, char *buf,
                    size_t size)
{
    const char *host = request->host;
    bool plain_host = host && host[0] && strlen(host) < 256 && !strpbrk(host, "\"<>'\\ /");

    if (app->public_url)
        snprintf(buf, size, "%s/quiz", app->public_url);
    else
        snprintf(buf, size, "http://%s/quiz", plain_host ? host : "127.0.0.1:8080");
}

/* The login page, 401: a form that posts the key and sets the cookie. */
static void login_page(struct serve_response *response, const char *notice)
{
    FILE *out = serve_body_open(response, 401, "text/html; charset=utf-8");
    if (!out)
        return;
    serve_page_begin(out, "Facilitator screen", NULL);
    fputs("<h1>Facilitator screen</h1>\n"
          "<p>This screen shows the room's results. Enter the facilitator key that careerquiz "
          "serve printed when it started, or the one in your key file.</p>\n",
          out);
    if (notice) {
        fputs("<p class=\"error\" role=\"alert\">", out);
        html_escape(out, notice);
        fputs("</p>\n", out);
    }
    fputs("<form method=\"post\" action=\"/facilitator/login\" class=\"login\">\n"
          "<label for=\"key\">Facilitator key</label>\n"
          "<input id=\"key\" name=\"key\" type=\"password\" autocomplete=\"current-password\" "
          "required>\n"
          "<div class=\"actions\"><button type=\"submit\" class=\"primary\">Open the "
          "screen</button></div>\n</form>\n",
          out);
    serve_page_end(out);
    serve_body_close(out, response);
    response->authenticate = "Bearer realm=\"careerquiz facilitator\"";
}

void serve_facilitator_login(const struct serve_app *app, const struct serve_request *request,
                             struct serve_response *response)
{
    struct serve_form form;
    if (!serve_form_parse(request->body, request->body_size, &form)) {
        login_page(response, "The form could not be read. Please try again.");
        return;
    }
    const char *key = serve_form_get(&form, "key");
    char header[SERVE_MAX_KEY_BYTES + 16];
    snprintf(header, sizeof header, "Bearer %s", key ? key : "");
    struct serve_request as_bearer = *request;
    as_bearer.authorization = header;
    as_bearer.cookie = NULL;
    if (key && strlen(key) <= SERVE_MAX_KEY_BYTES && serve_key_given(app, &as_bearer)) {
        bool secure = app->public_url && strncmp(app->public_url, "https:", 6) == 0;
        serve_redirect(response, "/facilitator");
        if (!serve_key_cookie(app, secure, response))
            serve_html_error(response, 500, "Something went wrong",
                             "The server ran out of memory.");
    } else {
        login_page(response, "That key is not the facilitator key.");
    }
    serve_form_release(&form);
}

void serve_facilitator_page(const struct serve_app *app, const struct serve_request *request,
                            struct serve_response *response)
{
    char join[600];

    if (!serve_key_given(app, request)) {
        login_page(response, NULL);
        return;
    }
    serve_join_url(app, request, join, sizeof join);
    FILE *out = serve_body_open(response, 200, "text/html; charset=utf-8");
    if (!out)
        return;
    serve_page_begin(out, "Facilitator screen", "/assets/facilitator.js");
    fputs("<noscript><meta http-equiv=\"refresh\" content=\"5\"></noscript>\n"
          "<section class=\"join\">\n<h1>Take the quiz on your phone</h1>\n<div class=\"qr\">",
          out);
    if (!qr_write_svg(out, join, "QR code of the quiz's address"))
        fputs("<!-- no QR code in this build -->", out);
    fputs("</div>\n<p class=\"address\">", out);
    html_escape(out, join);
    fputs("</p>\n</section>\n<section id=\"panel\" aria-live=\"polite\">\n", out);
    serve_facilitator_panel(app, out);
    fputs("</section>\n", out);
    serve_page_end(out);
    serve_body_close(out, response);
}

void serve_facilitator_events(const struct serve_app *app, const struct serve_request *request,
                              struct serve_response *response)
{
    if (!serve_key_given(app, request)) {
        serve_json_error(response, 401, "the facilitator key is needed", NULL);
        response->authenticate = "Bearer realm=\"careerquiz facilitator\"";
        return;
    }
    response->status = 200;
    response->content_type = "text/event-stream";
    response->event_stream = true;
}
