#!/usr/bin/env bash
# test_browser.sh: careerquiz serve in a real browser: tests/browser/run.js drives Debian's
# chromium with playwright-core on a phone-sized screen (the quiz with JavaScript on and off,
# the result page, axe-core on every page). Skipped, visibly, without node, chromium or the
# npm packages (.ci/run installs them; by hand: cd tests/browser && npm ci). The screenshots
# are kept in $CQ_SCREENSHOTS when it is set.
# shellcheck source=tests/cli/lib.sh
. "$(dirname "$0")/lib.sh"
# shellcheck source=tests/cli/serve_lib.sh
. "$(dirname "$0")/serve_lib.sh"

# browser_usable: node, chromium and tests/browser/node_modules are here; otherwise a skip.
browser_usable() {
    serve_usable || return 1
    if ! command -v node >/dev/null; then
        skip "node is not installed"
        return 1
    fi
    if [ ! -x "${CQ_CHROMIUM:-/usr/bin/chromium}" ]; then
        skip "chromium is not installed (apt-get install chromium)"
        return 1
    fi
    if [ ! -d "$ROOT/tests/browser/node_modules/playwright-core" ] ||
        [ ! -d "$ROOT/tests/browser/node_modules/axe-core" ]; then
        skip "playwright-core and axe-core are not installed (cd tests/browser && npm ci)"
        return 1
    fi
}

# Each line of run.js's TAP becomes a test of this suite, so it is one test here that fails
# with every failing line shown.
test_the_quiz_works_in_chromium_on_a_phone_sized_screen() {
    local shots=${CQ_SCREENSHOTS:-$TESTDIR/shots}
    browser_usable || return 0
    printf 'browser-test-facilitator-key\n' >key.txt
    own_server --rate-limit 0 --db results.db --facilitator-key-file key.txt || return
    mkdir -p "$shots"
    (cd "$ROOT/tests/browser" && CQ_FACILITATOR_KEY=browser-test-facilitator-key node run.js "$URL" "$shots") >browser.tap 2>&1 ||
        fail "the browser tests failed:"
    if grep -q '^not ok' browser.tap || ! grep -q '^ok' browser.tap; then
        sed 's/^/#   /' browser.tap
        [ "$TEST_FAILED" = 1 ] || fail "the browser tests failed"
    else
        grep '^ok' browser.tap | sed 's/^ok [0-9]* - /#   passed: /'
    fi
    serve_stop
}

run_tests
