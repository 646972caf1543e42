/* atomic_file.h: replaces a file's contents all at once, so a crash leaves old or new. */
#ifndef CQ_CLI_ATOMIC_FILE_H
#define CQ_CLI_ATOMIC_FILE_H

#include <stddef.h>

/*
 * Writes data to path atomically: a temporary file in the same folder, fsync, rename over
 * path, then fsync of the folder. On failure the previous file is untouched, the temporary
 * file is removed, errno is set and -1 is returned; `what` (when not NULL) receives the
 * step that failed ("create", "write", "fsync", "rename", ...).
 */
int atomic_write_file(const char *path, const char *data, size_t size, const char **what);

/* Creates every missing folder of path's parent (like mkdir -p of dirname(path)), mode 0700.
 * Returns 0 or -1 with errno set. */
int make_parent_dirs(const char *path);

#endif /* CQ_CLI_ATOMIC_FILE_H */
