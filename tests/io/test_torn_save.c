/* test_torn_save.c: a save killed at any moment leaves the old file or the new one, whole. */
#include "atomic_file.h"

#include <stdarg.h>
#include <setjmp.h>
#include <stddef.h>
#include <cmocka.h>

#include <dirent.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

/* The issue asks for at least 1,000 kills; CQ_TORN_SAVE_KILLS may ask for more. */
#define KILLS 1000

typedef struct {
    char dir[64];
    char path[128];
    char *old_text, *new_text; /* two complete versions, of different sizes */
    size_t old_size, new_size;
} fixture;

/* A complete answers-like file of about `size` bytes whose every byte depends on `tag`, so a
 * mix of two versions, or a cut-off one, never equals either. */
static char *version(const char *tag, size_t size, size_t *out_size)
{
    char *text = malloc(size + 256);
    assert_non_null(text);
    size_t n = (size_t)snprintf(text, 256, "{\"version\": 1, \"tag\": \"%s\", \"pad\": [", tag);
    for (size_t i = 0; n < size; i++)
        n += (size_t)snprintf(text + n, 32, "%s\"%s-%zu\"", i ? ", " : "", tag, i);
    n += (size_t)snprintf(text + n, 32, "], \"answers\": {}}\n");
    *out_size = n;
    return text;
}

static int setup(void **state)
{
    fixture *f = calloc(1, sizeof *f);
    const char *tmp = getenv("TMPDIR");
    if (!tmp || !tmp[0] || strlen(tmp) > 32)
        tmp = "/tmp";
    snprintf(f->dir, sizeof f->dir, "%s/careerquiz-torn.XXXXXX", tmp);
    assert_non_null(mkdtemp(f->dir));
    snprintf(f->path, sizeof f->path, "%s/answers.json", f->dir);
    f->old_text = version("old", 48 * 1024, &f->old_size);
    f->new_text = version("new", 96 * 1024, &f->new_size);
    *state = f;
    return 0;
}

/* Removes the temporary files a killed save left behind; returns how many there were. */
static int remove_leftovers(const fixture *f)
{
    DIR *d = opendir(f->dir);
    struct dirent *e;
    int n = 0;
    while (d && (e = readdir(d)) != NULL) {
        if (!strstr(e->d_name, ".tmp."))
            continue;
        char path[512];
        snprintf(path, sizeof path, "%s/%s", f->dir, e->d_name);
        unlink(path);
        n++;
    }
    if (d)
        closedir(d);
    return n;
}

static int teardown(void **state)
{
    fixture *f = *state;
    remove_leftovers(f);
    unlink(f->path);
    rmdir(f->dir);
    free(f->old_text);
    free(f->new_text);
    free(f);
    return 0;
}

/* 0 when the file holds the old version, 1 the new one, -1 anything else. */
static int which_version(const fixture *f)
{
    FILE *fp = fopen(f->path, "rb");
    if (!fp)
        return -1;
    size_t cap = f->new_size + f->old_size + 2;
    char *buf = malloc(cap);
    size_t n = buf ? fread(buf, 1, cap, fp) : 0;
    fclose(fp);
    int v = -1;
    if (n == f->old_size && memcmp(buf, f->old_text, n) == 0)
        v = 0;
    else if (n == f->new_size && memcmp(buf, f->new_text, n) == 0)
        v = 1;
    free(buf);
    return v;
}

static double now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

/* Saves alternately the new and the old version until killed. */
static void save_forever(const fixture *f)
{
    for (unsigned i = 0;; i++) {
        bool new_one = i % 2 == 0;
        if (atomic_write_file(f->path, new_one ? f->new_text : f->old_text,
                              new_one ? f->new_size : f->old_size, NULL) != 0)
            _exit(1);
    }
}

static void saving_then_killing_leaves_a_whole_version_every_time(void **state)
{
    fixture *f = *state;
    assert_int_equal(atomic_write_file(f->path, f->old_text, f->old_size, NULL), 0);
    /* Kills land anywhere from before the first save to a few saves in. */
    double start = now();
    for (int i = 0; i < 10; i++)
        assert_int_equal(atomic_write_file(f->path, f->old_text, f->old_size, NULL), 0);
    double save = (now() - start) / 10;
    const char *env = getenv("CQ_TORN_SAVE_KILLS");
    int kills = env && atoi(env) > KILLS ? atoi(env) : KILLS;
    int seen[2] = {0, 0}, leftovers = 0;
    unsigned seed = (unsigned)time(NULL);
    srand(seed);
    for (int i = 0; i < kills; i++) {
        pid_t pid = fork();
        assert_true(pid >= 0);
        if (pid == 0)
            save_forever(f);
        double delay = save * 3 * rand() / RAND_MAX;
        struct timespec pause = {0, (long)(delay * 1e9)};
        nanosleep(&pause, NULL);
        kill(pid, SIGKILL);
        int status;
        assert_int_equal(waitpid(pid, &status, 0), pid);
        /* Killed, not exited: a save never failed on its own. */
        assert_true(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL);
        int v = which_version(f);
        if (v < 0)
            print_error("kill %d (seed %u, %.0f us after fork): the file is neither version\n", i,
                        seed, delay * 1e6);
        assert_true(v >= 0);
        seen[v]++;
        leftovers += remove_leftovers(f);
    }
    print_message("# %d kills (a save takes %.2f ms): %d left the old version, %d the new; "
                  "%d left a temporary file behind\n",
                  kills, save * 1e3, seen[0], seen[1], leftovers);
    /* The kills did land at different moments: both outcomes happened. */
    assert_true(seen[0] > 0);
    assert_true(seen[1] > 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(saving_then_killing_leaves_a_whole_version_every_time,
                                        setup, teardown),
    };
    return cmocka_run_group_tests_name("torn save", tests, NULL, NULL);
}
