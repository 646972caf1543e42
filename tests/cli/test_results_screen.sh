#!/usr/bin/env bash
# test_results_screen.sh: the results fit the screen a person sees (issue 10). In a 100x40
# tmux terminal the quiz is answered to the end and the visible screen must show the
# recommendation and the ranking with scores; the rest is in the pager (less -FRX). Piped
# output stays whole, and the summary of every persona and person fits 38 lines.
# shellcheck source=tests/cli/lib.sh
. "$(dirname "$0")/lib.sh"

# shellcheck source=tests/cli/tmux_lib.sh
. "$(dirname "$0")/tmux_lib.sh"

QUESTIONS=$(jq '.questions | length' "$ROOT/questions/bank.json")

# less_usable: true when the tmux tests can run here and less is installed (the pager they read).
less_usable() {
    usable || return 1
    command -v less >/dev/null && return 0
    skip "less is not installed"
    return 1
}

# A backend developer moving into ML, as the quiz's option numbers: one line per question.
PERSON=(3 2 "1 3 5" 4 "3 5" "1 2 3 5" 3 4 2 1 2 3 2 3 2 2 5 1 3)

test_the_first_screen_after_the_last_answer_shows_the_recommendation_and_ranking() {
    less_usable || return 0
    local i top ranked
    [ "${#PERSON[@]}" -eq "$QUESTIONS" ] || fail "the person answers ${#PERSON[@]} questions"
    # The quiz's own pager: less, with the LESS=FRX that careerquiz sets when LESS is unset.
    CQ_WRAPPER="env -u LESS PAGER=less $CQ_WRAPPER" tmux_start take --save F.json
    wait_for "Question 1 of $QUESTIONS" || return
    for ((i = 1; i <= QUESTIONS; i++)); do
        wait_for "Question $i of $QUESTIONS" || return
        type_line "${PERSON[i - 1]}"
    done
    wait_for "Your results" || return
    top=$(cq score F.json --json | jq -r .recommendation.title)
    [ -n "$top" ] || fail "score gave no recommendation for the saved file"
    # What is on the screen now, without scrolling: the pager's first page.
    visible >screen.txt
    grep -qF "Recommended path: $top" screen.txt ||
        fail "the visible screen does not show the recommendation $top"
    ranked=$(grep -cE '^ +[1-7]\. .+ [0-9]{1,3}\.[0-9]%  [a-z-]+$' screen.txt)
    [ "$ranked" -ge 3 ] || fail "the visible screen shows $ranked ranked roles with scores"
    grep -qF "Why $top" screen.txt || fail "the visible screen shows no reasons"
    [ -s exit ] && fail "the quiz ended before the person read the results"
    # q leaves the pager; the quiz then ends and says where the answers are.
    tm send-keys -t quiz q
    wait_exit
    [ "$STATUS" -eq 0 ] || fail "the quiz ended with $STATUS"
    wait_for "To see these results again: careerquiz score F.json"
    if [ "$TEST_FAILED" = 1 ]; then
        sed 's/^/#   /' screen.txt
    fi
    finish
}

# go_developer: the round-4 backend Go developer's answers (a close call, four pages at 100x40).
go_developer() {
    jq -n '{version: 1, answers: {education: "bachelors", field: "computer-science",
        languages: ["sql", "go"], "ml-frameworks": ["none"], "data-tools": ["kafka", "relational"],
        "deployment-tools": ["git", "docker", "kubernetes", "jenkins"], "visual-tools": ["none"],
        cloud: "production", "software-practice": 5, statistics: 2, publishing: "none",
        "research-vs-production": 1, leadership: "mentor", stakeholders: 3, setting: "tech",
        "enjoyed-result": "shipped-system", "system-part": "platform", "like-to-learn": "cloud",
        "free-day": "automate-deploy"}}'
}

