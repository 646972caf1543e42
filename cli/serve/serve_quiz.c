/* serve_quiz.c: the quiz in a browser, one question per page, as plain HTML forms.
 *
 * Nothing is kept on the server while a person answers: every page carries the answers so far
 * in a hidden field (the answers document that `score` reads), and the next post brings them
 * back. The engine parses them as strictly as an answers file, so a tampered field is only a
 * bad answers document. It works without JavaScript; quiz.js only saves a click. */

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "exitcode.h"
#include "html_escape.h"
#include "kiosk_code.h"
#include "serve.h"

/* Seconds a person needs per question, for the "about N minutes" on the first page. */
#define SECONDS_PER_QUESTION 15

/* What one post asked for, after the buttons. */
enum quiz_move { MOVE_NEXT, MOVE_BACK, MOVE_SKIP };

/* The answers so far: the form's "answers" field, or none for a new quiz. Returns false with
 * err set when the field is not a valid answers document. */
static bool answers_from_form(const cq_model *model, const struct serve_form *form,
                              cq_answers **out, cq_error *err)
{
    const char *json = serve_form_get(form, "answers");

    cq_error_clear(err);
    if (!json || json[0] == '\0')
        return cq_answers_new(model, out, err) == CQ_OK;
    return cq_answers_parse(model, "the answers field", json, strlen(json), out, err) == CQ_OK;
}

/* Writes the hidden field that carries the answers to the next page. */
static bool write_state(FILE *out, const cq_model *model, const cq_answers *answers)
{
    char *json = NULL;
    size_t size = 0;
    cq_error err;

    cq_error_clear(&err);
    if (cq_answers_to_json(answers, &json, &size, &err) != CQ_OK)
        return false;
    /* The document ends with a newline; the field does not need it. */
    while (size > 0 && json[size - 1] == '\n')
        size--;
    fputs("<input type=\"hidden\" name=\"answers\" value=\"", out);
    html_escape_n(out, json, size);
    fputs("\">\n", out);
    cq_free(cq_model_context(model), json);
    return true;
}

/* The label of scale value v: its text when the bank names it ("1: ship products"). */
static void write_scale_label(FILE *out, const cq_model *model, size_t q, int v)
{
    fprintf(out, "<span class=\"value\">%d</span>", v);
    for (size_t i = 0; i < cq_scale_label_count(model, q); i++) {
        if (cq_scale_label_value(model, q, i) == v) {
            fputs(" <span>", out);
            html_escape(out, cq_scale_label_text(model, q, i));
            fputs("</span>", out);
        }
    }
}

/* The choices of question q, with the person's answer checked. */
static void write_choices(FILE *out, const cq_model *model, const cq_answers *answers, size_t q)
{
    cq_question_type type = cq_question_type_of(model, q);

    fputs("<div class=\"options\">\n", out);
    if (type == CQ_SCALE) {
        bool answered = cq_answers_has(answers, q);
        long chosen = answered ? cq_answers_scale(answers, q) : 0;
        for (int v = cq_scale_min(model, q); v <= cq_scale_max(model, q); v++) {
            fprintf(out,
                    "<label class=\"option\"><input type=\"radio\" name=\"answer\" "
                    "value=\"%d\"%s> ",
                    v, answered && chosen == v ? " checked" : "");
            write_scale_label(out, model, q, v);
            fputs("</label>\n", out);
        }
    } else {
        const char *input = type == CQ_MULTI ? "checkbox" : "radio";
        for (size_t i = 0; i < cq_question_option_count(model, q); i++) {
            fprintf(out, "<label class=\"option\"><input type=\"%s\" name=\"answer\" value=\"",
                    input);
            html_escape(out, cq_option_id(model, q, i));
            fprintf(out, "\"%s> <span>", cq_answers_selected(answers, q, i) ? " checked" : "");
            html_escape(out, cq_option_text(model, q, i));
            fputs("</span></label>\n", out);
        }
    }
    fputs("</div>\n", out);
}

