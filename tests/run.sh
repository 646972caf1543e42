#!/usr/bin/env bash
# run.sh: runs every test suite (cmocka unit tests, CLI end-to-end scripts) and totals them.
#
# Every suite speaks TAP: the unit binaries through CMOCKA_MESSAGE_OUTPUT=TAP, the CLI
# scripts through tests/cli/lib.sh. Suites are independent (each test has its own temporary
# folder, each tmux suite its own tmux server), so several run at once, the slowest first;
# each suite's results are shown when it ends. A suite that crashes, times out or stops
# before its plan is done counts the missing tests (at least one) as failed. The last line
# is the total, "N passed, N failed"; the exit status is 1 when anything failed. Skipped
# tests ("ok N - name # SKIP why") are counted apart.
#
# Environment (make test sets them):
#   CQ_BUILD          build folder holding tests/test_* (default build)
#   CAREERQUIZ        the CLI binary under test (default $CQ_BUILD/careerquiz)
#   CQ_WRAPPER        command put in front of every careerquiz run (valgrind)
#   CQ_CC             compiler and sanitizer flags of the build, for test_library's programs
#   CQ_JOBS           suites run at once (default: the number of processors)
#   CQ_SUITE_TIMEOUT  seconds one suite may take (default 900)
#   CQ_VERBOSE=1      also show the comments of passing tests
# With GNU time (/usr/bin/time) each suite's line also gives the peak resident memory of the
# largest process it ran (a child of the suite; tmux servers, which detach, are not counted),
# and the largest of all is printed before the total.
set -u

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root" || exit 1
build=${CQ_BUILD:-build}
export CAREERQUIZ=${CAREERQUIZ:-$root/$build/careerquiz}
export CQ_WRAPPER=${CQ_WRAPPER:-}
timeout_s=${CQ_SUITE_TIMEOUT:-900}
verbose=${CQ_VERBOSE:-0}
jobs=${CQ_JOBS:-$(nproc 2>/dev/null || echo 2)}
[[ $jobs =~ ^[1-9][0-9]*$ ]] || jobs=1

total_passed=0
total_failed=0
total_skipped=0
largest_kb=0
largest_suite=""
logs=$(mktemp -d "${TMPDIR:-/tmp}/careerquiz-suites.XXXXXX")
trap 'rm -rf "$logs"' EXIT

if [ -t 1 ] && [ -z "${NO_COLOR:-}" ] && [ "${TERM:-dumb}" != dumb ]; then
    red=$'\033[31m' green=$'\033[32m' bold=$'\033[1m' reset=$'\033[0m'
else
    red='' green='' bold='' reset=''
fi

# start_suite N NAME COMMAND...: runs one suite in the background; its output goes to
# $logs/N.log, then its exit status and seconds taken to $logs/N.done.
start_suite() {
    local n=$1 start status=0 micros
    shift 2
    # GNU time's %M: the largest resident set of any process the suite waited for, in KiB.
    [ -x /usr/bin/time ] && set -- /usr/bin/time -q -f %M -o "$logs/$n.rss" "$@"
    (
        start=${EPOCHREALTIME/./}
        if command -v timeout >/dev/null; then
            CMOCKA_MESSAGE_OUTPUT=TAP timeout -k 10 "$timeout_s" "$@" >"$logs/$n.log" 2>&1 \
                </dev/null || status=$?
        else
            CMOCKA_MESSAGE_OUTPUT=TAP "$@" >"$logs/$n.log" 2>&1 </dev/null || status=$?
        fi
        micros=$((${EPOCHREALTIME/./} - start))
        printf '%s %d.%d\n' "$status" $((micros / 1000000)) $((micros % 1000000 / 100000)) \
            >"$logs/$n.done.tmp"
        mv "$logs/$n.done.tmp" "$logs/$n.done"
    ) &
}

