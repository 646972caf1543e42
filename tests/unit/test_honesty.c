/* test_honesty.c: every claim a result makes holds when it is checked by re-scoring (issue 10).
 *
 * Over thousands of random answer sets and every persona and person file, it scores every
 * other answer of every question, and each question left out, and counts the claims that
 * re-scoring contradicts: a reason with the wrong sign, a skip that beats the best answer, a
 * tip that closes nothing or that the person already has, a degree holder told to get one, a
 * largest gap that is not named, a what-if with a nearer flip, an added tool that lowers a
 * role. Every count must be 0; the counts are printed. Only the public API is used. */
#include "fixtures.h"

#include <cjson/cJSON.h>
#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* Random answer sets, from two seeds; the issue asks for at least 2,000. */
#define RANDOM_SETS 1100
/* Scores closer than this are equal (sums taken in another order). */
#define TOLERANCE 1e-9
/* The most answers one question can have: subsets of up to 12 options, plus the exclusive. */
#define MAX_ANSWERS 4200

typedef fixture_mini fixture;

/* What was checked, and the violations of each rule. */
typedef struct {
    size_t sets, effects, alternatives, tips, gaps, what_ifs, tools, left_out;
    size_t wrong_sign, effect_off, skip_beats_best, tip_closes_nothing, tip_already_had,
        tip_names_had, degree_holder, gap_not_named, gap_no_closer, left_out_false, nearer_flip,
        what_if_false, tool_lowers, missed_flip, tip_unnamed_gap;
} counts;

/* One answer a question can have: a set of options (a bit mask) or a scale value. */
typedef struct {
    unsigned mask;
    long value;
} answer;

/* Every answer of question q, as a person could give it. */
static size_t answer_space(const cq_model *m, size_t q, answer *out)
{
    size_t n = 0, options = cq_question_option_count(m, q);
    if (cq_question_type_of(m, q) == CQ_SCALE) {
        for (long v = cq_scale_min(m, q); v <= cq_scale_max(m, q); v++)
            out[n++] = (answer){0, v};
        return n;
    }
    if (cq_question_type_of(m, q) == CQ_SINGLE) {
        for (size_t o = 0; o < options; o++)
            out[n++] = (answer){1u << o, 0};
        return n;
    }
    unsigned ordinary = 0;
    size_t k = 0;
    for (size_t o = 0; o < options; o++) {
        if (cq_option_exclusive(m, q, o))
            out[n++] = (answer){1u << o, 0};
        else {
            ordinary |= 1u << o;
            k++;
        }
    }
    assert_true(k <= CQ_WHAT_IF_SUBSET_OPTIONS);
    /* Every non-empty subset of the ordinary options. */
    for (unsigned sub = ordinary; sub; sub = (sub - 1) & ordinary)
        out[n++] = (answer){sub, 0};
    assert_true(n <= MAX_ANSWERS);
    return n;
}

static answer current(const cq_model *m, const cq_answers *a, size_t q)
{
    answer x = {0, 0};
    if (cq_question_type_of(m, q) == CQ_SCALE)
        x.value = cq_answers_scale(a, q);
    else
        for (size_t i = 0; i < cq_answers_option_count(a, q); i++)
            x.mask |= 1u << cq_answers_option(a, q, i);
    return x;
}

static void put(const cq_model *m, cq_answers *a, size_t q, answer x)
{
    if (cq_question_type_of(m, q) == CQ_SCALE) {
        assert_int_equal(cq_answers_set_scale(a, q, x.value, NULL), CQ_OK);
        return;
    }
    size_t chosen[32], n = 0;
    for (size_t o = 0; o < 32; o++)
        if ((x.mask >> o) & 1u)
            chosen[n++] = o;
    assert_int_equal(cq_answers_set_options(a, q, chosen, n, NULL), CQ_OK);
}

static bool same(const answer *a, const answer *b)
{
    return a->mask == b->mask && a->value == b->value;
}

