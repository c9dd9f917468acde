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
set -u
cd "$(dirname "$0")/.."
status=0
echo "== cppcheck"
cppcheck --quiet --error-exitcode=1 --enable=warning,portability --std=c11 \
    --suppress=missingIncludeSystem -I. base model refs validator report lsp diff render export document site cli || status=1
echo "== clang-tidy"
checks='-*,bugprone-*,-bugprone-easily-swappable-parameters,-bugprone-reserved-identifier'
checks+=',-bugprone-narrowing-conversions,-bugprone-assignment-in-if-condition'
checks+=',-bugprone-sizeof-expression,-bugprone-implicit-widening-of-multiplication-result'
checks+=',clang-analyzer-*,-clang-analyzer-core.NullDereference,-clang-analyzer-optin.*'
checks+=',-clang-analyzer-security.insecureAPI.*'
cflags="-std=c11 -D_GNU_SOURCE -I. $(pkg-config --cflags yaml-0.1 libcgraph libgvc libpcre2-8 jansson libzip)"
out=$(mktemp)
for f in base/*.c model/*.c refs/*.c validator/*.c report/*.c lsp/*.c diff/*.c render/*.c export/*.c document/*.c site/*.c cli/*.c; do
    clang-tidy -quiet --checks="$checks" "$f" -- $cflags 2>/dev/null
done >"$out"
if grep -q 'warning:' "$out"; then
    grep -A3 'warning:' "$out"
    echo "clang-tidy: $(grep -c 'warning:' "$out") warnings"
    status=1
else
    echo "clang-tidy: clean"
fi
rm -f "$out"
exit $status
