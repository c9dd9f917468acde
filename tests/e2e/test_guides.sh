#!/usr/bin/env bash
# The user guides (docs/vi, docs/en): every command of their ```sh blocks that
# starts with `egaf ` or `build/egaf ` runs as shown and exits with the status
# its comment states (`# exit 1`; no comment: 0). Commands of one guide run in
# order, in a fresh folder holding a copy of examples/, so a guide can create
# a model with `egaf init` and validate it on the next line. `egaf
# consolidate` and `egaf diff` commands (and any marked `# needs: diff`) are
# skipped, with a note, while `egaf consolidate --help` / `egaf diff --help`
# fail. The Vietnamese and English guides show the same commands.
. "$(dirname "$0")/lib.sh"

# guide pairs: Vietnamese, English (same structure, same commands)
pairs=(
    "README.md README.md"
    "cai-dat.md install.md"
    "mo-hinh-dau-tien.md first-model.md"
    "kiem-tra.md validate.md"
    "doc-phat-hien.md findings.md"
    "ve-so-do.md render.md"
    "mien-tru.md waivers.md"
    "tich-hop-lien-tuc.md ci.md"
    "tong-hop.md consolidate.md"
    "so-sanh.md diff.md"
    "dinh-dang-mo-hinh.md model-format.md"
)

# commands FILE: "LINE<TAB>COMMAND" for each egaf command of FILE's ```sh
# blocks; a line ending in a backslash continues on the next one.
commands() {
    awk '
        /^```sh[ \t]*$/ { insh = 1; next }
        /^```/          { insh = 0; next }
        insh {
            line = $0
            if (cont != "") { cmd = cont " " line; } else { cmd = line; start = NR }
            if (cmd ~ /\\[ \t]*$/) { sub(/\\[ \t]*$/, "", cmd); cont = cmd; next }
            cont = ""
            if (cmd ~ /^(build\/)?egaf /) printf "%d\t%s\n", start, cmd
        }
    ' "$1"
}

declare -A feature
have() { # have FEATURE: `egaf FEATURE --help` works (cached)
    if [ -z "${feature[$1]:-}" ]; then
        if "$EGAF" "$1" --help >/dev/null 2>&1; then feature[$1]=yes; else feature[$1]=no; fi
    fi
    [ "${feature[$1]}" = yes ]
}

ran=0
skipped=0
run_guide() { # run_guide FILE
    local guide=$1 work line cmd comment want needs sub name
    work=$(mktemp -d "$T/guide.XXXXXX")
    cp -R examples "$work/examples"
    while IFS=$'\t' read -r line cmd; do
        comment=""
        if [[ "$cmd" == *" #"* ]]; then
            comment=${cmd#* #}
            cmd=${cmd%% #*}
        fi
        cmd=$(printf '%s' "$cmd" | sed -e 's/[[:space:]]*$//' -e 's|^build/egaf |egaf |')
        want=0
        if [[ "$comment" =~ exit[[:space:]]+([0-9]+) ]]; then want=${BASH_REMATCH[1]}; fi
        name="$guide:$line"
        sub=$(printf '%s' "$cmd" | awk '{print $2}')
        needs=""
        case "$sub" in consolidate | diff) needs=$sub ;; esac
        if [[ "$comment" =~ needs:[[:space:]]*([a-z]+) ]]; then needs=${BASH_REMATCH[1]}; fi
        if [ -n "$needs" ] && ! have "$needs"; then
            echo "note: skipped $name (egaf $needs is not built yet): $cmd"
            skipped=$((skipped + 1))
            continue
        fi
        (cd "$work" && eval "$cmd") >"$OUT" 2>"$ERR" </dev/null
        STATUS=$?
        ran=$((ran + 1))
        if [ "$STATUS" = "$want" ]; then ok "$name"; else
            fail "$name" "\`$cmd\` exited $STATUS, the guide says $want"
        fi
    done < <(commands "$guide")
}

total_vi=0
total_en=0
for pair in "${pairs[@]}"; do
    read -r vi en <<<"$pair"
    vi=docs/vi/$vi
    en=docs/en/$en
    check "$vi-exists" test -s "$vi"
    check "$en-exists" test -s "$en"
    [ -s "$vi" ] && [ -s "$en" ] || continue
    # same structure: the same number of sections and the same commands
    hv=$(grep -c '^## ' "$vi")
    he=$(grep -c '^## ' "$en")
    if [ "$hv" = "$he" ]; then ok "$vi-$en-same-sections"; else
        fail "$vi-$en-same-sections" "$hv sections in $vi, $he in $en"; fi
    commands "$vi" | cut -f2 | sed -e 's/ #.*//' -e 's/[[:space:]]*$//' >"$T/cv"
    commands "$en" | cut -f2 | sed -e 's/ #.*//' -e 's/[[:space:]]*$//' >"$T/ce"
    if cmp -s "$T/cv" "$T/ce"; then ok "$vi-$en-same-commands"; else
        fail "$vi-$en-same-commands" "the commands differ"
        diff "$T/cv" "$T/ce" | head -20
    fi
    total_vi=$((total_vi + $(wc -l <"$T/cv")))
    total_en=$((total_en + $(wc -l <"$T/ce")))
    run_guide "$vi"
    run_guide "$en"
done

# no guide outside the pairs
for g in docs/vi/*.md docs/en/*.md; do
    b=$(basename "$g")
    case " ${pairs[*]} " in *" $b "*) ;; *) fail "$g-paired" "not in the list of guide pairs" ;; esac
done

check guides-have-commands test "$total_vi" -ge 40
echo "note: $ran guide commands run, $skipped skipped ($total_vi Vietnamese, $total_en English)"
