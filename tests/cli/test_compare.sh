#!/usr/bin/env bash
# test_compare.sh: end-to-end tests of compare A B and of the comparison in score's output.
# shellcheck source=tests/cli/lib.sh
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
            # The first lines name both, wrapped to 80 columns like any text.
            sed '/^$/q' "$OUT" | tr -s ' \n' ' ' | grep -qF "$title_a ($a) and $title_b ($b)" ||
                fail "compare $a $b: the first lines do not name both roles"
            [ "$(sed '/^$/q' "$OUT" | wc -L)" -le 80 ] || fail "compare $a $b: a title line passes 80 columns"
            [ "$(grep -c '^  In common: ' "$OUT")" -eq 7 ] ||
                fail "compare $a $b: expected 7 'In common' lines"
        done
    done
}

# What two roles share, as role ID --json writes it: per dimension, the strings that name it
# (the names a list's items are about, the figures' measures, the tips' advice).
NAMES_OF='{responsibilities: [.responsibilities[].about[]], skills: [.skills[].about[]],
           education: [.education[].about[]], tools: [.tools[].about[]],
           industries: [.industries[].about[]], outlook: [.outlook.figures[].measure],
           tips: [.tips[].advice]}'

# role_pairs: writes each role's role --json to ID.json in the test's folder and prints every
# pair of different roles once ("a b", a before b).
role_pairs() {
    local a b
    for a in $(role_ids); do
        cq role --json "$a" >"$a.json" || fail "role $a --json failed"
    done
    for a in $(role_ids); do
        for b in $(role_ids); do
            [[ "$a" < "$b" ]] && echo "$a $b"
        done
    done
}

test_every_shared_item_is_a_whole_string_of_both_roles() {
    local a b pairs=0
    role_pairs >pairs.txt
    while read -r a b <&3; do
        pairs=$((pairs + 1))
        run cq compare --json "$a" "$b"
        expect_status 0
        # Each shared item is, whole, one of the strings that name that dimension in both
        # profiles, and in the dimension's own field: never a run of words from a text.
        expect_jq '([$x[0] | '"$NAMES_OF"'] | .[0]) as $na | ([$y[0] | '"$NAMES_OF"'] | .[0])
                   as $nb | all(.rows[]; .dimension as $d
                       | all(.shared[]; . as $s | ($na[$d] | index([$s])) != null
                                                 and ($nb[$d] | index([$s])) != null))' \
            --slurpfile x "$a.json" --slurpfile y "$b.json"
        # Literally, too: a whole string somewhere in both roles' JSON.
        expect_jq '([$x[0] | .. | strings]) as $sa | ([$y[0] | .. | strings]) as $sb
                   | all(.rows[].shared[]; . as $s | any($sa[]; . == $s) and any($sb[]; . == $s))' \
            --slurpfile x "$a.json" --slurpfile y "$b.json"
        # And nothing both name is left out: shared is the whole intersection.
        expect_jq '([$x[0] | '"$NAMES_OF"'] | .[0]) as $na | ([$y[0] | '"$NAMES_OF"'] | .[0])
                   as $nb | all(.rows[] | select(.dimension != "outlook" and .dimension != "tips");
                       .dimension as $d | (.shared | sort)
                       == ([$na[$d][] | select(. as $s | $nb[$d] | index([$s]))] | unique))' \
            --slurpfile x "$a.json" --slurpfile y "$b.json"
        # Seen from either side, the same things are shared.
        cp "$OUT" ab.json
        run cq compare --json "$b" "$a"
        expect_jq '[.rows[].shared | sort] == [$ab[0].rows[].shared | sort]' --slurpfile ab ab.json
    done 3<pairs.txt
    [ "$pairs" -eq 21 ] || fail "expected 21 pairs of roles, got $pairs"
}

test_no_shared_figure_measures_two_different_things() {
    local a b
    role_pairs >pairs.txt
    while read -r a b <&3; do
        run cq compare --json "$a" "$b"
        # A shared figure is the same measure with the same value, source and period in both
        # outlooks; the row's items show it in each.
        expect_jq 'all(.rows[] | select(.dimension == "outlook") | .shared[]; . as $m
                       | ([$x[0].outlook.figures[] | select(.measure == $m)
                           | [.value, .source, .period]] | unique) as $fa
                       | ([$y[0].outlook.figures[] | select(.measure == $m)
                           | [.value, .source, .period]] | unique) as $fb
                       | ($fa | length) == 1 and $fa == $fb)' \
            --slurpfile x "$a.json" --slurpfile y "$b.json"
    done 3<pairs.txt
    # The case the word matcher got wrong: the 15% the ML engineer article gives for ML
    # engineers is not the 15% for computer and information research scientists.
    run cq compare --json ml-engineer lead-ml-engineer
    expect_jq '.rows[] | select(.dimension == "outlook")
               | .shared == ["projected growth in jobs for software developers"]'
    run cq compare ml-engineer lead-ml-engineer
    expect_stdout_contains "In common: 22% projected growth in jobs for software developers"
}

test_tips_are_shared_by_their_advice() {
    run cq compare --json lead-ml-engineer ml-software-engineer
    expect_jq '.rows[] | select(.dimension == "tips") | .shared == ["foundations",
               "programming languages", "machine learning frameworks", "cloud platforms",
               "practical experience", "networking"]'
    run cq compare --json ml-engineer research-scientist
    expect_jq '.rows[] | select(.dimension == "tools") | .shared
               | index(["Python", "Java", "C++"]) == 0'
}

# Round 3: "Tips: nothing in common" for Research Scientist and ML Scientist, whose tips agree in
# substance. No article covers both, so no tip is shared; the text says so in words and names the
# advice both get from their own articles, each of which both roles' tips give.
test_tips_say_in_words_why_none_is_shared_and_what_advice_both_get() {
    local a b said advice
    run cq compare research-scientist ml-scientist
    expect_stdout_contains "no article compares these two roles, so no tip is shared"
    expect_stdout_contains "machine learning frameworks"
    for a in $(cq roles --json | jq -r '.roles[].id'); do
        for b in $(cq roles --json | jq -r '.roles[].id'); do
            [ "$a" \< "$b" ] || continue
            run cq compare "$a" "$b"
            said=$(awk '/^Tips/ { t = 1; next } t && /In common:/ { s = 1 }
                        s && /^  [^ ]/ && !/In common:/ { exit } s { printf "%s ", $0 }' "$OUT")
            case "$said" in
            *"nothing in common"*) fail "$a $b: tips say \"nothing in common\"" ;;
            *"no tip is shared"* | *"no tip in common"*)
                advice=${said##*each by its own article, on: }
                [ "$advice" != "$said" ] || continue
                IFS=';' read -ra kinds <<<"$advice"
                for kind in "${kinds[@]}"; do
                    kind=$(echo "$kind" | tr -s ' ' | sed 's/^ //; s/ $//')
                    for role in "$a" "$b"; do
                        cq role "$role" --json | jq -e --arg k "$kind" \
                            '[.tips[].advice] | index($k) != null' >/dev/null ||
                            fail "$a $b: \"$kind\" is no advice of $role"
                    done
                done
                ;;
            *"the same advice, from the article that compares them"*) ;;
            *) fail "$a $b: the tips line says neither what is shared nor why none is: $said" ;;
            esac
        done
    done
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
