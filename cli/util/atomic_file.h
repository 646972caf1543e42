/* atomic_file.h: replaces a file's contents all at once, so a crash leaves old or new. */
#ifndef CQ_CLI_ATOMIC_FILE_H
#define CQ_CLI_ATOMIC_FILE_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

/* The mode of private files: answers, results of people. */
#define ATOMIC_PRIVATE 0600

/* The mode of a new report: 0666 narrowed by the umask, as a text editor would make it. */
mode_t atomic_shared_mode(void);

/* A file being written in place of another: a temporary file in the same folder, which
 * atomic_finish renames over the target. */
struct atomic_file {
    int fd;     /* the temporary file, open for writing; -1 when none */
    char *temp; /* its name: path.tmp.XXXXXX */
    char *path; /* the file it becomes */
};

/*
 * Creates the temporary file for path, with permissions mode (ATOMIC_PRIVATE,
 * atomic_shared_mode(), or those of the file it replaces). Returns 0, or -1 with errno set and
 * *what (when not NULL) the step that failed; nothing is left behind then.
 */
int atomic_begin(struct atomic_file *file, const char *path, mode_t mode, const char **what);

/*
 * Makes what was written to file->fd durable and puts it in place: fsync, close, then rename
 * over the target (or, without `replace`, link: EEXIST when the target exists), then fsync of the
 * folder. Returns 0; on failure -1 with errno and *what set, the target untouched and the
 * temporary file removed, except when only the folder's fsync failed: the new file is in place
 * then, its durability in doubt. file is released either way.
 */
int atomic_finish(struct atomic_file *file, bool replace, const char **what);

/* Gives up: closes and removes the temporary file, leaving the target alone. Accepts a file
 * atomic_begin failed on, or one already finished. */
void atomic_abandon(struct atomic_file *file);

/*
 * Writes data to path atomically (atomic_begin, write, atomic_finish), private (0600). On
 * failure the previous file is untouched, errno is set and -1 is returned; `what` (when not
 * NULL) receives the step that failed ("create", "write", "fsync", "rename", ...).
 */
int atomic_write_file(const char *path, const char *data, size_t size, const char **what);

/*
 * Like atomic_write_file, but never replaces a file: when path exists, fails with errno EEXIST
 * (the new file is linked into place instead of renamed over it). For names that must stay
 * unique, such as default save files and pending results.
 */
int atomic_create_file(const char *path, const char *data, size_t size, const char **what);

/* Creates every missing folder of path's parent (like mkdir -p of dirname(path)) with mode
 * (0700 for private things; 0777 lets the umask decide). Returns 0 or -1 with errno set. */
int make_parent_dirs(const char *path, mode_t mode);

#endif /* CQ_CLI_ATOMIC_FILE_H */
