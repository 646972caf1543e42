/* gen_builtin_model.c: build-time tool that loads the shipped bank and profiles once and writes
 * the loaded model out as C data, the model cq_model_load_default gives without parsing. */

/*
 * Usage: gen_builtin_model -o OUT.c DIR
 *
 * Loads DIR/questions/[*].json and DIR/profiles/[*].json with cq_model_load_dir, so the data is
 * checked exactly as `--data DIR` checks it, and a bad file stops the build with the engine's
 * message. Then writes OUT.c: every array of the model as static const data and, last,
 * `const cq_model cq__builtin_model` pointing at them. Numbers are written as hexadecimal
 * floating constants, so they are the same bits once compiled. OUT.c is written to a temporary
 * file and renamed. Exits 0 on success, 1 with a message on stderr otherwise.
 *
 * The structs of engine/internal.h are written field by field: a field added there must be
 * written here too. The _Static_asserts below stop the build when a struct changes size, and
 * tests/unit/test_builtin_model.c compares everything the API shows of this model with the
 * model loaded from the JSON files.
 */

#include "internal.h"

#include <errno.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define PROG "gen_builtin_model"

/* Tripwires, on the 64-bit hosts builds run on: a changed size means a changed struct. */
#if SIZE_MAX == UINT64_MAX
_Static_assert(sizeof(cq_model) == 208, "cq_model changed: write its new fields below");
_Static_assert(sizeof(cq_trait_def) == 72, "cq_trait_def changed: write its new fields below");
_Static_assert(sizeof(cq_question_def) == 128, "cq_question_def changed: write it below");
_Static_assert(sizeof(cq_option_def) == 40, "cq_option_def changed: write its new fields below");
_Static_assert(sizeof(cq_role_def) == 248, "cq_role_def changed: write its new fields below");
_Static_assert(sizeof(cq_tip_def) == 80, "cq_tip_def changed: write its new fields below");
_Static_assert(sizeof(cq_has_it_test) == 24, "cq_has_it_test changed: write it below");
_Static_assert(sizeof(cq_figure) == 48, "cq_figure changed: write its new fields below");
_Static_assert(sizeof(cq_earlier) == 24, "cq_earlier changed: write its new fields below");
_Static_assert(sizeof(cq_earlier_rule) == 48, "cq_earlier_rule changed: write it below");
_Static_assert(sizeof(cq_fit_table) == 80, "cq_fit_table changed: write its new fields below");
#endif

/* The output, and a counter that names each array (a0, a1, ...). */
typedef struct writer {
    FILE *out;
    size_t next;
} writer;

/* A name for an array written out, or "NULL". */
typedef struct ref {
    char name[24];
} ref;

static ref null_ref(void)
{
    ref r;
    snprintf(r.name, sizeof r.name, "NULL");
    return r;
}

/* Starts "static const TYPE aN[] = {" and returns aN. */
static ref open_array(writer *w, const char *type)
{
    ref r;
    snprintf(r.name, sizeof r.name, "a%zu", w->next++);
    fprintf(w->out, "static const %s %s[] = {", type, r.name);
    return r;
}

/* Ends an array of n items: `last` after the items, or `none` as the one item of an empty
 * array (ISO C has no empty ones). */
static void close_array(writer *w, size_t n, const char *last, const char *none)
{
    fputs(n ? last : none, w->out);
    fputs("};\n", w->out);
}

/* Room for the names of n arrays (at least one); the tool stops when memory runs out. */
static ref *refs(size_t n)
{
    ref *r = calloc(n ? n : 1, sizeof *r);
    if (!r) {
        fputs(PROG ": out of memory\n", stderr);
        exit(1);
    }
    return r;
}

/* A C string literal: printable ASCII as is, everything else as octal escapes, and '?' escaped
 * so that no "??x" trigraph forms. */
