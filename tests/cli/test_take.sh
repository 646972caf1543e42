#!/usr/bin/env bash
# test_take.sh: the quiz through pipes (the plain line reader): answering, commands, saving,
# resuming, end of input, and no escape sequences where there must be none.
# shellcheck source=tests/cli/lib.sh
. "$(dirname "$0")/lib.sh"

QUESTIONS=$(jq '.questions | length' "$ROOT/questions/bank.json")

# ones N: N lines of "1" (option 1, or 1 on a scale: valid for every question).
ones() {
    yes 1 | head -n "$1"
}

# saved FILTER: FILTER is true for the saved answers in $TESTDIR/F.json.
expect_saved() {
    jq -e "$1" "$TESTDIR/F.json" >/dev/null 2>&1 || {
        fail "saved answers do not satisfy: $1"
        sed -n '1,20s/^/#   /p' "$TESTDIR/F.json" 2>/dev/null
    }
}

expect_no_escape() {
    local f
    for f in "$@"; do
        if grep -q $'\033' "$f"; then
            fail "$f has an escape sequence"
            grep -n $'\033' "$f" | head -n 3 | cat -v | sed 's/^/#   /'
        fi
    done
}

test_piped_answers_finish_the_quiz_and_name_the_recommendation() {
    local title
    run cq take --save F.json < <(yes 1)
    expect_status 0
    expect_no_escape "$OUT" "$ERR"
    title=$(cq score F.json --json | jq -r .recommendation.title)
    [ -n "$title" ] || fail "score of the saved file gave no title"
    expect_stdout_contains "Recommended path: $title"
    expect_saved ".answers | length == $QUESTIONS"
}

test_the_quiz_results_are_exactly_what_score_gives_for_the_saved_file() {
    run cq take --save F.json < <(yes 1)
    expect_status 0
    cq score F.json >score.txt 2>/dev/null
    expect_same_file "$OUT" score.txt
}

test_two_answers_then_end_of_input_keep_both_and_exit_non_zero() {
    run cq take --save F.json < <(printf '1\n1\n')
    expect_status 75
    expect_saved '.answers | length == 2'
    expect_stderr_contains "Input ended at question 3 of $QUESTIONS"
    expect_stderr_contains "careerquiz take --resume F.json"
}

test_a_last_line_without_a_newline_still_counts() {
    run cq take --save F.json < <({ ones $((QUESTIONS - 1)); printf 1; })
    expect_status 0
    expect_saved ".answers | length == $QUESTIONS"
}

test_invalid_input_explains_and_asks_the_same_question_again() {
    run cq take --save F.json < <(printf 'zzz\n9\n4\n')
    expect_status 75
    expect_stderr_contains '"zzz" is not one of the options'
    expect_stderr_contains 'There is no option 9'
    expect_saved '.answers.education == "masters"'
    [ "$(grep -c '^Question 1 of' "$ERR")" -eq 1 ] || fail "question 1 should be shown once"
    grep -q "^Question 2 of $QUESTIONS" "$ERR" || fail "question 2 never came"
}

test_an_option_can_be_picked_by_the_start_of_its_text_or_a_keyword() {
    run cq take --save F.json < <(printf 'doct\ncomputer\npython, sql\n')
    expect_saved '.answers.education == "phd" and .answers.field == "computer-science"'
    expect_saved '.answers.languages == ["python", "sql"]'
    # masters, skip the field, Python and SQL, then 1 for the next 11 questions, up to setting.
    run cq take --save F.json < <(printf 'masters\ns\n1 5\n'; ones 11; printf 'tech\n')
    expect_saved '.answers.education == "masters" and .answers.setting == "tech"'
    expect_saved '.answers.languages == ["python", "sql"]'
}

test_an_ambiguous_keyword_asks_for_more() {
    run cq take --save F.json < <(printf '4\nsc\ncomp\n')
    expect_stderr_contains '"sc" fits'
    expect_saved '.answers.field == "computer-science"'
}

test_back_shows_the_previous_question_with_its_answer_marked() {
    run cq take --save F.json < <(printf '4\nb\n\n3\n')
    expect_status 75
    grep -q '(\*)  4\. Master' "$ERR" || fail "the current answer is not marked"
    expect_stderr_contains "Press Enter to keep your answer"
    expect_saved '.answers.education == "masters" and .answers.field == "math-statistics"'
}

