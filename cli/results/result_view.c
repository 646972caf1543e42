/* result_view.c: what every output format shows about a result, chosen once, and its sentences. */

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "answer_counts.h"
#include "exitcode.h"
#include "diagnostics.h"
#include "result_view.h"

bool view_text_open(struct view_text *m)
{
    m->text = NULL;
    m->size = 0;
    m->out = open_memstream(&m->text, &m->size);
    return m->out != NULL;
}

char *view_text_close(struct view_text *m)
{
    if (ferror(m->out) | fclose(m->out)) {
        free(m->text);
        return NULL;
    }
    return m->text;
}

/* Inserts question q into list (n entries, at most VIEW_REASONS) kept in order of the size of
 * the effect, largest first; equal ones keep bank order. */
static void rank_reason(const struct result_view *v, size_t *list, size_t *n, size_t q)
{
    double size = fabs(cq_result_effect(v->result, v->top, q));
    size_t i = *n;

    if (i == VIEW_REASONS) {
        if (fabs(cq_result_effect(v->result, v->top, list[i - 1])) >= size)
            return;
        i--; /* the smallest makes room */
    } else {
        (*n)++;
    }
    for (; i > 0 && fabs(cq_result_effect(v->result, v->top, list[i - 1])) < size; i--)
        list[i] = list[i - 1];
    list[i] = q;
}

int result_view_init(struct result_view *v, const struct cli_env *env, const cq_result *result)
{
    cq_error err;
    cq_status status;
    size_t q, n = cq_model_question_count(env->model);

    memset(v, 0, sizeof *v);
    v->model = env->model;
    v->result = result;
    v->answers = cq_result_answers(result);
    v->top = cq_result_role_at(result, 0);
    for (q = 0; q < n; q++) {
        double effect = cq_result_effect(result, v->top, q);
        if (effect >= VIEW_MIN_EFFECT)
            rank_reason(v, v->raised, &v->raised_count, q);
        else if (effect <= -VIEW_MIN_EFFECT)
            rank_reason(v, v->lowered, &v->lowered_count, q);
    }
    if (env->options->explain) {
        v->explain_role = cq_model_find_role(env->model, env->options->explain);
        v->explain = v->explain_role != (size_t)-1;
    }
    cq_error_clear(&err);
    status = cq_changes_find(result, CQ_WHAT_IF_SHOWN, &v->changes, &err);
    if (status == CQ_OK && cq_result_rank_count(result) > 1)
        status = cq_compare(env->model, v->top, cq_result_role_at(result, 1), &v->comparison, &err);
    if (status != CQ_OK) {
        result_view_release(v);
        return cli_report(status, &err);
    }
    return CLI_EXIT_OK;
}

void result_view_release(struct result_view *v)
{
    cq_changes_free(v->changes);
    cq_comparison_free(v->comparison);
    v->changes = NULL;
    v->comparison = NULL;
}

/* ---- phrases --------------------------------------------------------------------------------- */

static void write_question(FILE *out, const cq_model *model, size_t q)
{
    const char *text = cq_question_text(model, q);
    const char *mark = strchr(text, '?');

    fprintf(out, "%.*s", (int)(mark ? (size_t)(mark - text) + 1 : strlen(text)), text);
}

char *view_question(const cq_model *model, size_t q)
{
    struct view_text m;

    if (!view_text_open(&m))
        return NULL;
    write_question(m.out, model, q);
    return view_text_close(&m);
}

/* A scale answer: its label when it has one, else its place on the range. */
static void write_scale(FILE *out, const cq_model *model, size_t q, long value)
{
    size_t i, n = cq_scale_label_count(model, q);

    for (i = 0; i < n; i++)
        if (cq_scale_label_value(model, q, i) == value) {
            fprintf(out, "%ld (%s)", value, cq_scale_label_text(model, q, i));
            return;
        }
    if (cq_scale_min(model, q) == 1)
        fprintf(out, "%ld of %d", value, cq_scale_max(model, q));
    else
        fprintf(out, "%ld on a scale of %d to %d", value, cq_scale_min(model, q),
                cq_scale_max(model, q));
}

