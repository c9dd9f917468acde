#!/usr/bin/env bash
# The commands' option tables (cli/cli.h, egaf_option): an option written
# with where it goes (a value, a flag) is stored by the parser, --help
# prints the table's usage text and stops the command with exit 0, a
# command that takes no operand refuses one with the same message
# everywhere, and the parsing of --format text|markdown|json (diff, gap)
# and of --year (consolidate, schema) is one for both commands.
. "$(dirname "$0")/lib.sh"
M=examples/broken/key-typo.yaml
GOOD=examples/national-2026/lang-son.yaml

# 1. --help: the command's usage on stdout, exit 0, nothing else done.
for c in validate consolidate diff gap document export import init lsp refs render rules \
    explain schema; do
    run "$c" -h
    expect_status "$c -h: exit 0" 0
    expect_grep "$c -h: its usage first" "^usage: egaf $c( |$)"
    check "$c -h: nothing on stderr" test ! -s "$ERR"
    cp "$OUT" "$T/usage-$c"
    run "$c" --he
    expect_out "$c --he (a prefix): the same usage" "$T/usage-$c"
done
run init --agency lang-son --year 2020 -o "$T/model.yaml" --help
expect_status "init --help after its options: exit 0" 0
check "init --help after its options: no model written" test ! -e "$T/model.yaml"
run validate --bogus --help
expect_status "--help after an unknown option: the usage error wins (exit 2)" 2
check "--help after an unknown option: no usage on stdout" test ! -s "$OUT"
run --lang en consolidate --lang vi --help
expect_grep "consolidate --lang vi --help: the usage in the language just chosen" \
    "^cách dùng: egaf consolidate "
run validate --help=yes
expect_status "--help=yes: exit 2" 2
expect_grep "--help=yes: it takes no value" "^egaf: option '--help' takes no value" "$ERR"

# 2. Values and flags stored from the table: the last value wins, a flag
# takes no value, a bundle of a flag and a value works.
run validate -o "$T/first.txt" -o "$T/second.txt" --quiet "$M"
expect_status "-o twice: exit 1 (an error finding)" 1
check "-o twice: the last one is written" test -s "$T/second.txt"
check "-o twice: the first one is not" test ! -e "$T/first.txt"
run validate -qo "$T/bundle.txt" "$M"
check "-qo FILE: the report without its summary line" \
    grep -q "^$M:27:3: error: unknown key 'aproved-by' in architecture \[schema.unknown-key\]$" \
    "$T/bundle.txt"
check "-qo FILE: --quiet was stored" sh -c "! grep -q 'file checked' '$T/bundle.txt'"
run validate --werror=1 "$M"
expect_status "a flag given a value: exit 2" 2
expect_grep "a flag given a value: message" \
    "^egaf: option '--werror' takes no value \(see 'egaf validate --help'\)$" "$ERR"
run consolidate --no-diagrams=1
expect_grep "consolidate --no-diagrams=1: it takes no value" \
    "^egaf: option '--no-diagrams' takes no value \(see 'egaf consolidate --help'\)$" "$ERR"
run gap --output
expect_grep "gap --output without its value: message" \
    "^egaf: option '--output' needs a value \(see 'egaf gap --help'\)$" "$ERR"
run import csv --arch
expect_grep "import --arch without its value: message" \
    "^egaf: option '--arch' needs a value \(see 'egaf import --help'\)$" "$ERR"

# 3. A command that takes no operand: one message, exit 2.
for c in init lsp rules schema; do
    run "$c" extra
    expect_status "$c extra: exit 2" 2
    expect_grep "$c extra: unexpected argument" \
        "^egaf: unexpected argument 'extra' \(see 'egaf $c --help'\)$" "$ERR"
    run "$c" -- extra
    expect_grep "$c -- extra: unexpected argument too" \
        "^egaf: unexpected argument 'extra' \(see 'egaf $c --help'\)$" "$ERR"
done

