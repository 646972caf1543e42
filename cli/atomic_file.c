/* atomic_file.c: atomic file replacement (temp file, fsync, rename, fsync folder). */
#include "atomic_file.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* The folder part of path ("." when there is none), in a malloc'd string. */
static char *parent_of(const char *path)
{
    const char *slash = strrchr(path, '/');
    if (!slash)
        return strdup(".");
    if (slash == path)
        return strdup("/");
    return strndup(path, (size_t)(slash - path));
}

static int write_all(int fd, const char *data, size_t size)
{
    while (size > 0) {
        ssize_t n = write(fd, data, size);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return -1;
        }
        data += n;
        size -= (size_t)n;
    }
    return 0;
}

int atomic_write_file(const char *path, const char *data, size_t size, const char **what)
{
    const char *step = "create";
    char *dir = parent_of(path);
    size_t n = strlen(path) + 16;
    char *temp = malloc(n);
    if (!dir || !temp) {
        free(dir);
        free(temp);
        errno = ENOMEM;
        if (what)
            *what = "allocate";
        return -1;
    }
    snprintf(temp, n, "%s.tmp.XXXXXX", path);
    int fd = mkstemp(temp);
    int saved = 0;
    if (fd < 0)
        goto fail;
    /* mkstemp makes 0600 files; answers are private, so keep it that way. */
    step = "write";
    if (write_all(fd, data, size) < 0)
        goto fail_open;
    step = "fsync";
    if (fsync(fd) < 0)
        goto fail_open;
    step = "close";
    if (close(fd) < 0) {
        fd = -1;
        goto fail_temp;
    }
    fd = -1;
    step = "rename";
    if (rename(temp, path) < 0)
        goto fail_temp;
    /* The rename is durable only once the folder itself is on disk. */
    step = "fsync folder";
    int dfd = open(dir, O_RDONLY | O_DIRECTORY);
    if (dfd < 0 || fsync(dfd) < 0) {
        saved = errno;
        if (dfd >= 0)
            close(dfd);
        free(dir);
        free(temp);
        errno = saved;
        if (what)
            *what = step;
        return -1; /* the new file is in place; only its durability is in doubt */
    }
    close(dfd);
    free(dir);
    free(temp);
    return 0;

fail_open:
    saved = errno;
    close(fd);
    errno = saved;
fail_temp:
    saved = errno;
    unlink(temp);
    errno = saved;
fail:
    saved = errno;
    free(dir);
    free(temp);
    errno = saved;
    if (what)
        *what = step;
    return -1;
}

int make_parent_dirs(const char *path)
{
    char *dir = parent_of(path);
    if (!dir) {
        errno = ENOMEM;
        return -1;
    }
    for (char *p = dir + 1;; p++) {
        char c = *p;
        if (c == '/' || c == '\0') {
            *p = '\0';
            if (mkdir(dir, 0700) < 0 && errno != EEXIST) {
                int saved = errno;
                free(dir);
                errno = saved;
                return -1;
            }
            *p = c;
        }
        if (c == '\0')
            break;
    }
    free(dir);
    return 0;
}
