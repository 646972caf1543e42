/* quiz.c: the question loop shared by take and kiosk. */
#include "quiz.h"

#include <stdlib.h>

#include "quiz_input.h"

static const char *const command_words[QUIZ_COMMAND_WORDS] = {"back", "skip", "help", "quit"};

/* Offers option texts and commands to tab completion for question q. */
static void offer_completions(struct quiz *quiz, size_t q)
{
    const cq_model *m = quiz->model;
    size_t n = 0;
    for (size_t o = 0; o < cq_question_option_count(m, q); o++)
        quiz->words[n++] = cq_option_text(m, q, o);
    for (size_t i = 0; i < QUIZ_COMMAND_WORDS; i++)
        quiz->words[n++] = command_words[i];
    line_reader_set_completions(quiz->reader, quiz->words, n);
}

static void answers_changed(struct quiz *quiz)
{
    if (quiz->changed)
        quiz->changed(quiz);
}

/* Stores a parsed answer. Returns false (after saying why) when the engine refuses it. */
static bool store_answer(struct quiz *quiz, size_t q, const quiz_input *in)
{
    cq_error err;
    cq_status status;
    if (cq_question_type_of(quiz->model, q) == CQ_SCALE)
        status = cq_answers_set_scale(quiz->answers, q, in->value, &err);
    else
        status = cq_answers_set_options(quiz->answers, q, in->options, in->count, &err);
    if (status != CQ_OK) {
        quiz_show_notice(&quiz->look, err.message);
        return false;
    }
    answers_changed(quiz);
    return true;
}

/* What a read that returned no line means for the quiz. */
static enum quiz_end end_for(const struct quiz *quiz, line_status st)
{
    switch (st) {
    case LINE_EOF: /* Ctrl-D at a terminal is a choice to stop; a pipe running dry is not */
        return line_reader_is_readline(quiz->reader) ? QUIZ_END_QUIT : QUIZ_END_INPUT_ENDED;
    case LINE_INTERRUPT:
        return QUIZ_END_QUIT;
    case LINE_TIMEOUT:
        return QUIZ_END_IDLE;
    case LINE_SIGNAL:
        return QUIZ_END_STOPPED;
    default:
        return QUIZ_END_READ_FAILED;
    }
}

/*
 * Asks question q until it gets an answer or a command. Sets *next to the question to show
 * next. Returns true to go on, false when the quiz ends (with *end set).
 */
static bool ask(struct quiz *quiz, size_t q, size_t *next, enum quiz_end *end)
{
    const cq_model *m = quiz->model;
    char prompt[64];
    offer_completions(quiz, q);
    quiz_look_resize(&quiz->look);
    quiz_show_question(&quiz->look, m, quiz->answers, q, quiz->first_screen);
    quiz->first_screen = false;
    for (;;) {
        char *line = NULL;
        line_status st = line_reader_read(
            quiz->reader, quiz_prompt(&quiz->look, m, quiz->answers, q, prompt, sizeof prompt),
            quiz->idle_ms, &line);
        if (st == LINE_INTERRUPT && !quiz->interrupt_quits) {
            quiz_show_notice(&quiz->look, "Cleared. Type your answer, or q to quit.");
            continue;
        }
        if (st == LINE_RESIZED) {
            /* Wrapped for the old width, the question would break wherever the terminal
             * cuts it: wrap it again for the new one. What was typed comes back. */
            quiz_look_resize(&quiz->look);
            quiz_show_question(&quiz->look, m, quiz->answers, q, false);
            continue;
        }
        if (st != LINE_OK) {
            *end = end_for(quiz, st);
            return false;
        }
        quiz_input in;
        quiz_parse_input(m, q, line, cq_answers_has(quiz->answers, q), &in);
        free(line);
        switch (in.action) {
        case QUIZ_ANSWER:
            if (!store_answer(quiz, q, &in))
                continue;
            *next = q + 1;
            return true;
        case QUIZ_KEEP:
            *next = q + 1;
            return true;
        case QUIZ_BACK:
            if (q == 0) {
                quiz_show_notice(&quiz->look, "This is the first question.");
                continue;
            }
            *next = q - 1;
            return true;
        case QUIZ_SKIP:
            if (cq_question_required(m, q)) {
                quiz_show_notice(&quiz->look,
                                 "This question needs an answer; only optional ones can be "
                                 "skipped.");
                continue;
            }
            cq_answers_skip(quiz->answers, q); /* saved as null: a resume does not ask again */
            answers_changed(quiz);
            *next = q + 1;
            return true;
        case QUIZ_HELP:
            quiz_show_help(&quiz->look, m, q);
            continue;
        case QUIZ_QUIT:
            *end = QUIZ_END_QUIT;
            return false;
        case QUIZ_INVALID:
            quiz_show_notice(&quiz->look, in.message);
            continue;
        }
    }
}

/* The first required question without an answer, or the question count. */
static size_t first_missing_required(const struct quiz *quiz)
{
    size_t n = cq_model_question_count(quiz->model);
    size_t q = 0;
    while (q < n && (cq_answers_has(quiz->answers, q) || !cq_question_required(quiz->model, q)))
        q++;
    return q;
}

/*
 * Where going forward to `next` lands. Past the furthest question shown so far, questions
 * answered or skipped before this run (a resumed file with a gap) are passed over instead
 * of walked through one Enter at a time; those already shown, which b reaches, are not.
 */
static size_t onward(struct quiz *quiz, size_t next, size_t *reached)
{
    size_t n = cq_model_question_count(quiz->model);
    if (next <= *reached)
        return next;
    while (next < n &&
           (cq_answers_has(quiz->answers, next) || cq_answers_skipped(quiz->answers, next)))
        next++;
    *reached = next;
    return next;
}

enum quiz_end quiz_run(struct quiz *quiz, size_t start)
{
    size_t n = cq_model_question_count(quiz->model);
    size_t q = start, next = start, reached = start;
    enum quiz_end end = QUIZ_END_FINISHED;
    while (q < n && ask(quiz, q, &next, &end))
        q = onward(quiz, next, &reached);
    /* A resumed file may still miss a required question before the point we reached. */
    size_t missing;
    while (end == QUIZ_END_FINISHED && (missing = first_missing_required(quiz)) < n) {
        quiz_show_notice(&quiz->look, "One question still needs an answer.");
        q = missing;
        while (q == missing && ask(quiz, q, &q, &end))
            ;
    }
    quiz->at = q;
    /* The next prompt (save? next person?) is not a question: Tab offers nothing there. */
    line_reader_set_completions(quiz->reader, NULL, 0);
    return end;
}
