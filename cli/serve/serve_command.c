/* serve_command.c: the serve command: checks its options, then runs the web server. */

#include <string.h>

#include "exitcode.h"
#include "report.h"
#include "serve.h"

#ifdef CQ_NO_SERVE

const char *serve_library(void)
{
    return NULL;
}

int cmd_serve(struct cli_env *env, int argc, char **argv)
{
    (void)env;
    (void)argc;
    (void)argv;
    cli_error("this careerquiz was built without the web server (libmicrohttpd): install "
              "libmicrohttpd-dev and rebuild (make deps installs it)");
    return CLI_EXIT_USAGE;
}

#else

#include <microhttpd.h>

const char *serve_library(void)
{
    return MHD_get_version();
}

/* A --public-url is where phones reach the server: http(s)://host[:port][/path], without a
 * trailing slash (codes are appended as /r/CODE). */
static bool valid_public_url(const char *url)
{
    size_t len = strlen(url);
    bool scheme = strncmp(url, "http://", 7) == 0 || strncmp(url, "https://", 8) == 0;

    for (const char *p = url; *p; p++)
        if ((unsigned char)*p <= 0x20 || *p == 0x7f || *p == '"' || *p == '<' || *p == '>')
            return false;
    return scheme && len > 8 && len < 512 && url[len - 1] != '/';
}

int cmd_serve(struct cli_env *env, int argc, char **argv)
{
    const struct cli_options *options = env->options;
    struct serve_app app = {.env = env, .public_url = options->public_url};

    (void)argc;
    (void)argv;
    if (options->public_url && !valid_public_url(options->public_url)) {
        cli_error("--public-url takes an address such as http://192.168.1.20:8080, without a "
                  "trailing slash, not \"%s\"",
                  options->public_url);
        return CLI_EXIT_USAGE;
    }
    app.limiter = serve_limiter_new(SERVE_RATE_BURST,
                                    options->rate_limit >= 0 ? (unsigned)options->rate_limit
                                                             : SERVE_RATE_PER_SECOND);
    if (!app.limiter)
        return cli_report(CQ_ERR_NOMEM, NULL);
    int code = serve_run(&app, options->bind ? options->bind : SERVE_DEFAULT_BIND,
                         options->port >= 0 ? (unsigned)options->port : SERVE_DEFAULT_PORT);
    serve_limiter_free(app.limiter);
    return code;
}

#endif
