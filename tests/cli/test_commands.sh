#!/usr/bin/env bash
# test_commands.sh: end-to-end tests of help, --version, questions, roles and role.
# shellcheck source=tests/cli/lib.sh
. "$(dirname "$0")/lib.sh"

SEVEN_ROLES='["data-science-engineer","data-scientist","lead-ml-engineer","ml-engineer","ml-scientist","ml-software-engineer","research-scientist"]'

test_version_prints_program_and_bank_versions() {
    local bank
    bank=$(jq -r .version "$ROOT/questions/bank.json")
    run cq --version
    expect_status 0
    expect_stderr_empty
    [ "$(head -n 1 "$OUT")" = "careerquiz 0.1.0" ] || fail "first line is not 'careerquiz 0.1.0'"
    expect_stdout_contains "question bank $bank"
}

test_short_version_flag_works_after_the_command() {
    run cq roles -V
    expect_status 0
    [ "$(head -n 1 "$OUT")" = "careerquiz 0.1.0" ] || fail "first line is not 'careerquiz 0.1.0'"
}

# The web server and PostgreSQL are modules beside the program: a command that does not use them
# starts without their libraries, and without the modules it says what is missing.
test_only_serve_and_postgresql_open_their_libraries() {
    local dir
    dir=$(dirname "$CAREERQUIZ")
    if [ ! -e "$dir/careerquiz-serve.so" ] || [ ! -e "$dir/careerquiz-pg.so" ] ||
        [ -e /usr/local/lib/careerquiz/careerquiz-serve.so ]; then
        skip "this build has no modules, or some are installed in /usr/local/lib/careerquiz"
        return
    fi
    ! ldd "$CAREERQUIZ" | grep -E 'libmicrohttpd|libpq|libgnutls|libssl' ||
        fail "careerquiz links a module's library at its start"
    mkdir alone
    cp "$CAREERQUIZ" alone/careerquiz
    CAREERQUIZ=$PWD/alone/careerquiz run cq --version
    expect_status 0
    expect_stdout_contains "the web server (serve) cannot be loaded: careerquiz-serve.so is in none of $PWD/alone, $PWD/alone/../lib/careerquiz, "
    CAREERQUIZ=$PWD/alone/careerquiz run cq serve --port 0
    expect_status 70
    expect_stderr_contains "cannot start the web server: careerquiz-serve.so is in none of $PWD/alone"
    CAREERQUIZ=$PWD/alone/careerquiz run cq stats --db postgresql://someone@127.0.0.1/results
    expect_status 70
    expect_stderr_contains "cannot open a PostgreSQL database: careerquiz-pg.so is in none of $PWD/alone"
    # A module found but broken says why the loader refused it.
    echo "not a shared object" >alone/careerquiz-serve.so
    CAREERQUIZ=$PWD/alone/careerquiz run cq serve --port 0
    expect_status 70
    expect_stderr_contains "alone/careerquiz-serve.so"
}

test_help_lists_every_command_and_option_on_stdout() {
    local word
    run cq --help
    expect_status 0
    expect_stderr_empty
    expect_stdout_contains "usage: careerquiz"
    for word in questions roles "role ID" "score FILE|-" help --format --json --data \
        --no-color --version "Exit status"; do
        expect_stdout_contains "$word"
    done
}

test_help_score_shows_the_score_usage() {
    run cq help score
    expect_status 0
    expect_stderr_empty
    expect_stdout_contains "usage: careerquiz score FILE|-"
    expect_stdout_contains '"answers"'
}

test_score_dash_dash_help_matches_help_score() {
    run cq help score
    cp "$OUT" help.txt
    run cq score --help
    expect_status 0
    expect_same_file help.txt "$OUT"
}

test_help_for_an_unknown_command_is_a_usage_error() {
    run cq help frobnicate
    expect_status 64
    expect_error_line
    expect_stderr_contains 'unknown command "frobnicate"'
}

test_no_command_prints_usage_to_stderr_and_exits_64() {
    run cq
    expect_status 64
    expect_stdout_empty
    expect_stderr_contains "usage: careerquiz"
}

test_questions_text_shows_every_question_with_type_and_options() {
    local id
    run cq questions
    expect_status 0
    expect_stderr_empty
    for id in $(jq -r '.questions[].id' "$ROOT/questions/bank.json"); do
        expect_stdout_contains " $id ["
    done
    expect_stdout_contains "[single]"
    expect_stdout_contains "[multi]"
    expect_stdout_contains ", optional]"
    expect_stdout_contains "a whole number from 1 to 5"
    expect_stdout_contains "1) secondary: "
    expect_stdout_contains "(only on its own)"
}

test_questions_json_has_at_least_sixteen_questions_of_all_three_types() {
    run cq questions --json
    expect_status 0
    expect_stderr_empty
    expect_jq '(.questions | length) >= 16'
    expect_jq '[.questions[].type] | unique == ["multi", "scale", "single"]'
    expect_jq 'all(.questions[]; (.id | length) > 0 and (.text | length) > 0)'
}

