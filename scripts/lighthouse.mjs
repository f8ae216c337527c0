#!/usr/bin/env node
/**
 * Lighthouse (mobile preset: emulated mid-range phone, simulated slow 4G) against the
 * production build, for the list, an article and the settings. Prints a table and writes
 * docs/lighthouse.json.   `npm run lighthouse` (builds first if dist/ is missing)
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { CHROMIUM_ARGS, findChromium } from './chromium.mjs';
import { startServer } from './serve.mjs';

if (!existsSync('dist/index.html') || process.argv.includes('--build')) {
  execFileSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
}
const feed = JSON.parse(readFileSync('dist/feed.json', 'utf8'));
const article = feed.items.find((i) => typeof i.id === 'string' && i.id.startsWith('https://'));

const server = await startServer({ root: 'dist', port: 0 });
const chrome = await chromeLauncher.launch({
  chromePath: findChromium(),
  chromeFlags: CHROMIUM_ARGS.map((f) => (f === '--headless' ? '--headless=new' : f)),
});
const pages = {
  list: server.url,
  article: `${server.url}article/${encodeURIComponent(article.id)}`,
  settings: `${server.url}settings`,
};
const results = {};
try {
  for (const [name, url] of Object.entries(pages)) {
    const runner = await lighthouse(url, {
      port: chrome.port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: ['performance', 'accessibility', 'best-practices'],
    });
    const lhr = runner.lhr;
    const score = (id) => Math.round((lhr.categories[id]?.score ?? 0) * 100);
    const failing = (id) =>
      lhr.categories[id].auditRefs
        .map((r) => lhr.audits[r.id])
        .filter((a) => a.score !== null && a.score < 1 && a.scoreDisplayMode !== 'informative' && a.scoreDisplayMode !== 'notApplicable')
        .map((a) => a.id);
    results[name] = {
      url: url.replace(server.url, '/'),
      performance: score('performance'),
      accessibility: score('accessibility'),
      bestPractices: score('best-practices'),
      fcpMs: Math.round(lhr.audits['first-contentful-paint'].numericValue),
      lcpMs: Math.round(lhr.audits['largest-contentful-paint'].numericValue),
      tbtMs: Math.round(lhr.audits['total-blocking-time'].numericValue),
      cls: Number(lhr.audits['cumulative-layout-shift'].numericValue.toFixed(3)),
      notPerfect: { accessibility: failing('accessibility'), bestPractices: failing('best-practices') },
    };
  }
} finally {
  await chrome.kill();
  await server.close();
}

const meta = { date: new Date().toISOString().slice(0, 10), lighthouse: '12.8.2', preset: 'mobile (simulated throttling)' };
writeFileSync('docs/lighthouse.json', `${JSON.stringify({ ...meta, results }, null, 2)}\n`);
console.log(`Lighthouse ${meta.lighthouse}, ${meta.preset}, ${meta.date}\n`);
console.log('| View | Performance | Accessibility | Best practices | FCP | LCP | TBT | CLS |');
console.log('| --- | --- | --- | --- | --- | --- | --- | --- |');
for (const [name, r] of Object.entries(results)) {
  console.log(`| ${name} | ${r.performance} | ${r.accessibility} | ${r.bestPractices} | ${r.fcpMs} ms | ${r.lcpMs} ms | ${r.tbtMs} ms | ${r.cls} |`);
}
for (const [name, r] of Object.entries(results)) {
  for (const [cat, ids] of Object.entries(r.notPerfect)) if (ids.length) console.log(`${name} ${cat}: ${ids.join(', ')}`);
}
