#!/usr/bin/env bash
# test_compare.sh: end-to-end tests of compare A B and of the comparison in score's output.
. "$(dirname "$0")/lib.sh"

DIMENSIONS='["responsibilities","skills","education","tools","industries","outlook","tips"]'

test_every_pair_of_roles_compares_as_json_on_the_seven_dimensions() {
    local a b
    for a in $(role_ids); do
        for b in $(role_ids); do
            [ "$a" = "$b" ] && continue
            run cq compare --json "$a" "$b"
            expect_status 0
            expect_stderr_empty
            expect_jq '.roles == [$a, $b]' --arg a "$a" --arg b "$b"
            expect_jq "[.rows[].dimension] == $DIMENSIONS"
            expect_jq 'all(.rows[]; (.a | length) > 0 and (.b | length) > 0
                                    and (.shared | type) == "array")'
        done
    done
}

test_every_pair_of_roles_compares_as_text_with_both_titles() {
    local a b title_a title_b
    for a in $(role_ids); do
        title_a=$(jq -r .title "$ROOT/profiles/$a.json")
        for b in $(role_ids); do
            [ "$a" = "$b" ] && continue
            title_b=$(jq -r .title "$ROOT/profiles/$b.json")
            run cq compare "$a" "$b"
            expect_status 0
            expect_stdout_contains "$title_a ($a) and $title_b ($b)"
            [ "$(grep -c '^  In common: ' "$OUT")" -eq 7 ] ||
                fail "compare $a $b: expected 7 'In common' lines"
        done
    done
}

test_shared_items_are_quoted_from_the_first_role() {
    run cq compare --json lead-ml-engineer ml-software-engineer
    expect_jq '(.rows[] | select(.dimension == "tips") | .shared | length) > 0'
    expect_jq '.rows[] | select(.dimension == "tips") | . as $r
               | all($r.shared[]; . as $s | any($r.a[]; . == $s))'
    # Shared phrases are quoted in the first role's words.
    expect_jq '.rows[] | select(.dimension == "tools") | . as $r
               | all($r.shared[]; . as $p | any($r.a[]; contains($p)))'
    run cq compare --json ml-engineer research-scientist
    expect_jq '.rows[] | select(.dimension == "tools")
               | .shared | index("Python, Java and C++ as the main programming languages") != null'
}

test_comparing_a_role_with_itself_is_a_usage_error() {
    run cq compare ml-engineer ml-engineer
    expect_status 64
    expect_stdout_empty
    expect_stderr_contains "two different roles"
    expect_error_line
}

test_comparing_an_unknown_role_is_a_usage_error() {
    run cq compare ml-engineer data-wrangler
    expect_status 64
    expect_stderr_contains 'unknown role "data-wrangler"'
    run cq compare ml-engineer
    expect_status 64
    expect_stderr_contains "compare needs ROLE ROLE"
}

test_score_compares_its_top_two_roles() {
    run cq score --json "$ROOT/docs/examples/answers.json"
    expect_jq '.comparison.roles == [.ranking[0].id, .ranking[1].id]'
    expect_jq "[.comparison.rows[].dimension] == $DIMENSIONS"
    run cq score "$ROOT/docs/examples/answers.json"
    expect_stdout_contains "careerquiz compare ml-engineer ml-software-engineer"
}

run_tests
