#!/usr/bin/env bash
# test_results_kept.sh: nothing finished is lost: a result that cannot be stored (the database
# locked by another process, a full disk, a signal during the wait) is kept in a pending file and
# stored by the next run that can; batch --db prints only what is stored; default save files
# never replace each other.
# shellcheck source=tests/cli/lib.sh
. "$(dirname "$0")/lib.sh"
# shellcheck source=tests/cli/results_lib.sh
. "$(dirname "$0")/results_lib.sh"

QUESTIONS=$(jq '.questions | length' "$ROOT/questions/bank.json")

# hold_lock DB: another process takes DB's write lock and keeps it until release_lock. It is fed
# through fd 4: every process started meanwhile must close it (4>&-), or sqlite3 never sees the
# end of its input.
LOCK_PID=
hold_lock() {
    mkfifo lock.in
    sqlite3 "$1" <lock.in >lock.out 2>&1 5>&- &
    LOCK_PID=$!
    exec 4>lock.in
    echo 'BEGIN IMMEDIATE; SELECT 1;' >&4
    for ((i = 0; i < 50; i++)); do
        [ -s lock.out ] && return 0
        sleep 0.1
    done
    fail "the other process did not take the lock"
}

release_lock() {
    exec 4>&-
    wait "$LOCK_PID" 2>/dev/null
}

# a_database DB: a results database with one stored result.
a_database() {
    persona_lines 1 | cq batch - --db "$1" >/dev/null || fail "cannot make the database $1"
}

# wait_for_file FILE TEXT: waits (up to 20 s) until FILE holds TEXT.
wait_for_file() {
    for ((i = 0; i < 200; i++)); do
        grep -qF -- "$2" "$1" 2>/dev/null && return 0
        sleep 0.1
    done
    fail "$1 never said: $2"
    show "$1"
    return 1
}

# start_take DB: a whole quiz piped into take --db DB in the background ($TAKE_PID).
TAKE_PID=
start_take() {
    yes 1 | head -n "$QUESTIONS" >typed.txt
    # shellcheck disable=SC2086 # the wrapper is a command line on purpose
    $CQ_WRAPPER "$CAREERQUIZ" take --db "$1" <typed.txt >out.txt 2>err.txt 4>&- &
    TAKE_PID=$!
}

test_take_waits_for_a_locked_database_saying_so_and_stores_when_it_is_free() {
    a_database k.db
    hold_lock k.db
    start_take k.db
    wait_for_file err.txt "The results database is busy" || { release_lock; return; }
    release_lock
    wait "$TAKE_PID"
    STATUS=$?
    expect_status 0
    [ "$(sql k.db 'SELECT count(*) FROM results')" = 2 ] || fail "the result was not stored"
}

test_sigterm_while_take_waits_keeps_the_result_and_the_next_run_stores_it() {
    a_database k.db
    hold_lock k.db
    start_take k.db
    wait_for_file err.txt "The results database is busy" || { release_lock; return; }
    # It used to die silently of the signal (143), the result kept nowhere.
    kill -TERM "$TAKE_PID"
    wait "$TAKE_PID"
    STATUS=$?
    release_lock
    [ "$STATUS" -ne 143 ] || fail "SIGTERM during the wait killed take with its result"
    expect_status 74
    grep -q "Recommended path" out.txt || fail "the result was not shown"
    expect_stderr_matches "the result is kept in .*/k\.db\.pending/[0-9TZ]+-[0-9]+-1\.json; the next careerquiz run that can write to .*/k\.db stores it"
    [ "$(entries k.db.pending)" = 1 ] || fail "no pending file beside the database"
    [ "$(sql k.db 'SELECT count(*) FROM results')" = 1 ] || fail "the database changed"
    # The next writer stores it, with the time it was taken, and removes the file.
    run cq batch /dev/null --db k.db
    expect_status 0
    expect_stderr_contains "stored 1 result kept by earlier runs that could not write to k.db"
    [ "$(sql k.db 'SELECT count(*) FROM results')" = 2 ] || fail "the kept result was not stored"
    [ "$(sql k.db 'SELECT count(*) FROM scores')" = 14 ] || fail "its scores were not stored"
    [ ! -e k.db.pending ] || fail "the pending folder is still there: $(ls k.db.pending)"
    # What was stored is what was shown.
    sql k.db 'SELECT answers FROM results WHERE id = 2' >stored.json
    [ "$(sql k.db 'SELECT recommended FROM results WHERE id = 2')" = \
        "$(cq score --json stored.json | jq -r .recommendation.id)" ] ||
        fail "the stored recommendation is not the one the answers give"
    expect_db_ok k.db
}

