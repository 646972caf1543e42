#!/usr/bin/env bash
# test_workplaces.sh: the place of work scores each role as its articles place it, checked as a
# person checks it: change the answer, score again, compare. Article 003 finds the Research
# Scientist in academic or research institutions and names no company; article 000 hires the
# ML Scientist in universities and research labs and in technology companies alike.
# shellcheck source=tests/cli/lib.sh
. "$(dirname "$0")/lib.sh"

PERSON=$ROOT/tests/people/bootcamp-researcher.json

# score_at SETTING ROLE: ROLE's score with the setting answer changed to SETTING.
score_at() {
    jq --arg s "$1" '.answers.setting = $s' "$PERSON" >setting.json
    cq score --json setting.json | jq --arg r "$2" '.ranking[] | select(.id == $r) | .score'
}

# more A B: whether the score A is above B.
more() { awk -v a="$1" -v b="$2" 'BEGIN { exit !(a > b) }'; }

test_a_company_lab_is_not_a_university_for_the_research_scientist() {
    local university lab tech
    university=$(score_at university research-scientist)
    lab=$(score_at research-lab research-scientist)
    tech=$(score_at tech research-scientist)
    more "$university" "$lab" || fail "Research Scientist: university $university, company lab $lab"
    more "$lab" "$tech" || fail "Research Scientist: company lab $lab, tech company $tech"
}

test_a_company_lab_is_home_ground_for_the_ml_scientist() {
    local university lab
    university=$(score_at university ml-scientist)
    lab=$(score_at research-lab ml-scientist)
    [ "$university" = "$lab" ] || fail "ML Scientist: university $university, company lab $lab"
}

run_tests
