#!/usr/bin/env bash
# test_reports.sh: the report goldens, Markdown and HTML reports, and --output FILE.
#
# tests/golden/update-reports.sh regenerates the goldens; see its header for when to run it.
# shellcheck source=tests/cli/lib.sh
. "$(dirname "$0")/lib.sh"

EXAMPLE=$ROOT/docs/examples/answers.json
MANIFEST=$ROOT/tests/golden/reports/manifest

test_every_report_matches_its_golden_file() {
    local name args n=0
    while read -r name args; do
        case "$name" in '' | '#'*) continue ;; esac
        n=$((n + 1))
        # shellcheck disable=SC2086 # the arguments are split on spaces on purpose
        (cd "$ROOT" && cq $args) >"$name" 2>err.txt || fail "careerquiz $args failed"
        cmp -s "$ROOT/tests/golden/reports/$name" "$name" || {
            fail "careerquiz $args differs from tests/golden/reports/$name:"
            diff "$ROOT/tests/golden/reports/$name" "$name" | sed -n '1,20s/^/#   /p'
        }
    done <"$MANIFEST"
    [ "$n" -ge 10 ] || fail "the manifest lists only $n goldens"
}

test_every_golden_file_is_in_the_manifest() {
    local golden
    for golden in "$ROOT"/tests/golden/reports/*; do
        [ "$(basename "$golden")" = manifest ] && continue
        grep -q "^$(basename "$golden") " "$MANIFEST" ||
            fail "$(basename "$golden") is not in the manifest (update-reports.sh removes it)"
    done
}

# expect_self_contained_html: stdout is one HTML page that loads nothing from anywhere.
expect_self_contained_html() {
    expect_stdout_contains "<!DOCTYPE html>"
    expect_stdout_contains "<html"
    expect_stdout_contains "</html>"
    expect_stdout_contains "<style>"
    expect_stdout_contains "@media print"
    local pattern
    for pattern in 'http://' 'https://' 'src=' '<script' '@import' 'url(' '<link' '<img' \
        '<iframe' '@font-face'; do
        expect_stdout_lacks "$pattern"
    done
}

test_html_report_is_one_self_contained_printable_page_with_an_svg_chart() {
    local id
    run cq score --format html "$EXAMPLE"
    expect_status 0
    expect_stderr_empty
    expect_self_contained_html
    expect_stdout_contains "<svg class=\"chart\""
    # One bar per ranked role, and every section the text output has.
    [ "$(grep -c '<rect ' "$OUT")" -eq 7 ] || fail "the chart has not 7 bars"
    for id in $(role_ids); do
        expect_stdout_contains "$(jq -r .title "$ROOT/profiles/$id.json")"
    done
    expect_stdout_contains "<h2>Recommended path: Machine Learning Engineer</h2>"
    expect_stdout_contains "<h3>Why Machine Learning Engineer</h3>"
    expect_stdout_contains "<h2>What would change it</h2>"
    expect_stdout_contains "side by side</h2>"
    expect_stdout_contains "<h2>Sources</h2>"
    expect_stdout_contains "Close call:"
}

test_markdown_report_has_tables_for_the_ranking_and_the_comparison() {
    run cq score --format markdown "$EXAMPLE"
    expect_status 0
    expect_stdout_contains "| Rank | Role | Score | Id |"
    expect_stdout_contains "| ---: | --- | ---: | --- |"
    expect_stdout_contains "| Dimension | Machine Learning Engineer | Machine Learning Software Engineer | In common |"
    [ "$(grep -c '^| Responsibilities | ' "$OUT")" -eq 1 ] || fail "no comparison row"
    expect_stdout_contains "## What would change it"
}

test_compare_writes_markdown_and_html_reports() {
    run cq compare --format markdown ml-engineer data-scientist
    expect_status 0
    expect_stdout_contains "| Dimension | Machine Learning Engineer | Data Scientist | In common |"
    run cq compare --format html ml-engineer data-scientist
    expect_status 0
    expect_self_contained_html
    expect_stdout_contains "<table class=\"comparison\">"
}

# A data folder whose profiles hold markup characters, to check the escaping.
hostile_data() {
    data_copy data
    jq '.title = "Eng <script>alert(1)</script> & | co" |
        .tools[0].text = "Pipes | and <b>tags</b> & *stars* _under_ `ticks`"' \
        data/profiles/ml-engineer.json >t.json && mv t.json data/profiles/ml-engineer.json
}

test_html_report_escapes_every_text() {
    hostile_data
    run cq --data data score --format html "$EXAMPLE"
    expect_status 0
    expect_stdout_lacks "<script>"
    expect_stdout_lacks "<b>tags"
    expect_stdout_contains "Eng &lt;script&gt;alert(1)&lt;/script&gt; &amp; | co"
    expect_stdout_contains "Pipes | and &lt;b&gt;tags&lt;/b&gt; &amp;"
}

test_markdown_report_escapes_pipes_and_markup() {
    hostile_data
    run cq --data data score --format markdown "$EXAMPLE"
    expect_status 0
    expect_stdout_lacks "<script>"
    expect_stdout_contains 'Eng \<script\>alert(1)\</script\> \& \| co'
    expect_stdout_contains 'Pipes \| and \<b\>tags\</b\> \& \*stars\* \_under\_ \`ticks\`'
    # Every row of the comparison table still has exactly 5 unescaped pipes.
    local bad
    bad=$(grep '^| Tools | ' "$OUT" | sed 's/\\|//g' | tr -cd '|\n' | awk 'length != 5' | wc -l)
    [ "$bad" -eq 0 ] || fail "a table row has a stray pipe"
}

test_reports_are_only_for_score_and_compare() {
    run cq roles --format html
    expect_status 64
    expect_stdout_empty
    expect_stderr_contains "roles has no html report"
    run cq role ml-engineer --format markdown
    expect_status 64
}

test_output_writes_the_report_to_a_file_and_nothing_to_stdout() {
    run cq score --format html --output report.html "$EXAMPLE"
    expect_status 0
    expect_stdout_empty
    expect_stderr_empty
    [ -f report.html ] || fail "report.html was not written"
    cq score --format html "$EXAMPLE" >expected.html
    expect_same_file expected.html report.html
    compgen -G '*.tmp.*' >/dev/null && fail "a temporary file was left behind"
    run cq compare --output cmp.txt ml-engineer data-scientist
    expect_status 0
    grep -q "In common" cmp.txt || fail "compare --output wrote no comparison"
}

test_output_replaces_an_existing_file_whole() {
    printf 'old contents that are longer than nothing\n' >out.json
    run cq score --json --output out.json "$EXAMPLE"
    expect_status 0
    jq -e .ranking out.json >/dev/null || fail "out.json is not the new result"
}

test_output_to_a_folder_that_does_not_exist_fails_with_exit_73() {
    run cq score --format html --output missing/dir/report.html "$EXAMPLE"
    expect_status 73
    expect_stdout_empty
    expect_stderr_contains "cannot create output"
    expect_stderr_contains "missing/dir/report.html"
    expect_error_line
    [ ! -e missing ] || fail "something was created"
}

test_a_failed_command_leaves_the_output_file_alone() {
    printf 'keep me\n' >keep.txt
    run cq score --output keep.txt no-such-answers.json
    expect_status 66
    [ "$(cat keep.txt)" = "keep me" ] || fail "keep.txt was changed by a failed run"
    run cq score --explain nobody --output new.txt "$EXAMPLE"
    expect_status 64
    [ ! -e new.txt ] || fail "a failed run created its output file"
}

run_tests
