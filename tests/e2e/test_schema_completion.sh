#!/usr/bin/env bash
# egaf schema in an editor (issue 20 item 4): the real yaml-language-server
# (npm, tests/schema/package.json) completes a model associated with the
# schema, and every item shows its Vietnamese name: the roles at `role:`,
# the national systems and databases at an integration's `to:`, the agencies
# at `agency:`. `egaf schema --year` lists only what exists that year.
# tests/schema/completion.js is the scripted LSP client.
. "$(dirname "$0")/lib.sh"

schema_dir=tests/schema
if [ ! -d "$schema_dir/node_modules/yaml-language-server" ]; then
    (cd "$schema_dir" && npm ci --silent --no-audit --no-fund) >"$T/npm.log" 2>&1 ||
        { fail "npm ci in tests/schema" "see below"; cat "$T/npm.log"; }
fi

run schema --year 2026 -o "$T/schema-2026.json"
expect_status "schema --year 2026" 0
run schema -o "$T/schema-all.json"
expect_status "schema, every year" 0
run schema --year 1800
expect_status "schema --year out of range: usage" 2
expect_grep "schema --year: the reason" "1990 to 2100" "$ERR"

# every enumeration of the schema names its values, in the same order
for f in schema-2026 schema-all; do
    if why=$(node -e '
const s = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
const bad = [];
(function walk(n, p) {
    if (!n || typeof n !== "object") return;
    if (Array.isArray(n.enum)) {
        const d = n.enumDescriptions;
        if (!Array.isArray(d) || d.length !== n.enum.length || d.some((x) => !x)) bad.push(p);
    }
    for (const [k, v] of Object.entries(n)) walk(v, p + "/" + k);
})(s, "#");
if (bad.length) { console.log(bad.slice(0, 5).join(" ")); process.exit(1); }' "$T/$f.json"); then
        ok "$f: every enum value has a description"
    else
        fail "$f: every enum value has a description" "$why"
    fi
done

complete() { # SCHEMA OUT: the completion items, one "WHERE<TAB>LABEL<TAB>DOC" a line
    if ! node "$schema_dir/completion.js" "$1" >"$2" 2>"$T/yls.err"; then
        fail "yaml-language-server answers" "$(head -5 "$T/yls.err")"
    fi
}
complete "$T/schema-2026.json" "$T/items-2026"
complete "$T/schema-all.json" "$T/items-all"
item() { # NAME FILE LINE: FILE has LINE exactly
    if grep -qxF -- "$3" "$2"; then ok "$1"; else
        fail "$1" "no completion item '$3'"
        grep -F -- "$(printf '%s' "$3" | cut -f1-2)" "$2" | head -3
    fi
}
TAB=$(printf '\t')
item "role: tthc with its Vietnamese name" "$T/items-2026" "role${TAB}tthc${TAB}Giải quyết thủ tục hành chính"
item "role: qlvb with its Vietnamese name" "$T/items-2026" "role${TAB}qlvb${TAB}Quản lý văn bản và điều hành"
item "to: national:ngsp with its name" "$T/items-2026" \
    "to${TAB}national:ngsp${TAB}Nền tảng tích hợp, chia sẻ dữ liệu quốc gia · NGSP/NDXP"
item "to: national:csdl-dan-cu with its name" "$T/items-2026" \
    "to${TAB}national:csdl-dan-cu${TAB}Cơ sở dữ liệu quốc gia về dân cư"
item "agency: an id with the agency's name" "$T/items-2026" "agency${TAB}lang-son${TAB}Lạng Sơn"
item "agency: an organ code with the agency's name" "$T/items-2026" \
    "agency${TAB}000.00.00.G01${TAB}Bộ Công an · MPS"
# every item of the three places has a name, none is bare
if awk -F'\t' '$3 == "" { bad = 1; print } END { exit bad }' "$T/items-2026" >"$T/bare"; then
    ok "every completion item has a description"
else
    fail "every completion item has a description" "$(head -3 "$T/bare")"
fi
n=$(grep -c "^role${TAB}" "$T/items-2026")
[ "$n" = 14 ] && ok "role: the 14 roles" || fail "role: the 14 roles" "$n items"
# --year: Hà Giang merged into Tuyên Quang on 1/7/2025
item "every year: ha-giang listed" "$T/items-all" "agency${TAB}ha-giang${TAB}Hà Giang"
if grep -q "^agency${TAB}ha-giang${TAB}" "$T/items-2026"; then
    fail "--year 2026: ha-giang not listed" "listed"
else
    ok "--year 2026: ha-giang not listed"
fi
a=$(grep -c "^agency${TAB}" "$T/items-all")
b=$(grep -c "^agency${TAB}" "$T/items-2026")
[ "$b" -lt "$a" ] && ok "--year 2026 lists fewer agencies ($b of $a)" ||
    fail "--year 2026 lists fewer agencies" "$b of $a"

# --lang en: the English label, the Vietnamese beside
run --lang en schema --year 2026 -o "$T/schema-en.json"
expect_status "schema --lang en" 0
complete "$T/schema-en.json" "$T/items-en"
item "--lang en: role tthc in English, Vietnamese beside" "$T/items-en" \
    "role${TAB}tthc${TAB}Administrative procedures (Giải quyết thủ tục hành chính)"
