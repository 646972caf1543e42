#!/usr/bin/env bash
# test_library.sh: libcareerquiz as a library of its own: its exported symbols and their
# version, its runtime version, and the engine's objects, which must not depend on each other
# in a cycle.
#
# Environment (make test sets them): CQ_BUILD, the build folder (default build).
. "$(dirname "$0")/lib.sh"

BUILD=$ROOT/${CQ_BUILD:-build}
HEADER=$ROOT/engine/include/careerquiz.h
MAP=$ROOT/engine/careerquiz.map

# header_functions: the functions careerquiz.h declares, one a line, sorted.
header_functions() {
    grep -oE '\bcq_[a-z0-9_]+\(' "$HEADER" | tr -d '(' | sort -u
}

test_the_version_script_lists_exactly_the_functions_of_the_public_header() {
    header_functions >header.txt
    sed -n 's/^ *\(cq_[a-z0-9_]*\);$/\1/p' "$MAP" | sort >map.txt
    diff header.txt map.txt >diff.txt || {
        fail "careerquiz.h (<) and careerquiz.map (>) differ:"
        show diff.txt
    }
    [ "$(wc -l <header.txt)" -gt 100 ] || fail "found only $(wc -l <header.txt) functions"
}

test_the_shared_library_exports_the_public_functions_under_a_named_version() {
    header_functions >header.txt
    objdump -T "$BUILD/libcareerquiz.so" >dynsym.txt ||
        { fail "cannot read $BUILD/libcareerquiz.so"; return; }
    # Defined symbols (not *UND*) of the library: "... .text ... CAREERQUIZ_0.1 cq_score".
    awk '$0 !~ /\*UND\*/ && $NF ~ /^cq_/ { print $(NF-1), $NF }' dynsym.txt | sort -k2 >exported.txt
    awk '{ print $2 }' exported.txt >names.txt
    diff header.txt names.txt >diff.txt || {
        fail "careerquiz.h (<) and the exports of libcareerquiz.so (>) differ:"
        show diff.txt
    }
    if awk '$1 != "CAREERQUIZ_0.1"' exported.txt | grep -q .; then
        fail "exported without the version CAREERQUIZ_0.1:"
        awk '$1 != "CAREERQUIZ_0.1"' exported.txt | show /dev/stdin
    fi
    grep -q ' cq__' dynsym.txt && fail "an engine internal (cq__) is exported"
}

test_the_engine_objects_depend_on_each_other_without_a_cycle() {
    local objects=() f
    for f in "$ROOT"/engine/*.c; do
        objects+=("$BUILD/obj/engine/$(basename "$f" .c).o")
    done
    run "$ROOT/scripts/engine_graph.sh" "${objects[@]}"
    expect_status 0
    expect_stdout_contains "order: "
    # The graph is real: the views come after what they show.
    grep -q '^uses: result_json explain_json$' "$OUT" || fail "no edge result_json -> explain_json"
    grep -q '^uses: model bank$' "$OUT" || fail "no edge model -> bank"
}

test_the_version_careerquiz_prints_first_is_the_library_version() {
    run cq --version
    expect_status 0
    local want
    want=$(sed -n 's/^#define CQ_VERSION_\(MAJOR\|MINOR\|PATCH\) \([0-9]*\)$/\2/p' "$HEADER" |
        paste -sd.)
    [ "$(head -n 1 "$OUT")" = "careerquiz $want" ] ||
        fail "first line: $(head -n 1 "$OUT"), header: $want"
}

run_tests