test_back_on_the_first_question_says_so() {
    run cq take --save F.json < <(printf 'b\n4\n')
    expect_stderr_contains "This is the first question"
    expect_saved '.answers.education == "masters"'
}

test_skip_leaves_an_optional_question_unanswered() {
    run cq take --save F.json < <(printf '4\ns\n1\n')
    # Saved as null: skipped, which a resume knows from not asked yet.
    expect_saved '.answers.education == "masters" and (.answers | has("field"))'
    expect_saved '.answers.field == null and .answers.languages == ["python"]'
}

# Round 3: after an optional question was skipped, take --resume asked it again.
test_resume_does_not_ask_a_skipped_question_again() {
    run cq take --save F.json < <(printf '4\ns\nq\n')
    expect_status 75
    expect_saved '.answers == {"education": "masters", "field": null}'
    run cq take --resume F.json < <(ones $((QUESTIONS - 2)))
    expect_status 0
    [ "$(grep -m1 '^Question ' "$ERR" | cut -d' ' -f2)" = 3 ] ||
        fail "the first question shown on resume is not question 3"
    grep -q '^Question 2 of' "$ERR" && fail "the skipped question 2 was asked again"
    expect_saved '.answers.field == null'
    expect_saved ".answers | length == $QUESTIONS"
    # A file without the key (older saves wrote nothing for a skip) still loads; the question
    # counts as not asked yet.
    printf '{"answers": {"education": "phd"}}\n' >F.json
    run cq take --resume F.json < <(printf 's\n'; ones $((QUESTIONS - 2)))
    expect_status 0
    [ "$(grep -m1 '^Question ' "$ERR" | cut -d' ' -f2)" = 2 ] ||
        fail "an older file does not go on at question 2"
}

# Round 4: the quit message and the resume banner counted answers only, so "15 of 19 answered"
# was followed by question 17 and the skipped question went unmentioned.
test_quit_and_resume_name_the_skipped_questions() {
    run cq take --save F.json < <(printf '4\ns\nq\n')
    expect_status 75
    expect_stderr_contains "Saved 1 answer and 1 skipped question to F.json"
    run cq take --resume F.json < <(printf 'q\n')
    expect_status 75
    expect_stderr_contains "Welcome back: 1 of $QUESTIONS questions answered, 1 skipped. Going on at question 3."
    expect_stderr_contains "Saved 1 answer and 1 skipped question to F.json"
}

# Round 3: after the gap in a resumed file was filled, the quiz stepped through the questions
# the file already answers one by one, each waiting for Enter. It goes on at the next question
# neither answered nor skipped; b still goes back to the ones passed over.
test_resume_passes_over_questions_the_file_already_answers() {
    printf '{"answers": {"education": "phd", "languages": ["python"], "ml-frameworks": ["pytorch"]}}\n' >F.json
    run cq take --resume F.json < <(printf '1\nb\n\nq\n')
    expect_status 75
    [ "$(grep '^Question ' "$ERR" | cut -d' ' -f2 | tr '\n' ' ')" = "2 5 4 5 " ] ||
        fail "questions shown: $(grep '^Question ' "$ERR" | cut -d' ' -f2 | tr '\n' ' '), not 2 5 4 5"
    expect_saved '.answers.field != null and .answers.languages == ["python"]'
    expect_saved '.answers["ml-frameworks"] == ["pytorch"] and (.answers | length) == 4'
}

test_skip_is_refused_on_a_required_question() {
    run cq take --save F.json < <(printf 's\n4\n')
    expect_stderr_contains "only optional ones can be skipped"
    expect_saved '.answers.education == "masters"'
}

test_a_none_option_cannot_be_combined_with_others() {
    run cq take --save F.json < <(printf '4\ns\n1,9\n1\n')
    expect_stderr_contains 'cannot be combined with others'
    expect_saved '.answers.languages == ["python"]'
}

test_help_explains_how_to_answer() {
    run cq take --save F.json < <(printf '?\n4\n')
    expect_stderr_contains "Help: This question takes one answer"
    expect_saved '.answers.education == "masters"'
}

