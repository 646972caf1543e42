#!/usr/bin/env bash
# run.sh: runs each fuzz target for a while (what `make fuzz-run SECONDS=N` does).
#
# usage: fuzz/run.sh SECONDS TARGET...
#
# Each target starts from its seeds (fuzz/seeds.txt) copied into build/fuzz/corpus/TARGET/,
# which keeps what libFuzzer adds, so later runs go on from there. A crash is saved as
# build/fuzz/crash-TARGET-*; copy it into fuzz/regressions/TARGET/ (so make test replays it)
# before fixing the bug. Prints one summary line per target; exits 1 when any target failed.
set -u

cd "$(dirname "$0")/.." || exit 1
seconds=${1:?usage: fuzz/run.sh SECONDS TARGET...}
shift
build=build/fuzz
status=0

for target in "$@"; do
    bin=$build/fuzz_$target
    corpus=$build/corpus/$target
    mkdir -p "$corpus"
    # The seed folders of this target, from fuzz/seeds.txt ("target: dir dir ...").
    for dir in $(sed -n "s/^$target:[[:space:]]*//p" fuzz/seeds.txt); do
        for file in "$dir"/*; do
            # Named after their path: questions/bank.json and the fixture's bank.json differ.
            [ -f "$file" ] && cp -f "$file" "$corpus/seed-$(echo "$file" | tr / -)"
        done
    done
    log=$build/$target.log
    # One input may take at most 10 s (a hang) and 2 GB (a leak that grows without end).
    "$bin" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
        -dict=fuzz/json.dict -print_final_stats=1 -artifact_prefix="$build/crash-$target-" \
        "$corpus" >"$log" 2>&1
    rc=$?
    runs=$(sed -n 's/^stat::number_of_executed_units:[[:space:]]*//p' "$log" | tail -n 1)
    cover=$(grep -oE 'cov: [0-9]+' "$log" | tail -n 1)
    if [ "$rc" -eq 0 ]; then
        echo "fuzz $target: ${runs:-?} runs in ${seconds}s, ${cover:-cov: ?}, no crash"
    else
        echo "fuzz $target: FAILED (exit status $rc) after ${runs:-?} runs; see $log"
        grep -E 'ERROR|SUMMARY|Test unit written|abort' "$log" | head -n 20
        status=1
    fi
done
exit "$status"
