#!/bin/sh
# deps.sh: installs what building and testing careerquiz needs, or says how (used by `make deps`).
#
# Checks with pkg-config and `command -v`. Silent when nothing is missing. When something is
# missing it runs apt-get as root, and otherwise prints the command to run and exits 1.
# Environment: NO_READLINE=1 skips readline; NO_SERVE=1 skips libmicrohttpd; NO_QR=1 skips
# libqrencode; NO_PG=1 skips libpq; BENCH=1 adds what make bench needs; PKG_CONFIG
# names pkg-config.
set -u

PKG_CONFIG=${PKG_CONFIG:-pkg-config}
missing=""

need() { # need DEBIAN-PACKAGE: add it to the list once
    case " $missing " in
    *" $1 "*) ;;
    *) missing="${missing:+$missing }$1" ;;
    esac
}

has_pc() { # has_pc MODULE: pkg-config knows MODULE (false when pkg-config is missing)
    command -v "$PKG_CONFIG" >/dev/null 2>&1 && "$PKG_CONFIG" --exists "$1" 2>/dev/null
}

command -v "$PKG_CONFIG" >/dev/null 2>&1 || need pkg-config
has_pc libcjson || need libcjson-dev
has_pc cmocka || need libcmocka-dev
# SQLite: the results store of batch --db, take --db, kiosk, stats and export.
has_pc sqlite3 || need libsqlite3-dev
# libmicrohttpd: the web server of careerquiz serve.
if [ "${NO_SERVE:-}" != 1 ]; then
    has_pc libmicrohttpd || need libmicrohttpd-dev
fi
# libpq: results databases on a PostgreSQL server (--db postgresql://...). The server itself
# (Debian's postgresql) is only for tests/cli/test_postgres.sh, which says SKIP without it.
if [ "${NO_PG:-}" != 1 ]; then
    has_pc libpq || need libpq-dev
fi
# libqrencode: QR codes that take a result or the quiz's address to a phone.
if [ "${NO_QR:-}" != 1 ]; then
    has_pc libqrencode || need libqrencode-dev
fi
if [ "${NO_READLINE:-}" != 1 ]; then
    has_pc readline || need libreadline-dev
fi
# Tools the test suites use: tmux drives the interactive quiz, valgrind checks memory, jq
# reads the CLI's JSON.
command -v tmux >/dev/null 2>&1 || need tmux
command -v valgrind >/dev/null 2>&1 || need valgrind
command -v jq >/dev/null 2>&1 || need jq
# curl talks to careerquiz serve in its tests.
command -v curl >/dev/null 2>&1 || need curl
# The sqlite3 shell checks the results databases the tests write (integrity_check, queries).
command -v sqlite3 >/dev/null 2>&1 || need sqlite3
# make bench (BENCH=1) measures peak memory with GNU time, and the web server with wrk.
if [ "${BENCH:-}" = 1 ]; then
    [ -x /usr/bin/time ] || need time
    # The web server's benchmark: wrk makes the load, nginx is the yardstick.
    command -v wrk >/dev/null 2>&1 || need wrk
    [ -x /usr/sbin/nginx ] || command -v nginx >/dev/null 2>&1 || need nginx-light
fi

[ -z "$missing" ] && exit 0

echo "careerquiz: missing build or test dependencies: $missing" >&2
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "careerquiz: installing them with apt-get" >&2
    export DEBIAN_FRONTEND=noninteractive
    # shellcheck disable=SC2086 # $missing is a list of package names, one word each
    apt-get update -qq >&2 && apt-get install -y -qq --no-install-recommends $missing >&2 && exit 0
    echo "careerquiz: apt-get install failed" >&2
    exit 1
fi
echo "careerquiz: install them with:" >&2
echo "    sudo apt-get update && sudo apt-get install -y $missing" >&2
exit 1