# 4. --format of diff and gap: md is markdown; an unknown one is named.
egaf gap --format markdown "$GOOD" >"$T/gap-markdown.md" 2>/dev/null
run gap --format md "$GOOD"
expect_out "gap --format md: the same as markdown" "$T/gap-markdown.md"
expect_grep "gap --format md: a Markdown heading" "^#"
for c in diff gap; do
    run "$c" --format yaml a b
    expect_status "$c --format yaml: exit 2" 2
    expect_grep "$c --format yaml: the formats listed" \
        "^egaf: unknown format 'yaml' \(one of: text, markdown, json\) \(see 'egaf $c --help'\)$" \
        "$ERR"
done

# 5. --year of consolidate and schema: 1990 to 2100.
for c in consolidate schema; do
    for y in 1989 2101 20x ''; do
        run "$c" --year "$y"
        expect_status "$c --year '$y': exit 2" 2
        expect_grep "$c --year '$y': message" \
            "^egaf: --year takes a year from 1990 to 2100, not '$y' \(see 'egaf $c --help'\)$" \
            "$ERR"
    done
done
run schema --year 2100 -o "$T/schema.json"
expect_status "schema --year 2100: exit 0" 0
check "schema --year 2100: written" test -s "$T/schema.json"

# 6. Every option a command checks itself reaches its own check: the
# parser returns the option's id from the table, not where its row stands
# (a row added above it must not make --format do what --lang does).
while IFS='|' read -r args message; do
    # shellcheck disable=SC2086
    run $args </dev/null
    expect_status "$args: exit 2" 2
    expect_grep "$args: its own message" "^egaf: $message" "$ERR"
done <<'CHECKS'
consolidate --year 2026 --format x|unknown format 'x' \(see
consolidate --year 2026 --lang x|unknown language 'x' \(one of: vi, en\) \(see
consolidate --year 2026 --disable x|unknown rule 'x' \('egaf rules' lists them\) \(see
diff --fail-on x|--fail-on takes added, removed, changed or any, not 'x' \(see
diff --max-items x|--max-items takes a number, not 'x' \(see
document --format x|unknown format 'x' \(one of: docx, html\) \(see
document --lang x|unknown language 'x' \(one of: vi, en\) \(see
export --format x|unknown format 'x' \(one of: archimate, csv, json\) \(see
export --lang x|unknown language 'x' \(one of: vi, en\) \(see
gap --fail-on x|--fail-on takes uncovered, not 'x' \(see
init --year x|--year takes a year from 1990 to 2100; found 'x' \(see
lsp --lang x|unknown language 'x' \(one of: vi, en\) \(see
refs --kind x|unknown kind 'x' \(agencies,
refs --year x|--year takes a year such as 2020; found 'x' \(see
refs --format x|unknown format 'x' \(text, json or markdown\) \(see
render --view x|unknown view 'x' \(one of: overview,
render --format x|unknown format 'x' \(one of: svg, png, dot\) \(see
render --lang x|unknown language 'x' \(one of: vi, en\) \(see
render --year x|--year takes a year \(1990-2100\), not 'x' \(see
render --hide x|unknown layer 'x' \(one of: business,
render --size x|unknown paper size 'x' \(one of: A4, A3\) \(see
render --dpi x|--dpi takes dots per inch \(36-600\), not 'x' \(see
schema --lang x|unknown language 'x' \(one of: vi, en\) \(see
validate --format x|unknown format 'x' \(see
validate --disable x|unknown rule 'x' \('egaf rules' lists them\) \(see
validate --severity x|--severity takes RULE=error\|warning\|note\|off \(see
rules --format x|unknown format 'x' \(text, json or markdown\) \(see
--lang x validate|unknown language 'x' \(one of: vi, en\) \(see 'egaf --help'\)$
CHECKS
# the flags a command checks itself: --no-diagrams, --version and -h
# before a command, -h after help
run consolidate --year 2026 --no-diagrams -q -o "$T/no-diagrams" "$GOOD"
check "consolidate --no-diagrams: the site written" test -s "$T/no-diagrams/index.html"
check "consolidate --no-diagrams: no diagram drawn" \
    sh -c "! find '$T/no-diagrams' -name '*.svg' | grep -q ."
run --version
expect_status "--version: exit 0" 0
expect_grep "--version: the version" "^egaf [0-9]"
run -h
expect_grep "-h before a command: the overview" "^usage: egaf \\[--lang"
run help -h
expect_grep "help -h: the overview" "^usage: egaf \\[--lang"
