/* test_cli_alloc_failure.c: the results store and the kiosk's input handling with every
 * allocation failing in turn, as test_alloc_failure.c does for the engine. */
#include "fixtures.h"

#include "alloc_counter.h"

#include <cjson/cJSON.h>
#include <dirent.h>
#include <fcntl.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "line_reader.h"
#include "quiz.h"
#include "stats.h"
#include "store.h"
#include "store_pending.h"

/*
 * Four allocators feed one counter, which fails the Nth allocation (only that one, or that one
 * and every later one): the engine's context, cJSON's hooks, SQLite's (SQLITE_CONFIG_MALLOC),
 * and malloc, calloc, realloc, strdup and strndup as the CLI's own files call them (the link
 * wraps those names with -Wl,--wrap, for the objects linked in, not for the C library). N runs
 * from 1 until a stage gets through without a failed allocation.
 *
 * After every run: nothing crashed; the stage either worked, and then gave exactly what it
 * gives without failures, or it reported its failure; the engine's blocks and SQLite's memory
 * are all freed (LeakSanitizer and valgrind check the CLI's own blocks).
 */

/* The counter (alloc_counter.c), short. */
#define g alloc_counter
#define inject alloc_inject

/* ---- the four allocators ------------------------------------------------------------------ */

void *__real_malloc(size_t size);
void *__real_calloc(size_t n, size_t size);
void *__real_realloc(void *ptr, size_t size);
char *__real_strdup(const char *s);
char *__real_strndup(const char *s, size_t n);
void *__wrap_malloc(size_t size);
void *__wrap_calloc(size_t n, size_t size);
void *__wrap_realloc(void *ptr, size_t size);
char *__wrap_strdup(const char *s);
char *__wrap_strndup(const char *s, size_t n);

void *__wrap_malloc(size_t size)
{
    return !g.inside && inject() ? NULL : __real_malloc(size);
}

void *__wrap_calloc(size_t n, size_t size)
{
    return !g.inside && inject() ? NULL : __real_calloc(n, size);
}

void *__wrap_realloc(void *ptr, size_t size)
{
    return !g.inside && inject() ? NULL : __real_realloc(ptr, size);
}

char *__wrap_strdup(const char *s)
{
    return !g.inside && inject() ? NULL : __real_strdup(s);
}

char *__wrap_strndup(const char *s, size_t n)
{
    return !g.inside && inject() ? NULL : __real_strndup(s, n);
}

/* SQLite's allocator: a header before each block keeps its size, which SQLite asks for. */
#define HEADER 16
static void *sqlite_malloc(int size)
{
    if (inject())
        return NULL;
    char *p = __real_malloc((size_t)size + HEADER);
    if (!p)
        return NULL;
    memcpy(p, &size, sizeof size);
    return p + HEADER;
}

static void sqlite_free(void *ptr)
{
    if (ptr)
        free((char *)ptr - HEADER);
}

static int sqlite_size(void *ptr)
{
    int size;
    memcpy(&size, (char *)ptr - HEADER, sizeof size);
    return size;
}

static void *sqlite_realloc(void *ptr, int size)
{
    if (inject())
        return NULL;
    char *p = __real_realloc((char *)ptr - HEADER, (size_t)size + HEADER);
    if (!p)
        return NULL;
    memcpy(p, &size, sizeof size);
    return p + HEADER;
}

static int sqlite_roundup(int size)
{
    return (size + 7) & ~7;
}

static int sqlite_init(void *data)
{
    (void)data;
    return SQLITE_OK;
}

static void sqlite_shutdown(void *data)
{
    (void)data;
}

/* ---- what the stages share --------------------------------------------------------------- */

static cq_context *ctx;
static cq_model *model;
static cq_answers *answers; /* a persona's, parsed once */
static cq_result *result;   /* and scored */
static char folder[256];    /* scratch files */

/* The bytes fd 1 gets during a call, caught in a file and read back (malloc'd, NUL-ended). */
static int saved_stdout = -1;
static FILE *caught;

static void catch_stdout(void)
{
    fflush(stdout);
    caught = tmpfile();
    assert_non_null(caught);
    saved_stdout = dup(STDOUT_FILENO);
    assert_true(saved_stdout >= 0 && dup2(fileno(caught), STDOUT_FILENO) >= 0);
}

static char *release_stdout(void)
{
    fflush(stdout);
    clearerr(stdout);
    assert_true(dup2(saved_stdout, STDOUT_FILENO) >= 0);
    close(saved_stdout);
    long end = (fseek(caught, 0, SEEK_END), ftell(caught));
    char *text = __real_malloc((size_t)end + 1);
    assert_non_null(text);
    rewind(caught);
    text[fread(text, 1, (size_t)end, caught)] = '\0';
    fclose(caught);
    return text;
}

/* Stderr goes to /dev/null while failures are injected: every one is reported there. */
static int saved_stderr = -1;

