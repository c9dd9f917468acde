#!/usr/bin/env bash
# test_formats.sh - `egaf validate --format sarif|junit|github|gitlab` on a
# broken model: SARIF valid against the OASIS schema, JUnit well-formed,
# GitHub workflow commands exact, GitLab Code Quality parsed with its
# fields, fingerprints independent of the line, exit codes as for text.
source "$(dirname "$0")/lib.sh"

# The loader's own findings, so the test does not depend on later checks:
# a duplicate key at 7:3 (first defined at 6:3) and an unknown key at 9:3.
# The file name has a space, which SARIF must percent-encode.
write_model() {
    cat >"$T/broken model.yaml" <<'EOF'
framework: "2.0"
architecture:
  id: lang-son
  agency: lang-son
  level: province
  name: Kiến trúc CQĐT tỉnh Lạng Sơn
  name: Lạng Sơn
  year: 2020
  yeer: 2021
EOF
}
write_model
cd "$T" || exit 2
M="broken model.yaml"

run validate "$M"
expect_status "text: error findings exit 1" 1
text_status=$STATUS

for f in sarif junit github gitlab json; do
    run validate --format "$f" -o "$T/r.$f" "$M"
    expect_status "$f: exit status as for text" "$text_status"
    if [ -s "$T/r.$f" ] && [ ! -s "$OUT" ]; then ok "$f: -o writes the file, not stdout"; else
        fail "$f: -o writes the file, not stdout" "r.$f empty or stdout not empty"
    fi
    run validate --format "$f" "$M"
    check "$f: stdout equals the -o file" cmp -s "$OUT" "$T/r.$f"
done

run validate --format sarif -o "$T/no-such-dir/r.sarif" "$M"
expect_status "unwritable output exits 2" 2
run validate --format nope "$M"
expect_status "unknown format exits 2" 2

# --- SARIF ------------------------------------------------------------------
# the OASIS schema is vendored in tests/data/sarif; ajv comes from npm
# (tools/deps.sh, `make deps`, installs tests/sarif/node_modules)
sarif_dir="$EGAF_ROOT/tests/sarif"
if [ ! -f "$EGAF_ROOT/tests/data/sarif/sarif-schema-2.1.0.json" ]; then
    fail "sarif: schema present" "tests/data/sarif/sarif-schema-2.1.0.json is missing: it is part of the repository (git checkout tests/data)"
elif [ ! -d "$sarif_dir/node_modules" ]; then
    fail "sarif: ajv installed" "no tests/sarif/node_modules: run \`make deps\` (npm ci in tests/sarif)"
elif node "$sarif_dir/check-sarif.js" "$T/r.sarif" >"$T/v.log" 2>&1; then
    ok "sarif: valid against the SARIF 2.1.0 schema"
else
    fail "sarif: valid against the SARIF 2.1.0 schema" "check-sarif.js said:"
    cat "$T/v.log"
fi

