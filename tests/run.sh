#!/usr/bin/env bash
# Runs every test: the cmocka unit tests in $BUILD/tests and the end-to-end
# scripts in tests/e2e. Ends with one line "N passed, N failed".
# Everything the tests read is in the repository (test data from elsewhere in
# tests/data, with its licence) or installed by `make deps`.
set -u
cd "$(dirname "$0")/.."
BUILD=${BUILD:-build}
export EGAF_ROOT=$PWD
export EGAF="$PWD/$BUILD/egaf"
export EGAF_REFS="$PWD/reference-models"
export LC_ALL=C.UTF-8
# messages in English whatever the environment asks (tests/e2e/test_i18n.sh
# chooses Vietnamese itself)
export LANGUAGE=
unset LANG LC_MESSAGES
unset NO_COLOR
export TMPROOT=$(mktemp -d "${TMPDIR:-/tmp}/egaf-tests.XXXXXX")
trap 'chmod -R u+rwx "$TMPROOT" 2>/dev/null; rm -rf "$TMPROOT"' EXIT
VG=""
if [ "${VALGRIND:-}" = 1 ]; then
    # valgrind's own messages go to a log per process, not into the stderr
    # the tests compare: valgrind 3.19 warns on every openat2 (syscall 437,
    # which egaf tries before its O_NOFOLLOW walk), with the pid in the line.
    # An error still fails the command (exit 99); its report is printed below.
    VG="valgrind -q --trace-children=yes --trace-children-skip=/usr/*,/bin/* --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite,indirect --suppressions=$PWD/tests/valgrind.supp --log-file=$TMPROOT/valgrind.%p.log"
fi
export VG
# A test file that hangs (a deadlock in a worker, say) fails after
# TEST_TIMEOUT seconds, its processes killed, instead of holding CI until
# its own time runs out. The default is six times the longest file's time
# (test_import under valgrind: 295 s here, on a quiet 2-core machine),
# for CI machines slower than that.
TEST_TIMEOUT=${TEST_TIMEOUT:-1800}
# timed CMD...: CMD, killed with every process it started after
# TEST_TIMEOUT seconds (exit 124; 137 when it had to be killed).
timed() { timeout -k 10 "$TEST_TIMEOUT" "$@"; }
# timed_out NAME STATUS: says so when STATUS is timeout's.
timed_out() {
    if [ "$2" = 124 ] || [ "$2" = 137 ]; then
        echo "FAIL $1: timed out after $TEST_TIMEOUT s (TEST_TIMEOUT), its processes killed"
    fi
}
passed=0
failed=0
failures=()
log="$TMPROOT/log"
only=${TESTS:-} # names (or parts of names), separated by spaces

# wanted NAME: true when TESTS is empty or a word of it is part of NAME.
wanted() {
    [ -z "$only" ] && return 0
    local w
    for w in $only; do [[ "$1" == *"$w"* ]] && return 0; done
    return 1
}

# tally NAME PASSED FAILED STATUS: adds a test file's counts (one that exited
# non-zero with no failure counted fails once) and says "ok NAME (PASSED)"
# when nothing failed; returns 1, the file named among the failures, when
# something did (the caller then shows what).
tally() {
    local f=$3
    if [ "$4" != 0 ] && [ "$f" = 0 ]; then f=1; fi
    passed=$((passed + $2))
    failed=$((failed + f))
    if [ "$f" != 0 ]; then
        failures+=("$1")
        return 1
    fi
    echo "ok $1 ($2)"
}

for bin in "$BUILD"/tests/test_*; do
    [ -x "$bin" ] || continue
    name=$(basename "$bin")
    wanted "$name" || continue
    (cd tests && timed $VG "../$bin") >"$log" 2>&1
    rc=$?
    timed_out "$name" "$rc" >>"$log"
    p=$(sed -n 's/^\[  PASSED  \] \([0-9]*\) test.*/\1/p' "$log" | tail -1)
    f=$(sed -n 's/^\[  FAILED  \] \([0-9]*\) test.*/\1/p' "$log" | tail -1)
    if ! tally "$name" "${p:-0}" "${f:-0}" "$rc"; then
        echo "--- $name failed:"
        grep -E '^FAIL|FAILED|ERROR|error|Assert|==[0-9]+==' "$log" | head -30
    fi
done

# Under valgrind, scripts that only re-run what other scripts cover (the
# guides' 130 commands, the benchmark generator's builds) are skipped to keep
# CI inside its time; they run in make check and make asan.
vg_skip=" test_guides test_bench_gen "
# Under valgrind and in the sanitizer build (EGAF_LIGHT=1, make asan), the
# packaging test is skipped too: it builds the Debian package from the source
# with its own flags, the same work as in make check; and test_document
# converts one example with LibreOffice instead of every one. The
# English-in-Vietnamese test re-runs a thousand commands the others run
# already, to read their text.
light_skip=" test_packaging test_i18n_english "
export EGAF_LIGHT=${EGAF_LIGHT:-}
[ -n "$VG" ] && EGAF_LIGHT=1
for script in tests/e2e/test_*.sh; do
    name=$(basename "$script" .sh)
    wanted "$name" || continue
    if [ -n "$VG" ] && [[ "$vg_skip" == *" $name "* ]]; then
        echo "skipped under valgrind: $name"
        continue
    fi
    if [ "$EGAF_LIGHT" = 1 ] && [[ "$light_skip" == *" $name "* ]]; then
        echo "skipped in a sanitizer or valgrind run (make check runs it): $name"
        continue
    fi
    timed bash "$script" >"$log" 2>&1
    rc=$?
    timed_out "$name" "$rc" >>"$log"
    if [ -n "$VG" ]; then
        # what valgrind said, but its openat2 warning
        for v in "$TMPROOT"/valgrind.*.log; do
            [ -f "$v" ] || continue
            grep -v -e 'unhandled amd64-linux syscall: 437' -e 'write your own handler' \
                -e 'README_MISSING_SYSCALL_OR_IOCTL' -e 'Nevertheless we consider this a bug' \
                -e 'valgrind.org/support/bug_reports' "$v" >>"$log"
            rm -f "$v"
        done
    fi
    f=$(grep -c '^FAIL ' "$log")
    if [ "$rc" != 0 ] && [ "$f" = 0 ]; then
        echo "FAIL $name: script exited $rc" >>"$log"
    fi
    if ! tally "$name" "$(grep -c '^ok ' "$log")" "$f" "$rc"; then
        echo "--- $name:"
        grep -A12 '^FAIL ' "$log" | head -60
    fi
done

[ ${#failures[@]} -gt 0 ] && echo "failed: ${failures[*]}"
echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
