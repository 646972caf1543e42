/* warnings.c: warnings about answers that look degenerate (docs/scoring.md). */
#include "internal.h"

/* Indexed by the bit number of each cq_warning. */
static const struct {
    const char *code, *text;
} warnings[CQ_WARNING_COUNT] = {
    {"same-position", "every choice question was answered with the option in the same position, "
                      "which can mean the questions were not read"},
    {"scale-middle", "every scale question was answered at its midpoint, so the scales say "
                     "little about where you lean"},
    {"scale-end", "every scale question was answered at the same end of its range"},
    {"few-answers", "fewer than half of the questions are answered, so the ranking rests on "
                    "little evidence"},
    {"education-filter-unanswered", "the education filter needs an answer to the education "
                                    "question, so no role was set apart"},
    {"education-filter-all", "every role usually expects more education than you reported, so "
                             "the education filter set none apart"},
};

/* The table index of a single warning bit, or CQ_WARNING_COUNT when it is not one. */
static unsigned warning_index(cq_warning w)
{
    unsigned bits = (unsigned)w;
    for (unsigned i = 0; i < CQ_WARNING_COUNT; i++)
        if (bits == 1u << i)
            return i;
    return CQ_WARNING_COUNT;
}

const char *cq_warning_code(cq_warning w)
{
    unsigned i = warning_index(w);
    return i < CQ_WARNING_COUNT ? warnings[i].code : NULL;
}

const char *cq_warning_text(cq_warning w)
{
    unsigned i = warning_index(w);
    return i < CQ_WARNING_COUNT ? warnings[i].text : NULL;
}

/* Every answered choice question has exactly one option, at the same position counted from
 * the start or from the end (first everywhere, or last everywhere). */
static bool same_position(const cq_answers *a)
{
    const cq_model *m = a->model;
    size_t answered = 0, position = CQ_NONE;
    bool same_first = true, same_last = true;
    for (size_t q = 0; q < m->question_count; q++) {
        const cq_question_def *d = &m->questions[q];
        if (!a->answered[q] || d->type == CQ_SCALE)
            continue;
        if (cq_answers_option_count(a, q) != 1)
            return false; /* picking several is a considered answer, not a pattern */
        size_t option = cq_answers_option(a, q, 0);
        if (position == CQ_NONE)
            position = option;
        same_first &= option == position;
        same_last &= option + 1 == d->option_count;
        answered++;
    }
    return answered >= CQ_PATTERN_MIN_ANSWERS && (same_first || same_last);
}

/* CQ_WARN_SCALE_MIDDLE or CQ_WARN_SCALE_END when every scale answer sits at the midpoint (one of
 * the two middle points of a scale with an even number of points), or every one at its minimum,
 * or every one at its maximum. */
static unsigned scale_pattern(const cq_answers *a)
{
    const cq_model *m = a->model;
    size_t answered = 0;
    bool middle = true, low = true, high = true;
    for (size_t q = 0; q < m->question_count; q++) {
        const cq_question_def *d = &m->questions[q];
        if (!a->answered[q] || d->type != CQ_SCALE)
            continue;
        long v = a->value[q];
        /* The midpoint; a scale with an even number of points (0..5) has two middle points. */
        long twice = 2 * v - (long)(d->min + d->max);
        middle &= twice >= -1 && twice <= 1;
        low &= v == d->min;
        high &= v == d->max;
        answered++;
    }
    if (answered < CQ_PATTERN_MIN_ANSWERS)
        return 0;
    return (middle ? CQ_WARN_SCALE_MIDDLE : 0u) | (low || high ? CQ_WARN_SCALE_END : 0u);
}

unsigned cq__answer_warnings(const cq_answers *a)
{
    unsigned w = same_position(a) ? CQ_WARN_SAME_POSITION : 0u;
    w |= scale_pattern(a);
    if (2 * cq_answers_count(a) < a->model->question_count)
        w |= CQ_WARN_FEW_ANSWERS;
    return w;
}