test_questions_json_says_which_single_choice_questions_are_ordered() {
    run cq questions --json
    expect_status 0
    expect_jq 'all(.questions[] | select(.type == "single"); .ordered | type == "boolean")'
    expect_jq '[.questions[] | select(.ordered) | .id] == ["education", "cloud", "publishing", "leadership"]'
    expect_jq 'all(.questions[] | select(.type != "single"); has("ordered") | not)'
}

test_json_flag_and_format_json_give_the_same_output() {
    run cq questions --json
    cp "$OUT" a.json
    run cq --format json questions
    expect_status 0
    expect_same_file a.json "$OUT"
    run cq --format=text questions --format json
    expect_same_file a.json "$OUT"
}

test_roles_text_lists_every_role_with_its_title() {
    local id title
    run cq roles
    expect_status 0
    expect_stderr_empty
    for id in $(role_ids); do
        title=$(jq -r .title "$ROOT/profiles/$id.json")
        expect_stdout_contains "$id  $title"
    done
}

test_roles_json_lists_exactly_the_seven_roles() {
    run cq roles --json
    expect_status 0
    expect_stderr_empty
    expect_jq "[.roles[].id] | sort == $SEVEN_ROLES"
    expect_jq 'all(.roles[]; (.title | length) > 0 and (.summary | length) > 0)'
}

test_global_options_work_before_and_after_the_command() {
    run cq roles --json
    cp "$OUT" after.json
    run cq --json roles
    expect_status 0
    expect_same_file after.json "$OUT"
}

test_role_json_has_every_list_filled_for_each_role() {
    local id
    for id in $(role_ids); do
        run cq role "$id" --json
        expect_status 0
        expect_jq '.id == $id' --arg id "$id"
        for list in tips skills education tools responsibilities industries sources; do
            expect_jq "(.$list | length) > 0"
        done
    done
}

test_role_text_shows_the_whole_profile() {
    local id title
    for id in $(role_ids); do
        title=$(jq -r .title "$ROOT/profiles/$id.json")
        run cq role "$id"
        expect_status 0
        expect_stderr_empty
        expect_stdout_contains "$title ($id)"
        for heading in Responsibilities Skills Education Tools Industries Outlook \
            "Getting started" Sources "Typically at least: "; do
            expect_stdout_contains "$heading"
        done
        grep -qE '\((Every tip here is )?from: ' "$OUT" || fail "role $id: no tip says where it is from"
    done
}

test_role_text_shows_outlook_figures_with_source_and_period() {
    run cq role ml-engineer
    expect_status 0
    tr -s ' \n' ' ' <"$OUT" >flat.txt
    grep -qF "22% — projected growth in jobs for software developers (U.S. Bureau of Labor Statistics, 2019–2029); a group the article says includes ML engineers" flat.txt ||
        fail "the 22% figure lacks its measure, source, period or note"
    expect_stdout_contains "(Glassdoor)"
}

test_role_text_says_which_tips_are_shared_with_which_role() {
    run cq role lead-ml-engineer
    expect_status 0
    tr -s ' \n' ' ' <"$OUT" >flat.txt
    grep -qF "(from: Data Science Engineer vs. Lead Machine Learning Engineer. Also a tip for: Data Science Engineer)" flat.txt ||
        fail "the lead's tip to stay current does not say it is shared with the data science engineer"
    grep -qF "(from: Lead Machine Learning Engineer vs. Machine Learning Scientist)" flat.txt ||
        fail "a tip of the lead's own lacks its article"
    # A tip from two articles cites both, and names the roles each shares it with.
    run cq role ml-engineer
    tr -s ' \n' ' ' <"$OUT" >flat.txt
    grep -qF "(from: Machine Learning Engineer vs. Research Scientist; Machine Learning Engineer vs. Data Scientist. Also a tip for: Research Scientist, Data Scientist)" flat.txt ||
        fail "ml-engineer's programming tip does not name both articles and both roles"
    # When every tip has the same origin it is said once, not under each of the eight tips.
    run cq role research-scientist
    tr -s ' \n' ' ' <"$OUT" >flat.txt
    grep -qF "(Every tip here is from: Machine Learning Engineer vs. Research Scientist. Each is also a tip for: Machine Learning Engineer)" flat.txt ||
        fail "the research scientist's page does not say once where its tips come from"
    [ "$(grep -c '(from: ' "$OUT")" = 0 ] || fail "the research scientist's tips repeat their origin"
}

test_role_json_items_carry_the_names_they_are_about() {
    local id
    for id in $(role_ids); do
        run cq role "$id" --json
        expect_jq 'all(.responsibilities, .skills, .education, .tools, .industries;
                       all(.[]; (.text | type) == "string" and (.about | length) > 0
                                and all(.about[]; type == "string")))'
        expect_jq 'all(.tips[]; (.advice | type) == "string" and (.source | type) == "array"
                                and (.source | length) > 0)'
        expect_jq 'all(.outlook.figures[]; (.measure | type) == "string")'
    done
}