# jscheck NAME FILE SCRIPT: runs the JavaScript SCRIPT with the parsed FILE as
# `d`; SCRIPT calls assert(condition, why), which exits 1 with why.
jscheck() {
    local name=$1 file=$2 why
    if why=$(node -e '
const fs = require("fs");
const d = JSON.parse(fs.readFileSync(process.argv[1], "utf8"));
const assert = (c, why) => { if (!c) { console.log(why); process.exit(1); } };
'"$3" "$file" 2>&1); then
        ok "$name"
    else
        fail "$name" "$why"
    fi
}

jscheck "sarif: results, locations, related, rules" "$T/r.sarif" '
const run = d.runs[0];
assert(d.runs.length === 1, "one run");
assert(run.tool.driver.name === "egaf" && run.tool.driver.version, "driver name and version");
assert(/^https:/.test(run.tool.driver.informationUri), "informationUri");
const ids = run.tool.driver.rules.map(r => r.id);
assert(JSON.stringify(ids) === JSON.stringify([...ids].sort()), "rules sorted");
const dup = run.results.find(r => r.ruleId === "yaml.duplicate-key");
const unk = run.results.find(r => r.ruleId === "schema.unknown-key");
assert(dup && unk, "both findings");
for (const r of [dup, unk]) {
  assert(run.tool.driver.rules[r.ruleIndex].id === r.ruleId, "ruleIndex points at its rule");
  assert(r.level === "error", "level");
  assert(/^[0-9a-f]{32}$/.test(r.partialFingerprints["egaf/v1"]), "fingerprint");
  const rule = run.tool.driver.rules[r.ruleIndex];
  assert(rule.shortDescription.text && rule.fullDescription.text && rule.help.text, "rule texts");
  assert(rule.defaultConfiguration.level === "error", "default level");
}
const loc = dup.locations[0].physicalLocation;
assert(loc.artifactLocation.uri === "broken%20model.yaml", "uri " + loc.artifactLocation.uri);
assert(loc.region.startLine === 7 && loc.region.startColumn === 3 && loc.region.endColumn === 7,
       "region " + JSON.stringify(loc.region));
assert(dup.relatedLocations[0].physicalLocation.region.startLine === 6, "related at 6");
assert(/first defined/.test(dup.relatedLocations[0].message.text), "related message");
assert(unk.locations[0].physicalLocation.region.startLine === 9, "unknown key at 9");
assert(/did you mean .year./.test(unk.message.text), "hint in message");
'

# Fingerprints name rule, file and element, not the line: two comment lines
# at the top move both findings down and keep their fingerprints.
{ printf '# moved\n# down\n'; cat "$M"; } >"$T/moved.yaml" && mv "$T/moved.yaml" "$M"
run validate --format sarif -o "$T/moved.sarif" "$M"
jscheck "sarif: fingerprints do not depend on the line" "$T/moved.sarif" '
const fp = f => Object.fromEntries(JSON.parse(fs.readFileSync(f, "utf8")).runs[0].results
    .map(r => [r.ruleId, [r.partialFingerprints["egaf/v1"],
                          r.locations[0].physicalLocation.region.startLine]]));
const a = fp(process.argv[1].replace(/moved.sarif$/, "r.sarif")), b = fp(process.argv[1]);
for (const k of ["yaml.duplicate-key", "schema.unknown-key"]) {
  assert(a[k][0] === b[k][0], k + ": fingerprint changed");
  assert(b[k][1] === a[k][1] + 2, k + ": line did not move");
}
'
write_model

# --- JUnit ------------------------------------------------------------------
check "junit: well-formed XML (xmllint)" xmllint --noout "$T/r.junit"
expect_grep "junit: a testsuite per file" \
    '<testsuite name="broken model.yaml" file="broken model.yaml" tests="[0-9]+" failures="[0-9]+"' "$T/r.junit"
expect_grep "junit: a failing testcase per error" \
    '<failure message="duplicate key &#39;name&#39;" type="error">' "$T/r.junit"
expect_grep "junit: the summary testsuite" '<testsuite name="egaf" ' "$T/r.junit"

# --- GitHub -----------------------------------------------------------------
cat >"$T/github.want" <<'EOF'
::error file=broken model.yaml,line=7,col=3,endColumn=6,title=yaml.duplicate-key::duplicate key 'name'%0Ahint: remove one of the two; only one value can be kept%0Abroken model.yaml:6:3: 'name' first defined here
::error file=broken model.yaml,line=9,col=3,endColumn=6,title=schema.unknown-key::unknown key 'yeer' in architecture%0Ahint: did you mean 'year'?
EOF
if grep -vxF -f "$T/r.github" "$T/github.want" >"$T/missing"; then
    fail "github: exact workflow commands" "lines missing from the output:"
    cat "$T/missing"
    cat "$T/r.github"
else
    ok "github: exact workflow commands"
fi
expect_grep "github: summary line last" '^1 file checked: ' "$T/r.github"
run validate --format github -q "$M"
expect_no_grep "github: --quiet drops the summary" 'file checked'

# --- GitLab -----------------------------------------------------------------
jscheck "gitlab: Code Quality issues with their fields" "$T/r.gitlab" '
assert(Array.isArray(d), "an array");
const sev = ["info", "minor", "major", "critical", "blocker"];
for (const i of d) {
  assert(typeof i.description === "string" && i.description, "description");
  assert(typeof i.check_name === "string", "check_name");
  assert(/^[0-9a-f]{32}$/.test(i.fingerprint), "fingerprint");
  assert(sev.includes(i.severity), "severity " + i.severity);
  assert(typeof i.location.path === "string" && Number.isInteger(i.location.lines.begin),
         "location");
}
assert(new Set(d.map(i => i.fingerprint)).size === d.length, "fingerprints unique");
const dup = d.find(i => i.check_name === "yaml.duplicate-key");
assert(dup && dup.severity === "major" && dup.location.path === "broken model.yaml" &&
       dup.location.lines.begin === 7, "duplicate key issue " + JSON.stringify(dup));
const sarif = JSON.parse(fs.readFileSync(process.argv[1].replace(/gitlab$/, "sarif"), "utf8"));
const s = sarif.runs[0].results.find(r => r.ruleId === "yaml.duplicate-key");
assert(s.partialFingerprints["egaf/v1"] === dup.fingerprint, "same fingerprint as SARIF");
'

# --- determinism ------------------------------------------------------------
for f in sarif junit github gitlab; do
    run validate --format "$f" -o "$T/again.$f" "$M"
    check "$f: same bytes on a second run" cmp -s "$T/r.$f" "$T/again.$f"
done

# --- a clean run: the disabled findings leave nothing the loader reports ----
run validate --format gitlab --disable yaml.duplicate-key --disable schema.unknown-key "$M"
jscheck "gitlab: disabled rules are not reported" "$OUT" '
assert(!d.some(i => ["yaml.duplicate-key", "schema.unknown-key"].includes(i.check_name)),
       "disabled rule reported");
'