# In the pager no page ends on a heading whose text is on the next page (round 3: "More reasons
# for ROLE" was line 39 of the first page for these people). Headings are the lines that open a
# block of the piped output; each page is read off the visible screen at 100x40.
# Round 4 (C2): the blank lines added at a page's foot showed mid-screen on the last screen,
# which less fills with the text's last 39 lines: the Go developer's "what they share" came
# after two blank lines. Piped, no person has two blank lines in a row, so two on a screen with
# text under them are added lines with no page break after them.
test_no_page_of_the_pager_ends_on_a_heading() {
    less_usable || return 0
    local f page last
    go_developer >go-developer.json
    for f in backend-developer data-analyst data-engineer ml-practitioner phd-ships-products \
        phd-student "$TESTDIR/go-developer"; do
        [ "${f#/}" = "$f" ] && f=$ROOT/tests/people/$f
        f=$f.json
        run cq score "$f"
        awk 'prev == "" && $0 == "" && NR > 1 { exit 1 } { prev = $0 }' "$OUT" ||
            fail "$f: two blank lines in a row in the piped output"
        awk 'prev == "" && /^[^ ]/ { head = $0; next }
             head != "" && $0 != "" { print head } { head = ""; prev = $0 }' "$OUT" >headings.txt
        [ -s headings.txt ] || fail "$f: no headings found in the piped output"
        CQ_WRAPPER="env -u LESS PAGER=less $CQ_WRAPPER" tmux_start score "$f"
        wait_for "Your results" || return
        for ((page = 1; page <= 6; page++)); do
            visible >screen.txt
            last=$(sed -n 39p screen.txt)
            if [ -n "$last" ] && grep -qxF -- "$last" headings.txt; then
                fail "$f: page $page ends on the heading \"$last\""
            fi
            awk 'NR < 40 && $0 == "" { blank++; next }
                 NR < 40 { if (blank >= 2) exit 1; blank = 0 }' screen.txt ||
                fail "$f: page $page shows blank lines added with no page break after them"
            grep -q '^(END)' screen.txt && break
            tm send-keys -t quiz space
            sleep 0.3
        done
        grep -q '^(END)' screen.txt || fail "$f: the pager never reached the end"
        tm send-keys -t quiz q
        wait_exit
    done
    finish
}

test_piped_results_are_whole_and_unpaged() {
    local f
    for f in "$ROOT"/tests/personas/*.json "$ROOT"/tests/people/*.json; do
        PAGER=less run cq score "$f"
        expect_status 0
        expect_stdout_contains "Your results"
        expect_stdout_contains "The whole profile: careerquiz role"
    done
}

test_the_summary_of_every_person_fits_one_screen() {
    local f n
    for f in "$ROOT"/tests/personas/*.json "$ROOT"/tests/people/*.json \
        "$ROOT"/tests/fixtures/answers/*.json "$ROOT"/docs/examples/answers.json; do
        run cq score "$f"
        n=$(grep -n '^Below: ' "$OUT" | cut -d: -f1)
        [ -n "$n" ] || fail "$f: no end of the summary"
        # The summary ends the line after "Below:"; the pager's first page holds 39 lines.
        [ "$((n + 1))" -le 38 ] || fail "$f: the summary takes $((n + 1)) lines"
        awk 'length > 100 { exit 1 }' "$OUT" || fail "$f: a line is wider than 100 columns"
        head -n 11 "$OUT" | grep -cE '%  [a-z-]+$' | grep -qx 7 ||
            fail "$f: the ranking is not in the first lines"
    done
}

test_plain_take_output_is_the_score_output() {
    local i
    for ((i = 0; i < QUESTIONS; i++)); do
        printf '%s\n' "${PERSON[i]}"
    done >answers.txt
    run cq take --plain --save F.json <answers.txt
    expect_status 0
    cp "$OUT" take.txt
    run cq score --plain F.json
    expect_same_file take.txt "$OUT"
    # For a screen reader: the scores without the bars that score draws otherwise.
    grep -E '^  [0-9]\. ' "$OUT" | grep -qE '█|##' && fail "--plain drew bars"
    run cq score F.json
    grep -E '^  [0-9]\. ' "$OUT" | grep -qE '█|##' || fail "score without --plain drew no bars"
}

run_tests
