#!/usr/bin/env bash
# test_kiosk_monkey.sh: 30 seconds of random keys at the kiosk (tests/kiosk_monkey.sh), after
# which the exit word must still end it with status 0. The seed is printed, to replay a failure
# with tests/kiosk_monkey.sh 30 SEED. CQ_MONKEY_SECONDS sets the length (.ci/run runs a longer
# one under ASan).
# shellcheck source=tests/cli/lib.sh
. "$(dirname "$0")/lib.sh"
# shellcheck source=tests/cli/tmux_lib.sh
. "$(dirname "$0")/tmux_lib.sh"

test_thirty_seconds_of_random_keys_leave_a_kiosk_the_exit_word_ends() {
    usable || return 0
    local status=0
    CAREERQUIZ=$CAREERQUIZ CQ_WRAPPER=$CQ_WRAPPER \
        "$ROOT/tests/kiosk_monkey.sh" "${CQ_MONKEY_SECONDS:-30}" >monkey.txt 2>&1 || status=$?
    sed 's/^/# /' monkey.txt
    [ "$status" -eq 0 ] || fail "the kiosk monkey failed (status $status); see the seed above"
}

run_tests
