#!/usr/bin/env bash
# test_output_files.sh: --output FILE: a FIFO or a device is written, never replaced; a regular
# file is streamed into a temporary file beside it that replaces it whole on success; reports
# get the umask's permissions, results and answers stay private; write errors name their cause.
# shellcheck source=tests/cli/lib.sh
. "$(dirname "$0")/lib.sh"
# shellcheck source=tests/cli/results_lib.sh
. "$(dirname "$0")/results_lib.sh"

EXAMPLE=$ROOT/docs/examples/answers.json

test_output_to_a_fifo_writes_into_it_and_leaves_a_fifo() {
    local reader
    mkfifo pipe
    cat pipe >got.txt &
    reader=$!
    run cq roles --output pipe
    wait "$reader"
    expect_status 0
    [ -p pipe ] || fail "the FIFO was replaced by a $(stat -c %F pipe)"
    cq roles >want.txt
    expect_same_file want.txt got.txt
}

test_output_to_dev_null_leaves_the_device_alone() {
    # As root, the temporary file used to be renamed over /dev/null.
    run cq roles --output /dev/null
    expect_status 0
    [ -c /dev/null ] || fail "/dev/null is no longer a character device"
    expect_stdout_empty
}

test_output_to_a_folder_is_refused() {
    mkdir dir
    run cq roles --output dir
    expect_status 73
    expect_stderr_contains "cannot create output (is a directory): dir"
}

test_output_streams_into_a_temporary_file_beside_the_target() {
    local pid temps
    mkfifo feed
    # shellcheck disable=SC2086 # the wrapper is a command line on purpose
    $CQ_WRAPPER "$CAREERQUIZ" batch - --output out/results.jsonl <feed 2>err.txt &
    pid=$!
    mkdir -p out
    exec 3>feed
    persona_lines 20 >&3
    sleep 1
    # While it runs the results are in out/results.jsonl.tmp.*, not in memory and not in /tmp.
    temps=$(find out -name 'results.jsonl.tmp.*' | wc -l)
    [ "$temps" = 1 ] || fail "expected one temporary file beside the target, found $temps"
    [ ! -e out/results.jsonl ] || fail "the target exists before the command has finished"
    [ "$(cat out/results.jsonl.tmp.* | wc -l)" = 20 ] ||
        fail "the results are not streamed into the temporary file"
    exec 3>&-
    wait "$pid"
    STATUS=$?
    expect_status 0
    [ "$(wc -l <out/results.jsonl)" = 20 ] || fail "the output is not whole"
    [ -z "$(find out -name '*.tmp.*')" ] || fail "the temporary file was left behind"
}

test_a_failed_command_removes_its_temporary_file_and_keeps_the_old_output() {
    echo old >keep.txt
    run cq score --output keep.txt no-such-answers.json
    expect_status 66
    [ "$(cat keep.txt)" = old ] || fail "the old output was changed"
    [ -z "$(find . -name 'keep.txt.tmp.*')" ] || fail "a temporary file was left behind"
}

test_reports_get_the_umask_and_results_stay_private() {
    umask 022
    run cq score --format html --output report.html "$EXAMPLE"
    [ "$(stat -c %a report.html)" = 644 ] || fail "report.html is $(stat -c %a report.html), not 644"
    umask 027
    run cq roles --output roles.txt
    [ "$(stat -c %a roles.txt)" = 640 ] || fail "roles.txt is $(stat -c %a roles.txt), not 640"
    umask 022
    persona_lines 3 >in.jsonl
    run cq batch in.jsonl --db r.db --output results.jsonl
    [ "$(stat -c %a results.jsonl)" = 600 ] || fail "batch output is $(stat -c %a results.jsonl)"
    run cq export --db r.db --output results.csv
    [ "$(stat -c %a results.csv)" = 600 ] || fail "export output is $(stat -c %a results.csv)"
    # A file that exists keeps its permissions.
    chmod 664 report.html
    run cq score --format html --output report.html "$EXAMPLE"
    [ "$(stat -c %a report.html)" = 664 ] || fail "replacing report.html changed it to $(stat -c %a report.html)"
}

test_a_kiosk_report_gets_the_umask() {
    umask 022
    { printf '\n'; yes 1 | head -n 19; printf '\n'; } >typed.txt
    run cq kiosk --db k.db --exit-word bye --report-dir reports <typed.txt
    expect_status 0
    [ "$(stat -c %a reports/*.html)" = 644 ] || fail "the report is $(stat -c %a reports/*.html)"
    [ "$(stat -c %a reports)" = 755 ] || fail "the report folder is $(stat -c %a reports)"
}

test_a_full_disk_is_named_not_called_an_io_error() {
    persona_lines 50 >in.jsonl
    run cq batch in.jsonl --output /dev/full
    expect_status 74
    expect_stderr_contains "cannot write output (no space left on device): /dev/full"
    run cq batch in.jsonl
    # stdout on /dev/full: the error came before the close and used to be reported as EIO.
    cq batch in.jsonl >/dev/full 2>err2.txt
    grep -q "cannot write output (no space left on device): stdout" err2.txt ||
        fail "batch >/dev/full: $(cat err2.txt)"
}

test_output_on_a_full_disk_leaves_no_partial_file() {
    small_disk disk 100k || return 0
    persona_lines 2000 >in.jsonl
    echo old >disk/out.jsonl
    run cq batch in.jsonl --output disk/out.jsonl
    expect_status 74
    expect_stderr_contains "cannot write output (no space left on device): disk/out.jsonl"
    [ "$(cat disk/out.jsonl)" = old ] || fail "a partial output replaced the old file"
    [ -z "$(find disk -name 'out.jsonl.tmp.*')" ] || fail "the temporary file was left behind"
}

test_a_reader_that_went_away_is_a_broken_pipe() {
    persona_lines 2000 >in.jsonl
    cq batch in.jsonl --db r.db 2>err.txt | head -c 10 >/dev/null
    grep -q "cannot write output (broken pipe): stdout" err.txt ||
        fail "the message was: $(cat err.txt)"
}

test_input_errors_are_lowercase() {
    run cq take <&-
    expect_status 74
    expect_stderr_contains "cannot read input (bad file descriptor): stdin"
}

run_tests
