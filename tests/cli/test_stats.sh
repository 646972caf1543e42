#!/usr/bin/env bash
# test_stats.sh: end-to-end tests of stats: counts, shares, merging databases, the four formats.
# shellcheck source=tests/cli/lib.sh
. "$(dirname "$0")/lib.sh"
# shellcheck source=tests/cli/results_lib.sh
. "$(dirname "$0")/results_lib.sh"

# The workshop fixture, counted by hand from its four answer lines (line 3 is blank):
# 2 x tests/personas/data-scientist.json, 1 x research-scientist.json with "field": null
# (skipped), and the example answers, whose top role is ml-engineer by 0.2 points (the only
# close call).
#   field: math-statistics 2, computer-science 1, answered by 3 (the skip does not count)
#   education: bachelors 3 (both data scientists, the example), phd 1 (the research scientist)
#   languages: python 4, r 2, java 2, cpp 1, sql 1, matlab 0, none 0
#   research-vs-production: 2 three times (data scientists, example), 5 once
workshop_db() {
    cq batch "$WORKSHOP" --db "$1" ${2:+--event "$2"} >/dev/null || fail "batch of the workshop failed"
}

test_stats_json_matches_the_hand_counted_workshop() {
    workshop_db results.db
    run cq stats --db results.db --json
    expect_status 0
    expect_stderr_empty
    expect_jq '.total == 4 and .close_calls == 1 and .close_call_share == 0.25'
    expect_jq '[.roles[] | select(.count > 0) | [.id, .count, .share]] ==
        [["data-scientist", 2, 0.5], ["ml-engineer", 1, 0.25], ["research-scientist", 1, 0.25]]'
    expect_jq '(.roles | length) == 7 and ([.roles[].count] | add) == 4'
    expect_jq '.roles[0].title == "Data Scientist"'
    expect_jq '.questions[0].id == "education" and .questions[0].answered == 4'
    expect_jq '[.questions[] | select(.id == "education") | .answers[] | [.id, .count]] ==
        [["secondary", 0], ["bootcamp", 0], ["bachelors", 3], ["masters", 0], ["phd", 1]]'
    expect_jq '.questions[] | select(.id == "field") | .answered == 3 and
        ([.answers[] | select(.count > 0) | [.id, .count]] ==
        [["computer-science", 1], ["math-statistics", 2]])'
    expect_jq '[.questions[] | select(.id == "languages") | .answers[] | [.id, .count]] ==
        [["python", 4], ["r", 2], ["java", 2], ["cpp", 1], ["sql", 1], ["matlab", 0], ["sas", 0], ["go", 0], ["none", 0]]'
    expect_jq '[.questions[] | select(.id == "research-vs-production") | .answers[] |
        [.value, .count]] == [[1, 0], [2, 3], [3, 0], [4, 0], [5, 1]]'
    expect_jq '.questions[] | select(.id == "research-vs-production") | .answers[0].text ==
        "Build things people use"'
}

test_stats_json_counts_the_batch_run_and_matches_its_roles() {
    persona_lines 150 37 90 >in.jsonl
    cq batch in.jsonl --db results.db >batch.jsonl 2>/dev/null
    run cq stats --db results.db --json
    expect_status 0
    expect_jq '.total == 148'
    [ "$(jq -c '[.roles[] | select(.count > 0) | [.id, .count]] | sort' "$OUT")" = \
        "$(jq -s -c 'map(.recommendation.id) | group_by(.) | map([.[0], length]) | sort' \
            batch.jsonl)" ] || fail "role counts differ from the batch output"
    [ "$(jq '.close_calls' "$OUT")" = "$(jq -s 'map(select(.close_call)) | length' batch.jsonl)" ] ||
        fail "close calls differ from the batch output"
    expect_db_ok results.db
}

test_stats_merges_two_databases_one_per_kiosk() {
    workshop_db kiosk1.db
    persona_lines 14 >in.jsonl
    cq batch in.jsonl --db kiosk2.db >/dev/null
    run cq stats --db kiosk1.db --db kiosk2.db --json
    expect_status 0
    expect_jq '.total == 18'
    # 14 persona lines: each of the 7 personas twice, so every role gets 2, plus the workshop's.
    expect_jq '[.roles[] | [.id, .count]] | from_entries? // (map({key: .[0], value: .[1]}) |
        from_entries) | .["data-scientist"] == 4 and .["ml-engineer"] == 3 and
        .["research-scientist"] == 3 and .["lead-ml-engineer"] == 2'
    expect_jq '.questions[] | select(.id == "education") | .answered == 18'
}

test_stats_refuses_the_same_database_twice() {
    workshop_db results.db
    ln -s results.db same.db
    run cq stats --db results.db --db same.db
    expect_status 64
    expect_stderr_contains "the same results database is given twice"
}

