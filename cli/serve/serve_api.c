/* serve_api.c: the JSON API: the questions, and scoring an answers document. */

#include "serve.h"

/* The questions' JSON as a response of its own (an error response when it cannot be made). */
static void make_questions(const struct serve_app *app, struct serve_response *response)
{
    char *json = NULL;
    size_t size = 0;
    cq_error err;

    cq_error_clear(&err);
    cq_status status = cq_questions_to_json(app->env->model, &json, &size, &err);
    serve_engine_json(response, app->env->ctx, status, json, size, &err);
}

char *serve_questions_make(const struct serve_app *app, size_t *size)
{
    struct serve_response made = {0};
    char *body = NULL;

    make_questions(app, &made);
    if (made.status == 200) {
        body = made.body;
        *size = made.body_size;
        made.body = NULL;
    }
    serve_response_release(&made);
    return body;
}

void serve_api_questions(const struct serve_app *app, struct serve_response *response)
{
    if (!app->questions_json) {
        make_questions(app, response);
        return;
    }
    response->status = 200;
    response->content_type = "application/json";
    response->fixed_body = app->questions_json;
    response->body_size = app->questions_json_size;
}

/* The same JSON as `careerquiz score --json`: the body is an answers document. */
void serve_api_score(const struct serve_app *app, const struct serve_request *request,
                     struct serve_response *response)
{
    const cq_model *model = app->env->model;
    cq_answers *answers = NULL;
    cq_result *result = NULL;
    char *json = NULL;
    size_t size = 0;
    cq_error err;

    cq_error_clear(&err);
    cq_status status =
        cq_answers_parse(model, "request body", request->body, request->body_size, &answers, &err);
    if (status == CQ_OK)
        status = cq_score(model, answers, &result, &err);
    if (status == CQ_OK)
        status = cq_result_to_json(model, result, &json, &size, &err);
    serve_engine_json(response, app->env->ctx, status, json, size, &err);
    cq_result_free(result);
    cq_answers_free(answers);
}