static void quiet(bool on)
{
    fflush(stderr);
    if (on) {
        int null = open("/dev/null", O_WRONLY);
        saved_stderr = dup(STDERR_FILENO);
        assert_true(null >= 0 && dup2(null, STDERR_FILENO) >= 0);
        close(null);
    } else {
        dup2(saved_stderr, STDERR_FILENO);
        close(saved_stderr);
    }
}

/* Removes path and what is in it (one level: the pending folder, the scratch folder). */
static void remove_tree(const char *path)
{
    DIR *d = opendir(path);
    struct dirent *e;
    char child[600];
    while (d && (e = readdir(d)) != NULL) {
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
            continue;
        snprintf(child, sizeof child, "%s/%s", path, e->d_name);
        if (unlink(child) != 0)
            remove_tree(child);
    }
    if (d)
        closedir(d);
    rmdir(path);
}

/* Removes the scratch database and everything beside it. */
static void remove_database(const char *db)
{
    char path[512];
    const char *suffixes[] = {"", "-wal", "-shm", "-journal"};
    for (size_t i = 0; i < 4; i++) {
        snprintf(path, sizeof path, "%s%s", db, suffixes[i]);
        unlink(path);
    }
    snprintf(path, sizeof path, "%s.pending", db);
    remove_tree(path);
}

/* Writes over every stored time ("2026-05-01T14:03:07Z") in text, so that runs in different
 * seconds compare equal. */
static void blank_times(char *text)
{
    static const char shape[] = "dddd-dd-ddTdd:dd:ddZ";
    for (char *p = text; *p; p++) {
        size_t i = 0;
        while (shape[i] && p[i] &&
               (shape[i] == 'd' ? p[i] >= '0' && p[i] <= '9' : p[i] == shape[i]))
            i++;
        if (!shape[i])
            memset(p, 'T', sizeof shape - 1);
    }
}

/* ---- stage: the results store ------------------------------------------------------------- */

/*
 * Creates a database, stores a result, keeps another as a pending file, opens the database
 * again (which stores it), then reads it as stats --json and export do. Returns what stats and
 * export printed when every step worked, or NULL when one reported a failure.
 */
static char *store_stage(void)
{
    char db[300];
    store *s = NULL;
    struct store_error err;
    char *printed = NULL;
    snprintf(db, sizeof db, "%s/results.db", folder);
    remove_database(db);
    if (store_open(db, NULL, &s, &err) != 0)
        return NULL;
    int code = store_add(s, "fair", model, answers, result, &err);
    store_close(s);
    if (code != 0)
        return NULL;
    if (store_or_keep(NULL, 74, db, NULL, model, answers, result, NULL, NULL) != STORE_KEPT)
        return NULL;
    s = NULL;
    code = results_open(db, NULL, &s); /* stores the pending result */
    store_close(s);
    if (code != 0)
        return NULL;
    /* A pending result that could not be stored now stays for the next run: kept, not lost. */
    char pending[320];
    snprintf(pending, sizeof pending, "%s.pending", db);
    if (access(pending, F_OK) == 0)
        return NULL;
    struct cli_options o = {.format = CLI_FORMAT_JSON, .db = db, .dbs = {db}, .db_count = 1};
    struct cli_env env = {&o, {false, false}, ctx, model};
    catch_stdout();
    int stats = cmd_stats(&env, 0, NULL);
    o.format = CLI_FORMAT_TEXT;
    o.table = CLI_TABLE_CSV;
    int export = cmd_export(&env, 0, NULL);
    printed = release_stdout();
    if (stats != 0 || export != 0) {
        free(printed);
        return NULL;
    }
    blank_times(printed);
    return printed;
}

/* ---- stage: the kiosk's input handling ---------------------------------------------------- */

/* What a stranger types: commands, mistakes, hostile bytes, a whole quiz. */
static const char typed[] =
    "?\nzzz\n\x1b]0;x\x07\nb\n4\nb\n\n1\n1,5\npython, sql\n1 3\n\r\nnone\n1\n1\n1\n1\n1\n"
    "1\n1\n1\n1\n1\n1\n1\n1\n1\n1\n1\n1\n1\n1\n";

/*
 * Runs the quiz as the kiosk does (Ctrl-C quits, idle time out) on the plain line reader, with
 * the typed lines piped in. Returns the answers as JSON when the quiz finished, NULL when it
 * reported a failure (reading failed for want of memory, or an answer could not be stored).
 */
