/* stats_csv.c: stats as one CSV table: kind, id, answer, text, count, share (docs/formats.md). */

#include "csv.h"
#include "exitcode.h"
#include "stats.h"

#define SHARE_DECIMALS 4

static void row(FILE *out, const char *kind, const char *id, const char *answer, const char *text,
                unsigned long count, unsigned long total)
{
    char number[32];

    snprintf(number, sizeof number, "%lu", count);
    csv_field(out, true, kind);
    csv_field(out, false, id);
    csv_field(out, false, answer);
    csv_field(out, false, text);
    csv_field(out, false, number);
    csv_number(out, false, stats_share(count, total), SHARE_DECIMALS);
    csv_end(out);
}

int stats_write_csv(const struct stats_view *view)
{
    FILE *out = stdout;

    fputs("kind,id,answer,text,count,share\r\n", out);
    row(out, "total", "", "", "results", view->total, view->total);
    row(out, "close_calls", "", "", "close calls", view->close_calls, view->total);
    for (size_t i = 0; i < view->role_count; i++)
        row(out, "role", view->roles[i].id, "", view->roles[i].text, view->roles[i].count,
            view->total);
    for (size_t q = 0; q < view->question_count; q++) {
        const struct stats_question *sq = &view->questions[q];

        row(out, "answered", sq->id, "", sq->text, sq->answered, view->total);
        for (size_t i = 0; i < sq->row_count; i++)
            row(out, "answer", sq->id, sq->rows[i].id, sq->rows[i].text, sq->rows[i].count,
                view->total);
    }
    return CLI_EXIT_OK;
}
