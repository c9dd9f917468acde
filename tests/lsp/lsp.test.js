// A scripted editor for `egaf lsp` (run by tests/e2e/test_lsp.sh): it speaks
// the Language Server Protocol through vscode-jsonrpc, as VS Code does, and
// prints "ok NAME" or "FAIL NAME: why" for each check.
//
// Environment: EGAF (the binary), T (a temporary folder of the test's own).
'use strict';
const { spawn, execFileSync } = require('child_process');
const fs = require('fs');
const path = require('path');
const rpc = require('vscode-jsonrpc/node');

const EGAF = process.env.EGAF;
const T = process.env.T;
const SCALE = Number(process.env.LSP_TIMEOUT_SCALE || 1); // valgrind is slower
let failures = 0;

function ok(name) { console.log(`ok ${name}`); }
function fail(name, why) { failures++; console.log(`FAIL ${name}: ${why}`); }
function check(name, cond, why) { if (cond) ok(name); else fail(name, why); }

// A 2020 provincial model with three seeded mistakes, each with an
// unambiguous fix: an enum value (role: tthc), a local reference
// (hosted-on: [ttdl-tnh]) and a national id (national:ngps).
const MODEL = `framework: "2.0"
architecture:
  id: cao-bang
  agency: "000.00.00.H14"
  level: province
  name: Kiến trúc Chính quyền điện tử tỉnh Cao Bằng
  version: "2.0"
  year: 2020
  period: {from: 2020, to: 2025}
  vision: Chính quyền điện tử tỉnh Cao Bằng phục vụ người dân.
  goals: [Cung cấp dịch vụ công trực tuyến toàn trình]
  scope: Các sở, ban, ngành, UBND cấp huyện, cấp xã của tỉnh.
  principles: [Kết nối qua nền tảng LGSP của tỉnh]

business:
  actors:
    - id: nguoi-dan
      name: Người dân
      kind: citizn
  channels:
    - id: cong-dvc
      name: Cổng Dịch vụ công tỉnh
      kind: web
  services:
    - id: khai-sinh
      name: Đăng ký khai sinh
      online: full
      handled-by: he-thong-tthc
      channels: [cong-dvc]
      actors: [nguoi-dan]

data:
  databases:
    - id: csdl-tthc
      name: CSDL giải quyết thủ tục hành chính
      kind: specialized
      sources: [national:csdl-dan-cuu]
      hosted-on: [ttdl-tinh]
      security-level: 3

application:
  applications:
    - id: he-thong-tthc
      name: Hệ thống thông tin giải quyết thủ tục hành chính tỉnh
      role: tthc
      security-level: 3
      uses: [csdl-tthc]
      hosted-on: [ttdl-tinh]
    - id: qlvb
      name: Hệ thống quản lý văn bản và điều hành
      role: qlvb
      security-level: 2
      hosted-on: [ttdl-tnh]
    - id: bao-cao
      name: Hệ thống thông tin báo cáo tỉnh
      role: bao-cao
      security-level: 2
      hosted-on: [ttdl-tinh]
  platforms:
    - id: lgsp-cao-bang
      name: Nền tảng tích hợp, chia sẻ dữ liệu tỉnh Cao Bằng
      kind: lgsp
      connects: [national:ngsp]
      hosted-on: [ttdl-tinh]
      security-level: 3
  integrations:
    - from: he-thong-tthc
      to: national:dvcqg
      via: lgsp-cao-bang
      route: a
      data: [Hồ sơ thủ tục hành chính]
    - from: qlvb
      to: national:tltvb
      via: lgsp-cao-bang
      route: a
      data: [Văn bản điện tử]
    - from: bao-cao
      to: national:bccp
      via: lgsp-cao-bang
      route: a
      data: [Chỉ tiêu báo cáo]

technology:
  infrastructure:
    - id: ttdl-tinh
      name: Trung tâm dữ liệu tỉnh Cao Bằng
      kind: data-center
      connects: [national:tslcd]
      security-level: 3

security:
  controls:
    - id: tuong-lua
      name: Tường lửa trung tâm dữ liệu
      kind: firewall
      protects: [ttdl-tinh, he-thong-tthc, lgsp-cao-bang, csdl-tthc]

implementation:
  organisation: Sở Thông tin và Truyền thông tỉnh Cao Bằng chủ trì triển khai.
  roadmap:
    - id: nang-cap-lgsp
      name: Nâng cấp LGSP kết nối NGSP
      from: 2021
      to: 2022
      delivers: [lgsp-cao-bang]
`;

function startServer(args = []) {
  const child = spawn(EGAF, ['lsp', ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => { stderr += d; });
  const exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal, stderr })));
  return { child, exited };
}

// A session of the server started with args: initialized (params over
// the usual initialize params) and told so.
async function openSession(args, params = {}) {
  const { child, exited } = startServer(args);
  const conn = connect(child);
  await withTimeout(conn.sendRequest('initialize', { processId: null, capabilities: {}, ...params }), 10000, 'initialize');
  conn.sendNotification('initialized', {});
  return { conn, exited };
}

// Shuts a session down and waits for its process to exit.
async function closeSession({ conn, exited }) {
  await conn.sendRequest('shutdown');
  conn.sendNotification('exit');
  await withTimeout(exited, 5000, 'exit');
  conn.dispose();
}

