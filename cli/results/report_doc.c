/* report_doc.c: the Markdown and HTML reports of a result or a comparison, format-neutral. */

#include <stdlib.h>
#include <string.h>

#include "doc.h"
#include "exitcode.h"
#include "diagnostics.h"

/* The writer for env's format (Markdown or HTML). */
static const struct doc_ops *doc_for(const struct cli_env *env)
{
    return env->options->format == CLI_FORMAT_HTML ? &doc_html : &doc_markdown;
}

/* One side's items in a dimension (or, when `shared`, what both share), one per line, in a
 * malloc'd string (NULL: out of memory). */
static char *join_items(const cq_comparison *c, cq_dimension d, int side, bool shared)
{
    size_t i, n = shared ? cq_comparison_shared_count(c, d) : cq_comparison_item_count(c, d, side);
    char *text = NULL;
    size_t size = 0;
    FILE *out = open_memstream(&text, &size);

    if (!out)
        return NULL;
    for (i = 0; i < n; i++)
        fprintf(out, "%s%s", i ? "\n" : "",
                shared ? cq_comparison_shared_text(c, d, i) : cq_comparison_item(c, d, side, i));
    if (ferror(out) | fclose(out)) {
        free(text);
        return NULL;
    }
    return text;
}

/* The comparison as a table: a row per dimension, each side's items and what they share. */
static int comparison_table(const struct doc_ops *doc, FILE *out, const cq_model *model,
                            const cq_comparison *c)
{
    const char *headers[4] = {"Dimension", cq_role_title(model, cq_comparison_role(c, 0)),
                              cq_role_title(model, cq_comparison_role(c, 1)), "In common"};
    int d, code = CLI_EXIT_OK;

    doc->table_begin(out, "comparison", headers, "lLLl", 4);
    for (d = 0; code == CLI_EXIT_OK && d < CQ_DIM_COUNT; d++) {
        char *a = join_items(c, (cq_dimension)d, 0, false);
        char *b = join_items(c, (cq_dimension)d, 1, false);
        /* Tips say in words what they share, or why none (view_shared); lists are items. */
        char *shared = d == CQ_DIM_TIPS ? view_shared(model, c, (cq_dimension)d)
                                        : join_items(c, (cq_dimension)d, 0, true);
        if (a && b && shared) {
            const char *cells[4] = {view_dimension_title((cq_dimension)d), a, b,
                                    shared[0] ? shared : "nothing in common"};
            doc->row(out, headers, cells, "lLLl", 4);
        } else {
            code = cli_report(CQ_ERR_NOMEM, NULL);
        }
        free(a);
        free(b);
        free(shared);
    }
    doc->table_end(out);
    return code;
}

/* The ranking: a chart (HTML) and a table of every ranked role. */
static void ranking(const struct doc_ops *doc, FILE *out, const struct result_view *v)
{
    static const char *const headers[4] = {"Rank", "Role", "Score", "Id"};
    size_t rank, n = cq_result_rank_count(v->result);
    char number[32], score[32];

    doc->heading(out, 2, "Ranking");
    doc->chart(out, v);
    doc->table_begin(out, "ranking", headers, "rlrl", 4);
    for (rank = 0; rank < n; rank++) {
        size_t role = cq_result_role_at(v->result, rank);
        const char *cells[4] = {number, cq_role_title(v->model, role), score,
                                cq_role_id(v->model, role)};
        snprintf(number, sizeof number, "%zu", rank + 1);
        snprintf(score, sizeof score, "%.1f%%", cq_round1(cq_result_score(v->result, role)));
        doc->row(out, headers, cells, "rlrl", 4);
    }
    doc->table_end(out);
}

/* A bulleted list of owned strings, freed here; one NULL among them means out of memory. */
static int owned_item(const struct doc_ops *doc, FILE *out, bool ordered, char *text, char *detail)
{
    int code = CLI_EXIT_OK;

    if (text)
        doc->item(out, ordered, text, detail);
    else
        code = cli_report(CQ_ERR_NOMEM, NULL);
    free(text);
    free(detail);
    return code;
}

