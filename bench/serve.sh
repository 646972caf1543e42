#!/usr/bin/env bash
# serve.sh: the web server's benchmark (part of make bench): careerquiz serve against nginx
# serving a static file of the same size, with wrk, on this machine; then a real client's
# time to be served while 300 slow sockets trickle their headers.
#
# Prints requests per second and latency percentiles; targets: questions >= 0.5x nginx,
# score >= 0.25x nginx, p99 < 50 ms at 100 connections; the client served within 1 s. These
# are measurements, never pass or fail. Environment: CAREERQUIZ, BENCH_SECONDS (per wrk run,
# default 10).
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
cq=${CAREERQUIZ:-$root/build/careerquiz}
seconds=${BENCH_SECONDS:-10}
tmp=$(mktemp -d "${TMPDIR:-/tmp}/careerquiz-bench-serve.XXXXXX")
pids=()
cleanup() {
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    if [ -f "$tmp/nginx.pid" ]; then kill "$(cat "$tmp/nginx.pid")" 2>/dev/null || true; fi
    rm -rf "$tmp"
}
trap cleanup EXIT

for tool in wrk nginx curl; do
    command -v "$tool" >/dev/null || [ -x "/usr/sbin/$tool" ] || {
        echo "   (skipped: $tool is not installed; make bench installs it)"
        exit 0
    }
done
nginx_bin=$(command -v nginx || echo /usr/sbin/nginx)

# The server, without a rate limit: wrk is one client sending as fast as it can.
"$cq" serve --port 0 --rate-limit 0 2>"$tmp/serve.err" &
pids+=("$!")
for _ in $(seq 100); do
    url=$(grep -o 'http://[^ ]*/quiz' "$tmp/serve.err" 2>/dev/null || true)
    [ -n "$url" ] && break
    sleep 0.05
done
url=${url%/quiz}
port=${url##*:}

# nginx serves the same bytes as static files, on the next free port; its workers run as
# another user, who must be able to read them.
chmod 755 "$tmp"
mkdir -p "$tmp/www/api"
curl -s "$url/api/questions" >"$tmp/www/api/questions"
curl -s -X POST --data-binary @"$root/docs/examples/answers.json" "$url/api/score" \
    >"$tmp/www/api/score"
nport=$((port + 1))
cat >"$tmp/nginx.conf" <<CONF
worker_processes auto;
pid $tmp/nginx.pid;
error_log $tmp/nginx.err;
events { worker_connections 1024; }
http {
    access_log off;
    default_type application/json;
    server {
        listen 127.0.0.1:$nport;
        root $tmp/www;
        error_page 405 =200 \$uri;
    }
}
CONF
"$nginx_bin" -c "$tmp/nginx.conf" -p "$tmp"
sleep 0.3

cat >"$tmp/post.lua" <<'LUA'
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
local f = io.open(os.getenv("BENCH_BODY"), "r")
wrk.body = f:read("*a")
f:close()
LUA

# run_wrk LABEL URL [LUA]: one wrk run at 100 connections; prints its line.
run_wrk() {
    local label=$1 target=$2 script=${3:-}
    wrk -t2 -c100 -d"${seconds}s" --latency ${script:+-s "$script"} "$target" >"$tmp/wrk.txt" 2>&1
    awk -v label="$label" '
        /Requests\/sec/ { rps = $2 }
        /^ +50%/ { p50 = $2 } /^ +99%/ { p99 = $2 }
        /Non-2xx/ { bad = $NF }
        END { printf "   %-30s %9.0f req/s  p50 %-8s p99 %-8s%s\n", label, rps, p50, p99,
              (bad ? "  non-2xx: " bad : "") }' "$tmp/wrk.txt"
    awk '/Requests\/sec/ { print $2 }' "$tmp/wrk.txt" >"$tmp/rps"
}

echo "   wrk, 2 threads, 100 connections, ${seconds} s each"
run_wrk "nginx, a $(wc -c <"$tmp/www/api/questions")-byte file" "http://127.0.0.1:$nport/api/questions"
n_q=$(cat "$tmp/rps")
run_wrk "serve GET /api/questions" "$url/api/questions"
s_q=$(cat "$tmp/rps")
p99_q=$(awk '/^ +99%/ { print $2 }' "$tmp/wrk.txt")
BENCH_BODY="$root/docs/examples/answers.json" run_wrk \
    "nginx, a $(wc -c <"$tmp/www/api/score")-byte file (POST)" "http://127.0.0.1:$nport/api/score" \
    "$tmp/post.lua"
n_s=$(cat "$tmp/rps")
BENCH_BODY="$root/docs/examples/answers.json" run_wrk "serve POST /api/score" "$url/api/score" \
    "$tmp/post.lua"
s_s=$(cat "$tmp/rps")
p99_s=$(awk '/^ +99%/ { print $2 }' "$tmp/wrk.txt")
awk -v nq="$n_q" -v sq="$s_q" -v ns="$n_s" -v ss="$s_s" -v pq="$p99_q" -v ps="$p99_s" '
function ms(t) { if (t ~ /us$/) return t / 1000; if (t ~ /ms$/) return t + 0; return t * 1000 }
BEGIN {
    printf "   questions / nginx          %.2fx  (target >= 0.5x: %s)\n", sq / nq,
        (sq / nq >= 0.5 ? "target met" : "target MISSED")
    printf "   score / nginx              %.2fx  (target >= 0.25x: %s)\n", ss / ns,
        (ss / ns >= 0.25 ? "target met" : "target MISSED")
    printf "   p99 latency                questions %s, score %s  (target < 50 ms: %s)\n", pq, ps,
        (ms(pq) < 50 && ms(ps) < 50 ? "target met" : "target MISSED")
}'

# 300 sockets that send a header line a second and never finish; then a real client, from
# another loopback address, as a phone on the venue's network would be.
echo "   300 slow sockets, each sending a header line a second:"
(
    trap '' PIPE # a socket the server closed must not end this shell
    fds=()
    for _ in $(seq 300); do
        exec {fd}<>"/dev/tcp/127.0.0.1/$port" || break
        # Past the limit per address the server closes the socket: writing then fails.
        { printf 'GET /quiz HTTP/1.1\r\nHost: x\r\n' >&"$fd"; } 2>/dev/null || true
        fds+=("$fd")
    done
    echo "${#fds[@]}" >"$tmp/slow-open"
    while true; do
        for fd in "${fds[@]}"; do { printf 'X-Slow: 1\r\n' >&"$fd"; } 2>/dev/null || true; done
        sleep 1
    done
) &
pids+=("$!")
sleep 3
worst=0
for _ in 1 2 3 4 5; do
    t=$(curl -s -o /dev/null --interface 127.0.0.2 -w '%{time_total}' "$url/quiz" || echo 99)
    worst=$(awk -v a="$worst" -v b="$t" 'BEGIN { print (b > a ? b : a) }')
    sleep 0.5
done
awk -v n="$(cat "$tmp/slow-open" 2>/dev/null || echo '?')" -v w="$worst" 'BEGIN {
    printf "   %s slow sockets opened; a real client served in at most %.3f s over 5 tries\n", n, w
    printf "   (target < 1 s: %s)\n", (w < 1 ? "target met" : "target MISSED")
}'
