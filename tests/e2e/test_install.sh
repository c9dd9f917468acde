#!/usr/bin/env bash
# make install: PREFIX and DESTDIR; the installed binary finds its reference
# models wherever the tree was moved. The flags stamps: a PREFIX given at
# install time reaches the binary (refs/refs.c and cli/main.c are compiled
# again), and changed flags rebuild the objects. Runs on a copy of the build
# folder, so the binary the other tests use is left as it is.
. "$(dirname "$0")/lib.sh"
built=$(dirname "$EGAF")
B=$T/build
mkdir -p "$B"
cp -a "$built/obj" "$built/libegaf.a" "$built/libegaf-lean.a" "$built/egaf" \
        "$built/egaf-draw" "$built/egaf-refs.cache" "$built/tools" "$built/locale" "$B/" &&
    cp -a "$built/CFLAGS-stamp" "$built/PREFIX-stamp" "$B/" 2>/dev/null
mk() { make --no-print-directory BUILD="$B" "$@" >"$OUT" 2>"$ERR"; STATUS=$?; }

# Under make asan or valgrind the build has other flags than plain `make`'s;
# installing from it would rebuild it all. These tests need `make`'s build.
mk "$B/CFLAGS-stamp"
if [ "$STATUS" != 0 ] || grep -q changed "$OUT"; then
    echo "note: skipped: $built was not built with plain \`make\`'s flags (make asan, valgrind)"
    exit 0
fi

# the default PREFIX (/usr/local), as `make` and `make install` use it
grep -qa '/usr/local/share/egaf' "$B/egaf"
check built-for-usr-local test $? = 0

dest=$T/dest
mk install DESTDIR="$dest" PREFIX=/opt/egaf
expect_status install-succeeds 0
check install-binary test -x "$dest/opt/egaf/bin/egaf"
check install-reference-models test -f "$dest/opt/egaf/share/egaf/reference-models/agencies.yaml"
(unset EGAF_REFS; "$dest/opt/egaf/bin/egaf" validate tests/fixtures/validate/mini.yaml) >"$OUT" 2>"$ERR"
STATUS=$?
expect_status installed-binary-finds-its-data 0
# the drawing commands run PREFIX/libexec/egaf/egaf-draw (cli/drawing.c),
# which finds the data of PREFIX/bin/egaf; egaf itself has no Graphviz
check install-draw-helper test -x "$dest/opt/egaf/libexec/egaf/egaf-draw"
(unset EGAF_REFS; "$dest/opt/egaf/bin/egaf" render --view overview --format svg \
    -o "$T/installed.svg" tests/fixtures/validate/mini.yaml) >"$OUT" 2>"$ERR"
STATUS=$?
expect_status installed-render-through-egaf-draw 0
check installed-render-wrote-svg grep -q '<svg' "$T/installed.svg"
# the reference models' compiled cache is installed in the reference
# folder, and the installed egaf reads it
check install-refs-cache cmp -s "$B/egaf-refs.cache" "$dest/opt/egaf/share/egaf/reference-models/egaf-refs.cache"
if command -v strace >/dev/null; then
    (unset EGAF_REFS; strace -e trace=openat -o "$T/trace" "$dest/opt/egaf/bin/egaf" validate \
        tests/fixtures/validate/mini.yaml) >/dev/null 2>&1
    expect_grep installed-egaf-reads-its-cache 'reference-models/egaf-refs.cache", O_RDONLY' "$T/trace"
fi
readelf -d "$dest/opt/egaf/bin/egaf" >"$OUT" 2>"$ERR"
expect_no_grep installed-egaf-without-graphviz 'NEEDED.*lib(gvc|cgraph|cairo|pango)'

# `make PREFIX=/usr install` after `make`: the installed binary looks for
# its data under /usr, and nothing of /usr/local is left in it
usr=$T/usr-dest
mk install DESTDIR="$usr" PREFIX=/usr
expect_status install-prefix-usr 0
expect_grep prefix-change-recompiles-refs 'refs/refs\.c' "$OUT"
expect_grep prefix-change-recompiles-main 'cli/main\.c' "$OUT"
expect_no_grep prefix-change-only-two-files 'base/arena\.c' "$OUT"
if grep -qa '/usr/share/egaf' "$usr/usr/bin/egaf" && grep -qa '/usr/share/locale' "$usr/usr/bin/egaf"; then
    ok prefix-usr-in-binary
else
    fail prefix-usr-in-binary "the binary installed with PREFIX=/usr does not name /usr/share/egaf and /usr/share/locale"
fi
if grep -qa '/usr/local/share' "$usr/usr/bin/egaf"; then
    fail prefix-usr-no-usr-local "the binary installed with PREFIX=/usr still names /usr/local/share"
else
    ok prefix-usr-no-usr-local
fi
(unset EGAF_REFS; "$usr/usr/bin/egaf" validate tests/fixtures/validate/mini.yaml) >"$OUT" 2>"$ERR"
STATUS=$?
expect_status prefix-usr-binary-finds-its-data 0

# the same PREFIX again: nothing is compiled
mk install DESTDIR="$usr" PREFIX=/usr
expect_status install-again 0
expect_no_grep install-again-compiles-nothing '(^| )-c ' "$OUT"

# changed compiler flags rebuild an object (one object, to stay quick)
obj=$B/obj/base/arena.o
mk "$obj" PREFIX=/usr CFLAGS=-DEGAF_TEST_FLAGS_STAMP
expect_status flags-change-builds 0
expect_grep flags-change-recompiles 'base/arena\.c' "$OUT"
expect_grep flags-change-stamp 'EGAF_TEST_FLAGS_STAMP' "$B/CFLAGS-stamp"
mk "$obj" PREFIX=/usr CFLAGS=-DEGAF_TEST_FLAGS_STAMP
expect_no_grep flags-same-compiles-nothing 'base/arena\.c' "$OUT"
