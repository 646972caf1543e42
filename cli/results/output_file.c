/* output_file.c: --output FILE: stdout streams into a temporary file beside FILE, which replaces
 * FILE when the command succeeds; a FIFO or a device is written directly. */

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "exitcode.h"
#include "output.h"
#include "output_file.h"
#include "diagnostics.h"

/* Reports a failure to set up the output. Returns CLI_EXIT_CANTCREAT. */
static int cannot_create(const char *path, const char *step, int errnum)
{
    char reason[128];

    cli_error("cannot create output (%s%s%s): %s", step ? step : "", step ? ": " : "",
              cli_strerror(errnum, reason, sizeof reason), path);
    return CLI_EXIT_CANTCREAT;
}

int output_capture_begin(struct output_capture *capture, const char *path, bool private)
{
    const char *step = NULL;
    struct stat st;
    bool exists;
    int fd;

    capture->path = path;
    capture->active = capture->direct = false;
    capture->file.fd = -1;
    capture->file.temp = capture->file.path = NULL;
    if (fflush(stdout) != 0)
        return cannot_create(path, NULL, errno);
    exists = stat(path, &st) == 0;
    if (exists && S_ISDIR(st.st_mode))
        return cannot_create(path, NULL, EISDIR);
    if (exists && !S_ISREG(st.st_mode)) {
        /* A FIFO, a device, a terminal: renaming a file over it would replace it. */
        fd = open(path, O_WRONLY | O_CLOEXEC);
        if (fd < 0)
            return cannot_create(path, NULL, errno);
        capture->direct = true;
    } else {
        if (atomic_begin(&capture->file, path,
                         exists    ? st.st_mode & 07777
                         : private ? ATOMIC_PRIVATE
                                   : atomic_shared_mode(),
                         &step) != 0)
            return cannot_create(path, step, errno);
        fd = capture->file.fd;
    }
    /* Redirecting the descriptor catches every write to stdout, whoever makes it. */
    if (dup2(fd, STDOUT_FILENO) < 0) {
        int saved = errno;
        if (capture->direct)
            close(fd);
        else
            atomic_abandon(&capture->file);
        return cannot_create(path, NULL, saved);
    }
    if (capture->direct)
        close(fd); /* stdout holds it now */
    capture->active = true;
    return CLI_EXIT_OK;
}

int output_capture_end(struct output_capture *capture, int code)
{
    char reason[128];
    const char *step = NULL;

    if (!capture->active)
        return code;
    capture->active = false;
    int errnum = cli_stdout_flush_error();
    if (errnum) {
        cli_error("cannot write output (%s): %s", cli_strerror(errnum, reason, sizeof reason),
                  capture->path);
        cli_stdout_error_reported(); /* the close of stdout need not say it again */
        code = code == CLI_EXIT_OK ? CLI_EXIT_IO : code;
    }
    if (capture->direct)
        return code;
    if (code != CLI_EXIT_OK) {
        atomic_abandon(&capture->file);
        return code;
    }
    if (atomic_finish(&capture->file, true, &step) != 0) {
        cli_error("cannot create output (%s, at %s): %s",
                  cli_strerror(errno, reason, sizeof reason), step, capture->path);
        code = CLI_EXIT_CANTCREAT;
    }
    return code;
}