/* Roles set apart by the education filter, warnings, and the close call: how far to trust it. */
static int confidence(const struct doc_ops *doc, FILE *out, const struct result_view *v)
{
    size_t i, n = cq_result_filtered_count(v->result);
    unsigned group, warnings = cq_result_warnings(v->result);
    int code = CLI_EXIT_OK;
    char *close, *read_about, text[1024];

    if (n > 0) {
        doc->heading(out, 2, "Above your reported education");
        doc->list_begin(out, false);
        for (i = 0; code == CLI_EXIT_OK && i < n; i++)
            code = owned_item(doc, out, false,
                              view_filtered_role(v, cq_result_filtered_at(v->result, i)), NULL);
        doc->list_end(out, false);
    }
    /* Notes on the filter say what it did with a true answer: no mistake to check. */
    for (group = 0; group < 2; group++) {
        unsigned some = warnings & (group ? CQ_WARNINGS_FILTER : ~(unsigned)CQ_WARNINGS_FILTER);
        if (!some)
            continue;
        doc->heading(out, 2, group ? VIEW_FILTER_NOTES : VIEW_CHECK_ANSWERS);
        doc->list_begin(out, false);
        for (i = 0; i < CQ_WARNING_COUNT; i++)
            if (some & (1u << i))
                doc->item(out, false, cq_warning_text((cq_warning)(1u << i)), NULL);
        doc->list_end(out, false);
    }
    if (code == CLI_EXIT_OK && cq_result_close_count(v->result) > 1) {
        close = view_close_call(v);
        /* The comparison below always sets the first two side by side. */
        read_about = doc->names_commands
                         ? view_read_about(v)
                         : strdup("The comparison further down sets the first two side by side.");
        if (close && read_about)
            snprintf(text, sizeof text, "%s %s", close, read_about);
        free(close);
        free(read_about);
        if (!close || !read_about)
            return cli_report(CQ_ERR_NOMEM, NULL);
        doc->note(out, "Close call", text);
    }
    return code;
}

/* Why the recommended role: the answers that raised and lowered its score most. */
static int reasons(const struct doc_ops *doc, FILE *out, const struct result_view *v)
{
    size_t i;
    int code = CLI_EXIT_OK;
    char title[CQ_MAX_TEXT_BYTES + 16], points[64];

    if (v->raised_count + v->lowered_count == 0)
        return CLI_EXIT_OK;
    snprintf(title, sizeof title, "Why %s", cq_role_title(v->model, v->top));
    doc->heading(out, 3, title);
    doc->paragraph(out, VIEW_REASONS_NOTE);
    doc->list_begin(out, false);
    for (i = 0; code == CLI_EXIT_OK && i < v->raised_count + v->lowered_count; i++) {
        size_t q = i < v->raised_count ? v->raised[i] : v->lowered[i - v->raised_count];
        char *reason = view_reason(v, q), *line = NULL;
        snprintf(points, sizeof points,
                 "%+.1f points: ", cq_round1(cq_result_effect(v->result, v->top, q)));
        if (reason && (line = malloc(strlen(points) + strlen(reason) + 1)) != NULL) {
            strcpy(line, points);
            strcat(line, reason);
        }
        free(reason);
        code = owned_item(doc, out, false, line, NULL);
    }
    doc->list_end(out, false);
    return code;
}

