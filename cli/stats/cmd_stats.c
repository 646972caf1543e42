/* cmd_stats.c: the stats command: merges the counts of one or more results databases and shows
 * them as text, JSON, CSV or an HTML page. */

#include <errno.h>
#include <sys/stat.h>

#include "exitcode.h"
#include "diagnostics.h"
#include "stats.h"

/* A database given twice would count its results twice: refuse it. Paths that cannot be
 * stat'ed are left for stats_collect to report. */
static int check_distinct(const struct cli_options *o)
{
    struct stat a, b;

    for (size_t i = 1; i < o->db_count; i++) {
        if (stat(o->dbs[i], &a) != 0)
            continue;
        for (size_t j = 0; j < i; j++) {
            if (stat(o->dbs[j], &b) == 0 && a.st_dev == b.st_dev && a.st_ino == b.st_ino) {
                cli_error("the same results database is given twice (%s and %s): %s", o->dbs[j],
                          o->dbs[i], o->dbs[i]);
                return CLI_EXIT_USAGE;
            }
        }
    }
    return CLI_EXIT_OK;
}

int cmd_stats(struct cli_env *env, int argc, char **argv)
{
    const struct cli_options *o = env->options;
    struct store_filter filter = {o->event, o->since};
    struct stats st = {0};
    struct stats_view view;
    int code = check_distinct(o);

    (void)argc;
    (void)argv;
    /* Without --db, the default database (the one take and kiosk fill by default). */
    for (size_t i = 0; code == CLI_EXIT_OK && i < (o->db_count ? o->db_count : 1); i++)
        code = stats_collect(&st, o->db_count ? o->dbs[i] : NULL, &filter);
    if (code == CLI_EXIT_OK)
        code = stats_view_init(&view, &st, env->model);
    if (code != CLI_EXIT_OK) {
        stats_release(&st);
        return code;
    }
    if (o->table == CLI_TABLE_CSV)
        code = stats_write_csv(&view);
    else if (o->format == CLI_FORMAT_HTML)
        code = stats_write_html(&view, o);
    else if (o->format == CLI_FORMAT_JSON)
        code = stats_write_json(stdout, &view);
    else
        code = stats_write_text(env, &view);
    stats_view_release(&view);
    stats_release(&st); /* after the view, which borrows its strings */
    return code;
}
