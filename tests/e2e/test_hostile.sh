#!/usr/bin/env bash
# Hostile inputs: each finishes quickly with a finding naming the file and the
# right exit status, and nothing of a file outside the model's folder leaks.
. "$(dirname "$0")/lib.sh"

# memory is bounded by the limits; under sanitizers and valgrind we cannot
# cap address space, elsewhere 1 GiB is plenty
if [ -z "$VG" ] && [[ "$EGAF" != */asan/* ]]; then ulimit -v 1048576; fi
# sanitizer builds unwind the stack on every allocation: give them more time
LIMIT=${HOSTILE_TIMEOUT:-20}
if [[ "$EGAF" == */asan/* || -n "$VG" ]]; then LIMIT=${HOSTILE_TIMEOUT:-120}; fi

header='framework: "2.0"
architecture: {id: h, agency: lang-son, level: province, name: H, year: 2020}'

# hostile NAME STATUS RULE FILE: runs validate on FILE with a time limit.
hostile() {
    local name=$1 want=$2 rule=$3 file=$4
    timeout "$LIMIT" "$EGAF" validate -q "$file" >"$OUT" 2>"$ERR"
    STATUS=$?
    if [ "$STATUS" = 124 ]; then fail "$name" "did not finish within ${LIMIT}s"; return; fi
    if [ "$STATUS" != "$want" ]; then fail "$name" "exit $STATUS, expected $want"; return; fi
    if [ -n "$rule" ] && ! grep -qE "^$(dirname "$file")/[^:]+:[0-9]+:[0-9]+: error: .*\[$rule\]" "$OUT"; then
        fail "$name" "no positioned $rule finding naming the file"
        return
    fi
    ok "$name"
}

d=$T/h
mkdir -p "$d"

# billion laughs
{
    echo 'a: &a [x, x, x, x, x, x, x, x, x]'
    prev=a
    for l in b c d e f g h i; do
        printf '%s: &%s [' "$l" "$l"
        for i in 1 2 3 4 5 6 7 8; do printf '*%s, ' "$prev"; done
        printf '*%s]\n' "$prev"
        prev=$l
    done
} >"$d/bomb.yaml"
hostile alias-bomb 1 yaml.alias "$d/bomb.yaml"

head -c 100000 /dev/zero | tr '\0' '[' >"$d/deep.yaml"
hostile deep-flow-nesting 1 yaml.limit "$d/deep.yaml"

{ printf 'name: "'; head -c 52428800 /dev/zero | tr '\0' 'a'; printf '"\n'; } >"$d/huge.yaml"
hostile huge-scalar 1 yaml.limit "$d/huge.yaml"
rm -f "$d/huge.yaml"

{ printf 'a: '; head -c 1048576 /dev/zero | tr '\0' 'b'; printf '\n'; } >"$d/longline.yaml"
hostile long-line 1 schema.unknown-key "$d/longline.yaml"

awk 'BEGIN { for (i = 0; i < 300000; i++) printf "k%d: %d\n", i, i }' >"$d/keys.yaml"
hostile many-keys 1 schema.unknown-key "$d/keys.yaml"

printf 'a: \xff\xfe\n' >"$d/badutf8.yaml"
hostile invalid-utf8 1 yaml.encoding "$d/badutf8.yaml"

printf 'a: b\0c\n' >"$d/nul.yaml"
hostile nul-byte 1 yaml.encoding "$d/nul.yaml"

printf '\xff\xfea\0:\0 \0b\0\n\0' >"$d/utf16.yaml"
hostile utf16 1 yaml.encoding "$d/utf16.yaml"

head -c 4096 /dev/urandom >"$d/junk.yaml" 2>/dev/null || head -c 4096 /bin/sh >"$d/junk.yaml"
timeout "$LIMIT" "$EGAF" validate -q "$d/junk.yaml" >"$OUT" 2>"$ERR"
STATUS=$?
if [ "$STATUS" = 1 ] && grep -q "junk.yaml:[0-9]*:[0-9]*: error" "$OUT"; then ok binary-junk; else fail binary-junk "expected exit 1 with a positioned error"; fi

: >"$d/empty.yaml"
hostile empty-file 1 yaml.no-document "$d/empty.yaml"

printf '%s\n---\n%s\n' "$header" "$header" >"$d/twodocs.yaml"
hostile several-documents 1 yaml.multiple-documents "$d/twodocs.yaml"

printf '%s\nbusiness: !!binary aGVsbG8=\ndata: !local {}\n' "$header" >"$d/tags.yaml"
hostile tags 1 yaml.tag "$d/tags.yaml"

# includes
mkdir -p "$d/inc/sub"
printf '%s\ninclude: [sub/a.yaml]\n' "$header" >"$d/inc/cycle.yaml"
printf 'include: [b.yaml]\n' >"$d/inc/sub/a.yaml"
printf 'include: [a.yaml]\n' >"$d/inc/sub/b.yaml"
hostile include-cycle 1 include.cycle "$d/inc/cycle.yaml"

printf '%s\ninclude: [../../etc/passwd]\n' "$header" >"$d/inc/dotdot.yaml"
hostile include-dotdot 1 include.escape "$d/inc/dotdot.yaml"
check include-dotdot-leaks-nothing bash -c "! grep -q 'root:x:0' '$OUT'"

printf '%s\ninclude: [/etc/passwd]\n' "$header" >"$d/inc/absolute.yaml"
hostile include-absolute 1 include.escape "$d/inc/absolute.yaml"

ln -sf /etc/passwd "$d/inc/link.yaml"
printf '%s\ninclude: [link.yaml]\n' "$header" >"$d/inc/symlink.yaml"
hostile include-symlink-out 1 include.escape "$d/inc/symlink.yaml"
check include-symlink-leaks-nothing bash -c "! grep -q 'root:x:0' '$OUT'"

printf '%s\ninclude: [sub]\n' "$header" >"$d/inc/folder.yaml"
hostile include-folder 1 include.not-file "$d/inc/folder.yaml"

mkfifo "$d/inc/fifo.yaml"
printf '%s\ninclude: [fifo.yaml]\n' "$header" >"$d/inc/fifo-inc.yaml"
hostile include-fifo 1 include.not-file "$d/inc/fifo-inc.yaml"

ln -sf /dev/zero "$d/inc/dev.yaml"
printf '%s\ninclude: [dev.yaml]\n' "$header" >"$d/inc/device.yaml"
hostile include-device 1 include.escape "$d/inc/device.yaml"

printf '%s\ninclude: [missing.yaml]\n' "$header" >"$d/inc/inc-missing.yaml"
hostile include-missing 1 include.missing "$d/inc/inc-missing.yaml"

# a FIFO given as the model itself is refused, not waited on
timeout "$LIMIT" "$EGAF" validate "$d/inc/fifo.yaml" >"$OUT" 2>"$ERR"
STATUS=$?
if [ "$STATUS" = 2 ] && grep -q "fifo.yaml" "$ERR"; then ok fifo-model; else fail fifo-model "expected exit 2 naming the file"; fi

# unreadable files: only meaningful when not root
printf '%s\n' "$header" >"$d/secret.yaml"
chmod 000 "$d/secret.yaml"
# root reads every file: drop to nobody for this one
as_user=""
if [ "$(id -u)" = 0 ]; then as_user="setpriv --reuid=65534 --regid=65534 --clear-groups"; fi
chmod 755 "$TMPROOT" "$T" "$d"
if [ -n "$as_user" ] && ! $as_user true 2>/dev/null; then
    echo "unreadable-file: skipped, cannot drop privileges here"
else
    timeout "$LIMIT" $as_user "$EGAF" validate "$d/secret.yaml" >"$OUT" 2>"$ERR"
    STATUS=$?
    if [ "$STATUS" = 2 ] && grep -q "permission denied" "$ERR"; then ok unreadable-file; else fail unreadable-file "expected exit 2"; fi
fi
chmod 644 "$d/secret.yaml"
