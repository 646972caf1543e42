#!/usr/bin/env bash
# test_save_failures.sh: saving when the disk is full or failing: a clear error, the previous
# file intact, no temporary file left behind.
#
# The failures come from tests/io/fault_shim.c, preloaded with LD_PRELOAD: it fails write,
# fsync, close, rename or mkstemp of the temporary file with the errno a variable names.
# save_file (tests/io/save_file.c) saves its standard input with the same code as
# `careerquiz take --save`, cli/util/atomic_file.c; the last tests drive take itself.
# shellcheck source=tests/cli/lib.sh
. "$(dirname "$0")/lib.sh"

BUILD_DIR=$(dirname "$CAREERQUIZ")
SHIM=$BUILD_DIR/tests/fault_shim.so
SAVE_FILE=$BUILD_DIR/tests/save_file
# A sanitized program must accept a preloaded library ahead of a shared ASan runtime.
export ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}verify_asan_link_order=0"

# old_file: F.json holding a previous complete save.
old_file() {
    printf '{"version": 1, "answers": {"education": "phd"}}\n' >F.json
    cp F.json old.json
}

# new_data: 20 KB that differ from the old file, so a partial write would show.
new_data() {
    { printf '{"version": 1, "answers": {"education": "masters"}, "pad": "'
        head -c 20000 /dev/zero | tr '\0' x
        printf '"}\n'; } >new.json
}

# save_with_fault VAR=VALUE...: runs save_file F.json < new.json with the shim and the faults.
save_with_fault() {
    # shellcheck disable=SC2086 # the wrapper is a command line on purpose
    run env LD_PRELOAD="$SHIM" "$@" $CQ_WRAPPER "$SAVE_FILE" F.json <new.json
}

expect_old_file_intact() {
    cmp -s F.json old.json || fail "F.json is no longer the previous save"
}

expect_no_temporary_file() {
    local left
    left=$(find . -maxdepth 1 -name 'F.json.tmp.*' | head -n 3)
    [ -z "$left" ] || fail "temporary files were left behind: $left"
}

test_the_shim_changes_nothing_when_no_fault_is_asked_for() {
    old_file
    new_data
    save_with_fault
    expect_status 0
    expect_same_file F.json new.json
    expect_no_temporary_file
    [ "$(stat -c %a F.json)" = 600 ] || fail "a saved file should be private (0600)"
}

test_a_full_disk_while_writing_keeps_the_previous_file() {
    old_file
    new_data
    save_with_fault CQ_FAULT_WRITE=ENOSPC
    expect_status 74
    expect_stderr_contains "cannot save (write: No space left on device): F.json"
    expect_old_file_intact
    expect_no_temporary_file
}

test_a_disk_filling_up_part_way_through_keeps_the_previous_file() {
    old_file
    new_data
    save_with_fault CQ_FAULT_WRITE=ENOSPC CQ_FAULT_WRITE_AFTER=4096
    expect_status 74
    expect_stderr_contains "(write: No space left on device)"
    expect_old_file_intact
    expect_no_temporary_file
}

test_an_io_error_while_writing_keeps_the_previous_file() {
    old_file
    new_data
    save_with_fault CQ_FAULT_WRITE=EIO
    expect_status 74
    expect_stderr_contains "cannot save (write: Input/output error): F.json"
    expect_old_file_intact
    expect_no_temporary_file
}

test_a_failing_fsync_keeps_the_previous_file() {
    old_file
    new_data
    save_with_fault CQ_FAULT_FSYNC=EIO
    expect_status 74
    expect_stderr_contains "cannot save (fsync: Input/output error): F.json"
    expect_old_file_intact
    expect_no_temporary_file
}

test_a_failing_close_keeps_the_previous_file() {
    old_file
    new_data
    save_with_fault CQ_FAULT_CLOSE=EIO
    expect_status 74
    expect_stderr_contains "cannot save (close: Input/output error): F.json"
    expect_old_file_intact
    expect_no_temporary_file
}

test_a_failing_rename_keeps_the_previous_file() {
    old_file
    new_data
    save_with_fault CQ_FAULT_RENAME=EIO
    expect_status 74
    expect_stderr_contains "cannot save (rename: Input/output error): F.json"
    expect_old_file_intact
    expect_no_temporary_file
}

test_a_temporary_file_that_cannot_be_created_keeps_the_previous_file() {
    old_file
    new_data
    save_with_fault CQ_FAULT_CREATE=ENOSPC
    expect_status 74
    expect_stderr_contains "cannot save (create: No space left on device): F.json"
    expect_old_file_intact
    expect_no_temporary_file
}

test_a_failing_folder_fsync_is_reported_but_the_new_file_is_whole() {
    old_file
    new_data
    save_with_fault CQ_FAULT_DIR_FSYNC=EIO
    expect_status 74
    expect_stderr_contains "cannot save (fsync folder: Input/output error): F.json"
    # The rename happened: the new file is in place, only its durability is in doubt.
    expect_same_file F.json new.json
    expect_no_temporary_file
}

test_a_failed_first_save_leaves_no_file_at_all() {
    new_data
    save_with_fault CQ_FAULT_WRITE=ENOSPC
    expect_status 74
    [ ! -e F.json ] || fail "a failed first save left F.json behind"
    expect_no_temporary_file
}

# ---- take --save --------------------------------------------------------------------------

# take_with_fault VAR=VALUE...: the whole quiz answered "1" through a pipe, saving to F.json.
take_with_fault() {
    # shellcheck disable=SC2086 # the wrapper is a command line on purpose
    run env LD_PRELOAD="$SHIM" "$@" $CQ_WRAPPER "$CAREERQUIZ" take --save F.json < <(yes 1)
}

test_take_on_a_full_disk_says_so_and_keeps_the_previous_save() {
    run cq take --save F.json < <(yes 2)
    expect_status 0
    cp F.json old.json
    take_with_fault CQ_FAULT_WRITE=ENOSPC
    expect_status 74
    expect_error_line
    expect_stderr_contains "cannot save answers (write: no space left on device): F.json"
    expect_old_file_intact
    expect_no_temporary_file
}

test_take_with_a_failing_rename_says_so_and_keeps_the_previous_save() {
    run cq take --save F.json < <(yes 2)
    cp F.json old.json
    take_with_fault CQ_FAULT_RENAME=EIO
    expect_status 74
    expect_stderr_contains "cannot save answers (rename: input/output error): F.json"
    expect_old_file_intact
    expect_no_temporary_file
}

run_tests
