#!/usr/bin/env bash
# egaf schema: the JSON Schema (draft-07) of the model format. ajv (npm,
# tests/schema) compiles it in strict mode and validates every example model
# (parsed from YAML with the `yaml` package); included files are validated
# against #/definitions/included-file; broken fixtures are rejected.
. "$(dirname "$0")/lib.sh"

schema_dir=tests/schema
fix=tests/fixtures/schema

run schema
expect_status schema-exit 0
cp "$OUT" "$T/schema.json"
check schema-json-parses node -e 'JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"))' "$T/schema.json"
expect_grep schema-draft07 '"\$schema": "http://json-schema.org/draft-07/schema#"' "$T/schema.json"
expect_grep schema-national-enum '"national:ngsp"' "$T/schema.json"
expect_grep schema-national-db-enum '"national:csdl-dan-cu"' "$T/schema.json"
expect_grep schema-agency-enum '"000\.00\.00\.H26"' "$T/schema.json"
expect_grep schema-data-subject '"dan-cu"' "$T/schema.json"

# Every property has a description; additionalProperties is false everywhere
# except in `properties` (the free map).
if why=$(node -e '
const s = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
const bad = [];
function walk(node, path) {
    if (!node || typeof node !== "object") return;
    if (node.type === "object" || (Array.isArray(node.type) && node.type.includes("object"))) {
        const free = path.endsWith("/properties/properties");
        if (!free && node.additionalProperties !== false) bad.push(path + ": additionalProperties is not false");
        if (free && node.additionalProperties === false) bad.push(path + ": the free map is closed");
    }
    for (const map of ["properties", "definitions"])
        for (const [k, v] of Object.entries(node[map] || {})) {
            if (map === "properties" && !v.description && !v.$ref) bad.push(path + "/properties/" + k + ": no description");
            walk(v, path + "/" + map + "/" + k);
        }
    for (const list of ["anyOf", "allOf", "oneOf"])
        (node[list] || []).forEach((v, i) => walk(v, path + "/" + list + "/" + i));
    for (const one of ["items", "additionalProperties"])
        if (node[one] && typeof node[one] === "object") walk(node[one], path + "/" + one);
}
walk(s, "#");
if (bad.length) { console.log(bad.slice(0, 10).join("\n")); process.exit(1); }
' "$T/schema.json"); then ok schema-descriptions-closed; else fail schema-descriptions-closed "$why"; fi

# Deterministic, and -o writes the same bytes.
run schema
if cmp -s "$OUT" "$T/schema.json"; then ok schema-deterministic; else fail schema-deterministic "two runs differ"; fi
run schema -o "$T/out.json"
expect_status schema-o-exit 0
if cmp -s "$T/out.json" "$T/schema.json"; then ok schema-o-same; else fail schema-o-same "-o output differs"; fi

run schema --help
expect_status schema-help 0
expect_grep schema-help-text 'usage: egaf schema'
run schema extra-argument
expect_status schema-operand-usage 2
run schema --refs "$T/no-such-folder"
expect_status schema-bad-refs 2

# ajv: compile (strict) and validate the examples.
if [ ! -d "$schema_dir/node_modules/ajv" ] || [ ! -d "$schema_dir/node_modules/yaml-language-server" ]; then
    (cd "$schema_dir" && npm ci --silent --no-audit --no-fund) >"$T/npm.log" 2>&1 ||
        { fail "npm ci in tests/schema" "see below"; cat "$T/npm.log"; }
fi
ajv_check() { # NAME ARGS...: node check-models.js, passing when it exits 0
    local name=$1
    shift
    if node "$schema_dir/check-models.js" "$T/schema.json" "$@" >"$T/ajv.log" 2>&1; then
        ok "$name"
    else
        fail "$name" "ajv: $(grep -v '^ok ' "$T/ajv.log" | head -5)"
    fi
}
top=(examples/national-2020/*.yaml examples/national-2026/*.yaml)
ajv_check schema-examples-valid "${top[@]}"
if [ "$(grep -c '^ok ' "$T/ajv.log")" = "${#top[@]}" ]; then ok schema-examples-count; else
    fail schema-examples-count "expected ${#top[@]} files checked"; fi
ajv_check schema-included-files-valid --included examples/national-2020/*/*.yaml examples/national-2026/*/*.yaml

# issue 18: a model with every kind and field of the document's chapters is
# valid; a wrong value of a new enumeration, a unit without a name and a
# roadmap budget that is not a number are rejected
ajv_check schema-chapters-valid tests/fixtures/chapters/chapters.yaml
sed -e 's/progress: done/progress: finished/' -e 's/budget-million: 4500/budget-million: "4,5 tỷ"/' \
    -e 's/{id: so-noi-vu, name: Sở Nội vụ, /{id: so-noi-vu, /' \
    tests/fixtures/chapters/chapters.yaml >"$T/chapters-broken.yaml"
ajv_check schema-chapters-rejects-broken --invalid "$T/chapters-broken.yaml"
expect_grep schema-chapters-progress-enum "/roadmap/0/progress must be equal to one of the allowed values" "$T/ajv.log"
expect_grep schema-chapters-budget-integer "/roadmap/0/budget-million must be integer" "$T/ajv.log"
expect_grep schema-chapters-unit-name "/units/1 must have required property 'name'" "$T/ajv.log"

# Broken models are rejected, for the reason the fixture names.
ajv_check schema-rejects-unknown-key --invalid "$fix/unknown-key.yaml"
expect_grep schema-unknown-key-named "must NOT have additional properties 'nmae'" "$T/ajv.log"
ajv_check schema-rejects-wrong-enum --invalid "$fix/wrong-enum.yaml"
expect_grep schema-wrong-enum-level "/architecture/level must be equal to one of the allowed values" "$T/ajv.log"
expect_grep schema-wrong-enum-role "/applications/0/role must be equal to one of the allowed values" "$T/ajv.log"
ajv_check schema-rejects-unknown-national --invalid "$fix/wrong-national.yaml"
ajv_check schema-rejects-header-in-include --invalid --included "$fix/included-with-header.yaml"
# a top-level model is not an included file, and an included file is not a model
ajv_check schema-model-not-included --invalid --included examples/national-2020/lang-son.yaml
ajv_check schema-included-not-model --invalid examples/national-2020/lang-son/ung-dung.yaml

# examples/broken: the mistakes that are schema errors are rejected; the
# others are well-formed models that only egaf's rules catch.
ajv_check schema-rejects-broken-key-typo --invalid examples/broken/key-typo.yaml
expect_grep schema-broken-key-typo-named "must NOT have additional properties 'aproved-by'" "$T/ajv.log"
ajv_check schema-rejects-broken-unknown-national --invalid examples/broken/unknown-national-id.yaml
ajv_check schema-accepts-semantic-mistakes examples/broken/missing-lgsp.yaml \
    examples/broken/bypassed-route.yaml examples/broken/duplicate-population-master.yaml

# The loader agrees with the schema on the fixtures.
run validate "$fix/unknown-key.yaml"
expect_status schema-fixture-validate-unknown 1
expect_grep schema-fixture-unknown-rule 'schema\.unknown-key'
run validate "$fix/wrong-enum.yaml"
expect_grep schema-fixture-enum-rule 'schema\.enum'

# A starting model from `egaf init` follows the schema.
egaf init --agency bac-ninh-2025 --year 2026 -o "$T/init.yaml" >/dev/null 2>&1
ajv_check schema-init-model-valid "$T/init.yaml"
