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

/* ---- options ------------------------------------------------------------------------------ */

/*
 * Reads a public options struct (cq_score_options, cq_json_options) that starts with its size
 * into *copy, `known` bytes: the fields the caller's struct lacks are zero. Fails with
 * CQ_ERR_ARG for a size below `oldest` (the struct of the first version: 0 means it was never
 * set) and for a larger struct with a non-zero byte past `known`. `what` names the struct.
 */
cq_status cq__options_read(const void *options, size_t oldest, size_t known, void *copy,
                           const char *what, cq_error *err);

/* ---- JSON input ---------------------------------------------------------------------------- */

/*
 * Parses size bytes of JSON text (need not be NUL-terminated; callers cap size) into a cJSON
 * tree, after cq__json_check has accepted the text. Also rejects duplicate keys. Every error
 * carries line:column. On success the caller owns *out (cJSON_Delete).
 */
cq_status cq__json_parse(const cq_context *ctx, const char *name, const char *data, size_t size,
                         cJSON **out, cq_error *err);

/*
 * Checks that size bytes are one strict JSON document (docs/formats.md): RFC 8259 syntax,
 * UTF-8, no \u0000 or lone surrogate, numbers of at most 63 characters and below 1e308,
 * nesting at most CQ_MAX_JSON_DEPTH deep. No allocation, no recursion. On success
 * *max_members (optional) is the most members any one object has. (json_strict.c)
 */
cq_status cq__json_check(const char *name, const char *data, size_t size, size_t *max_members,
                         cq_error *err);
/*
 * The tokens of a document as cq__json_scan meets them, for readers that build what they
 * need in the same pass as the strict check, without a tree. `depth` counts the containers
 * open around the token (an OPEN event counts its own, a CLOSE event too); `text` is a key's
 * or a string's bytes between the quotes (`escaped` when they hold a backslash escape), a
 * number's or a word's characters, or the bracket.
 */
typedef enum cq_json_token {
    CQ_JSON_KEY,
    CQ_JSON_STRING,
    CQ_JSON_NUMBER,
    CQ_JSON_WORD, /* true, false or null */
    CQ_JSON_OPEN_OBJECT,
    CQ_JSON_OPEN_ARRAY,
    CQ_JSON_CLOSE_OBJECT,
    CQ_JSON_CLOSE_ARRAY
} cq_json_token;

typedef struct cq_json_event {
    cq_json_token token;
    const char *text;
    size_t length;
    int depth;
    bool escaped;
} cq_json_event;

/* visit returns false to stop the scan ("declined": not an error in the text). */
typedef struct cq_json_visitor {
    bool (*visit)(void *user, const cq_json_event *event);
    void *user;
} cq_json_visitor;

/*
 * cq__json_check that tells `visitor` of every token of the text it accepts, in document
 * order. Returns CQ_OK with *declined false when the text passed and the visitor took all of
 * it; *declined true when the visitor stopped (err is then untouched); otherwise the check's
 * error, in err. (json_strict.c)
 */
cq_status cq__json_scan(const char *name, const char *data, size_t size,
                        const cq_json_visitor *visitor, bool *declined, cq_error *err);

/* Sets err's line:column to the key'th object key (0-based, in document order) of text that
 * cq__json_check accepted. */
void cq__json_locate_key(const char *data, size_t size, size_t key, cq_error *err);
/* The document-order number of the key of `member` (a child of an object) in root's tree, the
 * number cq__json_locate_key takes. */
size_t cq__json_key_number(const cJSON *root, const cJSON *member);

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
    bool level; /* a level (reaching the target is enough) or a preference (distance counts) */
    const char *group;  /* the dimension it is one place of ("sector"), or NULL */
    size_t group_index; /* 1.. for the model's groups in order of first use; 0 for none */
    const char **terms; /* words naming it in profile skills and tools */
    size_t term_count;
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
    bool ordered; /* single choice whose options run from least to most */
    bool aim;     /* moves a preference trait: it says what the person wants, not has */
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
    /* The weight each of those traits gets: the question's weight shared by its dimensions (a
     * trait, or a group of traits counted once). */
    double trait_weight;
} cq_question_def;