test_a_kept_result_is_stored_once_even_if_its_file_outlived_a_crash() {
    a_database k.db
    hold_lock k.db
    start_take k.db
    wait_for_file err.txt "The results database is busy" || { release_lock; return; }
    kill -INT "$TAKE_PID"
    wait "$TAKE_PID"
    release_lock
    cp -R k.db.pending saved.pending
    cq batch /dev/null --db k.db >/dev/null 2>&1
    # A run that stored it and died before removing the file: the next one must not store it
    # again.
    cp -R saved.pending k.db.pending
    run cq batch /dev/null --db k.db
    expect_status 0
    [ "$(sql k.db 'SELECT count(*) FROM results')" = 2 ] ||
        fail "the kept result was stored $(($(sql k.db 'SELECT count(*) FROM results') - 1)) times"
    [ ! -e k.db.pending ] || fail "the pending file was not removed"
}

test_a_result_for_a_database_that_cannot_be_created_is_kept_in_the_state_folder() {
    if ! can_drop_to_nobody; then
        skip "running as root without setpriv to become another user"
        return
    fi
    mkdir -p locked state
    chmod 555 locked
    chmod 777 state
    yes 1 | head -n "$QUESTIONS" >typed.txt
    XDG_STATE_HOME=$TESTDIR/state run as_nobody "$CAREERQUIZ" take --db locked/k.db <typed.txt
    expect_status 73
    expect_stderr_contains "the result is kept in $TESTDIR/state/careerquiz/pending/"
    [ "$(entries state/careerquiz/pending)" = 1 ] || fail "nothing kept in the state folder"
    chmod 755 locked
    # Once the folder can be written, the next run stores it.
    XDG_STATE_HOME=$TESTDIR/state run cq batch /dev/null --db locked/k.db
    expect_status 0
    [ "$(sql locked/k.db 'SELECT count(*) FROM results')" = 1 ] || fail "the kept result was not stored"
    [ "$(entries state/careerquiz/pending)" = 0 ] || fail "the pending file is still there"
}

test_the_kiosk_says_it_waits_for_a_locked_database_and_keeps_the_result_on_sigterm() {
    local pid
    a_database k.db
    mkfifo typed
    # The kiosk opens the database first: the lock comes while a person takes the quiz.
    # shellcheck disable=SC2086 # the wrapper is a command line on purpose
    $CQ_WRAPPER "$CAREERQUIZ" kiosk --db k.db --exit-word bye <typed >out.txt 2>err.txt &
    pid=$!
    exec 5>typed
    printf '\n' >&5
    wait_for_file err.txt "Question 1 of" || return
    hold_lock k.db
    yes 1 | head -n "$QUESTIONS" >&5
    wait_for_file err.txt "Saving your result..."
    wait_for_file err.txt "The results database is busy" || { release_lock; kill "$pid"; return; }
    kill -TERM "$pid"
    wait "$pid"
    STATUS=$?
    exec 5>&-
    release_lock
    expect_status 0
    grep -q "This result could not be stored yet; it is kept" err.txt ||
        fail "the person was not told the result is kept"
    [ "$(entries k.db.pending)" = 1 ] || fail "no pending file beside the database"
    printf '\n%s\n' "$(yes 1 | head -n "$QUESTIONS")" >typed.txt
    run cq kiosk --db k.db --exit-word bye <typed.txt
    [ "$(sql k.db 'SELECT count(*) FROM results')" = 3 ] ||
        fail "the kiosk's next run did not store the kept result and its own"
}

