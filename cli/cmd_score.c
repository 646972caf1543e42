/* cmd_score.c: the score command: reads an answers file, ranks the roles, shows the result. */

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"
#include "exitcode.h"
#include "report.h"

#define STDIN_NAME "<stdin>"
#define BAR_CELLS 24

/*
 * Opens the answers file `path` ("-" is stdin) and reads it whole into *text (free with
 * cq_free). Returns an exit code; on failure the problem is reported and nothing is left to
 * free.
 */
static int read_answers(struct cli_env *env, const char *path, const char **name, char **text,
                        size_t *size)
{
    FILE *fp = stdin;
    struct stat st;
    char reason[128];
    cq_error err;
    cq_status status;
    int errnum;

    *name = path;
    if (strcmp(path, "-") == 0) {
        *name = STDIN_NAME;
    } else {
        fp = fopen(path, "rb");
        if (!fp) {
            errnum = errno;
            cli_error("cannot open answers file (%s): %s",
                      cli_strerror(errnum, reason, sizeof reason), path);
            return CLI_EXIT_NOINPUT;
        }
        if (fstat(fileno(fp), &st) == 0 && S_ISDIR(st.st_mode)) {
            cli_error("cannot open answers file (%s): %s",
                      cli_strerror(EISDIR, reason, sizeof reason), path);
            fclose(fp);
            return CLI_EXIT_NOINPUT;
        }
    }
    cq_error_clear(&err);
    status = cq_read_stream(env->ctx, fp, *name, CQ_MAX_ANSWERS_BYTES, text, size, &err);
    if (fp != stdin)
        fclose(fp);
    if (status != CQ_OK)
        return cli_report(status, &err);
    return CLI_EXIT_OK;
}

/* Warns on stderr about required questions the answers leave out (scoring goes on). */
static void warn_unanswered(const struct cli_env *env, const cq_answers *answers, const char *name)
{
    size_t n = cq_model_question_count(env->model);
    size_t q, missing = 0;

    for (q = 0; q < n; q++)
        if (cq_question_required(env->model, q) && !cq_answers_has(answers, q))
            missing++;
    if (missing == 0)
        return;
    fprintf(stderr, "careerquiz: warning: %zu required question%s not answered (", missing,
            missing == 1 ? "" : "s");
    for (q = 0; q < n; q++) {
        if (cq_question_required(env->model, q) && !cq_answers_has(answers, q)) {
            missing--;
            fprintf(stderr, "%s%s", cq_question_id(env->model, q), missing ? ", " : "");
        }
    }
    fprintf(stderr, "), the ranking uses the rest: %s\n", name);
}

/* Writes the ranking: every role with a bar and its score, best first. */
static void print_ranking(const struct cli_env *env, const cq_result *result)
{
    size_t n = cq_model_role_count(env->model);
    size_t rank, role, width = 0;
    double score;

    for (role = 0; role < n; role++) {
        size_t w = term_width(cq_role_title(env->model, role));
        if (w > width)
            width = w;
    }
    printf("%sRanking%s\n", term_begin(&env->term, TERM_ACCENT), term_end(&env->term));
    for (rank = 0; rank < n; rank++) {
        role = cq_result_role_at(result, rank);
        score = cq_round1(cq_result_score(result, role));
        printf("  %zu. %s", rank + 1, rank == 0 ? term_begin(&env->term, TERM_BOLD) : "");
        term_pad(stdout, cq_role_title(env->model, role), width);
        printf("%s  %s", rank == 0 ? term_end(&env->term) : "",
               term_begin(&env->term, rank == 0 ? TERM_GOOD : TERM_DIM));
        term_bar(stdout, &env->term, score / 100.0, BAR_CELLS);
        printf("%s %5.1f%%  %s\n", term_end(&env->term), score, cq_role_id(env->model, role));
    }
}

/*
 * Writes `label` and then, wrapped under it, the text that write_text puts into a memory
 * stream. Returns an exit code (only running out of memory can fail).
 */