/* One condition of a tip's "has_it_when": question q answered with one of `options` (a bit
 * mask), at least option `at_least` of an ordered question, or at least `at_least` on a scale. */
typedef struct cq_has_it_test {
    size_t question;
    uint32_t options; /* 0 when the test is "at least" */
    long at_least;
} cq_has_it_test;

/* One alternative of "has_it_when": the person has what the tip builds when all tests hold. */
typedef struct cq_has_it {
    cq_has_it_test *tests;
    size_t test_count;
} cq_has_it;

typedef struct cq_tip_def {
    const char *text;
    const char *advice; /* the advice's name, the same for every role the articles give it to */
    const char **sources;
    size_t source_count;
    size_t *traits;
    size_t trait_count;
    const char **shared_with;
    size_t shared_count;
    cq_has_it *has_it; /* any alternative holding means the person already has it */
    size_t has_it_count;
} cq_tip_def;

/* The canonical names of what one list item is about ("Python", "healthcare"). */
typedef struct cq_about {
    const char **names;
    size_t count;
} cq_about;

typedef struct cq_role_def {
    const char *id, *title, *summary, *outlook, *typical_education, *file;
    const char **lists[CQ_LIST_COUNT];
    size_t list_counts[CQ_LIST_COUNT];
    cq_about *about[CQ_LIST_COUNT]; /* per item of the compared lists; NULL for the sources */
    cq_figure *figures;
    size_t figure_count;
    cq_tip_def *tips;
    size_t tip_count;
    /* Indexed by trait. Importance 0 means the role ignores the trait. */
    double *target;
    double *importance;
    const char **reason;
} cq_role_def;

/* What each question can give each role, computed once at load (fit.c): indexed
 * role * question_count + q. */
typedef struct cq_fit_table {
    double *possible; /* the most the question can earn the role: sum of w * importance */
    double *mean;     /* the mean earned over the answers that say something */
    double *best;     /* the most any answer earns */
    /* Multi-choice questions, what an answer's effect is measured against: nothing ticked
     * (every trait of the question at 0, as "None of these yet" says), and each ordinary
     * option ticked alone, on average (for "None of these yet" itself). */
    double *nothing;
    double *alone;
    double *role_possible; /* per role: the sum of possible over every question */
    double *highest;       /* question * trait_count + trait: the most any answer gives the trait */
    size_t *answers;       /* per question: how many answers that say something it has */
    /* Every answer of every question's answer space (cq__answer_space_at), what it earns each
     * role: earned_at[(space_start[q] + i) * role_count + role], what a skipped question earns
     * (cq__skipped_earned) for an answer that says nothing. The what-if search and scoring look
     * answers up here instead of summing. */
    size_t *space_start; /* per question, and one past the last */
    double *earned_at;
} cq_fit_table;

/* What became of answers of an earlier bank version (earlier.c): one rule per changed answer. */
typedef enum cq_earlier_action {
    CQ_EARLIER_MOVE,  /* carried to to_question (and to_option, else the same option id) */
    CQ_EARLIER_DROP,  /* left out: it says nothing the current bank asks */
    CQ_EARLIER_REFUSE /* its meaning changed: the file is refused with `why` */
} cq_earlier_action;

typedef struct cq_earlier_rule {
    const char *question, *option; /* option NULL: every answer to the question */
    const char *to_question, *to_option;
    cq_earlier_action action;
    const char *why; /* what changed, in words for the person who saved the answers */
} cq_earlier_rule;

typedef struct cq_earlier {
    const char *version;
    cq_earlier_rule *rules;
    size_t rule_count;
} cq_earlier;

struct cq_model {
    const cq_context *ctx;
    cq_arena arena;
    const char *version;
    char digest[17];
    cq_trait_def *traits;
    size_t trait_count;
    cq_question_def *questions;
    size_t question_count;
    size_t group_count; /* groups of traits (trait_def.group_index runs 1..group_count) */
    cq_role_def *roles;
    size_t role_count;
    cq_earlier *earlier;
    size_t earlier_count;
    cq_fit_table fit;
};

