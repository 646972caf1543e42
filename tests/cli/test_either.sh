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

test_either_statistics_package_reaches_the_data_scientist_target() {
    local sas spss both none
    sas=$(score_of '["sas", "tableau"]' data-scientist)
    spss=$(score_of '["spss", "tableau"]' data-scientist)
    both=$(score_of '["sas", "spss", "tableau"]' data-scientist)
    none=$(score_of '["tableau"]' data-scientist)
    [ "$sas" = "$both" ] || fail "SAS alone $sas, SAS and SPSS $both: the second should add nothing"
    [ "$spss" = "$both" ] || fail "SPSS alone $spss, SAS and SPSS $both"
    awk -v a="$sas" -v n="$none" 'BEGIN { exit !(a > n) }' || fail "SAS $sas is no better than none $none"
}

test_either_charting_tool_reaches_the_data_scientist_target() {
    local tableau powerbi both none
    tableau=$(score_of '["sas", "tableau"]' data-scientist)
    powerbi=$(score_of '["sas", "power-bi"]' data-scientist)
    both=$(score_of '["sas", "tableau", "power-bi"]' data-scientist)
    none=$(score_of '["sas"]' data-scientist)
    [ "$tableau" = "$both" ] || fail "Tableau alone $tableau, Tableau and Power BI $both"
    [ "$powerbi" = "$both" ] || fail "Power BI alone $powerbi, Tableau and Power BI $both"
    awk -v a="$tableau" -v n="$none" 'BEGIN { exit !(a > n) }' || fail "Tableau $tableau is no better than none $none"
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
