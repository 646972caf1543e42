#!/usr/bin/env bash
# test_kiosk.sh: the career-fair kiosk in a real terminal (tmux): people one after another,
# idle resets, Ctrl-C, the exit word, SIGTERM, and results that survive kill -9.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/tmux_lib.sh"

QUESTIONS=$(jq '.questions | length' "$ROOT/questions/bank.json")

# kiosk ARGS...: starts the kiosk on k.db with the exit word "goodbye".
kiosk() {
    tmux_start kiosk --db "$TESTDIR/k.db" --exit-word goodbye "$@"
}

# stored: how many results k.db holds (0 when it does not exist yet).
stored() {
    [ -f "$TESTDIR/k.db" ] || { echo 0; return; }
    "$CAREERQUIZ" stats --db "$TESTDIR/k.db" --json 2>/dev/null | jq -r '.total // 0'
}

# one_person ANSWER: starts at the welcome screen, answers every question with ANSWER and
# waits for the results.
one_person() {
    local i
    wait_for "Press Enter to start" || return 1
    tm send-keys -t quiz Enter
    for ((i = 1; i <= QUESTIONS; i++)); do
        wait_for "Question $i of $QUESTIONS" || return 1
        type_line "$1"
    done
    wait_for "Your code:"
}

# back_at_welcome: waits until the welcome screen is what the terminal shows now.
back_at_welcome() {
    local i
    for ((i = 0; i < WAIT * 10; i++)); do
        visible | grep -q "Press Enter to start" && ! visible | grep -q "Question [0-9]" &&
            return 0
        sleep 0.1
    done
    fail "the kiosk did not return to its welcome screen"
    visible | grep -v '^$' | tail -n 8 | sed 's/^/#   /'
    return 1
}

test_two_people_in_a_row_are_both_stored_and_the_second_sees_nothing_of_the_first() {
    usable || return 0
    kiosk --event fair
    one_person 1 || return
    [ "$(stored)" = 1 ] || fail "the first result is not in the database"
    tm send-keys -t quiz Enter
    back_at_welcome || return
    screen | grep -q "Your code:" && fail "the first person's result is still in the scroll-back"
    one_person 2 || return
    [ "$(stored)" = 2 ] || fail "the database holds $(stored) results, not 2"
    tm send-keys -t quiz Enter
    back_at_welcome || return
    type_line goodbye
    wait_exit
    [ "$STATUS" -eq 0 ] || fail "the exit word ended the kiosk with $STATUS"
    "$CAREERQUIZ" stats --db k.db --event fair --json 2>/dev/null | jq -e '.total == 2' \
        >/dev/null || fail "the event label was not stored with both results"
}

test_an_idle_half_finished_quiz_is_dropped_and_not_stored() {
    usable || return 0
    kiosk --idle 2
    wait_for "Press Enter to start" || return
    tm send-keys -t quiz Enter
    wait_for "Question 1 of $QUESTIONS" || return
    type_line 3
    wait_for "Question 2 of $QUESTIONS" || return
    type_line 1
    wait_for "Question 3 of $QUESTIONS" || return
    back_at_welcome || return
    [ "$(stored)" = 0 ] || fail "a half-finished quiz was stored"
    # The next person starts afresh: question 1 shows no earlier answer.
    tm send-keys -t quiz Enter
    wait_for "Question 1 of $QUESTIONS" || return
    visible | grep -q '(\*)' && fail "the dropped person's answer is still marked"
    type_line goodbye # not the exit word here: just an answer that is not an option
    [ ! -s exit ] || fail "the kiosk ended"
    finish
}

test_ctrl_c_ctrl_d_and_quit_never_end_the_kiosk() {
    usable || return 0
    kiosk
    wait_for "Press Enter to start" || return
    tm send-keys -t quiz C-c
    sleep 0.3
    tm send-keys -t quiz C-d
    sleep 0.3
    tm send-keys -t quiz Enter
    wait_for "Question 1 of $QUESTIONS" || return
    tm send-keys -t quiz -l ab
    tm send-keys -t quiz C-c
    back_at_welcome || return
    tm send-keys -t quiz Enter
    wait_for "Question 1 of $QUESTIONS" || return
    type_line q
    back_at_welcome || return
    tm send-keys -t quiz Enter
    wait_for "Question 1 of $QUESTIONS" || return
    tm send-keys -t quiz C-d
    back_at_welcome || return
    [ ! -s exit ] || fail "the kiosk ended"
    [ "$(stored)" = 0 ] || fail "an abandoned quiz was stored"
    type_line goodbye
    wait_exit
    [ "$STATUS" -eq 0 ] || fail "the exit word ended the kiosk with $STATUS"
}