function connect(child) {
  const conn = rpc.createMessageConnection(
    new rpc.StreamMessageReader(child.stdout), new rpc.StreamMessageWriter(child.stdin));
  const published = [];
  const waiters = [];
  conn.onNotification('textDocument/publishDiagnostics', (p) => {
    published.push(p);
    for (const w of waiters.splice(0)) w();
  });
  conn.listen();
  conn.published = published;
  // the next diagnostics published for uri (after `after` earlier ones)
  conn.nextDiagnostics = (uri, timeoutMs = 10000 * SCALE) => new Promise((resolve, reject) => {
    const start = published.length;
    const timer = setTimeout(() => reject(new Error(`no diagnostics for ${uri} in ${timeoutMs} ms`)), timeoutMs);
    const look = () => {
      for (let i = start; i < published.length; i++)
        if (published[i].uri === uri) { clearTimeout(timer); resolve(published[i]); return; }
      waiters.push(look);
    };
    look();
  });
  return conn;
}

function withTimeout(p, ms, what) {
  return Promise.race([p, new Promise((_, rej) => setTimeout(() => rej(new Error(`${what}: no answer in ${ms * SCALE} ms`)), ms * SCALE))]);
}

function applyEdits(text, edits) {
  // edits on distinct ranges, applied from the last to the first
  const lines = text.split('\n');
  const offset = (pos) => {
    let o = 0;
    for (let i = 0; i < pos.line; i++) o += lines[i].length + 1;
    return o + pos.character; // the lines here are within the BMP: UTF-16 = JS index
  };
  const sorted = [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start));
  for (const e of sorted)
    text = text.slice(0, offset(e.range.start)) + e.newText + text.slice(offset(e.range.end));
  return text;
}

// egaf's column (characters) of an LSP character offset on a line
function columnOf(text, line, character) {
  const l = text.split('\n')[line];
  return [...l.slice(0, character)].length + 1;
}