test_unknown_role_is_a_usage_error_listing_the_valid_ids() {
    local id
    run cq role data-wrangler
    expect_status 64
    expect_stdout_empty
    expect_error_line
    expect_stderr_contains 'unknown role "data-wrangler"'
    for id in $(role_ids); do
        expect_stderr_contains " $id"
    done
}

test_text_output_has_no_colour_when_piped() {
    run cq roles
    if grep -q $'\033' "$OUT"; then
        fail "escape sequences in piped output"
    fi
}

test_text_output_is_coloured_on_a_terminal_unless_disabled() {
    command -v script >/dev/null || return 0
    # script(1) gives careerquiz a pseudo-terminal for stdout.
    TERM=xterm script -qec "$CQ_WRAPPER $CAREERQUIZ roles" /dev/null >tty.txt 2>&1
    grep -q $'\033\\[' tty.txt || fail "no escape sequences on a terminal"
    TERM=xterm NO_COLOR=1 script -qec "$CQ_WRAPPER $CAREERQUIZ roles" /dev/null >tty.txt 2>&1
    if grep -q $'\033\\[' tty.txt; then fail "NO_COLOR=1 did not turn colour off"; fi
    TERM=dumb script -qec "$CQ_WRAPPER $CAREERQUIZ roles" /dev/null >tty.txt 2>&1
    if grep -q $'\033\\[' tty.txt; then fail "TERM=dumb did not turn colour off"; fi
    TERM=xterm script -qec "$CQ_WRAPPER $CAREERQUIZ --no-color roles" /dev/null >tty.txt 2>&1
    if grep -q $'\033\\[' tty.txt; then fail "--no-color did not turn colour off"; fi
}

# A style ends before the newline of each line it is on: a dim paragraph of several lines, a
# heading, a bold option. Round 3 found "closes a gap in" lines reset only after the newline.
test_colour_never_runs_past_the_end_of_a_line() {
    command -v script >/dev/null || return 0
    local what
    for what in roles questions "role research-scientist" \
        "score $ROOT/tests/people/phd-ships-products.json" \
        "score --explain ml-engineer $ROOT/docs/examples/answers.json" \
        "compare ml-engineer data-scientist"; do
        TERM=xterm PAGER=cat script -qec "$CQ_WRAPPER $CAREERQUIZ $what" /dev/null >tty.txt 2>&1
        grep -q $'\033\\[' tty.txt || fail "$what: no escape sequences on a terminal"
        expect_styles_closed tty.txt
    done
}

test_write_error_on_stdout_exits_74() {
    [ -w /dev/full ] || return 0
    STATUS=0
    cq roles >/dev/full 2>"$ERR" || STATUS=$?
    expect_status 74
    expect_error_line
    expect_stderr_contains "cannot write output"
}

test_an_option_a_command_does_not_take_is_a_usage_error_naming_both() {
    local example="$ROOT/docs/examples/answers.json"
    # Each pair: the command line, and the option and command the message must name.
    while IFS='|' read -r line option command; do
        # shellcheck disable=SC2086 # the line is a command and its words
        run cq $line
        expect_status 64
        expect_stderr_contains "$command does not take --$option"
        expect_stderr_contains "careerquiz help $command"
        [ -s "$OUT" ] && fail "$line wrote to stdout"
    done <<EOF2
roles --save x|save|roles
score --idle 5 $example|idle|score
roles --explain ml-engineer|explain|roles
questions --exit-word x|exit-word|questions
compare ml-engineer data-scientist --resume F|resume|compare
kiosk --json --exit-word x|json|kiosk
batch --since 2026-01-01 -|since|batch
EOF2
}

test_every_command_takes_what_its_help_lists() {
    # The options each command's help names are ones it takes: none is refused.
    run cq score --explain ml-engineer --education-filter --plain --output out.txt \
        "$ROOT/docs/examples/answers.json"
    expect_status 0
    cq batch --db r.db - <"$ROOT/tests/results/workshop.jsonl" >/dev/null
    run cq stats --db r.db --event x --since 2026-01-01 --json
    expect_status 0
    run cq questions --json --output q.json --no-color
    expect_status 0
}

# take_answers: the quiz's answers, one a line: a bachelor's degree, then the first option.
take_answers() {
    echo 3
    for _ in $(seq 40); do echo 1; done
}

test_take_honours_format_explain_and_education_filter_as_score_does() {
    take_answers >typed.txt
    run cq take --json --education-filter --save answers.json <typed.txt
    expect_status 0
    jq -e '.education_filtered | length > 0' "$OUT" >/dev/null ||
        fail "the education filter set no role apart for a bachelor's degree"
    cp "$OUT" take.json
    run cq score --json --education-filter answers.json
    [ "$(jq -c 'del(.bank_version)' take.json)" = "$(jq -c 'del(.bank_version)' "$OUT")" ] ||
        fail "take --json --education-filter differs from score on the same answers"
    run cq take --format html --output report.html --explain ml-engineer <typed.txt
    expect_status 0
    grep -q '<!DOCTYPE html>' report.html || fail "take --format html --output wrote no report"
    run cq take --explain no-such-role <typed.txt
    expect_status 64
    expect_stderr_contains 'unknown role "no-such-role"'
}

run_tests
