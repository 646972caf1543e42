/* cmd_questions.c: the questions command: the bank's questions and their answer options. */

#include "cli.h"
#include "exitcode.h"
#include "diagnostics.h"

/* Writes the options of a single or multi question, numbered from 1. */
static void print_options(const struct cli_env *env, size_t q)
{
    const cq_model *model = env->model;
    size_t n = cq_question_option_count(model, q);
    size_t i;
    char first[CQ_MAX_ID_BYTES + 32];

    for (i = 0; i < n; i++) {
        snprintf(first, sizeof first, "     %2zu) %s: ", i + 1, cq_option_id(model, q, i));
        term_wrap(stdout, first, "           ", cq_option_text(model, q, i));
        if (cq_option_exclusive(model, q, i))
            fputs("           (only on its own)\n", stdout);
    }
}

/* Writes a scale question's range and its labelled points. */
static void print_scale(const struct cli_env *env, size_t q)
{
    const cq_model *model = env->model;
    size_t n = cq_scale_label_count(model, q);
    size_t i;
    char first[32];

    printf("     a whole number from %d to %d\n", cq_scale_min(model, q), cq_scale_max(model, q));
    for (i = 0; i < n; i++) {
        snprintf(first, sizeof first, "     %2d = ", cq_scale_label_value(model, q, i));
        term_wrap(stdout, first, "          ", cq_scale_label_text(model, q, i));
    }
}

/* Text view: each question with its id, type, optional flag, text, help and options. */
static void print_questions(const struct cli_env *env)
{
    const cq_model *model = env->model;
    size_t n = cq_model_question_count(model);
    size_t q;
    const char *help;

    for (q = 0; q < n; q++) {
        cq_question_type type = cq_question_type_of(model, q);

        if (q > 0)
            fputc('\n', stdout);
        printf("%2zu. %s%s%s [%s%s]\n", q + 1, term_begin(&env->term, TERM_BOLD),
               cq_question_id(model, q), term_end(&env->term), cq_question_type_name(type),
               cq_question_required(model, q) ? "" : ", optional");
        term_wrap(stdout, "    ", "    ", cq_question_text(model, q));
        help = cq_question_help(model, q);
        if (help[0] != '\0') {
            term_wrap_style(stdout, &env->term, TERM_DIM, TERM_TEXT_WIDTH, "    ", "    ", help);
        }
        if (type == CQ_SCALE)
            print_scale(env, q);
        else
            print_options(env, q);
    }
}

int cmd_questions(struct cli_env *env, int argc, char **argv)
{
    (void)argc;
    (void)argv;
    if (env->options->format == CLI_FORMAT_JSON)
        return cli_write_model_json(env, cq_questions_to_json);
    print_questions(env);
    return CLI_EXIT_OK;
}
