/* serve_module.c: the serve command and --version's line about it, in the program itself. The
 * web server is a module of its own (careerquiz-serve.so, cli/util/module.c), opened only when
 * serve runs, so that no other command links libmicrohttpd and GnuTLS at its start. */

#include <stdio.h>
#include <string.h>

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

/* The module's function `symbol` (NULL with why filled in). A function's address comes back
 * from dlsym as an object pointer: copied, since C converts between the two only this way. */
static void *module_function(const char *symbol, char *why, size_t why_size)
{
    return cli_module_symbol("serve", symbol, why, why_size);
}

const char *serve_library(char *why, size_t why_size)
{
    const char *(*library)(void) = NULL;
    char reason[400];
    void *found = module_function("serve_module_library", reason, sizeof reason);

    if (!found) {
        snprintf(why, why_size, "cannot be loaded: %s", reason);
        return NULL;
    }
    memcpy(&library, &found, sizeof library);
    return library();
}

int cmd_serve(struct cli_env *env, int argc, char **argv)
{
    int (*command)(struct cli_env *, int, char **);
    char why[512];
    void *found = module_function("serve_module_command", why, sizeof why);

    if (!found) {
        cli_error("cannot start the web server: %s", why);
        return CLI_EXIT_SOFTWARE;
    }
    memcpy(&command, &found, sizeof command);
    return command(env, argc, argv);
}

#endif