/* Writes the page of question q; notice (may be NULL) says what was wrong with the last post. */
static void write_question_page(FILE *out, const cq_model *model, const cq_answers *answers,
                                size_t q, const char *notice)
{
    size_t n = cq_model_question_count(model);
    cq_question_type type = cq_question_type_of(model, q);
    const char *help = cq_question_help(model, q);
    char title[64];

    snprintf(title, sizeof title, "Question %zu of %zu", q + 1, n);
    serve_page_begin(out, title, "/assets/quiz.js");
    if (q == 0) {
        size_t minutes = (n * SECONDS_PER_QUESTION + 59) / 60;
        fprintf(out,
                "<p class=\"intro\">Which data or machine learning role fits you? %zu questions, "
                "about %zu minutes. Your answers are compared with %zu roles as five "
                "role-comparison articles describe them. Nothing about you is asked or kept "
                "beyond your answers.</p>\n",
                n, minutes, cq_model_role_count(model));
    }
    fprintf(out,
            "<p class=\"progress\" id=\"progress\">%s</p>\n"
            "<progress max=\"%zu\" value=\"%zu\" aria-labelledby=\"progress\"></progress>\n",
            title, n, q + 1);
    fputs("<form method=\"post\" action=\"/quiz\" class=\"question\">\n", out);
    if (!write_state(out, model, answers))
        fputs("<!-- the answers could not be written -->\n", out);
    fputs("<input type=\"hidden\" name=\"question\" value=\"", out);
    html_escape(out, cq_question_id(model, q));
    fputs("\">\n<fieldset", out);
    if (help[0] != '\0')
        fputs(" aria-describedby=\"help\"", out);
    fputs(">\n<legend><h1>", out);
    html_escape(out, cq_question_text(model, q));
    fputs("</h1></legend>\n", out);
    if (help[0] != '\0') {
        fputs("<p class=\"help\" id=\"help\">", out);
        html_escape(out, help);
        fputs("</p>\n", out);
    }
    fprintf(out, "<p class=\"hint\">%s%s</p>\n",
            type == CQ_MULTI ? "Pick all that apply." : "Pick one.",
            cq_question_required(model, q) ? "" : " This question is optional.");
    if (notice) {
        fputs("<p class=\"error\" role=\"alert\">", out);
        html_escape(out, notice);
        fputs("</p>\n", out);
    }
    write_choices(out, model, answers, q);
    fputs("</fieldset>\n<div class=\"actions\">\n"
          "<button type=\"submit\" name=\"go\" value=\"next\" class=\"primary\">",
          out);
    fputs(q + 1 == n ? "See my results" : "Next", out);
    fputs("</button>\n", out);
    /* Next comes first, so that Enter picks it; the stylesheet shows it last. */
    if (q > 0)
        fputs("<button type=\"submit\" name=\"go\" value=\"back\">Back</button>\n", out);
    if (!cq_question_required(model, q))
        fputs("<button type=\"submit\" name=\"go\" value=\"skip\">Skip</button>\n", out);
    fputs("</div>\n</form>\n", out);
    serve_page_end(out);
}

/* Answers the request with the page of question q. */
static void question_page(const cq_model *model, const cq_answers *answers, size_t q,
                          const char *notice, struct serve_response *response)
{
    FILE *out = serve_body_open(response, notice ? 422 : 200, "text/html; charset=utf-8");
    if (!out)
        return;
    write_question_page(out, model, answers, q, notice);
    serve_body_close(out, response);
}

void serve_quiz_start(const struct serve_app *app, struct serve_response *response)
{
    cq_answers *answers = NULL;
    cq_error err;

    cq_error_clear(&err);
    if (cq_answers_new(app->env->model, &answers, &err) != CQ_OK) {
        serve_html_error(response, 500, "Something went wrong", "The server ran out of memory.");
        return;
    }
    question_page(app->env->model, answers, 0, NULL, response);
    cq_answers_free(answers);
}

/* Sets the answer to question q from the form's "answer" fields. Returns false with err set
 * when they are not a valid answer; true with *given false when there are none. */
static bool apply_answer(const cq_model *model, cq_answers *answers, size_t q,
                         const struct serve_form *form, bool *given, cq_error *err)
{
    size_t chosen[CQ_MAX_OPTIONS];
    size_t count = 0;

    *given = false;
    cq_error_clear(err);
    for (size_t i = 0; i < form->count; i++) {
        if (strcmp(form->names[i], "answer") != 0)
            continue;
        const char *value = form->values[i];
        *given = true;
        if (cq_question_type_of(model, q) == CQ_SCALE) {
            char *end;
            errno = 0;
            long v = strtol(value, &end, 10);
            if (errno || end == value || *end)
                v = (long)cq_scale_max(model, q) + 1; /* out of range: the engine says so */
            return cq_answers_set_scale(answers, q, v, err) == CQ_OK;
        }
        size_t option = cq_question_find_option(model, q, value);
        if (option == (size_t)-1) {
            snprintf(err->message, sizeof err->message, "that is not one of the answers");
            return false;
        }
        if (count == CQ_MAX_OPTIONS)
            return false;
        chosen[count++] = option;
        if (cq_question_type_of(model, q) == CQ_SINGLE)
            break;
    }
    if (count == 0)
        return true;
    if (cq_question_type_of(model, q) == CQ_SINGLE)
        return cq_answers_set_option(answers, q, chosen[0], err) == CQ_OK;
    return cq_answers_set_options(answers, q, chosen, count, err) == CQ_OK;
}

