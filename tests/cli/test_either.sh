#!/usr/bin/env bash
# test_either.sh: tools the articles name as alternatives ("SAS or SPSS", "Tableau or Power BI",
# article 004) are checked as a person checks them: change the answer, score again, compare.
# Either one reaches what the article asks; the second adds nothing; a shortfall says "or".
# shellcheck source=tests/cli/lib.sh
. "$(dirname "$0")/lib.sh"

PERSONA=$ROOT/tests/personas/data-scientist.json

# score_of TOOLS ROLE: ROLE's score with visual-tools set to the JSON list TOOLS.
score_of() {
    jq --argjson t "$1" '.answers["visual-tools"] = $t' "$PERSONA" >tools.json
    cq score --json tools.json | jq --arg r "$2" '.ranking[] | select(.id == $r) | .score'
}

# expect_either A B WITH: the Data Scientist's score with A alone, B alone and both (each beside
# the tool WITH) is the same, and above the score with WITH alone.
expect_either() {
    local a b both none
    a=$(score_of "[\"$1\", \"$3\"]" data-scientist)
    b=$(score_of "[\"$2\", \"$3\"]" data-scientist)
    both=$(score_of "[\"$1\", \"$2\", \"$3\"]" data-scientist)
    none=$(score_of "[\"$3\"]" data-scientist)
    [ "$a" = "$both" ] || fail "$1 alone $a, $1 and $2 $both: the second should add nothing"
    [ "$b" = "$both" ] || fail "$2 alone $b, $1 and $2 $both"
    awk -v a="$a" -v n="$none" 'BEGIN { exit !(a > n) }' || fail "$1 $a is no better than none $none"
}

test_either_statistics_package_reaches_the_data_scientist_target() {
    expect_either sas spss tableau
}

test_either_charting_tool_reaches_the_data_scientist_target() {
    expect_either tableau power-bi sas
}

test_a_shortfall_on_alternatives_says_or() {
    jq '.answers["visual-tools"] = ["rstudio", "matplotlib"]' "$PERSONA" >short.json
    run cq score --plain short.json
    expect_status 0
    tr -s ' \n' ' ' <"$OUT" >flat.txt
    grep -qF 'such as SAS or SPSS' flat.txt || fail "the statistics-software shortfall does not say SAS or SPSS"
    grep -qF 'Tableau or Power BI' flat.txt || fail "the charts shortfall does not say Tableau or Power BI"
    grep -qE 'SAS and SPSS|Tableau and Power BI' flat.txt && fail "a shortfall still asks for both tools"
    return 0
}

run_tests
