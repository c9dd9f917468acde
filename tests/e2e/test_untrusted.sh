#!/usr/bin/env bash
# Submissions are untrusted (docs/security.md): consolidate writes only
# inside its site, reads only what is inside the folders given, publishes
# only the bytes of models that loaded, and one submission never stops or
# corrupts the others. export's CSV set is replaced as a whole.
. "$(dirname "$0")/lib.sh"

M=tests/fixtures/validate/mini.yaml
DIAG=--no-diagrams

# nothing_written_outside NAME TOP SITE: no file or folder under TOP is newer
# than $T/stamp except SITE, what is in it, and the folder that holds SITE
# (its entry list changed).
nothing_written_outside() {
    local extra
    extra=$(find "$2" -newer "$T/stamp" -not -path "$3" -not -path "$3/*" \
        -not -path "$(dirname "$3")" -print)
    if [ -z "$extra" ]; then ok "$1"; else fail "$1" "written outside the site: $extra"; fi
}

# ---- a model id that climbs out of the site, with an include -------------------
top=$T/top
in=$top/a/b/in
site=$top/a/b/site
mkdir -p "$in"
sed 's/^  id: mini$/  id: "..\/..\/..\/..\/x"/; s/^business:$/include: [authorized_keys]\nbusiness:/' \
    "$M" >"$in/evil.yaml"
printf 'security:\n  controls:\n    - {id: ssh, name: "ssh-ed25519 AAAA attacker", kind: firewall}\n' \
    >"$in/authorized_keys"
cp "$M" "$in/mini.yaml"
touch "$T/stamp"
sleep 0.01
run consolidate --year 2020 $DIAG -o "$site" "$in"
expect_status "dotdot id: the site is written (exit 1, findings)" 1
expect_grep "dotdot id: schema.id-syntax for its author" \
    "^$in/evil.yaml:4:7: error: .*\[schema.id-syntax\]"
nothing_written_outside "dotdot id: nothing written outside the site" "$top" "$site"
check "dotdot id: no x folder above the site" test ! -e "$top/x" -a ! -e "$top/a/x"
check "dotdot id: published under a safe slug" cmp -s "$in/evil.yaml" "$site/data/models/model-1/model-1.yaml"
check "dotdot id: its include beside it, inside the site" \
    cmp -s "$in/authorized_keys" "$site/data/models/model-1/authorized_keys"
check "dotdot id: the other model published" cmp -s "$M" "$site/data/models/mini/mini.yaml"

# ---- a link to /etc/passwd in the folder ---------------------------------------
d=$T/links
mkdir -p "$d/in" "$d/outside"
cp "$M" "$d/in/mini.yaml"
ln -s /etc/passwd "$d/in/passwd.yaml"
run consolidate --year 2020 $DIAG -o "$d/site" "$d/in"
expect_status "passwd link: exit 1 (a finding), the site written" 1
expect_grep "passwd link: input.escape at the link" \
    "^$d/in/passwd.yaml: error: not read: a symbolic link that leads outside the folder given \[input.escape\]"
check "passwd link: not published" bash -c "! grep -rq 'root:x:0' '$d/site'"
check "passwd link: no passwd folder" test ! -e "$d/site/data/models/passwd"
check "passwd link: mini published" test -f "$d/site/data/models/mini/mini.yaml"

# the same rule for validate, and for a file given alone
run validate "$d/in"
expect_status "validate passwd link: exit 1" 1
expect_grep "validate passwd link: input.escape" "^$d/in/passwd.yaml: error: .*\[input.escape\]"
expect_no_grep "validate passwd link: nothing of the file read" "root:x:0|^/etc/passwd"
run validate "$d/in/passwd.yaml"
expect_status "validate a linked file alone: exit 1" 1
expect_grep "validate a linked file alone: input.escape" "^$d/in/passwd.yaml: error: .*\[input.escape\]"

# a link that stays inside the folder is read; --follow-links reads the others
cp "$M" "$d/outside/other.yaml"
ln -s mini.yaml "$d/in/alias.yaml"
run validate "$d/in/alias.yaml"
expect_status "link inside the folder: read (exit 0)" 0
rm "$d/in/passwd.yaml"
ln -s ../outside/other.yaml "$d/in/other.yaml"
run validate "$d/in/other.yaml"
expect_grep "link leading out: input.escape" "^$d/in/other.yaml: error: .*\[input.escape\]"
run validate --follow-links "$d/in/other.yaml"
expect_status "--follow-links: read (exit 0)" 0

