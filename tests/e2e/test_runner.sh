#!/usr/bin/env bash
# tests/run.sh itself: a test file that hangs fails after TEST_TIMEOUT
# seconds with a message, the processes it started killed, and the run goes
# on to its "N passed, N failed" line (CI once waited for a hung
# consolidate until the machine was shut down).
. "$(dirname "$0")/lib.sh"

fake="$T/build"
mkdir -p "$fake/tests"
# a unit test that starts a process of its own, then hangs
cat >"$fake/tests/test_runner_hangs" <<SCRIPT
#!/usr/bin/env bash
sleep 300 &
echo \$! >"$T/grandchild"
wait
SCRIPT
# and one that passes, run after it
cat >"$fake/tests/test_runner_passes" <<'SCRIPT'
#!/usr/bin/env bash
echo "[  PASSED  ] 1 test(s)."
SCRIPT
chmod +x "$fake/tests/test_runner_hangs" "$fake/tests/test_runner_passes"

start=$(date +%s)
# BUILD is relative to the source tree, as for make check
TEST_TIMEOUT=2 BUILD=$(realpath --relative-to="$EGAF_ROOT" "$fake") TESTS=test_runner_ \
    bash "$EGAF_ROOT/tests/run.sh" >"$OUT" 2>"$ERR"
STATUS=$?
took=$(($(date +%s) - start))
expect_status "a run with a hung test fails" 1
expect_grep "the hung test is named, with why" \
    '^FAIL test_runner_hangs: timed out after 2 s \(TEST_TIMEOUT\), its processes killed$' "$OUT"
expect_grep "the next test still runs" '^ok test_runner_passes \(1\)$' "$OUT"
expect_grep "the run ends with its count" '^1 passed, 1 failed$' "$OUT"
check "the run did not wait for the hung test (took ${took} s)" test "$took" -lt 60
grandchild=$(cat "$T/grandchild" 2>/dev/null)
# gone, or a zombie nobody has reaped yet (its parent was killed)
state=$(ps -o stat= -p "${grandchild:-0}" 2>/dev/null)
check "the hung test's own process was killed too (state '${state}')" \
    bash -c "[ -n '$grandchild' ] && case '$state' in '' | Z*) true ;; *) false ;; esac"
