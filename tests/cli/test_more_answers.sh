#!/usr/bin/env bash
# test_more_answers.sh: answers people looked for and did not find (Go, Excel, SAS as a
# language, teaching as a field of study), checked as a person checks them: change the answer,
# score again, compare. No article names Go, Excel or teaching for any role, so each of them is a
# real answer that moves no role; SAS is the Data Scientist's (article 004).
# shellcheck source=tests/cli/lib.sh
. "$(dirname "$0")/lib.sh"

PERSON=$ROOT/tests/people/backend-developer.json

# scores FILTER: every role's score (id and score, by id) with the answers changed by the jq FILTER.
scores() {
    jq "$1" "$PERSON" >changed.json
    cq score --json changed.json 2>/dev/null | jq -c '[.ranking[] | [.id, .score]] | sort'
}

score_of() { # score_of FILTER ROLE
    jq "$1" "$PERSON" >changed.json
    cq score --json changed.json 2>/dev/null | jq --arg r "$2" '.ranking[] | select(.id == $r) | .score'
}

more() { awk -v a="$1" -v b="$2" 'BEGIN { exit !(a > b) }'; }

# An answer no article connects with a role scores like the answer that names none of theirs,
# and unlike a skipped question: it is an answer, counted as one.
expect_like() { # expect_like FILTER LIKE-FILTER QUESTION
    local with like skipped
    with=$(scores "$1")
    like=$(scores "$2")
    skipped=$(scores ".answers[\"$3\"] = null")
    if [ -z "$with" ] || [ "$with" != "$like" ]; then fail "$1 scores $with, $2 $like"; fi
    [ "$with" != "$skipped" ] || fail "$1 scores as if $3 were skipped"
    jq "$1" "$PERSON" >answered.json
    run cq score --json answered.json
    expect_status 0
    expect_stderr_empty
}

test_go_is_an_answer_that_moves_no_role() {
    expect_like '.answers.languages = ["go"]' '.answers.languages = ["none"]' languages
    expect_like '.answers.languages += ["go"]' '.' languages
}

test_excel_is_an_answer_that_moves_no_role() {
    expect_like '.answers["visual-tools"] = ["excel"]' '.answers["visual-tools"] = ["none"]' visual-tools
    expect_like '.answers["visual-tools"] = ["jupyter", "excel"]' '.answers["visual-tools"] = ["jupyter"]' visual-tools
}

test_teaching_as_a_field_scores_like_a_subject_no_article_names() {
    expect_like '.answers.field = "education-teaching"' '.answers.field = "other"' field
}

test_sas_as_a_language_raises_the_data_scientist_alone() {
    local role sas none
    for role in $(role_ids); do
        sas=$(score_of '.answers.languages = ["sas"]' "$role")
        none=$(score_of '.answers.languages = ["none"]' "$role")
        if [ "$role" = data-scientist ]; then
            more "$sas" "$none" || fail "SAS as a language: Data Scientist $sas, no language $none"
            more "$(score_of '.answers.languages = ["r"]' "$role")" "$sas" ||
                fail "SAS counts as much as R, which article 004 names as a language"
        else
            [ "$sas" = "$none" ] || fail "SAS as a language moves $role: $none to $sas"
        fi
    done
}

# flat FILE: the text output with its line breaks and runs of spaces made one space.
flat() { tr -s ' \n' ' ' <"$1"; }

# The screen says which picked options earn the role points, and which count for no role, and
# re-scoring bears it out: the options it names as counting for no role change no score, and
# the one it names as earning the points does.
test_a_reason_names_what_in_the_answer_counts() {
    jq '.answers["visual-tools"] = ["sas", "excel"] | .answers.languages = ["sql", "sas"]' \
        "$ROOT/tests/personas/data-scientist.json" >mixed.json
    run cq score --plain --explain data-scientist mixed.json
    expect_status 0
    flat "$OUT" >flat.txt
    grep -qF 'Excel or another spreadsheet. Points come from "SAS, statistics software". "Excel or another spreadsheet" counts for no role.' flat.txt ||
        fail "the visual-tools reason does not say that Excel counts for no role"
    grep -qF 'Points come from "SAS, the language of the SAS statistics software".' flat.txt ||
        fail "the languages reason credits SQL, which earns the Data Scientist nothing"
    local PERSON=mixed.json
    [ "$(scores '.answers["visual-tools"] = ["sas"]')" = "$(scores .)" ] ||
        fail "leaving Excel out changes a score"
    [ "$(score_of '.answers.languages = ["sas"]' data-scientist)" = "$(score_of . data-scientist)" ] ||
        fail "leaving SQL out changes the Data Scientist's score"
    more "$(score_of . data-scientist)" "$(score_of '.answers.languages = ["sql"]' data-scientist)" ||
        fail "SAS as a language earns the Data Scientist nothing"
}

# A field no article names earns no role a point on that question, and its reason says what the
# number compares it with, so that it does not read as counting against the person.
test_a_field_no_article_names_says_what_it_is_compared_with() {
    local role
    jq '.answers.field = "education-teaching"' "$PERSON" >teacher.json
    run cq score --plain teacher.json
    expect_status 0
    flat "$OUT" >flat.txt
    grep -qF 'Education or teaching. It counts for no role: the number compares it with the average of the other answers.' flat.txt ||
        fail "the field's reason does not say what it is compared with"
    for role in $(jq -r '.ranking[].id' <(cq score --json teacher.json)); do
        cq score --plain --explain "$role" teacher.json | grep -qE '^ +0\.00 +[-+][0-9.]+ +field: Education' ||
            fail "education or teaching earns $role points"
    done
}

test_go_says_it_counts_for_no_role_where_it_is_asked_and_scored() {
    jq '.answers.languages = ["go", "python"]' "$PERSON" >go.json
    run cq score --plain --explain ml-engineer go.json
    expect_status 0
    flat "$OUT" >flat.txt
    grep -qF '"Go" counts for no role.' flat.txt || fail "the explain line does not say Go counts for no role"
    run cq questions
    flat "$OUT" >flat.txt
    grep -qF 'No article names Go for any role, so ticking Go changes no score.' flat.txt ||
        fail "the languages question does not say Go changes no score"
}

# None of 2026.12-2 (answers added), 2026.12-3 (how much one framework counts) and 2026.12-4
# (LaTeX and "the team itself" say more) changed what an answer means, so files saved with an
# earlier version are read as they are.
test_answers_saved_with_earlier_banks_still_score() {
    local version
    run cq score --json "$PERSON"
    expect_status 0
    cp "$OUT" now.json
    for version in 2026.12-1 2026.12-2 2026.12-3; do
        jq --arg v "$version" '.bank_version = $v' "$PERSON" >old.json
        run cq score --json old.json
        expect_status 0
        jq -e --slurpfile now now.json '.ranking == $now[0].ranking' "$OUT" >/dev/null ||
            fail "answers of bank $version score differently from the same answers now"
    done
}

run_tests
