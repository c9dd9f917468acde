#!/usr/bin/env bash
# egaf import: every example goes out as ArchiMate exchange XML and Archi
# CSV, comes back with egaf import, and goes out again as the same bytes
# (every element, relationship and property kept); the model imported
# validates. A file from another tool: what egaf has a form for is mapped,
# everything else is a finding at its line. Hostile XML (a DTD, entities,
# not XML, another root) is refused with a finding and no output. The export
# is the richer one: LGSP path through the platform, Access to national
# databases, folders, the architecture's Grouping aggregating its elements.
. "$(dirname "$0")/lib.sh"

XSD_DIR="$EGAF_ROOT/tests/data/archimate-exchange-xsd"
xsd_check() {
    XML_CATALOG_FILES="$XSD_DIR/catalog.xml" xmllint --nonet --noout \
        --schema "$XSD_DIR/archimate3_Diagram.xsd" "$1" 2>"$T/xsd.err"
}

# archimate_round_trip NAME MODEL: MODEL exported as ArchiMate exchange XML
# ($T/NAME.1.xml) is imported ($T/NAME.yaml) without a finding and exported
# again to the same bytes.
archimate_round_trip() {
    local n=$1
    egaf export --format archimate -o "$T/$n.1.xml" "$2" 2>/dev/null
    run import archimate -o "$T/$n.yaml" "$T/$n.1.xml"
    expect_status "import-archimate-$n-status" 0
    expect_empty "import-archimate-$n-no-findings" "$ERR"
    egaf export --format archimate -o "$T/$n.2.xml" "$T/$n.yaml" 2>/dev/null
    if cmp -s "$T/$n.1.xml" "$T/$n.2.xml"; then ok "archimate-roundtrip-$n"; else
        fail "archimate-roundtrip-$n" "the second export differs"
        diff "$T/$n.1.xml" "$T/$n.2.xml" | head -10
    fi
}

# csv_import NAME MODEL: MODEL exported as Archi CSV ($T/NAME.c1/) is
# imported ($T/NAME.c.yaml).
csv_import() {
    egaf export --format csv -o "$T/$1.c1/" "$2" 2>/dev/null
    run import csv -o "$T/$1.c.yaml" "$T/$1.c1"
    expect_status "import-csv-$1-status" 0
}

# import_foreign NAME STATUS-TEST: an ArchiMate exchange file as another
# tool writes it, the model's name, elements and relationships from the
# input, is $T/NAME.xml; `egaf import` of it writes $T/NAME.yaml and exits 0.
import_foreign() {
    {
        printf '%s\n' '<?xml version="1.0" encoding="UTF-8"?>' \
            '<model xmlns="http://www.opengroup.org/xsd/archimate/3.0/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" identifier="id-1">'
        cat
        printf '%s\n' '</model>'
    } >"$T/$1.xml"
    run import archimate -o "$T/$1.yaml" "$T/$1.xml"
    expect_status "$2" 0
}

# expect_unmapped NAME N: the last run reported N import.unmapped findings.
expect_unmapped() {
    if [ "$(grep -c 'import.unmapped' "$ERR")" = "$2" ]; then ok "$1"; else fail "$1" "$(cat "$ERR")"; fi
}

# expect_imported_model NAME BASE: the model imported, $T/BASE.yaml, is
# $T/BASE.want but for its first line (a comment naming where it came from).
expect_imported_model() {
    if tail -n +2 "$T/$2.yaml" | cmp -s - "$T/$2.want"; then ok "$1"; else
        fail "$1" "$(diff "$T/$2.want" <(tail -n +2 "$T/$2.yaml") | head -10)"; fi
}

