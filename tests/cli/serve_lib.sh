# shellcheck shell=bash
# serve_lib.sh: helpers for the tests of careerquiz serve. Source it after lib.sh.

# Seconds to wait for the server to start; valgrind makes it slower.
SERVE_WAIT=${CQ_SERVE_WAIT:-15}
[ -n "$CQ_WRAPPER" ] && SERVE_WAIT=90

# serve_usable: true when the build has a web server and curl is here; otherwise marks the test
# skipped (no curl, a NO_SERVE build).
serve_usable() {
    if ! command -v curl >/dev/null; then
        skip "curl is not installed"
        return 1
    fi
    if "$CAREERQUIZ" --version 2>&1 | grep -q "web server (serve) is not in this build"; then
        skip "this build has no web server (make NO_SERVE=1)"
        return 1
    fi
}

# shared: for a test on the suite's shared server (shared_server): fails the test when that
# server did not start.
shared() {
    [ -n "${URL:-}" ] && return 0
    fail "the shared server did not start:"
    sed 's/^/#   /' "$SERVE_DIR/start.txt" "$SERVE_DIR/serve.err" 2>/dev/null
    return 1
}

# own_server ARGS...: a server of the test's own, in its folder (serve_start).
own_server() {
    SERVE_DIR=$TESTDIR
    serve_start "$@"
}

# serve_start ARGS...: starts `careerquiz serve --port 0 ARGS` in the background and waits
# until it says where it listens; sets URL (http://127.0.0.1:PORT) and SERVE_PID. Its stderr
# goes to $SERVE_DIR/serve.err, its exit status to $SERVE_DIR/status.
serve_start() {
    local i
    rm -f "$SERVE_DIR/pid" "$SERVE_DIR/status"
    # The exit status goes to a file, so that any test (a subshell) can stop it and read it.
    (
        # shellcheck disable=SC2086 # the wrapper is a command line on purpose
        $CQ_WRAPPER "$CAREERQUIZ" serve --port 0 "$@" 2>"$SERVE_DIR/serve.err" &
        echo "$!" >"$SERVE_DIR/pid"
        status=0
        wait "$!" || status=$?
        echo "$status" >"$SERVE_DIR/status"
    ) &
    URL=""
    SERVE_PID=""
    for ((i = 0; i < SERVE_WAIT * 10; i++)); do
        [ -z "$SERVE_PID" ] && [ -s "$SERVE_DIR/pid" ] && SERVE_PID=$(cat "$SERVE_DIR/pid")
        URL=$(grep -o 'http://[^ ]*/quiz' "$SERVE_DIR/serve.err" 2>/dev/null | head -n 1)
        if [ -n "$URL" ] && [ -n "$SERVE_PID" ]; then
            URL=${URL%/quiz}
            return 0
        fi
        [ -s "$SERVE_DIR/status" ] && break
        sleep 0.1
    done
    fail "the server did not start:"
    sed 's/^/#   /' "$SERVE_DIR/serve.err"
    return 1
}

# serve_stop: SIGTERM, then the exit status in $STATUS; a status other than 0 (valgrind's
# report among them) fails the test.
serve_stop() {
    local i
    kill -TERM "$SERVE_PID" 2>/dev/null
    for ((i = 0; i < SERVE_WAIT * 10; i++)); do
        [ -s "$SERVE_DIR/status" ] && break
        sleep 0.1
    done
    STATUS=$(cat "$SERVE_DIR/status" 2>/dev/null || echo 255)
    if [ "$STATUS" -ne 0 ]; then
        fail "the server ended with status $STATUS:"
        sed -n '1,30s/^/#   /p' "$SERVE_DIR/serve.err"
    fi
}

# shared_server ARGS...: one server for the tests of a suite that only read from it, started
# before them (valgrind makes each start and stop cost seconds). Sets URL and SERVE_PID for
# every test; the suite's last test stops it with serve_stop. Tests using it call
# serve_usable, then shared.
shared_server() {
    SERVE_DIR=$(mktemp -d "${TMPDIR:-/tmp}/careerquiz-serve.XXXXXX")
    # shellcheck disable=SC2064 # the folder's name is fixed now
    # A server still running when the suite ends (a test stopped early) is stopped.
    trap "[ -s '$SERVE_DIR/pid' ] && kill -TERM \$(cat '$SERVE_DIR/pid') 2>/dev/null; rm -rf '$SERVE_DIR'" EXIT
    serve_usable_quietly || return 0
    TESTDIR=$SERVE_DIR serve_start "$@" >"$SERVE_DIR/start.txt" 2>&1
    export URL SERVE_PID SERVE_DIR
}

# serve_usable_quietly: serve_usable without marking a test.
serve_usable_quietly() {
    command -v curl >/dev/null &&
        ! "$CAREERQUIZ" --version 2>&1 | grep -q "web server (serve) is not in this build"
}

# http METHOD PATH [CURL-ARGS...]: one request; the body lands in $OUT, the headers in
# $TESTDIR/headers, the status code in $HTTP.
http() {
    local method=$1 path=$2
    shift 2
    HTTP=$(curl -s --path-as-is -X "$method" -D "$TESTDIR/headers" -o "$OUT" \
        -w '%{http_code}' "$@" "$URL$path")
}

expect_http() {
    if [ "$HTTP" != "$1" ]; then
        fail "expected HTTP $1, got $HTTP"
        show "$OUT"
    fi
}

# expect_header NAME VALUE-REGEX: the last response had the header.
expect_header() {
    grep -qiE "^$1: $2" "$TESTDIR/headers" || {
        fail "no header $1 matching $2"
        sed 's/^/#   /' "$TESTDIR/headers"
    }
}

# wait_for_line FILE LINE: waits until FILE (a stream being written) has LINE whole, for up to
# 45 s; a test then checks what the stream holds. Events come when the server gets to them,
# which under valgrind on a busy machine is seconds, not a fixed time.
wait_for_line() {
    local tries=225
    until grep -qxF -- "$2" "$1" 2>/dev/null; do
        tries=$((tries - 1))
        [ "$tries" -gt 0 ] || return 1
        sleep 0.2
    done
}