static void put_string(writer *w, const char *s)
{
    if (!s) {
        fputs("NULL", w->out);
        return;
    }
    fputc('"', w->out);
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        if (c == '"' || c == '\\' || c == '?')
            fprintf(w->out, "\\%c", c);
        else if (c < 0x20 || c >= 0x7f)
            fprintf(w->out, "\\%03o", c);
        else
            fputc(c, w->out);
    }
    fputc('"', w->out);
}

/* The strings s[0..n), with sep between them. */
static void put_string_run(writer *w, const char *sep, const char *const *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        fputs(i ? sep : "", w->out);
        put_string(w, s[i]);
    }
}

/* A double as a hexadecimal floating constant: exactly the same value once compiled. */
static void put_double(writer *w, double value)
{
    fprintf(w->out, "%a", value);
}

/*
 * Arrays. Each returns the name to point at: "NULL" for a NULL pointer, and for a pointer to no
 * items (the loader's zero-sized allocations) a one-item array, since ISO C has no empty ones.
 * Items of a pointer-to-non-const field are written const and cast back where they are used:
 * nothing writes into a loaded model.
 */
static ref put_strings(writer *w, const char *const *items, size_t n)
{
    if (!items)
        return null_ref();
    ref r = open_array(w, "char *const");
    for (size_t i = 0; i < n; i++) {
        fputs(i % 4 ? " " : "\n    ", w->out);
        put_string(w, items[i]);
        fputc(',', w->out);
    }
    close_array(w, n, "\n", "NULL");
    return r;
}

static ref put_doubles(writer *w, const double *items, size_t n)
{
    if (!items)
        return null_ref();
    ref r = open_array(w, "double");
    for (size_t i = 0; i < n; i++) {
        fputs(i % 6 ? " " : "\n    ", w->out);
        put_double(w, items[i]);
        fputc(',', w->out);
    }
    close_array(w, n, "\n", "0");
    return r;
}

static ref put_sizes(writer *w, const size_t *items, size_t n)
{
    if (!items)
        return null_ref();
    ref r = open_array(w, "size_t");
    for (size_t i = 0; i < n; i++)
        fprintf(w->out, "%s%zu,", i % 12 ? " " : "\n    ", items[i]);
    close_array(w, n, "\n", "0");
    return r;
}

/* ---- the bank ------------------------------------------------------------------------------- */

static ref put_traits(writer *w, const cq_model *m)
{
    ref *terms = refs(m->trait_count);
    for (size_t t = 0; t < m->trait_count; t++)
        terms[t] = put_strings(w, m->traits[t].terms, m->traits[t].term_count);
    ref r = open_array(w, "cq_trait_def");
    for (size_t t = 0; t < m->trait_count; t++) {
        const cq_trait_def *d = &m->traits[t];
        const char *texts[] = {d->id, d->name, d->low, d->high};
        fputs("\n    {", w->out);
        put_string_run(w, ", ", texts, sizeof texts / sizeof *texts);
        fprintf(w->out, ", %d, ", d->level);
        put_string(w, d->group);
        fprintf(w->out, ", %zu, (const char **)%s, %zu},", d->group_index, terms[t].name,
                d->term_count);
    }
    close_array(w, m->trait_count, "\n", "{0}");
    free(terms);
    return r;
}

static ref put_effects(writer *w, const cq_effect *e, size_t n)
{
    if (!e)
        return null_ref();
    ref r = open_array(w, "cq_effect");
    for (size_t i = 0; i < n; i++) {
        fprintf(w->out, "{%zu, ", e[i].trait);
        put_double(w, e[i].value);
        fputs("}, ", w->out);
    }
    close_array(w, n, "", "{0}");
    return r;
}