# ---- entries of a folder that are not regular files ----------------------------
n=$T/special
mkdir -p "$n/dir.yaml"
cp "$M" "$n/mini.yaml"
mkfifo "$n/fifo.yaml"
ln -s /dev/zero "$n/zero.yaml"
timeout 60 "$EGAF" validate "$n" >"$OUT" 2>"$ERR"
STATUS=$?
expect_status "special entries: exit 1, not silent" 1
expect_grep "special: a FIFO" "^$n/fifo.yaml: error: not read: a FIFO \[input.not-file\]"
expect_grep "special: a folder named .yaml" \
    "^$n/dir.yaml: error: not read: a folder named like a model \[input.not-file\]"
expect_grep "special: a link to /dev/zero" "^$n/zero.yaml: error: .*\[input.escape\]"
timeout 60 "$EGAF" validate --follow-links "$n" >"$OUT" 2>"$ERR"
STATUS=$?
expect_grep "special, --follow-links: /dev/zero is still no file" \
    "^$n/zero.yaml: error: not read: a device \[input.not-file\]"
expect_status "special, --follow-links: exit 1" 1

# ---- a 300-character id, and two clashing ids ----------------------------------
c=$T/clash
mkdir -p "$c/in"
long=$(printf 'a%.0s' $(seq 300))
sed "s/^  id: mini$/  id: $long/" "$M" >"$c/in/a-long.yaml"
cp "$M" "$c/in/b.yaml"
sed 's/^  name: Kiến trúc/  name: Bản khác - Kiến trúc/' "$M" >"$c/in/c.yaml"
run consolidate --year 2020 $DIAG -o "$c/site" "$c/in"
expect_status "long and clashing ids: the site is written (exit 1)" 1
expect_grep "clashing ids: cross.id-clash for the second" "^$c/in/c.yaml:4:7: error: .*\[cross.id-clash\]"
expect_grep "long id: its author is told the limit" \
    "^$c/in/a-long.yaml:4:7: error: id 'a{24}…' is 300 characters long; the limit is 64 \[schema.id-syntax\]"
check "long id: the rest of the site" test -f "$c/site/index.html" -a -f "$c/site/a-mini.html"
check "long id: published under a safe slug" cmp -s "$c/in/a-long.yaml" "$c/site/data/models/model-1/model-1.yaml"
check "clashing ids: the first source kept" cmp -s "$c/in/b.yaml" "$c/site/data/models/mini/mini.yaml"
check "clashing ids: the second source kept" cmp -s "$c/in/c.yaml" "$c/site/data/models/mini-2/mini-2.yaml"
# a later run reads that site as --previous: both come back
run consolidate --year 2020 $DIAG --previous "$c/site" -o "$c/site2" "$c/in"
expect_status "the published site as --previous" 1
check "--previous: both clashing sources read again" \
    bash -c "ls '$c/site2/data/models' | tr '\n' ' ' | grep -qx 'mini mini-2 model-1 '"

# the limit is 64 characters: 64 passes, 65 is the finding
id64=$(printf 'b%.0s' $(seq 64))
sed "s/^  id: mini$/  id: $id64/" "$M" >"$T/id64.yaml"
run validate "$T/id64.yaml"
expect_no_grep "a 64-character id is allowed" "schema.id-syntax"
sed "s/^  id: mini$/  id: ${id64}c/" "$M" >"$T/id65.yaml"
run validate "$T/id65.yaml"
expect_grep "a 65-character id is not" "^$T/id65.yaml:4:7: error: id 'b{24}…' is 65 characters long; the limit is 64 \[schema.id-syntax\]"

# ---- a full disk during a CSV export keeps the previous set --------------------
f=$T/full
mkdir -p "$f"
if [ "$(id -u)" = 0 ] && mount -t tmpfs -o size=128k tmpfs "$f" 2>/dev/null; then
    run export --format csv -o "$f/out/" "$M"
    expect_status "csv set on a small disk: written" 0
    sums=$(cd "$f/out" && md5sum elements.csv relations.csv properties.csv)
    run export --format csv -o "$f/out/" examples/national-2020/lang-son.yaml
    expect_status "csv set, disk full: exit 2" 2
    expect_grep "csv set, disk full: said" "cannot write the CSV files in '$f/out/': No space left" "$ERR"
    check "csv set, disk full: the previous set as it was" \
        bash -c "cd '$f/out' && [ \"\$(md5sum elements.csv relations.csv properties.csv)\" = '$sums' ]"
    check "csv set, disk full: no new folder or file left" \
        bash -c "[ \"\$(ls -A '$f')\" = out ] && [ \"\$(ls -A '$f/out' | wc -l)\" = 3 ]"
    umount "$f"
    mount -t tmpfs -o size=128k tmpfs "$f"
    run export --format csv -o "$f/pre-" "$M"
    sums=$(cd "$f" && md5sum pre-elements.csv pre-relations.csv pre-properties.csv)
    run export --format csv -o "$f/pre-" examples/national-2020/lang-son.yaml
    expect_status "csv prefix set, disk full: exit 2" 2
    check "csv prefix set, disk full: the previous three as they were" \
        bash -c "cd '$f' && [ \"\$(md5sum pre-elements.csv pre-relations.csv pre-properties.csv)\" = '$sums' ]"
    umount "$f"
