#!/usr/bin/env node
/**
 * `node bench/trace.mjs [--count 10000] [--app bench/out/app]`: where the milliseconds go. Runs the
 * built app (build it first: `npm run bench` leaves one in bench/out/app, or `npx vite build
 * --outDir bench/out/app`) on a generated archive in headless Chromium, with the V8 CPU profiler
 * and User Timing, over three moments: the first sync, a cold start followed by its first
 * keystroke, and warm keystrokes. For each it prints the main thread's self time by function and
 * by file, so a summary can say what a keystroke, a sync or a start spends its time on.
 * Figures, not assertions.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, findChromium } from '../scripts/chromium.mjs';
import { startServer } from '../scripts/serve.mjs';
import { archive, paginate } from './generate.mjs';

const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? args[i + 1] : fallback;
};
const COUNT = Number(opt('--count', '10000'));
const APP = opt('--app', 'bench/out/app');
const KEYS = ['strike', 'hous', 'workers union', 'zzxqv', 'страйк', 'educacion', 'p', 'pens', 'солідарн', 'rail'];

const arch = archive({ count: COUNT });
const files = new Map();
paginate(arch, {
  pageBytes: 100_000,
  write: (path, text) => files.set(`/${path}`, { text, etag: `"${createHash('sha1').update(text).digest('hex').slice(0, 20)}"` }),
});
const handler = (req, res) => {
  const path = req.url.split('?')[0];
  const page = files.get(path);
  if (!page) return false;
  const headers = { 'content-type': 'application/feed+json', 'cache-control': 'no-cache', etag: page.etag };
  if (req.headers['if-none-match'] === page.etag) res.writeHead(304, headers).end();
  else res.writeHead(200, headers).end(page.text);
  return true;
};

/** Self time per function and per file of a V8 CPU profile, top `n`. */
function summarise(profile, n = 12) {
  const self = new Map();
  const byFile = new Map();
  const ids = new Map(profile.nodes.map((node) => [node.id, node]));
  const dt = new Map();
  for (let i = 0; i < profile.samples.length; i++) dt.set(profile.samples[i], (dt.get(profile.samples[i]) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  for (const [id, ms] of dt) {
    const f = ids.get(id).callFrame;
    const file = f.url ? f.url.replace(/^.*\/assets\//, '').replace(/-[\w-]{8}\.js$/, '.js') : f.functionName || '(native)';
    const key = `${f.functionName || '(anonymous)'} ${file}:${f.lineNumber + 1}`;
    self.set(key, (self.get(key) ?? 0) + ms);
    byFile.set(file, (byFile.get(file) ?? 0) + ms);
  }
  const top = (m) => [...m].sort((a, b) => b[1] - a[1]).slice(0, n).map(([k, v]) => `  ${v.toFixed(1).padStart(8)} ms  ${k}`).join('\n');
  return `by file:\n${top(byFile)}\nby function:\n${top(self)}`;
}

const dir = mkdtempSync(join(tmpdir(), 'broadsheet-trace-'));
const server = await startServer({ root: APP, override: handler });
const context = await chromium.launchPersistentContext(dir, {
  executablePath: findChromium({ install: false }),
  headless: true,
  args: CHROMIUM_ARGS,
  viewport: { width: 390, height: 844 },
});
const page = context.pages()[0] ?? (await context.newPage());
const cdp = await context.newCDPSession(page);
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
const profile = async (label, fn) => {
  await cdp.send('Profiler.start');
  const t = Date.now();
  await fn();
  const { profile: p } = await cdp.send('Profiler.stop');
  console.log(`\n## ${label} (${Date.now() - t} ms wall)\n${summarise(p)}`);
};
const status = (n) => document.querySelector('[role=status]')?.textContent === `${n.toLocaleString('en-US')} articles`;
const type = (q) =>
  page.evaluate(async (value) => {
    const input = document.querySelector('input[type=search]');
    const t0 = performance.now();
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true }));
    let last = t0;
    await new Promise((resolve) => {
      let timer = setTimeout(resolve, 600);
      new MutationObserver(() => {
        document.body.offsetHeight;
        last = performance.now();
        clearTimeout(timer);
        timer = setTimeout(resolve, 600);
      }).observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
    });
    return Math.round(last - t0);
  }, q);

