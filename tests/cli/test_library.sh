#!/usr/bin/env bash
# test_library.sh: libcareerquiz as a library of its own: its exported symbols and their
# version, its runtime version, and the engine's objects, which must not depend on each other
# in a cycle.
#
# Environment (make test sets them): CQ_BUILD, the build folder (default build); CQ_CC, the
# compiler and the flags the library was built with, for a program linking it (default cc).
# shellcheck source=tests/cli/lib.sh
. "$(dirname "$0")/lib.sh"

BUILD=$ROOT/${CQ_BUILD:-build}
CC_LINE=${CQ_CC:-cc}
HEADER=$ROOT/engine/include/careerquiz.h
MAP=$ROOT/engine/careerquiz.map

# A program that knows nothing of the data files: the version, then the model built into the
# library scoring an answers file (argv[1]), its top role and score.
write_program() {
    cat >use.c <<'C'
#include <careerquiz.h>
#include <stdio.h>

int main(int argc, char **argv)
{
    cq_context *ctx = NULL;
    cq_model *model = NULL;
    cq_answers *answers = NULL;
    cq_result *result = NULL;
    cq_error err;
    char *text = NULL;
    size_t size = 0;
    int status = 1;
    FILE *fp = argc > 1 ? fopen(argv[1], "rb") : NULL;

    printf("%s %s %d\n", cq_version(), CQ_VERSION, CQ_VERSION_NUMBER);
    if (!fp || cq_context_new(NULL, &ctx) != CQ_OK)
        return 1;
    if (cq_model_load_default(ctx, &model, &err) == CQ_OK &&
        cq_read_stream(ctx, fp, argv[1], CQ_MAX_ANSWERS_BYTES, &text, &size, &err) == CQ_OK &&
        cq_answers_parse(model, argv[1], text, size, &answers, &err) == CQ_OK &&
        cq_score(model, answers, &result, &err) == CQ_OK) {
        size_t top = cq_result_role_at(result, 0);
        printf("%s %.1f\n", cq_role_id(model, top), cq_round1(cq_result_score(result, top)));
        status = 0;
    } else {
        char message[1024];
        fprintf(stderr, "%s\n", cq_error_format(&err, message, sizeof message));
    }
    fclose(fp);
    cq_result_free(result);
    cq_answers_free(answers);
    cq_free(ctx, text);
    cq_model_free(model);
    cq_context_free(ctx);
    return status;
}
C
}

# expect_program_output: the program's output, against careerquiz's own for the same answers.
expect_program_output() {
    local want_top want_version
    want_version=$(cq --version | head -n 1 | cut -d' ' -f2)
    want_top=$(cq score --json "$ROOT/docs/examples/answers.json" |
        jq -r '.recommendation | "\(.id) \(.score)"')
    [ "$(sed -n 1p "$OUT" | cut -d' ' -f1-2)" = "$want_version $want_version" ] ||
        fail "version line: $(sed -n 1p "$OUT"), careerquiz --version: $want_version"
    # jq prints 74.0 as 74, the program as 74.0.
    [ "$(sed -n 2p "$OUT" | sed 's/\.0$//')" = "$want_top" ] ||
        fail "program: $(sed -n 2p "$OUT"), careerquiz score: $want_top"
}

test_a_program_linking_only_the_static_library_cjson_and_libm_loads_and_scores() {
    write_program
    # shellcheck disable=SC2086 # CC_LINE is a compiler with its flags
    run $CC_LINE -std=c11 -I"$ROOT/engine/include" -o use use.c "$BUILD/libcareerquiz.a" \
        -lcjson -lm
    expect_status 0
    show "$ERR"
    run ./use "$ROOT/docs/examples/answers.json"
    expect_status 0
    expect_program_output
}

test_a_program_linking_the_shared_library_loads_and_scores() {
    write_program
    # shellcheck disable=SC2086 # CC_LINE is a compiler with its flags
    run $CC_LINE -std=c11 -I"$ROOT/engine/include" -o use use.c -L"$BUILD" -lcareerquiz
    expect_status 0
    show "$ERR"
    # The build has no libcareerquiz.so.0, the soname the program asks for.
    mkdir lib && ln -s "$BUILD/libcareerquiz.so" lib/libcareerquiz.so.0
    run env LD_LIBRARY_PATH="$PWD/lib" ./use "$ROOT/docs/examples/answers.json"
    expect_status 0
    expect_program_output
    # The program asks for the functions by their version.
    objdump -T use | grep -q 'CAREERQUIZ_0.1.*cq_model_load_default' ||
        fail "use does not name CAREERQUIZ_0.1 for cq_model_load_default"
}

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
