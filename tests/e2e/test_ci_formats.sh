#!/usr/bin/env bash
# test_ci_formats.sh - the CI report formats fed to the clients that read
# them: Microsoft's SARIF multitool (`sarif-multitool validate`, npm package
# in tests/node) on every broken example and on a folder run; JUnit checked
# with xmllint against the Jenkins xUnit junit-10.xsd; GitHub workflow
# commands and GitLab Code Quality read back, byte for byte, from a file whose
# name and finding carry every character those formats must escape. Paths are
# relative to --base (default: the current folder), never absolute unless
# given so.
source "$(dirname "$0")/lib.sh"

XSD="$EGAF_ROOT/tests/data/junit/junit-10.xsd"
NODE_DIR="$EGAF_ROOT/tests/node"

# --- SARIF: sarif-multitool validate -----------------------------------------
if [ ! -d "$NODE_DIR/node_modules/@microsoft/sarif-multitool" ]; then
    (cd "$NODE_DIR" && npm ci --silent --no-audit --no-fund) >"$T/npm.log" 2>&1 ||
        { fail "npm ci in tests/node" "see below"; cat "$T/npm.log"; }
fi
# The self-contained Linux build (no .NET needed); bin.js runs it through a
# shell, which would split the ';' of --level, so it is called directly.
MULTITOOL=$(cd "$NODE_DIR" && node -p 'require("@microsoft/sarif-multitool")' 2>/dev/null)

