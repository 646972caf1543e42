#!/usr/bin/env bash
# test_hostile_bytes.sh: text from outside (answers, file names, arguments, --event, --data
# texts, database values, typed lines) never reaches a terminal, a message, a report or an export
# with its control characters: every output path shows them (\x1b, \u009b) instead.
#
# expect_clean checks the bytes: decoded as UTF-8, nothing below 0x20 but newline and tab,
# no DEL, no C1 control (U+0080..U+009F), no bidirectional override, and no byte that is not
# UTF-8 (a terminal may read a lone 0x9b as CSI).
# shellcheck source=tests/cli/lib.sh
. "$(dirname "$0")/lib.sh"
# shellcheck source=tests/cli/results_lib.sh
. "$(dirname "$0")/results_lib.sh"

# What an attacker sends: OSC 0 (window title), OSC 52 (clipboard), clear screen, DEC line
# drawing, hide the cursor, C1 CSI (U+009B), a right-to-left override.
ESC=$'\033'
HOSTILE="${ESC}]0;pwned"$'\a'"${ESC}]52;c;aGk="$'\a'"${ESC}[2J${ESC}(0${ESC}[?25l"$'\xc2\x9b'"31m"$'\xe2\x80\xae'"x"
# The same as JSON string text (\u escapes), for answers files, data files and SQL.
HOSTILE_JSON='\u001b]0;pwned\u0007\u001b]52;c;aGk=\u0007\u001b[2J\u001b(0\u001b[?25l\u009b31m\u202ex'