/* The --explain role's whole ledger as a table. */
static int explained(const struct doc_ops *doc, FILE *out, const struct result_view *v)
{
    static const char *const headers[4] = {"Question", "Answer", "Points", "Effect"};
    size_t q, n = cq_model_question_count(v->model);
    char title[CQ_MAX_TEXT_BYTES + 64], points[32], effect[32];

    if (!v->explain)
        return CLI_EXIT_OK;
    snprintf(title, sizeof title, "How the score of %s adds up (%.1f%%)",
             cq_role_title(v->model, v->explain_role),
             cq_round1(cq_result_score(v->result, v->explain_role)));
    doc->heading(out, 3, title);
    doc->table_begin(out, "ledger", headers, "llrr", 4);
    /* Every question, the ones left out too: their points are part of the sum. */
    for (q = 0; q < n; q++) {
        char *answer = cq_answers_has(v->answers, q) ? view_answer(v->model, v->answers, q)
                                                     : strdup(VIEW_LEFT_OUT);
        if (!answer)
            return cli_report(CQ_ERR_NOMEM, NULL);
        snprintf(points, sizeof points, "%.2f", cq_result_points(v->result, v->explain_role, q));
        snprintf(effect, sizeof effect, "%+.2f", cq_result_effect(v->result, v->explain_role, q));
        const char *cells[4] = {cq_question_id(v->model, q), answer, points, effect};
        doc->row(out, headers, cells, "llrr", 4);
        free(answer);
    }
    doc->table_end(out);
    return CLI_EXIT_OK;
}

/* The largest shortfalls against the recommended role, in plain words, with what closes each. */
static int gaps(const struct doc_ops *doc, FILE *out, const struct result_view *v)
{
    size_t i, n = cq_result_gap_count(v->result, v->top);
    int code = CLI_EXIT_OK;
    char title[CQ_MAX_TEXT_BYTES + 32];

    if (n == 0)
        return CLI_EXIT_OK;
    if (n > CQ_GAPS_NAMED)
        n = CQ_GAPS_NAMED;
    snprintf(title, sizeof title, "Where you fall short of %s", cq_role_title(v->model, v->top));
    doc->heading(out, 3, title);
    doc->list_begin(out, true);
    for (i = 0; code == CLI_EXIT_OK && i < n; i++) {
        char *closer = view_gap_closer(v, i, " ", " ");
        if (closer && !closer[0]) {
            free(closer);
            closer = NULL;
            code = owned_item(doc, out, true, view_gap(v, i), NULL);
        } else {
            code = closer ? owned_item(doc, out, true, view_gap(v, i), closer)
                          : cli_report(CQ_ERR_NOMEM, NULL);
        }
    }
    doc->list_end(out, true);
    return code;
}

/* The getting-started tips, largest gaps first, each with the gaps it closes and its article. */
static int tips(const struct doc_ops *doc, FILE *out, const struct result_view *v)
{
    size_t rank, n = cq_result_tip_count(v->result, v->top);
    int code = CLI_EXIT_OK;

    if (n == 0)
        return CLI_EXIT_OK;
    doc->heading(out, 3, "Getting started, the tips for your largest gaps first");
    doc->list_begin(out, true);
    for (rank = 0; code == CLI_EXIT_OK && rank < n; rank++) {
        size_t tip = cq_result_tip_at(v->result, v->top, rank);
        char *closes = view_tip_closes(v, tip), *detail = NULL;
        char *source = view_tip_sources(v->model, v->top, tip);
        if (closes && source) {
            size_t size = strlen(closes) + strlen(source) + 64;
            detail = malloc(size);
            if (detail && closes[0])
                snprintf(detail, size, "Closes a gap in: %s. From: %s", closes, source);
            else if (detail)
                snprintf(detail, size, "From: %s", source);
        }
        free(closes);
        free(source);
        if (!detail) {
            code = cli_report(CQ_ERR_NOMEM, NULL);
            break;
        }
        code = owned_item(doc, out, true, strdup(cq_tip_text(v->model, v->top, tip)), detail);
    }
    doc->list_end(out, true);
    return code;
}

static int what_if(const struct doc_ops *doc, FILE *out, const struct result_view *v)
{
    size_t i, n = cq_changes_count(v->changes);
    int code = CLI_EXIT_OK;

    doc->heading(out, 2, "What would change it");
    if (n == 0) {
        doc->paragraph(out, "No change to a single answer puts another role first: the "
                            "result is firm.");
        return CLI_EXIT_OK;
    }
    doc->list_begin(out, false);
    for (i = 0; code == CLI_EXIT_OK && i < n; i++)
        code = owned_item(doc, out, false, view_what_if(v, i), NULL);
    doc->list_end(out, false);
    return code;
}

