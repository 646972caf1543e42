/* cmd_version.c: --version: the program's version and the loaded question bank's. */

#include "cli.h"
#include "exitcode.h"
#include "line_reader.h"
#include "safe_text.h"
#include "serve/serve.h"

/* Prints "careerquiz <version>" and the bank version; the model is loaded by main. */
int cmd_version(struct cli_env *env, int argc, char **argv)
{
    (void)argc;
    (void)argv;
    printf("careerquiz %s\n", cq_version());
    fputs("question bank ", stdout);
    safe_puts(cq_model_version(env->model), stdout); /* --data may say anything here */
    printf(" (%zu questions, %zu roles)\n", cq_model_question_count(env->model),
           cq_model_role_count(env->model));
    printf("answers are read with %s\n", line_reader_library());
    char why[512];
    const char *web_server = serve_library(why, sizeof why);
    if (web_server) {
        printf("the web server (serve) runs on libmicrohttpd %s\n", web_server);
    } else {
        fputs("the web server (serve) ", stdout);
        safe_puts(why, stdout); /* a path may say anything */
        putchar('\n');
    }
    return CLI_EXIT_OK;
}