static unsigned bits(unsigned x)
{
    unsigned n = 0;
    for (; x; x &= x - 1)
        n++;
    return n;
}

/* The size of the change from answer a to b, as the issue defines it: the distance on a scale
 * or on an ordered question's options, 1 between unordered options, options added or removed. */
static size_t steps(const cq_model *m, size_t q, bool answered, answer a, answer b)
{
    if (!answered)
        return cq_question_type_of(m, q) == CQ_MULTI ? bits(b.mask) : 1;
    switch (cq_question_type_of(m, q)) {
    case CQ_SCALE:
        return (size_t)labs(a.value - b.value);
    case CQ_MULTI:
        return bits(a.mask ^ b.mask);
    case CQ_SINGLE:
        break;
    }
    if (!cq_question_ordered(m, q))
        return 1;
    size_t i = 0, j = 0;
    while (!((a.mask >> i) & 1u))
        i++;
    while (!((b.mask >> j) & 1u))
        j++;
    return i > j ? i - j : j - i;
}

/* Every role's score for one answer to one question, the rest unchanged. */
typedef struct {
    answer given;
    double score[CQ_MAX_ROLES];
    size_t top;
    bool says_something; /* the answer gives some trait a value */
} scored;

static void score_into(const cq_model *m, const cq_answers *a, size_t q, scored *out)
{
    cq_result *r = NULL;
    cq_error err;
    assert_int_equal(cq_score(m, a, &r, &err), CQ_OK);
    for (size_t role = 0; role < cq_model_role_count(m); role++)
        out->score[role] = cq_result_score(r, role);
    out->top = cq_result_role_at(r, 0);
    out->says_something = false;
    for (size_t t = 0; t < cq_model_trait_count(m); t++)
        out->says_something |= cq_result_answer_trait(r, q, t) >= 0;
    cq_result_free(r);
}

/* The lowest education level a tip's text names ("a master's degree or a PhD": masters), or
 * (size_t)-1 when it names none. */
static size_t degree_named(const cq_model *m, const char *text)
{
    static const char *const words[][2] = {
        {"bachelor", "bachelors"}, {"master", "masters"}, {"PhD", "phd"}, {"doctorate", "phd"}};
    size_t q = cq_model_find_question(m, CQ_EDUCATION_QUESTION), lowest = (size_t)-1;
    for (size_t i = 0; i < sizeof words / sizeof *words; i++) {
        size_t level = cq_question_find_option(m, q, words[i][1]);
        if (strstr(text, words[i][0]) && level < lowest)
            lowest = level;
    }
    return lowest;
}

/* Whether text names `term`: it starts a word there, case-insensitive; a term of one or two
 * letters ("R") must match case and end a word as well. */
static bool text_names(const char *text, const char *term, size_t n)
{
    for (const char *p = text; n && *p; p++) {
        if (p > text && isalnum((unsigned char)p[-1]))
            continue;
        bool hit = n <= 2 ? strncmp(p, term, n) == 0 && !isalnum((unsigned char)p[n])
                          : strncasecmp(p, term, n) == 0;
        if (hit)
            return true;
    }
    return false;
}

/* Whether a tip's text names an option the person chose: the option's name is its text up to
 * the first ", " or " (" ("Apache Spark, which ..."), a leading "Apache " optional (the articles
 * say "Spark" and "Kafka"). A tool's option may hold two names ("Git or GitHub"): with `split`,
 * each side of an " or " is a name of its own. A subject's ("Artificial intelligence or machine
 * learning") is one name. */
