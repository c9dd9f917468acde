#!/usr/bin/env bash
# bench/gen at a tiny scale: the same seed gives the same bytes, another seed
# other bytes; every model it writes validates with no finding at all (exit
# 0), the default 2026 map (17 ministries, 34 provinces) included; services
# past 4,000 go to included files; bench/floor parses the same folder, and
# bench/layers reads it in its five layers.
. "$(dirname "$0")/lib.sh"

build=$(dirname "$EGAF")
gen="$build/bench/gen"
floor="$build/bench/floor"
layers="$build/bench/layers"
# The benchmark tools link the library built with the default flags: under
# make asan or valgrind they come from build/, which make check builds first.
case "$build" in
*/asan | */vg | */fuzz) gen=build/bench/gen floor=build/bench/floor layers=build/bench/layers build=build ;;
esac
if make -s --no-print-directory BUILD="$build" "$gen" "$floor" "$layers" >"$T/make.log" 2>&1; then
    ok bench-gen-builds
else
    fail bench-gen-builds "make $gen $floor $layers failed"
    cat "$T/make.log"
    exit 1
fi

some=bo-tu-phap,bo-y-te,lang-son,ha-noi
"$gen" --refs reference-models --scale 0.05 --seed 7 --agencies "$some" -o "$T/a" >"$OUT" 2>"$ERR"
STATUS=$?
expect_status bench-gen-exit 0
expect_grep bench-gen-summary '^gen: 4 architectures \(2 ministries, 2 provinces\)'
"$gen" --refs reference-models --scale 0.05 --seed 7 --agencies "$some" -o "$T/b" >/dev/null 2>&1
if diff -r "$T/a" "$T/b" >/dev/null; then ok bench-gen-deterministic; else fail bench-gen-deterministic "two runs with seed 7 differ"; fi
for f in bo-tu-phap bo-y-te lang-son ha-noi; do
    if ! cmp -s "$T/a/$f.yaml" "$T/b/$f.yaml"; then fail "bench-gen-cmp-$f" "differs"; fi
done
"$gen" --refs reference-models --scale 0.05 --seed 8 --agencies "$some" -o "$T/c" >/dev/null 2>&1
if cmp -s "$T/a/lang-son.yaml" "$T/c/lang-son.yaml"; then
    fail bench-gen-seed-matters "seeds 7 and 8 give the same model"
else
    ok bench-gen-seed-matters
fi

run validate "$T/a"
expect_status bench-gen-validates 0
expect_grep bench-gen-no-findings '^4 files checked: 0 errors, 0 warnings, 0 notes$'

# the default map of 2026: every ministry and province, checked together
# (provinces' integrations name ministries' systems)
"$gen" --refs reference-models --scale 0.01 -o "$T/map" >"$OUT" 2>"$ERR"
STATUS=$?
expect_status bench-gen-map-exit 0
expect_grep bench-gen-map-2026 '^gen: 51 architectures \(17 ministries, 34 provinces\)'
expect_grep bench-gen-cross-refs '^      to: bo-[a-z-]+:ht-' "$T/map/lang-son.yaml"
run validate "$T/map"
expect_status bench-gen-map-validates 0
expect_grep bench-gen-map-no-findings '^51 files checked: 0 errors, 0 warnings, 0 notes$'

# a province past 4,000 services: the rest in included files
"$gen" --refs reference-models --scale 2.05 --agencies lang-son -o "$T/big" >/dev/null 2>"$ERR"
STATUS=$?
expect_status bench-gen-big-exit 0
expect_grep bench-gen-include '^  - lang-son/dich-vu-cong-01\.yaml$' "$T/big/lang-son.yaml"
check bench-gen-included-file test -f "$T/big/lang-son/dich-vu-cong-01.yaml"
run validate "$T/big"
expect_status bench-gen-big-validates 0
expect_grep bench-gen-big-no-findings '^1 file.* checked: 0 errors, 0 warnings, 0 notes$'

"$floor" "$T/big" >"$OUT" 2>"$ERR"
STATUS=$?
expect_status bench-floor-exit 0
expect_grep bench-floor-counts '^floor: 2 files, [0-9]+ bytes, [0-9]+ events, [0-9.]+ s, [0-9.]+ MB/s$'

# bench/layers: a line per layer, in order, libyaml's ratio 1.00; the
# included files are read too (a folder below the one named)
"$layers" --rounds 3 "$T/big" >"$OUT" 2>"$ERR"
STATUS=$?
expect_status bench-layers-exit 0
if [ "$(cut -f1 "$OUT" | tr '\n' ' ')" = "libyaml copy positions nfc tree " ]; then
    ok bench-layers-names
else
    fail bench-layers-names "got: $(cut -f1 "$OUT" | tr '\n' ' ')"
fi
expect_grep bench-layers-libyaml-one '^libyaml	[0-9]+\.[0-9]{3}	1\.00$'
expect_grep bench-layers-tree '^tree	[0-9]+\.[0-9]{3}	[0-9]+\.[0-9]{2}$'
"$layers" --rounds 0 "$T/big" >"$OUT" 2>"$ERR"
STATUS=$?
expect_status bench-layers-bad-rounds 2
expect_grep bench-layers-usage '^usage: layers' "$ERR"
"$layers" "$T/no-such-folder" >"$OUT" 2>"$ERR"
STATUS=$?
expect_status bench-layers-missing 1
expect_grep bench-layers-missing-message "cannot read '$T/no-such-folder'" "$ERR"
mkdir -p "$T/empty"
"$layers" "$T/empty" >"$OUT" 2>"$ERR"
STATUS=$?
expect_status bench-layers-empty 1
expect_grep bench-layers-empty-message 'no YAML file' "$ERR"

"$gen" --scale 1 >"$OUT" 2>"$ERR"
STATUS=$?
expect_status bench-gen-needs-output 2
"$gen" --refs reference-models --agencies no-such-agency -o "$T/x" >"$OUT" 2>"$ERR"
STATUS=$?
expect_status bench-gen-unknown-agency 2
expect_grep bench-gen-unknown-agency-message "'no-such-agency' is no agency valid in 2026" "$ERR"
"$gen" --scale 0 -o "$T/x" >"$OUT" 2>"$ERR"
STATUS=$?
expect_status bench-gen-bad-scale 2
