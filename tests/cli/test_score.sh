#!/usr/bin/env bash
# test_score.sh: end-to-end tests of score: text and JSON, files and stdin, reproducibility.
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
    local top title
    run cq score "$EXAMPLE" --json
    top=$(jq -r '.ranking[0].id' "$OUT")
    title=$(jq -r .title "$ROOT/profiles/$top.json")
    run cq score "$EXAMPLE"
    expect_status 0
    expect_stdout_contains "Recommended path: $title ($top)"
    expect_stdout_contains "Getting started"
    expect_stdout_contains "$(jq -r '.tips[0].text' "$ROOT/profiles/$top.json" | cut -c1-40)"
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
    expect_jq '(.tips | length) > 0'
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

run_tests