# the round trips, every example
for f in examples/national-2020/*.yaml examples/national-2026/*.yaml; do
    n="$(basename "$(dirname "$f")")-$(basename "$f" .yaml)"
    archimate_round_trip "$n" "$f"
    run validate "$T/$n.yaml"
    expect_status "imported-validates-$n" 0
    csv_import "$n" "$f"
    egaf export --format csv -o "$T/$n.c2/" "$T/$n.c.yaml" 2>/dev/null
    same=true
    for x in elements relations properties; do
        cmp -s "$T/$n.c1/$x.csv" "$T/$n.c2/$x.csv" || same=false
    done
    if $same; then ok "csv-roundtrip-$n"; else fail "csv-roundtrip-$n" "the second export differs"; fi
done
# the chapters of the architecture document (issue 18): every new kind and
# field comes back, to the same export bytes and the same model (the JSON
# export of both, but for the file and lines)
C=tests/fixtures/chapters/chapters.yaml
archimate_round_trip chapters "$C"
csv_import chapters "$C"
egaf export --format json -o "$T/chapters.0.json" "$C" 2>/dev/null
egaf export --format json -o "$T/chapters.a.json" "$T/chapters.yaml" 2>/dev/null
egaf export --format json -o "$T/chapters.c.json" "$T/chapters.c.yaml" 2>/dev/null
if command -v node >/dev/null; then
    cat >"$T/same-model.js" <<'EOF'
const fs = require("fs");
const model = f => {
  const a = JSON.parse(fs.readFileSync(f, "utf8")).architectures[0];
  return JSON.stringify([a.header, a.counts,
    a.elements.map(e => [e.kind, e.fields]).sort((x, y) =>
      JSON.stringify(x) < JSON.stringify(y) ? -1 : 1)]);
};
const [want, ...got] = process.argv.slice(2);
for (const g of got) if (model(g) !== model(want)) { console.log(g + " differs"); process.exit(1); }
EOF
    check import-chapters-same-model node "$T/same-model.js" \
        "$T/chapters.0.json" "$T/chapters.a.json" "$T/chapters.c.json"
fi
expect_grep import-chapters-relation '^  relations:$' "$T/chapters.yaml"
expect_grep import-chapters-depends-on '^      depends-on:$' "$T/chapters.yaml"

# the English export comes back too
egaf export --format archimate --lang en --no-views -o "$T/en.1.xml" examples/national-2026/lang-son.yaml
run import archimate -o "$T/en.yaml" "$T/en.1.xml"
expect_status import-en-status 0
egaf export --format archimate --lang en --no-views -o "$T/en.2.xml" "$T/en.yaml"
check archimate-roundtrip-en cmp -s "$T/en.1.xml" "$T/en.2.xml"
# a CSV prefix, and the imported model as the original had it
egaf export --format csv -o "$T/ls-" examples/national-2020/lang-son.yaml
run import csv -o "$T/ls.yaml" "$T/ls-"
expect_status import-csv-prefix 0
expect_grep import-csv-list-item '^    - "Kết nối, chia sẻ dữ liệu qua LGSP và NGSP; dữ liệu đã có trong CSDL quốc gia không thu thập lại"$' "$T/ls.yaml"

# the export's mapping
X="$T/national-2020-lang-son.1.xml"
# an integration via the LGSP: app -> LGSP, then LGSP -> the national system
expect_grep lgsp-leg-1 '<relationship identifier="id-lang-son.tich-hop-dvcqg" source="id-lang-son.httt-tthc" target="id-lang-son.lgsp-lang-son" xsi:type="Flow">' "$X"
expect_grep lgsp-leg-2 '<relationship identifier="id-lang-son.tich-hop-dvcqg.via" source="id-lang-son.lgsp-lang-son" target="id-national.dvcqg" xsi:type="Flow">' "$X"
expect_grep national-db-access 'target="id-national.csdl-dan-cu" xsi:type="Access" accessType="Read"' "$X"
expect_grep grouping-aggregates '<relationship identifier="id-member.lang-son.nguoi-dan" source="id-lang-son" target="id-lang-son.nguoi-dan" xsi:type="Aggregation">' "$X"
expect_grep folders '<label xml:lang="en">Technology &amp; Physical</label>' "$X"
defs=$(grep -c '<propertyDefinition ' "$X")
uniq_defs=$(grep -A1 '<propertyDefinition ' "$X" | grep -o '<name>[^<]*</name>' | sort -u | wc -l)
if [ "$defs" = "$uniq_defs" ] && [ "$defs" -gt 0 ]; then ok "property-defined-once ($defs)"; else
    fail property-defined-once "$defs definitions, $uniq_defs names"; fi
if xsd_check "$X"; then ok roundtrip-export-xsd; else fail roundtrip-export-xsd "$(head -3 "$T/xsd.err")"; fi

# a file from another tool
import_foreign foreign foreign-status <<'XML'
  <name xml:lang="en">Sở Nội vụ</name>
  <elements>
    <element identifier="id-a" xsi:type="ApplicationComponent">
      <name xml:lang="en">Một cửa điện tử</name>
    </element>
    <element identifier="id-b" xsi:type="DataObject">
      <name>CSDL cán bộ</name>
    </element>
    <element identifier="id-g" xsi:type="Goal">
      <name>Chuyển đổi số</name>
    </element>
    <element identifier="id-s" xsi:type="BusinessService">
      <name>Cấp phép</name>
    </element>
  </elements>
  <relationships>
    <relationship identifier="r1" source="id-a" target="id-b" xsi:type="Access"/>
    <relationship identifier="r2" source="id-a" target="id-s" xsi:type="Serving"/>
    <relationship identifier="r3" source="id-b" target="id-s" xsi:type="Association"/>
    <relationship identifier="r4" source="id-a" target="id-g" xsi:type="Realization"/>
    <relationship identifier="r5" source="id-a" target="id-zz" xsi:type="Flow"/>
  </relationships>
XML
expect_grep foreign-header "^$T/foreign.xml:1:0: warning: the file has no egaf architecture header: fill in agency, level and year in 'architecture' \(the id 'so-noi-vu' is made from the model's name\) \[import.unmapped\]$" "$ERR"
expect_grep foreign-goal "^$T/foreign.xml:11:0: warning: element 'Chuyển đổi số' of type Goal has no egaf kind; it is left out \[import.unmapped\]$" "$ERR"
expect_grep foreign-association "^$T/foreign.xml:21:0: warning: relationship 'r3' \(Association\) has no egaf reference field between these two elements; it is left out \[import.unmapped\]$" "$ERR"
expect_grep foreign-left-out-end "^$T/foreign.xml:22:0: warning: relationship 'r4' \(Realization\) joins an element that is left out; it is left out too \[import.unmapped\]$" "$ERR"
expect_grep foreign-missing-end "^$T/foreign.xml:23:0: warning: relationship 'r5' names an element that is not in the file \(id-zz\); it is left out \[import.unmapped\]$" "$ERR"
expect_unmapped foreign-five-findings 5
cat >"$T/foreign.want" <<'YAML'
framework: "2.0"
architecture:
  id: so-noi-vu
  name: "Sở Nội vụ"
business:
  services:
    - id: cap-phep
      name: "Cấp phép"
data:
  databases:
    - id: csdl-can-bo
      name: "CSDL cán bộ"
application:
  applications:
    - id: mot-cua-dien-tu
      name: "Một cửa điện tử"
      uses:
        - csdl-can-bo
      serves:
        - cap-phep
YAML
expect_imported_model foreign-model foreign

# a file from another tool with the document's chapters: a Constraint is a
# standard the elements realizing it apply, an Outcome a target, a Course of
# Action a solution that realizes it, a Triggering between work packages
# the later one's depends-on
import_foreign foreign-ch foreign-chapters-status <<'XML'
  <name>Sở Nội vụ</name>
  <elements>
    <element identifier="id-a" xsi:type="ApplicationComponent"><name>Một cửa điện tử</name></element>
    <element identifier="id-c" xsi:type="Constraint"><name>TCVN 11930</name></element>
    <element identifier="id-o" xsi:type="Outcome"><name>Dịch vụ toàn trình</name></element>
    <element identifier="id-s" xsi:type="CourseOfAction"><name>Đào tạo</name></element>
    <element identifier="id-w1" xsi:type="WorkPackage"><name>Nâng cấp</name></element>
    <element identifier="id-w2" xsi:type="WorkPackage"><name>Mở rộng</name></element>
  </elements>
  <relationships>
    <relationship identifier="r1" source="id-a" target="id-c" xsi:type="Realization"/>
    <relationship identifier="r2" source="id-s" target="id-o" xsi:type="Realization"/>
    <relationship identifier="r3" source="id-w1" target="id-w2" xsi:type="Triggering"/>
  </relationships>
XML
expect_unmapped foreign-chapters-only-header-finding 1
cat >"$T/foreign-ch.want" <<'YAML'
framework: "2.0"
architecture:
  id: so-noi-vu
  name: "Sở Nội vụ"
application:
  applications:
    - id: mot-cua-dien-tu
      name: "Một cửa điện tử"
technology:
  standards:
    - id: tcvn-11930
      name: "TCVN 11930"
      applies-to:
        - mot-cua-dien-tu
implementation:
  roadmap:
    - id: nang-cap
      name: "Nâng cấp"
    - id: mo-rong
      name: "Mở rộng"
      depends-on:
        - nang-cap
  targets:
    - id: dich-vu-toan-trinh
      name: "Dịch vụ toàn trình"
  solutions:
    - id: dao-tao
      name: "Đào tạo"
      serves:
        - dich-vu-toan-trinh
YAML
expect_imported_model foreign-chapters-model foreign-ch

# hostile input: refused with a finding, nothing written
printf '<?xml version="1.0"?>\n<!DOCTYPE model [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>\n<model xmlns="http://www.opengroup.org/xsd/archimate/3.0/"><name>&b;</name></model>\n' >"$T/dtd.xml"
run import archimate -o "$T/dtd.yaml" "$T/dtd.xml"
expect_status dtd-refused 1
expect_grep dtd-finding "^$T/dtd.xml:2:0: error: the file has a document type declaration \(<!DOCTYPE>\), which the import does not read \[import.unreadable\]$" "$ERR"
check dtd-nothing-written test ! -e "$T/dtd.yaml"
printf '<?xml version="1.0"?>\n<model xmlns="http://www.opengroup.org/xsd/archimate/3.0/">\n<name>x</nam>\n</model>\n' >"$T/bad.xml"
run import archimate -o "$T/bad.yaml" "$T/bad.xml"
expect_status not-xml 1
expect_grep not-xml-finding "^$T/bad.xml:3:0: error: not well-formed XML: Opening and ending tag mismatch: name line 3 and nam \[import.unreadable\]$" "$ERR"
check not-xml-nothing-written test ! -e "$T/bad.yaml"
printf '<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"/>\n' >"$T/svg.xml"
run import archimate -o "$T/svg.yaml" "$T/svg.xml"
expect_status other-root 1
expect_grep other-root-finding "^$T/svg.xml:2:0: error: not an ArchiMate exchange file" "$ERR"
# an external entity would need a DTD: a SYSTEM reference is refused the same way
printf '<?xml version="1.0"?>\n<!DOCTYPE model SYSTEM "http://127.0.0.1:9/x.dtd">\n<model xmlns="http://www.opengroup.org/xsd/archimate/3.0/"/>\n' >"$T/ext.xml"
run import archimate -o "$T/ext.yaml" "$T/ext.xml"
expect_status external-dtd-refused 1
# several architectures: one is chosen
egaf export --format archimate --no-views -o "$T/all.xml" examples/national-2026 2>/dev/null
run import archimate -o "$T/all.yaml" "$T/all.xml"
expect_status several-architectures 1
expect_grep several-architectures-finding 'choose one with --arch ID \[import.unreadable\]$' "$ERR"
run import archimate --arch lang-son -o "$T/all-ls.yaml" "$T/all.xml"
expect_status arch-chosen 0
expect_grep arch-chosen-id '^  id: lang-son$' "$T/all-ls.yaml"
# a reference to another architecture's element comes back as it was written
expect_grep arch-cross-reference '^        - [a-z0-9-]+:[a-z0-9-]+$' "$T/national-2026-lang-son.yaml"

# usage
run import
expect_status no-format 2
run import xmi -o "$T/x.yaml" "$T/foreign.xml"
expect_status unknown-format 2
run import archimate "$T/foreign.xml"
expect_status no-output 2
run import archimate -o "$T/x.yaml" "$T/missing.xml"
expect_status missing-input 2
run import --help
expect_status help 0
expect_grep help-usage 'egaf import csv' "$OUT"
