/* gen_embedded.c: build-time tool that turns the bank and profile JSON files into C arrays. */

/*
 * Usage: gen_embedded -o OUT.c --bank FILE... --profiles FILE...
 *        gen_embedded -o OUT.c --include HEADER --group SYMBOL FILE... [--group SYMBOL FILE...]
 *
 * Writes OUT.c defining cq_embedded_bank[] and cq_embedded_profiles[] (see cli/embedded.h), or
 * one cq_source table SYMBOL[] (and SYMBOL_count) per --group, including HEADER, which declares
 * them (the web server's assets, cli/serve/serve_assets.h).
 * Each entry is named by the path as given ("questions/bank.json"); each group is sorted in
 * byte order of those names, so the output does not depend on the order of the arguments or
 * of the file system. The data are unsigned char arrays rather than string literals because
 * ISO C only promises string literals of 4095 bytes (and plain char may be signed). OUT.c is
 * written to a temporary file and renamed, so an interrupted build never leaves half a file behind.
 *
 * It only checks the caps from careerquiz.h (size, count); the engine validates the content
 * when the CLI loads it. Exits 0 on success, 1 with a message on stderr otherwise.
 */

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "careerquiz.h"

#define PROG "gen_embedded"
#define BYTES_PER_LINE 16

/* One data file read whole. */
struct input {
    const char *name;
    unsigned char *data;
    size_t size;
};

/* A group of inputs: the bank files, the profile files, or a --group. */
struct group {
    const char *symbol; /* "cq_embedded_bank" */
    struct input items[CQ_MAX_DATA_FILES];
    size_t count;
};

static int compare_inputs(const void *a, const void *b)
{
    const struct input *x = a;
    const struct input *y = b;
    return strcmp(x->name, y->name);
}

/* Reads the file `name` into *in. Returns 0, or -1 after printing why. */
static int read_input(const char *name, struct input *in)
{
    FILE *fp = fopen(name, "rb");
    unsigned char *buf = NULL;
    size_t size = 0;

    if (!fp) {
        fprintf(stderr, PROG ": cannot open: %s: %s\n", strerror(errno), name);
        return -1;
    }
    buf = malloc((size_t)CQ_MAX_DATA_BYTES + 1);
    if (!buf) {
        fprintf(stderr, PROG ": out of memory: %s\n", name);
        fclose(fp);
        return -1;
    }
    size = fread(buf, 1, (size_t)CQ_MAX_DATA_BYTES + 1, fp);
    if (ferror(fp)) {
        fprintf(stderr, PROG ": cannot read: %s: %s\n", strerror(errno), name);
        goto fail;
    }
    if (size > CQ_MAX_DATA_BYTES) {
        fprintf(stderr, PROG ": file larger than %u bytes: %s\n", (unsigned)CQ_MAX_DATA_BYTES,
                name);
        goto fail;
    }
    fclose(fp);
    in->name = name;
    in->data = buf;
    in->size = size;
    return 0;
fail:
    free(buf);
    fclose(fp);
    return -1;
}

/* Writes a C string literal for `s` (a file name: no need for anything beyond escapes). */
static void write_string(FILE *out, const char *s)
{
    fputc('"', out);
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        if (c == '"' || c == '\\')
            fprintf(out, "\\%c", c);
        else if (c < 0x20 || c >= 0x7f)
            fprintf(out, "\\%03o", c);
        else
            fputc(c, out);
    }
    fputc('"', out);
}

/* Writes the byte arrays and the cq_source table of one group. */
static void write_group(FILE *out, const struct group *g)
{
    size_t i, j;

    for (i = 0; i < g->count; i++) {
        const struct input *in = &g->items[i];
        fprintf(out, "\n/* %s, %zu bytes */\nstatic const unsigned char %s_%zu[] = {", in->name,
                in->size, g->symbol, i);
        for (j = 0; j < in->size; j++)
            fprintf(out, "%s0x%02x,", j % BYTES_PER_LINE ? " " : "\n    ", in->data[j]);
        /* A terminating NUL the size leaves out, so the data is also a C string. */
        fprintf(out, "%s0x00\n};\n", in->size % BYTES_PER_LINE ? " " : "\n    ");
    }

    /* ISO C has no empty arrays: an empty group still gets one (unused) entry. */
    fprintf(out, "\nconst cq_source %s[%zu] = {\n", g->symbol, g->count ? g->count : 1);
    for (i = 0; i < g->count; i++) {
        fputs("    {", out);
        write_string(out, g->items[i].name);
        fprintf(out, ", (const char *)%s_%zu, %zu},\n", g->symbol, i, g->items[i].size);
    }
    if (g->count == 0)
        fputs("    {NULL, NULL, 0},\n", out);
    fprintf(out, "};\nconst size_t %s_count = %zu;\n", g->symbol, g->count);
}

