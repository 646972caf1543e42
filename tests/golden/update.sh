#!/usr/bin/env bash
# update.sh: rewrites tests/golden/<persona>.ranking from tests/personas/<persona>.json.
#
# Each golden file is the full ranking (role id and score, best first) that
# `careerquiz score --json` gives the persona, as tests/golden/ranking.jq prints it. The CLI
# test tests/cli/test_golden.sh compares against these files, so a change to the bank, the
# profiles or the scoring shows up as a diff. Run this on purpose after such a change, read
# the diff (git diff tests/golden) and commit it with the change that caused it; never run
# it just to make a failing test pass.
#
# Usage: tests/golden/update.sh   (after `make`; CAREERQUIZ overrides the binary)
set -euo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
bin=${CAREERQUIZ:-$root/build/careerquiz}
[ -x "$bin" ] || { echo "update.sh: build careerquiz first (make): $bin" >&2; exit 1; }

for persona in "$root"/tests/personas/*.json; do
    name=$(basename "$persona" .json)
    out=$root/tests/golden/$name.ranking
    "$bin" score --json "$persona" | jq -r -f "$root/tests/golden/ranking.jq" >"$out.new"
    mv "$out.new" "$out"
    echo "wrote tests/golden/$name.ranking"
done
# Goldens whose persona is gone.
for golden in "$root"/tests/golden/*.ranking; do
    [ -e "$root/tests/personas/$(basename "$golden" .ranking).json" ] || {
        rm "$golden"
        echo "removed tests/golden/$(basename "$golden")"
    }
done