/* The model of the shipped bank and profiles, written as C data at build time
 * (engine/tools/gen_builtin_model.c): its ctx is NULL and its arena empty, and everything it
 * points at is read-only. cq_model_load_default copies it into a handle of the caller's. */
extern const cq_model cq__builtin_model;

/* The answers-file format version this engine reads and writes. */
#define CQ__ANSWERS_FORMAT_VERSION 1

/*
 * Reads an answers document in one pass, without a cJSON tree (answers_read.c). On CQ_OK
 * either *out is the answers, or *declined is true: the text needs the long way in
 * cq_answers_parse (an error to word, or a form the reader does not take). Any other status is
 * the strict check's error, in err, or CQ_ERR_NOMEM.
 */
cq_status cq__answers_read(const cq_model *model, const char *file, const char *json, size_t size,
                           cq_answers **out, bool *declined, cq_error *err);
/* Reads an answers document the long way, with a cJSON tree: cq_answers_parse when
 * cq__answers_read declines. json is not NULL. (answers.c) */
cq_status cq__answers_parse_tree(const cq_model *model, const char *file, const char *json,
                                 size_t size, cq_answers **out, cq_error *err);

/* Reads a tip's optional "has_it_when" (has_it.c). */
cq_status cq__has_it_load(cq_model *m, const cJSON *node, const cq_json_where *w, cq_tip_def *tip,
                          cq_error *err);
/* Whether the answers show the person already has what the tip builds. */
bool cq__has_it(const cq_tip_def *tip, const cq_answers *answers);

/* Loads the bank sources into model (traits and questions). */
cq_status cq__bank_load(cq_model *model, const cq_source *sources, size_t count, cq_error *err);
/* Reads a bank file's optional "earlier" list, after every question is loaded (earlier.c). */
cq_status cq__earlier_load(cq_model *model, const cJSON *root, const char *file, cq_error *err);
/* Checks that no earlier version is the bank's own, once the version is known. */
cq_status cq__earlier_check(const cq_model *model, const char *file, cq_error *err);
/*
 * Carries the answers object of a file that says it was written for bank `version` over to the
 * current bank: moved answers under their new question and option, dropped ones left out. Sets
 * *out to the new answers object (the caller deletes it), or to NULL when `version` is not an
 * earlier version this bank lists (the answers are read as they are). Fails with the rule's
 * `why` for an answer whose meaning changed, err->id naming its question.
 */
cq_status cq__earlier_carry(const cq_model *model, const char *file, const char *version,
                            const cJSON *answers, cJSON **out, cq_error *err);
/* What changed about an answer since an earlier version, for a message about an id the current
 * bank does not know: the why of the latest version's rule for it, and that version, or NULL. */
const char *cq__earlier_why(const cq_model *model, const char *question, const char *option,
                            const char **version);

/* Loads profile sources into model (after the bank); roles end up sorted by id. */
cq_status cq__profiles_load(cq_model *model, const cq_source *sources, size_t count, cq_error *err);

/* ---- answers ------------------------------------------------------------------------------ */

struct cq_answers {
    const cq_model *model;
    bool *answered;     /* per question */
    bool *skipped;      /* per question: asked and passed over (saved as null) */
    uint32_t *selected; /* per question: bit i set when option i is chosen */
    long *value;        /* per question: the scale answer */
    bool this_bank;     /* parsed from a document that names the model's bank version */
};

/*
 * The trait values an answered question gives (docs/scoring.md): a choice gives, for every
 * trait any of its options moves, the sum of the chosen options' values capped at 1 (0 when
 * no chosen option sets it); a scale maps the answer linearly. Writes at most
 * the model's trait count of effects into out and returns how many.
 */
size_t cq__answer_effects(const cq_answers *answers, size_t q, cq_effect *out);

/*
 * The JSON form of an answer, as an answers file holds it: an option id, a list of option
 * ids or an integer; null when q is unanswered. NULL when out of memory.
 */
cJSON *cq__answer_json(const cq_answers *answers, size_t q);

