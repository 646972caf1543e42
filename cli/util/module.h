/* module.h: the parts of careerquiz built apart as shared objects (the web server, the
 * PostgreSQL store), opened only by the runs that use them. */
#ifndef CQ_CLI_MODULE_H
#define CQ_CLI_MODULE_H

#include <stddef.h>

/*
 * Opens careerquiz-NAME.so and finds the function `symbol` in it: the module is looked for
 * beside the program (the build tree), in ../lib/careerquiz from the program's folder (an
 * install under any prefix), then in CQ_MODULE_DIR (the libdir it was installed to). Returns the
 * function, which the caller casts to its own type, or NULL with why (a sentence naming where it
 * looked, or the loader's reason) filled in. The module stays loaded until the process ends.
 */
typedef void (*cli_module_function)(void);
cli_module_function cli_module_find_function(const char *name, const char *symbol, char *why,
                                             size_t why_size);

#endif /* CQ_CLI_MODULE_H */