/**
 * A Chrome trace (devtools.timeline) of the warm keystrokes: for each, the main thread's and the
 * search worker's time by event (script, style, layout, paint, messages), from the input event to
 * the last change laid out.
 */
async function keystrokeTrace() {
  const events = [];
  cdp.on('Tracing.dataCollected', (e) => events.push(...e.value));
  await cdp.send('Tracing.start', { categories: 'devtools.timeline,blink.user_timing,v8', transferMode: 'ReportEvents' });
  const spans = [];
  for (const q of KEYS) {
    await type(q.slice(0, -1));
    await page.evaluate((v) => performance.mark('trace:key', { detail: v }), q);
    spans.push({ q, ms: await type(q) });
  }
  const done = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.end');
  await done;
  const names = new Map(events.filter((e) => e.name === 'thread_name').map((e) => [`${e.pid}:${e.tid}`, e.args.name]));
  const marks = events.filter((e) => e.name === 'trace:key').sort((a, b) => a.ts - b.ts);
  console.log('\n## warm keystrokes, Chrome trace: time by event from the input event to the last change laid out');
  marks.forEach((m, i) => {
    const { q, ms } = spans[i];
    const end = m.ts + (ms + 2) * 1000;
    const by = new Map();
    for (const e of events) {
      if (e.ph !== 'X' || e.ts < m.ts || e.ts > end || !e.dur) continue;
      const thread = names.get(`${e.pid}:${e.tid}`) ?? '?';
      if (!/CrRendererMain|DedicatedWorker/.test(thread)) continue;
      if (!/^(FunctionCall|EvaluateScript|EventDispatch|TimerFire|FireAnimationFrame|RunMicrotasks|UpdateLayoutTree|Layout|Paint|PrePaint|Layerize|HitTest|ParseHTML|MajorGC|MinorGC|V8.GC_MC_BACKGROUND_MARKING|ScheduleStyleRecalculation|v8.run|V8.GCScavenger|V8.GCFinalizeMC|MessagePort|HandlePostMessage|v8.callFunction)$/.test(e.name)) continue;
      const key = `${thread.startsWith('Dedicated') ? 'worker' : 'main'}:${e.name}`;
      by.set(key, (by.get(key) ?? 0) + e.dur / 1000);
    }
    const parts = [...by].sort((a, b) => b[1] - a[1]).slice(0, 8).map(([k, v]) => `${k} ${v.toFixed(1)}`);
    console.log(`  ${JSON.stringify(q).padEnd(16)} ${String(ms).padStart(4)} ms: ${parts.join(', ')}`);
  });
}

try {
  await profile(`first sync, ${COUNT} articles`, async () => {
    await page.goto(server.url);
    await page.waitForFunction(() => performance.getEntriesByName('broadsheet:sync-end').length > 0, undefined, { timeout: 600_000, polling: 100 });
  });
  await page.waitForFunction(status, COUNT, { timeout: 600_000 });
  await page.waitForTimeout(8000); // the search index is built and saved
  await profile('cold start (online, nothing new) and its first keystroke, "s"', async () => {
    await page.goto('about:blank');
    await page.goto(server.url);
    await page.waitForFunction(status, COUNT, { timeout: 60_000, polling: 50 });
    console.log(`first keystroke: ${await type('s')} ms`);
  });
  await page.waitForTimeout(3000);
  await keystrokeTrace();
  await page.waitForTimeout(1000);
  await profile(`${KEYS.length} warm keystrokes`, async () => {
    const ms = [];
    for (const q of KEYS) {
      await type(q.slice(0, -1));
      ms.push(await type(q));
    }
    console.log(`keystrokes: ${ms.join(', ')} ms`);
  });
} finally {
  await context.close();
  await server.close();
  rmSync(dir, { recursive: true, force: true });
}
