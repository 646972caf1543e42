/* result_summary.c: the opening of a result on text output, sized to fit one 100x40 screen. */

#include "result_summary.h"
#include "safe_text.h"

#include <stdlib.h>
#include <string.h>

#include "exitcode.h"
#include "diagnostics.h"

#define BAR_CELLS 24
#define BAR_MIN_CELLS 8

static size_t count_lines(const char *text)
{
    size_t n = 0;
    for (; *text; text++)
        n += *text == '\n';
    return n;
}

/* The summary being built. */
struct summary {
    const struct cli_env *env;
    const struct result_view *view;
};

void summary_ranking(FILE *out, const struct cli_env *env, const cq_result *result)
{
    size_t n = cq_model_role_count(env->model);
    size_t rank, role, width = 0, id_width = 0, fixed, cells = BAR_CELLS;
    double score;

    for (role = 0; role < n; role++) {
        size_t w = term_width(cq_role_title(env->model, role));
        if (w > width)
            width = w;
        w = term_width(cq_role_id(env->model, role));
        if (w > id_width)
            id_width = w;
    }
    /* "  1. TITLE  BAR 100.0%  ID" fits TERM_TEXT_WIDTH: the bar gives way, down to a few cells,
     * so that an 80-column terminal does not break the id that `careerquiz role` takes. */
    fixed = 5 + width + 2 + 1 + 6 + 2 + id_width;
    if (fixed + cells > TERM_TEXT_WIDTH)
        cells = fixed + BAR_MIN_CELLS < TERM_TEXT_WIDTH ? TERM_TEXT_WIDTH - fixed : BAR_MIN_CELLS;
    fprintf(out, "%sRanking%s (how well your answers fit each role, from 0 to 100%%)\n",
            term_begin(&env->term, TERM_ACCENT), term_end(&env->term));
    n = cq_result_rank_count(result);
    for (rank = 0; rank < n; rank++) {
        role = cq_result_role_at(result, rank);
        score = cq_round1(cq_result_score(result, role));
        fprintf(out, "  %zu. %s", rank + 1, rank == 0 ? term_begin(&env->term, TERM_BOLD) : "");
        term_pad(out, cq_role_title(env->model, role), width);
        fprintf(out, "%s  %s", rank == 0 ? term_end(&env->term) : "",
                term_begin(&env->term, rank == 0 ? TERM_GOOD : TERM_DIM));
        if (!env->options->plain) /* a screen reader reads a bar as a run of blocks */
            term_bar(out, &env->term, score / 100.0, cells);
        fprintf(out, "%s %5.1f%%  %s\n", term_end(&env->term), score, cq_role_id(env->model, role));
    }
}

/* A blank line and a heading in the accent style. */
static void heading(FILE *out, const struct cli_env *env, const char *title)
{
    /* "Why <role title>": --data may say anything there, and it may be long */
    fputc('\n', out);
    term_wrap_style(out, &env->term, TERM_ACCENT, TERM_TEXT_WIDTH, "", "", title);
}

static char *title_and_ranking(const struct summary *s)
{
    struct view_text b;

    if (!view_text_open(&b))
        return NULL;
    heading(b.out, s->env, "Your results");
    fputc('\n', b.out);
    summary_ranking(b.out, s->env, s->view->result);
    return view_text_close(&b);
}

static char *warnings(const struct summary *s)
{
    unsigned i, group, all = cq_result_warnings(s->view->result);
    struct view_text b;

    if (!view_text_open(&b))
        return NULL;
    /* Notes on the filter say what it did with a true answer: no mistake to check. */
    for (group = 0; group < 2; group++) {
        unsigned some = all & (group ? CQ_WARNINGS_FILTER : ~(unsigned)CQ_WARNINGS_FILTER);
        if (some)
            heading(b.out, s->env, group ? VIEW_FILTER_NOTES : VIEW_CHECK_ANSWERS);
        for (i = 0; i < CQ_WARNING_COUNT; i++)
            if (some & (1u << i))
                term_wrap(b.out, "  - ", "    ", cq_warning_text((cq_warning)(1u << i)));
    }
    return view_text_close(&b);
}

static char *close_call(const struct summary *s)
{
    char *text = NULL, *read = NULL;
    struct view_text b;

    if (!view_text_open(&b))
        return NULL;
    if (cq_result_close_count(s->view->result) > 1 && (text = view_close_call(s->view)) &&
        (read = view_read_about(s->view))) {
        fputc('\n', b.out);
        term_wrap(b.out, "Close call: ", "  ", text);
        term_wrap(b.out, "  ", "  ", read);
    }
    if (cq_result_close_count(s->view->result) > 1 && !read) {
        free(text);
        free(view_text_close(&b));
        return NULL;
    }
    free(text);
    free(read);
    return view_text_close(&b);
}