static bool names_option(const char *tip, const char *option, bool split)
{
    size_t end = strcspn(option, ",(");
    while (end > 0 && option[end - 1] == ' ')
        end--;
    for (size_t start = 0; start < end;) {
        const char * or = split ? strstr(option + start, " or ") : NULL;
        size_t stop = or &&(size_t)(or -option) < end ? (size_t)(or -option) : end;
        const char *name = option + start;
        size_t n = stop - start;
        if (n > 7 && strncmp(name, "Apache ", 7) == 0 && text_names(tip, name + 7, n - 7))
            return true;
        if (text_names(tip, name, n))
            return true;
        start = stop + (stop < end ? 4 : 0);
    }
    return false;
}

/* The subjects of the scales that measure what a person has, as a tip would name them. */
static const char *const scale_subjects[][4] = {
    {"statistics", "statistic", "mathematic", NULL},
    {"software-practice", "software engineering", "programming", NULL},
};

/* Whether a tip tells the person to gain what their answers say they have: it names an option
 * they chose (a language, a tool, a subject), or the subject of a scale they answered at or
 * above the role's target. Aims are left out: they say what the person wants, not has. */
static bool tip_names_what_they_have(const cq_model *m, const cq_answers *a, const cq_result *r,
                                     size_t role, const char *tip)
{
    for (size_t q = 0; q < cq_model_question_count(m); q++) {
        if (!cq_answers_has(a, q) || cq_question_is_aim(m, q) || cq_question_ordered(m, q))
            continue;
        if (cq_question_type_of(m, q) != CQ_SCALE) {
            for (size_t i = 0; i < cq_answers_option_count(a, q); i++) {
                size_t o = cq_answers_option(a, q, i);
                if (!cq_option_exclusive(m, q, o) &&
                    names_option(tip, cq_option_text(m, q, o),
                                 cq_question_type_of(m, q) == CQ_MULTI))
                    return true;
            }
            continue;
        }
        for (size_t s = 0; s < sizeof scale_subjects / sizeof *scale_subjects; s++) {
            if (strcmp(cq_question_id(m, q), scale_subjects[s][0]) != 0)
                continue;
            bool named = false;
            for (size_t w = 1; w < 4 && scale_subjects[s][w]; w++)
                named |= text_names(tip, scale_subjects[s][w], strlen(scale_subjects[s][w]));
            for (size_t t = 0; named && t < cq_model_trait_count(m); t++) {
                double v = cq_result_answer_trait(r, q, t);
                if (v >= 0 && cq_role_importance(m, role, t) > 0 &&
                    v >= cq_role_target(m, role, t) - TOLERANCE)
                    return true;
            }
        }
    }
    return false;
}

static const cJSON *get(const cJSON *o, const char *key)
{
    return cJSON_GetObjectItemCaseSensitive(o, key);
}

