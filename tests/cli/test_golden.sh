#!/usr/bin/env bash
# test_golden.sh: each persona's full ranking matches tests/golden/<persona>.ranking.
#
# tests/golden/update.sh regenerates the golden files; see its header for when to run it.
# shellcheck source=tests/cli/lib.sh
. "$(dirname "$0")/lib.sh"

test_every_persona_has_a_golden_ranking() {
    local persona name
    for persona in "$ROOT"/tests/personas/*.json; do
        name=$(basename "$persona" .json)
        [ -f "$ROOT/tests/golden/$name.ranking" ] ||
            fail "no tests/golden/$name.ranking (run tests/golden/update.sh and review it)"
    done
}

test_every_persona_ranking_matches_its_golden_file() {
    local persona name golden
    for persona in "$ROOT"/tests/personas/*.json; do
        name=$(basename "$persona" .json)
        golden=$ROOT/tests/golden/$name.ranking
        [ -f "$golden" ] || continue
        run cq score --json "$persona"
        expect_status 0
        jq -r -f "$ROOT/tests/golden/ranking.jq" "$OUT" >"$name.ranking"
        cmp -s "$golden" "$name.ranking" || {
            fail "ranking of persona $name differs from tests/golden/$name.ranking:"
            diff "$golden" "$name.ranking" | sed 's/^/#   /'
        }
    done
}

test_every_golden_ranking_lists_all_seven_roles() {
    local golden
    for golden in "$ROOT"/tests/golden/*.ranking; do
        [ -f "$golden" ] || continue
        [ "$(grep -cE '^[a-z0-9-]+ [0-9]+(\.[0-9])?$' "$golden")" -eq 7 ] ||
            fail "$(basename "$golden") does not hold 7 lines of 'id score'"
    done
}

test_every_persona_is_recommended_its_own_role() {
    local persona name
    for persona in "$ROOT"/tests/personas/*.json; do
        name=$(jq -r '.persona // empty' "$persona")
        [ -n "$name" ] || continue
        run cq score --json "$persona"
        expect_jq '.ranking[0].id == $id' --arg id "$name"
    done
}

run_tests
