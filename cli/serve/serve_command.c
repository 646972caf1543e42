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

/* The facilitator's key into key: the first line of --facilitator-key-file, or a made one.
 * Returns an exit code after reporting. */
static int facilitator_key(const struct cli_options *options, char *key, size_t size,
                           bool *made)
{
    *made = !options->facilitator_key_file;
    if (options->facilitator_key_file)
        return serve_key_read(options->facilitator_key_file, key, size);
    return serve_key_make(key, size);
}

int cmd_serve(struct cli_env *env, int argc, char **argv)
{
    const struct cli_options *options = env->options;
    struct serve_app app = {.env = env, .public_url = options->public_url};
    char key[SERVE_MAX_KEY_BYTES + 2];

    (void)argc;
    (void)argv;
    if (options->public_url && !valid_public_url(options->public_url)) {
        cli_error("--public-url takes an address such as http://192.168.1.20:8080, without a "
                  "trailing slash, not \"%s\"",
                  options->public_url);
        return CLI_EXIT_USAGE;
    }
    int code = facilitator_key(options, key, sizeof key, &app.key_was_made);
    if (code != CLI_EXIT_OK)
        return code;
    app.facilitator_key = key;
    app.limiter = serve_limiter_new(SERVE_RATE_BURST,
                                    options->rate_limit >= 0 ? (unsigned)options->rate_limit
                                                             : SERVE_RATE_PER_SECOND);
    app.events = serve_events_new();
    if (!app.limiter || !app.events)
        code = cli_report(CQ_ERR_NOMEM, NULL);
    /* Only with --db are results kept: a server never writes a database it was not given. */
    if (code == CLI_EXIT_OK && options->db)
        code = serve_results_open(options, app.events, &app.results);
    if (code == CLI_EXIT_OK)
        code = serve_run(&app, options->bind ? options->bind : SERVE_DEFAULT_BIND,
                         options->port >= 0 ? (unsigned)options->port : SERVE_DEFAULT_PORT);
    serve_results_close(app.results);
    serve_events_free(app.events);
    serve_limiter_free(app.limiter);
    memset(key, 0, sizeof key);
    return code;
}

#endif