/* The recommended role and the first sentence of its summary (the rest comes below). */
static char *recommendation(const struct summary *s)
{
    const struct result_view *v = s->view;
    const char *about = cq_role_summary(v->model, v->top);
    const char *end = strstr(about, ". ");
    size_t n = end ? (size_t)(end - about) + 1 : strlen(about);
    char *first = malloc(n + 1);
    struct view_text b;

    if (!first || !view_text_open(&b)) {
        free(first);
        return NULL;
    }
    memcpy(first, about, n);
    first[n] = '\0';
    fprintf(b.out, "\n%sRecommended path: ", term_begin(&s->env->term, TERM_ACCENT));
    safe_puts(cq_role_title(v->model, v->top), b.out); /* --data may say anything here */
    fprintf(b.out, "%s (%s)\n", term_end(&s->env->term), cq_role_id(v->model, v->top));
    term_wrap(b.out, "  ", "  ", first);
    free(first);
    return view_text_close(&b);
}

static char *reasons_heading(const struct summary *s)
{
    char title[CQ_MAX_TEXT_BYTES + 16];
    struct view_text b;

    if (!view_text_open(&b))
        return NULL;
    snprintf(title, sizeof title, "Why %s", cq_role_title(s->view->model, s->view->top));
    heading(b.out, s->env, title);
    term_wrap(b.out, "  ", "  ", VIEW_REASONS_NOTE);
    return view_text_close(&b);
}

static char *summary_reason(const struct result_view *v, size_t q)
{
    char first[32], *text = view_reason(v, q);
    struct view_text b;

    if (!text || !view_text_open(&b)) {
        free(text);
        return NULL;
    }
    snprintf(first, sizeof first, "    %+5.1f  ",
             cq_round1(cq_result_effect(v->result, v->top, q)));
    term_wrap(b.out, first, "           ", text);
    free(text);
    return view_text_close(&b);
}

/* The largest shortfalls in one paragraph; the details below say what closes each. */
static char *gaps_line(const struct summary *s)
{
    const struct result_view *v = s->view;
    size_t i, n = cq_result_gap_count(v->result, v->top);
    char *text = NULL;
    size_t size = 0;
    FILE *words;
    struct view_text b;

    if (n > CQ_GAPS_NAMED)
        n = CQ_GAPS_NAMED;
    if (!view_text_open(&b))
        return NULL;
    if (n > 0 && (words = open_memstream(&text, &size)) != NULL) {
        for (i = 0; i < n; i++) {
            size_t trait = cq_result_gap_at(v->result, v->top, i);
            fputs(i ? (i + 1 == n ? " and " : ", ") : "", words);
            view_write_gap_label(words, v, trait);
            fprintf(words, " (%.1f points)", cq_round1(cq_result_gap(v->result, v->top, trait)));
        }
        fputs("; below, what closes each.", words);
        if (ferror(words) | fclose(words)) {
            free(text);
            free(view_text_close(&b));
            return NULL;
        }
        fputc('\n', b.out);
        term_wrap(b.out, "Where you fall short: ", "  ", text);
        free(text);
    }
    return view_text_close(&b);
}

static char *tips_heading(const struct summary *s)
{
    struct view_text b;

    if (!view_text_open(&b))
        return NULL;
    heading(b.out, s->env, "First steps: tips for what your answers show you lack");
    return view_text_close(&b);
}

/* One tip and the gaps it closes on one paragraph. */
static char *tip_line(const struct result_view *v, size_t rank)
{
    size_t tip = cq_result_tip_at(v->result, v->top, rank);
    char *closes = view_tip_closes(v, tip), *line = NULL;
    const char *text = cq_tip_text(v->model, v->top, tip);
    struct view_text b;

    if (closes && view_text_open(&b)) {
        size_t size = strlen(text) + strlen(closes) + 16;
        char *both = malloc(size);
        if (both) {
            snprintf(both, size, "%s (for: %s)", text, closes);
            term_wrap(b.out, "  - ", "    ", both);
        }
        free(both);
        line = view_text_close(&b);
        if (line && !both) {
            free(line);
            line = NULL;
        }
    }
    free(closes);
    return line;
}

static char *footer(void)
{
    return strdup("\nBelow: more about the role, where you fall short of it, the tips for you,\n"
                  "what would change the result and where the facts come from.\n");
}

/* The blocks of the summary in the order they are shown. Each is rendered ahead, then kept in
 * order of priority while the whole fits SUMMARY_MAX_LINES. */
enum {
    B_RANKING,
    B_WARNINGS,
    B_CLOSE,
    B_RECOMMENDATION,
    B_REASONS, /* the heading, kept with the first reason */
    B_REASON,  /* 2 * VIEW_REASONS of them: raised, then lowered */
    B_GAPS = B_REASON + 2 * VIEW_REASONS,
    B_TIPS, /* the heading, kept with the first tip */
    B_TIP,  /* SUMMARY_TIPS of them */
    B_FOOTER = B_TIP + SUMMARY_TIPS,
    B_COUNT
};

