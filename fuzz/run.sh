#!/usr/bin/env bash
# run.sh: runs each fuzz target for a while (what `make fuzz-run SECONDS=N` does).
#
# usage: fuzz/run.sh SECONDS TARGET...
#
# Each target starts from its seeds (fuzz/seeds.txt) copied into build/fuzz/corpus/TARGET/,
# which keeps what libFuzzer adds, so later runs go on from there. A crash is saved as
# build/fuzz/crash-TARGET-*; copy it into fuzz/regressions/TARGET/ (so make test replays it)
# before fixing the bug. FUZZ_JOBS=N runs N targets at a time (default 1; each target uses
# one core). Prints one summary line per target; exits 1 when any target failed.
set -u

cd "$(dirname "$0")/.." || exit 1
seconds=${1:?usage: fuzz/run.sh SECONDS TARGET...}
shift
jobs=${FUZZ_JOBS:-1}
build=build/fuzz

# fuzz_one TARGET: seeds the corpus, fuzzes, and writes the summary line to build/fuzz/TARGET.sum.
fuzz_one() {
    local target=$1 corpus=$build/corpus/$1 log=$build/$1.log dir file rc runs cover
    mkdir -p "$corpus"
    # The seed folders of this target, from fuzz/seeds.txt ("target: dir dir ...").
    local dirs
    read -ra dirs <<<"$(sed -n "s/^$target:[[:space:]]*//p" fuzz/seeds.txt)"
    for dir in "${dirs[@]}"; do
        for file in "$dir"/*; do
            # Named after their path: questions/bank.json and the fixture's bank.json differ.
            [ -f "$file" ] && cp -f "$file" "$corpus/seed-$(echo "$file" | tr / -)"
        done
    done
    # One input may take at most 10 s (a hang) and 2 GB (a leak that grows without end).
    "$build/fuzz_$target" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
        -max_len=65536 -dict=fuzz/json.dict -print_final_stats=1 \
        -artifact_prefix="$build/crash-$target-" "$corpus" >"$log" 2>&1
    rc=$?
    runs=$(sed -n 's/^stat::number_of_executed_units:[[:space:]]*//p' "$log" | tail -n 1)
    cover=$(grep -oE 'cov: [0-9]+' "$log" | tail -n 1)
    if [ "$rc" -eq 0 ]; then
        echo "fuzz $target: ${runs:-?} runs in ${seconds}s, ${cover:-cov: ?}, no crash"
    else
        echo "fuzz $target: FAILED (exit status $rc) after ${runs:-?} runs; see $log"
        # The broken promise ("fuzz: ...") and the frames below abort() say what happened.
        grep -E '^fuzz:|ERROR|SUMMARY|Test unit written|abort|^ +#([7-9]|1[0-2]) ' "$log" | head -n 24
    fi >"$build/$target.sum"
    return "$rc"
}

running=0
for target in "$@"; do
    if [ "$running" -ge "$jobs" ]; then
        wait -n
        running=$((running - 1))
    fi
    fuzz_one "$target" &
    running=$((running + 1))
done
wait

status=0
for target in "$@"; do
    cat "$build/$target.sum"
    grep -q '^fuzz [a-z]*: FAILED' "$build/$target.sum" && status=1
done
exit "$status"
