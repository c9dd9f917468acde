#!/usr/bin/env bash
# Static analysis: cppcheck and clang-tidy with the chosen checks; any
# warning fails. The checks left out, and why:
#  bugprone-sizeof-expression, -implicit-widening-of-multiplication-result:
#    flag `n * sizeof(*p)` for arrays of pointers, the idiom used everywhere;
#  bugprone-easily-swappable-parameters, -narrowing-conversions,
#    -assignment-in-if-condition, -reserved-identifier: style, not bugs;
#  clang-analyzer-core.NullDereference: its reports here all assume an
#    allocation failed and then ignore the out-of-memory flag checked later;
#  clang-analyzer-optin.*, -security.insecureAPI.*: padding and memcpy advice.
# A file clang-tidy cannot parse (a compiler error) fails too: its checks
# did not run on it.
# Usage: bash tools/lint.sh [FILE.c...]   (default: every library and cli file)
set -u
cd "$(dirname "$0")/.."
layers="base model refs validator report lsp diff render export import document site cli"
status=0
if [ $# -gt 0 ]; then files=("$@"); else
    files=()
    for d in $layers; do files+=("$d"/*.c); done
fi
echo "== cppcheck"
cppcheck --quiet --error-exitcode=1 --enable=warning,portability --std=c11 \
    --suppress=missingIncludeSystem -I. "${files[@]}" || status=1
echo "== clang-tidy"
checks='-*,bugprone-*,-bugprone-easily-swappable-parameters,-bugprone-reserved-identifier'
checks+=',-bugprone-narrowing-conversions,-bugprone-assignment-in-if-condition'
checks+=',-bugprone-sizeof-expression,-bugprone-implicit-widening-of-multiplication-result'
checks+=',clang-analyzer-*,-clang-analyzer-core.NullDereference,-clang-analyzer-optin.*'
checks+=',-clang-analyzer-security.insecureAPI.*'
# the definitions the Makefile passes (EGAF_VERSION; the install paths, so
# the code under #ifdef EGAF_DATADIR is analysed too)
cflags="-std=c11 -D_GNU_SOURCE -I. $(pkg-config --cflags yaml-0.1 libcgraph libgvc libpcre2-8 libutf8proc jansson libzip nettle libxml-2.0)"
cflags+=" -DEGAF_VERSION=\"lint\" -DEGAF_DATADIR=\"/usr/local/share/egaf\""
cflags+=" -DEGAF_LOCALEDIR=\"/usr/local/share/locale\""
out=$(mktemp)
one=$(mktemp)
err=$(mktemp)
unparsed=0
for f in "${files[@]}"; do
    # stderr holds the "N warnings generated." counts and, when the file
    # does not compile, the compiler's errors; the status says which
    if clang-tidy -quiet --checks="$checks" "$f" -- $cflags >"$one" 2>"$err"; then
        cat "$one" >>"$out"
    else
        echo "clang-tidy: cannot parse $f:"
        grep -hE 'error' "$one" "$err" | head -10
        unparsed=$((unparsed + 1))
    fi
done
rm -f "$one" "$err"
if [ "$unparsed" != 0 ]; then
    echo "clang-tidy: $unparsed files not analysed (compiler errors above)"
    status=1
fi
if grep -q 'warning:' "$out"; then
    grep -A3 'warning:' "$out"
    echo "clang-tidy: $(grep -c 'warning:' "$out") warnings"
    status=1
else
    echo "clang-tidy: no warnings"
fi
rm -f "$out"
exit $status
