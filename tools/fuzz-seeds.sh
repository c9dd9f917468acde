#!/bin/sh
# Builds the seed corpora of the fuzz targets in DIR/<target>/ (default
# build/fuzz/corpus), one file per seed named by its SHA-1, so running it
# again adds nothing twice and keeps what the fuzzer found:
#   loader, validate  examples/**/*.yaml, tests/fixtures/**/*.yaml,
#                     tests/data/yaml-test-suite/*/in.yaml and */*/in.yaml,
#                     tests/fuzz-regressions/*
#   refs              reference-models/*.yaml, the same YAML files
#   lsp               framed LSP sessions on those files (fuzz/lsp-seeds.js)
#   report            NUL-separated findings (see fuzz/fuzz_report.c) made
#                     from those files' lines and from hand-written text
#                     every format must escape
# Usage: sh tools/fuzz-seeds.sh [DIR]
set -eu
cd "$(dirname "$0")/.."
out=${1:-build/fuzz/corpus}
suite=tests/data/yaml-test-suite
if [ ! -d "$suite" ]; then
    echo "fuzz seeds: no $suite: it is part of the repository (git checkout tests/data)" >&2
    exit 1
fi

mkdir -p "$out/loader" "$out/validate" "$out/refs" "$out/report" "$out/lsp"
tmp=$(mktemp -d "${TMPDIR:-/tmp}/egaf-seeds.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

# seed TARGET FILE: copies FILE into the target's corpus under its SHA-1
seed() {
    [ -f "$2" ] || return 0
    # libFuzzer's -max_len in fuzz-smoke is 65536; longer seeds are cut
    [ "$(wc -c <"$2")" -le 65536 ] || return 0
    sum=$(sha1sum "$2" | cut -c1-40)
    [ -e "$1/$sum" ] || cp "$2" "$1/$sum"
}

yaml_files() {
    find examples tests/fixtures -name '*.yaml' -type f 2>/dev/null | LC_ALL=C sort
    for f in "$suite"/*/in.yaml "$suite"/*/*/in.yaml; do
        [ -f "$f" ] && echo "$f"
    done
    find tests/fuzz-regressions -type f ! -name '.*' ! -name 'README*' 2>/dev/null | LC_ALL=C sort
}

yaml_files >"$tmp/list"
while IFS= read -r f; do
    seed "$out/loader" "$f"
    seed "$out/validate" "$f"
    seed "$out/refs" "$f"
done <"$tmp/list"
for f in reference-models/*.yaml; do
    seed "$out/refs" "$f"
    seed "$out/loader" "$f"
done

# Several models in one validate input (NUL-separated): an architecture and
# the files it would include, so references between them are checked.
for d in examples/*/; do
    for top in "$d"*.yaml; do
        [ -f "$top" ] || continue
        stem=${top%.yaml}
        [ -d "$stem" ] || continue
        set -- "$stem"/*.yaml
        { cat "$top"; printf '\0'; cat "$1"; printf '\0'; cat "${2:-$1}"; } >"$tmp/multi"
        seed "$out/validate" "$tmp/multi"
    done
done

# report: control part (rule, flags, line lo, line hi, column, span), then
# file, element, message, hint and waiver as the flags ask.
n=0
report() { # control-bytes (printf format) file element message hint waiver
    n=$((n + 1))
    { printf "$1"; printf '\0%s\0%s\0%s\0%s\0%s' "$2" "$3" "$4" "$5" "$6"; } >"$tmp/r$n"
    seed "$out/report" "$tmp/r$n"
}
report '\001\037\003\001\005\004' 'models/lang son.yaml' 'lang-son:qlvb' \
    'unknown key <nmae> & "quotes"' 'did you mean '\''name'\''?' 'đang thẩm định, 50%'
report '\002\077\001\001\001\011' 'a,b:c.yaml' 'x:y' \
    "$(printf 'line one\nline two\r\n<testcase name="x"/>')" '%0A::error::injected' ''
report '\003\127\002\001\002\003' '</testsuite>' ']]><![CDATA[' '{"a": [1, 2}' '\u0000 \" \\' \
    "$(printf 'tab\there')"
report '\004\003\011\001\001\001' "$(printf 'bad\377utf8\300\257.yaml')" "$(printf '\355\240\200')" \
    "$(printf 'ctl \001\002\033[31m red')" '' ''
report '\005\001' '' '' '' '' ''
while IFS= read -r f; do
    case $f in examples/* | tests/fixtures/*) ;; *) continue ;; esac
    line=$(sed -n '3p' "$f")
    report '\006\037\003\001\003\005' "$f" 'x:y' "$line" "$(sed -n '1p' "$f")" 'waived'
    n=$((n + 1))
    { printf '\007\021\002\001\001\004\0%s\0' "$f"; cat "$f"; } >"$tmp/r$n"
    seed "$out/report" "$tmp/r$n"
done <"$tmp/list"

# lsp: an editor's framed session on each example and fixture
if command -v node >/dev/null; then
    grep -E '^(examples|tests/fixtures)/' "$tmp/list" | tr '\n' '\0' |
        xargs -0 node fuzz/lsp-seeds.js "$out/lsp"
fi

for t in loader validate refs report lsp; do
    echo "fuzz seeds: $t: $(ls "$out/$t" | wc -l) files in $out/$t"
done
