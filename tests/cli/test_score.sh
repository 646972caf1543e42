#!/usr/bin/env bash
# test_score.sh: end-to-end tests of score: text and JSON, files and stdin, reproducibility.
# shellcheck source=tests/cli/lib.sh
. "$(dirname "$0")/lib.sh"

EXAMPLE=$ROOT/docs/examples/answers.json

test_score_text_ranks_every_role_with_a_bar_and_percentage() {
    local id
    run cq score "$EXAMPLE"
    expect_status 0
    expect_stderr_empty
    expect_stdout_contains "Ranking"
    for id in $(role_ids); do
        grep -qE "^ +[1-7]\. .*[#]* +[0-9]{1,3}\.[0-9]%  $id\$" "$OUT" ||
            fail "no ranking line with a one-decimal percentage for $id"
    done
    [ "$(grep -cE '^ +[0-9]+\. .*%  [a-z-]+$' "$OUT")" -eq 7 ] || fail "expected 7 ranking lines"
}

test_score_text_recommends_the_top_role_with_tips_and_sources() {
    local top title tip
    # The example without its cloud use, so that it lacks something a tip closes.
    jq '.answers.cloud = "never"' "$EXAMPLE" >no-cloud.json
    run cq score no-cloud.json --json
    top=$(jq -r '.ranking[0].id' "$OUT")
    tip=$(jq -r '.tips[0].text' "$OUT" | cut -c1-40)
    title=$(jq -r .title "$ROOT/profiles/$top.json")
    if [ -z "$tip" ] || [ "$tip" = null ]; then fail "the example shows no tip"; fi
    run cq score no-cloud.json
    expect_status 0
    expect_stdout_contains "Recommended path: $title ($top)"
    expect_stdout_contains "Getting started"
    expect_stdout_contains "$tip"
    expect_stdout_contains "Source: $(jq -r '.sources[0]' "$ROOT/profiles/$top.json" | cut -c1-30)"
    expect_stdout_contains "careerquiz role $top"
}