/* The checks that need every answer of every question scored: effects, skipping, tools. */
static void check_alternatives(const cq_model *m, const cq_answers *a, const cq_result *r,
                               scored **alts, size_t *alt_count, counts *c)
{
    size_t roles = cq_model_role_count(m);
    cq_answers *work = NULL;
    assert_int_equal(cq_answers_clone(a, &work, NULL), CQ_OK);
    answer *space = malloc(MAX_ANSWERS * sizeof *space);
    assert_non_null(space);
    for (size_t q = 0; q < cq_model_question_count(m); q++) {
        bool answered = cq_answers_has(a, q);
        answer was = answered ? current(m, a, q) : (answer){0, 0};
        size_t n = answer_space(m, q, space);
        alt_count[q] = n;
        for (size_t i = 0; i < n; i++) {
            put(m, work, q, space[i]);
            alts[q][i].given = space[i];
            score_into(m, work, q, &alts[q][i]);
            c->alternatives++;
        }
        /* Left out: never above the best answer, for any role. */
        cq_answers_clear(work, q);
        bool any = true;
        cq_result *rs = NULL;
        cq_error err;
        if (cq_score(m, work, &rs, &err) != CQ_OK)
            any = false; /* nothing else answered: no ranking to compare */
        for (size_t role = 0; any && role < roles; role++) {
            double best = -1.0;
            for (size_t i = 0; i < n; i++)
                if (alts[q][i].score[role] > best)
                    best = alts[q][i].score[role];
            if (cq_result_score(rs, role) > best + TOLERANCE)
                c->skip_beats_best++;
        }
        cq_result_free(rs);
        if (answered)
            put(m, work, q, was);

        /* Effects: the score with this answer minus the mean over the answers it is compared
         * with, for every role: on a multi-choice question, ticking none of it ("None of these
         * yet" itself: each option ticked alone); otherwise the other answers that say
         * something. */
        if (answered) {
            bool multi = cq_question_type_of(m, q) == CQ_MULTI;
            unsigned ordinary = 0;
            for (size_t o = 0; multi && o < cq_question_option_count(m, q); o++)
                ordinary |= cq_option_exclusive(m, q, o) ? 0u : 1u << o;
            for (size_t role = 0; role < roles; role++) {
                double sum = 0.0, own = cq_result_score(r, role);
                size_t others = 0;
                bool says = true;
                for (size_t i = 0; i < n; i++) {
                    if (same(&alts[q][i].given, &was)) {
                        says = alts[q][i].says_something;
                        continue;
                    }
                    unsigned mask = alts[q][i].given.mask;
                    bool compared = !multi                  ? true
                                    : (was.mask & ordinary) ? !(mask & ordinary)
                                                            : bits(mask & ordinary) == 1;
                    if (alts[q][i].says_something && compared) {
                        sum += alts[q][i].score[role];
                        others++;
                    }
                }
                double expected = says && others ? own - sum / (double)others : 0.0;
                double effect = cq_result_effect(r, role, q);
                c->effects++;
                if (fabs(effect - expected) > 1e-6)
                    c->effect_off++;
                /* A reason is shown from 0.05 points on: its sign must be the re-scored one. */
                if (fabs(effect) >= 0.05 && (effect > 0) != (expected > 0))
                    c->wrong_sign++;
            }
        }

        /* Adding a tool, language or framework never lowers any role's score. */
        if (answered && cq_question_type_of(m, q) == CQ_MULTI) {
            for (size_t o = 0; o < cq_question_option_count(m, q); o++) {
                if (cq_option_exclusive(m, q, o) || ((was.mask >> o) & 1u))
                    continue;
                answer more = {was.mask | (1u << o), 0};
                for (size_t x = 0; x < cq_question_option_count(m, q); x++)
                    if (cq_option_exclusive(m, q, x))
                        more.mask &= ~(1u << x);
                for (size_t i = 0; i < n; i++) {
                    if (!same(&alts[q][i].given, &more))
                        continue;
                    c->tools++;
                    for (size_t role = 0; role < roles; role++)
                        if (alts[q][i].score[role] < cq_result_score(r, role) - TOLERANCE)
                            c->tool_lowers++;
                }
            }
        }
    }
    free(space);
    cq_answers_free(work);
}

