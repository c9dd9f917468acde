#!/usr/bin/env bash
# The guides are tests, like jq's manual examples.
#
# Guides: the user guides, in pairs (docs/vi and docs/en, same sections,
# same commands), and the reference pages docs/*.md and README.md (English).
#
# Commands: every line of a ```sh block that starts with `egaf ` or
# `build/egaf ` (a line ending in a backslash continues on the next one). It
# must exit with the status its comment states (`# exit 1`; no comment: 0).
# The commands of one guide run in order, in a fresh folder holding a copy of
# examples/, so a guide can create a model with `egaf init` and validate it
# on the next line. The two guides of a pair show the same commands, so they
# run once for both. A command marked `# needs: FEATURE` (a command the guide
# describes before it is built) is skipped with a note while
# `egaf FEATURE --help` fails.
#
# Outputs: a plain ``` block right after a ```sh block (nothing but blank
# lines between) shows what the last command of that block prints, stdout
# and stderr as on a terminal; it must be exactly that, after masking on
# both sides the folder the command ran in and timings ("0.12 s", "35 ms").
# A line holding only `…` stands for lines left out (zero or more), so a
# guide never shortens an output silently. A plain block after prose or a
# YAML block is an illustration and is not compared.
#
# GUIDE_TIMES=1 prints each command's run time.
. "$(dirname "$0")/lib.sh"

# guide pairs: Vietnamese, English (same structure, same commands); the
# slowest (consolidate's four sites) first, so it does not end the run alone
pairs=(
    "tong-hop.md consolidate.md"
    "README.md README.md"
    "cai-dat.md install.md"
    "mo-hinh-dau-tien.md first-model.md"
    "kiem-tra.md validate.md"
    "doc-phat-hien.md findings.md"
    "ve-so-do.md render.md"
    "mien-tru.md waivers.md"
    "tich-hop-lien-tuc.md ci.md"
    "so-sanh.md diff.md"
    "phan-tich-khoang-cach.md gap.md"
    "xuat-nhap.md export.md"
    "dinh-dang-mo-hinh.md model-format.md"
    "trinh-soan-thao.md editors.md"
    "tai-lieu-kien-truc.md document.md"
)
# reference pages whose commands are not run, with the reason
declare -A not_run=(
    [docs/performance.md]="its commands read the benchmark's generated models in /tmp (bench/run.sh runs them)"
)

