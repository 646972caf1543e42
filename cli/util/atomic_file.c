/* atomic_file.c: atomic file replacement (temp file, fsync, rename, fsync folder). */
#include "atomic_file.h"

#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
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

mode_t atomic_shared_mode(void)
{
    mode_t mask = umask(077); /* only umask() tells the umask, by setting it: put it back */
    umask(mask);
    return 0666 & ~mask;
}

/* Sets *what and errno and returns -1. */
static int failed(const char **what, const char *step, int errnum)
{
    if (what)
        *what = step;
    errno = errnum;
    return -1;
}

int atomic_begin(struct atomic_file *f, const char *path, mode_t mode, const char **what)
{
    size_t n = strlen(path) + 16;

    f->fd = -1;
    f->temp = malloc(n);
    f->path = strdup(path);
    if (!f->temp || !f->path) {
        atomic_abandon(f);
        return failed(what, "allocate", ENOMEM);
    }
    snprintf(f->temp, n, "%s.tmp.XXXXXX", path);
    f->fd = mkstemp(f->temp);
    if (f->fd < 0) {
        int saved = errno;
        free(f->temp); /* nothing was created: nothing to remove */
        f->temp = NULL;
        atomic_abandon(f);
        return failed(what, "create", saved);
    }
    /* mkstemp makes 0600 files. */
    if (mode != ATOMIC_PRIVATE && fchmod(f->fd, mode) < 0) {
        int saved = errno;
        atomic_abandon(f);
        return failed(what, "create", saved);
    }
    return 0;
}

void atomic_abandon(struct atomic_file *f)
{
    int saved = errno;

    if (f->fd >= 0)
        close(f->fd);
    if (f->temp)
        unlink(f->temp);
    free(f->temp);
    free(f->path);
    f->fd = -1;
    f->temp = f->path = NULL;
    errno = saved;
}

int atomic_finish(struct atomic_file *f, bool replace, const char **what)
{
    const char *step = "fsync";
    char *dir = parent_of(f->path);
    int dfd, saved;

    if (!dir) {
        atomic_abandon(f);
        return failed(what, "allocate", ENOMEM);
    }
    if (fsync(f->fd) < 0)
        goto fail;
    step = "close";
    saved = close(f->fd);
    f->fd = -1;
    if (saved < 0)
        goto fail;
    step = replace ? "rename" : "link";
    /* link() fails with EEXIST instead of replacing; the temporary name then goes. */
    if (replace ? rename(f->temp, f->path) < 0 : link(f->temp, f->path) < 0)
        goto fail;
    if (replace) {
        free(f->temp); /* renamed: there is nothing left to remove */
        f->temp = NULL;
    }
    atomic_abandon(f); /* the temporary name, after a link */
    /* The rename is durable only once the folder itself is on disk. */
    dfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dfd < 0 || fsync(dfd) < 0) {
        saved = errno;
        if (dfd >= 0)
            close(dfd);
        free(dir);
        return failed(what, "fsync folder", saved); /* the new file is in place */
    }
    close(dfd);
    free(dir);
    return 0;
fail:
    saved = errno;
    atomic_abandon(f);
    free(dir);
    return failed(what, step, saved);
}

/* The work of atomic_write_file and atomic_create_file. */
static int write_whole(const char *path, const char *data, size_t size, bool replace,
                       const char **what)
{
    struct atomic_file f;

    if (atomic_begin(&f, path, ATOMIC_PRIVATE, what) < 0)
        return -1;
    if (write_all(f.fd, data, size) < 0) {
        atomic_abandon(&f);
        return failed(what, "write", errno);
    }
    return atomic_finish(&f, replace, what);
}

int atomic_write_file(const char *path, const char *data, size_t size, const char **what)
{
    return write_whole(path, data, size, true, what);
}

int atomic_create_file(const char *path, const char *data, size_t size, const char **what)
{
    return write_whole(path, data, size, false, what);
}

int make_parent_dirs(const char *path, mode_t mode)
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
            if (mkdir(dir, mode) < 0 && errno != EEXIST) {
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
