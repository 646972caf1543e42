/* internal.h: types and helpers shared between engine files; nothing here is public. */
#ifndef CQ_INTERNAL_H
#define CQ_INTERNAL_H

#include "careerquiz.h"

#include <cjson/cJSON.h>
#include <stdarg.h>
#include <stdint.h>

#define CQ_NONE ((size_t)-1)

/* ---- context, arena ----------------------------------------------------------------------- */

struct cq_context {
    cq_allocator alloc;
};

void *cq__alloc(const cq_context *ctx, size_t size);
/* Allocates count * size bytes set to zero; NULL on overflow or failure. */
void *cq__calloc(const cq_context *ctx, size_t count, size_t size);

/* A bump allocator whose blocks are freed together: one per model, so loading can stop at
 * any point and free everything with one call. */
typedef struct cq_arena_block cq_arena_block;
typedef struct cq_arena {
    const cq_context *ctx;
    cq_arena_block *head;
} cq_arena;

void cq__arena_init(cq_arena *arena, const cq_context *ctx);
void cq__arena_release(cq_arena *arena);
/* Zeroed, aligned memory that lives until the arena is released; NULL when out of memory. */
void *cq__arena_alloc(cq_arena *arena, size_t count, size_t size);
char *cq__arena_strdup(cq_arena *arena, const char *text);

/* ---- errors -------------------------------------------------------------------------------- */

/* Fills err (when not NULL) and returns status. `file` and `id` may be NULL. */
cq_status cq__fail(cq_error *err, cq_status status, const char *file, const char *id,
                   const char *format, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 5, 6)))
#endif
    ;
/* The text of an errno value, lowercase, in buf (thread-safe, unlike strerror). */
const char *cq__errno_text(int code, char *buf, size_t size);
/* Adds line:column to an error already filled. */
void cq__fail_at(cq_error *err, int line, int column);

/* ---- JSON input ---------------------------------------------------------------------------- */

/*
 * Parses size bytes of JSON text (need not be NUL-terminated) into a cJSON tree. Rejects
 * trailing garbage, duplicate keys and nesting deeper than CQ_MAX_JSON_DEPTH. Syntax errors
 * carry line:column. On success the caller owns *out (cJSON_Delete).
 */
cq_status cq__json_parse(const cq_context *ctx, const char *name, const char *data, size_t size,
                         cJSON **out, cq_error *err);

/* Typed field readers for a JSON object. `where` names the object in messages ("question
 * \"x\""), `name` is the file. Each returns CQ_OK and fills *out, or fails naming the key. */
typedef struct cq_json_where {
    const char *file; /* file name for the error */
    const char *id;   /* id to put in cq_error.id */
    const char *what; /* phrase naming the object, e.g. `question "education"` */
} cq_json_where;

cq_status cq__json_object(const cJSON *node, const cq_json_where *w, const char *key,
                          cq_error *err);
/* Looks up key (case-sensitive). Returns NULL when absent. */
const cJSON *cq__json_get(const cJSON *object, const char *key);
cq_status cq__json_string(const cJSON *object, const char *key, bool required, size_t max_bytes,
                          const cq_json_where *w, const char **out, cq_error *err);
cq_status cq__json_number(const cJSON *object, const char *key, bool required, double min,
                          double max, const cq_json_where *w, double *out, cq_error *err);
cq_status cq__json_integer(const cJSON *node, const char *key, double min, double max,
                           const cq_json_where *w, long *out, cq_error *err);
cq_status cq__json_bool(const cJSON *object, const char *key, bool fallback, const cq_json_where *w,
                        bool *out, cq_error *err);
/* An array field, required and non-empty unless allow_empty; at most max items. */
cq_status cq__json_array(const cJSON *object, const char *key, bool required, bool allow_empty,
                         size_t max, const cq_json_where *w, const cJSON **out, cq_error *err);
/* Fails on any key of object not in the NULL-terminated list `keys` (typos must not pass). */
cq_status cq__json_known_keys(const cJSON *object, const char *const *keys, const cq_json_where *w,
                              cq_error *err);
