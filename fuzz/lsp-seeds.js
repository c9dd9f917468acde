// Writes seed inputs of the lsp fuzz target (fuzz/fuzz_lsp.c) into DIR:
// for each model file given, an editor's session on it, framed as the
// protocol frames it, after one leading byte (the target's piece size):
// initialize, open, a change, completion, hover, definition, a code
// action, close, shutdown, exit. Usage: node fuzz/lsp-seeds.js DIR FILE...
'use strict';
const fs = require('fs');
const path = require('path');
const crypto = require('crypto');

const [dir, ...files] = process.argv.slice(2);
const frame = (msg) => {
  const body = JSON.stringify({ jsonrpc: '2.0', ...msg });
  return `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
};
let written = 0;
for (const [i, file] of files.entries()) {
  const text = fs.readFileSync(file, 'utf8');
  const uri = 'file:///fuzz/' + path.basename(file);
  const td = { uri };
  const lines = text.split('\n');
  const line = Math.min(lines.length - 1, 10 + (i % 20));
  const pos = { line, character: Math.min(lines[line].length, 12) };
  const session = [
    { id: 1, method: 'initialize', params: { capabilities: {}, locale: i % 2 ? 'vi' : 'en' } },
    { method: 'initialized', params: {} },
    { method: 'textDocument/didOpen', params: { textDocument: { uri, languageId: 'yaml', version: 1, text } } },
    { method: 'textDocument/didChange', params: { textDocument: { uri, version: 2 }, contentChanges: [{ range: { start: pos, end: pos }, text: 'x' }] } },
    { id: 2, method: 'textDocument/completion', params: { textDocument: td, position: pos } },
    { id: 3, method: 'textDocument/hover', params: { textDocument: td, position: pos } },
    { id: 4, method: 'textDocument/definition', params: { textDocument: td, position: pos } },
    { id: 5, method: 'textDocument/codeAction', params: { textDocument: td, range: { start: pos, end: pos }, context: { diagnostics: [{ range: { start: pos, end: pos }, code: 'ref.unresolved', message: 'm', data: { fix: 'national:ngsp' } }] } } },
    { method: 'textDocument/didClose', params: { textDocument: td } },
    { id: 6, method: 'shutdown' },
    { method: 'exit' },
  ];
  const bytes = Buffer.concat([Buffer.from([i % 64]), Buffer.from(session.map(frame).join(''))]);
  if (bytes.length > 65536) continue; // fuzz-smoke's -max_len
  const name = crypto.createHash('sha1').update(bytes).digest('hex');
  fs.writeFileSync(path.join(dir, name), bytes);
  written++;
}
console.log(`fuzz seeds: lsp: ${written} sessions in ${dir}`);
