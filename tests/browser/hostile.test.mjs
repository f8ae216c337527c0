// @ts-check
/**
 * Hostile feeds in real Chromium: the corpus in tests/fixtures/xss/hostile-feed.json (72 HTML
 * payloads: script, event handlers, javascript:/data: URLs, frames, SVG and MathML mutation XSS,
 * meta refresh, base, forms, styles and overlays; plus payloads in every item field) is served
 * as the index, listed, and every article is opened. Nothing may run (the canary global, dialogs,
 * navigations, popups, requests for /pwned/…), nothing may restyle or cover the app, the safe
 * text around each payload shows, and the page causes no Content Security Policy violation.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, test } from 'node:test';
import { listReady, openApp, waitForController } from './harness.mjs';

/** @typedef {import('./harness.mjs').App} App */
/** @typedef {{ id: string | number, title?: string, _xss: { category: string, name: string } }} HostileItem */

const HOSTILE = readFileSync('tests/fixtures/xss/hostile-feed.json', 'utf8');
const feed = /** @type {{ items: HostileItem[] }} */ (JSON.parse(HOSTILE));

/** Collects CSP violations and records the app's own styles before anything is rendered. */
const INIT = () => {
  window.__violations = [];
  document.addEventListener('securitypolicyviolation', (e) =>
    window.__violations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`),
  );
};

/** What the app's own chrome looks like; must not change whatever an article holds. */
const APP_STYLES = () => {
  /** @type {(el: Element | null, props: (keyof CSSStyleDeclaration)[]) => Record<string, unknown> | null} */
  const pick = (el, props) => (el ? Object.fromEntries(props.map((p) => [p, getComputedStyle(el)[p]])) : null);
  return {
    body: pick(document.body, ['display', 'visibility', 'backgroundColor', 'color', 'fontFamily', 'opacity']),
    masthead: pick(document.querySelector('.masthead'), ['display', 'visibility', 'position', 'borderBottomStyle']),
    brand: pick(document.querySelector('.brand a'), ['color', 'display', 'visibility']),
    app: pick(document.querySelector('.app'), ['display', 'maxWidth', 'visibility']),
  };
};

/** True when the centre of `selector`'s element hit-tests to that element (or inside it). */
const HIT = (/** @type {string} */ selector) => {
  const el = document.querySelector(selector);
  if (!el) return `${selector}: missing`;
  el.scrollIntoView({ block: 'center' });
  const r = el.getBoundingClientRect();
  const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
  return hit && (hit === el || el.contains(hit)) ? 'ok' : `${selector}: covered by <${hit?.tagName.toLowerCase()} class="${hit?.className}">`;
};

/**
 * Everything wrong with the reading view now on screen, as a list of sentences.
 * @param {[string, string]} expected the safe text around the payload, and the article's title
 */
const READER_PROBLEMS = ([safe, expectedTitle]) => {
  const problems = [];
  const prose = /** @type {HTMLElement | null} */ (document.querySelector('.prose'));
  const h1s = document.querySelectorAll('h1');
  if (h1s.length !== 1 || h1s[0].textContent !== expectedTitle) problems.push(`h1: ${[...h1s].map((h) => h.textContent).join(' | ')}`);
  const text = prose?.innerText ?? '';
  for (const want of [`${safe} BEFORE`, `${safe} AFTER`]) if (!text.includes(want)) problems.push(`missing text "${want}"`);
  const bad = document.body.querySelectorAll('script, style, link, meta, base, iframe, frame, frameset, object, embed, portal, svg, math, template, dialog, [popover]');
  if (bad.length) problems.push(`dangerous elements: ${[...bad].map((e) => e.tagName).join(',')}`);
  if (document.querySelectorAll('base').length) problems.push('a <base> exists');
  // (The app's own paragraphs of a plain-text body carry a class; nothing from the feed may.)
  for (const el of prose?.querySelectorAll(':not(p.plain, p.note)') ?? []) {
    for (const a of el.attributes) if (/^on/i.test(a.name) || ['style', 'class', 'id', 'name', 'srcdoc', 'formaction', 'ping'].includes(a.name)) problems.push(`<${el.tagName} ${a.name}>`);
    const pos = getComputedStyle(el).position;
    // ('' for elements that are never rendered, such as <source>.)
    if (pos !== 'static' && pos !== 'relative' && pos !== '') problems.push(`<${el.tagName}> is position:${pos}`);
  }
  for (const a of /** @type {NodeListOf<HTMLAnchorElement> | []} */ (prose?.querySelectorAll('a[href]') ?? [])) {
    if (!/^(https?|mailto):/.test(new URL(a.href).protocol)) problems.push(`link to ${a.href}`);
    if (a.target !== '_blank' || a.rel !== 'noopener noreferrer') problems.push(`link ${a.href} target=${a.target} rel=${a.rel}`);
  }
  // Nothing in the article may overlay anything outside its own box.
  const box = prose?.getBoundingClientRect();
  for (let x = 5; x < innerWidth; x += innerWidth / 6) {
    for (let y = 5; y < innerHeight; y += innerHeight / 8) {
      const hit = document.elementFromPoint(x, y);
      if (hit && prose?.contains(hit) && box && (x < box.left - 1 || x > box.right + 1 || y < box.top - 1 || y > box.bottom + 1)) {
        problems.push(`<${hit.tagName}> from the article covers (${x | 0}, ${y | 0})`);
      }
    }
  }
  return problems;
};

/**
 * The app's chrome as src/app/styles.css draws it (light theme, text at 100%), in the list and in
 * every reading view.
 */
const EXPECTED_STYLES = {
  body: {
    display: 'block',
    visibility: 'visible',
    backgroundColor: 'rgb(251, 247, 239)', // --paper
    color: 'rgb(29, 27, 24)', // --ink
    fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif', // --sans
    opacity: '1',
  },
  masthead: { display: 'block', visibility: 'visible', position: 'static', borderBottomStyle: 'double' },
  brand: { color: 'rgb(29, 27, 24)', display: 'block', visibility: 'visible' },
  app: { display: 'block', maxWidth: '768px', visibility: 'visible' }, // 48rem
};

/** What a reader sees of a feed's title: whitespace collapsed, character references decoded (once). */
const ENTITIES = /** @type {Record<string, string>} */ ({ lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" });
const plainTitle = (/** @type {string} */ s) =>
  s
    .replace(/&(?:#(\d+)|#x([\da-f]+)|(\w+));/gi, (m, dec, hex, name) => (dec ? String.fromCodePoint(Number(dec)) : hex ? String.fromCodePoint(parseInt(hex, 16)) : (ENTITIES[name] ?? m)))
    .replace(/\s+/g, ' ')
    .trim();

describe('hostile feed', () => {
  /** @type {App} */ let app;
  /** @type {App['server']} */ let server;
  /** @type {App['profile']} */ let profile;
  /** @type {App['page']} */ let page;
  /** @type {string[]} */ let dialogs;
  /** @type {string[]} */ let popups;
  /** @type {string[]} */ let navigations;

  // Each test has a browser profile of its own, on a server of its own, watched from the start:
  // the hostile feed loaded and listed.
  beforeEach(async () => {
    dialogs = [];
    popups = [];
    navigations = [];
    ({ server, profile, page } = app = await openApp({ feed: HOSTILE }));
    const context = profile.context;
    await context.addInitScript(INIT);
    context.on('page', (p) => popups.push(p.url()));
    page.on('dialog', (d) => {
      dialogs.push(`${d.type()}: ${d.message()}`);
      void d.dismiss();
    });
    page.on('framenavigated', (f) => f === page.mainFrame() && navigations.push(f.url()));
    await page.goto(server.url);
    await listReady(page, feed.items.length);
  });

  afterEach(() => app?.close());

  /**
   * Opens every article of the feed in turn, in the page as a reader would (a link followed in
   * the app), and hands the reading view of each to `check`.
   * @param {(item: HostileItem, index: number) => Promise<void>} [check]
   */
  async function openEvery(check) {
    for (const [i, item] of feed.items.entries()) {
      const href = `${new URL(server.url).pathname}article/${encodeURIComponent(String(item.id).trim())}`;
      await page.evaluate((h) => {
        history.pushState({}, '', h);
        dispatchEvent(new PopStateEvent('popstate'));
      }, href);
      await page.waitForFunction((id) => document.querySelector('.reader') && location.pathname.endsWith(encodeURIComponent(id)) && document.querySelector('.prose')?.textContent?.includes('BEFORE'), String(item.id).trim());
      // Give handlers (image errors, SVG animations, focus) a moment to fire if anything survived.
      await page.mouse.move(195, 500);
      await page.waitForTimeout(60);
      await check?.(item, i);
    }
  }

  test('the list shows every item, with titles, tags and authors as plain text', async () => {
    await waitForController(page);
    assert.equal(await page.locator('h1.brand').textContent(), `<img src=x onerror="window.__pwned='feed title'">Hostile Herald`);
    const titleRow = page.locator('li').filter({ has: page.locator('a[data-id="field-title"]') });
    assert.equal(await titleRow.locator('h2').textContent(), `<img src=x onerror="window.__pwned='title'"> <b>Bold</b> <i>title</i>`);
    const tagRow = page.locator('li').filter({ has: page.locator('a[data-id="field-tags"]') });
    assert.deepEqual(await tagRow.locator('.tags a').allTextContents(), [`<img src=x onerror="window.__pwned='tag'">`, '<b>bold tag</b>', "javascript:window.__pwned='tag url'"]);
    const authorRow = page.locator('li').filter({ has: page.locator('a[data-id="field-authors"]') });
    assert.equal(await authorRow.locator('.row-authors').textContent(), `<svg onload="window.__pwned='author'">Eve</svg>, <a href=javascript:alert(1)>Mallory</a>`);
    // The summary is text too.
    const summaryRow = page.locator('li').filter({ has: page.locator('a[data-id="field-summary"]') });
    assert.match(/** @type {string} */ (await summaryRow.locator('.row-excerpt').textContent()), /^<script>window.__pwned='summary'<\/script>/);
    // No element from the feed in the list: only the app's own markup.
    assert.equal(await page.locator('ul[aria-label=Articles] :is(img, script, svg, b, i, a[href^="javascript"])').count(), 0);
    assert.equal(await page.evaluate(HIT, 'input[type=search]'), 'ok');
    assert.equal(await page.evaluate(HIT, '.brand a'), 'ok');
    assert.deepEqual(await page.evaluate(APP_STYLES), EXPECTED_STYLES);
  });

  test('every article opens in the reading view: inert, uncovered, with the safe text around the payload', async () => {
    /** @type {string[]} */ const failures = [];
    await openEvery(async (item, i) => {
      const meta = item._xss;
      const safe = meta.category === 'field' ? `SAFE FIELD ${meta.name}` : `SAFE ${String(i).padStart(3, '0')}`;
      // The item's own title, as the feed gives it (trimmed, whitespace collapsed, as the parser does).
      const expectedTitle = plainTitle(String(item.title ?? ''));
      const problems = await page.evaluate(READER_PROBLEMS, /** @type {[string, string]} */ ([safe, expectedTitle]));
      if (meta.category === 'field' && meta.name === 'title') assert.equal(expectedTitle, `<img src=x onerror="window.__pwned='title'"> <b>Bold</b> <i>title</i>`);
      for (const sel of ['.back', 'h1']) {
        const hit = await page.evaluate(HIT, sel);
        if (hit !== 'ok') problems.push(hit);
      }
      const styles = await page.evaluate(APP_STYLES);
      if (JSON.stringify(styles) !== JSON.stringify(EXPECTED_STYLES)) problems.push(`app styles changed: ${JSON.stringify(styles)}`);
      if (problems.length) failures.push(`${item.id} (${meta.name}): ${problems.join('; ')}`);
    });
    assert.deepEqual(failures, []);
  });

  test('hostile url, image and author links are dropped; the plain-text body stays text', async () => {
    await page.goto(`${server.url}article/field-url`);
    await page.locator('h1').filter({ hasText: 'Hostile url' }).waitFor();
    assert.equal(await page.getByRole('link', { name: /publisher|Linked article/ }).count(), 0);
    await page.goto(`${server.url}article/field-content_text`);
    await page.locator('h1').filter({ hasText: 'Hostile plain text' }).waitFor();
    assert.match(await page.locator('.prose').innerText(), /<script>window.__pwned='content_text'<\/script>/);
    assert.equal(await page.locator('.prose img, .prose script').count(), 0);
  });

  test('nothing ran, navigated, opened, was fetched or was blocked by the CSP', async () => {
    // The list (shown by beforeEach), every article, and the two field pages above.
    await openEvery();
    for (const [path, title] of [['article/field-url', 'Hostile url'], ['article/field-content_text', 'Hostile plain text']]) {
      await page.goto(server.url + path);
      await page.locator('h1').filter({ hasText: title }).waitFor();
    }
    await page.waitForTimeout(1500);
    assert.equal(await page.evaluate(() => window.__pwned), undefined, 'the canary is unset');
    assert.deepEqual(dialogs, []);
    assert.deepEqual(popups, []);
    const foreign = navigations.filter((u) => !u.startsWith(server.url));
    assert.deepEqual(foreign, []);
    assert.deepEqual(server.requests.filter((l) => /pwned/i.test(l)), []);
    assert.deepEqual(await page.evaluate(() => window.__violations), []);
    assert.deepEqual(profile.errors, []);
  });

  test('the Content Security Policy is strict, and Chromium enforces its Trusted Types (Chromium only)', async () => {
    const csp = /** @type {string} */ (await page.locator('meta[http-equiv=Content-Security-Policy]').getAttribute('content'));
    const rules = Object.fromEntries(csp.split(';').map((r) => r.trim().split(/\s+/)).map(([k, ...v]) => [k, v.join(' ')]));
    assert.equal(rules['script-src'], "'self'");
    assert.equal(rules['object-src'], "'none'");
    assert.equal(rules['base-uri'], "'self'");
    assert.equal(rules['frame-src'], "'none'");
    assert.equal(rules['child-src'], "'none'");
    assert.equal(rules['form-action'], "'none'");
    assert.equal(rules['style-src'], "'self'");
    assert.equal(rules['require-trusted-types-for'], "'script'");
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval|unsafe-hashes|strict-dynamic/);
    // A string reaching an HTML sink is refused outright, so even a sanitizer bug could not.
    const result = await page.evaluate(() => {
      try {
        document.body.insertAdjacentHTML('beforeend', '<b id=tt>x</b>');
        return 'allowed';
      } catch (e) {
        return /** @type {Error} */ (e).name;
      }
    });
    assert.equal(result, 'TypeError');
    const inline = await page.evaluate(async () => {
      const s = document.createElement('script');
      try {
        s.textContent = 'window.__inline = 1';
        document.body.append(s);
      } catch (e) {
        return /** @type {Error} */ (e).name;
      }
      return window.__inline === undefined ? 'appended, not run' : 'ran';
    });
    assert.equal(inline, 'TypeError', 'Trusted Types refuse a string as script text');
  });
});
