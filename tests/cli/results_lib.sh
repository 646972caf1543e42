# shellcheck shell=bash
# results_lib.sh: helpers for the tests of batch, stats, export and the results database.
# Sourced after lib.sh by test_batch.sh, test_store.sh, test_stats.sh and test_export.sh.

PERSONAS=("$ROOT"/tests/personas/*.json)
# A hand-counted workshop: 2 data scientists, a blank line, a research scientist (who skipped
# "field") and the example answers (ml-engineer, a close call). See test_stats.sh for the counts.
export WORKSHOP=$ROOT/tests/results/workshop.jsonl

# persona_lines N [BAD...]: N JSON Lines cycling through the personas; the line numbers in BAD
# are broken instead (odd ones name an unknown question, even ones are malformed JSON).
persona_lines() {
    local n=$1 i bad compact=() f
    shift
    for f in "${PERSONAS[@]}"; do # one jq per persona, not per line
        compact+=("$(jq -c . "$f")")
    done
    for ((i = 1; i <= n; i++)); do
        for bad in "$@"; do
            if [ "$i" = "$bad" ]; then
                if ((i % 2)); then
                    echo '{"answers": {"no-such-question": 1}}'
                else
                    echo '{"answers": {"education": "masters",'
                fi
                continue 2
            fi
        done
        printf '%s\n' "${compact[$(((i - 1) % ${#compact[@]}))]}"
    done
}

# sql DB QUERY: runs QUERY with the sqlite3 shell and prints the rows.
sql() {
    sqlite3 -batch "$1" "$2"
}

# expect_db_ok DB: SQLite's own check of DB finds nothing wrong.
expect_db_ok() {
    local check
    check=$(sql "$1" 'PRAGMA integrity_check' 2>&1)
    [ "$check" = ok ] || fail "integrity_check of $1: $check"
}

# as_nobody CMD...: runs CMD as the unprivileged user nobody (uid 65534) when the tests run as
# root, who could otherwise write anywhere; returns 2 without running it when that cannot be
# done. The test's folder is opened to others for it.
as_nobody() {
    if [ "$(id -u)" != 0 ]; then
        "$@"
        return
    fi
    command -v setpriv >/dev/null || return 2
    chmod 755 "$TESTDIR"
    setpriv --reuid=65534 --regid=65534 --clear-groups "$@"
}

# can_drop_to_nobody: whether as_nobody can run a test as a user who cannot write everywhere.
can_drop_to_nobody() {
    [ "$(id -u)" != 0 ] || command -v setpriv >/dev/null
}

# small_disk DIR SIZE: mounts a tmpfs of SIZE on DIR for this test (root only).
small_disk() {
    mkdir -p "$1"
    if [ "$(id -u)" != 0 ] || ! mount -t tmpfs -o "size=$2" tmpfs "$1" 2>/dev/null; then
        skip "cannot mount a small tmpfs (needs root)"
        return 1
    fi
    # shellcheck disable=SC2064 # the folder is known now
    trap "umount '$TESTDIR/$1'" EXIT
}