static ref put_options(writer *w, const cq_question_def *d)
{
    if (!d->options)
        return null_ref();
    ref *effects = refs(d->option_count);
    for (size_t o = 0; o < d->option_count; o++)
        effects[o] = put_effects(w, d->options[o].effects, d->options[o].effect_count);
    ref r = open_array(w, "cq_option_def");
    for (size_t o = 0; o < d->option_count; o++) {
        const cq_option_def *opt = &d->options[o];
        const char *texts[] = {opt->id, opt->text};
        fputs("\n    {", w->out);
        put_string_run(w, ", ", texts, sizeof texts / sizeof *texts);
        fprintf(w->out, ", %d, (cq_effect *)%s, %zu},", opt->exclusive, effects[o].name,
                opt->effect_count);
    }
    close_array(w, d->option_count, "\n", "{0}");
    free(effects);
    return r;
}

static ref put_labels(writer *w, const cq_label_def *labels, size_t n)
{
    if (!labels)
        return null_ref();
    ref r = open_array(w, "cq_label_def");
    for (size_t i = 0; i < n; i++) {
        fprintf(w->out, "\n    {%d, ", labels[i].value);
        put_string(w, labels[i].text);
        fputs("},", w->out);
    }
    close_array(w, n, "\n", "{0}");
    return r;
}

static ref put_scale_effects(writer *w, const cq_scale_effect *e, size_t n)
{
    if (!e)
        return null_ref();
    ref r = open_array(w, "cq_scale_effect");
    for (size_t i = 0; i < n; i++) {
        fprintf(w->out, "{%zu, ", e[i].trait);
        put_double(w, e[i].low);
        fputs(", ", w->out);
        put_double(w, e[i].high);
        fputs("}, ", w->out);
    }
    close_array(w, n, "", "{0}");
    return r;
}

static ref put_questions(writer *w, const cq_model *m)
{
    size_t n = m->question_count;
    ref *options = refs(n), *labels = refs(n), *scale = refs(n), *traits = refs(n);
    for (size_t q = 0; q < m->question_count; q++) {
        const cq_question_def *d = &m->questions[q];
        options[q] = put_options(w, d);
        labels[q] = put_labels(w, d->labels, d->label_count);
        scale[q] = put_scale_effects(w, d->scale_effects, d->scale_effect_count);
        traits[q] = put_sizes(w, d->traits, d->trait_count);
    }
    ref r = open_array(w, "cq_question_def");
    for (size_t q = 0; q < m->question_count; q++) {
        const cq_question_def *d = &m->questions[q];
        const char *texts[] = {d->id, d->text, d->help, d->file};
        fputs("\n    {", w->out);
        put_string_run(w, ", ", texts, sizeof texts / sizeof *texts);
        fprintf(w->out, ",\n     %d, %d, %d, %d, ", (int)d->type, d->required, d->ordered, d->aim);
        put_double(w, d->weight);
        fprintf(w->out,
                ", (cq_option_def *)%s, %zu, %d, %d, (cq_label_def *)%s, %zu,\n"
                "     (cq_scale_effect *)%s, %zu, (size_t *)%s, %zu, ",
                options[q].name, d->option_count, d->min, d->max, labels[q].name, d->label_count,
                scale[q].name, d->scale_effect_count, traits[q].name, d->trait_count);
        put_double(w, d->trait_weight);
        fputs("},", w->out);
    }
    close_array(w, m->question_count, "\n", "{0}");
    free(options);
    free(labels);
    free(scale);
    free(traits);
    return r;
}

/* ---- the profiles --------------------------------------------------------------------------- */

static ref put_abouts(writer *w, const cq_about *about, size_t n)
{
    if (!about)
        return null_ref();
    ref *names = refs(n);
    for (size_t i = 0; i < n; i++)
        names[i] = put_strings(w, about[i].names, about[i].count);
    ref r = open_array(w, "cq_about");
    for (size_t i = 0; i < n; i++)
        fprintf(w->out, "{(const char **)%s, %zu}, ", names[i].name, about[i].count);
    close_array(w, n, "", "{0}");
    free(names);
    return r;
}

