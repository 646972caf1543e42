/* phrases.c: the phrases two lists of texts have in common, for comparing role profiles. */
#include "internal.h"

#include <string.h>

/*
 * Profile items are prose written per role, so two roles rarely share an item word for word.
 * What they do share is words and runs of words ("TensorFlow, PyTorch and scikit-learn",
 * "Healthcare organisations"). A phrase counts as shared when the same run of words, after
 * normalising case, plurals and possessives, appears in an item of each list. Grammatical
 * words (and, the, of...) and a few verbs that say nothing alone (work, use...) never make a
 * phrase on their own and are trimmed from its ends. Matching is on whole words only, so
 * "R" never matches inside "React".
 */

/* Normalised forms of words that carry no meaning alone. */
static const char *const stop_words[] = {
    "about",
    "after",
    "all",
    "also",
    "among",
    "an",
    "and",
    "any",
    "are",
    "as",
    "at",
    "be",
    "both",
    "but",
    "by",
    "each",
    "for",
    "from",
    "get",
    "has",
    "have",
    "help",
    "how",
    "in",
    "into",
    "including",
    "is",
    "it",
    "its",
    "keep",
    "like",
    "make",
    "more",
    "most",
    "need",
    "of",
    "often",
    "on",
    "once",
    "one",
    "or",
    "other",
    "over",
    "own",
    "per",
    "run",
    "set",
    "so",
    "some",
    "such",
    "than",
    "that",
    "the",
    "their",
    "them",
    "they",
    "these",
    "this",
    "those",
    "through",
    "to",
    "up",
    "use",
    "usually",
    "via",
    "well",
    "what",
    "when",
    "where",
    "which",
    "while",
    "who",
    "with",
    "work",
    "you",
    "your",
    /* Words about how well, not what: "good", "solid", "working knowledge". */
    "able",
    "command",
    "experience",
    "good",
    "knowledge",
    "new",
    "solid",
    "sound",
    "strong",
    "working",
};

typedef struct word {
    const char *start; /* in the original text */
    size_t len;
    char *norm; /* normalised form, NUL-terminated, in the arena */
    bool stop;
} word;

typedef struct text_words {
    const char *text;
    word *words;
    size_t count;
} text_words;

static bool is_word_byte(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           c >= 0x80 || c == '+' || c == '#' || c == '\'' || c == '-';
}

