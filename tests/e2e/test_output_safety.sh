#!/usr/bin/env bash
# Every file egaf writes goes to a temporary file beside the target and is
# renamed into place; special files are written in place; failures exit 2
# and leave what was there before.
. "$(dirname "$0")/lib.sh"
M=tests/fixtures/validate/mini.yaml
S=tests/fixtures/validate/several.yaml

mkdir -p "$T/o"
printf 'before\n' >"$T/o/report.json"

# a failed run (usage error) leaves the previous report as it was
run validate --format nope -o "$T/o/report.json" "$M"
expect_status usage-error-exit-2 2
check usage-error-keeps-previous grep -qx before "$T/o/report.json"

# a successful run replaces it whole, with no temporary file left behind
run validate --format json -o "$T/o/report.json" "$S"
expect_status report-written-exit-1 1
check report-replaced grep -q '"tool": "egaf"' "$T/o/report.json"
check no-temporary-left bash -c "! ls -A '$T/o' | grep -q tmp"

# the target is a folder: exit 2, the folder untouched
mkdir -p "$T/o/folder"
run validate -o "$T/o/folder" "$M"
expect_status target-is-folder-exit-2 2
expect_grep target-is-folder-message "cannot write .*folder.*: it is a folder" "$ERR"
check target-folder-untouched test -d "$T/o/folder"

# the parent is a file
run validate -o "$T/o/report.json/x.txt" "$M"
expect_status parent-is-file-exit-2 2

# a FIFO is written in place, never replaced
mkfifo "$T/o/pipe"
timeout 30 cat "$T/o/pipe" >"$T/piped" &
reader=$!
STATUS=0; timeout 30 "$EGAF" validate --format json -o "$T/o/pipe" "$M" >"$OUT" 2>"$ERR" || STATUS=$?
wait $reader
expect_status fifo-target-exit-0 0
check fifo-still-a-fifo test -p "$T/o/pipe"
check fifo-received-report grep -q '"tool": "egaf"' "$T/piped"

# a device is written in place
run validate -o /dev/null "$M"
expect_status device-target-exit-0 0
check dev-null-still-a-device test -c /dev/null

# a full disk: standard output to /dev/full, and -o /dev/full
if [ -w /dev/full ]; then
    egaf validate "$S" >/dev/full 2>"$ERR"
    STATUS=$?
    expect_status stdout-full-exit-2 2
    run validate -o /dev/full "$S"
    expect_status output-full-exit-2 2
    egaf render --view overview --format dot -o - tests/fixtures/render/province.yaml >/dev/full 2>"$ERR"
    STATUS=$?
    expect_status render-stdout-full-exit-2 2
fi

# render and export refuse a folder target too
run render --view overview -o "$T/o/folder" tests/fixtures/render/province.yaml
expect_status render-target-is-folder-exit-2 2
run export --format json -o "$T/o/folder/" "$M"
expect_status export-target-is-folder-exit-2 2
check export-folder-kept test -d "$T/o/folder"

# a folder the process may not write: drop to nobody when root
mkdir -p "$T/ro"
printf 'before\n' >"$T/ro/report.txt"
chmod 755 "$TMPROOT" "$T"
chmod 555 "$T/ro"
as_user=""
if [ "$(id -u)" = 0 ]; then as_user="setpriv --reuid=65534 --regid=65534 --clear-groups"; fi
if [ -n "$as_user" ] && ! $as_user true 2>/dev/null; then
    echo "read-only folder: skipped, cannot drop privileges here"
else
    $as_user "$EGAF" validate -o "$T/ro/report.txt" "$EGAF_ROOT/$M" >"$OUT" 2>"$ERR"
    STATUS=$?
    expect_status read-only-folder-exit-2 2
    check read-only-folder-keeps-previous grep -qx before "$T/ro/report.txt"
fi
chmod 755 "$T/ro"

# -o names a link: the link is replaced, what it pointed to is never written
mkdir -p "$T/elsewhere"
printf 'precious\n' >"$T/elsewhere/file"
ln -s "$T/elsewhere/file" "$T/o/link.json"
run validate --format json -o "$T/o/link.json" "$M"
expect_status link-target-exit-0 0
check link-target-not-followed grep -qx precious "$T/elsewhere/file"
check link-replaced-by-report bash -c "[ ! -L '$T/o/link.json' ] && grep -q '\"tool\": \"egaf\"' '$T/o/link.json'"

# a CSV set is never written through a link to a folder
ln -s "$T/elsewhere" "$T/o/csvlink"
run export --format csv -o "$T/o/csvlink" "$M"
expect_status csv-through-link-exit-2 2
check csv-through-link-writes-nothing bash -c "[ \"\$(ls -A '$T/elsewhere')\" = file ]"
check csv-through-link-leaves-no-folder bash -c "! ls -A '$T/o' | grep -q tmp"