static ref put_figures(writer *w, const cq_figure *f, size_t n)
{
    if (!f)
        return null_ref();
    ref r = open_array(w, "cq_figure");
    for (size_t i = 0; i < n; i++) {
        const char *fields[] = {f[i].value,  f[i].measure, f[i].source,
                                f[i].period, f[i].article, f[i].note};
        fputs("\n    {", w->out);
        put_string_run(w, ", ", fields, sizeof fields / sizeof *fields);
        fputs("},", w->out);
    }
    close_array(w, n, "\n", "{0}");
    return r;
}

static ref put_has_it(writer *w, const cq_has_it *h, size_t n)
{
    if (!h)
        return null_ref();
    ref *tests = refs(n);
    for (size_t i = 0; i < n; i++) {
        tests[i] = null_ref();
        if (!h[i].tests)
            continue;
        tests[i] = open_array(w, "cq_has_it_test");
        for (size_t k = 0; k < h[i].test_count; k++)
            fprintf(w->out, "{%zu, 0x%" PRIx32 ", %ld}, ", h[i].tests[k].question,
                    h[i].tests[k].options, h[i].tests[k].at_least);
        close_array(w, h[i].test_count, "", "{0}");
    }
    ref r = open_array(w, "cq_has_it");
    for (size_t i = 0; i < n; i++)
        fprintf(w->out, "{(cq_has_it_test *)%s, %zu}, ", tests[i].name, h[i].test_count);
    close_array(w, n, "", "{0}");
    free(tests);
    return r;
}

static ref put_tips(writer *w, const cq_tip_def *tips, size_t n)
{
    if (!tips)
        return null_ref();
    ref *sources = refs(n), *traits = refs(n), *shared = refs(n), *has_it = refs(n);
    for (size_t i = 0; i < n; i++) {
        sources[i] = put_strings(w, tips[i].sources, tips[i].source_count);
        traits[i] = put_sizes(w, tips[i].traits, tips[i].trait_count);
        shared[i] = put_strings(w, tips[i].shared_with, tips[i].shared_count);
        has_it[i] = put_has_it(w, tips[i].has_it, tips[i].has_it_count);
    }
    ref r = open_array(w, "cq_tip_def");
    for (size_t i = 0; i < n; i++) {
        const cq_tip_def *t = &tips[i];
        fputs("\n    {", w->out);
        put_string(w, t->text);
        fputs(", ", w->out);
        put_string(w, t->advice);
        fprintf(w->out,
                ",\n     (const char **)%s, %zu, (size_t *)%s, %zu, (const char **)%s, %zu,"
                " (cq_has_it *)%s, %zu},",
                sources[i].name, t->source_count, traits[i].name, t->trait_count, shared[i].name,
                t->shared_count, has_it[i].name, t->has_it_count);
    }
    close_array(w, n, "\n", "{0}");
    free(sources);
    free(traits);
    free(shared);
    free(has_it);
    return r;
}

