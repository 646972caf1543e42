/* result_summary.c: the opening of a result on text output, sized to fit one 100x40 screen. */

#include "result_summary.h"

#include <stdlib.h>
#include <string.h>

#include "exitcode.h"
#include "report.h"

#define BAR_CELLS 24

/* A block of the summary rendered ahead, so its lines can be counted before it is shown. */
struct block {
    FILE *out;
    char *text;
    size_t size;
};

static bool block_open(struct block *b)
{
    b->text = NULL;
    b->size = 0;
    b->out = open_memstream(&b->text, &b->size);
    return b->out != NULL;
}

/* Closes the block; returns its text (the caller frees it) or NULL when anything failed. */
static char *block_close(struct block *b)
{
    if (ferror(b->out) | fclose(b->out)) {
        free(b->text);
        return NULL;
    }
    return b->text;
}

static size_t count_lines(const char *text)
{
    size_t n = 0;
    for (; *text; text++)
        n += *text == '\n';
    return n;
}

/* The summary being written: the lines used so far. */
struct summary {
    const struct cli_env *env;
    const struct result_view *view;
    size_t lines;
};

/* Shows a rendered block when it fits in what is left, and frees it. Returns whether it was
 * shown; *failed is set when it is NULL (out of memory). */
static bool place(struct summary *s, char *text, bool *failed)
{
    bool fits;

    if (!text) {
        *failed = true;
        return false;
    }
    fits = s->lines + count_lines(text) <= SUMMARY_MAX_LINES;
    if (fits) {
        fputs(text, stdout);
        s->lines += count_lines(text);
    }
    free(text);
    return fits;
}

void summary_ranking(FILE *out, const struct cli_env *env, const cq_result *result)
{
    size_t n = cq_model_role_count(env->model);
    size_t rank, role, width = 0;
    double score;

    for (role = 0; role < n; role++) {
        size_t w = term_width(cq_role_title(env->model, role));
        if (w > width)
            width = w;
    }
    fprintf(out, "%sRanking%s (how well your answers fit each role, out of 100)\n",
            term_begin(&env->term, TERM_ACCENT), term_end(&env->term));
    n = cq_result_rank_count(result);
    for (rank = 0; rank < n; rank++) {
        role = cq_result_role_at(result, rank);
        score = cq_round1(cq_result_score(result, role));
        fprintf(out, "  %zu. %s", rank + 1, rank == 0 ? term_begin(&env->term, TERM_BOLD) : "");
        term_pad(out, cq_role_title(env->model, role), width);
        fprintf(out, "%s  %s", rank == 0 ? term_end(&env->term) : "",
                term_begin(&env->term, rank == 0 ? TERM_GOOD : TERM_DIM));
        term_bar(out, &env->term, score / 100.0, BAR_CELLS);
        fprintf(out, "%s %5.1f%%  %s\n", term_end(&env->term), score, cq_role_id(env->model, role));
    }
}

/* A blank line and a heading in the accent style. */
static void heading(FILE *out, const struct cli_env *env, const char *title)
{
    fprintf(out, "\n%s%s%s\n", term_begin(&env->term, TERM_ACCENT), title, term_end(&env->term));
}

static char *title_and_ranking(const struct summary *s)
{
    struct block b;

    if (!block_open(&b))
        return NULL;
    heading(b.out, s->env, "Your results");
    fputc('\n', b.out);
    summary_ranking(b.out, s->env, s->view->result);
    return block_close(&b);
}

static char *warnings(const struct summary *s)
{
    unsigned i, all = cq_result_warnings(s->view->result);
    struct block b;

    if (!block_open(&b))
        return NULL;
    if (all)
        heading(b.out, s->env, "Check your answers");
    for (i = 0; i < CQ_WARNING_COUNT; i++)
        if (all & (1u << i))
            term_wrap(b.out, "  - ", "    ", cq_warning_text((cq_warning)(1u << i)));
    return block_close(&b);
}

static char *close_call(const struct summary *s)
{
    char *text = NULL;
    struct block b;

    if (!block_open(&b))
        return NULL;
    if (cq_result_close_count(s->view->result) > 1 && (text = view_close_call(s->view))) {
        fputc('\n', b.out);
        term_wrap(b.out, "Close call: ", "  ", text);
        fputs("  Read about each with careerquiz role ID.\n", b.out);
    }
    free(text);
    return block_close(&b);
}