static void write_answer(FILE *out, const cq_model *model, const cq_answers *answers, size_t q)
{
    size_t i, n = cq_answers_option_count(answers, q);

    if (!cq_answers_has(answers, q))
        fputs("no answer", out);
    else if (cq_question_type_of(model, q) == CQ_SCALE)
        write_scale(out, model, q, cq_answers_scale(answers, q));
    /* Semicolons: option texts have commas of their own ("SAS, statistics software"). */
    for (i = 0; cq_question_type_of(model, q) != CQ_SCALE && i < n; i++)
        fprintf(out, "%s%s", i ? "; " : "",
                cq_option_text(model, q, cq_answers_option(answers, q, i)));
}

char *view_answer(const cq_model *model, const cq_answers *answers, size_t q)
{
    struct view_text m;

    if (!view_text_open(&m))
        return NULL;
    write_answer(m.out, model, answers, q);
    return view_text_close(&m);
}

char *view_answer_for(const struct result_view *v, size_t role, size_t q)
{
    struct view_text m;

    if (!view_text_open(&m))
        return NULL;
    write_answer(m.out, v->model, v->answers, q);
    answer_counts_write(m.out, v->model, v->answers, role, q);
    return view_text_close(&m);
}

char *view_reason(const struct result_view *v, size_t q)
{
    struct view_text m;

    if (!view_text_open(&m))
        return NULL;
    write_question(m.out, v->model, q);
    fputs(" You said: ", m.out);
    write_answer(m.out, v->model, v->answers, q);
    answer_counts_write(m.out, v->model, v->answers, v->top, q);
    return view_text_close(&m);
}

char *view_close_call(const struct result_view *v)
{
    size_t rank, close = cq_result_close_count(v->result);
    struct view_text m;

    if (!view_text_open(&m))
        return NULL;
    for (rank = 0; rank < close; rank++)
        fprintf(m.out, "%s%s",
                rank == 0           ? ""
                : rank + 1 == close ? " and "
                                    : ", ",
                cq_role_title(v->model, cq_result_role_at(v->result, rank)));
    fprintf(m.out, " %s fit: too close to call, within %.1f points of the top score.",
            close == 2 ? "both" : "all", CQ_CLOSE_CALL_MARGIN);
    return view_text_close(&m);
}

char *view_read_about(const struct result_view *v)
{
    size_t rank, close = cq_result_close_count(v->result);
    struct view_text m;

    if (!view_text_open(&m))
        return NULL;
    fputs("Read about each with ", m.out);
    for (rank = 0; rank < close; rank++)
        fprintf(m.out, "%scareerquiz role %s", rank ? ", " : "",
                cq_role_id(v->model, cq_result_role_at(v->result, rank)));
    fputc('.', m.out);
    return view_text_close(&m);
}

/* An answer as a sentence quotes it, unless it is a number on a scale. */
static void write_quoted_answer(FILE *out, const cq_model *model, const cq_answers *answers,
                                size_t q)
{
    bool quote = cq_question_type_of(model, q) != CQ_SCALE;

    fputs(quote ? "\"" : "", out);
    write_answer(out, model, answers, q);
    fputs(quote ? "\"" : "", out);
}

char *view_what_if(const struct result_view *v, size_t i)
{
    size_t q = cq_change_question(v->changes, i);
    const cq_answers *to = cq_change_answers(v->changes, i);
    struct view_text m;

    if (!view_text_open(&m))
        return NULL;
    if (!cq_change_actionable(v->changes, i)) {
        /* Not advice: nobody un-earns a degree. Say what the model weighs instead. */
        fputs("The model weighs your answer ", m.out);
        write_quoted_answer(m.out, v->model, v->answers, q);
        fputs(" to \"", m.out);
        write_question(m.out, v->model, q);
        fputs("\": with ", m.out);
        write_quoted_answer(m.out, v->model, to, q);
        fputs(" there instead", m.out);
    } else {
        fputs("If you answered ", m.out);
        write_quoted_answer(m.out, v->model, to, q);
        if (cq_answers_has(v->answers, q)) {
            fputs(" instead of ", m.out);
            write_quoted_answer(m.out, v->model, v->answers, q);
        }
        fputs(" to \"", m.out);
        write_question(m.out, v->model, q);
        fputs(cq_answers_has(v->answers, q) ? "\"" : "\", which you skipped", m.out);
    }
    if (cq_round1(cq_change_lead(v->changes, i)) < 0.1)
        fprintf(m.out, ", %s would come first (by less than 0.1 points).",
                cq_role_title(v->model, cq_change_new_top(v->changes, i)));
    else
        fprintf(m.out, ", %s would come first (by %.1f points).",
                cq_role_title(v->model, cq_change_new_top(v->changes, i)),
                cq_round1(cq_change_lead(v->changes, i)));
    return view_text_close(&m);
}

