/* quiz_screen.h: what the quiz shows on the screen (stderr): welcome, questions, help. */
#ifndef CQ_CLI_QUIZ_SCREEN_H
#define CQ_CLI_QUIZ_SCREEN_H

#include <stdbool.h>
#include <stdio.h>

#include "careerquiz.h"
#include "term.h"

/* How the quiz looks. */
struct quiz_look {
    FILE *out; /* the screen: stderr */
    struct term term;
    bool clear;     /* clear the screen between questions (a terminal, escapes allowed) */
    bool plain;     /* --plain: no bars, colours or cursor moves; lines stand on their own */
    bool readline;  /* tab completion is available */
    bool kiosk;     /* a booth: quitting starts over for the next person */
    size_t columns; /* wrap text to this width */
};

/* Decides the look: escapes only when NO_COLOR, TERM=dumb/unset, --no-color, --plain and a
 * non-terminal stdout or stderr all allow them. */
void quiz_look_init(struct quiz_look *look, bool no_color, bool plain);

/* Looks again at the terminal's width (after a resize), for the next screen drawn. */
void quiz_look_resize(struct quiz_look *look);

/* The first screen: what the quiz is, its length, the keys. `resumed`, when not NULL, holds
 * the answers of a resumed file: how many are answered and skipped, and `start`, the question
 * the quiz goes on at, are said. */
void quiz_show_welcome(const struct quiz_look *look, const cq_model *model,
                       const cq_answers *resumed, size_t start);

/* How many questions of `answers` are skipped (saved as null). */
size_t quiz_skipped_count(const cq_model *model, const cq_answers *answers);

/* One question: progress, text, options (the current answer marked), how to answer.
 * `below_welcome` keeps the welcome screen above the first question instead of clearing. */
void quiz_show_question(const struct quiz_look *look, const cq_model *model,
                        const cq_answers *answers, size_t q, bool below_welcome);

/* The help text for question q. */
void quiz_show_help(const struct quiz_look *look, const cq_model *model, size_t q);

/* A one-line notice (an error in the answer, a hint) before the prompt is asked again. */
void quiz_show_notice(const struct quiz_look *look, const char *text);

/* The prompt for question q, in buf. */
const char *quiz_prompt(const struct quiz_look *look, const cq_model *model,
                        const cq_answers *answers, size_t q, char *buf, size_t size);

#endif /* CQ_CLI_QUIZ_SCREEN_H */
