# lib.sh - helpers for end-to-end tests. Each test prints "ok NAME" or
# "FAIL NAME: why" (followed by details); tests/run.sh counts them.
# Environment from tests/run.sh: EGAF (binary), EGAF_ROOT, TMPROOT, VG;
# test data from elsewhere is in $EGAF_ROOT/tests/data.
set -u
cd "$EGAF_ROOT" || exit 2
T=$(mktemp -d "$TMPROOT/t.XXXXXX")
OUT="$T/out"
ERR="$T/err"
STATUS=0

# egaf ARGS...: runs the binary (under valgrind when VG is set).
egaf() { $VG "$EGAF" "$@"; }

# run ARGS...: runs egaf, keeping stdout in $OUT, stderr in $ERR, status in $STATUS.
run() {
    egaf "$@" >"$OUT" 2>"$ERR"
    STATUS=$?
}

ok() { echo "ok $1"; }
fail() {
    echo "FAIL $1: $2"
    echo "  status: $STATUS"
    echo "  stdout:"; sed 's/^/    /' "$OUT" 2>/dev/null | head -20
    echo "  stderr:"; sed 's/^/    /' "$ERR" 2>/dev/null | head -20
}

# expect_status NAME N: the last run exited N.
expect_status() {
    if [ "$STATUS" = "$2" ]; then ok "$1"; else fail "$1" "exit status $STATUS, expected $2"; fi
}

# expect_out NAME FILE: stdout equals FILE byte for byte.
expect_out() {
    if cmp -s "$OUT" "$2"; then ok "$1"; else
        fail "$1" "stdout differs from $2"
        diff -u "$2" "$OUT" | head -40
    fi
}

# expect_grep NAME PATTERN [FILE]: a line of stdout (or FILE) matches the extended regex.
expect_grep() {
    if grep -qE -- "$2" "${3:-$OUT}"; then ok "$1"; else fail "$1" "no line matches /$2/"; fi
}

# expect_no_grep NAME PATTERN [FILE]
expect_no_grep() {
    if grep -qE -- "$2" "${3:-$OUT}"; then fail "$1" "a line matches /$2/"; else ok "$1"; fi
}

# check NAME COMMAND...: passes when the command succeeds.
check() {
    local name=$1
    shift
    if "$@"; then ok "$name"; else fail "$name" "command failed: $*"; fi
}

# build_copy: copies the build folder to $T/build and prints that path, for a
# test that runs `make install` with another PREFIX: the flags stamps then
# compile the files that use PREFIX again, which must not change the binary
# the other tests run (make install on the copy leaves $EGAF as it is).
build_copy() {
    local built
    built=$(dirname "$EGAF")
    mkdir -p "$T/build"
    cp -a "$built/obj" "$built/libegaf.a" "$built/libegaf-lean.a" "$built/egaf" \
        "$built/egaf-draw" "$built/egaf-refs.cache" "$built/tools" "$built/locale" "$T/build/" &&
        cp -a "$built/CFLAGS-stamp" "$built/PREFIX-stamp" "$T/build/" 2>/dev/null
    echo "$T/build"
}
