/* fault_shim.c: an LD_PRELOAD library that makes file writes, fsync, rename and friends fail. */
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <unistd.h>

/*
 * For testing how saving survives a full disk or a failing device, without either. Each
 * variable names the errno to fail with (ENOSPC, EIO, EDQUOT, EROFS, EACCES, EPERM, EXDEV):
 *
 *   CQ_FAULT_CREATE     mkstemp of a template containing CQ_FAULT_PATH
 *   CQ_FAULT_WRITE      write to a file whose path contains CQ_FAULT_PATH; with
 *                       CQ_FAULT_WRITE_AFTER=N, the first N bytes of that file still go
 *                       through (a disk filling up part way, so the write is short first)
 *   CQ_FAULT_FSYNC      fsync of such a file
 *   CQ_FAULT_CLOSE      close of such a file (it is closed, then reported as failed, as NFS does)
 *   CQ_FAULT_RENAME     rename whose source path contains CQ_FAULT_PATH
 *   CQ_FAULT_DIR_FSYNC  fsync of any folder (after the rename: the new file is in place)
 *   CQ_FAULT_RANDOM     getrandom, and opening /dev/urandom (a machine without either)
 *
 * CQ_FAULT_PATH defaults to ".tmp.", the temporary files of cli/atomic_file.c, so standard
 * output and error, and files being read, are never touched.
 */

static int fault(const char *variable)
{
    static const struct {
        const char *name;
        int code;
    } codes[] = {{"ENOSPC", ENOSPC}, {"EIO", EIO},       {"EDQUOT", EDQUOT},
                 {"EROFS", EROFS},   {"EACCES", EACCES}, {"EPERM", EPERM},
                 {"EXDEV", EXDEV},   {"ENOSYS", ENOSYS}, {"ENOENT", ENOENT}};
    const char *value = getenv(variable);
    for (size_t i = 0; value && i < sizeof codes / sizeof *codes; i++)
        if (strcmp(value, codes[i].name) == 0)
            return codes[i].code;
    return 0;
}

static const char *pattern(void)
{
    const char *p = getenv("CQ_FAULT_PATH");
    return p && p[0] ? p : ".tmp.";
}

/* True when fd is open on a path containing the pattern. */
static int fd_matches(int fd)
{
    char link[64], path[4096];
    snprintf(link, sizeof link, "/proc/self/fd/%d", fd);
    ssize_t n = readlink(link, path, sizeof path - 1);
    if (n < 0)
        return 0;
    path[n] = '\0';
    return strstr(path, pattern()) != NULL;
}

/* The real function behind ours. ISO C has no cast from dlsym's void * to a function
 * pointer, so the pointer is copied (as POSIX suggests). */
#define FIND_NEXT(real, name)                                                                      \
    do {                                                                                           \
        void *found = dlsym(RTLD_NEXT, name);                                                      \
        if (!found)                                                                                \
            abort();                                                                               \
        memcpy(&(real), &found, sizeof(real));                                                     \
    } while (0)

ssize_t write(int fd, const void *buf, size_t count)
{
    static ssize_t (*real)(int, const void *, size_t);
    static size_t passed; /* bytes let through so far */
    if (!real)
        FIND_NEXT(real, "write");
    int code = fault("CQ_FAULT_WRITE");
    if (code && fd_matches(fd)) {
        const char *after = getenv("CQ_FAULT_WRITE_AFTER");
        size_t allowed = after ? (size_t)strtoul(after, NULL, 10) : 0;
        if (passed < allowed) {
            size_t n = count < allowed - passed ? count : allowed - passed;
            ssize_t done = real(fd, buf, n);
            if (done > 0)
                passed += (size_t)done;
            return done;
        }
        errno = code;
        return -1;
    }
    return real(fd, buf, count);
}

int fsync(int fd)
{
    static int (*real)(int);
    if (!real)
        FIND_NEXT(real, "fsync");
    struct stat st;
    int dir_code = fault("CQ_FAULT_DIR_FSYNC");
    if (dir_code && fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
        errno = dir_code;
        return -1;
    }
    int code = fault("CQ_FAULT_FSYNC");
    if (code && fd_matches(fd)) {
        errno = code;
        return -1;
    }
    return real(fd);
}

int close(int fd)
{
    static int (*real)(int);
    if (!real)
        FIND_NEXT(real, "close");
    int code = fault("CQ_FAULT_CLOSE");
    if (code && fd_matches(fd)) {
        real(fd);
        errno = code;
        return -1;
    }
    return real(fd);
}

int rename(const char *from, const char *to)
{
    static int (*real)(const char *, const char *);
    if (!real)
        FIND_NEXT(real, "rename");
    int code = fault("CQ_FAULT_RENAME");
    if (code && strstr(from, pattern())) {
        errno = code;
        return -1;
    }
    return real(from, to);
}

/* mkstemp fills in the template before it opens, so the pattern is matched on the template. */
int mkstemp(char *template)
{
    static int (*real)(char *);
    if (!real)
        FIND_NEXT(real, "mkstemp");
    int code = fault("CQ_FAULT_CREATE");
    if (code && strstr(template, pattern())) {
        errno = code;
        return -1;
    }
    return real(template);
}

int mkstemp64(char *template)
{
    return mkstemp(template);
}

ssize_t getrandom(void *buf, size_t size, unsigned int flags)
{
    static ssize_t (*real)(void *, size_t, unsigned int);
    if (!real)
        FIND_NEXT(real, "getrandom");
    int code = fault("CQ_FAULT_RANDOM");
    if (code) {
        errno = code;
        return -1;
    }
    return real(buf, size, flags);
}

/* open and open64 fail for /dev/urandom under CQ_FAULT_RANDOM, and pass everything else on. */
static int open_with(const char *name, const char *path, int flags, mode_t mode)
{
    int (*real)(const char *, int, ...);
    FIND_NEXT(real, name);
    int code = fault("CQ_FAULT_RANDOM");
    if (code && strcmp(path, "/dev/urandom") == 0) {
        errno = code;
        return -1;
    }
    return real(path, flags, mode);
}

/* open's mode argument is there only when the flags create a file. */
#define OPEN_MODE(flags, mode)                                                                     \
    do {                                                                                           \
        if ((flags) & (O_CREAT | O_TMPFILE)) {                                                     \
            va_list ap;                                                                            \
            va_start(ap, flags);                                                                   \
            (mode) = (mode_t)va_arg(ap, int);                                                      \
            va_end(ap);                                                                            \
        }                                                                                          \
    } while (0)

int open(const char *path, int flags, ...)
{
    mode_t mode = 0;
    OPEN_MODE(flags, mode);
    return open_with("open", path, flags, mode);
}

int open64(const char *path, int flags, ...)
{
    mode_t mode = 0;
    OPEN_MODE(flags, mode);
    return open_with("open64", path, flags, mode);
}
