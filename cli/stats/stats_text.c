/* stats_text.c: stats as text: totals, then bar charts of the roles and of each question. */

#include <string.h>

#include "exitcode.h"
#include "safe_text.h"
#include "stats.h"

#define BAR_CELLS 24
/* Labels longer than this are cut, so that the bars line up on an 80-column line. */
#define LABEL_COLUMNS 34

/* Writes text (as the sanitiser shows it) cut to `columns` ("..." marks a cut) and padded to
 * that width. A cut falls between characters, never inside one or inside a shown control. */
static void put_label(FILE *out, const char *text, size_t columns)
{
    size_t len = strlen(text), used = 0, i = 0;
    char shown[SAFE_SHOWN_MAX];

    if (term_width(text) <= columns) {
        term_pad(out, text, columns);
        return;
    }
    while (i < len) {
        size_t n = safe_unit(text + i, len - i, 0, shown);
        size_t width = shown[0] ? strlen(shown) : 1;
        if (used + width > columns - 3)
            break;
        safe_write(out, text + i, n, 0);
        used += width;
        i += n;
    }
    for (fputs("...", out), used += 3; used < columns; used++)
        putc(' ', out);
}

/* One bar line: label, bar of the share of all results, count, percentage, id. */
static void bar_line(const struct cli_env *env, const char *label, unsigned long count,
                     unsigned long total, const char *id)
{
    double share = stats_share(count, total);

    fputs("  ", stdout);
    put_label(stdout, label, LABEL_COLUMNS);
    printf("  %s", term_begin(&env->term, TERM_GOOD));
    term_bar(stdout, &env->term, share, BAR_CELLS);
    printf("%s %6lu %5.1f%%%s", term_end(&env->term), count, share * 100.0, id ? "  " : "");
    safe_puts(id ? id : "", stdout);
    putchar('\n');
}

int stats_write_text(const struct cli_env *env, const struct stats_view *view)
{
    const struct cli_options *o = env->options;

    printf("%sResults: %lu%s", term_begin(&env->term, TERM_BOLD), view->total,
           term_end(&env->term));
    printf(" (close calls: %lu, %.1f%%)\n", view->close_calls,
           stats_share(view->close_calls, view->total) * 100.0);
    if (o->event || o->since) {
        printf("Only results%s", o->event ? " of event " : "");
        safe_puts(o->event ? o->event : "", stdout);
        printf("%s%s\n", o->since ? " since " : "", o->since ? o->since : "");
    }
    printf("\n%sRecommended roles%s\n", term_begin(&env->term, TERM_ACCENT), term_end(&env->term));
    for (size_t i = 0; i < view->role_count; i++)
        bar_line(env, view->roles[i].text, view->roles[i].count, view->total, view->roles[i].id);
    for (size_t q = 0; q < view->question_count; q++) {
        const struct stats_question *sq = &view->questions[q];
        bool scale = strcmp(sq->type, "scale") == 0;

        printf("\n%s%2zu. ", term_begin(&env->term, TERM_ACCENT), q + 1);
        safe_puts(sq->id, stdout);
        printf("%s (%s, %lu answered)\n", term_end(&env->term), sq->type, sq->answered);
        term_wrap(stdout, "    ", "    ", sq->text);
        for (size_t i = 0; i < sq->row_count; i++) {
            const struct stats_row *row = &sq->rows[i];
            char label[LABEL_COLUMNS * 4 + 32];

            /* A scale value shows its number before its label ("1 Ship products"). */
            if (scale && row->text != row->id) {
                snprintf(label, sizeof label, "%s %s", row->id, row->text);
                bar_line(env, label, row->count, view->total, NULL);
            } else {
                bar_line(env, row->text, row->count, view->total, scale ? NULL : row->id);
            }
        }
    }
    return CLI_EXIT_OK;
}
