# shellcheck shell=bash
# lib.sh: helpers for the CLI end-to-end tests; each test_*.sh sources it and prints TAP.
#
# A test is a shell function whose name starts with test_ and reads as a sentence
# (test_unknown_role_is_a_usage_error). run_tests runs them in the order the file defines
# them, each in a subshell of its own inside a fresh temporary folder, and prints one TAP
# line per test ("ok 3 - unknown role is a usage error"), with "# " lines explaining a
# failure. The expect_* helpers record a failure and carry on, so one run shows every
# broken expectation of a test.
#
# Environment:
#   CAREERQUIZ  the binary under test (default: build/careerquiz in the source tree)
#   CQ_WRAPPER  a command put in front of every careerquiz run (valgrind for VALGRIND=1)
#   CQ_ONLY     an extended regular expression: run only the tests whose names match it
#               (the others are not planned), to repeat one test alone

set -u

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
CAREERQUIZ=${CAREERQUIZ:-$ROOT/build/careerquiz}
CQ_WRAPPER=${CQ_WRAPPER:-}
# Plain, reproducible output whatever the caller's terminal and locale.
export LC_ALL=C
# Results on a terminal go through a pager; tests that want one ask for it themselves.
export PAGER=cat
unset NO_COLOR
TEST_FAILED=0

# cq ARGS...: runs careerquiz (under CQ_WRAPPER when set).
cq() {
    # shellcheck disable=SC2086 # the wrapper is a command line on purpose
    $CQ_WRAPPER "$CAREERQUIZ" "$@"
}

# run CMD...: runs a command, keeping stdout in $OUT, stderr in $ERR and the exit status in
# $STATUS. Standard input is left as it is, so `run cq score - <file` works. Each test starts
# in its own empty folder, $TESTDIR, which is removed afterwards.
TESTDIR=
OUT=
ERR=
STATUS=0
run() {
    STATUS=0
    "$@" >"$OUT" 2>"$ERR" || STATUS=$?
}

fail() {
    TEST_FAILED=1
    printf '# %s\n' "$@"
}

# skip REASON: marks the current test as skipped (TAP "# SKIP"); the caller then returns.
# Only for a test that cannot apply to this build, never for one that fails.
skip() {
    echo "$1" >"$TESTDIR/.skip"
}

# show FILE: the first lines of a captured output, as TAP comments.
show() {
    sed -n '1,15s/^/#   /p' "$1"
}

expect_status() {
    if [ "$STATUS" -ne "$1" ]; then
        fail "expected exit status $1, got $STATUS"
        echo "# stderr:"
        show "$ERR"
    fi
}

expect_stdout_contains() {
    grep -qF -- "$1" "$OUT" || {
        fail "stdout lacks: $1"
        show "$OUT"
    }
}

expect_stdout_lacks() {
    if grep -qF -- "$1" "$OUT"; then
        fail "stdout should not contain: $1"
    fi
}

