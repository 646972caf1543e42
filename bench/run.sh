#!/usr/bin/env bash
# run.sh: the benchmarks of `make bench`; docs/performance.md records what they printed.
#
# Prints, with the machine they ran on:
#   1. the median whole-process time of `careerquiz score FILE` against /bin/true;
#   2. batch throughput on 100,000 generated lines against `jq -c .` on the same file;
#   3. the peak RSS of score, and of batch at 10,000 and 1,000,000 lines;
#   4. the peak RSS of batch --output (1,000,000 lines) and export --output (100,000 results),
#      and the time of stats over 40,000 distinct answer keys;
#   5. careerquiz serve against nginx with wrk, and a client's wait beside 300 slow sockets
#      (bench/serve.sh);
#   6. results stored per second by batch into SQLite and into PostgreSQL, side by side.
# These are measurements, not tests: a missed target is printed as such, never an error.
#
# Environment: CAREERQUIZ (the binary), PROCTIME (bench/proctime.c built), BENCH_RUNS (runs of
# each process for the median, default 300), BENCH_LINES (default 100000).
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
cq=${CAREERQUIZ:-$root/build/careerquiz}
proctime=${PROCTIME:-$root/build/bench/proctime}
runs=${BENCH_RUNS:-300}
lines=${BENCH_LINES:-100000}
example=$root/docs/examples/answers.json
tmp=$(mktemp -d "${TMPDIR:-/tmp}/careerquiz-bench.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

# verdict MET: "target met" or "target missed"
verdict() {
    if [ "$1" = 1 ]; then echo "target met"; else echo "target MISSED"; fi
}

# rss_kb CMD...: peak resident set size of CMD in KiB (GNU time), its input from stdin.
rss_kb() {
    /usr/bin/time -f %M -o "$tmp/rss" "$@" >/dev/null
    cat "$tmp/rss"
}

cpu=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n 1)
memory=$(awk '/^MemTotal/ {printf "%.1f GiB", $2 / 1048576}' /proc/meminfo)
echo "machine: $(nproc) CPUs, $cpu, $memory memory, $(uname -sr)"
echo "careerquiz: $cq ($("$cq" --version | head -n 1))"
echo

echo "1. whole-process median time, $runs runs each"
t_true=$("$proctime" "$runs" /bin/true)
t_score=$("$proctime" "$runs" "$cq" score "$example")
ratio=$(awk -v a="$t_score" -v b="$t_true" 'BEGIN { printf "%.2f", a / b }')
echo "   /bin/true                  ${t_true} us"
echo "   careerquiz score FILE      ${t_score} us"
echo "   ratio                      ${ratio}x  (target <= 3x: $(verdict "$(awk -v r="$ratio" \
    'BEGIN { print (r <= 3) }')"))"
echo

echo "2. batch throughput on $lines generated lines (median of 3 runs)"
"$root/bench/gen_lines.sh" "$lines" >"$tmp/lines.jsonl"
echo "   input: $(wc -c <"$tmp/lines.jsonl") bytes"
t_jq=$("$proctime" 3 "$(command -v jq)" -c . "$tmp/lines.jsonl")
t_batch=$("$proctime" 3 "$cq" batch "$tmp/lines.jsonl")
awk -v n="$lines" -v jq="$t_jq" -v b="$t_batch" 'BEGIN {
    printf "   jq -c .                    %.2f s, %.0f lines/s\n", jq / 1e6, n / (jq / 1e6)
    printf "   careerquiz batch           %.2f s, %.0f results/s\n", b / 1e6, n / (b / 1e6)
    printf "   ratio                      %.2fx faster than jq  (target >= 3x: %s)\n", jq / b,
        (jq / b >= 3 ? "target met" : "target MISSED")
}'
echo

