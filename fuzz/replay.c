/* replay.c: runs a fuzz target over its seed and regression files, as a TAP suite for make test. */
#include "fuzz.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#ifndef CQ_SOURCE_DIR
#define CQ_SOURCE_DIR "."
#endif

/* A list of file paths, grown as needed. */
typedef struct paths {
    char **items;
    size_t count, cap;
} paths;

static void add(paths *p, const char *path)
{
    if (p->count == p->cap) {
        p->cap = p->cap ? 2 * p->cap : 64;
        p->items = realloc(p->items, p->cap * sizeof *p->items);
    }
    if (!p->items || !(p->items[p->count] = strdup(path))) {
        perror("replay");
        exit(2);
    }
    p->count++;
}

static int by_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Adds path, or the regular files in it (not hidden ones) when it is a folder. A folder that
 * does not exist adds nothing: a target may have no regressions yet. */
static void add_path(paths *p, const char *path)
{
    struct stat st;
    if (stat(path, &st) != 0)
        return;
    if (!S_ISDIR(st.st_mode)) {
        add(p, path);
        return;
    }
    DIR *d = opendir(path);
    struct dirent *e;
    size_t first = p->count;
    while (d && (e = readdir(d)) != NULL) {
        char full[4096];
        snprintf(full, sizeof full, "%s/%s", path, e->d_name);
        if (e->d_name[0] != '.' && stat(full, &st) == 0 && S_ISREG(st.st_mode))
            add(p, full);
    }
    if (d)
        closedir(d);
    qsort(p->items + first, p->count - first, sizeof *p->items, by_name);
}

static const char *source_root(void)
{
    const char *root = getenv("CQ_SOURCE_DIR");
    return root && root[0] ? root : CQ_SOURCE_DIR;
}

/* A path below the source tree, without the tree's own path in front. */
static const char *shown(const char *path)
{
    size_t n = strlen(source_root());
    return strncmp(path, source_root(), n) == 0 && path[n] == '/' ? path + n + 1 : path;
}

/* Adds the folders fuzz/seeds.txt lists for this target. */
static void add_seeds(paths *p)
{
    const char *root = source_root();
    char path[4096], line[4096];
    snprintf(path, sizeof path, "%s/fuzz/seeds.txt", root);
    FILE *fp = fopen(path, "r");
    if (!fp) {
        perror(path);
        exit(2);
    }
    size_t n = strlen(fuzz_target_name);
    while (fgets(line, sizeof line, fp)) {
        if (strncmp(line, fuzz_target_name, n) != 0 || line[n] != ':')
            continue;
        for (char *word = strtok(line + n + 1, " \t\n"); word; word = strtok(NULL, " \t\n")) {
            snprintf(path, sizeof path, "%s/%s", root, word);
            add_path(p, path);
        }
    }
    fclose(fp);
}

static unsigned char *read_all(const char *path, size_t *size)
{
    FILE *fp = fopen(path, "rb");
    unsigned char *data = NULL;
    size_t used = 0, cap = 0, got;
    do {
        if (!fp || (cap - used < 65536 && !(data = realloc(data, cap = 2 * cap + 65536)))) {
            perror(path);
            exit(2);
        }
        got = fread(data + used, 1, cap - used, fp);
        used += got;
    } while (got > 0);
    fclose(fp);
    *size = used;
    return data;
}

/* Runs one file in a child process, so a crash names the file and the rest still run. */
static bool replay(const char *path)
{
    fflush(NULL);
    pid_t pid = fork();
    if (pid < 0) {
        perror("fork");
        exit(2);
    }
    if (pid == 0) {
        size_t size;
        unsigned char *data = read_all(path, &size);
        LLVMFuzzerTestOneInput(data, size);
        free(data);
        exit(0); /* exit, not _exit: LeakSanitizer checks at exit */
    }
    int status;
    if (waitpid(pid, &status, 0) < 0) {
        perror("waitpid");
        exit(2);
    }
    return WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

/* With no arguments, replays the target's seeds as TAP; otherwise the files and folders
 * given (for reproducing a crash: build/tests/test_fuzz_answers crash-1234). */
int main(int argc, char **argv)
{
    paths p = {NULL, 0, 0};
    if (argc > 1)
        for (int i = 1; i < argc; i++)
            add_path(&p, argv[i]);
    else
        add_seeds(&p);
    fuzz_every_input = true;
    fuzz_model(); /* load once, before the children are forked */
    printf("1..%zu\n", p.count);
    int failed = 0;
    for (size_t i = 0; i < p.count; i++) {
        bool ok = replay(p.items[i]);
        failed += !ok;
        printf("%s %zu - fuzz target %s survives %s\n", ok ? "ok" : "not ok", i + 1,
               fuzz_target_name, shown(p.items[i]));
        free(p.items[i]);
    }
    free(p.items);
    return failed ? 1 : 0;
}
