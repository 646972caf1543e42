/* quiz.h: the question loop that take and kiosk share: ask, read, parse, store, move on. */
#ifndef CQ_CLI_QUIZ_H
#define CQ_CLI_QUIZ_H

#include <stdbool.h>
#include <stddef.h>

#include "careerquiz.h"
#include "line_reader.h"
#include "quiz_screen.h"

/* How the question loop ended. */
enum quiz_end {
    QUIZ_END_FINISHED,    /* every required question has an answer */
    QUIZ_END_QUIT,        /* q, or Ctrl-D at a terminal (and Ctrl-C when interrupt_quits) */
    QUIZ_END_INPUT_ENDED, /* a pipe ran dry */
    QUIZ_END_IDLE,        /* nothing typed for idle_ms */
    QUIZ_END_STOPPED,     /* SIGTERM or SIGHUP */
    QUIZ_END_READ_FAILED  /* reading stdin failed (errno is set) */
};

/* Words offered by tab completion besides the option texts (back, skip, help, quit). */
#define QUIZ_COMMAND_WORDS 4

struct quiz;
/* Called after every change to the answers (take saves them here). */
typedef void (*quiz_changed_fn)(struct quiz *quiz);

struct quiz {
    const cq_model *model;
    struct quiz_look look;
    line_reader *reader;
    cq_answers *answers;
    int idle_ms;          /* give up after this long without input; -1 waits for ever */
    bool interrupt_quits; /* Ctrl-C leaves the quiz (kiosk) instead of clearing the line */
    bool first_screen;    /* the welcome text is still on the screen: do not clear it */
    quiz_changed_fn changed;
    void *owner; /* the command running the quiz, for `changed` */
    size_t at;   /* the question on screen when the loop ended */
    /* What Tab completes at the question on screen. It lives in the quiz, not in a stack
     * frame, and quiz_run takes it back from the reader before it returns. */
    const char *words[CQ_MAX_OPTIONS + QUIZ_COMMAND_WORDS];
};

/* Asks from question `start` on until every required question is answered, or until the
 * person or the input stops the quiz. Tab completes nothing once it returns. */
enum quiz_end quiz_run(struct quiz *quiz, size_t start);

#endif /* CQ_CLI_QUIZ_H */