/* The order blocks are kept in when room runs out: what the issue asks to see first (ranking,
 * recommendation, a close call, the top reasons, the top tip), then more reasons, the gaps and
 * more tips. Blocks with nothing to say are skipped when placed. */
static size_t priority(size_t *order)
{
    static const size_t list[] = {
        B_RANKING,
        B_FOOTER,
        B_RECOMMENDATION,
        B_WARNINGS,
        B_CLOSE,
        B_REASON,
        B_REASON + VIEW_REASONS,
        B_TIP,
        B_REASON + 1,
        B_GAPS,
        B_TIP + 1,
        B_REASON + VIEW_REASONS + 1,
        B_REASON + 2,
        B_TIP + 2,
        B_REASON + VIEW_REASONS + 2,
        B_REASON + 3,
        B_REASON + VIEW_REASONS + 3,
        B_REASON + 4,
        B_REASON + VIEW_REASONS + 4,
    };
    size_t n = sizeof list / sizeof *list;

    memcpy(order, list, sizeof list);
    return n;
}

int summary_print(const struct cli_env *env, const struct result_view *v,
                  struct summary_shown *shown)
{
    struct summary s = {env, v};
    char *text[B_COUNT] = {NULL};
    bool keep[B_COUNT] = {false};
    size_t lines[B_COUNT] = {0}, order[B_COUNT], n, i, used = 0;
    size_t tips = cq_result_tip_count(v->result, v->top);
    bool failed = false;

    memset(shown, 0, sizeof *shown);
    text[B_RANKING] = title_and_ranking(&s);
    text[B_WARNINGS] = warnings(&s);
    text[B_CLOSE] = close_call(&s);
    text[B_RECOMMENDATION] = recommendation(&s);
    text[B_REASONS] = reasons_heading(&s);
    for (i = 0; i < v->raised_count; i++)
        text[B_REASON + i] = summary_reason(v, v->raised[i]);
    for (i = 0; i < v->lowered_count; i++)
        text[B_REASON + VIEW_REASONS + i] = summary_reason(v, v->lowered[i]);
    text[B_GAPS] = gaps_line(&s);
    text[B_TIPS] = tips_heading(&s);
    for (i = 0; i < tips && i < SUMMARY_TIPS; i++)
        text[B_TIP + i] = tip_line(v, i);
    text[B_FOOTER] = footer();
    /* Every block that has something to say must have been rendered. */
    failed = !text[B_RANKING] || !text[B_WARNINGS] || !text[B_CLOSE] || !text[B_RECOMMENDATION] ||
             !text[B_REASONS] || !text[B_GAPS] || !text[B_TIPS] || !text[B_FOOTER];
    for (i = 0; i < v->raised_count; i++)
        failed |= !text[B_REASON + i];
    for (i = 0; i < v->lowered_count; i++)
        failed |= !text[B_REASON + VIEW_REASONS + i];
    for (i = 0; i < tips && i < SUMMARY_TIPS; i++)
        failed |= !text[B_TIP + i];
    for (i = 0; !failed && i < B_COUNT; i++)
        lines[i] = text[i] ? count_lines(text[i]) : 0;
    n = failed ? 0 : priority(order);
    for (i = 0; i < n; i++) {
        size_t b = order[i], head = 0, need;
        if (!text[b])
            continue;
        /* The first reason and the first tip bring their heading. */
        if (b == B_REASON || b == B_REASON + VIEW_REASONS)
            head = keep[B_REASONS] ? 0 : B_REASONS;
        else if (b == B_TIP)
            head = B_TIPS;
        need = lines[b] + (head ? lines[head] : 0);
        if (used + need > SUMMARY_MAX_LINES)
            continue;
        keep[b] = true;
        if (head)
            keep[head] = true;
        used += need;
    }
    /* Reasons and tips stay a run from the largest: a gap in a run would mislead. */
    for (i = 1; i < VIEW_REASONS; i++) {
        keep[B_REASON + i] &= keep[B_REASON + i - 1];
        keep[B_REASON + VIEW_REASONS + i] &= keep[B_REASON + VIEW_REASONS + i - 1];
    }
    for (i = 1; i < SUMMARY_TIPS; i++)
        keep[B_TIP + i] &= keep[B_TIP + i - 1];
    for (i = 0; i < B_COUNT; i++) {
        if (keep[i] && text[i])
            fputs(text[i], stdout);
        free(text[i]);
    }
    for (i = 0; i < 2 * VIEW_REASONS; i++)
        shown->reasons[i] = keep[B_REASON + i];
    while (shown->tips < SUMMARY_TIPS && keep[B_TIP + shown->tips])
        shown->tips++;
    return failed ? cli_report(CQ_ERR_NOMEM, NULL) : CLI_EXIT_OK;
}