/* Shown tips: each closes a gap that re-scoring confirms, and none is one the person has. */
static void check_tips(const cq_model *m, const cq_answers *a, const cq_result *r, scored **alts,
                       const size_t *alt_count, const cJSON *doc, counts *c)
{
    size_t top = cq_result_role_at(r, 0);
    const cJSON *tips = get(doc, "tips");
    assert_int_equal(cJSON_GetArraySize(tips), cq_result_tip_count(r, top));
    size_t education = cq_model_find_trait(m, "education");
    for (size_t rank = 0; rank < cq_result_tip_count(r, top); rank++) {
        size_t tip = cq_result_tip_at(r, top, rank);
        const cJSON *json = cJSON_GetArrayItem(tips, (int)rank);
        c->tips++;
        if (cJSON_GetArraySize(get(json, "closes")) == 0)
            c->tip_closes_nothing++;
        if (cq_tip_has_it(m, top, tip, a))
            c->tip_already_had++;
        if (tip_names_what_they_have(m, a, r, top, cq_tip_text(m, top, tip))) {
            c->tip_names_had++;
            if (c->tip_names_had <= 5)
                print_error("%s: the tip \"%s\" names what the answers say the person has\n",
                            cq_role_id(m, top), cq_tip_text(m, top, tip));
        }
        bool builds_education = false;
        for (size_t i = 0; i < cq_tip_trait_count(m, top, tip); i++)
            builds_education |= cq_tip_trait(m, top, tip, i) == education;
        size_t named = degree_named(m, cq_tip_text(m, top, tip));
        if (builds_education && named != (size_t)-1 && cq_answers_education_level(a) >= named)
            c->degree_holder++;
        /* Every trait it claims to close: some answer that raises it raises the role's score
         * (building it would help), found by re-scoring. */
        const cJSON *closes;
        cJSON_ArrayForEach(closes, get(json, "closes"))
        {
            size_t t = cq_model_find_trait(m, closes->valuestring);
            /* A tip closes only a gap "Where you fall short" names: one of the largest few. */
            bool named_gap = false;
            for (size_t g = 0; g < CQ_GAPS_NAMED; g++)
                named_gap |= cq_result_gap_at(r, top, g) == t;
            if (!named_gap && ++c->tip_unnamed_gap <= 5)
                print_error("%s: the tip \"%s\" closes %s, which is not a named shortfall\n",
                            cq_role_id(m, top), cq_tip_text(m, top, tip), closes->valuestring);
            bool helps = cq_result_gap(r, top, t) >= CQ_GAP_MIN;
            bool found = false;
            for (size_t q = 0; helps && !found && q < cq_model_question_count(m); q++) {
                double v = cq_result_answer_trait(r, q, t);
                if (v < 0)
                    continue;
                for (size_t i = 0; !found && i < alt_count[q]; i++) {
                    if (alts[q][i].score[top] <= cq_result_score(r, top) + TOLERANCE)
                        continue;
                    cq_answers *b = NULL;
                    cq_result *rb = NULL;
                    assert_int_equal(cq_answers_clone(a, &b, NULL), CQ_OK);
                    put(m, b, q, alts[q][i].given);
                    assert_int_equal(cq_score(m, b, &rb, NULL), CQ_OK);
                    found = cq_result_answer_trait(rb, q, t) > v;
                    cq_result_free(rb);
                    cq_answers_free(b);
                }
            }
            if (!found) {
                c->tip_closes_nothing++;
                if (c->tip_closes_nothing <= 5)
                    print_error("%s: a tip closes %s (%.2f points), but no answer that raises it "
                                "raises the score\n",
                                cq_role_id(m, top), closes->valuestring, cq_result_gap(r, top, t));
            }
        }
    }
}

/* A shortfall on a multi-choice answer that has part of what the trait counts says which options
 * the person left out (cli/result_view.c): each of them, added, must raise the trait. */
static void check_left_out(const cq_model *m, const cq_result *r, size_t q, size_t t, counts *c)
{
    const cq_answers *a = cq_result_answers(r);
    size_t chosen[32], n = 0, options = cq_question_option_count(m, q);
    bool partial = false;
    if (cq_question_type_of(m, q) != CQ_MULTI)
        return;
    for (size_t o = 0; o < options; o++)
        if (cq_answers_selected(a, q, o)) {
            chosen[n++] = o;
            partial |= !cq_option_exclusive(m, q, o) && cq_option_trait(m, q, o, t) > 0;
        }
    for (size_t o = 0; partial && o < options; o++) {
        if (cq_answers_selected(a, q, o) || cq_option_exclusive(m, q, o) ||
            cq_option_trait(m, q, o, t) <= 0)
            continue;
        cq_answers *b = NULL;
        cq_result *rb = NULL;
        assert_int_equal(cq_answers_clone(a, &b, NULL), CQ_OK);
        chosen[n] = o;
        assert_int_equal(cq_answers_set_options(b, q, chosen, n + 1, NULL), CQ_OK);
        assert_int_equal(cq_score(m, b, &rb, NULL), CQ_OK);
        c->left_out++;
        if (cq_result_answer_trait(rb, q, t) <= cq_result_answer_trait(r, q, t) + TOLERANCE)
            c->left_out_false++;
        cq_result_free(rb);
        cq_answers_free(b);
    }
}