async function main() {
  const file = path.join(T, 'cao-bang.yaml');
  fs.writeFileSync(file, MODEL);
  const uri = 'file://' + file;

  // what `egaf validate` finds in the same file
  let expected;
  try {
    execFileSync(EGAF, ['validate', '--format', 'json', file], { encoding: 'utf8' });
    fail('validate-finds-the-mistakes', 'validate exited 0');
    return;
  } catch (e) {
    expected = JSON.parse(e.stdout).findings;
  }
  const rules = expected.map((f) => f.rule).sort();
  check('three-seeded-mistakes', expected.length === 3,
    `validate found ${expected.length}: ${JSON.stringify(rules)}`);

  const { child, exited } = startServer(['--lang', 'en']);
  const conn = connect(child);
  const init = await withTimeout(conn.sendRequest('initialize', {
    processId: process.pid, rootUri: 'file://' + T, capabilities: {}, locale: 'en',
  }), 10000, 'initialize');
  check('initialize-capabilities', init.capabilities && init.capabilities.hoverProvider &&
    init.capabilities.completionProvider && init.capabilities.codeActionProvider,
  JSON.stringify(init));
  conn.sendNotification('initialized', {});

  let diags = conn.nextDiagnostics(uri);
  conn.sendNotification('textDocument/didOpen', {
    textDocument: { uri, languageId: 'yaml', version: 1, text: MODEL },
  });
  let pub = await diags;
  const got = pub.diagnostics.map((d) => ({
    rule: d.code, line: d.range.start.line + 1,
    column: columnOf(MODEL, d.range.start.line, d.range.start.character),
  }));
  const want = expected.map((f) => ({ rule: f.rule, line: f.line, column: f.column }));
  const key = (x) => `${x.line}:${x.column}:${x.rule}`;
  check('diagnostics-equal-validate', JSON.stringify(got.map(key).sort()) === JSON.stringify(want.map(key).sort()),
    `lsp ${JSON.stringify(got.map(key))} validate ${JSON.stringify(want.map(key))}`);
  const sev = { error: 1, warning: 2, note: 3 };
  check('diagnostics-severity', pub.diagnostics.every((d) => {
    const f = expected.find((e) => e.line === d.range.start.line + 1 && e.rule === d.code);
    return f && sev[f.severity] === d.severity;
  }), JSON.stringify(pub.diagnostics.map((d) => d.severity)));
  check('diagnostics-rule-link', pub.diagnostics.every((d) => d.source === 'egaf' &&
    d.codeDescription && /^https:.*\/docs\/rules\.md#/.test(d.codeDescription.href) &&
    d.codeDescription.href.endsWith('#' + d.code.replace(/\./g, ''))), JSON.stringify(pub.diagnostics[0]));
  check('diagnostics-version', pub.version === 1, `version ${pub.version}`);

  // the quick fix of the national id, applied as an editor would
  const national = pub.diagnostics.find((d) => d.message.includes('csdl-dan-cuu'));
  const actions = national ? await conn.sendRequest('textDocument/codeAction', {
    textDocument: { uri }, range: national.range, context: { diagnostics: [national] },
  }) : [];
  const fix = actions.find((a) => a.kind === 'quickfix' && a.isPreferred);
  check('quick-fix-offered', fix && fix.edit.changes[uri][0].newText === 'national:csdl-dan-cu',
    JSON.stringify(actions));
  const waiver = actions.find((a) => a.title.includes('ref.unresolved') && !a.isPreferred);
  check('waiver-skeleton-offered', waiver && /waivers:\n\s+- rule: ref.unresolved\n\s+reason: "/.test(
    waiver.edit.changes[uri][0].newText), JSON.stringify(actions.map((a) => a.title)));
  let text = fix ? applyEdits(MODEL, fix.edit.changes[uri]) : MODEL;
  diags = conn.nextDiagnostics(uri);
  conn.sendNotification('textDocument/didChange', {
    textDocument: { uri, version: 2 }, contentChanges: [{ text }],
  });
  pub = await diags;
  check('quick-fix-removes-finding', pub.diagnostics.length === 2 &&
    !pub.diagnostics.some((d) => d.message.includes('csdl-dan-cuu')),
  JSON.stringify(pub.diagnostics.map((d) => d.message)));

  // the waiver skeleton is valid YAML that waives the finding
  const local = pub.diagnostics.find((d) => d.message.includes('ttdl-tnh'));
  const actions2 = local ? await conn.sendRequest('textDocument/codeAction', {
    textDocument: { uri }, range: local.range, context: { diagnostics: [local] },
  }) : [];
  const w2 = actions2.find((a) => !a.isPreferred);
  if (w2) {
    const waived = applyEdits(text, w2.edit.changes[uri]);
    diags = conn.nextDiagnostics(uri);
    conn.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 3 }, contentChanges: [{ text: waived }],
    });
    pub = await diags;
    check('waiver-skeleton-waives', pub.diagnostics.length === 1 &&
      !pub.diagnostics.some((d) => d.message.includes('ttdl-tnh')),
    JSON.stringify(pub.diagnostics.map((d) => d.code + ' ' + d.message)));
    // back to the text with two mistakes
    diags = conn.nextDiagnostics(uri);
    conn.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 4 }, contentChanges: [{ text }],
    });
    await diags;
  } else {
    fail('waiver-skeleton-waives', 'no waiver action: ' + JSON.stringify(actions2));
  }

  // an incremental change (a range replaced), as editors send by default
  const lines = text.split('\n');
  const roleLine = lines.findIndex((l) => l.includes('kind: citizn'));
  const at = lines[roleLine].indexOf('citizn');
  diags = conn.nextDiagnostics(uri);
  conn.sendNotification('textDocument/didChange', {
    textDocument: { uri, version: 5 },
    contentChanges: [{ range: { start: { line: roleLine, character: at }, end: { line: roleLine, character: at + 6 } }, text: 'citizen' }],
  });
  pub = await diags;
  text = text.replace('kind: citizn', 'kind: citizen');
  check('incremental-change', pub.diagnostics.length === 1 && pub.diagnostics[0].message.includes('ttdl-tnh'),
    JSON.stringify(pub.diagnostics.map((d) => d.message)));

  // a burst of changes is checked once (the debounce)
  const before = pub;
  const countBefore = conn.published.filter((p) => p.uri === uri).length;
  for (let v = 6; v < 26; v++)
    conn.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: v }, contentChanges: [{ text }],
    });
  await new Promise((r) => setTimeout(r, 1500 * SCALE));
  const count = conn.published.filter((p) => p.uri === uri).length - countBefore;
  check('debounced-burst', count >= 1 && count <= 3, `${count} publications for 20 changes`);
  void before;

  // completion after `national:` knows the model's year
  const complete = async (src, line, character) => {
    conn.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 100 }, contentChanges: [{ text: src }],
    });
    return conn.sendRequest('textDocument/completion', { textDocument: { uri }, position: { line, character } });
  };
  const nat = text.split('\n');
  const ci = nat.findIndex((l) => l.includes('connects: [national:ngsp]'));
  const col = nat[ci].indexOf('national:') + 'national:'.length;
  let items = await complete(text, ci, col);
  let labels = (Array.isArray(items) ? items : items.items).map((i) => i.label);
  check('completion-national-2020', labels.includes('national:ngsp') && !labels.includes('national:vneid'),
    `${labels.length} items: ${labels.slice(0, 8).join(' ')}`);
  const text2026 = text.replace('year: 2020', 'year: 2026').replace('period: {from: 2020, to: 2025}', 'period: {from: 2026, to: 2030}');
  items = await complete(text2026, ci, col);
  labels = (Array.isArray(items) ? items : items.items).map((i) => i.label);
  check('completion-national-2026', labels.includes('national:vneid'), `${labels.length} items`);
  const vneid = (Array.isArray(items) ? items : items.items).find((i) => i.label === 'national:vneid');
  check('completion-item-vietnamese-name', vneid && /[Đđơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/.test(vneid.detail || ''),
    JSON.stringify(vneid));
  // keys of an application
  const ki = nat.findIndex((l) => l.includes('role: tthc'));
  const keyText = text.split('\n');
  keyText.splice(ki, 0, '      ');
  items = await complete(keyText.join('\n'), ki, 6);
  labels = (Array.isArray(items) ? items : items.items).map((i) => i.label);
  check('completion-keys-of-kind', labels.includes('security-level') && labels.includes('hosted-on'),
    labels.join(' '));
  // enum values of role
  items = await complete(text, ki, nat[ki].length);
  labels = (Array.isArray(items) ? items : items.items).map((i) => i.label);
  check('completion-enum', labels.includes('tthc') && labels.includes('qlvb'), labels.join(' '));
  const enumItems = Array.isArray(items) ? items : items.items;
  const detailOf = (label) => (enumItems.find((i) => i.label === label) || {}).detail;
  check('completion-enum-vietnamese-names', detailOf('tthc') === 'Hệ thống thông tin giải quyết thủ tục hành chính' &&
    detailOf('qlvb') === 'Hệ thống quản lý văn bản và điều hành' && detailOf('other') === 'Khác',
  JSON.stringify(enumItems.slice(0, 3)));
  // local ids of the right kind for uses (databases), not applications
  const ui = nat.findIndex((l) => l.includes('uses: [csdl-tthc]'));
  items = await complete(text, ui, nat[ui].indexOf('csdl-tthc'));
  labels = (Array.isArray(items) ? items : items.items).map((i) => i.label);
  check('completion-local-kind', labels.includes('csdl-tthc') && !labels.includes('he-thong-tthc'),
    labels.join(' '));
  // local ids of the kind each reference takes: hosted-on infrastructure,
  // via a platform, handled-by an application
  const kindOf = async (needle, word) => {
    const li = nat.findIndex((l) => l.includes(needle));
    const r = await complete(text, li, nat[li].indexOf(word));
    return (Array.isArray(r) ? r : r.items).map((i) => i.label);
  };
  labels = await kindOf('hosted-on: [ttdl-tinh]', 'ttdl-tinh');
  check('completion-local-hosted-on', labels.includes('ttdl-tinh') && !labels.includes('csdl-tthc') &&
    !labels.includes('lgsp-cao-bang'), labels.join(' '));
  labels = await kindOf('via: lgsp-cao-bang', 'lgsp-cao-bang');
  check('completion-local-via', labels.includes('lgsp-cao-bang') && !labels.includes('he-thong-tthc') &&
    !labels.includes('ttdl-tinh'), labels.join(' '));
  labels = await kindOf('handled-by: he-thong-tthc', 'he-thong-tthc');
  check('completion-local-handled-by', labels.includes('he-thong-tthc') && labels.includes('qlvb') &&
    !labels.includes('lgsp-cao-bang') && !labels.includes('csdl-tthc'), labels.join(' '));
  // agencies
  const ai = nat.findIndex((l) => l.includes('agency:'));
  items = await complete(text, ai, nat[ai].length);
  labels = (Array.isArray(items) ? items : items.items).map((i) => i.label);
  check('completion-agency-2020', labels.includes('cao-bang') && !labels.includes('bo-nong-nghiep-va-moi-truong'),
    `${labels.length} items`);

  conn.sendNotification('textDocument/didChange', {
    textDocument: { uri, version: 200 }, contentChanges: [{ text }],
  });
  // hover on a national id and on a local id; definition of a local reference
  const hi = nat.findIndex((l) => l.includes('national:dvcqg'));
  const hover = await conn.sendRequest('textDocument/hover', {
    textDocument: { uri }, position: { line: hi, character: nat[hi].indexOf('dvcqg') + 2 },
  });
  check('hover-national', hover && hover.contents.value.includes('Cổng Dịch vụ công quốc gia') &&
    /van-phong-chinh-phu/.test(hover.contents.value), JSON.stringify(hover));
  check('hover-national-source-confidence', hover && /Source: [^\n]*\S/.test(hover.contents.value) &&
    /Confidence: (confirmed|reported|inferred)/.test(hover.contents.value), JSON.stringify(hover));
  const hb = nat.findIndex((l) => l.includes('handled-by: he-thong-tthc'));
  const def = await conn.sendRequest('textDocument/definition', {
    textDocument: { uri }, position: { line: hb, character: nat[hb].indexOf('he-thong') + 3 },
  });
  const idLine = nat.findIndex((l) => l.includes('- id: he-thong-tthc'));
  check('definition-local', def && def.uri === uri && def.range.start.line === idLine &&
    def.range.start.character === nat[idLine].indexOf('he-thong-tthc'), JSON.stringify(def));
  const hover2 = await conn.sendRequest('textDocument/hover', {
    textDocument: { uri }, position: { line: hb, character: nat[hb].indexOf('he-thong') + 3 },
  });
  check('hover-local', hover2 && hover2.contents.value.includes('Hệ thống thông tin giải quyết'),
    JSON.stringify(hover2));

  // an unknown request is an error response, the server goes on
  let unknownError = null;
  try { await conn.sendRequest('egaf/nothing', {}); } catch (e) { unknownError = e; }
  check('unknown-method-error', unknownError && unknownError.code === -32601, String(unknownError));

  diags = conn.nextDiagnostics(uri);
  conn.sendNotification('textDocument/didClose', { textDocument: { uri } });
  pub = await diags;
  check('close-clears', pub.diagnostics.length === 0, JSON.stringify(pub));

  await withTimeout(conn.sendRequest('shutdown'), 5000, 'shutdown');
  conn.sendNotification('exit');
  const end = await withTimeout(exited, 5000, 'exit');
  check('shutdown-exit-clean', end.code === 0, `exit ${end.code} ${end.signal} ${end.stderr}`);
  conn.dispose();
}

