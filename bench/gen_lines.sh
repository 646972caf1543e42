#!/usr/bin/env bash
# gen_lines.sh: writes N JSON Lines of answers for the benchmarks (make bench), on stdout.
#
# usage: bench/gen_lines.sh N
# The lines are the personas and the example answers, compacted, with their scale answers
# (research-vs-production, stakeholders, statistics, software-practice) drawn at random from
# 1..5 with a fixed seed, so the runs are varied and reproducible.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
n=${1:?usage: gen_lines.sh N}
for f in "$root"/tests/personas/*.json "$root"/docs/examples/answers.json; do
    jq -c '{version, answers}' "$f"
done | awk -v n="$n" '
    { base[NR] = $0 }
    END {
        srand(5)
        split("research-vs-production stakeholders statistics software-practice", scales, " ")
        for (i = 0; i < n; i++) {
            line = base[i % NR + 1]
            for (s in scales)
                sub("\"" scales[s] "\":[0-9]", "\"" scales[s] "\":" (int(rand() * 5) + 1), line)
            print line
        }
    }'
