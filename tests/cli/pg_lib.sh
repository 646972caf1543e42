# shellcheck shell=bash
# shellcheck disable=SC2034 # the PG_* variables are read by the scripts that source this file
# pg_lib.sh: a throw-away PostgreSQL server for tests/cli/test_postgres.sh and make bench:
# pg_start makes one (initdb into a temporary folder as the postgres user, pg_ctl on a free port
# of 127.0.0.1) and stops it when the script exits, or sets PG_SKIP to why not; new_db NAME
# makes a database and prints its URI; psql_as runs psql as the superuser. Needs CAREERQUIZ.

PG_PASSWORD=cq-secret-4711
PG_DIR=
PG_PORT=
PG_SKIP=

# The newest installed server's programs (Debian keeps them out of PATH).
pg_bin() {
    local dir
    dir=$(find /usr/lib/postgresql -maxdepth 2 -name bin -type d 2>/dev/null | sort -V | tail -n 1)
    if [ -n "$dir" ] && [ -x "$dir/initdb" ]; then
        echo "$dir"
    elif command -v initdb >/dev/null 2>&1; then
        dirname "$(command -v initdb)"
    fi
}

# as_owner CMD...: runs CMD as the owner of the server's files (postgres when we are root:
# PostgreSQL refuses to run as root).
as_owner() {
    if [ "$(id -u)" = 0 ]; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

# A port nobody listens on, from a range other tests do not use.
free_port() {
    local port
    for _ in $(seq 1 50); do
        port=$((20000 + RANDOM % 20000))
        (: <"/dev/tcp/127.0.0.1/$port") 2>/dev/null || {
            echo "$port"
            return
        }
    done
    return 1
}

pg_stop() {
    [ -n "$PG_DIR" ] || return 0
    as_owner "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m immediate stop >/dev/null 2>&1
    rm -rf "$PG_DIR"
}

# Starts the server, or sets PG_SKIP to why not.
pg_start() {
    PG_BIN=$(pg_bin)
    if [ -z "$PG_BIN" ]; then
        PG_SKIP="PostgreSQL is not installed (apt-get install postgresql)"
        return
    fi
    if [ "$(id -u)" = 0 ] && ! id postgres >/dev/null 2>&1; then
        PG_SKIP="there is no postgres user to run the server as"
        return
    fi
    local probe
    probe=$("$CAREERQUIZ" stats --db postgresql://nobody@127.0.0.1:1/none 2>&1)
    if grep -qF "without PostgreSQL support" <<<"$probe"; then
        PG_SKIP="this careerquiz was built without PostgreSQL support (libpq)"
        return
    fi
    PG_DIR=$(mktemp -d /tmp/careerquiz-pg.XXXXXX)
    chmod 755 "$PG_DIR"
    echo "$PG_PASSWORD" >"$PG_DIR/password"
    [ "$(id -u)" = 0 ] && chown postgres "$PG_DIR" "$PG_DIR/password"
    trap pg_stop EXIT
    PG_PORT=$(free_port) &&
        as_owner "$PG_BIN/initdb" -D "$PG_DIR/data" -U postgres --pwfile="$PG_DIR/password" \
            --auth-local=trust --auth-host=scram-sha-256 >"$PG_DIR/initdb.log" 2>&1 &&
        as_owner "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w -t 60 \
            -o "-p $PG_PORT -k $PG_DIR -c listen_addresses=127.0.0.1" start >/dev/null 2>&1 ||
        PG_SKIP="the throw-away server did not start (see $PG_DIR)"
}

# psql_as ARGS...: psql as the superuser over the server's socket.
psql_as() {
    # From the server's folder: the postgres user may not enter the test's own.
    (cd "$PG_DIR" && as_owner "$PG_BIN/psql" -X -q -A -t -v ON_ERROR_STOP=1 -h "$PG_DIR" -p "$PG_PORT" -U postgres "$@")
}

# new_db NAME: makes an empty database and prints its URI (with the password).
new_db() {
    psql_as -d postgres -c "CREATE DATABASE \"$1\"" >/dev/null || fail "cannot create database $1"
    echo "postgresql://postgres:$PG_PASSWORD@127.0.0.1:$PG_PORT/$1"
}