// The client's locale chooses the language of the messages.
async function vietnamese() {
  const file = path.join(T, 'cao-bang.yaml');
  const uri = 'file://' + file;
  const { conn, exited } = await openSession([], { locale: 'vi-VN' });
  const diags = conn.nextDiagnostics(uri);
  conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text: MODEL } });
  const pub = await diags;
  check('locale-vi-messages', pub.diagnostics.some((d) => d.message.includes("có phải ý bạn là 'ttdl-tinh'?")),
    JSON.stringify(pub.diagnostics.map((d) => d.message)));
  const fix = pub.diagnostics.find((d) => d.data && d.data.fix === 'ttdl-tinh');
  const actions = fix ? await conn.sendRequest('textDocument/codeAction', {
    textDocument: { uri }, range: fix.range, context: { diagnostics: [fix] } }) : [];
  check('locale-vi-action-title', actions.some((a) => a.title === "Thay bằng 'ttdl-tinh'"),
    JSON.stringify(actions.map((a) => a.title)));
  await closeSession({ conn, exited });
}

// A no-break space pasted after a reference: the finding at the character,
// and the quick fix that replaces it makes the finding go.
async function lookalike() {
  const file = path.join(T, 'cao-bang.yaml');
  const uri = 'file://' + file;
  const fixed = MODEL.replace('kind: citizn', 'kind: citizen').replace('national:csdl-dan-cuu', 'national:csdl-dan-cu')
    .replace('hosted-on: [ttdl-tnh]', 'hosted-on: [ttdl-tinh]');
  const text = fixed.replace('handled-by: he-thong-tthc', 'handled-by: he-thong-tthc\u00a0');
  const { conn, exited } = await openSession(['--lang', 'en']);
  let diags = conn.nextDiagnostics(uri);
  conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text } });
  let pub = await diags;
  const line = text.split('\n').findIndex((l) => l.includes('\u00a0'));
  const d = pub.diagnostics.find((x) => /U\+00A0 NO-BREAK SPACE/.test(x.message));
  check('lookalike-at-the-character', d && d.range.start.line === line &&
    d.range.start.character === text.split('\n')[line].indexOf('\u00a0') && d.data && d.data.fix === ' ',
  JSON.stringify(pub.diagnostics));
  const actions = d ? await conn.sendRequest('textDocument/codeAction', {
    textDocument: { uri }, range: d.range, context: { diagnostics: [d] } }) : [];
  const fix = actions.find((a) => a.isPreferred);
  diags = conn.nextDiagnostics(uri);
  conn.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 },
    contentChanges: [{ text: fix ? applyEdits(text, fix.edit.changes[uri]) : text }] });
  pub = await diags;
  check('lookalike-quick-fix', fix && pub.diagnostics.length === 0, JSON.stringify(pub.diagnostics.map((x) => x.message)));
  await closeSession({ conn, exited });
}