test_score_text_shows_a_close_call_exactly_when_the_result_has_one() {
    local f close
    for f in "$EXAMPLE" "$ROOT"/tests/personas/*.json; do
        run cq score "$f" --json
        close=$(jq -r '.close_call' "$OUT")
        run cq score "$f"
        if [ "$close" = true ]; then
            expect_stdout_contains "Close call: "
        else
            expect_stdout_lacks "Close call: "
        fi
    done
}

test_score_json_ranks_all_seven_roles_best_first() {
    run cq score "$EXAMPLE" --json
    expect_status 0
    expect_stderr_empty
    expect_jq '(.ranking | length) == 7'
    expect_jq '[.ranking[].score] as $s | $s == ($s | sort | reverse)'
    expect_jq 'all(.ranking[].score; . >= 0 and . <= 100)'
    expect_jq '.recommendation.id == .ranking[0].id'
    expect_jq '(.tips | type) == "array"'
}

test_score_is_byte_identical_from_a_file_and_from_stdin() {
    local format
    for format in text json; do
        run cq score --format "$format" "$EXAMPLE"
        cp "$OUT" file.out
        run cq score --format "$format" - <"$EXAMPLE"
        expect_status 0
        expect_same_file file.out "$OUT"
    done
}

test_score_is_byte_identical_from_another_working_directory() {
    local format
    for format in text json; do
        (cd "$ROOT" && cq score --format "$format" docs/examples/answers.json) >root.out
        mkdir -p elsewhere/deeper
        cp "$EXAMPLE" elsewhere/deeper/mine.json
        cd elsewhere/deeper || return
        run cq score --format "$format" mine.json
        cd "$TESTDIR" || return
        expect_status 0
        expect_same_file root.out "$OUT"
    done
}

test_score_is_byte_identical_across_runs() {
    run cq score "$EXAMPLE"
    cp "$OUT" first.out
    run cq score "$EXAMPLE"
    expect_same_file first.out "$OUT"
}

test_unknown_top_level_keys_are_ignored() {
    jq '. + {"comment": "ignored", "extra": [1, 2]}' "$EXAMPLE" >extra.json
    run cq score "$EXAMPLE" --json
    cp "$OUT" plain.json
    run cq score extra.json --json
    expect_status 0
    expect_same_file plain.json "$OUT"
}

test_partial_answers_score_with_a_warning_naming_the_missing_questions() {
    echo '{"version": 1, "answers": {"education": "phd", "research-vs-production": 5}}' \
        >partial.json
    run cq score partial.json --json
    expect_status 0
    expect_jq '(.ranking | length) == 7'
    expect_stderr_contains "careerquiz: warning: "
    expect_stderr_contains "languages"
    expect_stderr_contains "partial.json"
}

test_score_of_the_built_in_data_matches_score_with_data_of_the_source_tree() {
    run cq score "$EXAMPLE" --json
    cp "$OUT" builtin.json
    run cq --data "$ROOT" score "$EXAMPLE" --json
    expect_status 0
    expect_same_file builtin.json "$OUT"
}

# The warning's claim, checked as a person would: the skipped question's points are the same in
# every role's explanation, and no role gets more for it than its answers give on average.
test_a_missing_required_question_is_said_to_count_the_same_for_every_role() {
    local answer role
    jq 'del(.answers.cloud)' "$EXAMPLE" >no-cloud.json
    run cq score --json no-cloud.json
    expect_status 0
    expect_stderr_contains "1 required question not answered (cloud); it gives every role the same points, so the ranking rests on the other answers: no-cloud.json"
    jq '[.ranking[] | {(.id): .score}] | add' "$OUT" >skipped.json
    : >points.txt
    for role in $(jq -r '.ranking[].id' "$OUT"); do
        cq score --json --explain "$role" no-cloud.json 2>/dev/null |
            jq -r '.contributions[] | select(.question == "cloud") | .points' >>points.txt
    done
    [ "$(wc -l <points.txt)" = 7 ] || fail "not every role's explanation lists cloud"
    [ "$(sort -u points.txt | wc -l)" = 1 ] ||
        fail "the skipped question gives roles different points: $(tr '\n' ' ' <points.txt)"
    : >each.jsonl
    for answer in never tutorials own-projects production architect; do
        jq --arg a "$answer" '.answers.cloud = $a' "$EXAMPLE" >one.json
        cq score --json one.json | jq -c '[.ranking[] | {(.id): .score}] | add' >>each.jsonl
    done
    jq -s -e --slurpfile skipped skipped.json '
        (.[0] | keys) as $roles
        | [$roles[] as $r | (map(.[$r]) | add / length) >= $skipped[0][$r] - 0.06] | all' \
        each.jsonl >/dev/null || fail "skipping the question scores a role above its answers' average"
}

# Answers that take --save wrote with the bank before this one (2026.11-1): its research-tools
# question is gone (Jupyter, RStudio and LaTeX are options of visual-tools now, MATLAB of
# languages), and four options changed their meaning.
SAVED_EARLIER=$ROOT/tests/fixtures/answers/saved-2026.11-1.json

test_answers_saved_with_the_earlier_bank_are_carried_over_and_scored() {
    run cq score --json "$SAVED_EARLIER"
    expect_status 0
    # like-to-learn is new: it is missing, and named, like any unanswered question.
    expect_stderr_contains "1 required question not answered (like-to-learn)"
    cp "$OUT" carried.json
    # The same answers, carried over by hand: Jupyter moves to visual-tools.
    jq '{version, answers: (.answers | del(."research-tools")
                            | ."visual-tools" = ["jupyter", "matplotlib"])}' \
        "$SAVED_EARLIER" >by-hand.json
    run cq score --json by-hand.json
    expect_status 0
    expect_same_file carried.json "$OUT"
    # Saved again by take, they are answers of the current bank.
    # 1 for like-to-learn, the one unanswered question; Enter keeps the last answer.
    run cq take --resume "$SAVED_EARLIER" --save resumed.json < <(printf '1\n\n')
    expect_status 0
    jq -e --arg v "$(cq questions --json | jq -r .bank_version)" \
        '.bank_version == $v and (.answers | has("research-tools") | not) and
         .answers."visual-tools" == ["jupyter", "matplotlib"] and .answers."like-to-learn" == "models"' \
        resumed.json >/dev/null || fail "take --resume did not save the carried answers: $(cat resumed.json)"
}

test_an_old_answer_whose_meaning_changed_is_refused_saying_what_changed() {
    local question option words
    while IFS='|' read -r question option words; do
        jq --arg q "$question" --arg o "$option" \
            '.answers[$q] = (if .answers[$q] | type == "array" then [$o] else $o end)' \
            "$SAVED_EARLIER" >old.json
        run cq score old.json
        expect_status 65
        expect_stdout_empty
        expect_stderr_contains "answer \"$option\" to question \"$question\" of bank 2026.11-1 does not carry over: "
        expect_stderr_contains "$words"
        grep -qE ': old\.json:[0-9]+:[0-9]+$' "$ERR" || fail "no line:column for $question"
    done <<'EOF2'
field|electrical-physics|is now two options, electrical-engineering and other-science
visual-tools|sas-spss|is now two options, sas and spss
cloud|architect|asked two things and now means designing cloud systems only
setting|telecom-automotive|is now three options, telecommunications, automotive and manufacturing
EOF2
}

test_an_old_answer_in_a_file_without_a_bank_version_is_explained() {
    jq 'del(.bank_version) | .answers.setting = "telecom-automotive"' "$SAVED_EARLIER" >old.json
    run cq score old.json
    expect_status 65
    expect_stderr_contains 'unknown option "telecom-automotive" for question "setting" (changed after bank 2026.11-1: '
    jq 'del(.bank_version)' "$SAVED_EARLIER" >old.json
    run cq score old.json
    expect_status 65
    expect_stderr_contains 'unknown question "research-tools" (changed after bank 2026.11-1: the research-tools question is gone'
}

# With no tip to show, the results say which case holds: no shortfall at all, or shortfalls that
# no tip of the role fits (then each shortfall names the profile's items instead).
test_no_tips_says_why_in_the_case_that_holds() {
    run cq score --json "$ROOT/tests/personas/lead-ml-engineer.json"
    expect_jq '(.gaps | length) == 0 and (.tips | length) == 0'
    run cq score --plain "$ROOT/tests/personas/lead-ml-engineer.json"
    expect_status 0
    expect_stdout_contains "None needed: no answer falls short"
    expect_stdout_lacks "No tip from the articles fits you"
    run cq score --json "$ROOT/tests/fixtures/answers/masters-researcher.json"
    expect_jq '(.gaps | length) > 0 and (.tips | length) == 0 and all(.gaps[]; (.items | length) > 0)'
    run cq score --plain "$ROOT/tests/fixtures/answers/masters-researcher.json"
    expect_stdout_contains "No tip from the articles fits you"
    expect_stdout_contains "What the role's profile names for it"
    expect_stdout_lacks "None needed"
}

# A shortfall on a multi-choice answer that has part of what the role counts says what the person
# has and which options they left out, so it never reads as if they had none of it.
test_a_partial_answer_is_named_with_the_options_left_out() {
    jq '.answers["ml-frameworks"] = ["scikit-learn"]' "$ROOT/tests/people/backend-developer.json" \
        >partial.json
    run cq score --plain partial.json
    expect_status 0
    tr -s ' \n' ' ' <"$OUT" >flat.txt
    grep -qF 'You said "scikit-learn" to "Which machine learning frameworks have you built models with?"; you did not pick "TensorFlow", "PyTorch" or "Keras"' flat.txt ||
        fail "the shortfall does not name the frameworks left out"
    jq '.answers["ml-frameworks"] = ["none"]' partial.json >none.json
    run cq score --plain none.json
    expect_stdout_contains 'None of these yet'
    tr -s ' \n' ' ' <"$OUT" | grep -qF '"None of these yet" to "Which machine learning frameworks have you built models with?"; you did not' &&
        fail "a shortfall with no framework lists options left out"
    return 0
}

run_tests
