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

# expect_greps FILE: expect_grep for each line "NAME PATTERN" of the input
# (a table in a here-document; the pattern is the rest of the line, without
# the white space around it).
expect_greps() {
    local name pattern
    while read -r name pattern; do
        [ -n "$name" ] || continue
        expect_grep "$name" "$pattern" "$1"
    done
}

# expect_no_grep NAME PATTERN [FILE]
expect_no_grep() {
    if grep -qE -- "$2" "${3:-$OUT}"; then fail "$1" "a line matches /$2/"; else ok "$1"; fi
}

# expect_empty NAME FILE: FILE is empty (its first lines are shown when not):
# no warning on stderr, no finding.
expect_empty() {
    if [ -s "$2" ]; then fail "$1" "$(head -3 "$2")"; else ok "$1"; fi
}

# page_text PAGE: the visible text of an HTML page as its reader sees it, a
# line for each row, term, description, heading (h2, h3), item and
# paragraph, a table's cells separated by " | ".
page_text() { python3 - "$1" <<'PY'
import html.parser, sys
class P(html.parser.HTMLParser):
    out = []
    def handle_starttag(self, t, a): self.out.append("\n" if t in ("tr", "dt", "dd", "h2", "h3", "li", "p") else " | " if t in ("td", "th") else "")
    def handle_data(self, d): self.out.append(d)
p = P(); p.feed(open(sys.argv[1], encoding="utf-8").read()); print("".join(p.out))
PY
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

# expect_validates_clean NAME FILE: `egaf validate FILE` exits 0 and prints
# only the count line of a model without any finding.
expect_validates_clean() {
    run validate "$2"
    expect_status "$1: exit 0" 0
    printf '1 file checked: 0 errors, 0 warnings, 0 notes\n' >"$T/validates-clean"
    expect_out "$1: no finding at all" "$T/validates-clean"
}

# expect_rule_fixtures DIR EXPECTED: the rule fixtures of a folder, each a
# clean model with one typical mistake, DIR/RULE.yaml for each line
# "RULE LINE:COL SEVERITY" of EXPECTED. For each: the first line of the
# report is the finding at that position with that severity and rule, there
# is no other finding, the exit status follows the severity (and --werror
# fails a warning), and --disable RULE leaves the fixture without a finding.
expect_rule_fixtures() {
    local dir=$1 expected=$2 rule pos sev file prefix first findings
    while read -r rule pos sev; do
        [ -n "$rule" ] || continue
        file=$dir/$rule.yaml
        if [ ! -f "$file" ]; then
            STATUS=-
            fail "$rule: fixture" "no $file"
            continue
        fi
        run validate -q "$file"
        prefix="$file:$pos: $sev:"
        first=$(head -1 "$OUT")
        if [ "${first#"$prefix"}" != "$first" ] && [ "${first%" [$rule]"}" != "$first" ]; then
            ok "$rule: first line is '$prefix ... [$rule]'"
        else
            fail "$rule: first line is '$prefix ... [$rule]'" "first line: $first"
        fi
        if grep -F "$prefix" "$OUT" | grep -qF "[$rule]"; then
            ok "$rule: finding at $pos"
        else
            fail "$rule: finding at $pos" "no line with the prefix and the rule"
        fi
        findings=$(grep -cE ': (error|warning|note): .*\[[a-z0-9-]+\.[a-z0-9-]+\]( \(waived (error|warning|note)\))?$' "$OUT")
        if [ "$findings" = 1 ]; then ok "$rule: breaks exactly one rule"; else
            fail "$rule: breaks exactly one rule" "$findings findings"
        fi
        if [ "$sev" = error ]; then
            expect_status "$rule: exit 1" 1
        else
            expect_status "$rule: $sev only, exit 0" 0
        fi
        if [ "$sev" = warning ]; then
            run validate -q --werror "$file"
            expect_status "$rule: --werror exits 1" 1
        fi
        run validate -q --disable "$rule" "$file"
        expect_status "$rule: --disable leaves it clean" 0
        check "$rule: --disable leaves no finding" test ! -s "$OUT"
    done <<<"$expected"
}

# expect_rule_fixtures_listed EXPECTED FIXTURE...: every fixture has its line
# in EXPECTED (named by its rule), and every rule of EXPECTED is in
# `egaf rules`.
expect_rule_fixtures_listed() {
    local expected=$1 file rule
    shift
    for file in "$@"; do
        rule=$(basename "$file" .yaml)
        if grep -qE "^$rule " <<<"$expected"; then ok "$rule: listed"; else
            STATUS=-
            fail "$rule: listed" "fixture $file has no expectation"
        fi
    done
    run rules
    for rule in $(awk 'NF {print $1}' <<<"$expected"); do
        expect_grep "$rule: in egaf rules" "^$rule +(error|warning|note) "
    done
}