// A model with includes: the findings of every file, as validate gives
// them, each under its own file's uri; definition from the top-level file to
// an element of an include. Another open model of the same folder is checked
// with the one that changes (a reference between architectures).
async function includesAndFolder() {
  const dir = path.join(T, 'inc');
  fs.mkdirSync(path.join(dir, 'son-la'), { recursive: true });
  const ex = path.join(__dirname, '..', '..', 'examples', 'national-2020');
  for (const f of ['son-la.yaml', 'son-la/nghiep-vu.yaml', 'son-la/du-lieu.yaml', 'son-la/ung-dung.yaml'])
    fs.copyFileSync(path.join(ex, f), path.join(dir, f));
  const file = path.join(dir, 'son-la.yaml');
  const uri = 'file://' + file;
  const text = fs.readFileSync(file, 'utf8');
  let expected;
  try {
    expected = JSON.parse(execFileSync(EGAF, ['validate', '--format', 'json', file], { encoding: 'utf8' })).findings;
  } catch (e) {
    expected = JSON.parse(e.stdout).findings;
  }
  const { conn, exited } = await openSession(['--lang', 'en']);
  const appsUri = 'file://' + path.join(dir, 'son-la', 'ung-dung.yaml');
  const mainDiags = conn.nextDiagnostics(uri);
  const appsDiags = conn.nextDiagnostics(appsUri);
  conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text } });
  const pubs = [await mainDiags, await appsDiags];
  const got = [];
  for (const p of pubs) {
    const src = fs.readFileSync(p.uri.slice('file://'.length), 'utf8');
    for (const d of p.diagnostics)
      got.push(`${fs.realpathSync(p.uri.slice('file://'.length))}:${d.range.start.line + 1}:${columnOf(src, d.range.start.line, d.range.start.character)}:${d.code}`);
  }
  const want = expected.map((f) => `${fs.realpathSync(f.file)}:${f.line}:${f.column}:${f.rule}`);
  check('include-diagnostics-equal-validate', want.length > 0 && want.some((w) => w.includes('ung-dung.yaml')) &&
    JSON.stringify(got.sort()) === JSON.stringify(want.sort()), `lsp ${JSON.stringify(got)} validate ${JSON.stringify(want)}`);
  // `protects: [cong-ttdt, httt-tthc, …]`: httt-tthc is in son-la/ung-dung.yaml
  const lines = text.split('\n');
  const pl = lines.findIndex((l) => l.includes('protects: [cong-ttdt, httt-tthc'));
  const def = await conn.sendRequest('textDocument/definition', {
    textDocument: { uri }, position: { line: pl, character: lines[pl].indexOf('httt-tthc') + 2 } });
  const apps = fs.readFileSync(path.join(dir, 'son-la', 'ung-dung.yaml'), 'utf8').split('\n');
  const il = apps.findIndex((l) => l === '    - id: httt-tthc');
  check('definition-across-include', def && def.uri === appsUri && def.range.start.line === il &&
    def.range.start.character === apps[il].indexOf('httt-tthc'), JSON.stringify(def));

  // two architectures of one folder
  const a = execFileSync(EGAF, ['init', '--agency', 'lang-son', '--year', '2020', '-o', '-'], { encoding: 'utf8' })
    .replace('  integrations:\n', '  integrations:\n    - id: tich-hop-cao-bang\n      from: httt-tthc\n' +
      '      to: cao-bang:httt-tthcc\n      data: ["Hồ sơ liên thông"]\n');
  const b = execFileSync(EGAF, ['init', '--agency', 'cao-bang', '--year', '2020', '-o', '-'], { encoding: 'utf8' });
  const aUri = 'file://' + path.join(dir, 'lang-son.yaml');
  const bUri = 'file://' + path.join(dir, 'cao-bang.yaml');
  const toLine = a.split('\n').findIndex((l) => l.includes('to: cao-bang:httt-tthcc'));
  let diags = conn.nextDiagnostics(aUri);
  conn.sendNotification('textDocument/didOpen', { textDocument: { uri: aUri, languageId: 'yaml', version: 1, text: a } });
  let pub = await diags;
  check('other-architecture-not-open', pub.diagnostics.length === 1 && pub.diagnostics[0].code === 'ref.cross-architecture' &&
    pub.diagnostics[0].range.start.line === toLine, JSON.stringify(pub.diagnostics.map((d) => d.code)));
  diags = conn.nextDiagnostics(bUri);
  conn.sendNotification('textDocument/didOpen', { textDocument: { uri: bUri, languageId: 'yaml', version: 1, text: b } });
  await diags;
  diags = conn.nextDiagnostics(aUri);
  conn.sendNotification('textDocument/didChange', { textDocument: { uri: aUri, version: 2 }, contentChanges: [{ text: a }] });
  pub = await diags;
  check('other-architecture-open', pub.diagnostics.length === 1 && pub.diagnostics[0].code === 'ref.unresolved' &&
    pub.diagnostics[0].range.start.line === toLine && pub.diagnostics[0].range.start.character === 10 &&
    pub.diagnostics[0].message.includes("architecture 'cao-bang' has no element 'httt-tthcc'"),
  JSON.stringify(pub.diagnostics.map((d) => d.code + ' ' + d.message)));

  // the did-you-mean of an unknown key and of an agency, as quick fixes
  const typos = a.replace('  version: "1.0"\n', '  verison: "1.0"\n').replace(/agency: "[^"]*"/, 'agency: "lang-sonn"');
  diags = conn.nextDiagnostics(aUri);
  conn.sendNotification('textDocument/didChange', { textDocument: { uri: aUri, version: 3 }, contentChanges: [{ text: typos }] });
  pub = await diags;
  const fixOf = (d) => d && d.data && d.data.fix;
  const keyTypo = pub.diagnostics.find((d) => d.code === 'schema.unknown-key');
  const agencyTypo = pub.diagnostics.find((d) => d.code === 'header.agency-unknown');
  check('quick-fix-unknown-key', fixOf(keyTypo) === 'version', JSON.stringify(pub.diagnostics));
  check('quick-fix-agency', fixOf(agencyTypo) === 'lang-son', JSON.stringify(pub.diagnostics));
  const edits = [];
  for (const d of [keyTypo, agencyTypo].filter(Boolean)) {
    const acts = await conn.sendRequest('textDocument/codeAction', {
      textDocument: { uri: aUri }, range: d.range, context: { diagnostics: [d] } });
    const fix = acts.find((x) => x.isPreferred);
    if (fix) edits.push(...fix.edit.changes[aUri]);
  }
  diags = conn.nextDiagnostics(aUri);
  conn.sendNotification('textDocument/didChange', { textDocument: { uri: aUri, version: 4 },
    contentChanges: [{ text: applyEdits(typos, edits) }] });
  pub = await diags;
  check('quick-fixes-key-agency-applied', edits.length === 2 && pub.diagnostics.length === 1 &&
    pub.diagnostics[0].code === 'ref.unresolved', JSON.stringify(pub.diagnostics.map((d) => d.code)));
  await closeSession({ conn, exited });
}

