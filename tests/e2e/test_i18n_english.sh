#!/usr/bin/env bash
# No English sentence in a Vietnamese run (issue 20): egaf --lang vi over
# every fixture of tests/, every example, every command of the guides, every
# command's --help, every rule's explanation, the reference models' labels
# and the diff reports. tests/e2e/english_lines.py says which lines are
# English (what it allows: ids, paths, codes, YAML keys, quoted text, the
# model's own text shown under a finding); each such line fails here with
# the command that printed it.
#
# Over a thousand runs, each the output of a message already covered by the
# other tests: make check runs it, the sanitizer and valgrind runs skip it.
. "$(dirname "$0")/lib.sh"

runs=$T/runs
mkdir -p "$runs"
n=0
# vi_run LABEL ARGS...: egaf --lang vi ARGS in the current folder; its stdout
# and stderr kept for the detector under $runs/N.{cmd,out,err}
vi_run() {
    local label=$1
    shift
    n=$((n + 1))
    printf '%s\n' "$label" >"$runs/$n.cmd"
    "$EGAF" --lang vi "$@" >"$runs/$n.out" 2>"$runs/$n.err" </dev/null
}

# every fixture and example, one file at a time (their findings, the YAML
# syntax errors of the yaml-test-suite, the files that are not models)
while IFS= read -r f; do
    vi_run "egaf --lang vi validate $f" validate "$f"
done < <(find tests/fixtures tests/fuzz-regressions tests/data/yaml-test-suite examples \
    -name '*.yaml' -o -name '*.yml' | LC_ALL=C sort)
# every example folder and the folders of the fixtures, as a whole
for d in examples/* tests/fixtures/*; do
    [ -d "$d" ] && vi_run "egaf --lang vi validate $d" validate "$d"
done

# the diff fixtures, in the two human formats
for d in tests/fixtures/diff/*/ tests/fixtures/render-diff/; do
    for fmt in text markdown; do
        vi_run "egaf --lang vi diff --format $fmt ${d}old.yaml ${d}new.yaml" \
            diff --format "$fmt" "${d}old.yaml" "${d}new.yaml"
    done
done
for fmt in text markdown; do
    vi_run "egaf --lang vi diff --format $fmt examples/national-2020 examples/national-2026" \
        diff --format "$fmt" examples/national-2020 examples/national-2026
done

# the reference models: the list, an entry of each kind, an audit, a diff
vi_run "egaf --lang vi refs list" refs list
for id in bo-y-te csdl-dan-cu ha-noi cong-dvc lgsp; do
    vi_run "egaf --lang vi refs show $id" refs show "$id"
done
while IFS= read -r id; do
    vi_run "egaf --lang vi refs show $id" refs show "$id"
done < <("$EGAF" refs list 2>/dev/null | awk 'NR % 40 == 1 { print $1 }')
vi_run "egaf --lang vi refs audit tests/fixtures/refs/*.yaml" refs audit tests/fixtures/refs/*.yaml
vi_run "egaf --lang vi refs diff --from 2020 --to 2026" refs diff --from 2020 --to 2026

# help and usage of every command, every rule's explanation, --version
vi_run "egaf --lang vi --help" --help
vi_run "egaf --lang vi --version" --version
vi_run "egaf --lang vi" # no command: the help, exit 2
for c in $("$EGAF" --help | awk '/^commands:/ { on = 1; next } on && /^  [a-z]/ { print $1 }'); do
    vi_run "egaf --lang vi $c --help" "$c" --help
    vi_run "egaf --lang vi $c --no-such-option" "$c" --no-such-option
done
vi_run "egaf --lang vi rules" rules
while IFS= read -r r; do
    vi_run "egaf --lang vi explain $r" explain "$r"
done < <("$EGAF" rules | awk 'NR > 1 { print $1 }')

# every command of the guides, in order, in a copy of examples/ (as
# tests/e2e/test_guides.sh runs them), with --lang vi before the command;
# a command that asks for English itself (--lang en) is left out
guide_commands() { # GUIDE: its egaf commands, one per line, continuations joined
    awk '/^```/ { inblock = !inblock; sh = inblock && $0 ~ /^```sh/; next }
         inblock && sh {
             line = $0
             if (cont != "") line = cont " " line
             if (line ~ /\\[ \t]*$/) { sub(/\\[ \t]*$/, "", line); cont = line; next }
             cont = ""
             if (line ~ /^(build\/)?egaf /) print line
         }' "$1"
}
egaf() { "$EGAF" --lang vi "$@"; }
for g in docs/en/*.md docs/vi/*.md docs/*.md README.md; do
    [ "$g" = docs/performance.md ] && continue
    work=$(mktemp -d "$T/guide.XXXXXX")
    cp -R examples "$work/examples"
    while IFS= read -r cmd; do
        cmd=${cmd%% #*}
        cmd=${cmd#build/}
        [[ "$cmd" == *"--lang en"* ]] && continue
        n=$((n + 1))
        printf '%s (%s)\n' "$cmd" "$g" >"$runs/$n.cmd"
        (cd "$work" && eval "$cmd") >"$runs/$n.out" 2>"$runs/$n.err" </dev/null
    done < <(guide_commands "$g")
done
unset -f egaf

# the loops ran (814 runs today: 524 validate runs over the fixtures and
# examples, an explain per rule, the guides' commands, helps, refs, diffs)
check runs-cover-fixtures-examples-guides test "$n" -ge 750
check runs-cover-every-rule test "$(grep -l '^egaf --lang vi explain ' "$runs"/*.cmd | wc -l)" \
    -ge "$("$EGAF" rules | wc -l)"
if python3 tests/e2e/english_lines.py "$runs" >"$T/english"; then
    ok no-english-in-vietnamese-runs
else
    : >"$OUT"
    : >"$ERR"
    fail no-english-in-vietnamese-runs "English lines in a --lang vi run ($(grep -c '^  ' "$T/english") lines):"
    head -80 "$T/english"
    cp "$T/english" "${ENGLISH_REPORT:-/dev/null}"
fi

# the detector itself: it finds an English sentence among Vietnamese ones
# and leaves what is allowed alone
mkdir -p "$T/probe"
echo "egaf --lang vi probe" >"$T/probe/1.cmd"
cat >"$T/probe/1.out" <<'EOF'
examples/broken/key-typo.yaml:27:3: lỗi: khóa không xác định 'aproved-by' trong architecture [schema.unknown-key]
   27 |   aproved-by: The decision of the people's committee is final
      |   ^~~~~~~~~~
   gợi ý: có phải ý bạn là 'approved-by'?
EOF
: >"$T/probe/1.err"
check detector-allows-ids-and-source-lines python3 tests/e2e/english_lines.py "$T/probe"
echo "  elements: 1 added, 0 removed, 0 changed" >>"$T/probe/1.out"
check detector-finds-english sh -c "! python3 tests/e2e/english_lines.py '$T/probe' >/dev/null"
echo "egaf: không ghi được 'x.svg': No such file or directory" >"$T/probe/1.out"
check detector-finds-english-strerror sh -c "! python3 tests/e2e/english_lines.py '$T/probe' >/dev/null"