mkdir -p "$T/sarif"
for model in examples/broken/*.yaml; do
    run validate --format sarif -o "$T/sarif/$(basename "$model" .yaml).sarif" "$model"
done
# a folder given by its absolute path, the report made from a subfolder with
# --base naming the repository root
run validate --format sarif -o "$T/sarif/folder-absolute.sarif" "$EGAF_ROOT/examples/broken"
(cd examples && egaf validate --format sarif --base .. -o "$T/sarif/folder-subdir.sarif" \
    ../examples/national-2020 >/dev/null 2>&1)
count=$(ls "$T/sarif" | wc -l)

# multitool_check NAME FILE...: no result at error or warning level; notes
# only of kinds that do not apply (SARIF2006: a URL not reachable from the
# test machine; SARIF2009: rule ids not of the form TOOL1234, egaf's ids are
# documented names; SARIF2002: messages as text rather than a template and
# arguments, since each is written in the user's language with its element;
# SARIF2003: no versionControlProvenance, since egaf does not read the
# version control: the upload action adds the commit).
multitool_check() {
    local name=$1
    shift
    if [ ! -x "$MULTITOOL" ]; then
        fail "$name" "no sarif-multitool in tests/node (run make deps)"
        return
    fi
    "$MULTITOOL" validate --level "Error;Warning;Note" "$@" >"$T/mt.log" 2>&1
    local rc=$?
    local bad
    bad=$(grep -E ': (error|warning|note) [A-Z0-9]+' "$T/mt.log" | grep -vE ': note SARIF200[2369]:')
    if [ "$rc" = 0 ] && [ -z "$bad" ] && grep -q 'Analysis completed successfully' "$T/mt.log"; then
        ok "$name"
    else
        fail "$name" "sarif-multitool (exit $rc) said:"
        { [ -n "$bad" ] && echo "$bad" || cat "$T/mt.log"; } | cut -c1-300 | head -20
    fi
}
multitool_check "sarif: multitool finds no error, warning or note ($count reports)" \
    "$T"/sarif/*.sarif

# jscheck NAME FILE SCRIPT: SCRIPT runs with the parsed FILE as `d` and an
# assert(condition, why).
jscheck() {
    local name=$1 file=$2 why
    if why=$(node -e '
const fs = require("fs");
const d = JSON.parse(fs.readFileSync(process.argv[1], "utf8"));
const assert = (c, why) => { if (!c) { console.log(why); process.exit(1); } };
'"$3" "$file" "${@:4}" 2>&1); then
        ok "$name"
    else
        fail "$name" "$why"
    fi
}

jscheck "sarif: absolute input, paths relative to %SRCROOT%" "$T/sarif/folder-absolute.sarif" '
const run = d.runs[0];
assert(!JSON.stringify(d).includes(process.argv[2]), "the machine path is in the report");
assert(run.originalUriBaseIds["%SRCROOT%"] && !run.originalUriBaseIds["%SRCROOT%"].uri,
       "%SRCROOT% named without its absolute place");
const uris = run.results.map(r => r.locations[0].physicalLocation.artifactLocation);
assert(uris.length > 10, "results");
for (const a of uris)
  assert(a.uriBaseId === "%SRCROOT%" && /^examples\/broken\/[a-z0-9-]+\.yaml$/.test(a.uri),
         "uri " + JSON.stringify(a));
' "$EGAF_ROOT"

jscheck "sarif: --base .. from a subfolder, rules documented" "$T/sarif/folder-subdir.sarif" '
const run = d.runs[0], drv = run.tool.driver;
assert(run.results.length > 0, "results");
for (const r of run.results) {
  const a = r.locations[0].physicalLocation.artifactLocation;
  assert(a.uriBaseId === "%SRCROOT%" && a.uri.startsWith("examples/national-2020/"), "uri " + a.uri);
}
assert(/^https:\/\//.test(drv.informationUri) && drv.semanticVersion === drv.version, "driver");
for (const rule of drv.rules) {
  assert(/^[A-Z][A-Za-z]+$/.test(rule.name), "name " + rule.name);
  assert(rule.helpUri.endsWith("/docs/rules.md#" + rule.id.replace(/\./g, "")), rule.helpUri);
  assert(rule.help.markdown.includes("**How to fix:**") && rule.help.text, "help");
  assert(rule.fullDescription.text && rule.shortDescription.text, "descriptions");
  assert(Array.isArray(rule.properties.tags) && rule.properties.tags[0] === rule.id.split(".")[0],
         "tags");
}
'

# A security rule: tagged "security" with a security-severity GitHub ranks.
jscheck "sarif: security rules carry security-severity" "$T/sarif/missing-security-level.sarif" '
const rule = d.runs[0].tool.driver.rules.find(r => r.id === "security.level-missing");
assert(rule, "the rule");
assert(rule.properties.tags.includes("security"), "tag");
assert(Number(rule.properties["security-severity"]) > 0, "security-severity");
'

# consolidate reports as validate does, --base included (the reference
# models, $EGAF_REFS inside the checkout, are named from the base too)
(cd examples && egaf consolidate --year 2020 --no-diagrams --format sarif --base .. \
    -o "$T/site" ../examples/national-2020 >"$T/consolidate.sarif" 2>"$ERR")
jscheck "consolidate --base: paths relative to the base" "$T/consolidate.sarif" '
const uris = d.runs[0].results.filter(r => r.locations)
    .map(r => r.locations[0].physicalLocation.artifactLocation);
assert(uris.length > 0, "results with a location");
for (const a of uris)
  assert(a.uriBaseId === "%SRCROOT%" &&
         /^(examples\/national-2020|reference-models)\//.test(a.uri), "uri " + a.uri);
'

run validate --format sarif --base "$T/no-such-folder" examples/broken/key-typo.yaml
expect_status "--base that does not exist exits 2" 2
expect_grep "--base that does not exist says so" "no-such-folder" "$ERR"
run validate --format sarif --base "$EGAF_ROOT" -o "$T/abs-base.sarif" examples/broken/key-typo.yaml
jscheck "sarif: --base given absolute is %SRCROOT%'s uri" "$T/abs-base.sarif" '
const base = d.runs[0].originalUriBaseIds["%SRCROOT%"].uri;
assert(base === "file://" + process.argv[2] + "/", "base " + base);
' "$EGAF_ROOT"

# --- hostile file names and messages -----------------------------------------
# A file whose name holds %, ',', ':', CR, LF, a tab, XML specials and
# Vietnamese; its unknown key (the message) holds %, ',', ':' and XML
# specials. (A control character can no longer reach a message from model
# text: a control escape in a double-quoted scalar is a yaml.encoding finding
# and the text stops before it; tests/unit/test_report.c feeds the writers
# messages with CR, LF, ESC and BEL directly.)
H="$T/hostile"
mkdir -p "$H/models"
NAME=$'we%ird,na:me\r\nx <&>"\'\t mô.yaml'
printf 'framework: "2.0"\narchitecture:\n  id: lang-son\n  agency: lang-son\n  level: province\n  name: X\n  year: 2020\n  "k%%,:<&> z": 1\n' \
    >"$H/models/$NAME"
KEY='k%,:<&> z'
cd "$H" || exit 2
for f in sarif junit github gitlab; do
    egaf validate --format "$f" -o "$H/r.$f" models >/dev/null 2>"$ERR"
    STATUS=$?
    expect_status "hostile: $f report written, exit 1" 1
done
multitool_check "hostile: sarif-multitool takes the report" "$H/r.sarif"
jscheck "hostile: sarif uri decodes to the file name" "$H/r.sarif" '
const name = process.argv[2];
const r = d.runs[0].results.find(r => r.ruleId === "schema.unknown-key");
const a = r.locations[0].physicalLocation.artifactLocation;
assert(/^[A-Za-z0-9._~\/%-]+$/.test(a.uri), "unencoded character in " + a.uri);
assert(decodeURIComponent(a.uri) === "models/" + name && a.uriBaseId === "%SRCROOT%",
       "uri " + a.uri);
' "$NAME"

# JUnit: valid against junit-10.xsd, and the message attribute reads back.
if xmllint --noout --schema "$XSD" "$H/r.junit" >"$T/xl.log" 2>&1; then
    ok "hostile: junit valid against junit-10.xsd"
else
    fail "hostile: junit valid against junit-10.xsd" "xmllint said:"
    cat "$T/xl.log"
fi
xmllint --xpath 'string(//testcase[@classname="schema.unknown-key"]/failure/@message)' \
    "$H/r.junit" >"$T/msg" 2>&1
# (xmllint ends what it prints with a newline)
printf "unknown key 'k%%,:<&> z' in architecture\n" >"$T/msg.want"
if cmp -s "$T/msg" "$T/msg.want"; then ok "hostile: junit message attribute reads back"; else
    fail "hostile: junit message attribute reads back" "got:"
    od -c "$T/msg" | head
fi
xmllint --xpath 'string(//testsuite[testcase/@classname="schema.unknown-key"]/@file)' \
    "$H/r.junit" >"$T/file" 2>&1
printf '%s\n' "models/$NAME" >"$T/file.want"
check "hostile: junit testsuite file reads back" cmp -s "$T/file" "$T/file.want"

# GitHub: one line per command; the runner's unescaping (actions/runner,
# ActionCommand: %0D %0A %3A %2C then %25 in properties, %0D %0A %25 in
# data) gives back the file name and the message.
if [ "$(grep -c '^::' "$H/r.github")" = "$(($(wc -l <"$H/r.github") - 1))" ]; then
    ok "hostile: github one command per line"
else
    fail "hostile: github one command per line" "a command spans lines"
    cat -A "$H/r.github" | head
fi
echo '{}' >"$T/empty.json"
jscheck "hostile: github properties and message read back" "$T/empty.json" '
const lines = fs.readFileSync(process.argv[2], "utf8").split("\n").filter(l => l.startsWith("::"));
const unData = s => s.replace(/%0D/g, "\r").replace(/%0A/g, "\n").replace(/%25/g, "%");
const unProp = s => unData(s.replace(/%3A/g, ":").replace(/%2C/g, ","));
const cmd = l => {
  const m = /^::(\w+) ([^:]*)::(.*)$/.exec(l);
  assert(m, "not a command: " + l);
  const props = Object.fromEntries(m[2].split(",").map(p => {
    const i = p.indexOf("=");
    return [p.slice(0, i), unProp(p.slice(i + 1))];
  }));
  return {command: m[1], props, message: unData(m[3])};
};
const c = lines.map(cmd).find(c => c.props.title === "schema.unknown-key");
assert(c, "the unknown-key command");
assert(c.props.file === "models/" + process.argv[3], "file " + JSON.stringify(c.props.file));
assert(c.props.line === "8" && c.props.col === "3", "position");
const key = process.argv[4].replace("\x1b", "\u241b").replace("\x07", "\u2407");
assert(c.message.startsWith("unknown key \x27" + key + "\x27 in architecture"),
       "message " + JSON.stringify(c.message));
' "$H/r.github" "$NAME" "$KEY"

jscheck "hostile: gitlab Code Quality fields read back" "$H/r.gitlab" '
const sev = ["info", "minor", "major", "critical", "blocker"];
for (const i of d) {
  assert(typeof i.description === "string" && i.description, "description");
  assert(typeof i.check_name === "string" && i.check_name, "check_name");
  assert(/^[0-9a-f]{32}$/.test(i.fingerprint), "fingerprint");
  assert(sev.includes(i.severity), "severity");
  assert(typeof i.location.path === "string" && Number.isInteger(i.location.lines.begin) &&
         i.location.lines.begin >= 1, "location");
}
const i = d.find(i => i.check_name === "schema.unknown-key");
assert(i.location.path === "models/" + process.argv[2], "path " + JSON.stringify(i.location.path));
assert(i.location.lines.begin === 8, "line");
assert(i.description.startsWith("unknown key \x27" + process.argv[3] + "\x27 in architecture"),
       "description " + JSON.stringify(i.description));
' "$NAME" "$KEY"

# From a subfolder with --base ..: GitHub and GitLab name the file from the
# base, as the runner and GitLab resolve it against the repository root.
mkdir -p "$H/sub"
cd "$H/sub" || exit 2
egaf validate --format github --base .. "../models/$NAME" >"$OUT" 2>"$ERR"
expect_grep "github: file relative to --base" '^::error file=models/we%25ird%2Cna%3Ame%0D%0Ax ' "$OUT"
egaf validate --format gitlab "$H/models/$NAME" >"$OUT" 2>"$ERR"
expect_grep "gitlab: absolute input outside the base stays absolute" \
    "\"path\": \"$H/models/we%ird" "$OUT"
egaf validate --format gitlab --base "$H" "$H/models/$NAME" >"$OUT" 2>"$ERR"
expect_grep "gitlab: absolute input inside --base is relative" '"path": "models/we%ird' "$OUT"
cd "$EGAF_ROOT" || exit 2

# --- JUnit on every broken example: schema-valid; warnings pass -------------
bad=""
for model in examples/broken/*.yaml; do
    egaf validate --format junit -o "$T/j.xml" "$model" >/dev/null 2>&1
    xmllint --noout --schema "$XSD" "$T/j.xml" >/dev/null 2>&1 || bad="$bad $model"
done
if [ -z "$bad" ]; then ok "junit: every broken example valid against junit-10.xsd"; else
    fail "junit: every broken example valid against junit-10.xsd" "invalid:$bad"
fi
egaf validate --format junit -o "$T/j.xml" examples/broken >/dev/null 2>&1
check "junit: a folder run valid against junit-10.xsd" \
    xmllint --noout --schema "$XSD" "$T/j.xml"

# A model whose only findings are warnings exits 0: no failed testcase;
# with --werror it exits 1 and the warnings fail.
run validate --format junit -o "$T/w.xml" examples/national-2020/son-la.yaml
warnings=$(xmllint --xpath 'string(//property[@name="warnings"]/@value)' "$T/w.xml")
if [ "$STATUS" = 0 ] && [ "${warnings:-0}" -gt 0 ]; then
    expect_no_grep "junit: warnings of a passing run are no failures" '<failure' "$T/w.xml"
    run validate --format junit --werror -o "$T/w.xml" examples/national-2020/son-la.yaml
    expect_status "junit --werror: exits 1" 1
    expect_grep "junit --werror: the warnings fail" '<failure message=.* type="warning">' "$T/w.xml"
else
    fail "junit: a model with warnings only" "son-la.yaml: exit $STATUS, ${warnings:-0} warnings"
fi