// A required component cut out of `egaf init`'s own model: the quick fix
// puts egaf init's entry back where its list is, at the list's indentation,
// and the model is clean again (the finding goes, no new one comes).
async function missingComponent() {
  const file = path.join(T, 'lang-son.yaml');
  const uri = 'file://' + file;
  const init = execFileSync(EGAF, ['init', '--agency', 'lang-son', '--year', '2020', '-o', '-'], { encoding: 'utf8' });
  // cut the lines from the one starting with `from` to the next starting with `to`
  const cut = (text, from, to) => {
    const lines = text.split('\n');
    const a = lines.findIndex((l) => l.startsWith(from));
    const b = lines.findIndex((l, i) => i > a && l.startsWith(to));
    return a < 0 || b < 0 ? text : [...lines.slice(0, a), ...lines.slice(b + 1)].join('\n');
  };
  const { conn, exited } = await openSession(['--lang', 'en']);
  let version = 1;
  const session = async (name, text, wantLine, wantText) => {
    let diags = conn.nextDiagnostics(uri);
    if (version === 1)
      conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version, text } });
    else
      conn.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
    version++;
    let pub = await diags;
    const before = pub.diagnostics.map((d) => d.code).sort();
    const missing = pub.diagnostics.find((d) => d.code === 'component.missing');
    const actions = missing ? await conn.sendRequest('textDocument/codeAction', {
      textDocument: { uri }, range: missing.range, context: { diagnostics: [missing] } }) : [];
    const add = actions.find((a) => a.isPreferred && /missing component/.test(a.title));
    const edit = add && add.edit.changes[uri][0];
    check(`${name}-offered`, edit && edit.range.start.line === wantLine &&
      edit.range.start.character === text.split('\n')[wantLine].length &&
      edit.range.end.line === wantLine && edit.newText === wantText,
    `${JSON.stringify(before)} ${JSON.stringify(actions)}`);
    if (!edit) return null;
    const fixed = applyEdits(text, [edit]);
    diags = conn.nextDiagnostics(uri);
    conn.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text: fixed }] });
    version++;
    pub = await diags;
    check(`${name}-clean-after`, before.includes('component.missing') && pub.diagnostics.length === 0,
      `before ${JSON.stringify(before)} after ${JSON.stringify(pub.diagnostics.map((d) => d.code + ' ' + d.message))}`);
    return fixed;
  };
  // an application: after the last one of the list, where init wrote it
  const noReporting = cut(init, '    # Điền: tên hệ thống thông tin báo cáo', '      hosted-on: [ttdl]');
  const reportingLines = noReporting.split('\n');
  const qlvbEnd = reportingLines.indexOf('  platforms:') - 1; // qlvb's last line, the list's
  const fixed = await session('missing-application', noReporting, qlvbEnd,
    '\n    # Điền: tên hệ thống thông tin báo cáo và cấp độ an toàn đã được phê duyệt\n' +
    '    - id: bao-cao\n' +
    '      name: "Hệ thống thông tin báo cáo tỉnh Lạng Sơn"\n' +
    '      role: bao-cao\n' +
    '      security-level: 2\n' +
    '      hosted-on: [ttdl]');
  check('missing-application-as-init', fixed === init, 'the fixed model differs from egaf init\'s');
  // the whole platforms list: the list key and the LGSP under the section
  const noPlatforms = cut(init, '  platforms:', '      security-level: 3');
  const lastIntegration = noPlatforms.split('\n').findIndex((l) => l.includes('Báo cáo định kỳ'));
  await session('missing-list', noPlatforms, lastIntegration,
    '\n  platforms:\n' +
    '    # Điền: tên nền tảng tích hợp, chia sẻ dữ liệu đang vận hành\n' +
    '    - id: lgsp-lang-son\n' +
    '      name: "Nền tảng tích hợp, chia sẻ dữ liệu tỉnh Lạng Sơn (LGSP)"\n' +
    '      kind: lgsp\n' +
    '      connects: [national:ngsp]\n' +
    '      hosted-on: [ttdl]\n' +
    '      security-level: 3');
  await closeSession({ conn, exited });
}

