#!/bin/sh
# engine_graph.sh: the engine's link-level dependency graph, read from its objects with nm, and
# whether it has a cycle.
#
# usage: scripts/engine_graph.sh OBJECT...   (e.g. build/obj/engine/*.o)
# Prints "uses: A B" for each object A that uses a symbol object B defines, then "order:" with
# every object after all it uses (tsort). Exits 1, naming the objects of a cycle, when there is
# one (tsort: "input contains a loop").
set -eu

[ $# -gt 0 ] || { echo "usage: engine_graph.sh OBJECT..." >&2; exit 64; }
tmp=$(mktemp -d "${TMPDIR:-/tmp}/engine-graph.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

# "symbol object" for every global definition, and for every undefined reference.
for obj in "$@"; do
    name=$(basename "$obj" .o)
    nm -P "$obj" | awk -v o="$name" '$2 ~ /^[TDRBCV]$/ { print $1, o >> "'"$tmp"'/defs" }
        $2 == "U" { print $1, o >> "'"$tmp"'/uses" }'
done
touch "$tmp/defs" "$tmp/uses"
# An edge "provider user" for each use of a symbol another engine object defines; each object
# also appears alone, so that one without edges is still in the order.
awk 'NR == FNR { def[$1] = $2; next }
    ($1 in def) && def[$1] != $2 { print def[$1], $2 }' "$tmp/defs" "$tmp/uses" |
    sort -u >"$tmp/edges"
awk '{ print "uses:", $2, $1 }' "$tmp/edges" | sort
for obj in "$@"; do
    name=$(basename "$obj" .o)
    echo "$name $name"
done >>"$tmp/edges"
if ! tsort "$tmp/edges" >"$tmp/order" 2>"$tmp/loop"; then
    echo "cycle: $(sed -n 's/^tsort: //p' "$tmp/loop" | grep -v 'input contains a loop' | tr '\n' ' ')"
    exit 1
fi
echo "order: $(tr '\n' ' ' <"$tmp/order")"