/* For a multi-choice answer that has part of what a trait counts: the options the person left
 * out that would give it some, so that the shortfall does not read as if they had none of it
 * ("you did not pick \"Hadoop\" or \"Apache Kafka\""). Writes nothing for any other answer. */
static void write_options_left_out(FILE *out, const struct result_view *v, size_t q, size_t trait)
{
    size_t o, n = cq_question_option_count(v->model, q), left = 0, shown = 0;
    bool partial = false;

    if (cq_question_type_of(v->model, q) != CQ_MULTI)
        return;
    for (o = 0; o < n; o++) {
        if (cq_option_exclusive(v->model, q, o) || cq_option_trait(v->model, q, o, trait) <= 0)
            continue;
        if (cq_answers_selected(v->answers, q, o))
            partial = true;
        else
            left++;
    }
    if (!partial || left == 0)
        return;
    for (o = 0; o < n; o++) {
        if (cq_option_exclusive(v->model, q, o) || cq_option_trait(v->model, q, o, trait) <= 0 ||
            cq_answers_selected(v->answers, q, o))
            continue;
        shown++;
        fprintf(out, "%s\"%s\"",
                shown == 1      ? "; you did not pick "
                : shown == left ? " or "
                                : ", ",
                cq_option_text(v->model, q, o));
    }
    if (shown > 0)
        fputc('.', out);
}

/* The most that some answer of question q gives trait t: the capped sum of a pick-all
 * question's options, the largest option of a one-choice one; -1 when q does not measure t. */
static double question_top_value(const cq_model *model, size_t q, size_t t)
{
    size_t o, n = cq_question_option_count(model, q);
    double top = -1, sum = 0;

    for (o = 0; o < n; o++) {
        double value = cq_option_trait(model, q, o, t);
        if (value > top)
            top = value;
        if (value > 0 && !cq_option_exclusive(model, q, o))
            sum += value;
    }
    if (top >= 0 && cq_question_type_of(model, q) == CQ_MULTI)
        top = sum < 1 ? sum : 1;
    return top;
}

/* What the best answer to q could earn role on trait t: importance times the closeness of the
 * value it reaches; -1 when the role does not weigh t or q does not measure it. */
static double place_best(const cq_model *model, size_t role, size_t q, size_t t)
{
    double top = question_top_value(model, q, t), tau = cq_role_target(model, role, t);

    if (top < 0 || cq_role_importance(model, role, t) <= 0)
        return -1;
    return cq_role_importance(model, role, t) *
           answer_closeness(model, t, top < tau ? top : tau, tau);
}

void view_write_gap_label(FILE *out, const struct result_view *v, size_t trait)
{
    const char *group = cq_trait_group(v->model, trait);
    size_t t, n = cq_model_trait_count(v->model), total = 0, shown = 0;
    size_t q = cq_result_gap_question(v->result, v->top, trait);
    double best = q == (size_t)-1 ? -1 : place_best(v->model, v->top, q, trait);
    bool same[CQ_MAX_TRAITS] = {false};

    for (t = 0; group && best >= 0 && t < n && t < CQ_MAX_TRAITS; t++) {
        const char *g = cq_trait_group(v->model, t);
        same[t] = g && strcmp(g, group) == 0 &&
                  fabs(place_best(v->model, v->top, q, t) - best) < VIEW_SAME_POINTS;
        total += same[t];
    }
    if (total < 2) {
        fputs(cq_trait_name(v->model, trait), out);
        return;
    }
    for (t = 0; t < n && t < CQ_MAX_TRAITS; t++) {
        const char *name = cq_trait_name(v->model, t);
        if (!same[t])
            continue;
        shown++;
        fputs(shown == 1 ? "" : shown == total ? " or " : ", ", out);
        /* "A degree in computer science or a degree in AI" */
        if (shown > 1 && name[0] == 'A' && name[1] == ' ') {
            fputc('a', out);
            name++;
        }
        fputs(name, out);
    }
}

