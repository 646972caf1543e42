#!/usr/bin/env bash
# test_valgrind.sh: the valgrind suppressions (tests/valgrind/readline.supp) hide exactly the
# false report they are there for. Runs under make test VALGRIND=1; skipped otherwise.
# shellcheck source=tests/cli/lib.sh
. "$(dirname "$0")/lib.sh"

REPRO=$(dirname "$CAREERQUIZ")/tests/pselect_after_signal
SUPP=${CQ_VALGRIND_SUPP:-$ROOT/tests/valgrind/readline.supp}

# under_valgrind: true when this run wraps careerquiz in valgrind; otherwise marks a skip.
under_valgrind() {
    case "$CQ_WRAPPER" in
    *valgrind*) ;;
    *)
        skip "only under valgrind (make test VALGRIND=1)"
        return 1
        ;;
    esac
    [ -x "$REPRO" ] || {
        fail "$REPRO is not built (make tests builds it)"
        return 1
    }
}

test_pselect_interrupted_by_signals_is_clean_with_the_suppressions() {
    under_valgrind || return 0
    run valgrind -q --error-exitcode=9 --suppressions="$SUPP" "$REPRO"
    expect_status 0
    expect_stderr_empty
}

# Not a pass condition: it tells whether this valgrind still makes the false report, so the
# day it stops, the suppression can go.
test_the_suppressed_report_is_valgrinds_own_memory() {
    under_valgrind || return 0
    run valgrind -q --error-exitcode=9 "$REPRO"
    if grep -q 'pselect6(sig)' "$ERR"; then
        grep -q 'in arena "core"' "$ERR" ||
            fail "the pselect6(sig) report points at the program's memory, not valgrind's:" \
                "$(head -n 8 "$ERR")"
    else
        echo "# this valgrind no longer reports pselect6(sig): readline.supp may drop it"
    fi
}

run_tests
