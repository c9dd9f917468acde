#!/usr/bin/env bash
# bench/run.sh - the benchmark driver behind `make bench` (bench/README.md).
#
# For each scale (default 1, 4 and 16) it generates a synthetic national
# architecture with bench/gen, then measures wall time and peak memory
# (median of BENCH_RUNS runs, default 5), CPU time and minor page faults of:
#   floor        bench/floor: libyaml's event parser over the same files
#   validate     egaf validate on the whole folder, on every core and on one
#                (EGAF_JOBS=1)
#   export-*     egaf export --format json, csv, archimate --no-views (scales
#                up to 4): their peak memory
#   consolidate  egaf consolidate --no-diagrams, and with every diagram
#                (skipped with a note while `egaf consolidate --help` fails);
#                at the first scale (1) also a second run with --cache after
#                one model changed
#   ajv          the yaml package + ajv against `egaf schema`, one node process
#   layers       bench/layers: the floor in layers (libyaml, copy, positions,
#                NFC, egaf's tree), one process, one thread, BENCH_RUNS rounds
# It prints a table, checks the targets of the performance issue, profiles
# egaf validate on scale 1 with callgrind, and writes docs/performance.md.
#
# Environment: BUILD (build), BENCH_SCALES ("1 4 16"), BENCH_RUNS (5),
# BENCH_SLOW_RUNS (runs of ajv and consolidate above scale 1; default 1:
# they take minutes there and grow linearly), BENCH_SEED (1), BENCH_DIR (where the models go,
# default $BUILD/bench/data), BENCH_KEEP=1 keeps the models, BENCH_PROFILE=0
# skips callgrind, BENCH_DOC (docs/performance.md).
set -u
cd "$(dirname "$0")/.."
BUILD=${BUILD:-build}
SCALES=${BENCH_SCALES:-"1 4 16"}
FIRST_SCALE=$(echo "$SCALES" | awk '{ print $1 }')
RUNS=${BENCH_RUNS:-5}
SLOW_RUNS=${BENCH_SLOW_RUNS:-1}
SEED=${BENCH_SEED:-1}
WORK=${BENCH_DIR:-$BUILD/bench/data}
DOC=${BENCH_DOC:-docs/performance.md}
PROFILE=${BENCH_PROFILE:-1}
YEAR=2026
EGAF="$BUILD/egaf"
GEN="$BUILD/bench/gen"
FLOOR="$BUILD/bench/floor"
REFS="$PWD/reference-models"
export LC_ALL=C.UTF-8 NO_COLOR=1

die() { echo "bench: $*" >&2; exit 1; }
note() { echo "bench: $*"; NOTES+=("$*"); }
NOTES=()

LAYERS="$BUILD/bench/layers"
for b in "$EGAF" "$EGAF-draw" "$GEN" "$FLOOR" "$LAYERS"; do
    [ -x "$b" ] || die "$b is missing: run 'make bench'"
done
mkdir -p "$WORK/bin" || die "cannot create $WORK"
# private copies: a rebuild in the same tree during the run cannot touch
# them; egaf-draw beside egaf, where egaf looks for it to draw
cp "$EGAF" "$EGAF-draw" "$GEN" "$FLOOR" "$LAYERS" "$WORK/bin/" || die "cannot copy the binaries to $WORK/bin"
EGAF="$WORK/bin/egaf" GEN="$WORK/bin/gen" FLOOR="$WORK/bin/floor" LAYERS="$WORK/bin/layers"

# ---------------------------------------------------------------- timing tool
# GNU time (Debian package `time`) gives the peak RSS; installed here when
# missing and possible, else bench/rusage.c (getrusage) is built and used.
TIMER=""
if [ ! -x /usr/bin/time ] && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "bench: /usr/bin/time is missing; installing the Debian package 'time'"
    if DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends time \
        >/dev/null 2>&1 || { apt-get update -qq >/dev/null 2>&1 &&
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends time \
            >/dev/null 2>&1; }; then
        note "installed the Debian package 'time' for /usr/bin/time"
    fi
fi
if [ -x /usr/bin/time ] && /usr/bin/time -f '%e %M' true >/dev/null 2>&1; then
    TIMER=gnu
    TIMER_TEXT="GNU time (/usr/bin/time): peak RSS; wall time from the clock around the command"
else
    cc -std=c11 -D_GNU_SOURCE -O2 -o "$BUILD/bench/rusage" bench/rusage.c || die "cannot build bench/rusage.c"
    TIMER=rusage
    TIMER_TEXT="bench/rusage (fork, exec, wait4): wall time and peak RSS from getrusage"
    note "/usr/bin/time unavailable: timed with bench/rusage.c (getrusage)"
fi