static char *kiosk_input_stage(void)
{
    int fds[2], saved_in = dup(STDIN_FILENO);
    assert_true(saved_in >= 0 && pipe(fds) == 0);
    assert_true(write(fds[1], typed, sizeof typed - 1) == (ssize_t)(sizeof typed - 1));
    close(fds[1]);
    assert_true(dup2(fds[0], STDIN_FILENO) >= 0);
    close(fds[0]);

    struct quiz quiz;
    memset(&quiz, 0, sizeof quiz);
    quiz.model = model;
    quiz.idle_ms = 10000;
    quiz.interrupt_quits = true;
    char *screen = NULL, *json = NULL;
    size_t screen_size = 0, json_size = 0;
    quiz_look_init(&quiz.look, true, false);
    quiz.look.kiosk = true;
    quiz.look.out = open_memstream(&screen, &screen_size);
    cq_error err;
    enum quiz_end end = QUIZ_END_READ_FAILED;
    if (quiz.look.out && cq_answers_new(model, &quiz.answers, &err) == CQ_OK &&
        (quiz.reader = line_reader_open(quiz.look.out, false)) != NULL)
        end = quiz_run(&quiz, 0);
    if (end == QUIZ_END_FINISHED &&
        cq_answers_to_json(quiz.answers, &json, &json_size, &err) != CQ_OK)
        json = NULL;
    line_reader_close(quiz.reader);
    cq_answers_free(quiz.answers);
    if (quiz.look.out)
        fclose(quiz.look.out);
    free(screen);
    assert_true(dup2(saved_in, STDIN_FILENO) >= 0);
    close(saved_in);
    /* Only two endings are honest here: the whole quiz, or a failure that says so. */
    assert_true(end == QUIZ_END_FINISHED || end == QUIZ_END_READ_FAILED);
    char *copy = json ? __real_strdup(json) : NULL;
    cq_free(ctx, json);
    return copy;
}

/* ---- the loop ------------------------------------------------------------------------------ */

/* Runs a stage with the Nth allocation failing, for every N until one gets through, checks
 * each run against the reference, and prints how many points it covered. */
static void fail_each_allocation(const char *name, char *(*stage)(void))
{
    memset(&g, 0, sizeof g);
    char *reference = stage();
    assert_non_null(reference);
    long points = g.calls;
    sqlite3_int64 sqlite_before = sqlite3_memory_used();
    long live_before = g.live;
    quiet(true);
    for (int persist = 0; persist < 2; persist++) {
        for (long n = 1;; n++) {
            memset(&g, 0, sizeof g);
            g.live = live_before;
            g.fail_at = n;
            g.persist = persist;
            char *out = stage();
            bool failed = g.failed > 0;
            if (out && strcmp(out, reference) != 0) {
                quiet(false);

                fail_msg("%s: with allocation %ld failing it gave other output", name, n);
            }
            free(out);
            if (g.live != live_before || sqlite3_memory_used() != sqlite_before) {
                quiet(false);
                fail_msg("%s: allocation %ld failing leaked (%ld engine blocks, %lld SQLite "
                         "bytes)",
                         name, n, g.live - live_before,
                         (long long)(sqlite3_memory_used() - sqlite_before));
            }
            if (!failed)
                break;
            if (n > 100000)
                fail_msg("%s: no end to the allocations", name);
        }
    }
    quiet(false);
    memset(&g, 0, sizeof g);
    free(reference);
    printf("# %s: %ld allocation points, each failed alone and for good\n", name, points);
}

static void the_results_store_survives_every_failed_allocation(void **state)
{
    (void)state;
    fail_each_allocation("results store", store_stage);
}

static void the_kiosks_input_handling_survives_every_failed_allocation(void **state)
{
    (void)state;
    fail_each_allocation("kiosk input", kiosk_input_stage);
}

int main(void)
{
    static const struct sqlite3_mem_methods methods = {
        sqlite_malloc,  sqlite_free, sqlite_realloc,  sqlite_size,
        sqlite_roundup, sqlite_init, sqlite_shutdown, NULL};
    cJSON_Hooks hooks = {alloc_cjson_malloc, alloc_cjson_free};
    cq_error err;

    if (sqlite3_config(SQLITE_CONFIG_MALLOC, &methods) != SQLITE_OK)
        return 2;
    cJSON_InitHooks(&hooks);
    if (cq_context_new(&alloc_counting, &ctx) != CQ_OK)
        return 2;
    if (cq_model_load_dir(ctx, fixture_path("."), &model, &err) != CQ_OK)
        return 2;
    const char *text = "{\"answers\": {\"education\": \"masters\", \"languages\": [\"python\"], "
                       "\"research-vs-production\": 2}}";
    if (cq_answers_parse(model, "a.json", text, strlen(text), &answers, &err) != CQ_OK ||
        cq_score(model, answers, &result, &err) != CQ_OK)
        return 2;
    snprintf(folder, sizeof folder, "%s/careerquiz-alloc.XXXXXX",
             access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp");
    if (!mkdtemp(folder))
        return 2;
    setenv("XDG_STATE_HOME", folder, 1); /* a pending result that cannot go beside goes here */
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(the_results_store_survives_every_failed_allocation),
        cmocka_unit_test(the_kiosks_input_handling_survives_every_failed_allocation),
    };
    int failed = cmocka_run_group_tests(tests, NULL, NULL);
    cq_result_free(result);
    cq_answers_free(answers);
    cq_model_free(model);
    cq_context_free(ctx);
    remove_tree(folder);
    return failed;
}