static void usage(void)
{
    fputs("usage: " PROG " -o OUT.c --bank FILE... --profiles FILE...\n"
          "       " PROG " -o OUT.c --include HEADER --group SYMBOL FILE...\n",
          stderr);
}

/* Groups in one output: the bank and the profiles, or as many --group as a program needs. */
#define MAX_GROUPS 8

int main(int argc, char **argv)
{
    static struct group groups[MAX_GROUPS];
    size_t group_count = 0;
    struct group *current = NULL;
    const char *out_name = NULL;
    const char *header = "embedded.h";
    char tmp_name[4096];
    FILE *out = NULL;
    int status = 1;
    int i;
    size_t g, k;

    for (i = 1; i < argc; i++) {
        if (strcmp(argv[i], "-o") == 0 && i + 1 < argc) {
            out_name = argv[++i];
        } else if (strcmp(argv[i], "--include") == 0 && i + 1 < argc) {
            header = argv[++i];
        } else if ((strcmp(argv[i], "--bank") == 0 || strcmp(argv[i], "--profiles") == 0 ||
                    (strcmp(argv[i], "--group") == 0 && i + 1 < argc)) &&
                   group_count < MAX_GROUPS) {
            current = &groups[group_count++];
            if (strcmp(argv[i], "--group") == 0)
                current->symbol = argv[++i];
            else
                current->symbol = argv[i][2] == 'b' ? "cq_embedded_bank" : "cq_embedded_profiles";
        } else if (current && argv[i][0] != '-') {
            if (current->count == CQ_MAX_DATA_FILES) {
                fprintf(stderr, PROG ": more than %d files: %s\n", CQ_MAX_DATA_FILES, argv[i]);
                goto done;
            }
            if (read_input(argv[i], &current->items[current->count]) != 0)
                goto done;
            current->count++;
        } else {
            usage();
            goto done;
        }
    }
    if (!out_name) {
        usage();
        goto done;
    }

    for (g = 0; g < group_count; g++) {
        qsort(groups[g].items, groups[g].count, sizeof groups[g].items[0], compare_inputs);
        for (k = 1; k < groups[g].count; k++) {
            if (strcmp(groups[g].items[k - 1].name, groups[g].items[k].name) == 0) {
                fprintf(stderr, PROG ": file given twice: %s\n", groups[g].items[k].name);
                goto done;
            }
        }
    }

    if ((size_t)snprintf(tmp_name, sizeof tmp_name, "%s.tmp", out_name) >= sizeof tmp_name) {
        fprintf(stderr, PROG ": output name too long: %s\n", out_name);
        goto done;
    }
    out = fopen(tmp_name, "wb");
    if (!out) {
        fprintf(stderr, PROG ": cannot create: %s: %s\n", strerror(errno), tmp_name);
        goto done;
    }
    fprintf(out,
            "/* Data files as C arrays, generated by gen_embedded at build time; do not edit. */"
            "\n\n#include <stddef.h>\n\n#include \"%s\"\n",
            header);
    for (g = 0; g < group_count; g++)
        write_group(out, &groups[g]);
    if (ferror(out) | fclose(out)) {
        out = NULL;
        fprintf(stderr, PROG ": cannot write: %s: %s\n", strerror(errno), tmp_name);
        remove(tmp_name);
        goto done;
    }
    out = NULL;
    if (rename(tmp_name, out_name) != 0) {
        fprintf(stderr, PROG ": cannot rename to %s: %s: %s\n", out_name, strerror(errno),
                tmp_name);
        remove(tmp_name);
        goto done;
    }
    status = 0;
done:
    for (g = 0; g < group_count; g++)
        for (k = 0; k < groups[g].count; k++)
            free(groups[g].items[k].data);
    return status;
}