/* The first required question without an answer, or the question count when there is none. */
static size_t first_missing(const cq_model *model, const cq_answers *answers)
{
    size_t n = cq_model_question_count(model);
    for (size_t q = 0; q < n; q++)
        if (cq_question_required(model, q) && !cq_answers_has(answers, q))
            return q;
    return n;
}

/* Scores the finished quiz and, with --db, stores it and sends the person to its own
 * address, /r/CODE; else (or when it cannot be stored now) answers with the result page. */
static void result_page(const struct serve_app *app, const cq_answers *answers,
                        struct serve_response *response)
{
    cq_result *result = NULL;
    char code[KIOSK_CODE_SIZE];
    cq_error err;

    cq_error_clear(&err);
    if (cq_score(app->env->model, answers, &result, &err) != CQ_OK) {
        serve_html_error(response, 422, "Your answers could not be scored",
                         err.message[0] ? err.message : "Please answer more of the questions.");
        return;
    }
    if (!app->results) {
        serve_result_page(app, result, NULL, NULL, response);
    } else {
        switch (serve_results_store(app->results, app->env->model, answers, result, code)) {
        case STORE_STORED:
            /* See Other: reloading the result page does not post the answers again. */
            serve_redirect(response, NULL);
            serve_set_location(response, code);
            break;
        case STORE_KEPT:
            serve_result_page(app, result, code,
                              "The results database is busy: your result is kept and stored "
                              "under this code when it is free again. Until then, print or save "
                              "this page.",
                              response);
            break;
        case STORE_LOST:
            serve_result_page(app, result, NULL,
                              "Your result could not be stored. Print or save this page to keep "
                              "it.",
                              response);
            break;
        }
    }
    cq_result_free(result);
}

static enum quiz_move move_of(const struct serve_form *form)
{
    const char *go = serve_form_get(form, "go");
    if (go && strcmp(go, "back") == 0)
        return MOVE_BACK;
    if (go && strcmp(go, "skip") == 0)
        return MOVE_SKIP;
    return MOVE_NEXT;
}

void serve_quiz_answer(const struct serve_app *app, const struct serve_request *request,
                       struct serve_response *response)
{
    const cq_model *model = app->env->model;
    size_t n = cq_model_question_count(model);
    struct serve_form form;
    cq_answers *answers = NULL;
    cq_error err;
    bool given = false;

    if (!serve_form_parse(request->body, request->body_size, &form)) {
        serve_html_error(response, 400, "The form could not be read",
                         "The page sent something that is not a form. Please start again.");
        return;
    }
    if (!answers_from_form(model, &form, &answers, &err)) {
        serve_html_error(response, 400, "Your answers could not be read",
                         "The page carried answers this quiz does not know. Please start again.");
        goto done;
    }
    const char *id = serve_form_get(&form, "question");
    size_t q = id ? cq_model_find_question(model, id) : (size_t)-1;
    if (q == (size_t)-1) {
        /* No question: a post of the start page, or a stale one. Go on where the answers end. */
        question_page(model, answers, cq_answers_first_unanswered(answers) % n, NULL, response);
        goto done;
    }

    enum quiz_move move = move_of(&form);
    if (move == MOVE_SKIP) {
        if (cq_question_required(model, q)) {
            question_page(model, answers, q, "This question cannot be skipped.", response);
            goto done;
        }
        cq_answers_skip(answers, q); /* kept as null, as take keeps it: not asked again */
    } else if (!apply_answer(model, answers, q, &form, &given, &err)) {
        char notice[CQ_ERROR_TEXT + 32];
        snprintf(notice, sizeof notice, "That answer was not taken: %s.",
                 err.message[0] ? err.message : "it is not one of the choices");
        question_page(model, answers, q, notice, response);
        goto done;
    }

    if (move == MOVE_BACK) {
        question_page(model, answers, q > 0 ? q - 1 : 0, NULL, response);
        goto done;
    }
    if (move == MOVE_NEXT && !given && cq_question_required(model, q) &&
        !cq_answers_has(answers, q)) {
        question_page(model, answers, q,
                      cq_question_type_of(model, q) == CQ_MULTI ? "Please tick at least one answer."
                                                                : "Please choose an answer.",
                      response);
        goto done;
    }
    if (q + 1 < n) {
        question_page(model, answers, q + 1, NULL, response);
        goto done;
    }
    size_t missing = first_missing(model, answers);
    if (missing < n)
        question_page(model, answers, missing, "This question still needs an answer.", response);
    else
        result_page(app, answers, response);
done:
    cq_answers_free(answers);
    serve_form_release(&form);
}
