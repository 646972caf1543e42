/* stats_json.c: stats as JSON: {"total", "close_calls", "roles", "questions"} (docs/formats.md). */

#include <string.h>

#include "exitcode.h"
#include "json_write.h"
#include "stats.h"

/* Shares have four decimals: 0.2703 is 27.03%. */
#define SHARE_DECIMALS 4

static void put_count(FILE *out, unsigned long count, unsigned long total)
{
    fprintf(out, ", \"count\": %lu, \"share\": ", count);
    json_put_number(out, stats_share(count, total), SHARE_DECIMALS);
}

/* One answer of a question: {"id"|"value", "text", "count", "share"}. Scale values are numbers. */
static void put_answer(FILE *out, const struct stats_question *sq, const struct stats_row *row,
                       unsigned long total)
{
    if (strcmp(sq->type, "scale") == 0 && row->id[0] != '\0' &&
        row->id[strspn(row->id, "-0123456789")] == '\0') {
        fprintf(out, "{\"value\": %s, \"text\": ", row->id);
    } else {
        fputs("{\"id\": ", out);
        json_put_string(out, row->id);
        fputs(", \"text\": ", out);
    }
    json_put_string(out, row->text);
    put_count(out, row->count, total);
    putc('}', out);
}

int stats_write_json(FILE *out, const struct stats_view *view)
{
    fprintf(out,
            "{\n  \"total\": %lu,\n  \"close_calls\": %lu,\n  \"close_call_share\": ", view->total,
            view->close_calls);
    json_put_number(out, stats_share(view->close_calls, view->total), SHARE_DECIMALS);
    fputs(",\n  \"roles\": [", out);
    for (size_t i = 0; i < view->role_count; i++) {
        fputs(i ? ",\n    {\"id\": " : "\n    {\"id\": ", out);
        json_put_string(out, view->roles[i].id);
        fputs(", \"title\": ", out);
        json_put_string(out, view->roles[i].text);
        put_count(out, view->roles[i].count, view->total);
        putc('}', out);
    }
    fputs(view->role_count ? "\n  ],\n  \"questions\": [" : "],\n  \"questions\": [", out);
    for (size_t q = 0; q < view->question_count; q++) {
        const struct stats_question *sq = &view->questions[q];

        fputs(q ? ",\n    {\"id\": " : "\n    {\"id\": ", out);
        json_put_string(out, sq->id);
        fputs(", \"type\": ", out);
        json_put_string(out, sq->type);
        fputs(", \"text\": ", out);
        json_put_string(out, sq->text);
        fprintf(out, ", \"answered\": %lu, \"answers\": [", sq->answered);
        for (size_t i = 0; i < sq->row_count; i++) {
            fputs(i ? ",\n      " : "\n      ", out);
            put_answer(out, sq, &sq->rows[i], view->total);
        }
        fputs(sq->row_count ? "\n    ]}" : "]}", out);
    }
    fputs(view->question_count ? "\n  ]\n}\n" : "]\n}\n", out);
    return CLI_EXIT_OK;
}