// The editor set-ups the docs and editors/vscode give start this server:
// the VS Code extension (run against stand-ins for the vscode modules), and
// the Neovim and Helix lines of the English and Vietnamese guides, whose
// command each answers initialize.
async function editors() {
  const root = path.join(__dirname, '..', '..');
  const ext = path.join(root, 'editors', 'vscode');
  const pkg = JSON.parse(fs.readFileSync(path.join(ext, 'package.json'), 'utf8'));
  check('vscode-package', pkg.main === './extension.js' && pkg.activationEvents.includes('onLanguage:yaml') &&
    pkg.dependencies['vscode-languageclient'], JSON.stringify(pkg));
  const Module = require('module');
  const load = Module._load;
  let started = null;
  Module._load = function (request, ...rest) {
    if (request === 'vscode')
      return { workspace: { getConfiguration: () => ({ get: (k) => (k === 'refs' ? '/refs' : undefined) }) } };
    if (request === 'vscode-languageclient/node')
      return {
        TransportKind: { stdio: 0 },
        LanguageClient: class { constructor(id, name, server, options) { started = { server, options }; } start() { return Promise.resolve(); } stop() {} },
      };
    return load.call(this, request, ...rest);
  };
  try {
    const extension = require(path.join(ext, 'extension.js'));
    await extension.activate({ subscriptions: [] });
  } finally {
    Module._load = load;
  }
  check('vscode-starts-egaf-lsp', started && started.server.command === 'egaf' &&
    JSON.stringify(started.server.args) === JSON.stringify(['lsp', '--refs', '/refs']) &&
    started.options.documentSelector.some((d) => d.language === 'yaml'), JSON.stringify(started));
  for (const guide of ['docs/en/editors.md', 'docs/vi/trinh-soan-thao.md']) {
    const md = fs.readFileSync(path.join(root, guide), 'utf8');
    const nvim = /cmd = \{ '([^']+)', '([^']+)' \}/.exec(md);
    const helix = /\[language-server\.egaf\]\ncommand = "([^"]+)"\nargs = \["([^"]+)"\]/.exec(md);
    const helixYaml = /\[\[language\]\]\nname = "yaml"\nlanguage-servers = \[[^\]]*"egaf"/.test(md);
    for (const [name, m] of [['neovim', nvim], ['helix', helix]]) {
      let answered = false;
      if (m && m[1] === 'egaf') {
        const { child, exited } = (() => {
          const c = spawn(EGAF, [m[2], '--lang', 'en'], { stdio: ['pipe', 'pipe', 'pipe'] });
          return { child: c, exited: new Promise((r) => c.on('exit', (code) => r(code))) };
        })();
        const conn = connect(child);
        const init = await withTimeout(conn.sendRequest('initialize', { processId: null, capabilities: {} }), 10000, 'initialize');
        answered = !!(init && init.capabilities && init.capabilities.codeActionProvider);
        await conn.sendRequest('shutdown');
        conn.sendNotification('exit');
        answered = answered && (await withTimeout(exited, 5000, 'exit')) === 0;
        conn.dispose();
      }
      check(`${name}-lines-${guide.split('/')[1]}`, answered && (name !== 'helix' || helixYaml),
        `${guide}: ${m ? m[0] : 'no ' + name + ' lines'}`);
    }
  }
}