# expect_styles_closed FILE: every colour or style a line of FILE opens is closed on that line,
# before its newline: the last SGR escape of a line is the reset, and no line starts with one
# (a reset that comes only after the newline leaves the style open across the line break).
expect_styles_closed() {
    local bad
    bad=$(tr -d '\r' <"$1" | awk '
        { n = split($0, parts, /\033\[[0-9;]*m/); last = "" ; s = $0
          while (match(s, /\033\[[0-9;]*m/)) { last = substr(s, RSTART, RLENGTH)
                                                s = substr(s, RSTART + RLENGTH) } }
        /^\033\[0m/ || (last != "" && last != "\033[0m") { print NR": "$0; if (++k == 3) exit }')
    if [ -n "$bad" ]; then
        fail "$1: a style is left open at the end of a line:"
        printf '%s\n' "$bad" | cat -v | sed 's/^/#   /'
    fi
}

expect_stderr_contains() {
    grep -qF -- "$1" "$ERR" || {
        fail "stderr lacks: $1"
        show "$ERR"
    }
}

expect_stderr_matches() { # an extended regular expression
    grep -qE -- "$1" "$ERR" || {
        fail "stderr does not match: $1"
        show "$ERR"
    }
}

expect_stdout_empty() {
    [ ! -s "$OUT" ] || {
        fail "stdout should be empty"
        show "$OUT"
    }
}

expect_stderr_empty() {
    [ ! -s "$ERR" ] || {
        fail "stderr should be empty"
        show "$ERR"
    }
}

# expect_error_line: stderr's first line is a careerquiz error in the house style (lowercase
# after the program name, no full stop at the end).
expect_error_line() {
    local first
    first=$(head -n 1 "$ERR")
    case "$first" in
    "careerquiz: "[a-z]*) ;;
    *) fail "error does not start with 'careerquiz: ' and a lowercase word: $first" ;;
    esac
    case "$first" in
    *.) fail "error ends with a full stop: $first" ;;
    esac
}

# expect_jq FILTER [JQ-ARGS...]: FILTER is true for stdout (as JSON).
expect_jq() {
    local filter=$1
    shift
    jq -e "$@" "$filter" "$OUT" >/dev/null 2>&1 || {
        fail "jq filter is not true for stdout: $filter"
        show "$OUT"
    }
}

# expect_same_file A B: the two files have the same bytes.
expect_same_file() {
    cmp -s "$1" "$2" || {
        fail "$1 and $2 differ"
        diff "$1" "$2" | sed -n '1,15s/^/#   /p'
    }
}

# data_copy DIR: a copy of the built-in bank and profiles in DIR/questions, DIR/profiles.
data_copy() {
    mkdir -p "$1"
    cp -R "$ROOT/questions" "$ROOT/profiles" "$1/"
}

# entries DIR: how many entries DIR holds, hidden ones too.
entries() {
    find "$1" -mindepth 1 -maxdepth 1 | wc -l
}

# role_ids: the role ids, from profiles/ (one per line).
role_ids() {
    local f
    for f in "$ROOT"/profiles/*.json; do
        basename "$f" .json
    done
}

# run_tests: runs every test_ function of the calling script, in file order, as TAP. A test's
# diagnostics ("# ..." lines) are printed after its "not ok" line, as TAP expects.
run_tests() {
    local script=$0 tests name n=0 failed=0 tmp diag
    tests=$(grep -oE '^test_[A-Za-z0-9_]+' "$script" | grep -E -- "${CQ_ONLY:-.}")
    echo "1..$(printf '%s\n' "$tests" | grep -c .)"
    diag=$(mktemp "${TMPDIR:-/tmp}/careerquiz-diag.XXXXXX")
    for name in $tests; do
        n=$((n + 1))
        tmp=$(mktemp -d "${TMPDIR:-/tmp}/careerquiz-test.XXXXXX")
        # The test's own exit status is ignored: only expect_* failures count.
        if (
            cd "$tmp" || exit 1
            TESTDIR=$tmp OUT=$tmp/out.txt ERR=$tmp/err.txt TEST_FAILED=0
            # Saved answers, pending results and the default database stay in the test's
            # folder, never in the home of whoever runs the tests.
            export XDG_STATE_HOME=$tmp/state XDG_DATA_HOME=$tmp/data
            "$name" </dev/null
            exit "$TEST_FAILED"
        ) >"$diag" 2>&1; then
            if [ -s "$tmp/.skip" ]; then
                echo "ok $n - ${name#test_} # SKIP $(cat "$tmp/.skip")"
            else
                echo "ok $n - ${name#test_}"
            fi
        else
            echo "not ok $n - ${name#test_}"
            failed=$((failed + 1))
        fi
        # Anything a test printed that is not already a comment becomes one.
        sed 's/^\([^#]\)/# \1/' "$diag"
        rm -rf "$tmp"
    done
    rm -f "$diag"
    [ "$failed" -eq 0 ]
}
