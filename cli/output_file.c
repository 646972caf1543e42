/* output_file.c: --output FILE: stdout goes to a temporary file, then replaces FILE at once. */

#include <errno.h>
#include <stdlib.h>
#include <unistd.h>

#include "atomic_file.h"
#include "exitcode.h"
#include "output_file.h"
#include "report.h"

int output_capture_begin(struct output_capture *capture, const char *path)
{
    char reason[128];
    FILE *temp;

    capture->path = path;
    capture->temp = NULL;
    if (fflush(stdout) != 0 || (temp = tmpfile()) == NULL) {
        cli_error("cannot create output (%s): %s", cli_strerror(errno, reason, sizeof reason),
                  path);
        return CLI_EXIT_CANTCREAT;
    }
    /* Redirecting the descriptor catches every write to stdout, whoever makes it. */
    if (dup2(fileno(temp), STDOUT_FILENO) < 0) {
        cli_error("cannot create output (%s): %s", cli_strerror(errno, reason, sizeof reason),
                  path);
        fclose(temp);
        return CLI_EXIT_CANTCREAT;
    }
    capture->temp = temp;
    return CLI_EXIT_OK;
}

/* Reads the whole temporary file into a malloc'd buffer. Returns NULL with errno set. */
static char *read_back(FILE *temp, size_t *size)
{
    long end;
    char *data;

    if (fseek(temp, 0, SEEK_END) != 0 || (end = ftell(temp)) < 0 || fseek(temp, 0, SEEK_SET) != 0)
        return NULL;
    data = malloc((size_t)end + 1);
    if (!data)
        return NULL;
    *size = fread(data, 1, (size_t)end, temp);
    if (*size != (size_t)end) {
        free(data);
        errno = EIO;
        return NULL;
    }
    return data;
}

int output_capture_end(struct output_capture *capture, int code)
{
    char reason[128];
    const char *step = NULL;
    char *data;
    size_t size = 0;

    if (!capture->temp)
        return code;
    errno = 0;
    if (fflush(stdout) != 0 || ferror(stdout)) {
        cli_error("cannot write output (%s): %s",
                  cli_strerror(errno ? errno : EIO, reason, sizeof reason), capture->path);
        code = code == CLI_EXIT_OK ? CLI_EXIT_IO : code;
    }
    if (code == CLI_EXIT_OK) {
        data = read_back(capture->temp, &size);
        if (!data) {
            cli_error("cannot write output (%s): %s", cli_strerror(errno, reason, sizeof reason),
                      capture->path);
            code = CLI_EXIT_IO;
        } else if (atomic_write_file(capture->path, data, size, &step) != 0) {
            cli_error("cannot create output (%s, at %s): %s",
                      cli_strerror(errno, reason, sizeof reason), step, capture->path);
            code = CLI_EXIT_CANTCREAT;
        }
        free(data);
    }
    fclose(capture->temp);
    capture->temp = NULL;
    return code;
}