/* Checks that an id is non-empty, short and made of [a-z0-9-]. */
cq_status cq__check_id(const char *id, const cq_json_where *w, const char *key, cq_error *err);
/* The JSON type name of a node, for messages: "string", "number", ... */
const char *cq__json_type_name(const cJSON *node);

/* ---- model --------------------------------------------------------------------------------- */

typedef struct cq_trait_def {
    const char *id, *name, *low, *high;
} cq_trait_def;

/* One trait value an option sets. */
typedef struct cq_effect {
    size_t trait;
    double value;
} cq_effect;

/* A scale question maps its answer linearly from `low` (at min) to `high` (at max). */
typedef struct cq_scale_effect {
    size_t trait;
    double low, high;
} cq_scale_effect;

typedef struct cq_option_def {
    const char *id, *text;
    bool exclusive;
    cq_effect *effects;
    size_t effect_count;
} cq_option_def;

typedef struct cq_label_def {
    int value;
    const char *text;
} cq_label_def;

typedef struct cq_question_def {
    const char *id, *text, *help, *file;
    cq_question_type type;
    bool required;
    double weight;
    cq_option_def *options;
    size_t option_count;
    int min, max;
    cq_label_def *labels;
    size_t label_count;
    cq_scale_effect *scale_effects;
    size_t scale_effect_count;
    /* Every trait the question can move (union over options, or the scale's traits). */
    size_t *traits;
    size_t trait_count;
} cq_question_def;

typedef struct cq_tip_def {
    const char *text, *source;
    size_t *traits;
    size_t trait_count;
    const char **shared_with;
    size_t shared_count;
} cq_tip_def;

typedef struct cq_role_def {
    const char *id, *title, *summary, *outlook, *typical_education, *file;
    const char **lists[CQ_LIST_COUNT];
    size_t list_counts[CQ_LIST_COUNT];
    cq_figure *figures;
    size_t figure_count;
    cq_tip_def *tips;
    size_t tip_count;
    /* Indexed by trait. Importance 0 means the role ignores the trait. */
    double *target;
    double *importance;
    const char **reason;
} cq_role_def;

struct cq_model {
    const cq_context *ctx;
    cq_arena arena;
    const char *version;
    char digest[17];
    cq_trait_def *traits;
    size_t trait_count;
    cq_question_def *questions;
    size_t question_count;
    cq_role_def *roles;
    size_t role_count;
};

/* Loads the bank sources into model (traits and questions). */
cq_status cq__bank_load(cq_model *model, const cq_source *sources, size_t count, cq_error *err);
/* Loads profile sources into model (after the bank); roles end up sorted by id. */
cq_status cq__profiles_load(cq_model *model, const cq_source *sources, size_t count, cq_error *err);

/* ---- answers ------------------------------------------------------------------------------ */

struct cq_answers {
    const cq_model *model;
    bool *answered;     /* per question */
    uint32_t *selected; /* per question: bit i set when option i is chosen */
    long *value;        /* per question: the scale answer */
};

/*
 * The trait values an answered question gives (docs/scoring.md): a choice gives, for every
 * trait any of its options moves, the sum of the chosen options' values capped at 1 (0 when
 * no chosen option sets it); a scale maps the answer linearly. Writes at most
 * the model's trait count of effects into out and returns how many.
 */
size_t cq__answer_effects(const cq_answers *answers, size_t q, cq_effect *out);

/* ---- scoring ------------------------------------------------------------------------------ */

/* How close a trait value is to a role's target: 1 on target, 0 at the farthest possible
 * value (docs/scoring.md). */
double cq__closeness(double value, double target);

/* ---- JSON output helpers ------------------------------------------------------------------- */

/* Prints a cJSON tree (formatted, with trailing newline) into ctx memory and deletes the tree,
 * whatever happens. A NULL tree means building it ran out of memory. */
cq_status cq__json_emit(const cq_context *ctx, cJSON *tree, char **out, size_t *size,
                        cq_error *err);

#endif /* CQ_INTERNAL_H */
