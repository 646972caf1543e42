/* quiz_input.h: turns a typed line into an answer or a command for the current question. */
#ifndef CQ_CLI_QUIZ_INPUT_H
#define CQ_CLI_QUIZ_INPUT_H

#include <stddef.h>

#include "careerquiz.h"

typedef enum quiz_action {
    QUIZ_ANSWER, /* options[0..count) or value hold a valid answer */
    QUIZ_KEEP,   /* an empty line on a question that already has an answer */
    QUIZ_BACK,   /* "back" or "b" */
    QUIZ_SKIP,   /* "skip" or "s" */
    QUIZ_HELP,   /* "help", "h" or "?" */
    QUIZ_QUIT,   /* "quit", "q" or "exit" */
    QUIZ_INVALID /* message says why, in one line */
} quiz_action;

typedef struct quiz_input {
    quiz_action action;
    size_t options[CQ_MAX_OPTIONS];
    size_t count;
    long value;
    char message[256];
} quiz_input;

/*
 * Reads `line` as an answer to question q of model: a number, an unambiguous start of an
 * option's text (or its id), for multi-choice a list ("1,3,5", "1 3 5", "python, sql",
 * "git docker": words without commas are a list unless together they name one option), for
 * a scale its integer or the start of a label. `has_answer` makes an empty line mean "keep".
 * Commands win over option texts: type more letters to pick an option starting with "b".
 */
void quiz_parse_input(const cq_model *model, size_t q, const char *line, bool has_answer,
                      quiz_input *out);

#endif /* CQ_CLI_QUIZ_INPUT_H */