test_sigterm_ends_the_kiosk_cleanly() {
    usable || return 0
    kiosk
    wait_for "Press Enter to start" || return
    tm send-keys -t quiz Enter
    wait_for "Question 1 of $QUESTIONS" || return
    pkill -TERM -f "careerquiz kiosk --db $TESTDIR/k.db"
    wait_exit
    [ "$STATUS" -eq 0 ] || fail "SIGTERM ended the kiosk with $STATUS"
}

test_a_result_on_screen_survives_kill_9() {
    usable || return 0
    kiosk
    one_person 1 || return
    pkill -KILL -f "careerquiz kiosk --db $TESTDIR/k.db"
    wait_exit
    [ "$(stored)" = 1 ] || fail "the result shown before kill -9 is not in the database"
    if command -v sqlite3 >/dev/null; then
        [ "$(sqlite3 k.db 'PRAGMA integrity_check')" = ok ] || fail "integrity_check is not ok"
    fi
}

test_the_report_dir_gets_each_result_under_its_code() {
    usable || return 0
    local code
    kiosk --report-dir "$TESTDIR/reports"
    one_person 1 || return
    code=$(screen | sed -n 's/.*Your code: \([A-Z0-9]\{4\}-[A-Z0-9]\{4\}\).*/\1/p' | tail -n 1)
    [ -n "$code" ] || fail "no code on the results screen"
    [ -f "reports/$code.html" ] || fail "no report reports/$code.html"
    grep -q '<svg' "reports/$code.html" || fail "the report has no chart"
    tm send-keys -t quiz Enter
    back_at_welcome || return
    type_line goodbye
    wait_exit
}

test_tab_after_an_abandoned_quiz_completes_nothing_and_keeps_the_kiosk() {
    usable || return 0
    kiosk
    wait_for "Press Enter to start" || return
    tm send-keys -t quiz Enter
    wait_for "Question 1 of $QUESTIONS" || return
    type_line q
    back_at_welcome || return
    # The quiz that offered its option texts to Tab is gone: Tab must complete nothing (it
    # read the quiz's dead stack frame: garbage on screen, or a segfault to the shell).
    tm send-keys -t quiz Tab Tab
    sleep 0.3
    tm send-keys -t quiz Tab Tab
    sleep 0.5
    [ ! -s exit ] || fail "Tab at the welcome screen ended the kiosk with $(cat exit)"
    visible | grep -q "Press Enter to start" || fail "the welcome screen is gone after Tab"
    tm send-keys -t quiz C-u
    type_line goodbye
    wait_exit
    [ "$STATUS" -eq 0 ] || fail "the exit word ended the kiosk with $STATUS"
}

test_the_kiosk_needs_an_exit_word_and_a_sane_idle_time() {
    run cq kiosk --db k.db </dev/null
    expect_status 64
    expect_stderr_contains "--exit-word"
    run cq kiosk --db k.db --exit-word bye --idle 0 </dev/null
    expect_status 64
    expect_stderr_contains "--idle"
}

test_a_piped_kiosk_stores_each_finished_quiz_and_ends_with_its_input() {
    { printf '\n'; yes 1 | head -n "$QUESTIONS"; printf '\n\n'; yes 2 | head -n "$QUESTIONS";
      printf '\n'; } | run cq kiosk --db k.db --exit-word bye
    expect_status 0
    [ "$(stored)" = 2 ] || fail "the piped kiosk stored $(stored) results, not 2"
    expect_no_escape_in_output
}

expect_no_escape_in_output() {
    if grep -q $'\033' "$OUT" "$ERR"; then
        fail "a pipe got escape sequences"
    fi
}

run_tests