/* The warnings that the answers' pattern alone raises (CQ_WARN_* bits, docs/scoring.md). */
unsigned cq__answer_warnings(const cq_answers *answers);

/* ---- scoring ------------------------------------------------------------------------------ */

/* ---- fit: one answer against one role (fit.c) ------------------------------------------- */

/* How close a trait value is to a role's target: 1 on target, 0 at the farthest possible
 * value; for a level, 1 anywhere at or above the target (docs/scoring.md). */
double cq__closeness(double value, double target, bool level);

/* The trait values an answer (selected options as a bit mask, or a scale value) gives question
 * d, as cq__answer_effects does; 0 when the answer says nothing. */
size_t cq__question_effects(const cq_question_def *d, uint32_t selected, long value,
                            cq_effect *out);

/* The options of a multi question that are not exclusive, as a bit set. */
uint32_t cq__ordinary_mask(const cq_question_def *d);

/*
 * What the effects of one answer to q earn role: the sum of w * importance * closeness over the
 * traits that belong to no group, plus, for each group of traits (one dimension with several
 * places: subjects, languages, sectors), the best w * importance * closeness among its traits
 * (docs/scoring.md).
 */
double cq__earned(const cq_model *m, size_t role, size_t q, const cq_effect *effects, size_t n);
/* The most question q can earn role: the same sum with every closeness 1. */
double cq__possible(const cq_model *m, size_t role, size_t q);
/* A question left out, or answered with an option that says nothing, says nothing about the
 * person, so it gives every role the same points: the least of the roles' means (each role's
 * mean earned, as points of its score). So it never moves one role against another, and never
 * earns a role more than its answers would on average (docs/scoring.md). */
double cq__skipped_points(const cq_model *m, size_t q);
/* The same, as what the question earns `role` (points times the role's total over 100). */
double cq__skipped_earned(const cq_model *m, size_t role, size_t q);

/* The answers a question can have, for means and what-ifs: each option of a single question,
 * each value of a scale, and for a multi question each exclusive option alone and every set of
 * ordinary options (each one alone past CQ_WHAT_IF_SUBSET_OPTIONS). */
size_t cq__answer_space_size(const cq_question_def *d);
/* The i'th answer of that space as a mask or a value. */
void cq__answer_space_at(const cq_question_def *d, size_t i, uint32_t *selected, long *value);
/* A multi question's options as its answer space lays them out, worked out once for a walk
 * over the space: cq__space_mask(layout, i) is the mask of its i'th answer. */
typedef struct cq_space_layout {
    uint32_t exclusive[CQ_MAX_OPTIONS], ordinary[CQ_MAX_OPTIONS];
    size_t exclusives, ordinaries;
} cq_space_layout;
void cq__space_layout(const cq_question_def *d, cq_space_layout *out);
uint32_t cq__space_mask(const cq_space_layout *layout, size_t i);
/* The index in that space of an answer (a mask or a value), or CQ_NONE when it is not in it. */
size_t cq__answer_space_index(const cq_question_def *d, uint32_t selected, long value);
/* Whether an answer says something (cq__question_effects gives it effects): a value of a scale
 * that moves a trait, or a choice of an option that sets one. */
bool cq__answer_says(const cq_question_def *d, uint32_t selected);

/* Fills m->fit after the bank and profiles are loaded. */
cq_status cq__fit_prepare(cq_model *m, cq_error *err);

struct cq_result {
    const cq_model *model;
    cq_answers *answers;    /* a copy of the answers that were scored */
    double *score;          /* per role, 0..100 */
    size_t *order;          /* role index by rank; roles set apart come after the ranked ones */
    size_t ranked;          /* roles in the ranking: all but those the education filter set apart */
    double *points;         /* role * question_count + question */
    double *effect;         /* the same layout: points against the question's other answers */
    double *shortfall;      /* role * trait_count + trait: points lost below the target */
    cq_effect *given;       /* question * trait_count + i: what each answer gave, in order */
    size_t *given_count;    /* per question: entries of given (0: skipped or says nothing) */
    double *trait_value;    /* per trait */
    double *trait_evidence; /* per trait: total weight of answers that moved it */
    double margin;
    size_t close_count;
    unsigned warnings;     /* CQ_WARN_* bits */
    bool education_filter; /* the caller asked for the education filter */
};