echo "3. peak resident memory (GNU time %M)"
score_kb=$(rss_kb "$cq" score "$example")
batch_10k=$("$root/bench/gen_lines.sh" 10000 | rss_kb "$cq" batch -)
batch_1m=$("$root/bench/gen_lines.sh" 1000000 | rss_kb "$cq" batch -)
awk -v s="$score_kb" -v a="$batch_10k" -v b="$batch_1m" 'BEGIN {
    printf "   score                      %d KiB  (target <= 4096 KiB: %s)\n", s,
        (s <= 4096 ? "target met" : "target MISSED")
    printf "   batch, 10,000 lines        %d KiB\n", a
    printf "   batch, 1,000,000 lines     %d KiB  (growth %d KiB, target < 1024 KiB: %s)\n", b,
        b - a, (b - a < 1024 ? "target met" : "target MISSED")
}'
echo

echo "4. output files and the results store at scale"
# --output streams into a temporary file beside the target: memory stays flat (it read the
# whole output back into memory, 712 MB for a million lines).
"$root/bench/gen_lines.sh" 1000000 >"$tmp/million.jsonl"
out_1m=$(rss_kb "$cq" batch "$tmp/million.jsonl" --output "$tmp/million.out")
"$root/bench/gen_lines.sh" 100000 | "$cq" batch - --db "$tmp/bench.db" >/dev/null
export_kb=$(rss_kb "$cq" export --db "$tmp/bench.db" --output "$tmp/export.csv")
rm -f "$tmp/million.jsonl" "$tmp/million.out"
# stats over 40,000 distinct answer keys (results of another bank): quadratic before, 15 s.
echo '{"answers": {"education": "phd"}}' | "$cq" batch - --db "$tmp/keys.db" >/dev/null
sqlite3 "$tmp/keys.db" "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n
    WHERE i < 40000) INSERT INTO results (taken_at, event, bank_version, bank_digest, answers,
    recommended, margin, close_call) SELECT '2026-01-01T00:00:00Z', NULL, 'x', 'y',
    json_object('version', 1, 'answers', json_object('k' || i, 'v' || i)), 'ml-engineer', 0,
    0 FROM n"
t_stats=$("$proctime" 3 "$cq" stats --db "$tmp/keys.db" --json)
awk -v a="$out_1m" -v e="$export_kb" -v s="$t_stats" 'BEGIN {
    printf "   batch --output, 1,000,000 lines      %d KiB  (target < 10240 KiB: %s)\n", a,
        (a < 10240 ? "target met" : "target MISSED")
    printf "   export --output, 100,000 results     %d KiB\n", e
    printf "   stats, 40,000 distinct answer keys   %.2f s\n", s / 1e6
}'
echo

echo "5. the web server (careerquiz serve) against nginx on this machine"
if "$cq" --version | grep -q 'web server (serve) runs'; then
    CAREERQUIZ="$cq" "$root/bench/serve.sh"
else
    echo "   (skipped: this build has no web server)"
fi
echo

echo "6. results stored by batch, one transaction per many rows: SQLite against PostgreSQL"
store_lines=${BENCH_STORE_LINES:-20000}
"$root/bench/gen_lines.sh" "$store_lines" >"$tmp/store.jsonl"
t_sqlite=$("$proctime" 1 "$cq" batch "$tmp/store.jsonl" --db "$tmp/store.db")
awk -v n="$store_lines" -v t="$t_sqlite" 'BEGIN {
    printf "   SQLite (a local file)      %.2f s, %.0f results/s\n", t / 1e6, n / (t / 1e6)
}'
# The tests' throw-away server: a local PostgreSQL on 127.0.0.1, over TCP with a password.
fail() {
    echo "bench: $*" >&2
    exit 1
}
export CAREERQUIZ="$cq"
# shellcheck source=tests/cli/pg_lib.sh
. "$root/tests/cli/pg_lib.sh"
set +e # the tests' helper probes with commands that fail on purpose
pg_start
set -e
trap 'pg_stop; rm -rf "$tmp"' EXIT
if [ -n "$PG_SKIP" ]; then
    echo "   PostgreSQL (skipped: $PG_SKIP)"
else
    t_pg=$("$proctime" 1 "$cq" batch "$tmp/store.jsonl" --db "$(new_db bench)")
    awk -v n="$store_lines" -v t="$t_pg" -v s="$t_sqlite" 'BEGIN {
        printf "   PostgreSQL (127.0.0.1)     %.2f s, %.0f results/s (%.2fx SQLite'"'"'s time)\n",
            t / 1e6, n / (t / 1e6), t / s
    }'
fi
