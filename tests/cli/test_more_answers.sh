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

# Neither 2026.12-2 (answers added) nor 2026.12-3 (how much one framework counts) changed what an
# answer means, so files saved with either earlier version are read as they are.
test_answers_saved_with_earlier_banks_still_score() {
    local version
    run cq score --json "$PERSON"
    expect_status 0
    cp "$OUT" now.json
    for version in 2026.12-1 2026.12-2; do
        jq --arg v "$version" '.bank_version = $v' "$PERSON" >old.json
        run cq score --json old.json
        expect_status 0
        jq -e --slurpfile now now.json '.ranking == $now[0].ranking' "$OUT" >/dev/null ||
            fail "answers of bank $version score differently from the same answers now"
    done
}

run_tests
