#!/usr/bin/env bash
# update-reports.sh: rewrites the report goldens in tests/golden/reports/ from its manifest.
#
# Each line of tests/golden/reports/manifest names a golden file and the careerquiz arguments
# that produce it: whole outputs of score (text, JSON, Markdown, HTML, --explain,
# --education-filter) and compare. tests/cli/test_reports.sh compares against them, so any
# change to the wording, the layout, the data or the scoring shows up as a diff. Run this on
# purpose after such a change, read `git diff tests/golden/reports` and commit it with the
# change that caused it; never run it just to make a failing test pass.
#
# Usage: tests/golden/update-reports.sh   (after `make`; CAREERQUIZ overrides the binary)
set -euo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
bin=${CAREERQUIZ:-$root/build/careerquiz}
[ -x "$bin" ] || { echo "update-reports.sh: build careerquiz first (make): $bin" >&2; exit 1; }
# The same environment as the tests: plain ASCII bars, no colour.
export LC_ALL=C
unset NO_COLOR

cd "$root"
dir=tests/golden/reports
listed=" "
while read -r name args; do
    case "$name" in '' | '#'*) continue ;; esac
    # shellcheck disable=SC2086 # the arguments are split on spaces on purpose
    "$bin" $args >"$dir/$name.new"
    mv "$dir/$name.new" "$dir/$name"
    listed="$listed$name "
    echo "wrote $dir/$name"
done <"$dir/manifest"
# Goldens no longer listed.
for golden in "$dir"/*; do
    name=$(basename "$golden")
    [ "$name" = manifest ] && continue
    case "$listed" in *" $name "*) ;; *)
        rm "$golden"
        echo "removed $dir/$name"
        ;;
    esac
done
