/* model.c: builds a model from sources or a data folder, frees it, and its model-wide facts. */
#include "internal.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* ---- loading ------------------------------------------------------------------------------ */

/* FNV-1a over names and contents: cheap, stable, and enough to tell data sets apart. */
static uint64_t fnv1a(uint64_t h, const void *data, size_t size)
{
    const unsigned char *p = data;
    for (size_t i = 0; i < size; i++) {
        h ^= p[i];
        h *= 0x100000001b3ULL;
    }
    return h;
}

static void compute_digest(cq_model *m, const cq_source *bank, size_t bank_count,
                           const cq_source *profiles, size_t profile_count)
{
    uint64_t h = 0xcbf29ce484222325ULL;
    const unsigned char separator = 0;
    for (size_t i = 0; i < bank_count; i++)
        h = fnv1a(fnv1a(h, bank[i].data, bank[i].size), &separator, 1);
    for (size_t i = 0; i < profile_count; i++)
        h = fnv1a(fnv1a(h, profiles[i].data, profiles[i].size), &separator, 1);
    static const char hex[] = "0123456789abcdef";
    for (int i = 0; i < 16; i++)
        m->digest[i] = hex[(h >> (60 - 4 * i)) & 0xF];
    m->digest[16] = '\0';
}

cq_status cq_model_load(cq_context *ctx, const cq_source *bank, size_t bank_count,
                        const cq_source *profiles, size_t profile_count, cq_model **out,
                        cq_error *err)
{
    if (!ctx || !out || (bank_count && !bank) || (profile_count && !profiles))
        return cq__fail(err, CQ_ERR_ARG, NULL, NULL, "invalid argument to cq_model_load");
    cq_model *m = cq__calloc(ctx, 1, sizeof *m);
    if (!m)
        return cq__fail(err, CQ_ERR_NOMEM, NULL, NULL, "out of memory loading the model");
    m->ctx = ctx;
    cq__arena_init(&m->arena, ctx);
    cq_status st = cq__bank_load(m, bank, bank_count, err);
    if (st == CQ_OK)
        st = cq__profiles_load(m, profiles, profile_count, err);
    if (st == CQ_OK)
        st = cq__fit_prepare(m, err);
    if (st != CQ_OK) {
        cq_model_free(m);
        return st;
    }
    compute_digest(m, bank, bank_count, profiles, profile_count);
    *out = m;
    return CQ_OK;
}

void cq_model_free(cq_model *model)
{
    if (!model)
        return;
    cq__arena_release(&model->arena);
    cq_free(model->ctx, model);
}

const cq_context *cq_model_context(const cq_model *model)
{
    return model->ctx;
}

/* ---- loading from a folder ----------------------------------------------------------------- */

typedef struct file_set {
    cq_source *sources;
    size_t count;
} file_set;

static void file_set_release(const cq_context *ctx, file_set *set)
{
    for (size_t i = 0; i < set->count; i++) {
        cq_free(ctx, (void *)set->sources[i].name);
        cq_free(ctx, (void *)set->sources[i].data);
    }
    cq_free(ctx, set->sources);
    set->sources = NULL;
    set->count = 0;
}

static int by_name(const void *a, const void *b)
{
    return strcmp(((const cq_source *)a)->name, ((const cq_source *)b)->name);
}

static char *join_path(const cq_context *ctx, const char *dir, const char *name)
{
    size_t a = strlen(dir), b = strlen(name);
    char *path = cq__alloc(ctx, a + b + 2);
    if (path) {
        memcpy(path, dir, a);
        path[a] = '/';
        memcpy(path + a + 1, name, b + 1);
    }
    return path;
}

static bool is_json_name(const char *name)
{
    size_t n = strlen(name);
    return n > 5 && name[0] != '.' && strcmp(name + n - 5, ".json") == 0;
}

/*
 * Opens a data file for reading. Only a regular file will do: a FIFO named x.json would block
 * open() until a writer came (for ever), a device would be read without end. So it is opened
 * without waiting (O_NONBLOCK), checked with fstat, and only then read normally.
 */
