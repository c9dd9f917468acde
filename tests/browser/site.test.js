// site.test.js - opens the site `egaf consolidate` wrote in headless Chromium
// from the file system, follows every link, and checks every page and every
// SVG: it loads, logs no console error, requests nothing outside the site
// folder, and shows the hostile element name as text with no dialog firing.
// Prints one "ok CHECK: N passed, N failed" (or FAIL) line per check, then
// the totals; exits 1 when a check failed.
//
// usage: node site.test.js SITE_DIR SCREENSHOT_DIR HOSTILE_TEXT
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const { pathToFileURL, fileURLToPath } = require('url');
const { chromium } = require('playwright-core');
const axeSource = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

const siteDir = path.resolve(process.argv[2]);
const shotDir = path.resolve(process.argv[3]);
const hostile = process.argv[4];
const prefix = pathToFileURL(siteDir).href + '/';

const checks = new Map();
function record(name, pass, detail) {
  if (!checks.has(name)) checks.set(name, { passed: 0, failed: 0, details: [] });
  const c = checks.get(name);
  if (pass) c.passed++;
  else {
    c.failed++;
    if (c.details.length < 20) c.details.push(detail);
  }
}

function strip(u) {
  const i = u.indexOf('#');
  return i < 0 ? u : u.slice(0, i);
}

// Listens to one page: console errors, page errors, requests, failures, dialogs.
function watch(page, state) {
  page.on('console', (msg) => {
    if (msg.type() === 'error') state.console.push(msg.text());
  });
  page.on('pageerror', (err) => state.console.push(String(err)));
  page.on('request', (req) => {
    const u = req.url();
    if (!u.startsWith(prefix)) state.outside.push(u);
  });
  page.on('requestfailed', (req) => state.failed.push(req.url() + ' ' + (req.failure() || {}).errorText));
  page.on('dialog', async (d) => {
    state.dialogs.push(d.message());
    await d.dismiss().catch(() => {});
  });
}