static ref put_roles(writer *w, const cq_model *m)
{
    size_t n = m->role_count;
    ref *lists = refs(n * CQ_LIST_COUNT), *about = refs(n * CQ_LIST_COUNT), *figures = refs(n),
        *tips = refs(n), *target = refs(n), *importance = refs(n), *reason = refs(n);
    for (size_t i = 0; i < m->role_count; i++) {
        const cq_role_def *d = &m->roles[i];
        for (int l = 0; l < CQ_LIST_COUNT; l++) {
            lists[i * CQ_LIST_COUNT + l] = put_strings(w, d->lists[l], d->list_counts[l]);
            about[i * CQ_LIST_COUNT + l] = put_abouts(w, d->about[l], d->list_counts[l]);
        }
        figures[i] = put_figures(w, d->figures, d->figure_count);
        tips[i] = put_tips(w, d->tips, d->tip_count);
        target[i] = put_doubles(w, d->target, m->trait_count);
        importance[i] = put_doubles(w, d->importance, m->trait_count);
        reason[i] = put_strings(w, d->reason, m->trait_count);
    }
    ref r = open_array(w, "cq_role_def");
    for (size_t i = 0; i < m->role_count; i++) {
        const cq_role_def *d = &m->roles[i];
        const char *texts[] = {d->id,  d->title, d->summary, d->outlook, d->typical_education,
                               d->file};
        fputs("\n    {", w->out);
        put_string_run(w, ",\n     ", texts, sizeof texts / sizeof *texts);
        fputs(",\n     {", w->out);
        for (int l = 0; l < CQ_LIST_COUNT; l++)
            fprintf(w->out, "%s(const char **)%s", l ? ", " : "",
                    lists[i * CQ_LIST_COUNT + l].name);
        fputs("},\n     {", w->out);
        for (int l = 0; l < CQ_LIST_COUNT; l++)
            fprintf(w->out, "%s%zu", l ? ", " : "", d->list_counts[l]);
        fputs("},\n     {", w->out);
        for (int l = 0; l < CQ_LIST_COUNT; l++)
            fprintf(w->out, "%s(cq_about *)%s", l ? ", " : "", about[i * CQ_LIST_COUNT + l].name);
        fprintf(w->out,
                "},\n     (cq_figure *)%s, %zu, (cq_tip_def *)%s, %zu, (double *)%s,"
                " (double *)%s, (const char **)%s},",
                figures[i].name, d->figure_count, tips[i].name, d->tip_count, target[i].name,
                importance[i].name, reason[i].name);
    }
    close_array(w, m->role_count, "\n", "{0}");
    free(lists);
    free(about);
    free(figures);
    free(tips);
    free(target);
    free(importance);
    free(reason);
    return r;
}

/* ---- what became of earlier banks' answers --------------------------------------------------- */

static ref put_earlier_rules(writer *w, const cq_earlier_rule *rules, size_t n)
{
    if (!rules)
        return null_ref();
    ref r = open_array(w, "cq_earlier_rule");
    for (size_t i = 0; i < n; i++) {
        const cq_earlier_rule *e = &rules[i];
        const char *texts[] = {e->question, e->option, e->to_question, e->to_option};
        fputs("\n    {", w->out);
        put_string_run(w, ", ", texts, sizeof texts / sizeof *texts);
        fprintf(w->out, ", (cq_earlier_action)%d, ", (int)e->action);
        put_string(w, e->why);
        fputs("},", w->out);
    }
    close_array(w, n, "\n", "{0}");
    return r;
}

static ref put_earlier(writer *w, const cq_model *m)
{
    if (!m->earlier)
        return null_ref();
    ref *rules = refs(m->earlier_count);
    for (size_t i = 0; i < m->earlier_count; i++)
        rules[i] = put_earlier_rules(w, m->earlier[i].rules, m->earlier[i].rule_count);
    ref r = open_array(w, "cq_earlier");
    for (size_t i = 0; i < m->earlier_count; i++) {
        fputs("\n    {", w->out);
        put_string(w, m->earlier[i].version);
        fprintf(w->out, ", (cq_earlier_rule *)%s, %zu},", rules[i].name, m->earlier[i].rule_count);
    }
    close_array(w, m->earlier_count, "\n", "{0}");
    free(rules);
    return r;
}

/* ---- the model ------------------------------------------------------------------------------ */