/* The largest shortfalls are named, in the order of their size, with words for each. */
static void check_gaps(const cq_model *m, const cq_result *r, const cJSON *doc, counts *c)
{
    size_t top = cq_result_role_at(r, 0);
    const cJSON *gaps = get(doc, "gaps");
    /* The three largest, found by sorting every trait's shortfall here. */
    size_t largest[CQ_GAPS_NAMED], n = 0;
    for (size_t t = 0; t < cq_model_trait_count(m); t++) {
        double gap = cq_result_gap(r, top, t);
        if (gap < CQ_GAP_MIN)
            continue;
        size_t j = n < CQ_GAPS_NAMED ? n++ : CQ_GAPS_NAMED;
        for (; j > 0 && cq_result_gap(r, top, largest[j - 1]) < gap - TOLERANCE; j--)
            if (j < CQ_GAPS_NAMED)
                largest[j] = largest[j - 1];
        if (j < CQ_GAPS_NAMED)
            largest[j] = t;
    }
    for (size_t i = 0; i < n; i++) {
        const cJSON *g = cJSON_GetArrayItem(gaps, (int)i);
        c->gaps++;
        const cJSON *label = g ? get(g, "label") : NULL, *expects = g ? get(g, "expects") : NULL;
        bool named = g && label && cJSON_IsString(label) && label->valuestring[0] && expects &&
                     cJSON_IsString(expects) && expects->valuestring[0] && get(g, "answer") &&
                     strcmp(get(g, "trait")->valuestring, cq_trait_id(m, largest[i])) == 0;
        if (!named)
            c->gap_not_named++;
        if (named)
            check_left_out(m, r, cq_model_find_question(m, get(g, "question")->valuestring),
                           largest[i], c);
        /* What closes it: the tips shown, or else the profile's items that name it. */
        const cJSON *tips = g ? get(g, "tips") : NULL, *items = g ? get(g, "items") : NULL;
        if (cJSON_GetArraySize(tips) + cJSON_GetArraySize(items) == 0) {
            c->gap_no_closer++;
            if (c->gap_no_closer <= 5)
                print_error("%s: the shortfall on %s names nothing that closes it\n",
                            cq_role_id(m, top), cq_trait_id(m, largest[i]));
        }
    }
}

/* Each what-if flips the result when re-scored, and no answer of its question nearer than it
 * flips it too; those the person can act on come first, each group nearest first. */
