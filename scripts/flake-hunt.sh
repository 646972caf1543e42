#!/usr/bin/env bash
# flake-hunt.sh: runs CLI test suites again and again to find tests that fail only sometimes.
#
#   scripts/flake-hunt.sh [-n RUNS] [-v] [-l] SUITE...
#
# SUITE is a tests/cli script name without .sh (test_kiosk). -n runs each suite RUNS times
# (default 10); -v runs careerquiz under valgrind as make test VALGRIND=1 does; -l keeps both
# cores busy with stress-ng (when installed) for the whole hunt, the way a loaded CI machine
# is. Prints one line per run and then, per suite, how many runs failed and which tests; the
# TAP of every failing run is kept in $TMPDIR/careerquiz-flakes/. Exits 1 when a run failed.
# Needs a built tree (make tests).
set -u

root=$(cd "$(dirname "$0")/.." && pwd)
runs=10
wrapper=""
load=0
while getopts "n:vl" opt; do
    case "$opt" in
    n) runs=$OPTARG ;;
    v) wrapper="valgrind --error-exitcode=1 --leak-check=full --errors-for-leak-kinds=definite,indirect --suppressions=$root/tests/valgrind/readline.supp -q" ;;
    l) load=1 ;;
    *) exit 64 ;;
    esac
done
shift $((OPTIND - 1))
[ "$#" -gt 0 ] || { echo "usage: flake-hunt.sh [-n RUNS] [-v] [-l] SUITE..." >&2; exit 64; }

keep=${TMPDIR:-/tmp}/careerquiz-flakes
mkdir -p "$keep"
stress=""
if [ "$load" = 1 ]; then
    if command -v stress-ng >/dev/null; then
        stress-ng --cpu "$(nproc)" --timeout 0 >/dev/null 2>&1 &
        stress=$!
        trap 'kill "$stress" 2>/dev/null' EXIT
    else
        echo "flake-hunt: stress-ng is not installed; running without load" >&2
    fi
fi

export CAREERQUIZ=${CAREERQUIZ:-$root/build/careerquiz} CQ_WRAPPER=$wrapper
status=0
summary=""
for suite in "$@"; do
    failures=0
    failing_tests=""
    for ((i = 1; i <= runs; i++)); do
        start=$SECONDS
        log="$keep/$suite.$i.tap"
        bash "$root/tests/cli/$suite.sh" >"$log" 2>&1
        if grep -q '^not ok' "$log" || ! grep -q '^1\.\.' "$log"; then
            failures=$((failures + 1))
            failing_tests+=" $(grep '^not ok' "$log" | sed 's/^not ok [0-9]* - //' | tr '\n' ' ')"
            echo "$suite run $i: FAILED in $((SECONDS - start)) s ($log)"
            status=1
        else
            echo "$suite run $i: ok in $((SECONDS - start)) s"
            rm -f "$log"
        fi
    done
    summary+="$suite${wrapper:+ (valgrind)}: $failures of $runs runs failed${failing_tests:+:$failing_tests}"$'\n'
done
printf '\n%s' "$summary"
exit "$status"
