/* cmd_score.c: the score command: reads an answers file, ranks the roles, shows the result. */

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"
#include "exitcode.h"
#include "diagnostics.h"

#define STDIN_NAME "<stdin>"

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

/* Warns on stderr about required questions the answers leave out. Scoring goes on: each one
 * gives every role the same points (docs/scoring.md). */
static void warn_unanswered(const struct cli_env *env, const cq_answers *answers, const char *name)
{
    size_t n = cq_model_question_count(env->model);
    size_t q, missing = 0, used = 0;
    char ids[CQ_MAX_QUESTIONS * (CQ_MAX_ID_BYTES + 2) + 1];

    ids[0] = '\0';
    for (q = 0; q < n; q++) {
        if (cq_question_required(env->model, q) && !cq_answers_has(answers, q) && used < sizeof ids)
            used += (size_t)snprintf(ids + used, sizeof ids - used, "%s%s", missing++ ? ", " : "",
                                     cq_question_id(env->model, q));
    }
    if (missing > 0)
        cli_warning("%zu required question%s not answered (%s); %s every role the same points, "
                    "so the ranking rests on the other answers: %s",
                    missing, missing == 1 ? "" : "s", ids, missing == 1 ? "it gives" : "each gives",
                    name);
}

int cmd_score(struct cli_env *env, int argc, char **argv)
{
    const char *name = NULL;
    char *text = NULL;
    size_t size = 0;
    cq_answers *answers = NULL;
    cq_result *result = NULL;
    cq_score_options options = {sizeof options, env->options->education_filter};
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

    status = cq_score_with(env->model, answers, &options, &result, &err);
    cq_answers_free(answers);
    if (status != CQ_OK)
        return cli_report(status, &err);

    code = result_write(env, result);
    cq_result_free(result);
    return code;
}
