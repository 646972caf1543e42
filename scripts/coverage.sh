#!/bin/sh
# coverage.sh: the branch and line coverage of engine/ after a --coverage test run (make coverage).
#
# usage: scripts/coverage.sh BUILD-DIR [MINIMUM-BRANCH-PERCENT]
#
# Runs gcov over the engine objects in BUILD-DIR/obj/engine (their .gcda files hold the
# counts of the test run), leaves the annotated sources in BUILD-DIR/gcov/*.c.gcov (look for
# "branch N never executed" and "taken 0%"), and prints one line per file and the total.
# "Branches" are gcov's "taken at least once": every way out of every condition, each side
# of && and ||. Exits 1 when a minimum is given and the total is below it.
set -eu

build=${1:?usage: scripts/coverage.sh BUILD-DIR [MINIMUM]}
minimum=${2:-0}
root=$(cd "$(dirname "$0")/.." && pwd)
out=$root/$build/gcov
rm -rf "$out"
mkdir -p "$out"
# gcov finds the sources through the paths they were compiled with, relative to the tree, and
# writes its .gcov files into the current folder: run it at the top, then move them.
cd "$root"
gcov -b -p -o "$build/obj/engine" engine/*.c >"$out/gcov.txt" 2>"$out/gcov.err" || {
    cat "$out/gcov.err" >&2
    exit 1
}
for f in ./*.gcov; do
    [ -e "$f" ] && mv "$f" "$out/"
done
cd "$out"

# gcov prints, per source: File '...', Lines executed:P% of N, Branches executed:..., Taken at
# least once:P% of N. Keep the engine's .c files.
awk -v minimum="$minimum" '
/^File / {
    file = $2
    gsub(/\047/, "", file)
    keep = file ~ /engine\/[^\/]*\.c$/
    sub(/.*\//, "", file)
}
keep && /^Lines executed:/ {
    split($2, a, ":"); sub(/%/, "", a[2]); n = $NF
    lines[file] = a[2]; nlines[file] = n
    lt += n; lc += a[2] * n / 100
}
keep && /^Taken at least once:/ {
    split($4, a, ":"); sub(/%/, "", a[2]); n = $NF
    taken[file] = a[2]; nbranches[file] = n
    bt += n; bc += a[2] * n / 100
}
END {
    printf "%-22s %8s %8s %8s %8s\n", "engine/", "branches", "taken", "lines", "run"
    for (f in lines)
        printf "%-22s %8d %7.1f%% %8d %7.1f%%\n", f, nbranches[f], taken[f], nlines[f], lines[f] | "sort"
    close("sort")
    total = bt ? 100 * bc / bt : 0
    printf "%-22s %8d %7.1f%% %8d %7.1f%%\n", "total", bt, total, lt, lt ? 100 * lc / lt : 0
    if (total + 1e-9 < minimum) {
        printf "coverage: branch coverage %.1f%% is below the minimum of %s%%\n", total, minimum
        exit 1
    }
}' gcov.txt