char *view_gap(const struct result_view *v, size_t rank)
{
    size_t trait = cq_result_gap_at(v->result, v->top, rank);
    size_t q = cq_result_gap_question(v->result, v->top, trait);
    struct view_text m;

    if (!view_text_open(&m))
        return NULL;
    view_write_gap_label(m.out, v, trait);
    fprintf(m.out, " (%.1f points). %s: %s. You said ",
            cq_round1(cq_result_gap(v->result, v->top, trait)), cq_role_title(v->model, v->top),
            cq_role_target_reason(v->model, v->top, trait));
    write_quoted_answer(m.out, v->model, v->answers, q);
    fputs(" to \"", m.out);
    write_question(m.out, v->model, q);
    fputs("\"", m.out);
    write_options_left_out(m.out, v, q, trait);
    return view_text_close(&m);
}

char *view_gap_closer(const struct result_view *v, size_t rank, const char *between,
                      const char *item_lead)
{
    size_t trait = cq_result_gap_at(v->result, v->top, rank);
    size_t i, k, n = cq_result_tip_count(v->result, v->top), shown = 0;
    struct view_text m;

    if (!view_text_open(&m))
        return NULL;
    for (i = 0; i < n; i++) {
        size_t tip = cq_result_tip_at(v->result, v->top, i);
        for (k = 0; k < cq_tip_trait_count(v->model, v->top, tip); k++)
            if (cq_tip_trait(v->model, v->top, tip, k) == trait)
                fprintf(m.out, "%sTip: %s.", shown++ ? between : "",
                        cq_tip_text(v->model, v->top, tip));
    }
    n = shown ? 0 : cq_role_trait_item_count(v->model, v->top, trait);
    if (n > VIEW_GAP_ITEMS)
        n = VIEW_GAP_ITEMS;
    /* Items are phrases with commas of their own ("Fluent coding in Python, R or MATLAB"):
     * joined by "; " they ran together, so each is a sentence of its own, as tips are. */
    if (n > 0)
        fputs("What the role's profile names for it:", m.out);
    for (i = 0; i < n; i++)
        fprintf(m.out, "%s%s.", item_lead, cq_role_trait_item(v->model, v->top, trait, i));
    return view_text_close(&m);
}

/* The text of the education question's option at `level`. */
static const char *level_text(const cq_model *model, size_t level)
{
    return cq_option_text(model, cq_model_find_question(model, CQ_EDUCATION_QUESTION), level);
}

bool view_has_education_gap(const struct result_view *v)
{
    size_t expected = cq_role_education_level(v->model, v->top);
    size_t reported = cq_answers_education_level(v->answers);

    return expected != (size_t)-1 && reported != (size_t)-1 && reported < expected;
}

char *view_education_gap(const struct result_view *v, bool names_commands)
{
    struct view_text m;

    if (!view_text_open(&m))
        return NULL;
    fprintf(m.out,
            "%s roles usually expect at least \"%s\"; you reported \"%s\". This is a soft "
            "factor: many people get in another way, and the ranking does not rule the role "
            "out%s.",
            cq_role_title(v->model, v->top),
            level_text(v->model, cq_role_education_level(v->model, v->top)),
            level_text(v->model, cq_answers_education_level(v->answers)),
            names_commands ? " (careerquiz score --education-filter sets such roles apart)" : "");
    return view_text_close(&m);
}

char *view_filtered_role(const struct result_view *v, size_t role)
{
    struct view_text m;

    if (!view_text_open(&m))
        return NULL;
    fprintf(m.out, "%s (%.1f%%) usually expects at least \"%s\"", cq_role_title(v->model, role),
            cq_round1(cq_result_score(v->result, role)),
            level_text(v->model, cq_role_education_level(v->model, role)));
    return view_text_close(&m);
}

char *view_tip_closes(const struct result_view *v, size_t tip)
{
    size_t i, n = cq_tip_trait_count(v->model, v->top, tip), shown = 0;
    struct view_text m;

    if (!view_text_open(&m))
        return NULL;
    for (i = 0; i < n; i++) {
        size_t trait = cq_tip_trait(v->model, v->top, tip, i);
        if (cq_result_closes(v->result, v->top, trait)) {
            fputs(shown++ ? ", " : "", m.out);
            view_write_gap_label(m.out, v, trait);
        }
    }
    return view_text_close(&m);
}