test_batch_on_a_full_disk_prints_only_stored_results_and_names_the_rest() {
    small_disk disk 1500k || return 0
    persona_lines 2000 >in.jsonl
    run cq batch in.jsonl --db disk/full.db
    expect_status 74
    # It used to print 999 results and store none.
    [ "$(wc -l <"$OUT")" = "$(sql disk/full.db 'SELECT count(*) FROM results')" ] ||
        fail "printed $(wc -l <"$OUT") results, stored $(sql disk/full.db 'SELECT count(*) FROM results')"
    expect_stderr_matches 'results were not stored, so not written: lines [0-9]+-2000: in.jsonl'
    expect_stderr_contains "database or disk is full"
}

test_take_on_a_full_disk_keeps_the_result_in_the_state_folder() {
    small_disk disk 100k || return 0
    a_database disk/k.db
    head -c 200000 /dev/zero >disk/filler 2>/dev/null
    yes 1 | head -n "$QUESTIONS" >typed.txt
    run cq take --db disk/k.db <typed.txt
    expect_status 74
    expect_stdout_contains "Recommended path"
    expect_stderr_contains "the result is kept in $TESTDIR/state/careerquiz/pending/"
    rm disk/filler
    run cq batch /dev/null --db disk/k.db
    [ "$(sql disk/k.db 'SELECT count(*) FROM results')" = 2 ] || fail "the kept result was not stored"
}

test_batch_stops_on_a_signal_while_it_skips_an_over_long_line() {
    local pid i
    # 100 GB without a newline, read from a (sparse) file: the line is skipped as it is read,
    # and read(2) never waits, so no signal ever interrupted it to tell the loop to look. (In
    # the background SIGINT is ignored, so SIGTERM stands in for Ctrl-C.)
    truncate -s 100G huge.jsonl
    # shellcheck disable=SC2086 # the wrapper is a command line on purpose
    $CQ_WRAPPER "$CAREERQUIZ" batch huge.jsonl >out.txt 2>err.txt &
    pid=$!
    # Once the first MiB is read the line is known to be too long: it is being skipped now.
    wait_for_file err.txt "line 1: answers larger than" || { kill -KILL "$pid"; return; }
    sleep 0.5
    kill -TERM "$pid"
    for ((i = 0; i < 50; i++)); do
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.1
    done
    if kill -0 "$pid" 2>/dev/null; then
        fail "batch ran on for 5 s after SIGTERM"
        kill -KILL "$pid"
    fi
    wait "$pid"
    STATUS=$?
    expect_status 143
    grep -q "stopped by a signal after line 1" err.txt || fail "no message about the stop"
    rm -f huge.jsonl
}

test_two_takes_quitting_in_the_same_second_keep_both_answer_sets() {
    local pids=() i
    printf '4\nq\n\n' >typed4.txt
    printf '5\nq\n\n' >typed5.txt
    for i in 4 5 4 5; do
        # shellcheck disable=SC2086 # the wrapper is a command line on purpose
        $CQ_WRAPPER "$CAREERQUIZ" take <"typed$i.txt" >/dev/null 2>"err$i.$RANDOM.txt" &
        pids+=($!)
    done
    for i in "${pids[@]}"; do wait "$i"; done
    [ "$(compgen -G 'state/careerquiz/answers-*.json' | wc -l)" = 4 ] ||
        fail "four quizzes saved $(compgen -G 'state/careerquiz/answers-*.json' | wc -l) files"
    [ "$(cat state/careerquiz/answers-*.json | jq -r .answers.education | sort | uniq -c |
        awk '{print $1}' | tr '\n' ' ')" = "2 2 " ] || fail "answers were lost or mixed"
}

run_tests
