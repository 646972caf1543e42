/* careerquiz.h: public API of the careerquiz engine: load, validate, score and explain. */
#ifndef CAREERQUIZ_H
#define CAREERQUIZ_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#ifdef __cplusplus
extern "C" {
#endif

/* The version of this header. A program can compare it with cq_version(), the library's. */
#define CQ_VERSION_MAJOR 0
#define CQ_VERSION_MINOR 1
#define CQ_VERSION_PATCH 0
/* One number that grows with every release, for #if: 0xMMmmpp (0x000100 is 0.1.0). */
#define CQ_VERSION_NUMBER ((CQ_VERSION_MAJOR << 16) | (CQ_VERSION_MINOR << 8) | CQ_VERSION_PATCH)
#define CQ_VERSION_TEXT_(major, minor, patch) #major "." #minor "." #patch
#define CQ_VERSION_TEXT(major, minor, patch) CQ_VERSION_TEXT_(major, minor, patch)
/* "0.1.0" */
#define CQ_VERSION CQ_VERSION_TEXT(CQ_VERSION_MAJOR, CQ_VERSION_MINOR, CQ_VERSION_PATCH)

/* The version of the library the program runs with ("0.1.0"): CQ_VERSION as the library was
 * built. Never NULL, never freed. */
const char *cq_version(void);

/*
 * Conventions
 * - Every handle is opaque. `cq_<object>_free(NULL)` does nothing.
 * - Functions that can fail return a cq_status and fill the caller's cq_error (which may be
 *   NULL when the caller does not want details). Output parameters are valid only on CQ_OK,
 *   and a failed call changes nothing the caller can see.
 * - A `const char *` returned by a getter is borrowed: it lives as long as the object it
 *   came from (the model for content, the result for result data). Never free it.
 * - A loaded cq_model is immutable, so one model may be shared by many threads. Answers and
 *   results belong to one thread at a time.
 * - The engine never prints, never exits and keeps no mutable global state.
 * - Memory: everything the engine keeps or hands out (models, answers, results, comparisons,
 *   texts) is allocated through the context's allocator. cJSON's allocations are not: its
 *   hooks (cJSON_InitHooks) are one setting for the whole process, not per call, so the
 *   engine never sets them, and the cJSON trees it builds during a call use whatever the
 *   program set (malloc and free by default). Those trees are made only by cq_model_load and
 *   cq_model_load_dir (the JSON files), by cq_answers_parse for a document its one-pass reader
 *   leaves to the long way (one with an error, an escape in a key or id, or a number with a
 *   fraction or exponent), and by the *_to_json functions before the text is copied into the
 *   context's memory; none outlives the call. cq_model_load_default, cq_answers_parse of a
 *   plain document, scoring, comparing and every getter allocate through the context only.
 */

/* ---- status and errors ------------------------------------------------------------------ */

typedef enum cq_status {
    CQ_OK = 0,
    CQ_ERR_NOMEM,   /* an allocation failed */
    CQ_ERR_OPEN,    /* a file or folder could not be opened */
    CQ_ERR_IO,      /* reading failed part way */
    CQ_ERR_SYNTAX,  /* malformed JSON; line and column are set */
    CQ_ERR_INVALID, /* well-formed JSON whose content is wrong (type, range, reference) */
    CQ_ERR_LIMIT,   /* an input is larger than a documented limit */
    CQ_ERR_ARG      /* the caller passed something the API does not accept */
} cq_status;

#define CQ_ERROR_TEXT 256
#define CQ_ERROR_NAME 512
#define CQ_ERROR_ID 128

/* Details of a failure. The caller owns it; the engine only writes into it on failure. */
typedef struct cq_error {
    cq_status status;
    char message[CQ_ERROR_TEXT]; /* what is wrong, lowercase, no full stop */
    char file[CQ_ERROR_NAME];    /* the file or source name, "" when none */
    int line;                    /* 1-based; 0 when unknown */
    int column;                  /* 1-based, in UTF-8 characters; 0 when unknown */
    char id[CQ_ERROR_ID];        /* question, option, trait or role id involved, "" when none */
} cq_error;

/* A fixed English name for a status ("out of memory", ...). Never NULL, never freed. */
const char *cq_strerror(cq_status status);

/* Resets an error to CQ_OK with empty fields. Accepts NULL. */
void cq_error_clear(cq_error *err);

/*
 * Formats "<message>: <file>:<line>:<column>" (only the parts that are known) into buf,
 * truncating to size. Returns buf. The id is already part of the message.
 */
char *cq_error_format(const cq_error *err, char *buf, size_t size);

/* ---- limits -------------------------------------------------------------------------------- */

/* Input caps, checked before anything is read whole (see docs/formats.md for the reasons). */
#define CQ_MAX_ANSWERS_BYTES (1u << 20) /* an answers file: 18 answers need < 2 KB */
#define CQ_MAX_DATA_BYTES (1u << 20)    /* one bank or profile file */
#define CQ_MAX_DATA_FILES 64            /* files in questions/ or profiles/ */
#define CQ_MAX_ID_BYTES 64              /* question, option, trait and role ids */
#define CQ_MAX_TEXT_BYTES 2048          /* any text field */
#define CQ_MAX_QUESTIONS 100
#define CQ_MAX_OPTIONS 32 /* per question */
#define CQ_MAX_TRAITS 64
#define CQ_MAX_ROLES 32
#define CQ_MAX_LIST_ITEMS 64 /* items in one profile list */
#define CQ_MAX_JSON_DEPTH 32 /* nesting of arrays and objects in any input */

/* ---- context: allocator ------------------------------------------------------------------ */

/* An allocator. `ctx` is passed back unchanged. realloc(NULL, n) must behave like malloc. */
typedef struct cq_allocator {
    void *(*realloc)(void *ctx, void *ptr, size_t size);
    void (*free)(void *ctx, void *ptr);
    void *ctx;
} cq_allocator;

typedef struct cq_context cq_context;

/*
 * Creates a context that allocates with `alloc` (copied), or with the C library when alloc
 * is NULL. The caller frees it with cq_context_free after every object made from it.
 */
cq_status cq_context_new(const cq_allocator *alloc, cq_context **out);
void cq_context_free(cq_context *ctx);

/* Frees memory the engine returned (text from *_to_json, cq_read_stream). Accepts NULL. */
void cq_free(const cq_context *ctx, void *ptr);

/*
 * Reads a whole stream into a NUL-terminated buffer allocated through ctx (free with
 * cq_free). Fails with CQ_ERR_LIMIT as soon as more than `limit` bytes arrive, and with
 * CQ_ERR_IO on a read error; `name` is used in the error. The stream stays open.
 */
cq_status cq_read_stream(const cq_context *ctx, FILE *stream, const char *name, size_t limit,
                         char **out, size_t *size, cq_error *err);

/* ---- sources: named in-memory files -------------------------------------------------------- */

/* A named buffer of JSON text, for loading without a file system (the embedded defaults). */
typedef struct cq_source {
    const char *name; /* shown in error messages, e.g. "profiles/ml-engineer.json" */
    const char *data; /* need not be NUL-terminated */
    size_t size;
} cq_source;

/* ---- model: question bank + role profiles -------------------------------------------------- */

typedef struct cq_model cq_model;
typedef struct cq_answers cq_answers;

/*
 * Loads and validates a bank and its profiles from memory. Bank sources are merged in the
 * order given (each may declare "traits" and "questions"); each profile source is one role.
 * The model copies what it needs: the sources may be freed afterwards.
 * On success *out is a new model the caller frees with cq_model_free. The context must
 * outlive it.
 */
cq_status cq_model_load(cq_context *ctx, const cq_source *bank, size_t bank_count,
                        const cq_source *profiles, size_t profile_count, cq_model **out,
                        cq_error *err);

/*
 * Loads dir/questions/[*].json and dir/profiles/[*].json (each folder read in byte order of
 * file names) and validates them as cq_model_load does.
 */
cq_status cq_model_load_dir(cq_context *ctx, const char *dir, cq_model **out, cq_error *err);

/*
 * Loads the bank and profiles built into the library: the questions/ and profiles/ it was built
 * from, which the build checked as cq_model_load_dir checks them, so this reads no file and
 * parses nothing. Their text stays in the library's read-only memory; only the handle is
 * allocated. On success *out is a new model the caller frees with cq_model_free. The context
 * must outlive it.
 */
cq_status cq_model_load_default(cq_context *ctx, cq_model **out, cq_error *err);

void cq_model_free(cq_model *model);

/* The context the model was loaded with. */
const cq_context *cq_model_context(const cq_model *model);

/* The bank's "version" string, and a digest of every loaded file (16 hex digits, FNV-1a) that
 * tells two data sets apart even when their versions match. */
const char *cq_model_version(const cq_model *model);
const char *cq_model_digest(const cq_model *model);

/* ---- traits ---------------------------------------------------------------------------------- */

size_t cq_model_trait_count(const cq_model *model);
const char *cq_trait_id(const cq_model *model, size_t trait);
const char *cq_trait_name(const cq_model *model, size_t trait);
/* Returns the index of the trait with that id, or (size_t)-1. */
size_t cq_model_find_trait(const cq_model *model, const char *id);
/* True for a level (skills, tools, experience: reaching a role's target is enough, going past it
 * never costs), false for a preference (distance either way counts). The bank's "kind". */
bool cq_trait_is_level(const cq_model *model, size_t trait);
/* The dimension the trait is one place of ("language" for Python, Java, ...), whose places are
 * alternatives a role earns the best of, or NULL when it belongs to none (docs/scoring.md,
 * "Groups"). The string lives as long as the model. */
const char *cq_trait_group(const cq_model *model, size_t trait);

/* ---- questions ------------------------------------------------------------------------------ */

typedef enum cq_question_type { CQ_SINGLE = 0, CQ_MULTI, CQ_SCALE } cq_question_type;

size_t cq_model_question_count(const cq_model *model);
/* Returns the index of the question with that id, or (size_t)-1. */
size_t cq_model_find_question(const cq_model *model, const char *id);

const char *cq_question_id(const cq_model *model, size_t q);
const char *cq_question_text(const cq_model *model, size_t q);
/* Extra guidance for the person, "" when the bank gives none. */
const char *cq_question_help(const cq_model *model, size_t q);
cq_question_type cq_question_type_of(const cq_model *model, size_t q);
/* "single", "multi" or "scale". */
const char *cq_question_type_name(cq_question_type type);
bool cq_question_required(const cq_model *model, size_t q);
/* True for a single-choice question whose options run from least to most (the bank's
 * "ordered"): a what-if counts the options it moves past as steps. */
bool cq_question_ordered(const cq_model *model, size_t q);
/* True when the question moves a preference trait: it asks what the person wants, so any other
 * answer is a change they can make. Other questions ask what the person has. */
bool cq_question_is_aim(const cq_model *model, size_t q);
double cq_question_weight(const cq_model *model, size_t q);

/* Options of single and multi questions (0 for scale questions). */
size_t cq_question_option_count(const cq_model *model, size_t q);
const char *cq_option_id(const cq_model *model, size_t q, size_t option);
const char *cq_option_text(const cq_model *model, size_t q, size_t option);
/* True for a multi-choice option that cannot be combined with others ("none of these"). */
bool cq_option_exclusive(const cq_model *model, size_t q, size_t option);
/* The value (0..1) the option gives a trait on its own, as the bank sets it, or -1 when it gives
 * the trait none. */
double cq_option_trait(const cq_model *model, size_t q, size_t option, size_t trait);
/* Returns the option index with that id in question q, or (size_t)-1. */
size_t cq_question_find_option(const cq_model *model, size_t q, const char *id);

/* Scale questions: inclusive integer range and labels for some of its points. */
int cq_scale_min(const cq_model *model, size_t q);
int cq_scale_max(const cq_model *model, size_t q);
size_t cq_scale_label_count(const cq_model *model, size_t q);
int cq_scale_label_value(const cq_model *model, size_t q, size_t label);
const char *cq_scale_label_text(const cq_model *model, size_t q, size_t label);

/* ---- roles ---------------------------------------------------------------------------------- */

/* The lists every profile carries, one per dimension the articles compare. */
typedef enum cq_role_list {
    CQ_LIST_RESPONSIBILITIES = 0,
    CQ_LIST_SKILLS,
    CQ_LIST_EDUCATION,
    CQ_LIST_TOOLS,
    CQ_LIST_INDUSTRIES,
    CQ_LIST_SOURCES,
    CQ_LIST_COUNT
} cq_role_list;

/* The JSON field name of a list: "responsibilities", "skills", ... */
const char *cq_role_list_name(cq_role_list list);

/* Roles are indexed in the order of their ids (byte order), whatever order they loaded in. */
size_t cq_model_role_count(const cq_model *model);
/* Returns the index of the role with that id, or (size_t)-1. */
size_t cq_model_find_role(const cq_model *model, const char *id);

const char *cq_role_id(const cq_model *model, size_t role);
const char *cq_role_title(const cq_model *model, size_t role);
const char *cq_role_summary(const cq_model *model, size_t role);
size_t cq_role_list_count(const cq_model *model, size_t role, cq_role_list list);
const char *cq_role_list_item(const cq_model *model, size_t role, cq_role_list list, size_t i);
/* The canonical names of what item i of a compared list is about ("Python", "healthcare"),
 * as the profile writes them by hand; comparisons share these names. The sources list has
 * none. Out-of-range indices give 0 or NULL. */
size_t cq_role_item_about_count(const cq_model *model, size_t role, cq_role_list list, size_t i);
const char *cq_role_item_about(const cq_model *model, size_t role, cq_role_list list, size_t i,
                               size_t name);

/* Outlook: a paragraph plus figures, each with its stated source and period. */
const char *cq_role_outlook(const cq_model *model, size_t role);
size_t cq_role_figure_count(const cq_model *model, size_t role);
typedef struct cq_figure {
    const char *value;   /* "15%", "$114,121" */
    const char *measure; /* what it measures, worded the same in every profile that quotes it:
                            "projected growth in jobs for software developers" */
    const char *source;  /* who stated it: "U.S. Bureau of Labor Statistics" */
    const char *period;  /* "2019–2029", or "" when the article names none */
    const char *article; /* the title of the article that quotes it */
    const char *note;    /* what that article says about it, or "": "a group the article says
                            includes machine learning engineers" */
} cq_figure;
/* Fills *out with borrowed strings. Returns false when the index is out of range. */
bool cq_role_figure(const cq_model *model, size_t role, size_t i, cq_figure *out);

/* Getting-started tips: text, the name of the advice, the articles it comes from, and the
 * traits it builds. */
size_t cq_role_tip_count(const cq_model *model, size_t role);
const char *cq_tip_text(const cq_model *model, size_t role, size_t tip);
const char *cq_tip_advice(const cq_model *model, size_t role, size_t tip);
size_t cq_tip_source_count(const cq_model *model, size_t role, size_t tip);
const char *cq_tip_source(const cq_model *model, size_t role, size_t tip, size_t i);
size_t cq_tip_trait_count(const cq_model *model, size_t role, size_t tip);
size_t cq_tip_trait(const cq_model *model, size_t role, size_t tip, size_t i);
/* Whether the answers show the person already has what the tip builds: one of the profile's
 * "has_it_when" alternatives holds (a degree held, a language ticked, a scale at or above a
 * level). False when the profile names none. */
bool cq_tip_has_it(const cq_model *model, size_t role, size_t tip, const cq_answers *answers);
/* Other roles the same tip is given to (by role id): each has a tip with the same advice, and
 * an article in common with this one says so. */
size_t cq_tip_shared_count(const cq_model *model, size_t role, size_t tip);
const char *cq_tip_shared_with(const cq_model *model, size_t role, size_t tip, size_t i);

/* The lowest education level the role typically expects: the option id of the "education"
 * question ("bachelors", "masters", "phd", ...). */
const char *cq_role_typical_education(const cq_model *model, size_t role);

/* Trait targets of a role: importance 0 means the role does not weigh that trait. */
double cq_role_target(const cq_model *model, size_t role, size_t trait);
double cq_role_importance(const cq_model *model, size_t role, size_t trait);
/* The profile's one-line reason for that target, "" when the role does not weigh it. */
const char *cq_role_target_reason(const cq_model *model, size_t role, size_t trait);

/* ---- answers -------------------------------------------------------------------------------- */

/* A new empty answer set for model (every question unanswered). Free with cq_answers_free. */
cq_status cq_answers_new(const cq_model *model, cq_answers **out, cq_error *err);
void cq_answers_free(cq_answers *answers);

/* A copy of answers, for trying changes without touching the original. */
cq_status cq_answers_clone(const cq_answers *answers, cq_answers **out, cq_error *err);

/*
 * Parses an answers document (see docs/formats.md) and validates it against the model:
 * unknown questions, unknown options, wrong types and out-of-range values are errors that
 * name the question or option id. `name` is used in error messages. Required questions
 * may be missing here (a partial save is valid); cq_answers_complete tells whether all
 * required questions are answered.
 */
cq_status cq_answers_parse(const cq_model *model, const char *name, const char *json, size_t size,
                           cq_answers **out, cq_error *err);

/*
 * Serialises answers as an answers document with stable key order (bank order) and a
 * trailing newline. *out is NUL-terminated, allocated through the model's context; free it
 * with cq_free. *size (optional) receives its length without the NUL.
 */
cq_status cq_answers_to_json(const cq_answers *answers, char **out, size_t *size, cq_error *err);

/* Setting answers. Each validates like the parser and changes nothing on error. */
cq_status cq_answers_set_option(cq_answers *answers, size_t q, size_t option, cq_error *err);
cq_status cq_answers_set_options(cq_answers *answers, size_t q, const size_t *options, size_t count,
                                 cq_error *err);
cq_status cq_answers_set_scale(cq_answers *answers, size_t q, long value, cq_error *err);
/* Forgets the answer to q: it is as if q had not been asked yet. */
void cq_answers_clear(cq_answers *answers, size_t q);
/* Forgets the answer to q and records that it was skipped: cq_answers_to_json writes it as null
 * (which cq_answers_parse reads back as a skip), and cq_answers_first_unanswered passes it, so a
 * resumed quiz does not ask it again. Answering q again ends the skip. */
void cq_answers_skip(cq_answers *answers, size_t q);
/* Whether q was skipped (cq_answers_skip, or null in a parsed file). */
bool cq_answers_skipped(const cq_answers *answers, size_t q);
/* Whether the answers were parsed from a document whose "bank_version" is the model's own
 * version: it was written for these very questions, none added or changed since. False for
 * answers not parsed, a document without "bank_version" and one of an earlier bank. */
bool cq_answers_of_this_bank(const cq_answers *answers);

bool cq_answers_has(const cq_answers *answers, size_t q);
/* Number of answered questions. */
size_t cq_answers_count(const cq_answers *answers);
/* Index of the first question neither answered nor skipped (where a resumed quiz goes on), or
 * the question count when none is left. */
size_t cq_answers_first_unanswered(const cq_answers *answers);
/* True when every required question has an answer. */
bool cq_answers_complete(const cq_answers *answers);
/* Reading an answer: selected options (in option order) or the scale value. */
size_t cq_answers_option_count(const cq_answers *answers, size_t q);
size_t cq_answers_option(const cq_answers *answers, size_t q, size_t i);
bool cq_answers_selected(const cq_answers *answers, size_t q, size_t option);
long cq_answers_scale(const cq_answers *answers, size_t q);

/* ---- scoring -------------------------------------------------------------------------------- */

/* Two roles whose scores are this close (in points of 100) are a close call. */
#define CQ_CLOSE_CALL_MARGIN 3.0

typedef struct cq_result cq_result;

/*
 * Scores answers against every role (see docs/scoring.md). Skipped questions carry no
 * evidence. Fails with CQ_ERR_INVALID when nothing that any role weighs was answered.
 * The result is independent of answers afterwards; free it with cq_result_free.
 */
cq_status cq_score(const cq_model *model, const cq_answers *answers, cq_result **out,
                   cq_error *err);
void cq_result_free(cq_result *result);

/* Role index at rank (0 = best), ordered by score then id (see docs/scoring.md); (size_t)-1
 * from cq_result_rank_count on (the education filter may rank fewer than every role). */
size_t cq_result_role_at(const cq_result *result, size_t rank);
/* Score of a role, 0..100, unrounded. */
double cq_result_score(const cq_result *result, size_t role);
/* Score of rank 0 minus score of rank 1 (both rounded to 0.1 first). */
double cq_result_margin(const cq_result *result);
/* Number of roles within CQ_CLOSE_CALL_MARGIN of the top (1 when the win is clear). */
size_t cq_result_close_count(const cq_result *result);

/*
 * Contribution of question q to role's score, in points: the role's score is the sum of
 * these over all questions. A skipped question gives every role the same points (the least of
 * the roles' means of its answers), so it has points too (docs/scoring.md).
 */
double cq_result_points(const cq_result *result, size_t role, size_t q);

/* The person's value (0..1) for a trait and the evidence (total question weight) behind it.
 * Evidence 0 means no answered question touched the trait; the value is then 0. */
/* The value the answer to q gave a trait, or -1 when it gave it none (the question is skipped,
 * says nothing or does not measure the trait). */
double cq_result_answer_trait(const cq_result *result, size_t q, size_t trait);
double cq_result_trait_value(const cq_result *result, size_t trait);
double cq_result_trait_evidence(const cq_result *result, size_t trait);

/* Round to one decimal the way every output does (half away from zero). */
double cq_round1(double value);

/* ---- scoring options: the education filter -------------------------------------------------- */

/* The question whose options name education levels, lowest first; a profile's
 * typical_education is one of its option ids. */
#define CQ_EDUCATION_QUESTION "education"

/*
 * How to score. `size` is sizeof(cq_score_options) as the caller was built, so that a later
 * version can add fields at the end without breaking programs built against this one: the
 * library reads only the fields that lie within `size`, and CQ_ERR_ARG refuses a size of 0 (a
 * struct never filled in) and a larger struct whose fields unknown to it are not zero.
 * CQ_SCORE_OPTIONS_INIT is plain scoring, with the size set.
 */
typedef struct cq_score_options {
    size_t size;
    /* Make education a hard filter, the way O*NET job zones work: roles whose typical
     * education is above the person's "education" answer are set apart from the ranking. */
    bool education_filter;
} cq_score_options;
#define CQ_SCORE_OPTIONS_INIT                                                                      \
    {                                                                                              \
        sizeof(cq_score_options), false                                                            \
    }

/* cq_score with options (NULL is the same as cq_score). */
cq_status cq_score_with(const cq_model *model, const cq_answers *answers,
                        const cq_score_options *options, cq_result **out, cq_error *err);

/* Roles in the ranking: every role, less those the education filter set apart. Ranks run
 * from 0 to this count - 1; margin and close calls are taken over these roles only. */
size_t cq_result_rank_count(const cq_result *result);
/* Roles the education filter set apart, best score first (0 without the filter). */
size_t cq_result_filtered_count(const cq_result *result);
size_t cq_result_filtered_at(const cq_result *result, size_t i);
/* Whether the result was scored with the education filter. */
bool cq_result_education_filter(const cq_result *result);

/* The answers that were scored: a copy, borrowed, living as long as the result. */
const cq_answers *cq_result_answers(const cq_result *result);

/* Education levels: positions in the CQ_EDUCATION_QUESTION's options (0 = the lowest), or
 * (size_t)-1 when the bank has no such question, the role names no level or the person did
 * not answer it. */
size_t cq_role_education_level(const cq_model *model, size_t role);
size_t cq_answers_education_level(const cq_answers *answers);

/* ---- explaining a score: the contribution ledger ------------------------------------------- */

/*
 * Signed effect of question q's answer on role's score, in points: the role's score with this
 * answer minus its mean score over the question's other answers, the rest unchanged
 * (docs/scoring.md). Positive means the answer scores the role higher than the other answers do
 * on average, so the best answer is never negative. Skipped questions, and answers that say
 * nothing ("something else"), have 0.
 */
double cq_result_effect(const cq_result *result, size_t role, size_t q);

/* ---- confidence: degenerate answers ------------------------------------------------------- */

/* A pattern over fewer answers than this is too likely to be chance to warn about. */
#define CQ_PATTERN_MIN_ANSWERS 3

/* Warnings about the answers or the filter, as bits of cq_result_warnings. */
typedef enum cq_warning {
    CQ_WARN_SAME_POSITION = 1u << 0,   /* every choice answer at the same option position */
    CQ_WARN_SCALE_MIDDLE = 1u << 1,    /* every scale answer at its midpoint */
    CQ_WARN_SCALE_END = 1u << 2,       /* every scale answer at the same end of its range */
    CQ_WARN_FEW_ANSWERS = 1u << 3,     /* fewer than half of the questions answered */
    CQ_WARN_FILTER_NO_LEVEL = 1u << 4, /* education filter asked for, education not answered */
    CQ_WARN_FILTER_ALL = 1u << 5       /* the filter would have set every role apart */
} cq_warning;
#define CQ_WARNING_COUNT 6
/* The warnings that are notes on what --education-filter did, not on the answers themselves:
 * outputs show them under their own heading, apart from "Check your answers". */
#define CQ_WARNINGS_FILTER (CQ_WARN_FILTER_NO_LEVEL | CQ_WARN_FILTER_ALL)

/* The warnings (cq_warning bits) that apply to a result; 0 when none does. */
unsigned cq_result_warnings(const cq_result *result);
/* A warning's stable id ("same-position") and its sentence (lowercase, no full stop). Never
 * NULL for a single valid bit; NULL otherwise. Static strings. */
const char *cq_warning_code(cq_warning warning);
const char *cq_warning_text(cq_warning warning);

/* ---- gaps: where the person stands against a role ------------------------------------------ */

/* A shortfall smaller than this (in points of the score) is not worth naming or a tip. */
#define CQ_GAP_MIN 0.5
/* The largest shortfalls every output names, each with what closes it. */
#define CQ_GAPS_NAMED 3

/*
 * The shortfall on one trait, in points of the role's score: what the answers lose by being
 * below the role's target on it (docs/scoring.md). Being above a target is never a shortfall; 0
 * when the role does not weigh the trait or no answer touched it.
 */
double cq_result_gap(const cq_result *result, size_t role, size_t trait);
/* Whether the shortfall on the trait is one the outputs name (one of the CQ_GAPS_NAMED largest
 * of at least CQ_GAP_MIN): building it closes a gap "Where you fall short" shows. Tips are shown
 * for these gaps alone, so a tip never claims a gap the shortfalls leave out. */
bool cq_result_closes(const cq_result *result, size_t role, size_t trait);
/* The traits with a shortfall of at least CQ_GAP_MIN, largest first (ties in bank order). */
size_t cq_result_gap_count(const cq_result *result, size_t role);
size_t cq_result_gap_at(const cq_result *result, size_t role, size_t rank);
/* The answered question that shows the gap: of the answers below the role's target on the
 * trait, the one from the question that measures it most directly (the largest share of its
 * weight), the larger shortfall on a tie. (size_t)-1 when no answer falls short on it. */
size_t cq_result_gap_question(const cq_result *result, size_t role, size_t trait);
/* The items of the role's skills, tools and responsibilities lists (in that order; for the
 * education trait, and for a trait none of them names, its education list) that name the trait
 * (the bank's "terms"), each naming a term the ones before it did not: what closes a gap when no
 * tip does. Borrowed from the model; NULL past the count. */
size_t cq_role_trait_item_count(const cq_model *model, size_t role, size_t trait);
const char *cq_role_trait_item(const cq_model *model, size_t role, size_t trait, size_t i);
/*
 * The tips worth showing: those the answers do not show the person already has
 * (cq_tip_has_it) and that close at least one gap. Ordered by the largest gap they close, then
 * the sum of those gaps, then profile order. cq_result_tip_at gives (size_t)-1 past the count.
 */
size_t cq_result_tip_count(const cq_result *result, size_t role);
size_t cq_result_tip_at(const cq_result *result, size_t role, size_t rank);

/* ---- what would change it: single-answer changes that put another role first --------------- */

/* How many changes the outputs show. */
#define CQ_WHAT_IF_SHOWN 3
/* A multi-choice question with more ordinary options than this has 2^n answers; beyond it only
 * answers that add or remove one option are tried. The bank's largest has 6. */
#define CQ_WHAT_IF_SUBSET_OPTIONS 12

typedef struct cq_changes cq_changes;

/*
 * Tries every other answer to every question, one question at a time (each other option; each
 * other scale value; each other answer of a multi question's answer space; answering a skipped
 * question) and scores each with the result's options. Leaving a question out is not tried: it
 * changes nothing about the person. Of the answers that put a role other than the result's first
 * at the top, it keeps each question's nearest, and of those the `keep` best overall, so that the
 * changes shown point at different questions. Nearest means fewest steps (the distance on a
 * scale or on an ordered question's options, 1 between options of an unordered one, the options
 * added or removed on a multi question, 1 to answer a skipped question), then one the person can
 * act on, then the widest lead of the new top, then bank and answer order. Best overall puts the
 * changes the person can act on first (cq_change_actionable), each group nearest first. On
 * success *out is new; free it with cq_changes_free. It borrows the model, not the result.
 */
cq_status cq_changes_find(const cq_result *result, size_t keep, cq_changes **out, cq_error *err);
void cq_changes_free(cq_changes *changes);

/* Changes kept, and all changes found that put another role first. */
size_t cq_changes_count(const cq_changes *changes);
size_t cq_changes_total(const cq_changes *changes);
/* The question a kept change is about, the answers with that change made (borrowed, living as
 * long as the changes), the role it puts first, its lead over the new runner-up (points, as a
 * person would check it: both scores rounded to one decimal first, like cq_result_margin) and
 * its size in steps. */
size_t cq_change_question(const cq_changes *changes, size_t i);
const cq_answers *cq_change_answers(const cq_changes *changes, size_t i);
size_t cq_change_new_top(const cq_changes *changes, size_t i);
double cq_change_lead(const cq_changes *changes, size_t i);
size_t cq_change_steps(const cq_changes *changes, size_t i);
/* True when the person could make the change: any change to an aim (cq_question_is_aim), and a
 * change that adds to what they have (a higher option or value, more options, an answer to a
 * skipped question). False when it would take away what they have, such as a degree earned:
 * outputs phrase those as what the model weighs, not as advice. */
bool cq_change_actionable(const cq_changes *changes, size_t i);

/* ---- side-by-side comparison of two roles --------------------------------------------------- */

/* The dimensions the articles compare roles on, in this order. */
typedef enum cq_dimension {
    CQ_DIM_RESPONSIBILITIES = 0,
    CQ_DIM_SKILLS,
    CQ_DIM_EDUCATION,
    CQ_DIM_TOOLS,
    CQ_DIM_INDUSTRIES,
    CQ_DIM_OUTLOOK,
    CQ_DIM_TIPS,
    CQ_DIM_COUNT
} cq_dimension;

/* "responsibilities", "skills", "education", "tools", "industries", "outlook", "tips". */
const char *cq_dimension_name(cq_dimension dimension);

typedef struct cq_comparison cq_comparison;

/*
 * Compares two different roles dimension by dimension: each side's items and what they share
 * (docs/scoring.md says how: the names both lists' items are about, the figures that measure
 * the same thing, the advice both roles get). On success *out is new; free it with
 * cq_comparison_free before the model.
 */
cq_status cq_compare(const cq_model *model, size_t role_a, size_t role_b, cq_comparison **out,
                     cq_error *err);
void cq_comparison_free(cq_comparison *comparison);

/* The compared role indices: side 0 is a, side 1 is b. */
size_t cq_comparison_role(const cq_comparison *comparison, int side);
/* One side's items in a dimension, and what both share. Strings live as long as the
 * comparison; out-of-range indices give 0 or NULL. */
size_t cq_comparison_item_count(const cq_comparison *comparison, cq_dimension dimension, int side);
const char *cq_comparison_item(const cq_comparison *comparison, cq_dimension dimension, int side,
                               size_t i);
size_t cq_comparison_shared_count(const cq_comparison *comparison, cq_dimension dimension);
/* A shared name, as both roles' profiles write it: an item's "about" name, a figure's
 * "measure" or a tip's "advice". */
const char *cq_comparison_shared(const cq_comparison *comparison, cq_dimension dimension, size_t i);
/* The same for reading: the name itself, except that a shared figure reads "15% projected
 * growth in jobs for ... (U.S. Bureau of Labor Statistics, 2019–2029)". */
const char *cq_comparison_shared_text(const cq_comparison *comparison, cq_dimension dimension,
                                      size_t i);

/* ---- JSON views ------------------------------------------------------------------------------ */

/*
 * Each writes a JSON document (pretty-printed, stable key order, trailing newline) into
 * *out, allocated through the model's context: free it with cq_free. *size (optional)
 * receives the length without the NUL.
 */
cq_status cq_questions_to_json(const cq_model *model, char **out, size_t *size, cq_error *err);
cq_status cq_roles_to_json(const cq_model *model, char **out, size_t *size, cq_error *err);
cq_status cq_role_to_json(const cq_model *model, size_t role, char **out, size_t *size,
                          cq_error *err);
cq_status cq_result_to_json(const cq_model *model, const cq_result *result, char **out,
                            size_t *size, cq_error *err);

/* What cq_result_to_json_with adds. `size` works as in cq_score_options; CQ_JSON_OPTIONS_INIT
 * gives what cq_result_to_json gives. */
typedef struct cq_json_options {
    size_t size;         /* sizeof(cq_json_options) */
    bool explain;        /* add "explained": the ledger of explain_role */
    size_t explain_role; /* a role index */
} cq_json_options;
#define CQ_JSON_OPTIONS_INIT                                                                       \
    {                                                                                              \
        sizeof(cq_json_options), false, 0                                                          \
    }

/* cq_result_to_json with options (NULL is the same as cq_result_to_json); CQ_ERR_ARG for an
 * explain_role out of range or a size as cq_score_options says. */
cq_status cq_result_to_json_with(const cq_model *model, const cq_result *result,
                                 const cq_json_options *options, char **out, size_t *size,
                                 cq_error *err);

/* The comparison as {"roles": [a, b], "titles": [...], "rows": [{"dimension", "a", "b",
 * "shared"}]}, one row per cq_dimension in order (docs/formats.md). */
cq_status cq_comparison_to_json(const cq_model *model, const cq_comparison *comparison, char **out,
                                size_t *size, cq_error *err);

#ifdef __cplusplus
}
#endif

#endif /* CAREERQUIZ_H */