static int print_wrapped(const char *label, const char *indent,
                         void (*write_text)(FILE *, const struct cli_env *, const cq_result *),
                         const struct cli_env *env, const cq_result *result)
{
    char *text = NULL;
    size_t size = 0;
    FILE *mem = open_memstream(&text, &size);

    if (!mem)
        return cli_report(CQ_ERR_NOMEM, NULL);
    write_text(mem, env, result);
    if (ferror(mem) | fclose(mem)) {
        free(text);
        return cli_report(CQ_ERR_NOMEM, NULL);
    }
    term_wrap(stdout, label, indent, text);
    free(text);
    return CLI_EXIT_OK;
}

/* The close-call sentence: the roles within the margin of the top. */
static void write_close_call(FILE *out, const struct cli_env *env, const cq_result *result)
{
    size_t close = cq_result_close_count(result);
    size_t rank;

    for (rank = 0; rank < close; rank++) {
        const char *sep = rank == 0 ? "" : rank + 1 == close ? " and " : ", ";
        fprintf(out, "%s%s", sep, cq_role_title(env->model, cq_result_role_at(result, rank)));
    }
    fprintf(out,
            " are within %.1f points of the top score: read about each with careerquiz role ID",
            CQ_CLOSE_CALL_MARGIN);
}

/* The titles of the articles the recommended role draws on, separated by "; ". */
static void write_sources(FILE *out, const struct cli_env *env, const cq_result *result)
{
    size_t role = cq_result_role_at(result, 0);
    size_t n = cq_role_list_count(env->model, role, CQ_LIST_SOURCES);
    size_t i;

    for (i = 0; i < n; i++)
        fprintf(out, "%s%s", i ? "; " : "",
                cq_role_list_item(env->model, role, CQ_LIST_SOURCES, i));
}

/*
 * Writes the recommended path: title, summary, getting-started tips, and the articles it
 * draws on. Returns an exit code (only running out of memory can fail).
 */
static int print_recommendation(const struct cli_env *env, const cq_result *result)
{
    const cq_model *model = env->model;
    size_t role = cq_result_role_at(result, 0);
    size_t n, i;
    int code;

    printf("\n%sRecommended path: %s%s (%s)\n", term_begin(&env->term, TERM_ACCENT),
           cq_role_title(model, role), term_end(&env->term), cq_role_id(model, role));
    term_wrap(stdout, "  ", "  ", cq_role_summary(model, role));

    n = cq_role_tip_count(model, role);
    if (n > 0)
        printf("\n%sGetting started%s\n", term_begin(&env->term, TERM_ACCENT),
               term_end(&env->term));
    for (i = 0; i < n; i++)
        term_wrap(stdout, "  - ", "    ", cq_tip_text(model, role, i));

    if (cq_role_list_count(model, role, CQ_LIST_SOURCES) > 0) {
        fputc('\n', stdout);
        code = print_wrapped("Source: ", "        ", write_sources, env, result);
        if (code != CLI_EXIT_OK)
            return code;
    }
    printf("\nThe whole profile: careerquiz role %s\n", cq_role_id(model, role));
    return CLI_EXIT_OK;
}

int cmd_score(struct cli_env *env, int argc, char **argv)
{
    const char *name = NULL;
    char *text = NULL;
    char *json = NULL;
    size_t size = 0;
    cq_answers *answers = NULL;
    cq_result *result = NULL;
    cq_error err;
    cq_status status;
    int code;

    (void)argc;
    code = read_answers(env, argv[0], &name, &text, &size);
    if (code != CLI_EXIT_OK)
        return code;

    cq_error_clear(&err);
    status = cq_answers_parse(env->model, name, text, size, &answers, &err);
    cq_free(env->ctx, text);
    if (status != CQ_OK)
        return cli_report(status, &err);
    warn_unanswered(env, answers, name);

    status = cq_score(env->model, answers, &result, &err);
    cq_answers_free(answers);
    if (status != CQ_OK)
        return cli_report(status, &err);

    if (env->options->format == CLI_FORMAT_JSON) {
        status = cq_result_to_json(env->model, result, &json, &size, &err);
        code = cli_write_json(env, status, json, size, &err);
    } else {
        print_ranking(env, result);
        code = CLI_EXIT_OK;
        if (cq_result_close_count(result) > 1) {
            fputc('\n', stdout);
            code = print_wrapped("Close call: ", "  ", write_close_call, env, result);
        }
        if (code == CLI_EXIT_OK)
            code = print_recommendation(env, result);
    }
    cq_result_free(result);
    return code;
}