/* The recommended role and the first sentence of its summary (the rest comes below). */
static char *recommendation(const struct summary *s)
{
    const struct result_view *v = s->view;
    const char *about = cq_role_summary(v->model, v->top);
    const char *end = strstr(about, ". ");
    size_t n = end ? (size_t)(end - about) + 1 : strlen(about);
    char *first = malloc(n + 1);
    struct block b;

    if (!first || !block_open(&b)) {
        free(first);
        return NULL;
    }
    memcpy(first, about, n);
    first[n] = '\0';
    fprintf(b.out, "\n%sRecommended path: %s%s (%s)\n", term_begin(&s->env->term, TERM_ACCENT),
            cq_role_title(v->model, v->top), term_end(&s->env->term), cq_role_id(v->model, v->top));
    term_wrap(b.out, "  ", "  ", first);
    free(first);
    return block_close(&b);
}

static char *reasons_heading(const struct summary *s)
{
    char title[CQ_MAX_TEXT_BYTES + 16];
    struct block b;

    if (!block_open(&b))
        return NULL;
    snprintf(title, sizeof title, "Why %s", cq_role_title(s->view->model, s->view->top));
    heading(b.out, s->env, title);
    term_wrap(b.out, "  ", "  ", VIEW_REASONS_NOTE);
    return block_close(&b);
}

static char *summary_reason(const struct result_view *v, size_t q)
{
    char first[32], *text = view_reason(v, q);
    struct block b;

    if (!text || !block_open(&b)) {
        free(text);
        return NULL;
    }
    snprintf(first, sizeof first, "    %+5.1f  ",
             cq_round1(cq_result_effect(v->result, v->top, q)));
    term_wrap(b.out, first, "           ", text);
    free(text);
    return block_close(&b);
}

static char *tips_heading(const struct summary *s)
{
    struct block b;

    if (!block_open(&b))
        return NULL;
    heading(b.out, s->env, "First steps, for your largest gaps");
    return block_close(&b);
}

/* One tip and the gaps it closes on one paragraph. */
static char *tip_line(const struct result_view *v, size_t rank)
{
    size_t tip = cq_result_tip_at(v->result, v->top, rank);
    char *closes = view_tip_closes(v, tip), *line = NULL;
    const char *text = cq_tip_text(v->model, v->top, tip);
    struct block b;

    if (closes && block_open(&b)) {
        size_t size = strlen(text) + strlen(closes) + 16;
        char *both = malloc(size);
        if (both) {
            snprintf(both, size, "%s (for: %s)", text, closes);
            term_wrap(b.out, "  - ", "    ", both);
        }
        free(both);
        line = block_close(&b);
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
    return strdup("\nBelow: more about the role, where you fall short of it, every tip, what would "
                  "change the\nresult and where the facts come from.\n");
}

int summary_print(const struct cli_env *env, const struct result_view *v,
                  struct summary_shown *shown)
{
    struct summary s = {env, v, 0};
    size_t i, n;
    bool failed = false;
    /* The footer's lines are kept free from the start: it always closes the summary. */
    char *end = footer();

    memset(shown, 0, sizeof *shown);
    if (!end)
        return cli_report(CQ_ERR_NOMEM, NULL);
    s.lines = count_lines(end);
    place(&s, title_and_ranking(&s), &failed);
    place(&s, warnings(&s), &failed);
    place(&s, close_call(&s), &failed);
    place(&s, recommendation(&s), &failed);
    if (v->raised_count + v->lowered_count > 0 && !failed) {
        /* The heading goes only with at least one reason under it; reasons stop at the first
         * that does not fit, so the ones shown are always the largest. */
        size_t q = v->raised_count ? v->raised[0] : v->lowered[0];
        char *head = reasons_heading(&s), *first = head ? summary_reason(v, q) : NULL;
        if (!head || !first) {
            failed = true;
            free(head);
            free(first);
        } else if (s.lines + count_lines(head) + count_lines(first) <= SUMMARY_MAX_LINES) {
            place(&s, head, &failed);
            shown->reasons[0] = place(&s, first, &failed);
            for (i = 1; i < v->raised_count + v->lowered_count && shown->reasons[i - 1]; i++) {
                q = i < v->raised_count ? v->raised[i] : v->lowered[i - v->raised_count];
                shown->reasons[i] = place(&s, summary_reason(v, q), &failed);
            }
        } else {
            free(head);
            free(first);
        }
    }
    n = cq_result_tip_count(v->result, v->top);
    if (n > SUMMARY_TIPS)
        n = SUMMARY_TIPS;
    if (n > 0 && !failed) {
        char *head = tips_heading(&s), *first = tip_line(v, 0);
        if (head && first && s.lines + count_lines(head) + count_lines(first) <= SUMMARY_MAX_LINES) {
            place(&s, head, &failed);
            place(&s, first, &failed);
            shown->tips = 1;
            while (shown->tips < n && place(&s, tip_line(v, shown->tips), &failed))
                shown->tips++;
        } else {
            free(head);
            free(first);
            failed |= !head || !first;
        }
    }
    fputs(end, stdout);
    free(end);
    return failed ? cli_report(CQ_ERR_NOMEM, NULL) : CLI_EXIT_OK;
}
