#!/usr/bin/env bash
# kiosk_monkey.sh: strangers at the booth: random keys at the kiosk, then the exit word must
# still end it with status 0.
#
# usage: tests/kiosk_monkey.sh SECONDS [SEED]
#
# Starts `careerquiz kiosk` from an interactive bash with job control (as an operator's
# terminal is) in a tmux server of its own, and for SECONDS sends it random keys: printable
# characters, Enter, Tab, Backspace, arrows, Escape, Ctrl-C, Ctrl-D, Ctrl-Z, Ctrl-\, Ctrl-S,
# Ctrl-Q, Ctrl-V, Ctrl-R and the rest of readline's keys, pasted escape sequences, and now and
# then a whole quiz answered, so that results are stored and shown. Then it checks that the
# kiosk is still running in the foreground (not stopped, not killed), that it comes back to its
# welcome screen, that the exit word ends it with status 0, and that its database is sound.
#
# The keys come from bash's RANDOM seeded with SEED (printed first; by default from the clock),
# so `tests/kiosk_monkey.sh 30 SEED` sends the same keys again (their timing may differ).
#
# Environment: CAREERQUIZ (default build/careerquiz), CQ_WRAPPER (a command put in front of
# careerquiz, such as valgrind), CQ_MONKEY_KEEP=1 keeps the work folder. For a sanitized run:
#   make SANITIZE=1 CC=clang && CAREERQUIZ=build/san/careerquiz tests/kiosk_monkey.sh 600
# ASan's reports go to the work folder's asan.* files, and a report fails the run.
# Exits 0 when every check held, 1 otherwise, 2 when the run cannot start (no tmux, no readline).
set -u

root=$(cd "$(dirname "$0")/.." && pwd)
seconds=${1:?usage: tests/kiosk_monkey.sh SECONDS [SEED]}
seed=${2:-$(($(date +%s%N) % 32768))}
cq=$(cd "$(dirname "${CAREERQUIZ:-$root/build/careerquiz}")" && pwd)/$(basename "${CAREERQUIZ:-$root/build/careerquiz}")
wrapper=${CQ_WRAPPER:-}
exit_word=closing-time-at-the-booth
work=$(mktemp -d "${TMPDIR:-/tmp}/careerquiz-monkey.XXXXXX")
chmod 755 "$work"
server="careerquiz-monkey-$$"
questions=$(jq '.questions | length' "$root/questions/bank.json")
failures=0

echo "kiosk monkey: seed $seed, $seconds s, $cq${wrapper:+ under $wrapper}, in $work"
RANDOM=$seed

tm() {
    tmux -L "$server" "$@"
}

cleanup() {
    tm kill-server 2>/dev/null
    sleep 0.5 # the shell and the kiosk end after their server; let them go first
    [ "${CQ_MONKEY_KEEP:-0}" = 1 ] || rm -rf "$work" 2>/dev/null || { sleep 2; rm -rf "$work"; }
}
trap cleanup EXIT

bad() {
    echo "kiosk monkey: FAILED: $*"
    failures=$((failures + 1))
}

if ! command -v tmux >/dev/null || ! "$cq" --version 2>/dev/null | grep -q "GNU readline"; then
    echo "kiosk monkey: needs tmux and a build with readline"
    exit 2
fi

# The kiosk, from a job-control shell: Ctrl-Z would hand the next visitor that shell.
tm new-session -d -s booth -x 100 -y 40 \
    "cd '$work' && env -i PATH='$PATH' HOME='$work' TERM=xterm-256color PS1='booth\$ ' HISTFILE=/dev/null \
     ASAN_OPTIONS='log_path=$work/asan:abort_on_error=1:fast_unwind_on_malloc=0' bash --norc --noprofile -i"
sleep 0.5
tm send-keys -t booth -l -- "XDG_STATE_HOME=state XDG_DATA_HOME=data $wrapper '$cq' kiosk \
--db monkey.db --exit-word $exit_word --idle 5 --report-dir reports; echo \$? >exit"
tm send-keys -t booth Enter

screen() {
    tm capture-pane -p -t booth
}

# wait_for TEXT SECONDS: until the screen shows TEXT.
wait_for() {
    local i
    for ((i = 0; i < $2 * 10; i++)); do
        screen | grep -qF -- "$1" && return 0
        sleep 0.1
    done
    return 1
}

kiosk_pid() {
    pgrep -f "careerquiz kiosk --db monkey.db --exit-word $exit_word" | head -n 1
}

wait_for "Press Enter to start" 60 || bad "the kiosk never showed its welcome screen"

