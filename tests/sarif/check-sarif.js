#!/usr/bin/env node
// check-sarif.js - checks SARIF reports against the OASIS SARIF 2.1.0 JSON
// Schema vendored in tests/data/sarif (a draft-04 schema, so ajv's draft-04
// build; ajv-formats for its "uri" and "date-time" formats).
//
// usage: node check-sarif.js FILE...
// Prints "ok FILE" or "FAIL FILE: why" per file; exits 1 when any fails,
// 2 when the packages or the schema are missing (run `make deps`).
"use strict";
const fs = require("fs");
const path = require("path");

const schemaPath = path.join(__dirname, "..", "data", "sarif", "sarif-schema-2.1.0.json");
let Ajv04, addFormats;
try {
    Ajv04 = require("ajv-draft-04");
    addFormats = require("ajv-formats");
} catch (e) {
    console.error(`check-sarif: npm packages missing in ${__dirname}/node_modules: run \`make deps\``);
    process.exit(2);
}
const files = process.argv.slice(2);
if (files.length === 0) {
    console.error("usage: node check-sarif.js FILE...");
    process.exit(2);
}
let validate;
try {
    const ajv = new Ajv04({ allErrors: true, strict: false });
    addFormats(ajv);
    validate = ajv.compile(JSON.parse(fs.readFileSync(schemaPath, "utf8")));
} catch (e) {
    console.error(`check-sarif: schema ${schemaPath}: ${e.message} (it is vendored in tests/data/sarif)`);
    process.exit(2);
}

let failed = 0;
for (const file of files) {
    let report;
    try {
        report = JSON.parse(fs.readFileSync(file, "utf8"));
    } catch (e) {
        console.log(`FAIL ${file}: not JSON: ${e.message}`);
        failed++;
        continue;
    }
    if (validate(report)) {
        console.log(`ok ${file}`);
        continue;
    }
    failed++;
    const why = validate.errors.slice(0, 20).map((e) => `${e.instancePath || "/"} ${e.message}`);
    console.log(`FAIL ${file}: ${why.join("; ")}`);
}
process.exit(failed ? 1 : 0);