# report_suite N NAME: shows a finished suite's results and adds them to the totals.
report_suite() {
    local n=$1 name=$2 status seconds planned=0 passed=0 failed=0 skipped=0 line
    local in_failure=0 missing
    read -r status seconds <"$logs/$n.done"
    echo "${bold}== $name${reset}"
    while IFS= read -r line; do
        if [[ $line =~ ^1\.\.([0-9]+) ]]; then
            planned=$((planned + BASH_REMATCH[1]))
            continue
        fi
        case "$line" in
        "ok "*"# SKIP"*)
            skipped=$((skipped + 1))
            in_failure=0
            echo "  skip  $(strip_number "${line#ok }")"
            ;;
        "ok "*)
            passed=$((passed + 1))
            in_failure=0
            echo "  ${green}ok${reset}    $(strip_number "${line#ok }")"
            ;;
        "not ok "*)
            failed=$((failed + 1))
            in_failure=1
            echo "  ${red}FAIL${reset}  $(strip_number "${line#not ok }")"
            ;;
        "#"*)
            if [ "$in_failure" = 1 ] || [ "$verbose" = 1 ]; then
                echo "        $line"
            fi
            ;;
        *)
            # Anything else a suite prints (sanitizer or valgrind reports) is shown as is.
            [ -n "$line" ] && echo "        | $line"
            ;;
        esac
    done <"$logs/$n.log"

    missing=$((planned - passed - failed - skipped))
    if [ "$missing" -gt 0 ]; then
        echo "  ${red}FAIL${reset}  $missing planned test(s) never reported (exit status $status)"
        failed=$((failed + missing))
    elif [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
        echo "  ${red}FAIL${reset}  suite exited with status $status"
        failed=$((failed + 1))
    elif [ "$planned" -eq 0 ] && [ "$passed" -eq 0 ] && [ "$failed" -eq 0 ] &&
        [ "$skipped" -eq 0 ]; then
        echo "  ${red}FAIL${reset}  suite reported no tests"
        failed=1
    fi
    local skipped_note="" memory_note="" rss_kb
    [ "$skipped" -gt 0 ] && skipped_note=", $skipped skipped"
    if [ -s "$logs/$n.rss" ] && rss_kb=$(tail -n 1 "$logs/$n.rss") && [[ $rss_kb =~ ^[0-9]+$ ]]; then
        memory_note=", peak $((rss_kb / 1024)) MiB"
        if [ "$rss_kb" -gt "$largest_kb" ]; then
            largest_kb=$rss_kb
            largest_suite=$name
        fi
    fi
    echo "  -> $name: $passed ok, $failed failing$skipped_note (${seconds:-?} s$memory_note)"
    total_passed=$((total_passed + passed))
    total_failed=$((total_failed + failed))
    total_skipped=$((total_skipped + skipped))
}

# strip_number "3 - name": prints "name".
strip_number() {
    if [[ $1 =~ ^[0-9]+\ -\ (.*)$ ]]; then
        printf '%s' "${BASH_REMATCH[1]}"
    else
        printf '%s' "$1"
    fi
}

names=()
commands=()
# add_suite NAME COMMAND...: queues a suite (the command is one string of quoted words).
add_suite() {
    names+=("$1")
    shift
    commands+=("$(printf '%q ' "$@")")
}

shopt -s nullglob
units=("$build"/tests/test_*)
clis=(tests/cli/test_*.sh)
shopt -u nullglob

# The slowest suites start first, so that the quick ones fill the gaps around them: the
# terminal suites (which mostly wait) and those that run careerquiz hundreds of times.
slow=(test_explain test_kiosk test_store test_hostile test_stats test_take_tmux test_batch
    test_alloc_failure test_take test_compare test_export)
is_slow() { [[ " ${slow[*]} " == *" $1 "* ]]; }
suites=()
for unit in "${units[@]}"; do
    if [ ! -x "$unit" ] || [ -d "$unit" ]; then continue; fi
    case "$unit" in *.d | *.o) continue ;; esac
    suites+=("unit/$(basename "$unit")")
done
if ! command -v jq >/dev/null; then
    echo "run.sh: jq is needed by the CLI tests (make deps installs it)" >&2
    total_failed=$((total_failed + 1))
else
    for script in "${clis[@]}"; do
        suites+=("cli/$(basename "$script" .sh)")
    done
fi
queue_suite() { # queue_suite SUITE: unit/NAME or cli/NAME
    case "$1" in
    unit/*) add_suite "$1" "$build/tests/${1#unit/}" ;;
    cli/*) add_suite "$1" bash "tests/cli/${1#cli/}.sh" ;;
    esac
}
for name in "${slow[@]}"; do
    for suite in "${suites[@]}"; do
        [ "${suite#*/}" = "$name" ] && queue_suite "$suite"
    done
done
for suite in "${suites[@]}"; do
    is_slow "${suite#*/}" || queue_suite "$suite"
done

# Start suites while fewer than $jobs run; report each one as it ends.
next=0
reported=()
running=0
while [ "${#reported[@]}" -lt "${#names[@]}" ]; do
    while [ "$running" -lt "$jobs" ] && [ "$next" -lt "${#names[@]}" ]; do
        eval "start_suite $next ${names[$next]} ${commands[$next]}"
        next=$((next + 1))
        running=$((running + 1))
    done
    wait -n 2>/dev/null || true
    for ((i = 0; i < next; i++)); do
        if [ -z "${reported[$i]:-}" ] && [ -f "$logs/$i.done" ]; then
            report_suite "$i" "${names[$i]}"
            reported[i]=1
            running=$((running - 1))
        fi
    done
done
wait

echo
[ -n "$largest_suite" ] &&
    echo "largest process: $((largest_kb / 1024)) MiB resident, in $largest_suite"
# A skipped test (TAP "# SKIP") counts as neither passed nor failed, and is shown; the last
# line is always the total.
[ "$total_skipped" -gt 0 ] && echo "$total_skipped skipped (see \"skip\" above)"
echo "$total_passed passed, $total_failed failed"
[ "$total_failed" -eq 0 ]
