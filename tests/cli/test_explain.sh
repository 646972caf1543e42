#!/usr/bin/env bash
# test_explain.sh: end-to-end tests of the explanation in score: ledger, --explain, confidence,
# warnings, what-ifs, gaps and the education filter.
# shellcheck source=tests/cli/lib.sh
. "$(dirname "$0")/lib.sh"

EXAMPLE=$ROOT/docs/examples/answers.json
CARELESS=$ROOT/tests/fixtures/answers/first-option-everywhere.json
MASTERS=$ROOT/tests/fixtures/answers/masters-researcher.json
CHANGER=$ROOT/tests/fixtures/answers/career-changer.json

# answer_sets: every answers file the properties are checked on (one per line).
answer_sets() {
    printf '%s\n' "$EXAMPLE" "$ROOT"/tests/personas/*.json "$ROOT"/tests/people/*.json \
        "$CARELESS" "$MASTERS" "$CHANGER"
}

test_contributions_add_up_to_the_score_shown_for_every_answer_set() {
    local f
    for f in $(answer_sets); do
        run cq score --json "$f"
        expect_status 0
        expect_jq '([.contributions[].points] | add) - .recommendation.score | fabs <= 0.5'
        # A skipped question counts as its answers' mean: it has points but no effect.
        expect_jq 'all(.contributions[]; .answer != null or .effect == 0)'
        expect_jq 'all(.contributions[]; has("question") and has("answer") and has("points")
                       and has("effect"))'
    done
}

test_the_margin_is_the_difference_of_the_first_two_scores() {
    local f
    for f in $(answer_sets); do
        run cq score --json "$f"
        expect_jq '.margin == (((.ranking[0].score - .ranking[1].score) * 10 | round) / 10)'
        run cq score --json --education-filter "$f"
        expect_jq '.margin == (((.ranking[0].score - .ranking[1].score) * 10 | round) / 10)'
    done
}

test_every_what_if_holds_when_applied_to_the_answers_file_and_scored() {
    local f n i question to new_top filter seen=0
    for filter in "" --education-filter; do
        for f in $(answer_sets); do
            # shellcheck disable=SC2086 # the empty filter must vanish
            run cq score --json $filter "$f"
            cp "$OUT" result.json
            n=$(jq '.what_if | length' result.json)
            for ((i = 0; i < n; i++)); do
                question=$(jq -r ".what_if[$i].question" result.json)
                to=$(jq -c ".what_if[$i].to" result.json)
                new_top=$(jq -r ".what_if[$i].new_top" result.json)
                jq --arg q "$question" --argjson to "$to" '.answers[$q] = $to' "$f" >changed.json
                # shellcheck disable=SC2086
                run cq score --json $filter changed.json
                expect_status 0
                expect_jq '.ranking[0].id == $id' --arg id "$new_top"
                seen=$((seen + 1))
            done
        done
    done
    [ "$seen" -gt 0 ] || fail "no answer set got a what-if: the check above proved nothing"
}

test_explain_gives_the_ledger_of_every_role() {
    local id title
    for id in $(role_ids); do
        run cq score --json --explain "$id" "$EXAMPLE"
        expect_status 0
        expect_jq '.explained.id == $id' --arg id "$id"
        expect_jq '(.explained.contributions | length) == (.contributions | length)'
        expect_jq '([.explained.contributions[].points] | add) - .explained.score | fabs <= 0.5'
        title=$(jq -r .title "$ROOT/profiles/$id.json")
        run cq score --explain "$id" "$EXAMPLE"
        expect_status 0
        expect_stdout_contains "How the score of $title adds up"
    done
}

# The --explain ledger on the screen adds up to the score it heads, questions left out included
# (they give every role the same points, and were once left off the ledger).
test_the_explain_ledger_on_screen_adds_up_to_its_score() {
    local file role questions
    questions=$(cq questions --json | jq '.questions | length')
    jq 'del(.answers.cloud) | .answers.setting = null' "$EXAMPLE" >left-out.json
    for file in "$CHANGER" left-out.json; do
        for role in data-scientist ml-engineer research-scientist; do
            run cq score --plain --explain "$role" "$file"
            expect_status 0
            awk -v questions="$questions" '/adds up \(/ { on = 1; want = $NF; gsub(/[(%)]/, "", want); next }
                 on && /^$/ { on = 0 }
                 on && /^ +[0-9]+\.[0-9][0-9] +[+-][0-9]/ { sum += $1; rows++ }
                 END { if (rows != questions || sum - want > 0.1 || want - sum > 0.1) {
                           printf "%d rows adding up to %.2f under a score of %s\n", rows, sum, want
                           exit 1 } }' "$OUT" >ledger.txt ||
                fail "$(basename "$file") --explain $role: $(cat ledger.txt)"
        done
        grep -qF "left out (every role gets the same points for it)" "$OUT" ||
            fail "$(basename "$file"): no ledger row says a question was left out"
    done
}

# Every line of a result fits an 80-column terminal: the ranking's role ids and the headings
# once ran to 95 columns, so a terminal broke "research-scientist" in two.
test_every_line_of_a_result_fits_80_columns() {
    local file
    while read -r file; do
        run cq score --explain ml-software-engineer "$file"
        [ "$(LC_ALL=C.UTF-8 wc -L <"$OUT")" -le 80 ] ||
            fail "$(basename "$file"): a line of $(LC_ALL=C.UTF-8 wc -L <"$OUT") columns"
    done < <(answer_sets)
}

test_explain_of_an_unknown_role_is_a_usage_error() {
    run cq score --explain data-wrangler "$EXAMPLE"
    expect_status 64
    expect_stdout_empty
    expect_stderr_contains 'unknown role "data-wrangler"'
    expect_error_line
}

test_without_explain_there_is_no_explained_ledger() {
    run cq score --json "$EXAMPLE"
    expect_jq 'has("explained") | not'
    run cq score "$EXAMPLE"
    expect_stdout_lacks "How the score of"
}

test_text_names_the_answers_that_raised_and_lowered_the_score_most() {
    local title
    run cq score --json "$EXAMPLE"
    title=$(jq -r .recommendation.title "$OUT")
    run cq score "$EXAMPLE"
    expect_stdout_contains "Why $title"
    expect_stdout_contains "You said: "
    grep -qE '^ +\+[0-9]+\.[0-9]  ' "$OUT" || fail "no reason that raised the score"
    grep -qE '^ +-[0-9]+\.[0-9]  ' "$OUT" || fail "no reason that lowered the score"
}

# Every reason of the recommended role is shown once, in "Why" or in the reasons further down:
# as many lines as answers move the role by 0.5 points or more (up to 8 each way), none twice.
# The career changer has 7 reasons that raised her score: the lowered ones were once looked up
# one place off, so one was shown twice and another not at all.
test_every_reason_is_shown_once() {
    local file want got
    while read -r file; do
        run cq score --json "$file"
        want=$(jq '[.contributions[].effect] | ([.[] | select(. >= 0.5)] | [length, 8] | min)
                   + ([.[] | select(. <= -0.5)] | [length, 8] | min)' "$OUT")
        run cq score --plain "$file"
        grep -E '^ +[+-][0-9]+\.[0-9]  ' "$OUT" >reasons.txt
        got=$(wc -l <reasons.txt)
        [ "$got" = "$want" ] || fail "$(basename "$file"): $got reasons shown, $want expected"
        [ "$(sort reasons.txt | uniq -d | wc -l)" = 0 ] ||
            fail "$(basename "$file"): a reason is shown twice: $(sort reasons.txt | uniq -d)"
    done < <(answer_sets)
}

test_a_close_call_co_recommends_the_roles_and_says_so_plainly() {
    run cq score --json "$EXAMPLE"
    expect_jq '.close_call and (.co_recommended | length) >= 2'
    expect_jq '.co_recommended[0] == .ranking[0].id and .co_recommended[1] == .ranking[1].id'
    run cq score "$EXAMPLE"
    expect_stdout_contains "both fit: too close to call"
    # It names the command to read about each role, with the ids (not "role ID").
    expect_stdout_lacks "careerquiz role ID"
    run cq score --format markdown "$EXAMPLE"
    expect_stdout_contains \
        "Read about each with careerquiz role ml-engineer, careerquiz role ml-software-engineer."
}

test_a_clear_win_co_recommends_nothing() {
    run cq score --json "$ROOT/tests/personas/research-scientist.json"
    expect_jq '(.close_call | not) and .co_recommended == []'
}

test_answers_all_at_the_first_position_raise_a_warning() {
    run cq score --json "$CARELESS"
    expect_status 0
    expect_jq '[.warnings[].code] | index("same-position") != null'
    expect_jq '[.warnings[].code] | index("scale-end") != null'
    run cq score "$CARELESS"
    expect_stdout_contains "Check your answers"
    expect_stdout_contains "answered with the option in the same position"
}

test_considered_answers_raise_no_warning() {
    local f
    for f in "$EXAMPLE" "$ROOT"/tests/personas/*.json; do
        run cq score --json "$f"
        expect_jq '.warnings == []'
        run cq score "$f"
        expect_stdout_lacks "Check your answers"
    done
}

test_tips_say_which_gap_they_close_and_come_largest_gap_first() {
    # The example without its cloud use lacks two things a tip closes.
    jq '.answers.cloud = "never"' "$EXAMPLE" >no-cloud.json
    run cq score --json no-cloud.json
    expect_jq '.tips | length >= 2'
    expect_jq 'all(.tips[]; has("text") and has("closes") and has("builds") and has("source"))'
    expect_jq 'all(.tips[]; .closes - .builds == [])'
    # The largest closable gap of each tip never grows down the list.
    expect_jq '([.gaps[] | {(.trait): .gap}] | add) as $g
               | [.tips[] | [.closes[] | $g[.]] | max // 0] as $k
               | [range(1; $k | length) | $k[. - 1] >= $k[.]] | all'
    run cq score no-cloud.json
    expect_stdout_contains "closes a gap in: "
}

test_an_education_below_the_recommended_role_is_stated_as_a_soft_factor() {
    run cq score --json "$MASTERS"
    expect_jq '.recommendation.id == "research-scientist"'
    expect_jq '.education_gap == {"role": "research-scientist", "expected": "phd",
                                  "reported": "masters"}'
    run cq score "$MASTERS"
    expect_stdout_contains "Research Scientist roles usually expect at least"
    expect_stdout_contains "you reported \"Master's degree\""
    expect_stdout_contains "soft factor"
}

test_education_filter_sets_apart_roles_above_the_reported_education() {
    local top apart
    run cq score --json --education-filter "$MASTERS"
    expect_status 0
    expect_jq '.education_filtered == ["research-scientist"]'
    expect_jq '[.ranking[].id] | index("research-scientist") == null'
    expect_jq '.recommendation.id == .ranking[0].id'
    top=$(jq -r .recommendation.title "$OUT")
    run cq score --json "$MASTERS"
    apart=$(printf '%.1f' "$(jq -r '.ranking[] | select(.id == "research-scientist") | .score' "$OUT")")
    run cq score --education-filter "$MASTERS"
    expect_stdout_contains "Above your reported education"
    expect_stdout_contains "Research Scientist (${apart}%) usually expects at least"
    expect_stdout_contains "Recommended path: $top"
}

test_education_filter_keeps_every_ranked_role_within_the_reported_level() {
    local f level
    for f in $(answer_sets); do
        run cq score --json --education-filter "$f"
        expect_status 0
        level=$(jq -r '.answers.education' "$f")
        if jq -e '[.warnings[].code] | index("education-filter-all")' "$OUT" >/dev/null; then
            # Every role expects more: the filter keeps them all rather than rank nothing.
            expect_jq '.education_filtered == [] and (.ranking | length) == 7'
            continue
        fi
        for id in $(jq -r '.ranking[].id' "$OUT"); do
            jq -e --arg have "$level" --arg want "$(jq -r .typical_education \
                "$ROOT/profiles/$id.json")" \
                '["secondary","bootcamp","bachelors","masters","phd"] as $l
                 | ($l | index($want)) <= ($l | index($have))' -n >/dev/null ||
                fail "$id is ranked for $f although it expects more than $level"
        done
    done
}

test_education_filter_that_would_set_every_role_apart_says_so_and_keeps_them() {
    run cq score --json --education-filter "$CARELESS"
    expect_jq '.education_filtered == [] and (.ranking | length) == 7'
    expect_jq '[.warnings[].code] | index("education-filter-all") != null'
    run cq score --education-filter "$CARELESS"
    expect_stdout_contains "every role usually expects more education than you reported"
    expect_stdout_lacks "Above your reported education"
}

# expect_lines_under_shortfalls REGEX FILTER WHAT: for every answer set, the lines matching REGEX
# under "Where you fall short of" are as many as FILTER counts in its score --json.
expect_lines_under_shortfalls() {
    local f want got
    for f in $(answer_sets); do
        run cq score --json "$f"
        want=$(jq "$2" "$OUT")
        run cq score "$f"
        got=$(sed -n '/^Where you fall short of/,/^Getting started/p' "$OUT" | grep -cE -- "$1")
        [ "$got" = "$want" ] || fail "$f: $got lines like \"$1\" under the shortfalls, $want $3"
    done
}

# Under a shortfall, each tip that closes it is a sentence on a line of its own: joined by "; "
# the second lost its "Tip:" and kept its capital, and read as one run-on tip. The lines are
# counted against the tips JSON gives each named gap (phd-ships-products has a gap two close).
test_each_tip_under_a_shortfall_is_a_line_of_its_own() {
    expect_lines_under_shortfalls '^ {5}Tip: ' '[.gaps[:3][].tips | length] | add // 0' \
        "tips close them"
    run cq score "$ROOT/tests/people/phd-ships-products.json"
    expect_stdout_contains "     Tip: Practise processing data with Apache Spark or Hadoop."
    expect_stdout_contains "     Tip: Stay informed about emerging AI/ML and big data technology"
    run cq score --format markdown "$ROOT/tests/people/phd-ships-products.json"
    expect_stdout_contains "Tip: Practise processing data with Apache Spark or Hadoop. Tip: Stay"
}

# Where no tip closes a shortfall, the profile items that name it are each a line of their own
# (a sentence each in reports): joined by "; " items with commas of their own ran together
# ("Fluent coding in Python, R or MATLAB; Jupyter Notebooks, RStudio and MATLAB for ...").
test_each_profile_item_under_a_shortfall_is_a_line_of_its_own() {
    expect_lines_under_shortfalls '^ {5}- ' \
        '[.gaps[:3][] | select((.tips | length) == 0) | [.items | length, 3] | min] | add // 0' \
        "profile items name them (at most 3 each)"
    run cq score --education-filter "$MASTERS"
    printf '%s\n' "     What the role's profile names for it:" \
        "     - Fluent coding in Python, R or MATLAB." \
        "     - Jupyter Notebooks, RStudio and MATLAB for day-to-day research." \
        "     - LaTeX and Overleaf for writing academic papers." >want.txt
    grep -B1 -A2 -xF -- "     - Fluent coding in Python, R or MATLAB." "$OUT" >got.txt
    expect_same_file want.txt got.txt
    local items="Fluent coding in Python, R or MATLAB. Jupyter Notebooks, RStudio and MATLAB for day-to-day research. LaTeX and Overleaf for writing academic papers."
    run cq score --format markdown --education-filter "$MASTERS"
    expect_stdout_contains "*(What the role's profile names for it: $items)*"
    run cq score --format html --education-filter "$MASTERS"
    expect_stdout_contains "<span class=\"detail\">What the role&#39;s profile names for it: $items</span>"
}

# A note on what the filter did is about a true answer: it is not headed "Check your answers",
# which is kept for answers that look careless.
test_notes_on_the_education_filter_have_a_heading_of_their_own() {
    local bootcamp=$ROOT/tests/people/bootcamp-researcher.json
    run cq score --json --education-filter "$bootcamp"
    expect_jq '[.warnings[].code] == ["education-filter-all"]'
    for format in text markdown html; do
        run cq score --format "$format" --education-filter "$bootcamp"
        expect_stdout_contains "About the education filter"
        expect_stdout_lacks "Check your answers"
    done
    # Careless answers and the filter: each under its own heading.
    run cq score --education-filter "$CARELESS"
    expect_stdout_contains "Check your answers"
    expect_stdout_contains "About the education filter"
    awk '/^Check your answers/ { c = 1; next } /^About the education filter/ { c = 0 }
         c && /education filter/ { bad = 1 } END { exit bad }' "$OUT" ||
        fail "a note on the education filter is under \"Check your answers\""
}

test_without_the_education_filter_nothing_is_set_apart() {
    run cq score --json "$MASTERS"
    expect_jq 'has("education_filtered") | not'
    expect_jq '(.ranking | length) == 7'
}

run_tests
