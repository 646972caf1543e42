/* fuzz_kiosk.c: fuzz input as what strangers type at the kiosk: the whole `careerquiz kiosk`
 * (welcome screen, exit word, the quiz's line reader and answer parser, results, reports, the
 * results store) reads it from a pipe, as it does when no terminal is attached. */
#include "fuzz.h"

#include "cli.h"
#include "kiosk_code.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

const char fuzz_target_name[] = "kiosk";

/* A pipe holds 64 KiB before a writer waits; the input is written whole before the kiosk reads. */
#define MAX_INPUT 60000

/* The rows of the kiosk's database (it is kept across inputs: opening one that exists is what
 * a kiosk does every morning). */
static long long stored_rows(const char *db)
{
    sqlite3 *h = NULL;
    sqlite3_stmt *stmt = NULL;
    long long n = -1;
    if (sqlite3_open_v2(db, &h, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK &&
        sqlite3_prepare_v2(h, "SELECT count(*) FROM results", -1, &stmt, NULL) == SQLITE_OK &&
        sqlite3_step(stmt) == SQLITE_ROW)
        n = sqlite3_column_int64(stmt, 0);
    sqlite3_finalize(stmt);
    sqlite3_close(h);
    return n;
}

/* How many result codes the screen shows: "Your code: K7Q2-XM4P" at the start of a line. (A
 * visitor may type "Your code: ", which comes back after a prompt or inside quotes, never at
 * the start of a line.) */
static size_t codes_shown(const char *text)
{
    static const char needle[] = "\nYour code: ";
    size_t n = 0;
    for (const char *p = text; (p = strstr(p, needle)) != NULL; p++) {
        const char *code = p + sizeof needle - 1;
        size_t letters = strspn(code, KIOSK_CODE_ALPHABET);
        n += letters == 4 && code[4] == '-' && strspn(code + 5, KIOSK_CODE_ALPHABET) == 4;
    }
    return n;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char db[512], reports[512];
    int fds[2], saved_in;
    if (size > MAX_INPUT)
        return 0;
    snprintf(db, sizeof db, "%s/kiosk.db", fuzz_scratch_dir());
    snprintf(reports, sizeof reports, "%s/reports", fuzz_scratch_dir());

    /* What was typed, ending where the input ends (a closed pipe: the kiosk closes). */
    if (pipe(fds) != 0 || (size && write(fds[1], data, size) != (ssize_t)size) ||
        close(fds[1]) != 0 || (saved_in = dup(STDIN_FILENO)) < 0 ||
        dup2(fds[0], STDIN_FILENO) < 0 || close(fds[0]) != 0)
        abort();

    struct cli_options options = {.format = CLI_FORMAT_TEXT,
                                  .idle = 120,
                                  .exit_word = "closing-time",
                                  .db = db,
                                  .report_dir = fuzz_sample(data, size) ? reports : NULL};
    struct cli_env env = {&options, {false, false}, fuzz_context(), (cq_model *)fuzz_model()};
    term_init(&env.term, false);
    long long before = stored_rows(db);
    struct fuzz_capture capture;
    fuzz_capture_begin(&capture);
    int code = cmd_kiosk(&env, 0, NULL);
    size_t shown_size;
    char *shown = fuzz_capture_end(&capture, &shown_size);
    if (dup2(saved_in, STDIN_FILENO) < 0 || close(saved_in) != 0)
        abort();

    /* Whatever was typed, nothing of it reaches the screen raw, and the kiosk ends cleanly. */
    fuzz_check_shown("the kiosk's screen", shown, shown_size, false);
    if (code != 0 && code != 74) {
        fprintf(stderr, "fuzz: the kiosk ended with %d:\n%s\n", code, shown);
        abort();
    }
    /* Every result shown was stored, once: a code on the screen is a row in the database. */
    long long after = stored_rows(db);
    size_t codes = codes_shown(shown);
    if (code == 0 && (before < 0 ? 0 : before) + (long long)codes != after) {
        fprintf(stderr, "fuzz: %zu results shown, %lld stored\n", codes,
                after - (before < 0 ? 0 : before));
        abort();
    }
    free(shown);
    fuzz_remove_tree(reports);
    return 0;
}