/* The recommendation and everything that explains it. */
static int recommendation(const struct doc_ops *doc, FILE *out, const struct result_view *v)
{
    char title[CQ_MAX_TEXT_BYTES + 32];
    char *gap;
    int code;

    snprintf(title, sizeof title, "Recommended path: %s", cq_role_title(v->model, v->top));
    doc->heading(out, 2, title);
    doc->paragraph(out, cq_role_summary(v->model, v->top));
    code = reasons(doc, out, v);
    if (code == CLI_EXIT_OK)
        code = explained(doc, out, v);
    if (code == CLI_EXIT_OK && view_has_education_gap(v)) {
        gap = view_education_gap(v, doc->names_commands);
        if (!gap)
            return cli_report(CQ_ERR_NOMEM, NULL);
        doc->heading(out, 3, "Education");
        doc->paragraph(out, gap);
        free(gap);
    }
    if (code == CLI_EXIT_OK)
        code = gaps(doc, out, v);
    return code == CLI_EXIT_OK ? tips(doc, out, v) : code;
}

static void sources(const struct doc_ops *doc, FILE *out, const struct result_view *v)
{
    size_t i, n = cq_role_list_count(v->model, v->top, CQ_LIST_SOURCES);

    doc->heading(out, 2, "Sources");
    doc->list_begin(out, false);
    for (i = 0; i < n; i++)
        doc->item(out, false, cq_role_list_item(v->model, v->top, CQ_LIST_SOURCES, i), NULL);
    doc->list_end(out, false);
}

int report_result(const struct cli_env *env, const cq_result *result, FILE *out)
{
    return report_result_with(doc_for(env), env, result, out);
}

int report_result_with(const struct doc_ops *doc, const struct cli_env *env,
                       const cq_result *result, FILE *out)
{
    struct result_view v;
    char text[CQ_MAX_TEXT_BYTES + 128];
    int code = result_view_init(&v, env, result);

    if (code != CLI_EXIT_OK)
        return code;
    snprintf(text, sizeof text, "Your career path: %s", cq_role_title(v.model, v.top));
    doc->begin(out, text);
    doc->heading(out, 1, text);
    snprintf(text, sizeof text,
             "Scores run from 0 to 100 and say how closely your answers match each role's "
             "profile. Question bank %s.",
             cq_model_version(v.model));
    doc->paragraph(out, text);
    ranking(doc, out, &v);
    code = confidence(doc, out, &v);
    if (code == CLI_EXIT_OK)
        code = recommendation(doc, out, &v);
    if (code == CLI_EXIT_OK)
        code = what_if(doc, out, &v);
    if (code == CLI_EXIT_OK && v.comparison) {
        snprintf(text, sizeof text, "%s and %s side by side", cq_role_title(v.model, v.top),
                 cq_role_title(v.model, cq_comparison_role(v.comparison, 1)));
        doc->heading(out, 2, text);
        code = comparison_table(doc, out, v.model, v.comparison);
    }
    if (code == CLI_EXIT_OK) {
        sources(doc, out, &v);
        doc->end(out);
    }
    result_view_release(&v);
    return code;
}

int report_comparison(const struct cli_env *env, const cq_comparison *c)
{
    FILE *out = stdout;
    const struct doc_ops *doc = doc_for(env);
    char title[2 * CQ_MAX_TEXT_BYTES + 32];
    int code;

    snprintf(title, sizeof title, "%s and %s compared",
             cq_role_title(env->model, cq_comparison_role(c, 0)),
             cq_role_title(env->model, cq_comparison_role(c, 1)));
    doc->begin(out, title);
    doc->heading(out, 1, title);
    doc->paragraph(out, "In common: what the items of both profiles are about (\"Python\", "
                        "\"healthcare\"), the figures both outlooks quote that measure the same "
                        "thing, and the advice both roles get.");
    code = comparison_table(doc, out, env->model, c);
    if (code == CLI_EXIT_OK)
        doc->end(out);
    return code;
}