async function main() {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'egaf-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
           '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    viewport: { width: 1280, height: 1800 },
  });
  const state = { console: [], outside: [], failed: [], dialogs: [] };
  const page = context.pages()[0] || await context.newPage();
  watch(page, state);

  const queue = [prefix + 'index.html'];
  const seen = new Set(queue);
  const svgs = new Set();
  let hostilePage = null;
  while (queue.length) {
    const url = queue.shift();
    const rel = url.slice(prefix.length);
    state.console.length = 0;
    state.outside.length = 0;
    state.failed.length = 0;
    let loaded = true;
    try {
      await page.goto(url, { waitUntil: 'load' });
    } catch (e) {
      loaded = false;
      record('pages load', false, rel + ': ' + e.message.split('\n')[0]);
    }
    if (!loaded) continue;
    record('pages load', true);
    const csp = await page.$eval('meta[http-equiv="Content-Security-Policy"]',
      (m) => m.getAttribute('content')).catch(() => null);
    record('CSP on every page', csp && /default-src 'none'/.test(csp) &&
      /script-src 'self'(;|$)/.test(csp) && !/unsafe/.test(csp), rel + ': ' + csp);
    const imgs = await page.$$eval('img', (list) => list.map((i) => ({
      src: i.currentSrc || i.src, ok: i.complete && i.naturalWidth > 0 })));
    for (const img of imgs) {
      record('images load', img.ok, rel + ': ' + img.src);
      if (img.src.startsWith(prefix)) svgs.add(strip(img.src));
    }
    const links = await page.$$eval('a[href]', (list) => list.map((a) => a.href));
    for (const raw of links) {
      const link = strip(raw);
      const inside = link.startsWith(prefix);
      record('links stay in the site', inside, rel + ' -> ' + raw);
      if (!inside) continue;
      const file = fileURLToPath(link);
      record('links resolve', fs.existsSync(file), rel + ' -> ' + link.slice(prefix.length));
      if (link.endsWith('.html') && !seen.has(link)) {
        seen.add(link);
        queue.push(link);
      } else if (link.endsWith('.svg')) {
        svgs.add(link);
      }
    }
    if (hostile) {
      const count = await page.getByText(hostile, { exact: false }).count();
      if (count > 0 && !hostilePage) hostilePage = rel;
      const injected = await page.$$eval('img', (list) => list.filter((i) =>
        i.getAttribute('src') === 'x').length);
      record('hostile name is not markup', injected === 0, rel + ': an <img src=x> element exists');
    }
    record('no console errors', state.console.length === 0, rel + ': ' + state.console.join(' | '));
    record('no request outside the site', state.outside.length === 0, rel + ': ' + state.outside.join(' '));
    record('no failed request', state.failed.length === 0, rel + ': ' + state.failed.join(' '));
  }
  for (const svg of [...svgs].sort()) {
    const rel = svg.slice(prefix.length);
    state.console.length = 0;
    state.outside.length = 0;
    state.failed.length = 0;
    try {
      const resp = await page.goto(svg, { waitUntil: 'load' });
      const isSvg = await page.evaluate(() => document.documentElement.nodeName.toLowerCase() === 'svg');
      record('SVG files load', isSvg && (!resp || resp.ok() || resp.status() === 0), rel);
    } catch (e) {
      record('SVG files load', false, rel + ': ' + e.message.split('\n')[0]);
      continue;
    }
    record('no console errors', state.console.length === 0, rel + ': ' + state.console.join(' | '));
    record('no request outside the site', state.outside.length === 0, rel + ': ' + state.outside.join(' '));
  }
  if (hostile)
    record('hostile name shows as text', hostilePage !== null, 'no page shows ' + hostile);
  record('no dialog fired', state.dialogs.length === 0, state.dialogs.join(' | '));

  // accessibility: axe-core on every page, no serious or critical violation
  // (axe is evaluated through the DevTools protocol, which the pages' CSP
  // does not govern; the pages themselves load only their own script).
  const axePage = await context.newPage();
  for (const url of [...seen].sort()) {
    const rel = url.slice(prefix.length);
    await axePage.goto(url, { waitUntil: 'load' });
    await axePage.evaluate(axeSource);
    const result = await axePage.evaluate(() => window.axe.run(document, {
      resultTypes: ['violations'] }));
    const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    record('axe-core: no serious or critical violation', bad.length === 0,
      rel + ': ' + bad.map((v) => `${v.id} (${v.impact}, ${v.nodes.length}× e.g. ${v.nodes[0].target})`).join('; '));
  }
  await axePage.close();

  // the search box (issue 19): a query typed without diacritics finds the
  // names written with them, first the whole phrase; with diacritics too;
  // a hostile name found by search stays text
  await page.setViewportSize({ width: 1280, height: 900 });
  for (const [query, first] of [['ho tich', 'n-csdl-ho-tich.html'], ['hộ tịch', 'n-csdl-ho-tich.html'],
                                ['lang son', 'a-lang-son.html'], ['ngsp', 'n-ngsp.html']]) {
    await page.goto(prefix + 'index.html', { waitUntil: 'load' });
    await page.fill('#tim-kiem', query);
    const hrefs = await page.$$eval('#ket-qua-tim-kiem a', (l) => l.map((a) => a.getAttribute('href')));
    record('search finds what is typed, with or without diacritics', hrefs[0] === first,
      `"${query}": first result ${hrefs[0]}, expected ${first}`);
  }
  await page.fill('#tim-kiem', 'zzzz khong co');
  record('search says when nothing is found',
    (await page.textContent('#trang-thai-tim-kiem')) === 'Không tìm thấy' &&
    (await page.$$('#ket-qua-tim-kiem li')).length === 0, 'no "Không tìm thấy"');
  if (hostile) {
    await page.fill('#tim-kiem', 'img src');
    const shown = await page.$$eval('#ket-qua-tim-kiem a', (l) => l.map((a) => a.textContent));
    const injected = await page.$$eval('img', (list) => list.filter((i) => i.getAttribute('src') === 'x').length);
    record('search shows a hostile name as text', shown.includes(hostile) && injected === 0,
      `results ${JSON.stringify(shown)}, injected images ${injected}`);
  }

  // the overview's pan and zoom (site_zoom.c): the toolbar shows once the
  // script runs, its buttons (Vietnamese labels) zoom the picture by its CSS
  // transform, from the keyboard too; a drag pans; Đặt lại resets
  if (fs.existsSync(path.join(siteDir, 'img', 'national-overview.svg'))) {
    await page.goto(prefix + 'index.html', { waitUntil: 'load' });
    const transform = () => page.$eval('figure.zoom .zoom-frame img', (i) => i.style.transform);
    const labels = await page.$$eval('figure.zoom .zoom-bar button', (l) => l.map((b) => b.textContent.trim()));
    record('the overview has zoom buttons with Vietnamese labels',
      JSON.stringify(labels) === JSON.stringify(['+ Phóng to', '− Thu nhỏ', 'Đặt lại']) &&
      await page.isVisible('figure.zoom .zoom-bar'), JSON.stringify(labels));
    const before = await transform();
    await page.click('figure.zoom button[data-zoom="in"]');
    const zoomed = await transform();
    await page.focus('figure.zoom button[data-zoom="in"]');
    await page.keyboard.press('Enter');
    const keyed = await transform();
    const scaleOf = (t) => Number((/scale\(([0-9.]+)\)/.exec(t || '') || [])[1]);
    record('zoom buttons change the overview\'s transform (click and keyboard)',
      scaleOf(before) === 1 && scaleOf(zoomed) > 1 && scaleOf(keyed) > scaleOf(zoomed),
      `before ${before}, after a click ${zoomed}, after Enter ${keyed}`);
    const frame = await (await page.$('figure.zoom .zoom-frame')).boundingBox();
    await page.mouse.move(frame.x + frame.width / 2, frame.y + frame.height / 2);
    await page.mouse.down();
    await page.mouse.move(frame.x + frame.width / 2 - 120, frame.y + frame.height / 2 - 80, { steps: 4 });
    await page.mouse.up();
    const dragged = await transform();
    record('a drag pans the zoomed overview', dragged !== keyed && scaleOf(dragged) === scaleOf(keyed),
      `before the drag ${keyed}, after ${dragged}`);
    await page.click('figure.zoom button[data-zoom="reset"]');
    record('Đặt lại resets the overview', scaleOf(await transform()) === 1 &&
      (await page.textContent('figure.zoom .zoom-level')).startsWith('100'), await transform());
  }

  // print: the stylesheet's print rules hide navigation and search, and a
  // page prints on A4 without sideways overflow
  await page.goto(prefix + 'a-lang-son.html', { waitUntil: 'load' }).catch(() => {});
  await page.emulateMedia({ media: 'print' });
  const printed = await page.evaluate(() => ({
    nav: getComputedStyle(document.querySelector('header.top nav')).display,
    search: getComputedStyle(document.querySelector('form.search')).display,
  }));
  record('print stylesheet hides navigation and search', printed.nav === 'none' && printed.search === 'none',
    JSON.stringify(printed));
  const pdf = await page.pdf({ format: 'A4', printBackground: false }).catch((e) => null);
  record('a page prints on A4', pdf !== null && pdf.length > 1000, 'page.pdf failed');
  await page.emulateMedia({ media: 'screen' });

  // a phone: the page never scrolls sideways (tables scroll in their box)
  await page.setViewportSize({ width: 390, height: 844 });
  for (const rel of ['index.html', 'findings.html']) {
    await page.goto(prefix + rel, { waitUntil: 'load' });
    const wide = await page.evaluate(() =>
      document.documentElement.scrollWidth - document.documentElement.clientWidth);
    record('fits a phone screen', wide <= 1, rel + ': ' + wide + 'px wider than the screen');
  }

  fs.mkdirSync(shotDir, { recursive: true });
  await page.setViewportSize({ width: 1280, height: 1800 });
  await page.goto(prefix + 'index.html', { waitUntil: 'load' });
  await page.screenshot({ path: path.join(shotDir, 'site-index.png') });
  const agency = fs.existsSync(path.join(siteDir, 'a-lang-son.html')) ? 'a-lang-son.html'
    : [...seen].map((u) => u.slice(prefix.length)).find((r) => r.startsWith('a-'));
  if (agency) {
    await page.goto(prefix + agency, { waitUntil: 'load' });
    await page.screenshot({ path: path.join(shotDir, 'site-agency.png') });
  }
  // a national system's page and a national target's page, as shown
  const pageShots = [];
  for (const [prefixName, file] of [['n-', 'site-national.png'], ['t-', 'site-target.png']]) {
    const rel = [...seen].map((u) => u.slice(prefix.length)).filter((r) => r.startsWith(prefixName)).sort()[0];
    const shot = path.join(shotDir, file);
    pageShots.push(shot);
    if (!rel) continue; // no such page: the check below fails
    await page.goto(prefix + rel, { waitUntil: 'load' });
    await page.screenshot({ path: shot });
  }
  // the national overview as a reader sees it on a screen and on a phone
  const overviewShots = [];
  if (fs.existsSync(path.join(siteDir, 'img', 'national-overview.svg'))) {
    for (const [width, height] of [[1280, 900], [390, 844]]) {
      await page.setViewportSize({ width, height });
      await page.goto(prefix + 'index.html', { waitUntil: 'load' });
      const shot = path.join(shotDir, `site-overview-${width}.png`);
      overviewShots.push(shot);
      const figure = await page.$('figure.zoom');
      if (!figure) continue; // no file: the check below fails
      await figure.scrollIntoViewIfNeeded();
      await page.screenshot({ path: shot });
    }
  }
  record('screenshots saved', fs.existsSync(path.join(shotDir, 'site-index.png')) &&
    fs.existsSync(path.join(shotDir, 'site-agency.png')) &&
    overviewShots.every((f) => fs.existsSync(f)) && pageShots.every((f) => fs.existsSync(f)), shotDir);
  await context.close();
  fs.rmSync(profile, { recursive: true, force: true });

  let passed = 0, failed = 0;
  for (const [name, c] of checks) {
    passed += c.passed;
    failed += c.failed;
    if (c.failed) {
      console.log(`FAIL ${name}: ${c.passed} passed, ${c.failed} failed`);
      for (const d of c.details) console.log('  ' + d);
    } else {
      console.log(`ok ${name}: ${c.passed} passed, 0 failed`);
    }
  }
  console.log(`pages ${seen.size}, SVG files ${svgs.size}; hostile name on ${hostilePage || 'no page'}`);
  console.log(`screenshots: ${path.join(shotDir, 'site-index.png')} ${path.join(shotDir, 'site-agency.png')}` +
    pageShots.concat(overviewShots).map((f) => ' ' + f).join(''));
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed ? 1 : 0);
}

main().catch((e) => {
  console.log('FAIL browser test: ' + (e && e.stack ? e.stack : e));
  console.log('0 passed, 1 failed');
  process.exit(1);
});
