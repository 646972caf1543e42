/* save_file.c: saves standard input to a file with cli/atomic_file.c, for the fault tests. */
#include "atomic_file.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* usage: save_file PATH < DATA. Exits 0, or 74 after saying which step failed and why. */
int main(int argc, char **argv)
{
    if (argc != 2) {
        fputs("usage: save_file PATH < DATA\n", stderr);
        return 64;
    }
    size_t used = 0, cap = 65536;
    char *data = malloc(cap);
    size_t got;
    while (data && (got = fread(data + used, 1, cap - used, stdin)) > 0) {
        used += got;
        if (used == cap)
            data = realloc(data, cap *= 2);
    }
    if (!data) {
        fputs("save_file: out of memory\n", stderr);
        return 70;
    }
    const char *step = NULL;
    int rc = atomic_write_file(argv[1], data, used, &step);
    int errnum = errno;
    free(data);
    if (rc != 0) {
        fprintf(stderr, "save_file: cannot save (%s: %s): %s\n", step ? step : "?",
                strerror(errnum), argv[1]);
        return 74;
    }
    return 0;
}
