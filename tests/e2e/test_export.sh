#!/usr/bin/env bash
# egaf export: the ArchiMate export of every example validates against the
# exchange schema; CSV round-trips the element names (Vietnamese intact);
# JSON parses; bytes are deterministic; hostile names are escaped or
# neutralised; usage errors exit 2. And egaf --version.
. "$(dirname "$0")/lib.sh"

XSD_DIR="$EGAF_ROOT/tests/data/archimate-exchange-xsd"
xsd_check() { # FILE: validates against archimate3_Diagram.xsd, offline
    XML_CATALOG_FILES="$XSD_DIR/catalog.xml" xmllint --nonet --noout \
        --schema "$XSD_DIR/archimate3_Diagram.xsd" "$1" 2>"$T/xsd.err"
}
have_xsd=false
if [ -f "$XSD_DIR/archimate3_Diagram.xsd" ] && command -v xmllint >/dev/null; then
    have_xsd=true
else
    fail xsd-available "no xmllint (make deps installs libxml2-utils) or no $XSD_DIR/archimate3_Diagram.xsd (part of the repository: git checkout tests/data)"
fi

# every example, one model at a time: the exchange file validates
for f in examples/national-2020/*.yaml examples/national-2026/*.yaml; do
    name="$(basename "$(dirname "$f")")-$(basename "$f" .yaml)"
    run export --format archimate -o "$T/$name.xml" "$f"
    expect_status "archimate-$name-status" 0
    if $have_xsd; then
        if xsd_check "$T/$name.xml"; then ok "archimate-$name-xsd"; else
            fail "archimate-$name-xsd" "does not validate"
            head -20 "$T/xsd.err"
        fi
    fi
done

# a whole folder in one exchange file, with cross-model references
run export --format archimate -o "$T/all-2026.xml" examples/national-2026
expect_status archimate-folder-status 0
if $have_xsd; then
    if xsd_check "$T/all-2026.xml"; then ok archimate-folder-xsd; else
        fail archimate-folder-xsd "does not validate"
        head -20 "$T/xsd.err"
    fi
fi
# the chapters of the architecture document (issue 18): units are business
# actors, a relation between them a Flow, a standard a Constraint the
# elements it applies to realize, a target an Outcome, a solution a Course
# of Action; the roadmap's lead and partners are assigned to its work
# package, a task it depends on triggers it; an application serves its
# actors and user units, and realizes the channel it is
C=tests/fixtures/chapters/chapters.yaml
run export --format archimate -o "$T/chapters.xml" "$C"
expect_status archimate-chapters-status 0
if $have_xsd; then
    if xsd_check "$T/chapters.xml"; then ok archimate-chapters-xsd; else
        fail archimate-chapters-xsd "does not validate"
        head -20 "$T/xsd.err"
    fi
fi
CX="$T/chapters.xml"
expect_greps "$CX" <<'GREPS'
chapters-unit             <element identifier="id-bac-kan.so-tttt" xsi:type="BusinessActor">
chapters-standard         <element identifier="id-bac-kan.tcvn-11930" xsi:type="Constraint">
chapters-target           <element identifier="id-bac-kan.dvc-toan-trinh" xsi:type="Outcome">
chapters-solution         <element identifier="id-bac-kan.dao-tao" xsi:type="CourseOfAction">
chapters-relation         <relationship identifier="id-bac-kan.relation-1" source="id-bac-kan.so-tttt" target="id-bac-kan.so-noi-vu" xsi:type="Flow">
chapters-parent           <relationship identifier="id-bac-kan.ttcds.parent.1" source="id-bac-kan.so-tttt" target="id-bac-kan.ttcds" xsi:type="Aggregation">
chapters-applies-to       <relationship identifier="id-bac-kan.tcvn-11930.applies-to.1" source="id-bac-kan.he-thong-tthc" target="id-bac-kan.tcvn-11930" xsi:type="Realization">
chapters-lead             <relationship identifier="id-bac-kan.nang-cap-lgsp.lead.1" source="id-bac-kan.so-tttt" target="id-bac-kan.nang-cap-lgsp" xsi:type="Assignment">
chapters-partners         <relationship identifier="id-bac-kan.app-di-dong.partners.2" source="id-bac-kan.so-noi-vu" target="id-bac-kan.app-di-dong" xsi:type="Assignment">
chapters-depends-on       <relationship identifier="id-bac-kan.app-di-dong.depends-on.1" source="id-bac-kan.nang-cap-lgsp" target="id-bac-kan.app-di-dong" xsi:type="Triggering">
chapters-app-actors       <relationship identifier="id-bac-kan.qlvb.actors.1" source="id-bac-kan.qlvb" target="id-bac-kan.lanh-dao" xsi:type="Serving">
chapters-app-users        <relationship identifier="id-bac-kan.qlvb.users.1" source="id-bac-kan.qlvb" target="id-bac-kan.so-tttt" xsi:type="Serving">
chapters-channel-app      <relationship identifier="id-bac-kan.app-bac-kan.application.1" source="id-bac-kan.ung-dung-di-dong" target="id-bac-kan.app-bac-kan" xsi:type="Realization">
chapters-solution-serves  <relationship identifier="id-bac-kan.dao-tao.serves.1" source="id-bac-kan.dao-tao" target="id-bac-kan.dvc-toan-trinh" xsi:type="Realization">
GREPS
# a unit is not assigned to a course of action in ArchiMate: a named
# Association, directed as the reference goes
expect_grep chapters-solution-lead '<relationship identifier="id-bac-kan.dao-tao.lead.1" source="id-bac-kan.so-noi-vu" target="id-bac-kan.dao-tao" xsi:type="Association" isDirected="true">' "$CX"
expect_grep chapters-folder-motivation '<label xml:lang="en">Motivation</label>' "$CX"
expect_grep chapters-folder-strategy '<label xml:lang="en">Strategy</label>' "$CX"
run export --format csv -o "$T/chapters-csv/" "$C"
expect_grep chapters-csv-outcome '^"id-bac-kan.dvc-toan-trinh","Outcome","Tỷ lệ dịch vụ công toàn trình",' "$T/chapters-csv/elements.csv"
expect_grep chapters-csv-triggering '^"id-bac-kan.app-di-dong.depends-on.1","TriggeringRelationship","","","id-bac-kan.nang-cap-lgsp","id-bac-kan.app-di-dong",' "$T/chapters-csv/relations.csv"
expect_grep chapters-csv-value '^"id-bac-kan.dvc-toan-trinh","value","80%"' "$T/chapters-csv/properties.csv"
run export --format json -o "$T/chapters.json" "$C"
expect_grep chapters-json-lead '"lead": \{"ref": "so-tttt", "scope": "local", "arch": "bac-kan", "id": "so-tttt", "found": true, "kind": "unit"\}' "$T/chapters.json"
expect_grep chapters-json-legal-basis '"legal-basis": \["Luật Giao dịch điện tử 2023", "Nghị quyết 17/NQ-CP ngày 07/3/2019"\]' "$T/chapters.json"

X="$T/national-2020-lang-son.xml"
expect_greps "$X" <<'GREPS'
archimate-namespace      <model xmlns="http://www.opengroup.org/xsd/archimate/3.0/"
archimate-name-vi        <name xml:lang="vi">Người dân</name>
archimate-name-en        <name xml:lang="en">Citizens</name>
archimate-views          <view identifier="id-view.lang-son.integration" xsi:type="Diagram">
archimate-node-geometry  <node identifier="[^"]+" xsi:type="Element" elementRef="[^"]+" x="[0-9]+" y="[0-9]+" w="[0-9]+" h="[0-9]+"/>
archimate-connection     xsi:type="Relationship" relationshipRef="
archimate-national       identifier="id-national.dvcqg" xsi:type="ApplicationComponent"
archimate-access         xsi:type="Access" accessType="ReadWrite"
archimate-propdefs       <propertyDefinition identifier="propid-1" type="string">
GREPS

# every relationship in the exports is one the ArchiMate 3.1 table allows
# for its two element types (the schema does not check it): the allowed
# (source, type, target) triples, from the table, for the types egaf writes
if command -v node >/dev/null; then
    cat >"$T/rels.js" <<'EOF'
const fs = require("fs");
const allow = {
  // source: {target: letters}; a access, f flow, i assignment, o association,
  // r realization, v serving (ArchiMate 3.1, Appendix B)
  ApplicationComponent: {BusinessService: "fortv", BusinessFunction: "fortv", DataObject: "ao",
    ApplicationComponent: "cfgorstv", CommunicationNetwork: "fotv", Node: "fotv",
    BusinessActor: "fotv", BusinessInterface: "fortv", Constraint: "nor"},
  BusinessActor: {BusinessActor: "cfgostv", WorkPackage: "io", Constraint: "nor",
    CourseOfAction: "or"},
  BusinessInterface: {BusinessService: "fiotv", Constraint: "nor"},
  BusinessFunction: {BusinessService: "fortv", Constraint: "nor"},
  BusinessService: {BusinessActor: "fotv", Constraint: "nor"},
  DataObject: {DataObject: "cgos", Constraint: "nor"},
  Node: {ApplicationComponent: "fortv", DataObject: "ao", Node: "cfgiostv",
    CommunicationNetwork: "fotv", Constraint: "nor"},
  CommunicationNetwork: {Constraint: "nor"},
  TechnologyService: {ApplicationComponent: "fotv", DataObject: "ao", Node: "fotv",
    CommunicationNetwork: "fotv", Constraint: "nor"},
  CourseOfAction: {Outcome: "nor", Constraint: "nor"},
  WorkPackage: {}
};
const letter = {Access: "a", Flow: "f", Assignment: "i", Association: "o", Realization: "r",
  Serving: "v", Aggregation: "g", Triggering: "t"};
let bad = 0, n = 0;
for (const file of process.argv.slice(2)) {
  const x = fs.readFileSync(file, "utf8");
  const types = {};
  for (const m of x.matchAll(/<element identifier="([^"]+)" xsi:type="([^"]+)"/g)) types[m[1]] = m[2];
  for (const m of x.matchAll(/<relationship identifier="([^"]+)" source="([^"]+)" target="([^"]+)" xsi:type="([^"]+)"/g)) {
    n++;
    const s = types[m[2]], t = types[m[3]], r = m[4];
    if (r === "Association") continue;
    let ok = false;
    if (s === "Grouping") ok = r === "Aggregation" && t !== undefined;
    else if (s === "WorkPackage")
      ok = t === "WorkPackage" ? r === "Triggering" : r === "Realization";
    else ok = !!(allow[s] && allow[s][t] && allow[s][t].includes(letter[r]));
    if (!ok) { bad++; console.log(`${file}: ${m[1]}: ${s} ${r} ${t}`); }
  }
}
console.log(`${n} relationships, ${bad} not allowed`);
process.exit(bad ? 1 : 0);
EOF
    if node "$T/rels.js" "$T"/national-*.xml "$T/all-2026.xml" "$T/chapters.xml" >"$T/rels.out"; then
        ok archimate-relationships-allowed
    else
        fail archimate-relationships-allowed "$(tail -1 "$T/rels.out")"
        head -20 "$T/rels.out"
    fi
fi

# deterministic bytes, every format
run export --format archimate -o "$T/again.xml" examples/national-2020/lang-son.yaml
check archimate-deterministic cmp -s "$X" "$T/again.xml"
run export --format json -o "$T/a.json" examples/national-2026
run export --format json -o "$T/b.json" examples/national-2026
check json-deterministic cmp -s "$T/a.json" "$T/b.json"
run export --format csv -o "$T/csv1/" examples/national-2026
expect_status csv-status 0
run export --format csv -o "$T/csv2/" examples/national-2026
for f in elements relations properties; do
    check "csv-$f-deterministic" cmp -s "$T/csv1/$f.csv" "$T/csv2/$f.csv"
done

# JSON parses; CSV round-trips the element count and names against it
if command -v node >/dev/null; then
    check json-parses node -e 'JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"))' "$T/a.json"
    cat >"$T/roundtrip.js" <<'EOF'
const fs = require("fs");
function parseCsv(text) {
  if (text.charCodeAt(0) !== 0xfeff) throw new Error("no byte-order mark");
  text = text.slice(1);
  const rows = []; let row = [], f = "", q = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (q) {
      if (c === '"' && text[i + 1] === '"') { f += '"'; i++; }
      else if (c === '"') q = false;
      else f += c;
    } else if (c === '"') q = true;
    else if (c === ",") { row.push(f); f = ""; }
    else if (c === "\r" && text[i + 1] === "\n") { row.push(f); rows.push(row); row = []; f = ""; i++; }
    else throw new Error("unquoted text at " + i);
  }
  return rows;
}
const [csvDir, jsonFile] = process.argv.slice(2);
const rows = parseCsv(fs.readFileSync(csvDir + "/elements.csv", "utf8"));
const header = rows.shift().join(",");
if (header !== "ID,Type,Name,Documentation,Specialization") throw new Error("header " + header);
const j = JSON.parse(fs.readFileSync(jsonFile, "utf8"));
const unformula = s => (/^'[=+\-@\t\r]/.test(s) ? s.slice(1) : s);
const fromCsv = new Map();
for (const r of rows) fromCsv.set(r[0], unformula(r[2]));
let want = 0, bad = 0;
const ncname = s => s.replace(/[^A-Za-z0-9._-]/g, "_");
for (const a of j.architectures)
  for (const e of a.elements) {
    if (e.kind === "integration" || !e.id) continue;
    want++;
    const id = "id-" + ncname(a.id) + "." + ncname(e.id);
    const name = e.name === null ? e.id : e.name;
    if (fromCsv.get(id) !== name) { bad++; console.log(`${id}: csv ${fromCsv.get(id)} json ${name}`); }
  }
const got = rows.filter(r => r[1] !== "ArchimateModel" && r[1] !== "Grouping" &&
  !r[0].startsWith("id-national.")).length;
console.log(`elements: json ${want}, csv ${got}; names differing: ${bad}`);
process.exit(want === got && bad === 0 && want > 0 ? 0 : 1);
EOF
    if node "$T/roundtrip.js" "$T/csv1" "$T/a.json" >"$T/rt.out" 2>&1; then
        ok "csv-roundtrip ($(tail -1 "$T/rt.out"))"
    else
        fail csv-roundtrip "$(tail -3 "$T/rt.out")"
    fi
    run export --format csv -o "$T/ls-" examples/national-2020/lang-son.yaml
    expect_status csv-prefix-status 0
    run export --format json -o "$T/ls.json" examples/national-2020/lang-son.yaml
    mkdir -p "$T/ls"
    for f in elements relations properties; do cp "$T/ls-$f.csv" "$T/ls/$f.csv" 2>/dev/null; done
    if node "$T/roundtrip.js" "$T/ls" "$T/ls.json" >"$T/rt.out" 2>&1; then
        ok "csv-roundtrip-includes ($(tail -1 "$T/rt.out"))"
    else
        fail csv-roundtrip-includes "$(tail -3 "$T/rt.out")"
    fi
fi
expect_grep csv-vietnamese '"Người dân"' "$T/csv1/elements.csv"
if [ "$(head -c 3 "$T/csv1/elements.csv" | od -An -tx1 | tr -d ' \n')" = efbbbf ]; then
    ok csv-bom
else
    fail csv-bom "elements.csv does not start with a UTF-8 byte-order mark"
fi
expect_grep csv-relations-header '^.?"ID","Type","Name","Documentation","Source","Target","Specialization"' "$T/csv1/relations.csv"
expect_grep csv-properties-header '^.?"ID","Key","Value"' "$T/csv1/properties.csv"

# hostile names: markup escaped; Archi's CSV keeps a name as it is (Archi
# reads it, not a spreadsheet: an apostrophe would become part of the name)
cat >"$T/hostile.yaml" <<'EOF'
framework: "2.0"
architecture:
  id: thu-nghiem
  agency: lang-son
  level: province
  name: "Thử nghiệm"
  year: 2020
business:
  actors:
    - id: a1
      name: '"><script>alert(1)</script>'
    - id: a2
      name: '=HYPERLINK("x")'
      name-en: "@SUM(A1)"
EOF
run export --format archimate -o "$T/h.xml" "$T/hostile.yaml"
expect_status hostile-archimate-status 0
expect_no_grep hostile-no-raw-script '<script' "$T/h.xml"
expect_grep hostile-script-escaped '&quot;&gt;&lt;script&gt;alert\(1\)&lt;/script&gt;' "$T/h.xml"
if $have_xsd; then check hostile-xsd xsd_check "$T/h.xml"; fi
run export --format csv -o "$T/h/" "$T/hostile.yaml"
expect_status hostile-csv-status 0
expect_grep hostile-csv-as-is '^"id-thu-nghiem.a2","BusinessActor","=HYPERLINK\(""x""\)",' "$T/h/elements.csv"
expect_grep hostile-csv-as-is-property '"id-thu-nghiem.a2","name-en","@SUM\(A1\)"' "$T/h/properties.csv"
expect_grep hostile-csv-quotes '^"id-thu-nghiem.a1","BusinessActor","""><script>alert\(1\)</script>",' "$T/h/elements.csv"
run export --format json -o "$T/h.json" "$T/hostile.yaml"
if command -v node >/dev/null; then
    check hostile-json-roundtrip node -e '
const j = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
const n = j.architectures[0].elements.map(e => e.name);
process.exit(n[0] === "\"><script>alert(1)</script>" && n[1] === "=HYPERLINK(\"x\")" ? 0 : 1);' "$T/h.json"
fi

# --lang en puts English names first; --no-views leaves the diagrams out
run export --format archimate --lang en --no-views -o "$T/en.xml" examples/national-2020/lang-son.yaml
expect_status lang-en-status 0
if grep -A1 'identifier="id-lang-son.nguoi-dan"' "$T/en.xml" | grep -q '<name xml:lang="en">Citizens</name>'; then
    ok lang-en-first
else
    fail lang-en-first "English name not first"
fi
expect_no_grep no-views '<views>' "$T/en.xml"
if $have_xsd; then check no-views-xsd xsd_check "$T/en.xml"; fi

# the format follows the extension; usage errors exit 2
run export -o "$T/ext.json" examples/national-2020/lang-son.yaml
expect_status format-from-extension 0
check format-from-extension-json grep -q '"format": "egaf-export"' "$T/ext.json"
run export examples/national-2020/lang-son.yaml
expect_status no-output 2
run export --format xmi -o "$T/x" examples/national-2020/lang-son.yaml
expect_status unknown-format 2
run export --format archimat -o "$T/x" examples/national-2020/lang-son.yaml
expect_grep did-you-mean "did you mean 'archimate'" "$ERR"
run export --format csv -o - examples/national-2020/lang-son.yaml
expect_status csv-stdout 2
run export --format json -o "$T/x.json" "$T/missing.yaml"
expect_status missing-input 2
run export --format json -o "$T/x.json"
expect_status no-input 2
run export --help
expect_status help 0
expect_grep help-formats 'archimate' "$OUT"
run export --format json -o - examples/national-2020/lang-son.yaml
expect_status stdout 0
expect_grep stdout-json '"tool": "egaf"' "$OUT"
run export --format json -o "$T/nodir/x.json" examples/national-2020/lang-son.yaml
expect_status unwritable-output 2

# egaf --version: version, editions, reference-data date
run --version
expect_status version-status 0
expect_grep version-line '^egaf [0-9]+\.[0-9]+\.[0-9]+$' "$OUT"
expect_grep version-editions '^  2\.0 .*QĐ 2323/QĐ-BTTTT, 2019-12-31' "$OUT"
expect_grep version-editions-4 '^  4\.0 ' "$OUT"
expect_grep version-date '^reference data as of [0-9]{4}-[0-9]{2}-[0-9]{2} \(latest dated entry\)$' "$OUT"
# a reference folder with no data in it: the version, and "not found"
mkdir -p "$T/empty"
EGAF_REFS="$T/empty" egaf --version >"$OUT" 2>"$ERR"
STATUS=$?
expect_status version-no-refs-status 0
expect_grep version-no-refs-line '^egaf [0-9]' "$OUT"
expect_grep version-no-refs-message '^reference models: not found$' "$OUT"
