#!/usr/bin/env node
// check-models.js - validates model files against the JSON Schema that
// `egaf schema` prints. Each YAML file is parsed to JSON with the `yaml`
// package, then checked with ajv (draft-07).
//
// usage: node check-models.js SCHEMA.json [--included] [--invalid] FILE...
//   --included  the files are included files: check them against
//               #/definitions/included-file instead of the root schema
//   --invalid   the files must be rejected (prints the errors ajv reports)
// Prints "ok FILE" or "FAIL FILE: why" per file; exits 1 when any fails,
// 2 when the schema does not compile.
"use strict";
const fs = require("fs");
const Ajv = require("ajv");
const addFormats = require("ajv-formats");
const YAML = require("yaml");

const args = process.argv.slice(2);
if (args.length < 1) {
    console.error("usage: node check-models.js SCHEMA.json [--included] [--invalid] FILE...");
    process.exit(2);
}
const schemaPath = args.shift();
let included = false, invalid = false;
const files = [];
for (const a of args) {
    if (a === "--included") included = true;
    else if (a === "--invalid") invalid = true;
    else files.push(a);
}

let validate;
try {
    const schema = JSON.parse(fs.readFileSync(schemaPath, "utf8"));
    const ajv = new Ajv({ strict: true, allowUnionTypes: true, allErrors: true });
    addFormats(ajv);
    // the names editors show beside each allowed value in completion
    // (VS Code's and yaml-language-server's keyword); no validation meaning
    ajv.addKeyword({ keyword: "enumDescriptions", schemaType: "array" });
    ajv.addSchema(schema, "egaf-model");
    validate = ajv.getSchema(included ? "egaf-model#/definitions/included-file" : "egaf-model");
    if (!validate) throw new Error("schema did not compile");
} catch (e) {
    console.error(`schema ${schemaPath}: ${e.message}`);
    process.exit(2);
}

let failed = 0;
for (const file of files) {
    let data;
    try {
        data = YAML.parse(fs.readFileSync(file, "utf8"), { merge: true });
    } catch (e) {
        console.log(`FAIL ${file}: YAML: ${e.message}`);
        failed++;
        continue;
    }
    const ok = validate(data);
    const why = (validate.errors || [])
        .map((e) => `${e.instancePath || "/"} ${e.message}` +
            (e.params && e.params.additionalProperty ? ` '${e.params.additionalProperty}'` : "") +
            (e.params && e.params.allowedValues ? ` ${JSON.stringify(e.params.allowedValues)}` : ""))
        .join("; ");
    if (ok === !invalid) {
        console.log(`ok ${file}${invalid ? ": " + why : ""}`);
    } else {
        console.log(`FAIL ${file}: ${invalid ? "accepted, expected errors" : why}`);
        failed++;
    }
}
process.exit(failed ? 1 : 0);