# parse GUIDE DIR: writes DIR/steps, one line per step in the guide's order:
#   C<TAB>LINE<TAB>COMMAND   an egaf command (comment included)
#   O<TAB>LINE<TAB>N         output block N (its text in DIR/block.N), showing
#                            the output of the command of the C line before it
#   E<TAB>LINE<TAB>WHY       an output block that follows no egaf command
parse() {
    awk -v dir="$2" '
        function close_block() { inblock = 0; prevlang = lang; gapblank = 1; lastcmd_in_prev = lastcmd_in_sh }
        /^```/ && !inblock {
            inblock = 1; lang = substr($0, 4); sub(/[ \t]+$/, "", lang)
            if (lang == "sh") { lastcmd_in_sh = 0 }
            else if (lang == "" && prevlang == "sh" && gapblank) {
                if (lastcmd_in_prev) { nblock++; out = dir "/block." nblock; printf "" >out
                    printf "O\t%d\t%d\n", NR, nblock >steps; inout = 1 }
                else printf "E\t%d\tthe ```sh block before it has no egaf command\n", NR >steps
            }
            next
        }
        /^```/ && inblock { if (inout) close(out); inout = 0; close_block(); next }
        inout { print >out; next }
        inblock && lang == "sh" {
            line = $0
            if (cont != "") { cmd = cont " " line } else { cmd = line; start = NR }
            if (cmd ~ /\\[ \t]*$/) { sub(/\\[ \t]*$/, "", cmd); cont = cmd; next }
            cont = ""
            if (cmd ~ /^(build\/)?egaf /) { printf "C\t%d\t%s\n", start, cmd >steps; lastcmd_in_sh = 1 }
            next
        }
        !inblock && /[^ \t]/ { gapblank = 0 }
        BEGIN { steps = dir "/steps"; printf "" >steps }
    ' "$1"
}

# split_step TEXT: the command of a C step, without its comment and with
# `build/egaf` as `egaf`, in CMD; the status its comment states (default 0)
# in WANT; the FEATURE of a `# needs: FEATURE` comment in NEEDS. Plain bash,
# no subshell: it runs for every command of every guide.
split_step() {
    local comment=""
    CMD=$1
    if [[ "$CMD" == *" #"* ]]; then
        comment=${CMD#* #}
        CMD=${CMD%% #*}
    fi
    CMD=${CMD%"${CMD##*[![:space:]]}"}
    [[ "$CMD" == build/egaf\ * ]] && CMD=${CMD#build/}
    WANT=0
    [[ "$comment" =~ exit[[:space:]]+([0-9]+) ]] && WANT=${BASH_REMATCH[1]}
    NEEDS=""
    [[ "$comment" =~ needs:[[:space:]]*([a-z]+) ]] && NEEDS=${BASH_REMATCH[1]}
    return 0
}

declare -A feature
have() { # have FEATURE: `egaf FEATURE --help` works (cached)
    if [ -z "${feature[$1]:-}" ]; then
        if "$EGAF" "$1" --help >/dev/null 2>&1; then feature[$1]=yes; else feature[$1]=no; fi
    fi
    [ "${feature[$1]}" = yes ]
}

# mask FILE WORK: the text with the folder a command ran in, the test's
# temporary root and timings replaced by fixed words
mask() {
    sed -e "s|$2/||g" -e "s|$2|.|g" -e "s|$TMPROOT|TMP|g" \
        -e 's/[0-9][0-9]*\(\.[0-9][0-9]*\)\{0,1\} \{0,1\}\(ms\|s\)\b/TIME/g' "$1"
}

ran=0
skipped=0
# run_steps DIR NAME: runs the C steps of DIR/steps in a fresh folder (its
# name in DIR/work); the output of the k-th command in DIR/out.k, its status
# (or "skipped") in DIR/status.k. NAME names the commands in ok/FAIL lines.
run_steps() {
    local dir=$1 label=$2 kind line step k=0 work start
    grep -q '^C' "$dir/steps" || return 0
    work=$(mktemp -d -p "$T")
    cp -R examples "$work/examples"
    echo "$work" >"$dir/work"
    while IFS=$'\t' read -r kind line step; do
        [ "$kind" = C ] || continue
        k=$((k + 1))
        split_step "$step"
        if [ -n "$NEEDS" ] && ! have "$NEEDS"; then
            echo "note: skipped $label:$line (egaf $NEEDS is not built yet): $CMD"
            skipped=$((skipped + 1))
            echo skipped >"$dir/status.$k"
            continue
        fi
        start=$EPOCHREALTIME
        (cd "$work" && eval "$CMD") >"$dir/out.$k" 2>&1 </dev/null
        STATUS=$?
        [ "${GUIDE_TIMES:-}" = 1 ] && echo "time: $(awk -v a="$start" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.2f", b - a }') $label:$line $CMD"
        ran=$((ran + 1))
        echo "$STATUS" >"$dir/status.$k"
        if [ "$STATUS" = "$WANT" ]; then ok "$label:$line"; else
            cp "$dir/out.$k" "$OUT"
            : >"$ERR"
            fail "$label:$line" "\`$CMD\` exited $STATUS, the guide says $WANT"
        fi
    done <"$dir/steps"
}

# matches EXPECTED ACTUAL: ACTUAL's lines equal EXPECTED's, where a line of
# EXPECTED holding only `…` stands for any number of lines
matches() {
    awk '
        FNR == NR { want[++nw] = $0; next }
        { got[++ng] = $0 }
        # at(S, P): segment S of the expected lines equals got[P..]
        function at(s, p,   j) {
            if (p < 1 || p + len[s] - 1 > ng) return 0
            for (j = 1; j <= len[s]; j++) if (got[p + j - 1] != seg[s, j]) return 0
            return 1
        }
        END {
            ns = 1; len[1] = 0
            for (i = 1; i <= nw; i++) {
                if (want[i] == "…") { len[++ns] = 0; continue }
                seg[ns, ++len[ns]] = want[i]
            }
            if (ns == 1) exit !(ng == len[1] && at(1, 1))
            # the first segment at the start, the last at the end, those
            # between each at its earliest place after the one before
            if (!at(1, 1)) exit 1
            pos = 1 + len[1]
            for (s = 2; s < ns; s++) {
                for (p = pos; p + len[s] - 1 <= ng && !at(s, p); p++) ;
                if (p + len[s] - 1 > ng) exit 1
                pos = p + len[s]
            }
            exit !(ng - len[ns] + 1 >= pos && at(ns, ng - len[ns] + 1))
        }
    ' "$1" "$2"
}

# compare_outputs DIR GUIDE: each O step of GUIDE (parsed in DIR) against
# the output of the command before it, from RUN (a parsed dir with out.k)
compare_outputs() {
    local dir=$1 guide=$2 run=$3 kind line n k=0 name
    while IFS=$'\t' read -r kind line n; do
        case $kind in
        C) k=$((k + 1)) ;;
        E) fail "$guide:$line-output" "an output block that $n" ;;
        O)
            name="$guide:$line-output"
            if [ "$(cat "$run/status.$k" 2>/dev/null)" = skipped ]; then
                echo "note: not compared $name (its command was skipped)"
                continue
            fi
            mask "$dir/block.$n" "$(cat "$run/work")" >"$dir/want.$n"
            mask "$run/out.$k" "$(cat "$run/work")" >"$dir/got.$n"
            if matches "$dir/want.$n" "$dir/got.$n"; then ok "$name"; else
                STATUS=$(cat "$run/status.$k")
                : >"$OUT"
                : >"$ERR"
                fail "$name" "the guide shows another output than its command prints"
                diff -u --label "$guide:$line (the guide)" --label "what the command prints" \
                    "$dir/want.$n" "$dir/got.$n" | head -40
            fi
            ;;
        esac
    done <"$dir/steps"
}