# Saves from before skips were kept as null left a skipped question out, and the resume asked it
# again. In a file of this very bank an optional question left out before the last answer was
# skipped (take asks in order); in a file of an earlier bank it may be one the bank added since,
# and in a file that names no bank nobody knows: those are asked as before.
test_an_optional_question_left_out_of_a_file_of_this_bank_counts_as_skipped() {
    local bank v
    bank=$(jq -r .version "$ROOT/questions/bank.json")
    printf '{"bank_version": "%s", "answers": {"education": "phd", "languages": ["python"]}}\n' \
        "$bank" >F.json
    run cq take --resume F.json < <(printf 'q\n')
    expect_status 75
    [ "$(grep -m1 '^Question ' "$ERR" | cut -d' ' -f2)" = 4 ] ||
        fail "the left-out optional question 2 was asked again"
    expect_stderr_contains "Welcome back: 2 of $QUESTIONS questions answered, 1 skipped. Going on at question 4."
    expect_saved '.answers.field == null and (.answers | has("field"))'
    # Required questions left out are still asked; so are questions after the last answer.
    printf '{"bank_version": "%s", "answers": {"education": "phd", "ml-frameworks": ["pytorch"]}}\n' \
        "$bank" >F.json
    run cq take --resume F.json < <(printf 'q\n')
    [ "$(grep -m1 '^Question ' "$ERR" | cut -d' ' -f2)" = 3 ] ||
        fail "the left-out required question 3 was not asked"
    expect_saved '.answers.field == null and (.answers | has("languages") | not)'
    expect_saved '(.answers | has("setting") | not)'
    for v in '"bank_version": "2026.12-1", ' ''; do
        printf '{%s"answers": {"education": "phd", "languages": ["python"]}}\n' "$v" >F.json
        run cq take --resume F.json < <(printf 'q\n')
        [ "$(grep -m1 '^Question ' "$ERR" | cut -d' ' -f2)" = 2 ] ||
            fail "${v:-no bank version}: the left-out question 2 is not asked"
        expect_saved '(.answers | has("field") | not)'
    done
}

test_quit_saves_and_prints_the_resume_command() {
    run cq take --save F.json < <(printf '4\nq\n')
    expect_status 75
    expect_stderr_contains "Saved 1 answer to F.json"
    expect_stderr_contains "careerquiz take --resume F.json"
    expect_saved '.answers == {"education": "masters"}'
}

test_resume_starts_at_the_first_unanswered_question_and_keeps_the_answers() {
    printf '{"answers": {"education": "phd", "field": "math-statistics"}}\n' >F.json
    run cq take --resume F.json < <(ones $((QUESTIONS - 2)))
    expect_status 0
    expect_stderr_contains "Welcome back: 2 of $QUESTIONS questions answered. Going on at question 3."
    [ "$(grep -m1 '^Question ' "$ERR" | cut -d' ' -f2)" = 3 ] ||
        fail "the first question shown is not question 3"
    expect_saved '.answers.education == "phd" and .answers.field == "math-statistics"'
    expect_saved ".answers | length == $QUESTIONS"
    cq score F.json >score.txt 2>/dev/null
    expect_same_file "$OUT" score.txt
}

test_quitting_without_save_offers_the_state_folder() {
    XDG_STATE_HOME=$TESTDIR/state run cq take < <(printf '4\nq\n\n')
    expect_status 75
    expect_stderr_contains "Save your answers so you can finish later? [Y/n]"
    expect_stderr_contains "careerquiz take --resume $TESTDIR/state/careerquiz/answers-"
    set -- "$TESTDIR"/state/careerquiz/answers-*.json
    [ -f "$1" ] || fail "nothing saved under \$XDG_STATE_HOME/careerquiz"
    cp "$1" F.json 2>/dev/null
    expect_saved '.answers.education == "masters"'
}

test_declining_the_offer_saves_nothing() {
    XDG_STATE_HOME=$TESTDIR/state run cq take < <(printf '4\nq\nn\n')
    expect_status 75
    expect_stderr_contains "Your answers were not saved"
    [ ! -e "$TESTDIR/state/careerquiz" ] || fail "a file was saved after the person said no"
}