static bool is_ascii_alnum(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

static bool ends_with(const char *s, size_t len, const char *suffix)
{
    size_t n = strlen(suffix);
    return len >= n && memcmp(s + len - n, suffix, n) == 0;
}

/* Lowercases and strips possessives and plurals: "Master's" -> "master", "models" -> "model",
 * "industries" -> "industry". Never shortens words of 3 letters ("AWS", "has" stay). */
static void normalise(char *s)
{
    size_t len = strlen(s);
    for (size_t i = 0; i < len; i++)
        if (s[i] >= 'A' && s[i] <= 'Z')
            s[i] = (char)(s[i] - 'A' + 'a');
    if (ends_with(s, len, "'s"))
        len -= 2;
    else if (ends_with(s, len, "\xe2\x80\x99s")) /* a typographic apostrophe */
        len -= 4;
    if (len > 3 && ends_with(s, len, "ies")) {
        s[len - 3] = 'y';
        len -= 2;
    } else if (len > 3 && s[len - 1] == 's' && !ends_with(s, len, "ss") &&
               !ends_with(s, len, "us") && !ends_with(s, len, "is")) {
        len--;
    }
    s[len] = '\0';
}

static bool is_stop(const char *norm, size_t raw_len, const char *raw)
{
    /* A lone letter is grammar ("a", "A", "I"), except capitals that name a language (R, C). */
    if (raw_len == 1)
        return !(raw[0] >= 'B' && raw[0] <= 'Z' && raw[0] != 'I') &&
               !(raw[0] >= '0' && raw[0] <= '9');
    for (size_t i = 0; i < sizeof stop_words / sizeof *stop_words; i++)
        if (strcmp(norm, stop_words[i]) == 0)
            return true;
    return false;
}

/* Splits text into words, trimming quotes and hyphens at their ends. False when out of memory. */
static bool split(cq_arena *arena, const char *text, text_words *out)
{
    size_t cap = strlen(text) / 2 + 1; /* a word and a separator take at least 2 bytes */
    out->text = text;
    out->count = 0;
    out->words = cq__arena_alloc(arena, cap, sizeof *out->words);
    if (!out->words)
        return false;
    const char *p = text;
    while (*p) {
        if (!is_word_byte((unsigned char)*p)) {
            p++;
            continue;
        }
        const char *start = p;
        while (*p && is_word_byte((unsigned char)*p))
            p++;
        const char *end = p;
        while (start < end && (*start == '\'' || *start == '-'))
            start++;
        while (end > start && (end[-1] == '\'' || end[-1] == '-'))
            end--;
        bool any_alnum = false;
        for (const char *c = start; c < end; c++)
            any_alnum |= is_ascii_alnum((unsigned char)*c);
        if (!any_alnum || out->count == cap)
            continue; /* punctuation such as a dash between spaces */
        size_t len = (size_t)(end - start);
        char *norm = cq__arena_alloc(arena, len + 1, 1);
        if (!norm)
            return false;
        memcpy(norm, start, len);
        normalise(norm);
        word *w = &out->words[out->count++];
        *w = (word){start, len, norm, is_stop(norm, len, start)};
    }
    return true;
}

/* The length of the longest run of words from a->words[i] that also appears in some text of b. */
static size_t longest_run(const text_words *a, size_t i, const text_words *b, size_t nb)
{
    size_t best = 0;
    for (size_t t = 0; t < nb; t++)
        for (size_t p = 0; p < b[t].count; p++) {
            size_t n = 0;
            while (i + n < a->count && p + n < b[t].count &&
                   strcmp(a->words[i + n].norm, b[t].words[p + n].norm) == 0)
                n++;
            if (n > best)
                best = n;
        }
    return best;
}

/* A phrase found in a, as a run of its words. */
typedef struct phrase {
    const word *words;
    size_t count;
} phrase;

/* True when the words of x appear, in a row, within y. */
static bool contained(const phrase *x, const phrase *y)
{
    for (size_t start = 0; start + x->count <= y->count; start++) {
        size_t n = 0;
        while (n < x->count && strcmp(x->words[n].norm, y->words[start + n].norm) == 0)
            n++;
        if (n == x->count)
            return true;
    }
    return false;
}

cq_status cq__shared_phrases(cq_arena *arena, const char *const *a, size_t na, const char *const *b,
                             size_t nb, const char ***out, size_t *count, cq_error *err)
{
    text_words *wa = cq__arena_alloc(arena, na ? na : 1, sizeof *wa);
    text_words *wb = cq__arena_alloc(arena, nb ? nb : 1, sizeof *wb);
    bool ok = wa && wb;
    size_t words = 0;
    for (size_t i = 0; ok && i < na; i++) {
        ok = split(arena, a[i], &wa[i]);
        words += ok ? wa[i].count : 0;
    }
    for (size_t i = 0; ok && i < nb; i++)
        ok = split(arena, b[i], &wb[i]);
    /* There are at most as many phrases as words in a. */
    phrase *found = ok ? cq__arena_alloc(arena, words ? words : 1, sizeof *found) : NULL;
    if (!found)
        return cq__fail(err, CQ_ERR_NOMEM, NULL, NULL, "out of memory comparing roles");
    size_t n = 0;
    for (size_t t = 0; t < na; t++) {
        const text_words *ta = &wa[t];
        for (size_t i = 0; i < ta->count;) {
            size_t run = longest_run(ta, i, wb, nb);
            if (run == 0) {
                i++;
                continue;
            }
            size_t s = i, e = i + run;
            while (s < e && ta->words[s].stop)
                s++;
            while (e > s && ta->words[e - 1].stop)
                e--;
            if (s < e)
                found[n++] = (phrase){&ta->words[s], e - s};
            i += run;
        }
    }
    /* Keep the first of equal phrases, and drop any that a longer one contains. */
    const char **list = cq__arena_alloc(arena, n ? n : 1, sizeof *list);
    if (!list)
        return cq__fail(err, CQ_ERR_NOMEM, NULL, NULL, "out of memory comparing roles");
    size_t kept = 0;
    for (size_t i = 0; i < n; i++) {
        bool drop = false;
        for (size_t j = 0; !drop && j < n; j++) {
            if (j == i || !contained(&found[i], &found[j]))
                continue;
            drop = found[j].count > found[i].count || j < i;
        }
        if (drop)
            continue;
        const word *first = &found[i].words[0], *last = &found[i].words[found[i].count - 1];
        size_t len = (size_t)(last->start + last->len - first->start);
        char *text = cq__arena_alloc(arena, len + 1, 1);
        if (!text)
            return cq__fail(err, CQ_ERR_NOMEM, NULL, NULL, "out of memory comparing roles");
        memcpy(text, first->start, len);
        list[kept++] = text;
    }
    *out = list;
    *count = kept;
    return CQ_OK;
}
