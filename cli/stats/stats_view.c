/* stats_view.c: puts the counts of stats in the bank's order with its texts, for every view. */

#include <stdlib.h>
#include <string.h>

#include "exitcode.h"
#include "diagnostics.h"
#include "stats.h"

double stats_share(unsigned long count, unsigned long total)
{
    return total ? (double)count / (double)total : 0.0;
}

static int by_count_then_id(const void *a, const void *b)
{
    const struct stats_row *x = a, *y = b;

    if (x->count != y->count)
        return x->count > y->count ? -1 : 1;
    return strcmp(x->id, y->id);
}

/* Every role of the bank, then recommended ids the bank does not know, most recommended first. */
static bool lay_out_roles(struct stats_view *view, const struct stats *st, const cq_model *model)
{
    size_t roles = cq_model_role_count(model), n = 0;

    view->roles = calloc(roles + st->roles.count + 1, sizeof *view->roles);
    if (!view->roles)
        return false;
    for (size_t r = 0; r < roles; r++) {
        const char *id = cq_role_id(model, r);

        view->roles[n++] =
            (struct stats_row){id, cq_role_title(model, r), stats_lookup(&st->roles, id, NULL)};
    }
    for (size_t i = 0; i < st->roles.count; i++)
        if (cq_model_find_role(model, st->roles.items[i].key) == (size_t)-1)
            view->roles[n++] = (struct stats_row){st->roles.items[i].key, st->roles.items[i].key,
                                                  st->roles.items[i].count};
    view->role_count = n;
    qsort(view->roles, n, sizeof *view->roles, by_count_then_id);
    return true;
}

/* Whether value is one of the bank's answers to question q (an option id, or a scale value
 * written as the view writes it), so that it already has its row. */
static bool known_answer(const cq_model *model, size_t q, const char *value)
{
    char number[16];
    char *end;
    long v;

    if (q == (size_t)-1)
        return false;
    if (cq_question_type_of(model, q) != CQ_SCALE)
        return cq_question_find_option(model, q, value) != (size_t)-1;
    v = strtol(value, &end, 10);
    if (*end || v < cq_scale_min(model, q) || v > cq_scale_max(model, q))
        return false;
    snprintf(number, sizeof number, "%ld", v);
    return strcmp(number, value) == 0;
}

/* Rows for question id: the bank's options or scale values (q is (size_t)-1 when the bank does
 * not know it), then answers the bank does not know. */
static bool lay_out_question(struct stats_question *sq, const struct stats *st,
                             const cq_model *model, size_t q, const char *id)
{
    size_t known = 0, extra = 0, n = 0, first = stats_first(&st->answers, id);
    int min = 0, max = -1;

    /* The tally is ordered: this question's answers are one run of it. */
    while (first + extra < st->answers.count &&
           strcmp(st->answers.items[first + extra].key, id) == 0)
        extra++;
    if (q != (size_t)-1 && cq_question_type_of(model, q) == CQ_SCALE) {
        min = cq_scale_min(model, q);
        max = cq_scale_max(model, q);
        known = (size_t)(max - min + 1);
        sq->numbers = calloc(known, sizeof *sq->numbers);
        if (!sq->numbers)
            return false;
    } else if (q != (size_t)-1) {
        known = cq_question_option_count(model, q);
    }
    sq->id = id;
    sq->text = q != (size_t)-1 ? cq_question_text(model, q) : id;
    sq->type = q != (size_t)-1 ? cq_question_type_name(cq_question_type_of(model, q)) : "unknown";
    sq->answered = stats_lookup(&st->answered, id, NULL);
    sq->rows = calloc(known + extra + 1, sizeof *sq->rows);
    if (!sq->rows)
        return false;
    for (size_t i = 0; i < known; i++) {
        struct stats_row *row = &sq->rows[n++];

        if (sq->numbers) {
            int value = min + (int)i;

            snprintf(sq->numbers[i], sizeof sq->numbers[i], "%d", value);
            row->id = row->text = sq->numbers[i];
            for (size_t l = 0; l < cq_scale_label_count(model, q); l++)
                if (cq_scale_label_value(model, q, l) == value)
                    row->text = cq_scale_label_text(model, q, l);
        } else {
            row->id = cq_option_id(model, q, i);
            row->text = cq_option_text(model, q, i);
        }
        row->count = stats_lookup(&st->answers, id, row->id);
        sq->row_count = n;
    }
    for (size_t i = first; i < first + extra; i++) {
        const struct stats_count *c = &st->answers.items[i];

        if (!known_answer(model, q, c->value)) {
            sq->rows[n++] = (struct stats_row){c->value, c->value, c->count};
            sq->row_count = n;
        }
    }
    return true;
}

int stats_view_init(struct stats_view *view, const struct stats *st, const cq_model *model)
{
    size_t questions = cq_model_question_count(model);
    bool ok;

    memset(view, 0, sizeof *view);
    view->total = st->total;
    view->close_calls = st->close_calls;
    ok = lay_out_roles(view, st, model);
    view->questions =
        ok ? calloc(questions + st->answered.count + st->answers.count + 1, sizeof *view->questions)
           : NULL;
    ok = view->questions != NULL;
    for (size_t q = 0; ok && q < questions; q++)
        ok = lay_out_question(&view->questions[view->question_count++], st, model, q,
                              cq_question_id(model, q));
    /* Questions of another bank: whatever was answered (or had an answer counted), in byte
     * order of their ids. Both tallies are ordered by key, so a merge of the two meets each
     * id once, in order. */
    for (size_t a = 0, b = 0; ok && (a < st->answered.count || b < st->answers.count);) {
        const char *x = a < st->answered.count ? st->answered.items[a].key : NULL;
        const char *y = b < st->answers.count ? st->answers.items[b].key : NULL;
        const char *id = !y || (x && strcmp(x, y) <= 0) ? x : y;

        if (cq_model_find_question(model, id) == (size_t)-1)
            ok = lay_out_question(&view->questions[view->question_count++], st, model, (size_t)-1,
                                  id);
        while (a < st->answered.count && strcmp(st->answered.items[a].key, id) == 0)
            a++;
        while (b < st->answers.count && strcmp(st->answers.items[b].key, id) == 0)
            b++;
    }
    if (!ok) {
        stats_view_release(view);
        cli_error("out of memory");
        return CLI_EXIT_SOFTWARE;
    }
    return CLI_EXIT_OK;
}

void stats_view_release(struct stats_view *view)
{
    for (size_t i = 0; i < view->question_count; i++) {
        free(view->questions[i].rows);
        free(view->questions[i].numbers);
    }
    free(view->questions);
    free(view->roles);
    memset(view, 0, sizeof *view);
}
