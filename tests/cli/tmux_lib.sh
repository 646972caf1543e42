# shellcheck shell=bash
# tmux_lib.sh: helpers for tests that drive careerquiz in a real terminal through tmux:
# send-keys to type, capture-pane to read the screen. Source it after lib.sh.

# Seconds to wait for the screen to show something; valgrind makes everything slower.
WAIT=${CQ_TMUX_WAIT:-15}
[ -n "$CQ_WRAPPER" ] && WAIT=60

# usable: true when this build and machine can run the test; otherwise marks it skipped
# (no tmux, or a NO_READLINE build) or failed (a binary that does not even run).
usable() {
    local version
    if ! command -v tmux >/dev/null; then
        skip "tmux is not installed"
        return 1
    fi
    if ! version=$("$CAREERQUIZ" --version 2>&1); then
        fail "careerquiz --version does not run: $version"
        return 1
    fi
    case "$version" in
    *"GNU readline"*) return 0 ;;
    *"without readline"*) skip "this build has no readline (make NO_READLINE=1)" ;;
    *) fail "careerquiz --version does not say how answers are read" ;;
    esac
    return 1
}

# A tmux server of our own, so the tests never touch a person's sessions.
tm() {
    tmux -L "careerquiz-test-$$" "$@"
}

# tmux_wrapper: $CQ_WRAPPER, with valgrind's report sent to $TESTDIR/valgrind.log, since the
# terminal it would print to is the one the test reads, and is gone when the test ends.
tmux_wrapper() {
    case "$CQ_WRAPPER" in
    *valgrind*) printf '%s --log-file=%s' "$CQ_WRAPPER" "$TESTDIR/valgrind.log" ;;
    *) printf '%s' "$CQ_WRAPPER" ;;
    esac
}

# tmux_stop_server: ends the test's tmux server, if one runs, and waits until it has gone: a
# server that is still shutting down makes the next new-session fail ("server exited
# unexpectedly").
tmux_stop_server() {
    local i
    if tm kill-server 2>/dev/null; then
        for ((i = 0; i < 50; i++)); do
            tm has-session 2>/dev/null || break
            sleep 0.1
        done
        sleep 0.2
    fi
}

# tmux_start COMMAND ARGS...: runs `careerquiz COMMAND ARGS` in a 100x40 terminal
# ($COLUMNS_WIDE columns when set); its exit status lands in $TESTDIR/exit when it ends.
tmux_start() {
    tmux_stop_server
    rm -f "$TESTDIR/exit"
    tm new-session -d -s quiz -x "${COLUMNS_WIDE:-100}" -y 40 \
        "cd '$TESTDIR' && env TERM=xterm-256color XDG_STATE_HOME='$TESTDIR/state' \
         XDG_DATA_HOME='$TESTDIR/data' $(tmux_wrapper) '$CAREERQUIZ' $*; \
         echo \$? >'$TESTDIR/exit'; sleep 600"
}

screen() {
    tm capture-pane -p -t quiz -S -200
}

# visible: only what is on the screen now (no scroll-back).
visible() {
    tm capture-pane -p -t quiz
}

# poll COMMAND...: runs COMMAND every 0.1 s until it succeeds (returns 0) or WAIT seconds have
# gone by (returns 1).
poll() {
    local i
    for ((i = 0; i < WAIT * 10; i++)); do
        "$@" && return 0
        sleep 0.1
    done
    return 1
}

# shows TEXT: whether the screen (with its scroll-back) shows TEXT.
shows() {
    screen | grep -qF -- "$1"
}

# wait_for TEXT: waits until the screen shows TEXT; fails the test if it never does.
wait_for() {
    poll shows "$1" && return 0
    fail "the screen never showed: $1"
    screen | grep -v '^$' | tail -n 12 | sed 's/^/#   /'
    return 1
}

# wait_exit: waits until the quiz has ended and puts its exit status in $STATUS. A valgrind
# report of the run fails the test and is shown.
wait_exit() {
    local i
    for ((i = 0; i < WAIT * 10; i++)); do
        if [ -s "$TESTDIR/exit" ]; then
            STATUS=$(cat "$TESTDIR/exit")
            if [ -s "$TESTDIR/valgrind.log" ]; then
                fail "valgrind reported errors (exit status $STATUS):"
                sed -n '1,40s/^/#   /p' "$TESTDIR/valgrind.log"
            fi
            return 0
        fi
        sleep 0.1
    done
    fail "the quiz did not end"
    STATUS=255
    return 1
}

# answer_questions FROM TEXT: answers question FROM to the last ($QUESTIONS, which the test
# sets) with TEXT, each once it is on the screen; returns 1 when one never shows.
answer_questions() {
    local i
    for ((i = $1; i <= QUESTIONS; i++)); do
        wait_for "Question $i of $QUESTIONS" || return 1
        type_line "$2"
    done
}

# type_line TEXT: types TEXT and Enter, then waits for the next prompt to settle.
type_line() {
    tm send-keys -t quiz -l -- "$1"
    tm send-keys -t quiz Enter
    sleep 0.15
}

finish() {
    tm kill-server 2>/dev/null
}