test_the_state_folder_falls_back_to_local_state_under_home() {
    printf '4\n' | env -u XDG_STATE_HOME HOME="$TESTDIR/home" "$CAREERQUIZ" take >"$OUT" 2>"$ERR"
    set -- "$TESTDIR"/home/.local/state/careerquiz/answers-*.json
    [ -f "$1" ] || fail "nothing saved under ~/.local/state/careerquiz"
}

test_end_of_input_with_no_answers_saves_nothing() {
    run cq take --save F.json </dev/null
    expect_status 75
    expect_stderr_contains "No answers were given"
    [ ! -e F.json ] || fail "an empty save was written"
}

test_an_unwritable_save_path_is_reported_and_the_quiz_goes_on() {
    mkdir locked
    chmod 500 locked
    if [ -w locked ]; then # root ignores the mode: use a path that cannot be a folder
        rmdir locked
        touch locked
    fi
    run cq take --save locked/F.json < <(yes 1)
    expect_stderr_contains "cannot save answers"
    expect_stdout_contains "Recommended path:"
    [ "$STATUS" -ne 0 ] || fail "a save that never worked must not exit 0"
}

test_plain_mode_has_no_bars_and_every_line_stands_alone() {
    run cq take --plain < <(yes 1)
    expect_status 0
    expect_stderr_contains "Question 1 of $QUESTIONS: What is the highest level of education"
    expect_stderr_contains "Option 1 of 5: Secondary school or self-taught"
    expect_stderr_contains "Answer to question 1: 1"
    if grep -q $'\xe2\x96' "$ERR" || grep -qE '\[[ #]+\]' "$ERR"; then
        fail "plain mode draws a bar"
    fi
    expect_no_escape "$OUT" "$ERR"
}

test_take_with_db_stores_the_finished_quiz_with_its_event() {
    run cq take --db k.db --event workshop < <(yes 1)
    expect_status 0
    cq stats --db k.db --event workshop --json >stats.json 2>/dev/null
    jq -e '.total == 1' stats.json >/dev/null || fail "the finished quiz is not in the database"
    run cq take --db k.db < <(printf '4\n')
    expect_status 75
    cq stats --db k.db --json >stats.json 2>/dev/null
    jq -e '.total == 1' stats.json >/dev/null || fail "an unfinished quiz was stored"
}

test_a_broken_resume_file_is_bad_data_naming_the_line() {
    printf '{"answers": {\n  "education": "phd",\n}}\n' >F.json
    run cq take --resume F.json </dev/null
    expect_status 65
    expect_stderr_matches 'F\.json:3:'
    run cq take --resume missing.json </dev/null
    expect_status 66
    expect_stderr_contains "missing.json"
}

# On a pseudo-terminal (script(1)) the readline build would colour and clear the screen;
# NO_COLOR, TERM=dumb and --plain must each leave not one escape byte.
# The input has an end: script(1) reads all it is given and buffers what the quiz has not read
# yet, so an endless `yes 1` grew it by gigabytes.
pty_take() { # ENV-ASSIGNMENTS...: runs take on a pty with enough "1" lines typed into it
    ones $((QUESTIONS * 3)) | script -qfec "env $* $CQ_WRAPPER $CAREERQUIZ take --save $TESTDIR/F.json" /dev/null \
        >"$OUT" 2>&1
}

test_a_terminal_gets_escapes_only_when_allowed() {
    command -v script >/dev/null || return 0
    pty_take TERM=xterm
    grep -q $'\033' "$OUT" || fail "a colour terminal should get escape sequences"
    grep -q 'Recommended path' "$OUT" || fail "the quiz did not finish on the terminal"
    pty_take TERM=xterm PAGER=cat
    expect_styles_closed "$OUT"
    pty_take TERM=xterm NO_COLOR=1
    expect_no_escape "$OUT"
    pty_take TERM=dumb
    expect_no_escape "$OUT"
    pty_take -u TERM
    expect_no_escape "$OUT"
}

test_careerquiz_alone_starts_the_quiz_on_a_terminal_and_shows_usage_otherwise() {
    run cq </dev/null
    expect_status 64
    expect_stderr_contains "usage: careerquiz"
    command -v script >/dev/null || return 0
    echo q | script -qfec "env TERM=dumb $CQ_WRAPPER $CAREERQUIZ" /dev/null >"$OUT" 2>&1
    expect_stdout_contains "Question 1 of $QUESTIONS"
}

run_tests