else
    echo "csv set on a full disk: skipped, cannot mount a small tmpfs here"
fi

# ---- a file system without RENAME_EXCHANGE: the set renamed aside, then in ----
# (tests/e2e/shims/rename_fail.c takes the kernel's place; built without
# sanitizers, so ASan is told not to insist on coming first)
shim=$T/rename_fail.so
if cc -shared -fPIC -o "$shim" tests/e2e/shims/rename_fail.c -ldl 2>"$T/shim.err"; then
    export ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}verify_asan_link_order=0"
    mkdir -p "$T/aside"
    run export --format csv -o "$T/aside/out/" "$M"
    sums=$(cd "$T/aside/out" && md5sum elements.csv relations.csv properties.csv)
    LD_PRELOAD=$shim EGAF_SHIM_RENAME=no-exchange run export --format csv \
        -o "$T/aside/out/" examples/national-2020/lang-son.yaml
    expect_status "no RENAME_EXCHANGE: the set written (exit 0)" 0
    check "no RENAME_EXCHANGE: the new set in place" \
        bash -c "cd '$T/aside/out' && grep -q lang-son elements.csv && [ \"\$(ls -A | wc -l)\" = 3 ]"
    check "no RENAME_EXCHANGE: the previous set removed, nothing left beside" \
        bash -c "[ \"\$(ls -A '$T/aside')\" = out ]"
    sums=$(cd "$T/aside/out" && md5sum elements.csv relations.csv properties.csv)
    LD_PRELOAD=$shim EGAF_SHIM_RENAME=no-swap-in EGAF_SHIM_LEAF=out run export --format csv \
        -o "$T/aside/out/" "$M"
    expect_status "no RENAME_EXCHANGE, renaming in fails: exit 2" 2
    expect_grep "renaming in fails: said" "cannot write the CSV files in '$T/aside/out/': Input/output error" "$ERR"
    check "renaming in fails: the previous set put back as it was" \
        bash -c "cd '$T/aside/out' && [ \"\$(md5sum elements.csv relations.csv properties.csv)\" = '$sums' ]"
    check "renaming in fails: no temporary folder left" \
        bash -c "[ \"\$(ls -A '$T/aside')\" = out ]"
else
    echo "rename-aside road: skipped, no C compiler for the shim: $(cat "$T/shim.err")"
fi

# a CSV set replacing a folder keeps the user's other files in it
mkdir -p "$T/csv"
printf 'notes\n' >"$T/csv/README.txt"
run export --format csv -o "$T/csv" "$M"
expect_status "csv set into a folder with other files" 0
check "csv set: the other file kept" grep -qx notes "$T/csv/README.txt"
check "csv set: no temporary folder left" bash -c "[ \"\$(ls -A '$T' | grep -c tmp)\" = 0 ]"

# ---- item 7 of the issue ------------------------------------------------------
# a cell that starts with a line feed and then '=': Archi's CSV keeps it as it
# is (Archi, not a spreadsheet, reads it; issue 22 item 5), quoted so the line
# feed stays inside the field; the site's CSV for spreadsheets keeps the guard
# (egaf_csv_field, tests/unit/test_export.c)
sed 's/^    - {id: nguoi-dan, name: Người dân, kind: citizen}$/    - {id: nguoi-dan, name: "\\n=1+1", kind: citizen}/' \
    "$M" >"$T/formula.yaml"
run export --format csv -o "$T/formula/" "$T/formula.yaml"
expect_status "formula: exported" 0
check "formula: Archi's CSV keeps the name, quoted" grep -qzP '"\n=1\+1"' "$T/formula/elements.csv"
check "formula: no apostrophe in Archi's CSV" bash -c "! grep -qzP \"\\\"'\\n=1\\+1\\\"\" '$T/formula/elements.csv'"

# the overlong UTF-8 sequence names the byte in the file (0xc0), not 0xff
printf 'a: b\xc0\xafc\n' >"$T/overlong.yaml"
run validate "$T/overlong.yaml"
expect_grep "overlong UTF-8: the right byte" \
    "^$T/overlong.yaml:1:5: error: invalid length of a UTF-8 sequence \(byte 0xc0 at offset 4\) \[yaml.encoding\]"

# a write error to standard output is said once
if [ -w /dev/full ]; then
    egaf validate tests/fixtures/validate/several.yaml >/dev/full 2>"$ERR"
    STATUS=$?
    expect_status "stdout full: exit 2" 2
    check "stdout full: said once" bash -c "[ \"\$(grep -c 'cannot write to standard output' '$ERR')\" = 1 ]"
fi
