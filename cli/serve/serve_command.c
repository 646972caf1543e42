/* serve_command.c: the serve command: checks its options, then runs the web server. */

#include <stdlib.h>
#include <string.h>

#include "exitcode.h"
#include "diagnostics.h"
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

/* --facilitator-key KEY: copied, then blanked in argv so that ps shows x's from now on. Anyone
 * on the machine could read it until then, and the shell's history keeps it: say so. */
static int key_from_argument(char *given, char *key, size_t size)
{
    int code = serve_key_check(given, "--facilitator-key");
    if (code == CLI_EXIT_OK)
        snprintf(key, size, "%s", given);
    memset(given, 'x', strlen(given));
    if (code == CLI_EXIT_OK)
        cli_warning("a key on the command line can be read by other users of this machine "
                    "while serve starts, and stays in your shell's history; "
                    "--facilitator-key-file FILE keeps it private");
    return code;
}

/* The facilitator's key into key: --facilitator-key, the first line of --facilitator-key-file,
 * or a made one. Returns an exit code after reporting. */
static int facilitator_key(const struct cli_options *options, char *key, size_t size,
                           enum serve_key_source *source)
{
    if (options->facilitator_key && options->facilitator_key_file) {
        memset(options->facilitator_key, 'x', strlen(options->facilitator_key));
        cli_error("give the facilitator key one way: --facilitator-key or "
                  "--facilitator-key-file, not both");
        return CLI_EXIT_USAGE;
    }
    *source = options->facilitator_key        ? SERVE_KEY_GIVEN
              : options->facilitator_key_file ? SERVE_KEY_FILE
                                              : SERVE_KEY_MADE;
    if (options->facilitator_key)
        return key_from_argument(options->facilitator_key, key, size);
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
    int code = facilitator_key(options, key, sizeof key, &app.key_source);
    if (code != CLI_EXIT_OK)
        return code;
    app.facilitator_key = key;
    app.limiter =
        serve_limiter_new(SERVE_RATE_BURST, options->rate_limit >= 0 ? (unsigned)options->rate_limit
                                                                     : SERVE_RATE_PER_SECOND);
    app.events = serve_events_new();
    char *questions = serve_questions_make(&app, &app.questions_json_size);
    app.questions_json = questions;
    if (!app.limiter || !app.events || !questions)
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
    free(questions);
    memset(key, 0, sizeof key);
    return code;
}

#endif