# measure LOG CMD...: runs CMD once; appends "SECONDS RSS_KB STATUS CPU_SECONDS
# MINOR_FAULTS" to LOG (CPU = user + system time of the command and its
# children; minor faults: pages the kernel had to map, fresh memory's cost).
# The command's stdout goes to LOG.out, stderr to LOG.err.
measure() {
    local log=$1
    shift
    local t0 t1 rss status
    if [ "$TIMER" = gnu ]; then
        t0=$(date +%s%N)
        /usr/bin/time -o "$log.time" -f '%M %U %S %R' "$@" >"$log.out" 2>"$log.err"
        status=$?
        t1=$(date +%s%N)
        read -r rss user sys faults < <(tail -1 "$log.time")
        echo "$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f", (b - a) / 1e9 }') $rss $status $(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.2f", u + s }') $faults" >>"$log"
    else
        "$BUILD/bench/rusage" "$@" >"$log.out" 2>"$log.err"
        status=$?
        read -r wall rss cpu faults < <(tail -1 "$log.err")
        echo "$wall $rss $status $cpu $faults" >>"$log"
    fi
    return "$status"
}

# median of column COL of LOG
median() {
    awk -v c="$2" '{ print $c }' "$1" | sort -g |
        awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else printf "%.3f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

# --------------------------------------------------------------- alternatives
AJV=1
if ! command -v node >/dev/null; then
    AJV=0
    note "node is missing: ajv not measured"
elif [ ! -d bench/node_modules/ajv ] || [ ! -d bench/node_modules/yaml ] || [ ! -d bench/node_modules/ajv-formats ]; then
    echo "bench: installing ajv, ajv-formats and yaml (npm ci in bench/)"
    (cd bench && npm ci --silent --no-audit --no-fund) >"$WORK/npm.log" 2>&1 || {
        AJV=0
        note "npm ci in bench/ failed (see $WORK/npm.log): ajv not measured"
    }
fi
"$EGAF" schema --refs "$REFS" >"$WORK/schema.json" || die "egaf schema failed"

CONSOLIDATE=0
NO_DIAGRAMS=""
if "$EGAF" consolidate --help >"$WORK/consolidate-help.txt" 2>&1; then
    CONSOLIDATE=1
    if grep -q -- '--no-diagrams' "$WORK/consolidate-help.txt"; then
        NO_DIAGRAMS=--no-diagrams
    else
        note "egaf consolidate has no --no-diagrams: only the run with diagrams is measured"
    fi
else
    note "'egaf consolidate --help' fails: consolidate is not measured (not built yet)"
fi

# ------------------------------------------------------------------- machine
cpu=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)
cores=$(nproc)
mem=$(awk '/^MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo)
os=$( (. /etc/os-release 2>/dev/null && echo "$PRETTY_NAME") || uname -s)
kernel=$(uname -r)
compiler=$(${CC:-cc} --version 2>/dev/null | head -1)
libyaml=$(pkg-config --modversion yaml-0.1 2>/dev/null)
nodev=$(node --version 2>/dev/null || echo none)
ajvv=$(sed -n 's/^  "version": "\(.*\)",/\1/p' bench/node_modules/ajv/package.json 2>/dev/null | head -1)
yamlv=$(sed -n 's/^  "version": "\(.*\)",/\1/p' bench/node_modules/yaml/package.json 2>/dev/null | head -1)
egafv=$("$EGAF" --version 2>/dev/null | head -1)
commit=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)
git diff --quiet HEAD -- model validator cli render 2>/dev/null || commit="$commit + uncommitted changes"
load=$(cut -d' ' -f1-3 /proc/loadavg)
echo "bench: $cpu, $cores cores, $mem, $os; load average $load"

# ------------------------------------------------------------------ the runs
ROWS="$WORK/rows.tsv" # scale tool mb files wall_median wall_min rss_kb runs cpu_median faults_median
: >"$ROWS"
GENLINES=()
failed=0

# bench_tool SCALE TOOL RUNS DIR MB FILES CMD...
# BEFORE_EACH, when set, is a command run before each timed run, untimed
# (consolidate-one-changed: the cache as the first run left it).
bench_tool() {
    local scale=$1 tool=$2 runs=$3 dir=$4 mb=$5 files=$6
    shift 6
    local log="$WORK/s$scale-$tool.log"
    : >"$log"
    printf 'bench: scale %-3s %-22s' "$scale" "$tool"
    for ((i = 1; i <= runs; i++)); do
        if [ -n "${BEFORE_EACH:-}" ] && ! eval "$BEFORE_EACH"; then
            echo " FAILED (before the run: $BEFORE_EACH)"
            failed=1
            return 1
        fi
        if ! measure "$log" "$@"; then
            local st
            st=$(tail -1 "$log" | awk '{ print $3 }')
            echo " FAILED (exit $st)"
            sed 's/^/    /' "$log.err" | tail -15
            sed 's/^/    /' "$log.out" | tail -5
            failed=1
            return 1
        fi
        printf ' %s' "$(tail -1 "$log" | awk '{ print $1 }')"
    done
    local wall wmin rss cpu faults
    wall=$(median "$log" 1)
    cpu=$(median "$log" 4)
    faults=$(median "$log" 5)
    wmin=$(awk '{ print $1 }' "$log" | sort -g | head -1)
    rss=$(median "$log" 2)
    printf '  median %s s (CPU %s s), %s MB\n' "$wall" "$cpu" "$(awk -v r="$rss" 'BEGIN { printf "%.0f", r / 1024 }')"
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$scale" "$tool" "$mb" "$files" "$wall" "$wmin" "$rss" "$runs" "$cpu" "$faults" >>"$ROWS"
}