# expect_clean [--crlf] FILE...: the files hold no raw control character (see above). With
# --crlf, CR LF line ends (CSV records) are allowed.
expect_clean() {
    local crlf=0 report
    if [ "$1" = --crlf ]; then
        crlf=1
        shift
    fi
    report=$(perl -MEncode -e '
        my $crlf = shift;
        for my $file (@ARGV) {
            open my $fh, "<:raw", $file or next;
            local $/;
            my $data = <$fh> // "";
            $data =~ s/\r\n/\n/g if $crlf;
            my $text = eval { Encode::decode("UTF-8", $data, Encode::FB_CROAK) };
            if (!defined $text) {
                print "$file: not UTF-8\n";
                next;
            }
            while ($text =~ /([\x00-\x08\x0b-\x1f\x7f-\x9f\x{202a}-\x{202e}\x{2066}-\x{2069}])/g) {
                printf "%s: raw U+%04X at character %d: ...%s\n", $file, ord($1), pos($text),
                    substr($text, pos($text) > 20 ? pos($text) - 20 : 0, 20) =~ s/[^ -~]/?/gr;
                last;
            }
        }' "$crlf" "$@")
    if [ -n "$report" ]; then
        fail "raw control characters reached the output:"
        printf '#   %s\n' "$report" | head -n 8
    fi
}

# expect_shown FILE: the hostile text shows up in FILE in its visible form.
expect_shown() {
    grep -qF -- '\x1b]0;pwned' "$1" || {
        fail "$1 does not show the escape as \\x1b"
        show "$1"
    }
}

# hostile_data DIR: a copy of the data whose texts carry the attack: a question's text, an
# option's text, a scale label, a role's title, summary, a tip and a source.
hostile_data() {
    data_copy "$1"
    local bank=$1/questions/bank.json tmp=$1/tmp.json
    jq --arg h "$HOSTILE" '.version = "1" + $h | .questions[0].text = "Education? " + $h |
        .questions[0].options[3].text = "Master " + $h |
        (.questions[] | select(.type == "scale") | .labels[0].text) |= . + $h' "$bank" >"$tmp" &&
        mv "$tmp" "$bank"
    for f in "$1"/profiles/*.json; do
        jq --arg h "$HOSTILE" '.title = .title + $h | .summary = $h + .summary |
            .tips[0].text = .tips[0].text + $h |
            .responsibilities[0] |= (if type == "object" then .text += $h else . + $h end)' \
            "$f" >"$tmp" &&
            mv "$tmp" "$f"
    done
}

test_an_answers_key_and_value_in_error_messages_are_shown_not_sent() {
    printf '{"answers": {"%s": 1}}\n' "$HOSTILE_JSON" >key.json
    run cq score key.json
    expect_status 65
    expect_clean "$ERR"
    expect_shown "$ERR"
    expect_error_line
    printf '{"answers": {"education": "%s"}}\n' "$HOSTILE_JSON" >value.json
    run cq score value.json
    expect_status 65
    expect_clean "$ERR"
    expect_shown "$ERR"
}

test_file_names_arguments_and_options_in_messages_are_shown_not_sent() {
    run cq score "$HOSTILE.json"
    expect_status 66
    expect_clean "$ERR"
    expect_shown "$ERR"
    run cq role "$HOSTILE"
    expect_status 64
    expect_clean "$ERR"
    expect_shown "$ERR"
    run cq compare ml-engineer "$HOSTILE"
    expect_clean "$ERR"
    run cq "$HOSTILE"
    expect_status 64
    expect_clean "$ERR"
    expect_shown "$ERR"
    run cq "--$HOSTILE" roles
    expect_status 64
    expect_clean "$ERR"
    run cq roles --format "$HOSTILE"
    expect_status 64
    expect_clean "$ERR"
    run cq batch --db k.db --event "$HOSTILE" /dev/null
    expect_status 64
    expect_clean "$ERR"
    run cq --data "$HOSTILE" roles
    expect_status 66
    expect_clean "$ERR"
    expect_shown "$ERR"
    run cq score --output "nodir/$HOSTILE" "$ROOT/docs/examples/answers.json"
    expect_clean "$ERR"
    expect_shown "$ERR"
    run cq batch "$HOSTILE"
    expect_status 66
    expect_clean "$ERR"
    # A newline in a name must not forge a second message line.
    run cq score $'a\ncareerquiz: all is well'
    [ "$(wc -l <"$ERR")" -eq 1 ] || fail "a newline in a file name started a second line"
}

test_data_texts_are_shown_in_every_text_view() {
    hostile_data data
    for view in questions roles "role ml-engineer" "compare ml-engineer data-scientist" \
        --version; do
        # shellcheck disable=SC2086 # the view is a command and its arguments
        run cq --data data $view
        expect_status 0
        expect_clean "$OUT" "$ERR"
        expect_shown "$OUT"
    done
    run cq --data data score "$ROOT/docs/examples/answers.json"
    expect_status 0
    expect_clean "$OUT" "$ERR"
    expect_shown "$OUT"
}

test_data_texts_are_shown_in_markdown_and_html_reports() {
    hostile_data data
    for format in markdown html; do
        run cq --data data score --format "$format" "$ROOT/docs/examples/answers.json"
        expect_status 0
        expect_clean "$OUT"
        grep -qF 'x1b' "$OUT" || fail "the $format report does not show the escape"
        run cq --data data compare ml-engineer data-scientist --format "$format"
        expect_status 0
        expect_clean "$OUT"
    done
}

test_data_texts_in_json_have_c1_controls_escaped() {
    hostile_data data
    for view in "questions --json" "roles --json" "role ml-engineer --json" \
        "compare ml-engineer data-scientist --json"; do
        # shellcheck disable=SC2086 # the view is a command and its arguments
        run cq --data data $view
        expect_status 0
        expect_clean "$OUT"
        jq -e . "$OUT" >/dev/null || fail "$view is no longer valid JSON"
    done
    run cq --data data score --json "$ROOT/docs/examples/answers.json"
    expect_clean "$OUT"
    # The escapes are lossless: the JSON still reads back as the text of the file.
    jq -e --arg h "$HOSTILE" '.ranking[0].title | endswith($h)' "$OUT" >/dev/null ||
        fail "the title no longer reads back whole from the JSON"
    printf '{"answers": {"education": "masters"}}\n' >a.jsonl
    run cq --data data batch a.jsonl
    expect_clean "$OUT"
}

test_database_values_are_shown_in_stats_and_export() {
    cq batch "$WORKSHOP" --db results.db >/dev/null
    sql results.db "UPDATE results SET event = '$(printf '%s' "$HOSTILE" | sed "s/'/''/g")'"
    sql results.db "UPDATE results SET recommended = 'x' || char(27) || '[2J' WHERE id = 1"
    sql results.db "UPDATE results SET answers = json_set(answers, '$.answers.q' || char(27) ||
        ']0;pwned' || char(7), 'v' || char(155) || char(27) || '[2J') WHERE id = 2"
    sql results.db "UPDATE results SET answers = json_set(answers, '$.answers.education',
        char(27) || ']0;pwned' || char(7)) WHERE id = 3"
    for format in text json csv html; do
        run cq stats --db results.db --format "$format"
        expect_status 0
        if [ "$format" = csv ]; then expect_clean --crlf "$OUT"; else expect_clean "$OUT"; fi
        expect_clean "$ERR"
    done
    run cq stats --db results.db --event "$HOSTILE"
    expect_clean "$OUT" "$ERR"
    run cq export --db results.db
    expect_status 0
    expect_clean --crlf "$OUT"
    expect_shown "$OUT"
    run cq export --db results.db --format jsonl
    expect_status 0
    expect_clean "$OUT"
    jq -e . "$OUT" >/dev/null || fail "export --format jsonl is no longer valid JSON"
}

test_an_event_with_c1_controls_or_bad_utf8_is_shown_in_stats_and_export() {
    # --event refuses bytes below 0x20 and DEL; a C1 CSI in UTF-8 and a lone 0x9b got through.
    cq batch "$WORKSHOP" --db results.db --event $'fair\xc2\x9b31m' >/dev/null
    cq batch "$WORKSHOP" --db results.db --event $'fair\x9b31m' >/dev/null
    run cq stats --db results.db --event $'fair\xc2\x9b31m'
    expect_status 0
    expect_clean "$OUT" "$ERR"
    grep -qF 'fair\u009b31m' "$OUT" || fail "stats does not show the event's C1 control"
    run cq export --db results.db
    expect_clean --crlf "$OUT"
    grep -qF 'fair\x9b31m' "$OUT" || fail "export does not show the byte that is not UTF-8"
    run cq export --db results.db --format jsonl
    expect_clean "$OUT"
    jq -e . "$OUT" >/dev/null || fail "export --format jsonl is no longer valid JSON"
}

test_export_csv_neutralises_cells_a_spreadsheet_would_run() {
    cq batch "$WORKSHOP" --db results.db --event '=HYPERLINK("http://x","y")' >/dev/null
    sql results.db "UPDATE results SET event = '@SUM(1+1)' WHERE id = 2"
    sql results.db "UPDATE results SET event = '-1+cmd' WHERE id = 3"
    sql results.db "UPDATE results SET event = '-2' WHERE id = 4"
    run cq export --db results.db
    expect_status 0
    expect_stdout_contains ",\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\","
    expect_stdout_contains ",\"'@SUM(1+1)\","
    expect_stdout_contains ",\"'-1+cmd\","
    expect_stdout_contains ',-2,'
    grep -q ',=HYPERLINK' "$OUT" && fail "a formula reached the CSV as it was"
}

test_typed_input_echoed_in_the_quiz_is_shown_not_sent() {
    printf '%s\nq\n' "$HOSTILE" >typed.txt
    run cq take <typed.txt
    expect_status 75
    expect_clean "$OUT" "$ERR"
    expect_shown "$ERR"
    printf '\n%s\n' "$HOSTILE" >typed.txt
    run cq kiosk --db k.db --exit-word bye <typed.txt
    expect_status 0
    expect_clean "$OUT" "$ERR"
}

test_batch_line_errors_are_shown_not_sent() {
    printf '{"answers": {"%s": 1}}\n' "$HOSTILE_JSON" >bad.jsonl
    run cq batch bad.jsonl
    expect_status 65
    expect_clean "$ERR"
    expect_shown "$ERR"
}

test_a_kiosk_report_shows_data_texts_not_sends_them() {
    hostile_data data
    { printf '\n'; yes 1 | head -n 19; printf '\n'; } >typed.txt
    run cq --data data kiosk --db k.db --exit-word bye --report-dir reports <typed.txt
    expect_status 0
    expect_clean "$OUT" "$ERR" reports/*.html
    grep -qF 'x1b]0;pwned' reports/*.html || fail "the report does not show the escape"
}

test_a_saved_answers_path_is_shown_not_sent() {
    printf '1\nq\n' >typed.txt
    run cq take --save "$HOSTILE.json" <typed.txt
    expect_status 75
    expect_clean "$OUT" "$ERR"
    expect_shown "$ERR"
}

run_tests
