// Checks the text of an architecture document converted to PDF by
// LibreOffice (tests/e2e/test_document.sh): every chapter heading and every
// element's name (roadmap tasks, units, targets, solutions and standards
// included, the last four counted kind by kind) is there. Names come from `egaf export --format json` of
// the same model. Whitespace is collapsed on both sides (a name wraps in a
// table cell or a list item). Prints "ok NAME" / "FAIL NAME: why".
// usage: node check-pdf.js NAME TEXT.txt EXPORT.json HEADING...
'use strict';
const fs = require('fs');
const [name, textFile, exportFile, ...headings] = process.argv.slice(2);
// LibreOffice breaks a line after a hyphen or a dash ("X-⏎quang"), and
// pdftotext joins such a line dropping the hyphen ("Xquang"): hyphens and
// dashes (and the white space after them) are left out on both sides
const norm = (s) => s.normalize('NFC').replace(/[-–]\s*/g, '').replace(/\s+/g, ' ').trim();
const text = norm(fs.readFileSync(textFile, 'utf8'));
const missingHeadings = headings.filter((h) => !text.includes(norm(h)));
if (missingHeadings.length) console.log(`FAIL ${name}-headings: missing ${JSON.stringify(missingHeadings)}`);
else console.log(`ok ${name}-headings`);
const arch = JSON.parse(fs.readFileSync(exportFile, 'utf8')).architectures[0];
const names = arch.elements.filter((e) => e.name && e.kind !== 'integration').map((e) => e.name);
const missing = names.filter((n) => !text.includes(norm(n)));
if (missing.length) console.log(`FAIL ${name}-names: ${missing.length} of ${names.length} names missing: ${JSON.stringify(missing.slice(0, 5))}`);
else if (names.length === 0) console.log(`FAIL ${name}-names: the model has no named element`);
else console.log(`ok ${name}-names (${names.length})`);
// the kinds of issue 18, each on its own line so a chapter left out names itself
for (const kind of ['unit', 'target', 'solution', 'standard']) {
  const ofKind = arch.elements.filter((e) => e.kind === kind && e.name).map((e) => e.name);
  if (ofKind.length === 0) continue;
  const gone = ofKind.filter((n) => !text.includes(norm(n)));
  if (gone.length) console.log(`FAIL ${name}-${kind}-names: ${gone.length} of ${ofKind.length} missing: ${JSON.stringify(gone.slice(0, 5))}`);
  else console.log(`ok ${name}-${kind}-names (${ofKind.length})`);
}