static void put_model(writer *w, const cq_model *m)
{
    size_t nq = m->question_count, nr = m->role_count, nt = m->trait_count;
    size_t cells = nr * nq > 0 ? nr * nq : 1, pairs = nq * nt > 0 ? nq * nt : 1;
    const cq_fit_table *f = &m->fit;
    size_t rows = f->space_start[nq] * nr > 0 ? f->space_start[nq] * nr : 1;
    ref traits = put_traits(w, m), questions = put_questions(w, m), roles = put_roles(w, m),
        earlier = put_earlier(w, m);
    ref possible = put_doubles(w, f->possible, cells), mean = put_doubles(w, f->mean, cells),
        best = put_doubles(w, f->best, cells), nothing = put_doubles(w, f->nothing, cells),
        alone = put_doubles(w, f->alone, cells),
        role_possible = put_doubles(w, f->role_possible, nr ? nr : 1),
        highest = put_doubles(w, f->highest, pairs),
        answers = put_sizes(w, f->answers, nq ? nq : 1),
        space_start = put_sizes(w, f->space_start, nq + 1),
        earned_at = put_doubles(w, f->earned_at, rows);
    const char *texts[] = {m->version, m->digest};
    fputs("\nconst cq_model cq__builtin_model = {\n    NULL, {NULL, NULL}, ", w->out);
    put_string_run(w, ", ", texts, sizeof texts / sizeof *texts);
    fprintf(w->out,
            ",\n    (cq_trait_def *)%s, %zu, (cq_question_def *)%s, %zu, %zu,\n"
            "    (cq_role_def *)%s, %zu, (cq_earlier *)%s, %zu,\n"
            "    {(double *)%s, (double *)%s, (double *)%s, (double *)%s, (double *)%s,"
            " (double *)%s, (double *)%s, (size_t *)%s, (size_t *)%s, (double *)%s}};\n",
            traits.name, nt, questions.name, nq, m->group_count, roles.name, nr, earlier.name,
            m->earlier_count, possible.name, mean.name, best.name, nothing.name, alone.name,
            role_possible.name, highest.name, answers.name, space_start.name, earned_at.name);
}

int main(int argc, char **argv)
{
    const char *out_name = NULL, *dir = NULL;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "-o") == 0 && i + 1 < argc)
            out_name = argv[++i];
        else if (!dir && argv[i][0] != '-')
            dir = argv[i];
        else
            out_name = NULL, i = argc;
    }
    if (!out_name || !dir) {
        fputs("usage: " PROG " -o OUT.c DIR\n", stderr);
        return 1;
    }

    cq_context *ctx = NULL;
    cq_model *m = NULL;
    cq_error err;
    char text[1024];
    cq_error_clear(&err);
    if (cq_context_new(NULL, &ctx) != CQ_OK) {
        fputs(PROG ": out of memory\n", stderr);
        return 1;
    }
    if (cq_model_load_dir(ctx, dir, &m, &err) != CQ_OK) {
        fprintf(stderr, PROG ": %s\n", cq_error_format(&err, text, sizeof text));
        cq_context_free(ctx);
        return 1;
    }

    char tmp_name[4096];
    int status = 1;
    FILE *out = NULL;
    if ((size_t)snprintf(tmp_name, sizeof tmp_name, "%s.tmp", out_name) >= sizeof tmp_name) {
        fprintf(stderr, PROG ": output name too long: %s\n", out_name);
        goto done;
    }
    if (!(out = fopen(tmp_name, "wb"))) {
        fprintf(stderr, PROG ": cannot create: %s: %s\n", strerror(errno), tmp_name);
        goto done;
    }
    writer w = {out, 0};
    fprintf(out,
            "/* The model of the shipped bank and profiles (%s, %zu questions, %zu roles),\n"
            " * written by " PROG " at build time; do not edit. */\n"
            "#include \"internal.h\"\n\n",
            m->version, m->question_count, m->role_count);
    put_model(&w, m);
    if (ferror(out) | fclose(out)) {
        fprintf(stderr, PROG ": cannot write: %s: %s\n", strerror(errno), tmp_name);
        remove(tmp_name);
        goto done;
    }
    if (rename(tmp_name, out_name) != 0) {
        fprintf(stderr, PROG ": cannot rename to %s: %s\n", out_name, strerror(errno));
        remove(tmp_name);
        goto done;
    }
    status = 0;
done:
    cq_model_free(m);
    cq_context_free(ctx);
    return status;
}
