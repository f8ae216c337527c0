#!/usr/bin/env node
/**
 * `node bench/imports.mjs` (after `npx vite build`): what a stranger's file can cost, in headless
 * Chromium (issue 14). Figures, not assertions.
 *
 *  - typing after a 100,000-tag import: a hand-off file of 5,000 articles with 20 distinct tags
 *    each is imported (through the consent screen); then 12 characters are typed into the search
 *    box, and each keystroke is timed from the key press to the `broadsheet:results` mark of that
 *    query (results painted). The same typing before the import is the floor. Also reported: how
 *    many `<option>`s the tag picker holds.
 *  - 20,000 reading states: a backup holding 20,000 states is imported; timed from the Import
 *    press on the consent screen to the "Imported" sentence.
 *
 * Writes bench/out/imports.json and prints a short table.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, findChromium } from '../scripts/chromium.mjs';
import { startServer } from '../scripts/serve.mjs';

const log = (...a) => console.error(`[bench:imports ${new Date().toISOString().slice(11, 19)}]`, ...a);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];
const p95 = (xs) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil(0.95 * xs.length) - 1)];
const JSON_FEED = 'https://jsonfeed.org/version/1.1';

function tagFile() {
  const items = [];
  for (let i = 0; i < 5000; i++) {
    items.push({
      id: `tagged-${i}`,
      title: `Tagged article ${i}`,
      content_text: `Article ${i} about harbour cranes and council budgets.`,
      date_published: new Date(Date.UTC(2024, 0, 1) + i * 60_000).toISOString(),
      tags: Array.from({ length: 20 }, (_, k) => `topic-${String(i * 20 + k).padStart(6, '0')}`),
    });
  }
  return JSON.stringify({ version: JSON_FEED, title: 'Many tags', items });
}

function statesFile(now) {
  const states = Array.from({ length: 20_000 }, (_, i) => ({ id: `state-${i}`, read: true, readAt: now - i, saved: i % 10 === 0, progress: 0.5, updatedAt: now - i }));
  return JSON.stringify({ version: JSON_FEED, title: 'Backup', _broadsheet: { kind: 'backup', format: 1, exported_at: new Date(now).toISOString(), states }, items: [] });
}

async function importThrough(page, url, name, text) {
  await page.goto(`${url}settings`);
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'Import' }).click()]);
  await chooser.setFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
  await page.getByRole('group', { name: 'Import this file?' }).waitFor({ timeout: 120_000 });
  const start = Date.now();
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await page.getByText(/^Imported:/).waitFor({ timeout: 300_000 });
  return Date.now() - start;
}

/** Types `word` into the search box, one key at a time; each keystroke → its results painted, in ms. */
async function typing(page, word) {
  const search = page.getByRole('searchbox');
  await search.fill('');
  await page.waitForTimeout(300);
  const times = [];
  for (let i = 1; i <= word.length; i++) {
    const q = word.slice(0, i);
    await page.evaluate(() => {
      window.__key = undefined;
      addEventListener('keydown', () => (window.__key = performance.now()), { once: true, capture: true });
    });
    await search.press(word[i - 1]);
    const took = await page.waitForFunction(
      (query) => {
        const marks = performance.getEntriesByName('broadsheet:results').filter((m) => m.detail?.q === query && m.startTime >= (window.__key ?? Infinity));
        return marks.length ? marks[0].startTime - window.__key : false;
      },
      q,
      { timeout: 60_000, polling: 'raf' },
    );
    times.push(Math.round(await took.jsonValue()));
  }
  return times;
}

const executablePath = findChromium({ install: false });
const server = await startServer({ root: 'dist', port: 0 });
const dir = mkdtempSync(join(tmpdir(), 'broadsheet-bench-imports-'));
const context = await chromium.launchPersistentContext(dir, { executablePath, headless: true, args: CHROMIUM_ARGS, viewport: { width: 390, height: 844 } });
const page = context.pages()[0] ?? (await context.newPage());
const WORD = 'harbourcrane';
try {
  await page.goto(server.url);
  await page.locator('ul[aria-label=Articles] > li').first().waitFor({ timeout: 60_000 });
  await page.waitForTimeout(2000);
  log('typing before the import (floor)');
  const floor = await typing(page, WORD);

  log('importing 5,000 articles with 100,000 distinct tags');
  const tagImportMs = await importThrough(page, server.url, 'many-tags.json', tagFile());
  await page.goto(server.url);
  await page.waitForFunction(() => document.querySelector('[role=status].count')?.textContent?.includes('5,'), null, { timeout: 120_000 });
  await page.waitForTimeout(3000);
  const options = await page.locator('#tag option').count();
  log('typing after the import');
  const after = await typing(page, WORD);

  log('importing 20,000 reading states');
  const statesMs = await importThrough(page, server.url, 'backup.json', statesFile(Date.now()));
  // The floor, in the same browser at the same moment: 20,000 raw puts in one relaxed transaction
  // into a scratch database with the same shape (keyPath id, an index on savedAt).
  const statesFloorMs = await page.evaluate(async () => {
    const db = await new Promise((resolve, reject) => {
      const r = indexedDB.open('bench-floor-states', 1);
      r.onupgradeneeded = () => r.result.createObjectStore('state', { keyPath: 'id' }).createIndex('by-saved', 'savedAt');
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
    const now = Date.now();
    const start = performance.now();
    const tx = db.transaction('state', 'readwrite', { durability: 'relaxed' });
    for (let i = 0; i < 20_000; i++) tx.objectStore('state').put({ id: `f${i}`, read: true, readAt: now, saved: i % 10 === 0, ...(i % 10 === 0 ? { savedAt: now } : {}), progress: 0.5, updatedAt: now });
    await new Promise((resolve) => (tx.oncomplete = resolve));
    const took = performance.now() - start;
    db.close();
    indexedDB.deleteDatabase('bench-floor-states');
    return Math.round(took);
  });

  const result = {
    date: new Date().toISOString(),
    typingBefore: { p50: median(floor), p95: p95(floor), all: floor },
    tagImportMs,
    tagPickerOptions: options,
    typingAfter100kTags: { p50: median(after), p95: p95(after), all: after },
    states20kImportMs: statesMs,
    states20kFloorMs: statesFloorMs,
  };
  mkdirSync('bench/out', { recursive: true });
  writeFileSync('bench/out/imports.json', `${JSON.stringify(result, null, 1)}\n`);
  console.log('| Figure | Value |\n| --- | --- |');
  console.log(`| Keystroke → results painted, before the import, p50 / p95 | ${result.typingBefore.p50} / ${result.typingBefore.p95} ms |`);
  console.log(`| Keystroke → results painted, after 100,000 distinct tags, p50 / p95 | ${result.typingAfter100kTags.p50} / ${result.typingAfter100kTags.p95} ms |`);
  console.log(`| Tag picker options after the import | ${options} |`);
  console.log(`| Import of 5,000 articles / 100,000 tags (Import → sentence) | ${tagImportMs} ms |`);
  console.log(`| Import of 20,000 reading states (Import → sentence) | ${statesMs} ms |`);
  console.log(`| Floor: 20,000 raw puts in one transaction, same browser | ${statesFloorMs} ms |`);
} finally {
  await context.close();
  rmSync(dir, { recursive: true, force: true });
  await server.close();
}