for s in $SCALES; do
    dir="$WORK/s$s"
    rm -rf "$dir"
    genline=$("$GEN" --refs "$REFS" --scale "$s" --seed "$SEED" --year "$YEAR" -o "$dir") ||
        die "bench/gen failed at scale $s"
    echo "bench: $genline"
    GENLINES+=("scale $s: ${genline#gen: }")
    bytes=$(find "$dir" -name '*.yaml' -type f -printf '%s\n' | awk '{ s += $1 } END { print s }')
    files=$(find "$dir" -name '*.yaml' -type f | wc -l)
    mb=$(awk -v b="$bytes" 'BEGIN { printf "%.1f", b / 1e6 }')
    cat $(find "$dir" -name '*.yaml' -type f) >/dev/null # warm the page cache
    bench_tool "$s" floor "$RUNS" "$dir" "$mb" "$files" "$FLOOR" "$dir"
    bench_tool "$s" validate "$RUNS" "$dir" "$mb" "$files" "$EGAF" validate -q --refs "$REFS" "$dir"
    bench_tool "$s" validate-1-thread "$RUNS" "$dir" "$mb" "$files" \
        env EGAF_JOBS=1 "$EGAF" validate -q --refs "$REFS" "$dir"
    # the floor in layers: what any validator with egaf's duties must add
    echo "bench: scale $s: bench/layers, $RUNS rounds"
    "$LAYERS" --rounds "$RUNS" "$dir" >"$WORK/layers-s$s.tsv" 2>"$WORK/layers-s$s.err" || {
        note "bench/layers failed at scale $s (see $WORK/layers-s$s.err)"
        : >"$WORK/layers-s$s.tsv"
    }
    # exports: their peak memory against the input's size (one run each above
    # scale 1; scale 16 would need tens of GB today, so up to scale 4)
    if awk -v s="$s" 'BEGIN { exit !(s <= 4) }'; then
        r=$RUNS
        [ "$s" != 1 ] && r=$SLOW_RUNS
        bench_tool "$s" export-json "$r" "$dir" "$mb" "$files" \
            "$EGAF" export --refs "$REFS" --format json -o "$WORK/export-$s.json" "$dir"
        bench_tool "$s" export-csv "$r" "$dir" "$mb" "$files" \
            "$EGAF" export --refs "$REFS" --format csv -o "$WORK/export-$s-csv/" "$dir"
        bench_tool "$s" export-archimate "$r" "$dir" "$mb" "$files" \
            "$EGAF" export --refs "$REFS" --format archimate --no-views -o "$WORK/export-$s.xml" "$dir"
        rm -rf "$WORK/export-$s.json" "$WORK/export-$s-csv" "$WORK/export-$s.xml"
    fi
    if [ "$CONSOLIDATE" = 1 ]; then
        r=$RUNS
        [ "$s" != 1 ] && r=$SLOW_RUNS
        if [ -n "$NO_DIAGRAMS" ]; then
            bench_tool "$s" consolidate-no-diagrams "$r" "$dir" "$mb" "$files" \
                "$EGAF" consolidate --refs "$REFS" --year "$YEAR" $NO_DIAGRAMS -o "$WORK/site-$s" "$dir"
        fi
        bench_tool "$s" consolidate "$r" "$dir" "$mb" "$files" \
            "$EGAF" consolidate --refs "$REFS" --year "$YEAR" -o "$WORK/site-$s" "$dir"
        rm -rf "$WORK/site-$s"
        # the next year's run: one model changed (its first name, in the
        # smallest file), every diagram of the others copied from the cache
        # the first run filled, which each run starts from afresh (a run
        # adds the changed model's diagrams); at the first scale only
        if [ "$s" = "$FIRST_SCALE" ] && "$EGAF" consolidate --help 2>/dev/null | grep -q -- '--cache'; then
            changed="$WORK/s$s-changed"
            rm -rf "$changed" "$WORK/cache-$s" "$WORK/cache-$s-run"
            cp -r "$dir" "$changed"
            small=$(ls -Sr "$changed"/*.yaml | head -1)
            sed -i '0,/^\( *\)name: /s//\1name: Đổi tên /' "$small"
            if "$EGAF" consolidate --refs "$REFS" --year "$YEAR" --cache "$WORK/cache-$s" \
                -o "$WORK/site-$s" "$dir" >/dev/null 2>&1; then
                rm -rf "$WORK/site-$s"
                BEFORE_EACH="rm -rf '$WORK/cache-$s-run' && cp -r '$WORK/cache-$s' '$WORK/cache-$s-run'" \
                    bench_tool "$s" consolidate-one-changed "$RUNS" "$changed" "$mb" "$files" \
                    "$EGAF" consolidate --refs "$REFS" --year "$YEAR" --cache "$WORK/cache-$s-run" \
                    -o "$WORK/site-$s" "$changed"
                grep -h -i 'drawn\|vẽ' "$WORK/s$s-consolidate-one-changed.log.err" | tail -1 |
                    sed 's/^/bench:   /'
            else
                note "consolidate --cache failed at scale $s: the second run is not measured"
            fi
            rm -rf "$WORK/site-$s" "$changed" "$WORK/cache-$s" "$WORK/cache-$s-run"
        fi
    fi
    if [ "$AJV" = 1 ]; then
        r=$RUNS
        [ "$s" != 1 ] && r=$SLOW_RUNS
        bench_tool "$s" ajv "$r" "$dir" "$mb" "$files" node bench/ajv-validate.js "$WORK/schema.json" "$dir"
    fi
done

# The largest diagram of scale 1: every view of the largest province and
# ministry, rendered alone (egaf render), as the bound on one layout.
DIAG="$WORK/diagrams.tsv"
: >"$DIAG"
if [ -d "$WORK/s1" ]; then
    for f in $(ls -S "$WORK"/s1/*.yaml | head -1) $(ls -S "$WORK"/s1/bo-*.yaml 2>/dev/null | head -1); do
        for view in overview integration data technology security; do
            log="$WORK/render-$view.log"
            : >"$log"
            if measure "$log" "$EGAF" render --refs "$REFS" --view "$view" --format svg \
                -o "$WORK/render.svg" "$f"; then
                printf '%s\t%s\t%s\n' "$(basename "$f" .yaml)" "$view" "$(awk '{ print $1 }' "$log")" >>"$DIAG"
            else
                note "egaf render --view $view $(basename "$f") failed"
            fi
        done
    done
    rm -f "$WORK/render.svg"
fi

# ------------------------------------------------------------------- profile
PROF="$WORK/callgrind.txt"
: >"$PROF"
if [ "$PROFILE" = 1 ] && [ -d "$WORK/s1" ] && command -v valgrind >/dev/null; then
    echo "bench: profiling egaf validate on scale 1 with callgrind (a few minutes)"
    valgrind --tool=callgrind --callgrind-out-file="$WORK/callgrind.out" \
        "$EGAF" validate -q --refs "$REFS" "$WORK/s1" >/dev/null 2>"$WORK/callgrind.log" ||
        note "callgrind run failed (see $WORK/callgrind.log)"
    valgrind --tool=callgrind --callgrind-out-file="$WORK/callgrind-floor.out" \
        "$FLOOR" "$WORK/s1" >/dev/null 2>>"$WORK/callgrind.log" ||
        note "callgrind run of the floor failed (see $WORK/callgrind.log)"
    callgrind_annotate --inclusive=no "$WORK/callgrind-floor.out" 2>/dev/null >"$WORK/callgrind-floor.txt"
    callgrind_annotate --inclusive=no "$WORK/callgrind.out" 2>/dev/null >"$PROF"
    callgrind_annotate --inclusive=yes "$WORK/callgrind.out" 2>/dev/null >"$WORK/callgrind-incl.txt"
elif [ "$PROFILE" = 1 ]; then
    note "valgrind missing: no profile"
fi

# ------------------------------------------------------------------- report
# layer NAME SCALE COLUMN: a figure of bench/layers (2 seconds, 3 ratio)
layer() { awk -F'\t' -v n="$1" -v c="$3" '$1 == n { print $c }' "$WORK/layers-s$2.tsv" 2>/dev/null; }
layers_section() {
    local with=() s last=""
    for s in $SCALES; do
        if [ -s "$WORK/layers-s$s.tsv" ]; then with+=("$s"); last=$s; fi
    done
    [ -n "$last" ] || return 0
    echo "## validate's floor, layer by layer"
    echo
    echo "bench/layers reads the same folders in one process on one thread, adding one duty"
    echo "at a time, each with the parser's own code (model/yaml_tree.c); CPU seconds,"
    echo "median of $RUNS rounds, the layers taking turns file by file; ÷ libyaml is the ratio to the first"
    echo "layer, which is bench/floor's work without starting a process. The last row is"
    echo "\`EGAF_JOBS=1 egaf validate\` from the table above (its own process: the reference"
    echo "models, the elements, the checks and the report on top of the tree)."
    echo
    local head="| layer | what it adds |" rule="|---|---|"
    for s in "${with[@]}"; do head+=" scale $s CPU s | ÷ libyaml |"; rule+="---:|---:|"; done
    echo "$head"
    echo "$rule"
    local name what line
    for name in libyaml copy positions nfc tree; do
        case $name in
        libyaml) what="the events parsed and freed" ;;
        copy) what="each scalar's text copied out of its event" ;;
        positions) what="each node's line and column, counted in characters" ;;
        nfc) what="each scalar in Unicode NFC" ;;
        tree) what="egaf's tree: maps, lists, duplicate keys, anchors, limits" ;;
        esac
        line="| $name | $what |"
        for s in "${with[@]}"; do line+=" $(layer "$name" "$s" 2) | $(layer "$name" "$s" 3) |"; done
        echo "$line"
    done
    line="| egaf validate | elements, checks, report, reference models |"
    for s in "${with[@]}"; do
        line+=" $(row "$s" validate-1-thread 9) | $(div "$(row "$s" validate-1-thread 9)" "$(row "$s" floor 9)" %.2f) |"
    done
    echo "$line"
    echo
    local nfc tree all
    nfc=$(layer nfc "$last" 3) tree=$(layer tree "$last" 3)
    all=$(div "$(row "$last" validate-1-thread 9)" "$(row "$last" floor 9)" %.2f)
    echo "At scale $last, reading with a position for every node and NFC for every"
    echo "scalar, which every finding's file:line:col and every Vietnamese name need,"
    echo "costs ${nfc} × libyaml before one element is built or one rule checked; egaf's"
    echo "tree ${tree} ×; the whole validate ${all:-?} ×. The target (≤ 1.3 ×) leaves 0.3 ×"
    echo "above libyaml for all of it."
    echo
}
row() { awk -F'\t' -v s="$1" -v t="$2" -v c="$3" '$1 == s && $2 == t { print $c }' "$ROWS"; }
fmt_table() {
    echo "| scale | tool | input MB | files | wall s (median) | wall s (min) | CPU s (median) | CPU ÷ floor | wall ÷ floor | minor faults | MB/s (wall) | peak RSS MB | RSS / input | runs |"
    echo "|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
    awk -F'\t' 'NR == FNR { if ($2 == "floor") { fc[$1] = $9; fw[$1] = $5 } next }
        { mbs = ($5 > 0) ? $3 / $5 : 0; rss = $7 / 1024; ratio = ($3 > 0) ? rss * 1.048576 / $3 : 0;
        cr = (fc[$1] > 0) ? sprintf("%.2f", $9 / fc[$1]) : "-"; wr = (fw[$1] > 0) ? sprintf("%.2f", $5 / fw[$1]) : "-";
        printf "| %s | %s | %s | %s | %.3f | %.3f | %.2f | %s | %s | %s | %.1f | %.0f | %.2f | %s |\n",
            $1, $2, $3, $4, $5, $6, $9, cr, wr, $10, mbs, rss, ratio, $8 }' "$ROWS" "$ROWS"
}

# target NAME WALL CPU OP LIMIT TEXT: a row of the targets table; the
# verdict is on the wall-time figure where the target is one of wall time
# (the CPU-time figure beside it moves less when the machine is shared), on
# the CPU figure where WALL is empty (a target of CPU time).
TARGETS=()
verdict() {
    # v + 0: a figure with words after it ("6.34 (p95)") compares as a
    # number, not as text ("6.34 …" > "50" as text)
    awk -v v="$1" -v l="$3" -v o="$2" 'BEGIN {
        v += 0; l += 0
        ok = (o == "<=") ? v <= l : ((o == "<") ? v < l : v >= l)
        if (ok) print "holds"
        else if (o == ">=") printf "misses: %.2f× short\n", l / v
        else printf "misses: %.2f× over\n", v / l }'
}
target() {
    local name=$1 value=$2 cpu=$3 op=$4 limit=$5 what=$6
    if [ -z "$value" ] && [ -z "$cpu" ]; then
        TARGETS+=("| $name | not measured | | $what | - |")
        return
    fi
    if [ -z "$value" ]; then # a target on CPU time: the verdict is the CPU figure's
        TARGETS+=("| $name | - | $cpu | $what | $(verdict "$cpu" "$op" "$limit") |")
        return
    fi
    local cv="-"
    [ -n "$cpu" ] && cv="$cpu ($(verdict "$cpu" "$op" "$limit"))"
    TARGETS+=("| $name | $value | $cv | $what | $(verdict "$value" "$op" "$limit") |")
}

# The performance issue's targets (issue 23), each a ratio of two rows of
# this run, so that both were measured on the same machine at the same time.
top=$(echo "$SCALES" | awk '{ print $NF }')
v1=$(row 1 validate 5); vc1=$(row 1 validate 9)
v_top=$(row "$top" validate 5); vc_top=$(row "$top" validate 9); mb_top=$(row "$top" validate 3)
div() { awk -v a="$1" -v b="$2" -v f="$3" 'BEGIN { if (b > 0) printf f, a / b }'; }
rss_ratio() { awk -v r="$(row "$1" "$2" 7)" -v m="$(row "$1" "$2" 3)" 'BEGIN { if (r > 0 && m > 0) printf "%.2f", r * 1024 / (m * 1e6) }'; }
for s in $SCALES; do
    [ "$s" = 1 ] && continue # the issue sets these at scales 4 and 16
    f=$(row "$s" floor 5); fc=$(row "$s" floor 9)
    [ -n "$f" ] || continue
    target "validate CPU, one thread ÷ floor CPU, scale $s" "" \
        "$(div "$(row "$s" validate-1-thread 9)" "$fc" %.2f)" "<=" 1.3 "≤ 1.3 (CPU)"
    target "validate wall, every core ÷ floor wall, scale $s" "$(div "$(row "$s" validate 5)" "$f" %.2f)" "" \
        "<=" 0.75 "≤ 0.75"
    target "validate peak RSS ÷ input size, scale $s" "$(rss_ratio "$s" validate)" "" "<=" 2 "≤ 2"
done
if [ -n "$v1" ] && [ -n "$v_top" ] && [ "$top" != 1 ]; then
    target "validate time, scale $top ÷ scale 1" "$(div "$v_top" "$v1" %.1f)" "$(div "$vc_top" "$vc1" %.1f)" \
        "<=" 20 "≤ 20 (input $(div "$mb_top" "$(row 1 validate 3)" %.1f)× larger)"
fi
for s in $SCALES; do
    a=$(row "$s" ajv 5); v=$(row "$s" validate 5)
    if [ -n "$a" ] && [ -n "$v" ]; then
        target "ajv time ÷ validate time, scale $s" "$(div "$a" "$v" %.1f)" \
            "$(div "$(row "$s" ajv 9)" "$(row "$s" validate 9)" %.1f)" ">=" 10 "≥ 10"
    fi
done
if [ -n "$(row 1 consolidate 9)" ]; then
    target "consolidate with every diagram ÷ floor, scale 1 (CPU)" "" \
        "$(div "$(row 1 consolidate 9)" "$(row 1 floor 9)" %.1f)" "<=" 25 "≤ 25 (CPU)"
fi
fs=$FIRST_SCALE
if [ -n "$(row "$fs" consolidate-one-changed 9)" ]; then
    target "consolidate after one model changed (--cache) ÷ consolidate --no-diagrams, scale $fs" \
        "$(div "$(row "$fs" consolidate-one-changed 5)" "$(row "$fs" consolidate-no-diagrams 5)" %.2f)" \
        "$(div "$(row "$fs" consolidate-one-changed 9)" "$(row "$fs" consolidate-no-diagrams 9)" %.2f)" "<=" 2 "≤ 2"
fi
for s in $SCALES; do
    for fmt in json csv archimate; do
        [ -n "$(row "$s" "export-$fmt" 7)" ] &&
            target "export $fmt peak RSS ÷ input size, scale $s" "$(rss_ratio "$s" "export-$fmt")" "" "<=" 4 "≤ 4"
    done
done
worst=$(sort -t$'\t' -k3 -g "$DIAG" | tail -1)
if [ -n "$worst" ]; then
    target "slowest single diagram, scale 1 (s; $(echo "$worst" | cut -f1,2 | tr '\t' ' '))" \
        "$(echo "$worst" | cut -f3)" "" "<" 5 "< 5 s"
fi
# ------------------------------------------------------------------- egaf lsp
# One province of about 5,000 lines (bench/gen at scale 0.25), changed
# BENCH_LSP_EDITS times in one server process (bench/lsp, no stream): the
# CPU time of each change (message parsed, model loaded and validated,
# diagnostics written) and the resident memory over the soak.
LSP_EDITS=${BENCH_LSP_EDITS:-10000}
LSPLINE=""
if [ -x "$BUILD/bench/lsp" ]; then
    rm -rf "$WORK/lsp"
    if "$GEN" --refs "$REFS" --scale 0.25 --seed "$SEED" --year "$YEAR" --agencies lang-son \
        -o "$WORK/lsp" >/dev/null; then
        echo "bench: egaf lsp, $LSP_EDITS changes of one province"
        LSPLINE=$("$BUILD/bench/lsp" --refs "$REFS" --edits "$LSP_EDITS" "$WORK/lsp/lang-son.yaml") ||
            note "bench/lsp failed"
    else
        note "bench/gen failed for the lsp model"
    fi
fi
lspv() { echo "$LSPLINE" | tr ' ' '\n' | sed -n "s/^$1=//p"; }
if [ -n "$LSPLINE" ]; then
    target "lsp: CPU ms per change, $(lspv lines)-line province" "$(lspv mean_ms)" "$(lspv p95_ms) (p95)" \
        "<=" 50 "≤ 50 ms"
    target "lsp: RSS after $LSP_EDITS changes ÷ after $((LSP_EDITS / 10))" \
        "$(awk -v a="$(lspv "rss_kb_after_$LSP_EDITS")" -v b="$(lspv "rss_kb_after_$((LSP_EDITS / 10))")" \
            'BEGIN { if (b > 0) printf "%.2f", a / b }')" "" "<=" 1.1 "≤ 1.1 (no growth)"
fi

# ------------------------------------------------------------ one file (CI)
ONEFILE="$WORK/onefile.md"
BUILD=$BUILD bash bench/onefile.sh --section "$ONEFILE" || { note "bench/onefile.sh failed"; : >"$ONEFILE"; }

TARGET_HEAD=("| target | measured (wall) | measured (CPU) | limit | verdict |" "|---|---:|---:|---|---|")

echo
echo "bench: results"
fmt_table
echo
printf '%s\n' "${TARGET_HEAD[@]}" "${TARGETS[@]}"

# profile: the function lines of callgrind_annotate's output, as
# "COST<TAB>PERCENT<TAB>FUNCTION<TAB>GROUP"; GROUP is the source file for
# egaf's own code, else the library.
prof_lines() {
    awk '/file:function/ { hdr = 1; next }
        hdr && /^-+$/ { on = 1; next }
        on && /^ *$/ { exit }
        on {
            line = $0; sub(/^ +/, "", line)
            cost = line; sub(/ .*/, "", cost); gsub(",", "", cost)
            pct = line; sub(/^[0-9,]+ +\( */, "", pct); sub(/\).*/, "", pct)
            loc = line; sub(/^[0-9,]+ +\([ 0-9.%]+\) +/, "", loc)
            obj = ""; if (match(loc, / \[[^]]*\]$/)) { obj = substr(loc, RSTART + 2, RLENGTH - 3); loc = substr(loc, 1, RSTART - 1) }
            n = split(obj, parts, "/"); lib = parts[n]
            file = loc; sub(/:[^:]*$/, "", file); fn = loc; sub(/^.*:/, "", fn)
            group = (lib == "egaf" && file != "???") ? file : (lib == "" ? "(unknown)" : lib)
            printf "%s\t%s\t%s\t%s\n", cost, pct, (file == "???" ? lib ":" fn : loc), group
        }' "$1"
}
prof_top() {
    prof_lines "$1" | head -"$2" | awk -F'\t' '{ printf "| %s | %s | `%s` |\n", $2, $1, $3 }'
}
by_file() {
    prof_lines "$1" | awk -F'\t' '{ cost[$4] += $1; total += $1 }
        END { for (g in cost) printf "%.1f\t%s\n", 100 * cost[g] / total, g }' | sort -rg |
        head -"$2" | awk -F'\t' '{ printf "| %s %% | %s |\n", $1, $2 }'
}

