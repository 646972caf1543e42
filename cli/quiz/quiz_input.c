/* quiz_input.c: parsing what the person typed at a question. */
#include "quiz_input.h"

#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static void invalid(quiz_input *out, const char *format, ...)
{
    va_list ap;
    va_start(ap, format);
    vsnprintf(out->message, sizeof out->message, format, ap);
    va_end(ap);
    out->action = QUIZ_INVALID;
}

/* Copies text without leading and trailing white space into buf. */
static void trim(const char *text, char *buf, size_t size)
{
    while (isspace((unsigned char)*text))
        text++;
    size_t n = strlen(text);
    while (n > 0 && isspace((unsigned char)text[n - 1]))
        n--;
    if (n >= size)
        n = size - 1;
    memcpy(buf, text, n);
    buf[n] = '\0';
}

static bool is_command(const char *word, const char *const *names)
{
    for (; *names; names++)
        if (strcasecmp(word, *names) == 0)
            return true;
    return false;
}

/* A whole number with nothing else; false when text is not one. */
static bool parse_number(const char *text, long *out)
{
    if (!*text)
        return false;
    char *end;
    errno = 0;
    long v = strtol(text, &end, 10);
    if (errno || *end || !(isdigit((unsigned char)*text) || *text == '-' || *text == '+'))
        return false;
    *out = v;
    return true;
}

/* True when some word of text (after a space or punctuation) starts with the len bytes of
 * item, ignoring case. */
static bool starts_a_word(const char *text, const char *item, size_t len)
{
    for (const char *p = text; *p; p++) {
        bool word_start = p == text || (!isalnum((unsigned char)p[-1]) && p[-1] != '\'');
        if (word_start && isalnum((unsigned char)*p) && strncasecmp(p, item, len) == 0)
            return true;
    }
    return false;
}

/* Counts the options whose text (or, with any_word, any word of it) starts with item; *found
 * is the last of them. */
static size_t count_matches(const cq_model *m, size_t q, const char *item, size_t len,
                            bool any_word, size_t *found)
{
    size_t matches = 0;
    for (size_t o = 0; o < cq_question_option_count(m, q); o++) {
        const char *text = cq_option_text(m, q, o);
        if (any_word ? starts_a_word(text, item, len) : strncasecmp(item, text, len) == 0) {
            *found = o;
            matches++;
        }
    }
    return matches;
}

/* Finds the option `item` names: its number, its id, or the start of its text. Returns
 * false after filling out's message. */
static bool find_option(const cq_model *m, size_t q, const char *item, quiz_input *out,
                        size_t *option)
{
    size_t n = cq_question_option_count(m, q);
    long number;
    if (parse_number(item, &number)) {
        if (number < 1 || (size_t)number > n) {
            invalid(out, "there is no option %ld: choose a number from 1 to %zu", number, n);
            return false;
        }
        *option = (size_t)number - 1;
        return true;
    }
    size_t len = strlen(item);
    for (size_t o = 0; o < n; o++)
        if (strcasecmp(item, cq_option_id(m, q, o)) == 0 ||
            strcasecmp(item, cq_option_text(m, q, o)) == 0) {
            *option = o; /* an exact id or text beats any prefix */
            return true;
        }
    size_t found = 0;
    size_t matches = count_matches(m, q, item, len, false, &found);
    /* Nothing starts that way: people type a keyword ("tech" for "A technology company"),
     * so try the start of every word, still asking for one clear match. */
    if (matches == 0)
        matches = count_matches(m, q, item, len, true, &found);
    if (matches == 1) {
        *option = found;
        return true;
    }
    if (matches == 0)
        invalid(out,
                "\"%.60s\" is not one of the options: type its number or the start of its "
                "text",
                item);
    else
        invalid(out, "\"%.60s\" fits %zu options: type more of it, or the number", item, matches);
    return false;
}

/* True when the whole of text names exactly one option of q (its number, id or the start of
 * its text). */
static bool names_one_option(const cq_model *m, size_t q, const char *text)
{
    quiz_input scratch; /* find_option's message is not wanted here */
    size_t option;
    return find_option(m, q, text, &scratch, &option);
}

static void parse_choices(const cq_model *m, size_t q, char *text, quiz_input *out)
{
    bool multi = cq_question_type_of(m, q) == CQ_MULTI;
    /* Items are separated by commas. Without commas, a pick-all answer may also be numbers or
     * words separated by spaces ("1 3 5", "git docker jenkins"), unless the whole text names
     * one option ("apache spark", "power bi"). */
    const char *separators = ",";
    if (multi && !strchr(text, ',') && strpbrk(text, " \t") && !names_one_option(m, q, text))
        separators = " \t";
    out->count = 0;
    char *save = NULL;
    for (char *item = strtok_r(text, separators, &save); item;
         item = strtok_r(NULL, separators, &save)) {
        char word[512];
        trim(item, word, sizeof word);
        if (!word[0])
            continue;
        size_t option;
        if (!find_option(m, q, word, out, &option))
            return;
        bool seen = false;
        for (size_t i = 0; i < out->count; i++)
            seen |= out->options[i] == option;
        if (!seen)
            out->options[out->count++] = option; /* "1,1" means option 1 */
    }
    if (out->count == 0) {
        invalid(out, "type an option's number or the start of its text");
        return;
    }
    if (!multi && out->count > 1) {
        invalid(out, "this question takes one answer: type a single number");
        return;
    }
    out->action = QUIZ_ANSWER;
}

static void parse_scale(const cq_model *m, size_t q, const char *text, quiz_input *out)
{
    int min = cq_scale_min(m, q), max = cq_scale_max(m, q);
    long v;
    if (parse_number(text, &v)) {
        if (v < min || v > max) {
            invalid(out, "%ld is outside the scale: type a whole number from %d to %d", v, min,
                    max);
            return;
        }
        out->value = v;
        out->action = QUIZ_ANSWER;
        return;
    }
    size_t matches = 0, len = strlen(text);
    for (size_t l = 0; l < cq_scale_label_count(m, q); l++)
        if (strncasecmp(text, cq_scale_label_text(m, q, l), len) == 0) {
            out->value = cq_scale_label_value(m, q, l);
            matches++;
        }
    if (matches == 1) {
        out->action = QUIZ_ANSWER;
        return;
    }
    invalid(out, "type a whole number from %d to %d", min, max);
}

void quiz_parse_input(const cq_model *m, size_t q, const char *line, bool has_answer,
                      quiz_input *out)
{
    static const char *const back[] = {"b", "back", NULL};
    static const char *const skip[] = {"s", "skip", NULL};
    static const char *const help[] = {"?", "h", "help", NULL};
    static const char *const quit[] = {"q", "quit", "exit", NULL};
    memset(out, 0, sizeof *out);
    char text[1024];
    trim(line, text, sizeof text);
    if (!text[0]) {
        if (has_answer)
            out->action = QUIZ_KEEP;
        else
            invalid(out, "type your answer, or ? for help");
        return;
    }
    if (is_command(text, back))
        out->action = QUIZ_BACK;
    else if (is_command(text, skip))
        out->action = QUIZ_SKIP;
    else if (is_command(text, help))
        out->action = QUIZ_HELP;
    else if (is_command(text, quit))
        out->action = QUIZ_QUIT;
    else if (cq_question_type_of(m, q) == CQ_SCALE)
        parse_scale(m, q, text, out);
    else
        parse_choices(m, q, text, out);
}
