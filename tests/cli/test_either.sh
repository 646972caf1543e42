#!/usr/bin/env bash
# test_either.sh: tools the articles name as alternatives ("SAS or SPSS", "Tableau or Power BI",
# article 004; "TensorFlow, PyTorch, or scikit-learn", articles 000 and 003) are checked as a
# person checks them: change the answer, score again, compare. Either one reaches what the
# article asks; the second adds nothing; a shortfall says "or".
# shellcheck source=tests/cli/lib.sh
. "$(dirname "$0")/lib.sh"

# score_of PERSONA QUESTION TOOLS ROLE: ROLE's score for PERSONA's answers with QUESTION set to
# the JSON list TOOLS.
score_of() {
    jq --arg q "$2" --argjson t "$3" '.answers[$q] = $t' "$ROOT/tests/personas/$1.json" >tools.json
    cq score --json tools.json | jq --arg r "$4" '.ranking[] | select(.id == $r) | .score'
}

# expect_either PERSONA QUESTION A B [WITH]: the persona's own role scores the same with A alone,
# B alone and both (each beside the tool WITH, if given), and more than with WITH alone (or
# "none").
expect_either() {
    local with='[]' base='["none"]' a b both none
    if [ -n "${5:-}" ]; then with="[\"$5\"]" base=$with; fi
    a=$(score_of "$1" "$2" "$(jq -c --arg x "$3" '. + [$x]' <<<"$with")" "$1")
    b=$(score_of "$1" "$2" "$(jq -c --arg x "$4" '. + [$x]' <<<"$with")" "$1")
    both=$(score_of "$1" "$2" "$(jq -c --arg x "$3" --arg y "$4" '. + [$x, $y]' <<<"$with")" "$1")
    none=$(score_of "$1" "$2" "$base" "$1")
    [ "$a" = "$both" ] || fail "$1: $3 alone $a, $3 and $4 $both: the second should add nothing"
    [ "$b" = "$both" ] || fail "$1: $4 alone $b, $3 and $4 $both"
    awk -v a="$a" -v n="$none" 'BEGIN { exit !(a > n) }' || fail "$1: $3 $a is no better than $base $none"
}

test_either_statistics_package_reaches_the_data_scientist_target() {
    expect_either data-scientist visual-tools sas spss tableau
}

test_either_charting_tool_reaches_the_data_scientist_target() {
    expect_either data-scientist visual-tools tableau power-bi sas
}

# Articles 003 and 004 ask the ML Engineer for a framework "such as TensorFlow, Keras, or
# PyTorch" (or scikit-learn); 000 asks the same of the ML Scientist, 003 of the Research Scientist.
test_either_framework_reaches_the_ml_engineer_target() {
    expect_either ml-engineer ml-frameworks tensorflow pytorch
    expect_either ml-engineer ml-frameworks keras scikit-learn
}

test_either_framework_reaches_the_ml_scientist_and_research_scientist_targets() {
    expect_either ml-scientist ml-frameworks tensorflow pytorch
    expect_either research-scientist ml-frameworks pytorch scikit-learn
}

# Article 001 asks the ML Software Engineer for TensorFlow, PyTorch "and" scikit-learn: there a
# second framework still adds.
test_the_ml_software_engineer_asks_for_more_than_one_framework() {
    local one two
    one=$(score_of ml-software-engineer ml-frameworks '["pytorch"]' ml-software-engineer)
    two=$(score_of ml-software-engineer ml-frameworks '["pytorch", "tensorflow"]' ml-software-engineer)
    awk -v o="$one" -v t="$two" 'BEGIN { exit !(t > o) }' ||
        fail "PyTorch alone $one, with TensorFlow $two: the second framework should add"
}

test_a_shortfall_on_alternatives_says_or() {
    jq '.answers["visual-tools"] = ["rstudio", "matplotlib"]' "$ROOT/tests/personas/data-scientist.json" >short.json
    run cq score --plain short.json
    expect_status 0
    tr -s ' \n' ' ' <"$OUT" >flat.txt
    grep -qF 'such as SAS or SPSS' flat.txt || fail "the statistics-software shortfall does not say SAS or SPSS"
    grep -qF 'Tableau or Power BI' flat.txt || fail "the charts shortfall does not say Tableau or Power BI"
    grep -qE 'SAS and SPSS|Tableau and Power BI' flat.txt && fail "a shortfall still asks for both tools"
    return 0
}

test_a_framework_shortfall_says_or() {
    jq '.answers["ml-frameworks"] = ["none"]' "$ROOT/tests/personas/ml-engineer.json" >short.json
    run cq score --plain short.json
    expect_status 0
    tr -s ' \n' ' ' <"$OUT" >flat.txt
    grep -qF 'TensorFlow, PyTorch, Keras or scikit-learn' flat.txt ||
        fail "the ML Engineer's framework shortfall does not name the frameworks with or"
}

# expect_language_label PERSONA LABEL NAMED OTHER: with only SQL among the languages, the
# persona's own role falls short on languages, labelled LABEL; each language of NAMED closes it
# to the same score, above that of SQL alone, and OTHER (not named) closes it less or not at all.
expect_language_label() {
    local persona=$1 label=$2 other=$4 lang first='' score
    jq '.answers.languages = ["sql"]' "$ROOT/tests/personas/$persona.json" >sql.json
    run cq score --plain sql.json
    expect_status 0
    tr -s ' \n' ' ' <"$OUT" >flat.txt
    grep -qF "$label (" flat.txt || fail "$persona: no shortfall labelled \"$label\""
    for lang in $3; do
        score=$(score_of "$persona" languages "[\"sql\", \"$lang\"]" "$persona")
        [ -n "$first" ] || first=$score
        [ "$score" = "$first" ] || fail "$persona: $lang closes the gap to $score, the first named to $first"
    done
    awk -v a="$first" -v b="$(score_of "$persona" languages '["sql"]' "$persona")" 'BEGIN { exit !(a > b) }' ||
        fail "$persona: the languages named close nothing"
    score=$(score_of "$persona" languages "[\"sql\", \"$other\"]" "$persona")
    awk -v a="$first" -v b="$score" 'BEGIN { exit !(a > b) }' ||
        fail "$persona: $other, not named, closes as much ($score)"
}

# The articles ask the ML Engineer for "Python, Java, or C++" (004) and the Data Scientist for
# "R or Python" (004): the shortfall names every language that closes it, not Python alone.
test_a_language_shortfall_names_each_language_that_closes_it() {
    expect_language_label ml-engineer "Python, Java or C++" "python java cpp" r
    expect_language_label data-scientist "Python or R" "python r" sas
}

run_tests