static void check_what_ifs(const cq_model *m, const cq_answers *a, const cq_result *r,
                           scored **alts, const size_t *alt_count, counts *c)
{
    size_t top = cq_result_role_at(r, 0);
    cq_changes *changes = NULL;
    assert_int_equal(cq_changes_find(r, CQ_WHAT_IF_SHOWN, &changes, NULL), CQ_OK);
    for (size_t i = 0; i < cq_changes_count(changes); i++) {
        size_t q = cq_change_question(changes, i), s = cq_change_steps(changes, i);
        bool answered = cq_answers_has(a, q);
        answer was = answered ? current(m, a, q) : (answer){0, 0};
        answer to = current(m, cq_change_answers(changes, i), q);
        c->what_ifs++;
        cq_result *again = NULL;
        assert_int_equal(cq_score(m, cq_change_answers(changes, i), &again, NULL), CQ_OK);
        if (cq_result_role_at(again, 0) == top ||
            cq_result_role_at(again, 0) != cq_change_new_top(changes, i) ||
            steps(m, q, answered, was, to) != s)
            c->what_if_false++;
        cq_result_free(again);
        for (size_t k = 0; k < alt_count[q]; k++) {
            if (answered && same(&alts[q][k].given, &was))
                continue;
            if (steps(m, q, answered, was, alts[q][k].given) < s && alts[q][k].top != top)
                c->nearer_flip++;
        }
        if (i > 0) {
            bool before = cq_change_actionable(changes, i - 1),
                 now = cq_change_actionable(changes, i);
            if ((!before && now) || (before == now && cq_change_steps(changes, i - 1) > s))
                c->nearer_flip++;
        }
    }
    cq_changes_free(changes);
    /* The whole search, every change kept, finds a change to exactly the questions where some
     * other answer flips the result when re-scored, and counts every such answer. */
    cq_changes *all = NULL;
    assert_int_equal(cq_changes_find(r, SIZE_MAX, &all, NULL), CQ_OK);
    size_t flips = 0;
    for (size_t q = 0; q < cq_model_question_count(m); q++) {
        bool answered = cq_answers_has(a, q), flipped = false, listed = false;
        answer was = answered ? current(m, a, q) : (answer){0, 0};
        for (size_t k = 0; k < alt_count[q]; k++) {
            if (answered && same(&alts[q][k].given, &was))
                continue;
            flips += alts[q][k].top != top;
            flipped |= alts[q][k].top != top;
        }
        for (size_t i = 0; i < cq_changes_count(all); i++)
            listed |= cq_change_question(all, i) == q;
        c->missed_flip += flipped != listed;
    }
    c->missed_flip += flips != cq_changes_total(all);
    cq_changes_free(all);
}

static void check_set(const cq_model *m, const cq_answers *a, counts *c)
{
    size_t nq = cq_model_question_count(m);
    scored **alts = calloc(nq, sizeof *alts);
    size_t *alt_count = calloc(nq, sizeof *alt_count);
    assert_non_null(alts);
    for (size_t q = 0; q < nq; q++)
        assert_non_null(alts[q] = malloc(MAX_ANSWERS * sizeof **alts));
    cq_result *r = NULL;
    char *text = NULL;
    assert_int_equal(cq_score(m, a, &r, NULL), CQ_OK);
    assert_int_equal(cq_result_to_json(m, r, &text, NULL, NULL), CQ_OK);
    cJSON *doc = cJSON_Parse(text);
    assert_non_null(doc);
    cq_free(cq_model_context(m), text);

    check_alternatives(m, a, r, alts, alt_count, c);
    check_tips(m, a, r, alts, alt_count, doc, c);
    check_gaps(m, r, doc, c);
    check_what_ifs(m, a, r, alts, alt_count, c);
    c->sets++;

    cJSON_Delete(doc);
    cq_result_free(r);
    for (size_t q = 0; q < nq; q++)
        free(alts[q]);
    free(alts);
    free(alt_count);
}

/* Each rule with the count of its violations in counts, as the report names it. */
static const struct {
    const char *label;
    size_t offset;
} violations[] = {
    {"reasons with the wrong sign", offsetof(counts, wrong_sign)},
    {"effects off their re-scoring", offsetof(counts, effect_off)},
    {"skips beating the best answer", offsetof(counts, skip_beats_best)},
    {"tips closing nothing", offsetof(counts, tip_closes_nothing)},
    {"tips closing an unnamed gap", offsetof(counts, tip_unnamed_gap)},
    {"tips the person already has", offsetof(counts, tip_already_had)},
    {"tips naming what the person has", offsetof(counts, tip_names_had)},
    {"degree holders told to get one", offsetof(counts, degree_holder)},
    {"top-3 gaps not named", offsetof(counts, gap_not_named)},
    {"top-3 gaps with nothing to close", offsetof(counts, gap_no_closer)},
    {"options left out that add nothing", offsetof(counts, left_out_false)},
    {"what-ifs with a nearer flip", offsetof(counts, nearer_flip)},
    {"flips the whole search missed", offsetof(counts, missed_flip)},
    {"what-ifs that do not hold", offsetof(counts, what_if_false)},
    {"added tools lowering a role", offsetof(counts, tool_lowers)},
};