# shellcheck disable=SC1003 # 'C-\' is the key Ctrl-\, not an escaped quote
keys=(Enter Enter Enter Tab Tab BSpace BSpace Escape Up Down Left Right Home End PPage NPage
    C-a C-b C-c C-c C-d C-e C-f C-g C-h C-k C-l C-n C-p C-q C-r C-s C-t C-u C-v C-w C-y C-z
    'C-\' C-] C-_ C-@ C-x M-b M-f M-d M-. M-? M-r M-C-j M-C-] M-C-v F1 F5 F12 IC DC Space)
# Near misses of the exit word, never the word itself: typed whole at the welcome screen it
# ends the kiosk, as it should, and the run would stop there.
pastes=($'\e]0;pwned\a' $'\e]52;c;aGk=\a' $'\e[2J' $'\e(0' $'\e[?25l' $'\e[31m' $'\xc2\x9b31m'
    $'\xe2\x80\xae' $'\x7f' 'q' 'b' 's' '?' '1,3' 'python, sql' "${exit_word}s" "${exit_word%-*}"
    "x$exit_word" 'quit' 'help')
printable='abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 ,.;:!?-_=+*/\|"'"'"'()[]{}<>@#$%^&~`'

sent=0 quizzes=0
end=$((SECONDS + seconds))
while [ "$SECONDS" -lt "$end" ]; do
    r=$((RANDOM % 100))
    if [ "$r" -lt 3 ]; then
        # A visitor who answers every question: a result to store, show and report.
        tm send-keys -t booth C-c
        sleep 0.2
        tm send-keys -t booth Enter
        for ((q = 0; q < questions; q++)); do
            tm send-keys -t booth -l -- "$((RANDOM % 3 + 1))"
            tm send-keys -t booth Enter
            sleep 0.03
        done
        quizzes=$((quizzes + 1))
        sent=$((sent + 2 * questions + 2))
    elif [ "$r" -lt 45 ]; then
        tm send-keys -t booth "${keys[$((RANDOM % ${#keys[@]}))]}"
        sent=$((sent + 1))
    elif [ "$r" -lt 55 ]; then
        tm send-keys -t booth -l -- "${pastes[$((RANDOM % ${#pastes[@]}))]}"
        sent=$((sent + 1))
    else
        n=$((RANDOM % 8 + 1)) text=
        for ((i = 0; i < n; i++)); do
            text+=${printable:$((RANDOM % ${#printable})):1}
        done
        tm send-keys -t booth -l -- "$text"
        sent=$((sent + n))
    fi
    sleep "0.0$((RANDOM % 8 + 1))"
    if [ -s "$work/exit" ]; then
        bad "the kiosk ended during the run, with status $(cat "$work/exit")"
        break
    fi
done
echo "kiosk monkey: sent $sent keys, $quizzes whole quizzes"

# Still running, in the foreground, and not stopped.
sleep 1
pid=$(kiosk_pid)
if [ -z "$pid" ]; then
    bad "the kiosk is not running after the keys"
elif ps -o stat= -p "$pid" | grep -q T; then
    bad "the kiosk was stopped (Ctrl-Z reached it)"
fi
if screen | grep -q "Stopped"; then
    bad "the shell says a job was stopped"
fi

# Back to the welcome screen (Ctrl-C leaves a quiz or a result), then the exit word.
for ((i = 0; i < 20; i++)); do
    tm send-keys -t booth C-g C-c
    sleep 0.5
    screen | grep -v '^$' | tail -n 2 | grep -q "Press Enter to start" && break
done
screen | grep -v '^$' | tail -n 2 | grep -q "Press Enter to start" ||
    bad "the kiosk did not come back to its welcome screen"
tm send-keys -t booth C-u
tm send-keys -t booth -l -- "$exit_word"
tm send-keys -t booth Enter
for ((i = 0; i < 600; i++)); do
    [ -s "$work/exit" ] && break
    sleep 0.1
done
status=$(cat "$work/exit" 2>/dev/null || echo none)
[ "$status" = 0 ] || bad "the exit word did not end the kiosk with status 0 (status: $status)"

if ls "$work"/asan.* >/dev/null 2>&1; then
    bad "AddressSanitizer reported:"
    head -n 30 "$work"/asan.*
fi
if [ -f "$work/monkey.db" ] && command -v sqlite3 >/dev/null; then
    check=$(sqlite3 "$work/monkey.db" 'PRAGMA integrity_check' 2>&1)
    [ "$check" = ok ] || bad "the database is not sound: $check"
    echo "kiosk monkey: $(sqlite3 "$work/monkey.db" 'SELECT count(*) FROM results') results stored"
fi
if [ "$failures" -gt 0 ]; then
    echo "kiosk monkey: $failures check(s) failed; replay with: tests/kiosk_monkey.sh $seconds $seed"
    screen | grep -v '^$' | tail -n 15 | sed 's/^/  | /'
    exit 1
fi
echo "kiosk monkey: every check held (seed $seed)"