static FILE *open_regular(const char *path, int *errnum, bool *irregular)
{
    struct stat st;
    int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC), flags;
    FILE *fp;

    *irregular = false;
    if (fd < 0) {
        *errnum = errno;
        return NULL;
    }
    if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) || (flags = fcntl(fd, F_GETFL)) < 0 ||
        fcntl(fd, F_SETFL, flags & ~O_NONBLOCK) < 0 || !(fp = fdopen(fd, "rb"))) {
        *errnum = errno;
        *irregular = fstat(fd, &st) == 0 && !S_ISREG(st.st_mode);
        close(fd);
        return NULL;
    }
    return fp;
}

static cq_status read_file(const cq_context *ctx, const char *path, cq_source *src, cq_error *err)
{
    int errnum = 0;
    bool irregular;
    FILE *fp = open_regular(path, &errnum, &irregular);
    char why[128];
    if (!fp && irregular)
        return cq__fail(err, CQ_ERR_OPEN, path, NULL,
                        "cannot open file: not a regular file (a FIFO, device or folder)");
    if (!fp)
        return cq__fail(err, CQ_ERR_OPEN, path, NULL, "cannot open file: %s",
                        cq__errno_text(errnum, why, sizeof why));
    char *data = NULL;
    size_t size = 0;
    cq_status st = cq_read_stream(ctx, fp, path, CQ_MAX_DATA_BYTES, &data, &size, err);
    fclose(fp);
    if (st != CQ_OK)
        return st;
    src->data = data;
    src->size = size;
    return CQ_OK;
}

/* Reads every *.json file of dir/sub into set, sorted by name. */
static cq_status read_folder(const cq_context *ctx, const char *dir, const char *sub, file_set *set,
                             cq_error *err)
{
    char *folder = join_path(ctx, dir, sub);
    if (!folder)
        return cq__fail(err, CQ_ERR_NOMEM, dir, NULL, "out of memory reading the data folder");
    cq_status st = CQ_OK;
    DIR *d = opendir(folder);
    if (!d) {
        char why[128];
        st = cq__fail(err, CQ_ERR_OPEN, folder, NULL, "cannot open data folder: %s",
                      cq__errno_text(errno, why, sizeof why));
        cq_free(ctx, folder);
        return st;
    }
    set->sources = cq__calloc(ctx, CQ_MAX_DATA_FILES, sizeof *set->sources);
    if (!set->sources)
        st = cq__fail(err, CQ_ERR_NOMEM, folder, NULL, "out of memory reading the data folder");
    struct dirent *e;
    while (st == CQ_OK && (e = readdir(d)) != NULL) {
        if (!is_json_name(e->d_name))
            continue;
        if (set->count == CQ_MAX_DATA_FILES) {
            st = cq__fail(err, CQ_ERR_LIMIT, folder, NULL, "more than %d .json files",
                          CQ_MAX_DATA_FILES);
            break;
        }
        char *path = join_path(ctx, folder, e->d_name);
        if (!path) {
            st = cq__fail(err, CQ_ERR_NOMEM, folder, NULL, "out of memory reading the data folder");
            break;
        }
        set->sources[set->count].name = path;
        set->count++;
        st = read_file(ctx, path, &set->sources[set->count - 1], err);
    }
    closedir(d);
    if (st == CQ_OK && set->count == 0)
        st = cq__fail(err, CQ_ERR_INVALID, folder, NULL, "data folder has no .json files");
    if (st == CQ_OK)
        qsort(set->sources, set->count, sizeof *set->sources, by_name);
    cq_free(ctx, folder);
    return st;
}

cq_status cq_model_load_dir(cq_context *ctx, const char *dir, cq_model **out, cq_error *err)
{
    if (!ctx || !dir || !out)
        return cq__fail(err, CQ_ERR_ARG, NULL, NULL, "invalid argument to cq_model_load_dir");
    file_set bank = {NULL, 0}, profiles = {NULL, 0};
    cq_status st = read_folder(ctx, dir, "questions", &bank, err);
    if (st == CQ_OK)
        st = read_folder(ctx, dir, "profiles", &profiles, err);
    if (st == CQ_OK)
        st = cq_model_load(ctx, bank.sources, bank.count, profiles.sources, profiles.count, out,
                           err);
    file_set_release(ctx, &bank);
    file_set_release(ctx, &profiles);
    return st;
}

/* ---- model-wide getters ------------------------------------------------------------------ */

const char *cq_model_version(const cq_model *model)
{
    return model->version;
}

const char *cq_model_digest(const cq_model *model)
{
    return model->digest;
}
