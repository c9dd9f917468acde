#!/usr/bin/env node
// ajv-validate.js - the alternative a ministry would otherwise run: every
// model file parsed from YAML by the `yaml` package and validated by ajv
// (draft-07, ajv-formats) against the JSON Schema that `egaf schema` prints,
// all in this one node process. The parse and the validation are timed
// together, as a user would run them; only structure is checked (egaf's
// reference-model checks have no counterpart in a JSON Schema).
//
// usage: node ajv-validate.js SCHEMA.json DIR
//   DIR/*.yaml are top-level models (the root schema); DIR/*/*.yaml are
//   included files (#/definitions/included-file).
// Prints one summary line; exits 1 when a file is invalid, 2 on bad usage.
"use strict";
const fs = require("fs");
const path = require("path");
const Ajv = require("ajv");
const addFormats = require("ajv-formats");
const YAML = require("yaml");

if (process.argv.length !== 4) {
    console.error("usage: node ajv-validate.js SCHEMA.json DIR");
    process.exit(2);
}
const [schemaPath, dir] = process.argv.slice(2);
const t0 = process.hrtime.bigint();
const ajv = new Ajv({ strict: true, allowUnionTypes: true, allErrors: true });
addFormats(ajv);
// the names editors show beside each allowed value (VS Code's and
// yaml-language-server's keyword); no validation meaning
ajv.addKeyword({ keyword: "enumDescriptions", schemaType: "array" });
ajv.addSchema(JSON.parse(fs.readFileSync(schemaPath, "utf8")), "egaf-model");
const root = ajv.getSchema("egaf-model");
const included = ajv.getSchema("egaf-model#/definitions/included-file");

const files = [];
for (const name of fs.readdirSync(dir).sort()) {
    const p = path.join(dir, name);
    const st = fs.statSync(p);
    if (st.isFile() && name.endsWith(".yaml")) files.push([p, root]);
    else if (st.isDirectory())
        for (const sub of fs.readdirSync(p).sort())
            if (sub.endsWith(".yaml")) files.push([path.join(p, sub), included]);
}

let bytes = 0, invalid = 0;
for (const [file, validate] of files) {
    const text = fs.readFileSync(file, "utf8");
    bytes += Buffer.byteLength(text);
    const data = YAML.parse(text, { merge: true, maxAliasCount: 100000 });
    if (!validate(data)) {
        invalid++;
        if (invalid <= 5)
            console.error(`${file}: ${validate.errors.slice(0, 3)
                .map((e) => `${e.instancePath || "/"} ${e.message}`).join("; ")}`);
    }
}
const secs = Number(process.hrtime.bigint() - t0) / 1e9;
console.log(`ajv: ${files.length} files, ${bytes} bytes, ${invalid} invalid, ${secs.toFixed(3)} s, ` +
    `${(bytes / 1e6 / secs).toFixed(1)} MB/s`);
process.exit(invalid ? 1 : 0);