# check_pair VI EN: one pair of guides (prints its ok/FAIL lines); writes
# "ran skipped vi-commands en-commands" to $T/counts.$SLOT
check_pair() {
    local vi=docs/vi/$1 en=docs/en/$2 hv he pv pe p kind cmd
    check "$vi-exists" test -s "$vi"
    check "$en-exists" test -s "$en"
    [ -s "$vi" ] && [ -s "$en" ] || return 0
    # same structure: the same number of sections and the same commands
    hv=$(grep -c '^## ' "$vi")
    he=$(grep -c '^## ' "$en")
    if [ "$hv" = "$he" ]; then ok "$vi-$en-same-sections"; else
        fail "$vi-$en-same-sections" "$hv sections in $vi, $he in $en"; fi
    pv=$(mktemp -d "$T/parsed.XXXXXX")
    pe=$(mktemp -d "$T/parsed.XXXXXX")
    parse "$vi" "$pv"
    parse "$en" "$pe"
    # the commands and the statuses they state, comments aside
    for p in "$pv" "$pe"; do
        while IFS=$'\t' read -r kind _ cmd; do
            [ "$kind" = C ] || continue
            split_step "$cmd"
            printf '%s  # exit %s\n' "$CMD" "$WANT"
        done <"$p/steps" >"$p/commands"
    done
    if cmp -s "$pv/commands" "$pe/commands"; then ok "$vi-$en-same-commands"; else
        fail "$vi-$en-same-commands" "the commands (or the exit statuses they state) differ"
        diff "$pv/commands" "$pe/commands" | head -20
    fi
    # the English guide's commands run once; both guides' outputs are
    # compared with them
    run_steps "$pe" "$en"
    compare_outputs "$pe" "$en" "$pe"
    if cmp -s "$pv/commands" "$pe/commands"; then
        compare_outputs "$pv" "$vi" "$pe"
    else
        run_steps "$pv" "$vi"
        compare_outputs "$pv" "$vi" "$pv"
    fi
    echo "$ran $skipped $(wc -l <"$pv/commands") $(wc -l <"$pe/commands")" >"$T/counts.$SLOT"
}

# check_reference PAGE: the commands and outputs of a reference page
check_reference() {
    local p
    if [ -n "${not_run[$1]:-}" ]; then
        echo "note: $1 not run: ${not_run[$1]}"
        return 0
    fi
    p=$(mktemp -d "$T/parsed.XXXXXX")
    parse "$1" "$p"
    run_steps "$p" "$1"
    compare_outputs "$p" "$1" "$p"
    echo "$ran $skipped 0 0" >"$T/counts.$SLOT"
}

# The guides are independent (each runs in its own folder): they run
# GUIDE_JOBS at a time (default: the number of processors), each printing
# into its own log, shown in order afterwards.
jobs_max=${GUIDE_JOBS:-$(nproc 2>/dev/null || echo 2)}
SLOT=0
spawn() { # spawn FUNCTION ARGS...: runs it in the background in the next slot
    SLOT=$((SLOT + 1))
    while [ "$(jobs -rp | wc -l)" -ge "$jobs_max" ]; do wait -n; done
    (
        OUT=$T/out.$SLOT
        ERR=$T/err.$SLOT
        ran=0
        skipped=0
        "$@"
    ) >"$T/log.$SLOT" 2>&1 &
}
for pair in "${pairs[@]}"; do
    spawn check_pair $pair
done
for ref in docs/*.md README.md; do
    spawn check_reference "$ref"
done
wait
ran=0
skipped=0
total_vi=0
total_en=0
for i in $(seq 1 "$SLOT"); do
    cat "$T/log.$i"
    [ -f "$T/counts.$i" ] || continue
    read -r r s v e <"$T/counts.$i"
    ran=$((ran + r))
    skipped=$((skipped + s))
    total_vi=$((total_vi + v))
    total_en=$((total_en + e))
done

# no guide outside the pairs
for g in docs/vi/*.md docs/en/*.md; do
    b=$(basename "$g")
    case " ${pairs[*]} " in *" $b "*) ;; *) fail "$g-paired" "not in the list of guide pairs" ;; esac
done

check guides-have-commands test "$total_vi" -ge 40
echo "note: $ran guide commands run, $skipped skipped ($total_vi Vietnamese, $total_en English)"
