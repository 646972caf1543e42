#!/usr/bin/env bash
# run.sh: runs every test suite (cmocka unit tests, CLI end-to-end scripts) and totals them.
#
# Every suite speaks TAP: the unit binaries through CMOCKA_MESSAGE_OUTPUT=TAP, the CLI
# scripts through tests/cli/lib.sh. Each suite's results are shown as they are read; a
# suite that crashes, times out or stops before its plan is done counts the missing tests
# (at least one) as failed. The last line is the total, "N passed, N failed"; the exit status
# is 1 when anything failed. Skipped tests ("ok N - name # SKIP why") are counted apart.
#
# Environment (make test sets them):
#   CQ_BUILD          build folder holding tests/test_* (default build)
#   CAREERQUIZ        the CLI binary under test (default $CQ_BUILD/careerquiz)
#   CQ_WRAPPER        command put in front of every careerquiz run (valgrind)
#   CQ_SUITE_TIMEOUT  seconds one suite may take (default 900)
#   CQ_VERBOSE=1      also show the comments of passing tests
set -u

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root" || exit 1
build=${CQ_BUILD:-build}
export CAREERQUIZ=${CAREERQUIZ:-$root/$build/careerquiz}
export CQ_WRAPPER=${CQ_WRAPPER:-}
timeout_s=${CQ_SUITE_TIMEOUT:-900}
verbose=${CQ_VERBOSE:-0}

total_passed=0
total_failed=0
total_skipped=0
log=$(mktemp "${TMPDIR:-/tmp}/careerquiz-suite.XXXXXX")
trap 'rm -f "$log"' EXIT

if [ -t 1 ] && [ -z "${NO_COLOR:-}" ] && [ "${TERM:-dumb}" != dumb ]; then
    red=$'\033[31m' green=$'\033[32m' bold=$'\033[1m' reset=$'\033[0m'
else
    red='' green='' bold='' reset=''
fi

# run_suite NAME COMMAND...: runs one suite, shows its results and adds them to the totals.
run_suite() {
    local name=$1 status=0 planned=0 passed=0 failed=0 skipped=0 line in_failure=0 missing
    shift
    echo "${bold}== $name${reset}"
    if command -v timeout >/dev/null; then
        CMOCKA_MESSAGE_OUTPUT=TAP timeout -k 10 "$timeout_s" "$@" >"$log" 2>&1 </dev/null ||
            status=$?
    else
        CMOCKA_MESSAGE_OUTPUT=TAP "$@" >"$log" 2>&1 </dev/null || status=$?
    fi

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
    done <"$log"

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
    local skipped_note=""
    [ "$skipped" -gt 0 ] && skipped_note=", $skipped skipped"
    echo "  -> $name: $passed ok, $failed failing$skipped_note"
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

shopt -s nullglob
units=("$build"/tests/test_*)
clis=(tests/cli/test_*.sh)
shopt -u nullglob

for unit in "${units[@]}"; do
    [ -x "$unit" ] && [ ! -d "$unit" ] || continue
    case "$unit" in *.d | *.o) continue ;; esac
    run_suite "unit/$(basename "$unit")" "$unit"
done
if ! command -v jq >/dev/null; then
    echo "run.sh: jq is needed by the CLI tests (make deps installs it)" >&2
    total_failed=$((total_failed + 1))
else
    for script in "${clis[@]}"; do
        run_suite "cli/$(basename "$script" .sh)" bash "$script"
    done
fi

echo
# A skipped test (TAP "# SKIP") counts as neither passed nor failed, and is shown.
if [ "$total_skipped" -gt 0 ]; then
    echo "$total_passed passed, $total_failed failed, $total_skipped skipped"
else
    echo "$total_passed passed, $total_failed failed"
fi
[ "$total_failed" -eq 0 ]