/*
 * Applies the education filter to a ranked result (docs/scoring.md): moves the roles whose
 * typical education is above the person's behind the ranked ones and lowers r->ranked, or
 * sets a warning when it cannot apply.
 */
void cq__education_filter(cq_result *r);

/* The level of an "education" option id: its position in the question, or CQ_NONE. */
size_t cq__education_level(const cq_model *model, const char *option_id);

/* The most items of a role's lists that can name a trait: every item of the four lists searched. */
#define CQ_ROLE_TRAIT_ITEMS_MOST (4 * CQ_MAX_LIST_ITEMS)
/* The items of the role's profile that name the trait (cq_role_trait_item's), up to `room` in
 * items; returns how many there are. One pass, where the count and each item would take one. */
size_t cq__role_trait_items(const cq_model *m, size_t role, size_t trait, const char **items,
                            size_t room);

/* ---- JSON output helpers ------------------------------------------------------------------- */

/* Prints a cJSON tree (formatted, with trailing newline) into ctx memory and deletes the tree,
 * whatever happens. A NULL tree means building it ran out of memory. */
cq_status cq__json_emit(const cq_context *ctx, cJSON *tree, char **out, size_t *size,
                        cq_error *err);

/* Builders for output trees: each returns false when an allocation failed, and the caller
 * deletes the whole tree. */
bool cq__json_add_string(cJSON *object, const char *key, const char *value);
bool cq__json_add_number(cJSON *object, const char *key, double value);
bool cq__json_add_strings(cJSON *object, const char *key, const char *const *items, size_t count);
/* Appends a string to an array. */
bool cq__json_push_string(cJSON *array, const char *value);
/* Appends a new object to an array and returns it, or NULL. */
cJSON *cq__json_push_object(cJSON *array);

/* A tip's "advice", "builds", "source" and "shared_with" fields, added to o. */
bool cq__tip_details_json(const cq_model *model, size_t role, size_t tip, cJSON *o);

/* Rounds to two decimals (half away from zero), as ledger points are shown. */
double cq__round2(double value);

/* The result's explanation fields (contributions, what_if, comparison, gaps, ordered tips...)
 * added to root, the object cq_result_to_json builds (docs/formats.md). */
cq_status cq__explain_json(const cq_result *result, const cq_json_options *options, cJSON *root,
                           cq_error *err);
/* A result with room for every role and question and nothing scored, for cq__rank_changed. */
cq_result *cq__result_scratch(const cq_model *m);
/*
 * The ranking (score, order, ranked) of base's answers with question q's answer taken from
 * `answers` instead, answer `at` of q's answer space, exactly as cq_score_with would rank them
 * but scoring q alone anew: the what-if search tries every answer of every question.
 * CQ_RANK_MADE when `into` holds it;
 * CQ_RANK_SAME_TOP, without filling `into`, when base's top role is sure to stay first;
 * CQ_RANK_NOTHING when no answered question would say anything (cq_score_with's
 * CQ_ERR_INVALID).
 */
/* How far below the top role another must stay to be sure it stays below: far more than the
 * rounding of a sum of 64 points, far less than a tenth of a point. */
#define CQ__TOP_KEPT_MARGIN 1e-6
typedef enum cq_rank_change { CQ_RANK_NOTHING, CQ_RANK_SAME_TOP, CQ_RANK_MADE } cq_rank_change;
cq_rank_change cq__rank_changed(const cq_result *base, const cq_answers *answers, size_t q,
                                size_t at, cq_result *into);

/* The ledger of one role: [{"question", "answer", "points", "effect"}]. */
bool cq__contributions_json(const cq_result *result, size_t role, cJSON *parent, const char *key);
/* A comparison object {"roles", "titles", "rows"} under key. */
bool cq__comparison_json(const cq_model *model, const cq_comparison *comparison, cJSON *parent,
                         const char *key);

#endif /* CQ_INTERNAL_H */