char *view_sources(const struct result_view *v)
{
    size_t i, n = cq_role_list_count(v->model, v->top, CQ_LIST_SOURCES);
    struct view_text m;

    if (!view_text_open(&m))
        return NULL;
    for (i = 0; i < n; i++)
        fprintf(m.out, "%s%s", i ? "; " : "",
                cq_role_list_item(v->model, v->top, CQ_LIST_SOURCES, i));
    return view_text_close(&m);
}

static void write_tip_sources(FILE *out, const cq_model *model, size_t role, size_t tip)
{
    size_t i, n = cq_tip_source_count(model, role, tip);

    for (i = 0; i < n; i++)
        fprintf(out, "%s%s", i ? "; " : "", cq_tip_source(model, role, tip, i));
}

char *view_tip_sources(const cq_model *model, size_t role, size_t tip)
{
    struct view_text m;

    if (!view_text_open(&m))
        return NULL;
    write_tip_sources(m.out, model, role, tip);
    return view_text_close(&m);
}

char *view_tip_origin(const cq_model *model, size_t role, size_t tip, bool every)
{
    size_t i, n = cq_tip_shared_count(model, role, tip);
    struct view_text m;

    if (!view_text_open(&m))
        return NULL;
    fputs(every ? "Every tip here is from: " : "from: ", m.out);
    write_tip_sources(m.out, model, role, tip);
    for (i = 0; i < n; i++)
        fprintf(m.out, "%s%s",
                i       ? ", "
                : every ? ". Each is also a tip for: "
                        : ". Also a tip for: ",
                cq_role_title(model,
                              cq_model_find_role(model, cq_tip_shared_with(model, role, tip, i))));
    return view_text_close(&m);
}

const char *view_dimension_title(cq_dimension d)
{
    static const char *const titles[CQ_DIM_COUNT] = {
        "Responsibilities", "Skills", "Education", "Tools", "Industries", "Outlook", "Tips",
    };

    return (unsigned)d < CQ_DIM_COUNT ? titles[d] : "";
}

/* Whether an article covers both roles (is among the sources of each). */
static bool an_article_on_both(const cq_model *model, size_t a, size_t b)
{
    size_t i, j;

    for (i = 0; i < cq_role_list_count(model, a, CQ_LIST_SOURCES); i++)
        for (j = 0; j < cq_role_list_count(model, b, CQ_LIST_SOURCES); j++)
            if (strcmp(cq_role_list_item(model, a, CQ_LIST_SOURCES, i),
                       cq_role_list_item(model, b, CQ_LIST_SOURCES, j)) == 0)
                return true;
    return false;
}

/* Tips are shared only as the same advice of an article that covers both roles. Two roles no
 * article compares share none, though each may be told the same kind of thing by its own
 * article: that is said in words, with those kinds of advice, rather than "nothing". */
static void write_no_shared_tip(FILE *out, const cq_model *model, const cq_comparison *c)
{
    size_t a = cq_comparison_role(c, 0), b = cq_comparison_role(c, 1), t, u, similar = 0;

    fputs(an_article_on_both(model, a, b)
              ? "the article on both roles gives them no tip in common"
              : "no article compares these two roles, so no tip is shared",
          out);
    for (t = 0; t < cq_role_tip_count(model, a); t++)
        for (u = 0; u < cq_role_tip_count(model, b); u++)
            if (strcmp(cq_tip_advice(model, a, t), cq_tip_advice(model, b, u)) == 0)
                fprintf(out, "%s%s",
                        similar++ ? "; " : ". Both are advised, each by its own article, on: ",
                        cq_tip_advice(model, a, t));
}

char *view_shared(const cq_model *model, const cq_comparison *c, cq_dimension d)
{
    size_t i, n = cq_comparison_shared_count(c, d);
    struct view_text m;

    if (!view_text_open(&m))
        return NULL;
    if (n == 0 && d == CQ_DIM_TIPS)
        write_no_shared_tip(m.out, model, c);
    else if (n == 0)
        fputs("nothing in common", m.out);
    else if (d == CQ_DIM_TIPS)
        fputs("the same advice, from the article that compares them: ", m.out);
    for (i = 0; i < n; i++)
        fprintf(m.out, "%s%s", i ? "; " : "", cq_comparison_shared_text(c, d, i));
    return view_text_close(&m);
}
