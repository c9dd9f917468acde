// completion.js SCHEMA: a scripted Language Server Protocol client of the
// real yaml-language-server (npm, this folder's package.json) with the
// schema `egaf schema` printed. It opens a model associated with the schema
// (a `# yaml-language-server: $schema=` first line), asks for completion at
// `role:`, at an integration's `to:` (the national: ids) and at `agency:`,
// and prints one line per item the test expects: "LABEL<TAB>DOCUMENTATION".
// tests/e2e/test_schema_completion.sh checks the lines; exit 2 when the
// server could not be driven.
"use strict";

const { spawn } = require("child_process");
const fs = require("fs");
const os = require("os");
const path = require("path");

const schemaPath = path.resolve(process.argv[2]);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "egaf-yls-"));
const modelPath = path.join(dir, "model.yaml");
const lines = [
    `# yaml-language-server: $schema=${schemaPath}`,
    'framework: "4.0"',
    "architecture:",
    "  id: x",
    "  agency: ",
    "  level: province",
    "  name: X",
    "  year: 2026",
    "application:",
    "  applications:",
    "    - id: a",
    "      name: A",
    "      role: ",
    "  integrations:",
    "    - from: a",
    "      to: ",
    "",
];
const text = lines.join("\n");
fs.writeFileSync(modelPath, text);
const uri = "file://" + modelPath;
const at = (needle) => {
    const line = lines.findIndex((l) => l.endsWith(needle));
    return { line, character: lines[line].length };
};

const server = spawn(process.execPath,
    [require.resolve("yaml-language-server/bin/yaml-language-server"), "--stdio"],
    { stdio: ["pipe", "pipe", "inherit"] });
let nextId = 1;
const pending = new Map();
let buffer = Buffer.alloc(0);

function send(msg) {
    const body = Buffer.from(JSON.stringify(Object.assign({ jsonrpc: "2.0" }, msg)), "utf8");
    server.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
    server.stdin.write(body);
}
function request(method, params) {
    const id = nextId++;
    send({ id, method, params });
    return new Promise((resolve, reject) => pending.set(id, { resolve, reject }));
}
const settings = { yaml: { validate: true, completion: true, hover: true, schemas: {} } };
function onMessage(msg) {
    if (msg.id !== undefined && msg.method) { // a request of the server
        let result = null;
        if (msg.method === "workspace/configuration")
            result = (msg.params.items || []).map((it) =>
                it.section === "yaml" ? settings.yaml : it.section ? null : settings);
        send({ id: msg.id, result });
        return;
    }
    if (msg.id !== undefined && pending.has(msg.id)) {
        const p = pending.get(msg.id);
        pending.delete(msg.id);
        if (msg.error) p.reject(new Error(msg.error.message));
        else p.resolve(msg.result);
    }
}
server.stdout.on("data", (chunk) => {
    buffer = Buffer.concat([buffer, chunk]);
    for (;;) {
        const end = buffer.indexOf("\r\n\r\n");
        if (end < 0) return;
        const m = /Content-Length: (\d+)/i.exec(buffer.slice(0, end).toString());
        const len = m ? Number(m[1]) : 0;
        if (buffer.length < end + 4 + len) return;
        const body = buffer.slice(end + 4, end + 4 + len).toString("utf8");
        buffer = buffer.slice(end + 4 + len);
        onMessage(JSON.parse(body));
    }
});

const doc = (d) => (d === undefined ? "" : typeof d === "string" ? d : d.value || "");
const timer = setTimeout(() => { console.error("yaml-language-server: no answer in 60 s"); process.exit(2); }, 60000);

(async () => {
    await request("initialize", {
        processId: process.pid,
        rootUri: "file://" + dir,
        capabilities: { textDocument: { completion: { completionItem: {
            snippetSupport: true, documentationFormat: ["plaintext"] } } },
            workspace: { configuration: true } },
    });
    send({ method: "initialized", params: {} });
    send({ method: "workspace/didChangeConfiguration", params: { settings } });
    send({ method: "textDocument/didOpen",
        params: { textDocument: { uri, languageId: "yaml", version: 1, text } } });
    for (const [what, needle] of [["role", "role: "], ["to", "to: "], ["agency", "agency: "]]) {
        const r = await request("textDocument/completion",
            { textDocument: { uri }, position: at(needle) });
        const items = Array.isArray(r) ? r : (r && r.items) || [];
        for (const it of items)
            console.log(`${what}\t${it.label}\t${doc(it.documentation).replace(/\s+/g, " ")}`);
    }
    await request("shutdown", null);
    send({ method: "exit" });
    clearTimeout(timer);
    fs.rmSync(dir, { recursive: true, force: true });
})().catch((e) => { console.error(`yaml-language-server: ${e.message}`); process.exit(2); });