static size_t count_of(const counts *c, size_t offset)
{
    return *(const size_t *)((const char *)c + offset);
}

static void report(const char *what, const counts *c)
{
    print_message("%s: %zu answer sets, %zu answers re-scored, %zu effects, %zu tips, %zu gaps, "
                  "%zu what-ifs, %zu tools added\n",
                  what, c->sets, c->alternatives, c->effects, c->tips, c->gaps, c->what_ifs,
                  c->tools);
    for (size_t i = 0; i < sizeof violations / sizeof *violations; i++) {
        print_message("  %-34s %zu", violations[i].label, count_of(c, violations[i].offset));
        if (violations[i].offset == offsetof(counts, left_out_false))
            print_message(" of %zu", c->left_out);
        print_message("\n");
    }
}

static void assert_no_violation(const counts *c)
{
    for (size_t i = 0; i < sizeof violations / sizeof *violations; i++)
        if (count_of(c, violations[i].offset) != 0)
            fail_msg("%s: %zu", violations[i].label, count_of(c, violations[i].offset));
}

static void random_answer_sets_make_no_claim_that_re_scoring_contradicts(void **state)
{
    fixture *f = *state;
    const uint64_t seeds[] = {10, 20261201};
    counts c;
    memset(&c, 0, sizeof c);
    for (size_t s = 0; s < sizeof seeds / sizeof *seeds; s++) {
        uint64_t seed = seeds[s];
        for (int i = 0; i < RANDOM_SETS; i++) {
            cq_answers *a = NULL;
            assert_int_equal(cq_answers_new(f->model, &a, NULL), CQ_OK);
            fixture_random_answers(f->model, a, &seed);
            /* Leave some optional questions out, so answering one is tried too. */
            for (size_t q = 0; q < cq_model_question_count(f->model); q++)
                if (!cq_question_required(f->model, q) && fixture_next_random(&seed) % 4 == 0)
                    cq_answers_clear(a, q);
            check_set(f->model, a, &c);
            cq_answers_free(a);
        }
    }
    report("random answers", &c);
    /* The checks must have had something to check. */
    assert_true(c.sets >= 2000 && c.tips > c.sets && c.gaps > c.sets && c.what_ifs > c.sets / 2 &&
                c.tools > c.sets && c.left_out > 0);
    assert_no_violation(&c);
}

/* The model, and what the answer files' checks found. */
typedef struct {
    const cq_model *model;
    counts c;
} file_check;

/* fixture_each_answer_file's callback: check_set on the file's answers. */
static void check_file(const char *path, const char *json, size_t size, void *ctx)
{
    file_check *fc = ctx;
    (void)path;
    (void)size;
    cq_answers *a = fixture_answers(fc->model, json);
    check_set(fc->model, a, &fc->c);
    cq_answers_free(a);
}

static void personas_and_people_make_no_claim_that_re_scoring_contradicts(void **state)
{
    fixture *f = *state;
    file_check fc;
    memset(&fc, 0, sizeof fc);
    fc.model = f->model;
    fixture_each_answer_file(check_file, &fc);
    counts c = fc.c;
    report("personas and people", &c);
    assert_true(c.sets >= 16);
    assert_no_violation(&c);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(random_answer_sets_make_no_claim_that_re_scoring_contradicts),
        cmocka_unit_test(personas_and_people_make_no_claim_that_re_scoring_contradicts),
    };
    return cmocka_run_group_tests_name("honesty", tests, fixture_shipped_setup,
                                       fixture_mini_teardown);
}
