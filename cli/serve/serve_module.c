/* serve_module.c: the serve command and --version's line about it, in the program itself. The
 * web server is a module of its own (careerquiz-serve.so, cli/util/module.c), opened only when
 * serve runs, so that no other command links libmicrohttpd and GnuTLS at its start. */

#include <stdio.h>

#include "cli.h"
#include "diagnostics.h"
#include "exitcode.h"
#include "serve.h"

#ifdef CQ_NO_SERVE

const char *serve_library(char *why, size_t why_size)
{
    snprintf(why, why_size, "is not in this build (no libmicrohttpd)");
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

#include "module.h"

const char *serve_library(char *why, size_t why_size)
{
    char reason[400];
    const char *(*library)(void) = (const char *(*)(void))cli_module_find_function(
        "serve", "serve_module_library", reason, sizeof reason);

    if (!library) {
        snprintf(why, why_size, "cannot be loaded: %s", reason);
        return NULL;
    }
    return library();
}

int cmd_serve(struct cli_env *env, int argc, char **argv)
{
    char why[512];
    int (*command)(struct cli_env *, int, char **) =
        (int (*)(struct cli_env *, int, char **))cli_module_find_function(
            "serve", "serve_module_command", why, sizeof why);

    if (!command) {
        cli_error("cannot start the web server: %s", why);
        return CLI_EXIT_SOFTWARE;
    }
    return command(env, argc, argv);
}

#endif
