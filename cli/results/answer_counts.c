/* answer_counts.c: which of the options a person picked earn a role points, in words. */

#include <math.h>
#include <stdbool.h>

#include "answer_counts.h"

/* Differences below this are rounding, not points. */
#define COUNTS_EPSILON 1e-9

/* True when a pick-all option gives some trait that `role` weighs a value above 0. */
static bool option_counts_for(const cq_model *model, size_t q, size_t o, size_t role)
{
    size_t t, n = cq_model_trait_count(model);

    for (t = 0; t < n; t++)
        if (cq_option_trait(model, q, o, t) > 0 && cq_role_importance(model, role, t) > 0)
            return true;
    return false;
}

/* True when a pick-all option sets traits but gives each of them 0: ticking it adds nothing to
 * any trait, so it changes no role's score ("Go", "Excel"). Exclusive options ("None of these
 * yet") are not ticked beside others and say so themselves. */
static bool option_adds_nothing(const cq_model *model, size_t q, size_t o)
{
    size_t t, n = cq_model_trait_count(model);
    bool sets = false;

    if (cq_option_exclusive(model, q, o))
        return false;
    for (t = 0; t < n; t++) {
        double value = cq_option_trait(model, q, o, t);
        if (value > 0)
            return false;
        sets = sets || value >= 0;
    }
    return sets;
}

double answer_closeness(const cq_model *model, size_t trait, double v, double tau)
{
    double reach = tau > 1 - tau ? tau : 1 - tau;

    if (cq_trait_is_level(model, trait) && v >= tau)
        return 1;
    return 1 - fabs(v - tau) / reach;
}

/* True when a one-choice option says something and earns every role nothing on its question:
 * each trait the question measures that a role weighs is at its farthest from the role's
 * target (a trait the option leaves out gets 0, docs/scoring.md). */
static bool option_earns_no_role(const cq_model *model, size_t q, size_t o)
{
    size_t t, r, k, traits = cq_model_trait_count(model),
                    options = cq_question_option_count(model, q);
    bool says = false;

    for (t = 0; t < traits; t++)
        says = says || cq_option_trait(model, q, o, t) >= 0;
    for (t = 0; says && t < traits; t++) {
        double v = cq_option_trait(model, q, o, t);
        bool measured = false;
        for (k = 0; k < options && !measured; k++)
            measured = cq_option_trait(model, q, k, t) >= 0;
        if (!measured)
            continue;
        for (r = 0; r < cq_model_role_count(model); r++)
            if (cq_role_importance(model, r, t) > 0 &&
                answer_closeness(model, t, v < 0 ? 0 : v, cq_role_target(model, r, t)) >
                    COUNTS_EPSILON)
                return false;
    }
    return says;
}

/* Writes the picked options that pass `test` (for `role`), quoted and joined as "A", "A" and
 * "B", "A", "B" and "C"; returns how many. With out NULL, only counts them. */
static size_t write_picked(FILE *out, const cq_model *model, const cq_answers *answers, size_t q,
                           size_t role, bool (*test)(const cq_model *, size_t, size_t, size_t))
{
    size_t i, n = cq_answers_option_count(answers, q), total = 0, shown = 0;

    for (i = 0; i < n; i++)
        total += test(model, q, cq_answers_option(answers, q, i), role);
    for (i = 0; out && i < n; i++) {
        size_t o = cq_answers_option(answers, q, i);
        if (!test(model, q, o, role))
            continue;
        shown++;
        /* Quoted: option texts have commas of their own ("SAS, statistics software"). */
        fprintf(out, "%s\"%s\"",
                shown == 1       ? ""
                : shown == total ? " and "
                                 : ", ",
                cq_option_text(model, q, o));
    }
    return total;
}

static bool counts(const cq_model *model, size_t q, size_t o, size_t role)
{
    return option_counts_for(model, q, o, role);
}

static bool counts_for_none(const cq_model *model, size_t q, size_t o, size_t role)
{
    (void)role;
    return option_adds_nothing(model, q, o);
}

static void write_multi(FILE *out, const cq_model *model, const cq_answers *answers, size_t role,
                        size_t q)
{
    size_t i, picked = cq_answers_option_count(answers, q), none;
    size_t counting = write_picked(NULL, model, answers, q, role, counts);

    for (i = 0; i < picked; i++)
        if (cq_option_exclusive(model, q, cq_answers_option(answers, q, i)))
            return; /* "None of these yet": compared with ticking one option */
    if (counting == picked)
        return;
    none = write_picked(NULL, model, answers, q, role, counts_for_none);
    if (counting > 0) {
        fputs(". Points come from ", out);
        write_picked(out, model, answers, q, role, counts);
    } else if (none < picked) {
        fputs(picked == 1 ? ". It earns this role no points"
                          : ". None of them earns this role points",
              out);
    }
    if (none > 0) {
        fputs(". ", out);
        write_picked(out, model, answers, q, role, counts_for_none);
        fputs(none == 1 ? " counts for no role" : " count for no role", out);
    }
    fputc('.', out);
}

void answer_counts_write(FILE *out, const cq_model *model, const cq_answers *answers, size_t role,
                         size_t q)
{
    if (!cq_answers_has(answers, q))
        return;
    if (cq_question_type_of(model, q) == CQ_MULTI)
        write_multi(out, model, answers, role, q);
    else if (cq_question_type_of(model, q) == CQ_SINGLE &&
             option_earns_no_role(model, q, cq_answers_option(answers, q, 0)))
        fputs(". It counts for no role: the number compares it with the average of the other "
              "answers.",
              out);
}