test_stats_selects_results_by_event_and_since() {
    workshop_db results.db berlin
    persona_lines 7 >in.jsonl
    cq batch in.jsonl --db results.db --event paris >/dev/null
    sql results.db "UPDATE results SET taken_at = '2025-01-02T10:00:00Z' WHERE event = 'berlin'"
    run cq stats --db results.db --event berlin --json
    expect_jq '.total == 4'
    run cq stats --db results.db --event paris --json
    expect_jq '.total == 7 and .close_calls == 0'
    run cq stats --db results.db --since 2025-06-01 --json
    expect_jq '.total == 7'
    run cq stats --db results.db --since 2025-01-02T10:00:00Z --json
    expect_jq '.total == 11'
    run cq stats --db results.db --since 2025-01-02T10:00:01Z --event berlin --json
    expect_jq '.total == 0 and all(.roles[]; .share == 0)'
}

test_stats_text_draws_a_bar_chart_of_roles_and_answers() {
    workshop_db results.db
    run cq stats --db results.db
    expect_status 0
    expect_stdout_contains "Results: 4 (close calls: 1, 25.0%)"
    grep -qE '^  Data Scientist +#{12} +2  50\.0%  data-scientist$' "$OUT" ||
        fail "no 12-cell bar for Data Scientist at 50%"
    grep -qE '^  Python +#{24} +4 100\.0%  python$' "$OUT" || fail "no full bar for Python"
    grep -qE '^  2 +#{18} +3  75\.0%$' "$OUT" || fail "no bar for scale value 2"
    LC_ALL=C.UTF-8 run cq stats --db results.db
    expect_stdout_contains "████████████"
}

test_stats_html_is_one_self_contained_page_with_svg_charts() {
    workshop_db results.db
    run cq stats --db results.db --format html
    expect_status 0
    expect_stdout_contains "<!DOCTYPE html>"
    expect_stdout_contains "<svg"
    [ "$(grep -c '<svg' "$OUT")" -eq 20 ] || fail "expected a chart for the roles and each question"
    expect_stdout_contains "Data Scientist"
    for bad in "<script" "<img" "<link" "@import" "url(" "src=" "href=" "https:"; do
        expect_stdout_lacks "$bad"
    done
    [ "$(grep -o 'http://[^"]*' "$OUT" | sort -u)" = "http://www.w3.org/2000/svg" ] ||
        fail "the page names an address other than the SVG namespace"
}

test_stats_html_escapes_texts_from_the_bank() {
    data_copy data
    jq '.questions[0].options[2].text = "Bachelor <b>&</b> \"more\""' data/questions/bank.json >b
    mv b data/questions/bank.json
    cq --data data batch "$WORKSHOP" --db results.db >/dev/null
    run cq --data data stats --db results.db --format html
    expect_status 0
    expect_stdout_contains "Bachelor &lt;b&gt;&amp;&lt;/b&gt; &quot;more&quot;"
    expect_stdout_lacks "<b>&</b>"
}

test_stats_csv_is_one_quoted_table_with_the_json_counts() {
    workshop_db results.db
    run cq stats --db results.db --format csv
    expect_status 0
    [ "$(head -n 1 "$OUT")" = $'kind,id,answer,text,count,share\r' ] || fail "bad header row"
    expect_stdout_contains $'total,,,results,4,1\r'
    expect_stdout_contains $'role,data-scientist,,Data Scientist,2,0.5\r'
    expect_stdout_contains $'answer,education,bachelors,Bachelor\'s degree,3,0.75\r'
    expect_stdout_contains $'answer,cloud,architect,'
    # A text holding a comma is quoted.
    expect_stdout_contains 'answer,education,bootcamp,"Bootcamp, certificate or associate degree",0,0'
    sqlite3 -batch :memory: ".import --csv $OUT t" \
        "SELECT count FROM t WHERE kind = 'answer' AND id = 'languages' AND answer = 'python'" \
        >python.txt || fail "sqlite3 cannot read the CSV"
    [ "$(cat python.txt)" = 4 ] || fail "python count read back from the CSV: $(cat python.txt)"
}

test_stats_of_an_empty_database_is_all_zero() {
    : >empty.jsonl
    cq batch empty.jsonl --db results.db
    run cq stats --db results.db --json
    expect_status 0
    expect_jq '.total == 0 and .close_calls == 0 and (.roles | length) == 7'
    run cq stats --db results.db --format html
    expect_status 0
    run cq stats --db results.db
    expect_stdout_contains "Results: 0"
}

test_stats_lists_answers_the_bank_no_longer_has() {
    workshop_db results.db
    sql results.db "UPDATE results SET answers = json_set(answers, '$.answers.retired', 'yes',
        '$.answers.education', 'diploma') WHERE id = 1"
    run cq stats --db results.db --json
    expect_status 0
    expect_jq '.questions[-1] | .id == "retired" and .type == "unknown" and .answers[0].count == 1'
    expect_jq '.questions[] | select(.id == "education") | .answers[-1] | .id == "diploma"'
}

run_tests
