/* word_runs.c: the runs of N consecutive words of each input line, as 64-bit hashes.
 *
 * Usage: word_runs N [--text] < lines
 *
 * A word is a run of ASCII letters and digits, lowercased; every other byte separates words
 * ("Ph.D." is "ph d", "C++" is "c", "Master's" is "master s"). For each run of N words of a line
 * it prints "HASH<TAB>LINE", or "HASH<TAB>LINE<TAB>the run" with --text, where HASH is the FNV-1a
 * 64-bit hash of the run's words joined by single spaces, in 16 hex digits and LINE counts from
 * 1. tests/cli/test_sources.sh compares the content's runs with the articles' fingerprints made
 * the same way (scripts/seed-fingerprints.sh), so that no article text need be kept. */
#define _POSIX_C_SOURCE 200809L
#include <ctype.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The most words a run may have: the project's copy rule is 8. */
#define MAX_RUN 64

static uint64_t fnv1a(uint64_t h, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        h ^= (unsigned char)s[i];
        h *= 0x100000001b3ULL;
    }
    return h;
}

/* Prints every run of n words of one line (words as start/length pairs into buf). */
static void print_runs(const char *buf, const size_t *start, const size_t *len, size_t words,
                       size_t n, size_t line, int text)
{
    for (size_t i = 0; i + n <= words; i++) {
        uint64_t h = 0xcbf29ce484222325ULL;
        for (size_t k = 0; k < n; k++) {
            if (k)
                h = fnv1a(h, " ", 1);
            h = fnv1a(h, buf + start[i + k], len[i + k]);
        }
        printf("%016" PRIx64 "\t%zu", h, line);
        for (size_t k = 0; text && k < n; k++)
            printf("%c%.*s", k ? ' ' : '\t', (int)len[i + k], buf + start[i + k]);
        putchar('\n');
    }
}

int main(int argc, char **argv)
{
    int text = argc == 3 && strcmp(argv[2], "--text") == 0;
    long n = argc >= 2 ? strtol(argv[1], NULL, 10) : 0;
    if (argc < 2 || argc > 3 || (argc == 3 && !text) || n < 1 || n > MAX_RUN) {
        fprintf(stderr, "usage: word_runs N [--text] < lines (N from 1 to %d)\n", MAX_RUN);
        return 64;
    }
    char *line = NULL;
    size_t cap = 0, number = 0, words_cap = 0, *start = NULL, *len = NULL;
    ssize_t got;
    while ((got = getline(&line, &cap, stdin)) >= 0) {
        number++;
        size_t words = 0;
        for (ssize_t i = 0; i < got;) {
            if (!isalnum((unsigned char)line[i]) || (unsigned char)line[i] > 127) {
                i++;
                continue;
            }
            if (words == words_cap) {
                words_cap = words_cap ? 2 * words_cap : 256;
                start = realloc(start, words_cap * sizeof *start);
                len = realloc(len, words_cap * sizeof *len);
                if (!start || !len) {
                    fprintf(stderr, "word_runs: out of memory\n");
                    return 71;
                }
            }
            start[words] = (size_t)i;
            while (i < got && (unsigned char)line[i] <= 127 && isalnum((unsigned char)line[i])) {
                line[i] = (char)tolower((unsigned char)line[i]);
                i++;
            }
            len[words] = (size_t)i - start[words];
            words++;
        }
        print_runs(line, start, len, words, (size_t)n, number, text);
    }
    free(line);
    free(start);
    free(len);
    if (ferror(stdin) || fflush(stdout) != 0 || ferror(stdout)) {
        fprintf(stderr, "word_runs: input or output error\n");
        return 74;
    }
    return 0;
}