// Raw bytes no client library would send: each gets an error response or
// is skipped, and the server goes on to answer a good request after them.
async function malformed() {
  const { child, exited } = startServer(['--lang', 'en']);
  let out = '';
  child.stdout.on('data', (d) => { out += d.toString('latin1'); });
  const frame = (body) => `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
  child.stdin.write('Content-Length: nope\r\n\r\n');
  child.stdin.write(frame('{"jsonrpc":"2.0","id":1,"method":'));
  child.stdin.write(frame('[1,2,3]'));
  child.stdin.write(frame('{"jsonrpc":"2.0","id":2,"method":"initialize","params":{"capabilities":{}}}'));
  // ten megabytes in one message
  const big = JSON.stringify({ jsonrpc: '2.0', method: 'textDocument/didOpen', params: { textDocument: { uri: 'file:///tmp/big.yaml', version: 1, text: 'x'.repeat(10 << 20) } } });
  child.stdin.write(frame(big));
  // a message above the limit (its bytes are skipped)
  child.stdin.write(`Content-Length: ${40 << 20}\r\n\r\n`);
  child.stdin.write(Buffer.alloc(40 << 20, 0x20));
  child.stdin.write(frame('{"jsonrpc":"2.0","id":3,"method":"shutdown"}'));
  child.stdin.write(frame('{"jsonrpc":"2.0","method":"exit"}'));
  child.stdin.end();
  const end = await withTimeout(exited, 60000, 'malformed input');
  const bodies = out.split(/Content-Length: \d+\r\n\r\n/).filter(Boolean).map((b) => JSON.parse(b));
  const byId = (id) => bodies.find((b) => b.id === id);
  check('malformed-bad-header-error', bodies.some((b) => b.error && /header/.test(b.error.message)), out.slice(0, 300));
  check('malformed-json-parse-error', bodies.some((b) => b.error && b.error.code === -32700), out.slice(0, 300));
  check('malformed-not-object', bodies.some((b) => b.error && b.error.code === -32600 && /JSON-RPC/.test(b.error.message)), out.slice(0, 300));
  check('malformed-too-large-error', bodies.some((b) => b.error && /too large/.test(b.error.message)), out.slice(0, 300));
  check('malformed-then-answers', byId(2) && byId(2).result && byId(3) && byId(3).result === null,
    JSON.stringify(bodies.map((b) => b.id)));
  check('malformed-clean-exit', end.code === 0 && end.signal === null, `exit ${end.code} ${end.signal} ${end.stderr}`);
}

// Each session in turn: one that throws fails under its name, and the next
// still runs.
const sessions = [
  [main, 'lsp-session'],
  [vietnamese, 'lsp-vietnamese'],
  [lookalike, 'lsp-lookalike'],
  [includesAndFolder, 'lsp-includes-folder'],
  [missingComponent, 'lsp-missing-component'],
  [editors, 'lsp-editors'],
  [malformed, 'lsp-malformed'],
];

(async () => {
  for (const [session, name] of sessions) {
    try {
      await session();
    } catch (e) {
      fail(name, e.stack || String(e));
    }
  }
  process.exit(failures ? 1 : 0);
})();