{
    echo "# egaf performance"
    echo
    echo "Written by \`make bench\` (bench/run.sh) on $(date -u +%Y-%m-%d); do not edit by hand:"
    echo "run it again. What the benchmark is and how to read it: bench/README.md."
    echo
    echo "## Machine"
    echo
    echo "| | |"
    echo "|---|---|"
    echo "| CPU | $cpu |"
    echo "| cores | $cores (load average when the run started: $load) |"
    echo "| memory | $mem |"
    echo "| OS | $os, Linux $kernel |"
    echo "| compiler | $compiler, flags \`-O2 -g\` (the Makefile's default) |"
    echo "| libyaml | $libyaml |"
    echo "| node, ajv, yaml | $nodev, ajv $ajvv, yaml $yamlv |"
    echo "| egaf | $egafv, commit $commit |"
    echo "| timing | $TIMER_TEXT; median of $RUNS runs (ajv and consolidate above scale 1: $SLOW_RUNS), page cache warm |"
    echo
    echo "## Reproduce"
    echo
    echo '```sh'
    echo "make bench                                  # everything below, ~30 minutes on 2 cores"
    echo "BENCH_SCALES=1 BENCH_RUNS=3 make bench      # a quick run"
    echo "make bench-bins                             # only the programs in build/bench"
    echo "build/bench/gen --scale 1 --seed $SEED -o /tmp/nation    # the models"
    echo "build/bench/floor /tmp/nation                            # the floor"
    echo "build/bench/layers /tmp/nation                           # the floor in layers"
    echo "build/egaf validate -q /tmp/nation"
    echo "build/egaf schema > /tmp/schema.json && node bench/ajv-validate.js /tmp/schema.json /tmp/nation"
    echo "valgrind --tool=callgrind build/egaf validate -q /tmp/nation"
    echo '```'
    echo
    echo "## Inputs"
    echo
    echo "Synthetic national architectures from bench/gen (seed $SEED, year $YEAR): every ministry and"
    echo "province valid in $YEAR, each model valid with no finding, so validation does all its"
    echo "work. Scale 1 is the realistic nation (a province: about 2,000 public services, 100"
    echo "applications, 80 databases; a ministry: 60 % of that)."
    echo
    for g in "${GENLINES[@]}"; do echo "- $g"; done
    echo
    echo "## Results"
    echo
    echo "floor = libyaml's event parser only (bench/floor); validate = \`egaf validate\` on the whole"
    echo "folder; consolidate = \`egaf consolidate\`; ajv = the \`yaml\` package parsing each file and"
    echo "ajv validating it against \`egaf schema\`, timed together in one node process (what a ministry"
    echo "would otherwise run; it checks structure only). MB = 10^6 bytes; RSS / input = peak RSS"
    echo "over the input's size. egaf reads the model files on every core (\`EGAF_JOBS\`, default the"
    echo "number of processors): its CPU time is the sum over its threads, so a ratio of CPU times"
    echo "is what one core does, and the wall time is what a user waits for. validate-1-thread ="
    echo "\`EGAF_JOBS=1 egaf validate\`; export-json, -csv, -archimate = \`egaf export --format F\`"
    echo "(ArchiMate with \`--no-views\`); consolidate-one-changed = a second \`egaf consolidate --cache\`"
    echo "after one model changed (an application renamed in the smallest file; each run starts"
    echo "from the cache the first run left). CPU ÷ floor and"
    echo "wall ÷ floor compare a row with the floor's row of the same scale; minor faults (median)"
    echo "are the pages the kernel had to map for the command, the cost of fresh memory."
    echo
    fmt_table
    echo
    if [ -s "$DIAG" ]; then
        echo "Single diagrams of scale 1 (\`egaf render\`, one run each, the whole command):"
        echo
        echo "| model | view | wall s |"
        echo "|---|---|---:|"
        awk -F'\t' '{ printf "| %s | %s | %s |\n", $1, $2, $3 }' "$DIAG"
        echo
    fi
    if [ -n "$LSPLINE" ]; then
        echo "\`egaf lsp\` (bench/lsp): one generated province, opened, then changed $LSP_EDITS times"
        echo "(a letter added to a name and removed, the whole text sent each time, as with full"
        echo "sync), each change checked at once as after the debounce; CPU time per change and"
        echo "resident memory along the way:"
        echo
        echo "| lines | bytes | open ms | mean ms | median ms | p95 ms | RSS after 10 | after $((LSP_EDITS / 10)) | after $LSP_EDITS |"
        echo "|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
        echo "| $(lspv lines) | $(lspv bytes) | $(lspv open_ms) | $(lspv mean_ms) | $(lspv median_ms) | $(lspv p95_ms) | $(lspv rss_kb_after_10) kB | $(lspv "rss_kb_after_$((LSP_EDITS / 10))") kB | $(lspv "rss_kb_after_$LSP_EDITS") kB |"
        echo
    fi
    if [ -s "$ONEFILE" ]; then cat "$ONEFILE"; echo; fi
    layers_section
    echo "## Targets"
    echo
    printf '%s\n' "${TARGET_HEAD[@]}" "${TARGETS[@]}"
    echo
    if [ ${#NOTES[@]} -gt 0 ]; then
        echo "Notes from this run:"
        echo
        for n in "${NOTES[@]}"; do echo "- $n"; done
        echo
    fi
    if [ -s "$PROF" ]; then
        total=$(sed -n 's/^ *\([0-9,]*\) .*PROGRAM TOTALS.*/\1/p' "$PROF" | head -1)
        echo "## Profile"
        echo
        ftotal=$(sed -n 's/^ *\([0-9,]*\) .*PROGRAM TOTALS.*/\1/p' "$WORK/callgrind-floor.txt" 2>/dev/null | head -1)
        echo "\`valgrind --tool=callgrind build/egaf validate -q\` on scale 1: $total instructions"
        echo "(the floor, bench/floor, on the same files: ${ftotal:-not measured} instructions)."
        echo
        echo "Where the instructions go, by source file (own cost):"
        echo
        echo "| share | file or library |"
        echo "|---:|---|"
        by_file "$PROF" 12
        echo
        echo "Top functions by own cost:"
        echo
        echo "| share | instructions | function |"
        echo "|---:|---:|---|"
        prof_top "$PROF" 20
        echo
        echo "Top functions by inclusive cost:"
        echo
        echo "| share | instructions | function |"
        echo "|---:|---:|---|"
        prof_top "$WORK/callgrind-incl.txt" 20
        echo
    fi
    # hand-written sections (measurements this script does not make), kept
    # across runs: bench/sections/*.md, in name order
    for section in bench/sections/*.md; do
        [ -f "$section" ] && cat "$section" && echo
    done
} >"$DOC.tmp" && mv "$DOC.tmp" "$DOC"
echo
echo "bench: wrote $DOC"
if [ "${BENCH_KEEP:-0}" != 1 ]; then
    for s in $SCALES; do rm -rf "$WORK/s$s"; done
fi
exit $failed
