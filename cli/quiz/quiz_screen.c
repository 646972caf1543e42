/* quiz_screen.c: renders the quiz's screens on stderr, fancy, simple or plain. */
#include "quiz_screen.h"

#include "safe_text.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

/* Seconds a person needs per question, for the "about N minutes" on the welcome screen. */
#define SECONDS_PER_QUESTION 15
#define PROGRESS_CELLS 20
/* Below this a progress bar would be too short to tell anything: the line goes without. */
#define MIN_PROGRESS_CELLS 5
/* Text is wrapped to the terminal, one column short of its edge (a character in the last
 * column moves some terminals' cursor on). Narrower than this nothing fits, so the quiz
 * wraps as if it were this wide; wider than the maximum, lines get too long to read. */
#define MIN_COLUMNS 10
#define MAX_COLUMNS 100
/* Below this width options and scale labels are indented less, so that their words fit. */
#define NARROW_COLUMNS 40

static size_t screen_columns(void)
{
    struct winsize ws;
    size_t columns = 80;
    if (isatty(STDERR_FILENO) && ioctl(STDERR_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0)
        columns = ws.ws_col;
    else if (getenv("COLUMNS") && atoi(getenv("COLUMNS")) > 0)
        columns = (size_t)atoi(getenv("COLUMNS"));
    if (columns < MIN_COLUMNS)
        columns = MIN_COLUMNS;
    return (columns > MAX_COLUMNS ? MAX_COLUMNS : columns) - 1;
}

void quiz_look_init(struct quiz_look *look, bool no_color, bool plain)
{
    memset(look, 0, sizeof *look);
    look->out = stderr;
    term_init(&look->term, no_color || plain);
    /* term_init looks at stdout; the quiz draws on stderr, so both must be terminals. */
    look->term.color = look->term.color && isatty(STDERR_FILENO);
    look->clear = look->term.color;
    look->plain = plain;
    look->columns = screen_columns();
}

void quiz_look_resize(struct quiz_look *look)
{
    look->columns = screen_columns();
}

/* Whether the terminal is so narrow that indents must shrink. */
static bool narrow(const struct quiz_look *look)
{
    return look->columns < NARROW_COLUMNS;
}

static void wrap(const struct quiz_look *look, const char *first, const char *rest,
                 const char *text)
{
    if (look->plain) { /* a screen reader wraps for itself */
        safe_puts(first, look->out);
        safe_puts(text, look->out);
        fputc('\n', look->out);
    } else
        term_wrap_width(look->out, look->columns, first, rest, text);
}

/* wrap in a style, closed at the end of each line (term_wrap_style). */
static void wrap_style(const struct quiz_look *look, enum term_style style, const char *first,
                       const char *rest, const char *text)
{
    if (look->plain) {
        fputs(term_begin(&look->term, style), look->out);
        safe_puts(first, look->out);
        safe_puts(text, look->out);
        fprintf(look->out, "%s\n", term_end(&look->term));
    } else
        term_wrap_style(look->out, &look->term, style, look->columns, first, rest, text);
}

size_t quiz_skipped_count(const cq_model *m, const cq_answers *answers)
{
    size_t skipped = 0;
    for (size_t q = 0; q < cq_model_question_count(m); q++)
        skipped += cq_answers_skipped(answers, q);
    return skipped;
}

void quiz_show_welcome(const struct quiz_look *look, const cq_model *m, const cq_answers *resumed,
                       size_t start)
{
    size_t n = cq_model_question_count(m);
    size_t minutes = (n * SECONDS_PER_QUESTION + 59) / 60;
    FILE *out = look->out;
    if (look->clear)
        fputs("\033[H\033[2J", out);
    wrap_style(look, TERM_ACCENT, "", "",
               "careerquiz: which data or machine learning role fits you?");
    char text[512];
    snprintf(text, sizeof text,
             "%zu questions, about %zu minutes. Your answers are compared with %zu roles, "
             "as five role-comparison articles describe them. At the end you get a ranking, "
             "the path that fits you best and tips for getting started.",
             n, minutes, cq_model_role_count(m));
    wrap(look, "", "", text);
    size_t answered = cq_answers_count(resumed), skipped = quiz_skipped_count(m, resumed);
    if (answered + skipped > 0) {
        /* A skip is named: without it the counts and the question shown next disagree. */
        int len =
            snprintf(text, sizeof text, "Welcome back: %zu of %zu questions answered", answered, n);
        if (skipped)
            len += snprintf(text + len, sizeof text - (size_t)len, ", %zu skipped", skipped);
        if (start < n)
            snprintf(text + len, sizeof text - (size_t)len, ". Going on at question %zu.",
                     start + 1);
        else
            snprintf(text + len, sizeof text - (size_t)len, ".");
        wrap(look, "", "", text);
    }
    wrap(look, "", "",
         "To answer, type an option's number (or the start of its text) and press Enter. "
         "For pick-all-that-apply questions type several numbers or words, such as 1,3 or git "
         "docker.");
    if (look->kiosk)
        wrap(look, "", "",
             "Commands: b goes back, s skips an optional question, ? shows help, q starts "
             "over. Your answers are not kept unless you finish, and nobody after you sees "
             "them.");
    else
        wrap(look, "", "",
             look->readline ? "Commands: b goes back, s skips an optional question, ? shows "
                              "help, q quits. Tab completes option texts. Ctrl-C clears what "
                              "you typed."
                            : "Commands: b goes back, s skips an optional question, ? shows "
                              "help, q quits.");
}

/* "  (*) 3. text": how an option shows, marked when it is part of the current answer. */
static void show_option(const struct quiz_look *look, const cq_model *m, size_t q, size_t o,
                        bool chosen)
{
    size_t n = cq_question_option_count(m, q);
    bool multi = cq_question_type_of(m, q) == CQ_MULTI;
    char first[64];
    if (look->plain) {
        fprintf(look->out, "Option %zu of %zu: ", o + 1, n);
        safe_puts(cq_option_text(m, q, o), look->out);
        fputs(chosen ? " (your current answer)\n" : "\n", look->out);
        return;
    }
    const char *mark = multi ? (chosen ? "[x]" : "[ ]") : (chosen ? "(*)" : "( )");
    if (narrow(look))
        snprintf(first, sizeof first, "%s%zu. ", mark, o + 1);
    else
        snprintf(first, sizeof first, "  %s %2zu. ", mark, o + 1);
    if (chosen)
        wrap_style(look, TERM_BOLD, first, narrow(look) ? "  " : "          ",
                   cq_option_text(m, q, o));
    else
        wrap(look, first, narrow(look) ? "  " : "          ", cq_option_text(m, q, o));
}

static void show_scale(const struct quiz_look *look, const cq_model *m, const cq_answers *a,
                       size_t q)
{
    FILE *out = look->out;
    int min = cq_scale_min(m, q), max = cq_scale_max(m, q);
    char first[32], text[96];
    if (look->plain)
        fprintf(out, "Answer with a whole number from %d to %d.\n", min, max);
    for (size_t l = 0; l < cq_scale_label_count(m, q); l++) {
        if (look->plain) {
            fprintf(out, "On this scale %d means: ", cq_scale_label_value(m, q, l));
            safe_puts(cq_scale_label_text(m, q, l), out);
            fputs(".\n", out);
            continue;
        }
        snprintf(first, sizeof first, narrow(look) ? "%d " : "  %3d  ",
                 cq_scale_label_value(m, q, l));
        wrap(look, first, narrow(look) ? "  " : "       ", cq_scale_label_text(m, q, l));
    }
    if (cq_answers_has(a, q)) {
        snprintf(text, sizeof text, "%s%ld",
                 look->plain ? "Your current answer is " : "Your answer: ", cq_answers_scale(a, q));
        wrap(look, look->plain ? "" : "  ", "  ", text);
    }
    if (!look->plain) {
        snprintf(text, sizeof text, "Type a whole number from %d to %d.", min, max);
        wrap(look, "  ", "  ", text);
    }
}

void quiz_show_question(const struct quiz_look *look, const cq_model *m, const cq_answers *a,
                        size_t q, bool below_welcome)
{
    FILE *out = look->out;
    size_t n = cq_model_question_count(m);
    bool optional = !cq_question_required(m, q);
    if (look->clear && !below_welcome)
        fputs("\033[H\033[2J", out);
    else
        fputc('\n', out);
    if (look->plain) {
        fprintf(out, "Question %zu of %zu%s: ", q + 1, n, optional ? ", optional" : "");
        safe_puts(cq_question_text(m, q), out);
        fputc('\n', out);
    } else {
        static const char optional_mark[] = "  (optional)";
        char header[64];
        size_t used = (size_t)snprintf(header, sizeof header, "Question %zu of %zu", q + 1, n);
        /* The bar gets what is left of the line, up to its full length, or nothing; the
         * optional mark follows on the line when it fits, else on one of its own. */
        size_t room = look->columns > used + 4 ? look->columns - used - 4 : 0;
        size_t cells = room < PROGRESS_CELLS ? room : PROGRESS_CELLS;
        fprintf(out, "%s%s%s", term_begin(&look->term, TERM_ACCENT), header, term_end(&look->term));
        if (cells >= MIN_PROGRESS_CELLS) {
            fputs("  [", out);
            term_bar(out, &look->term, (double)q / (double)n, cells);
            fputc(']', out);
            used += cells + 4;
        }
        if (optional && used + sizeof optional_mark - 1 <= look->columns)
            fputs(optional_mark, out);
        else if (optional)
            fputs("\n(optional)", out);
        fputs("\n\n", out);
        wrap(look, "", "", cq_question_text(m, q));
    }
    if (cq_question_help(m, q)[0])
        wrap(look, look->plain ? "Note: " : "", "", cq_question_help(m, q));
    if (!look->plain)
        fputc('\n', out);
    if (cq_question_type_of(m, q) == CQ_SCALE) {
        show_scale(look, m, a, q);
    } else {
        for (size_t o = 0; o < cq_question_option_count(m, q); o++)
            show_option(look, m, q, o, cq_answers_selected(a, q, o));
        if (cq_question_type_of(m, q) == CQ_MULTI)
            wrap(look, look->plain ? "" : "  ", look->plain ? "" : "  ",
                 "Pick all that apply: numbers or words, separated by spaces or commas.");
    }
    char keys[128];
    snprintf(keys, sizeof keys, "%s%s",
             cq_answers_has(a, q) ? "Press Enter to keep your answer. " : "",
             optional ? "Type s to skip, b to go back, ? for help, q to quit."
                      : "Type b to go back, ? for help, q to quit.");
    wrap(look, look->plain ? "" : "  ", "  ", keys);
}

void quiz_show_help(const struct quiz_look *look, const cq_model *m, size_t q)
{
    const char *how;
    switch (cq_question_type_of(m, q)) {
    case CQ_SCALE:
        how = "This question is a scale: type a whole number in its range, or the start of one "
              "of its labels.";
        break;
    case CQ_MULTI:
        how = "This question takes several answers: type their numbers, or the starts of their "
              "texts, separated by spaces or commas: 1 3 5, or 1,3,5, or the first word of each. "
              "When you type texts of several words, put commas between them.";
        break;
    default:
        how = "This question takes one answer: type its number, or enough of its text to tell it "
              "from the others.";
    }
    fputc('\n', look->out);
    wrap(look, "Help: ", "      ", how);
    wrap(look, "      ", "      ",
         look->kiosk ? "b or back returns to the previous question with your answer kept; s or "
                       "skip leaves an optional question unanswered; q or quit starts over and "
                       "forgets your answers. Commands come first: to pick an option that "
                       "starts with b, s or q, type more of its text."
                     : "b or back returns to the previous question with your answer kept; s or "
                       "skip leaves an optional question unanswered; q or quit stops, and "
                       "offers to save your answers so you can finish later. Commands come "
                       "first: to pick an option that starts with b, s or q, type more of its "
                       "text.");
}

void quiz_show_notice(const struct quiz_look *look, const char *text)
{
    /* Messages from the engine and the parser are lowercase phrases; on the quiz screen
     * they read as sentences. They quote what the person typed: it goes through the
     * sanitiser, so a typed (or pasted) escape sequence is shown, never obeyed. */
    char first[2] = {0};
    if (islower((unsigned char)text[0])) {
        first[0] = (char)toupper((unsigned char)text[0]);
        text++;
    }
    wrap_style(look, TERM_WARN, first, "", text);
}

const char *quiz_prompt(const struct quiz_look *look, const cq_model *m, const cq_answers *a,
                        size_t q, char *buf, size_t size)
{
    (void)a;
    if (look->plain)
        snprintf(buf, size, "Answer to question %zu: ", q + 1);
    else
        snprintf(buf, size, "Your answer: ");
    (void)m;
    return buf;
}
