/* proctime.c: the median wall-clock time of running a command many times (make bench).
 *
 * usage: proctime RUNS COMMAND [ARGS...]  -- prints the median in microseconds.
 * Each run is a posix_spawn and a waitpid, with stdout and stderr sent to /dev/null, so the
 * figure is the whole process: exec, dynamic linking, start-up, work and exit. */
#define _POSIX_C_SOURCE 200809L
#include <fcntl.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

extern char **environ;

static int by_value(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;

    return (x > y) - (x < y);
}

int main(int argc, char **argv)
{
    posix_spawn_file_actions_t actions;
    struct timespec start, end;
    double *times;
    int runs, status;
    pid_t pid;

    if (argc < 3 || (runs = atoi(argv[1])) < 1) {
        fputs("usage: proctime RUNS COMMAND [ARGS...]\n", stderr);
        return 64;
    }
    times = malloc((size_t)runs * sizeof *times);
    if (!times)
        return 70;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
    for (int i = 0; i < runs; i++) {
        clock_gettime(CLOCK_MONOTONIC, &start);
        if (posix_spawn(&pid, argv[2], &actions, NULL, argv + 2, environ) != 0) {
            perror(argv[2]);
            return 66;
        }
        if (waitpid(pid, &status, 0) < 0 || !WIFEXITED(status)) {
            fprintf(stderr, "proctime: %s did not exit normally\n", argv[2]);
            return 70;
        }
        clock_gettime(CLOCK_MONOTONIC, &end);
        times[i] =
            (double)(end.tv_sec - start.tv_sec) * 1e6 + (double)(end.tv_nsec - start.tv_nsec) / 1e3;
    }
    qsort(times, (size_t)runs, sizeof *times, by_value);
    printf("%.0f\n", runs % 2 ? times[runs / 2] : (times[runs / 2 - 1] + times[runs / 2]) / 2);
    posix_spawn_file_actions_destroy(&actions);
    free(times);
    return 0;
}
