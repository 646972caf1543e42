/* module.c: opens the parts of careerquiz built as shared objects. Every other run starts
 * without their libraries (libmicrohttpd brings GnuTLS, libpq OpenSSL, Kerberos and LDAP):
 * linking them is most of a short command's time. */

#include <dlfcn.h>
#include <limits.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "module.h"

#ifndef CQ_MODULE_DIR
#define CQ_MODULE_DIR "/usr/local/lib/careerquiz"
#endif

/* The folder the running program is in. */
static bool program_folder(char *folder, size_t size)
{
    ssize_t n = readlink("/proc/self/exe", folder, size - 1);
    char *slash;

    if (n <= 0)
        return false;
    folder[n] = '\0';
    slash = strrchr(folder, '/');
    if (!slash)
        return false;
    *slash = '\0';
    return true;
}

/* The address of symbol in module name (cli_module_find_function's search). */
static void *module_symbol(const char *name, const char *symbol, char *why, size_t why_size)
{
    char here[PATH_MAX], installed[PATH_MAX + 32], path[PATH_MAX + 64];
    const char *folders[3] = {NULL, NULL, CQ_MODULE_DIR};
    void *handle = NULL, *found;

    if (program_folder(here, sizeof here)) {
        folders[0] = here;
        snprintf(installed, sizeof installed, "%s/../lib/careerquiz", here);
        folders[1] = installed;
    }
    for (size_t i = 0; !handle && i < sizeof folders / sizeof *folders; i++) {
        if (!folders[i])
            continue;
        snprintf(path, sizeof path, "%s/careerquiz-%s.so", folders[i], name);
        if (access(path, F_OK) != 0)
            continue; /* not here: the next place */
        if (!(handle = dlopen(path, RTLD_NOW | RTLD_LOCAL))) {
            snprintf(why, why_size, "%s", dlerror());
            return NULL;
        }
    }
    if (!handle) {
        snprintf(why, why_size, "careerquiz-%s.so is in none of %s%s%s%s%s", name,
                 folders[0] ? folders[0] : "", folders[0] ? ", " : "", folders[1] ? folders[1] : "",
                 folders[1] ? ", " : "", CQ_MODULE_DIR);
        return NULL;
    }
    found = dlsym(handle, symbol);
    if (!found)
        snprintf(why, why_size, "%s", dlerror());
    return found;
}

cli_module_function cli_module_find_function(const char *name, const char *symbol, char *why,
                                             size_t why_size)
{
    cli_module_function function = NULL;
    void *found = module_symbol(name, symbol, why, why_size);

    /* dlsym gives an object pointer; C turns it into a function pointer only by its bytes. */
    if (found)
        memcpy(&function, &found, sizeof function);
    return function;
}
