#!/usr/bin/env node
/**
 * `npm test`: every suite, then one closing line `N passed, N failed` that covers them all.
 *   1. type check (tsc: app, service worker, browser tests) — counted as 3 checks
 *   2. unit tests (vitest)                              — counted per test
 *   3. production build, then browser tests: the whole browser suite in real Chromium
 *      (playwright-core), and the core flows (tests/browser/engines.test.mjs) in Chromium,
 *      Firefox ESR (puppeteer-core, WebDriver BiDi) and WebKitGTK (WebKitWebDriver + Xvfb)
 * A suite that runs no test at all counts as a failure, so a silent no-op cannot pass. Nothing
 * is retried: a test that fails once fails the run.
 *
 * Each engine is found by environment variable or its Debian path (scripts/engines.mjs); as root
 * with apt-get (CI) a missing one is installed, elsewhere it fails with the command to run.
 * $BROADSHEET_ENGINES=chromium,firefox leaves an engine out, and says so in the summary.
 *
 *   node scripts/test.mjs [--unit-only | --browser-only]
 */
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { ENGINE_NAMES, findEngine } from './engines.mjs';

const args = new Set(process.argv.slice(2));
const runUnit = !args.has('--browser-only');
const runBrowser = !args.has('--unit-only');
const OUT = '.test-output';
rmSync(OUT, { recursive: true, force: true });
mkdirSync(OUT, { recursive: true });

const totals = { passed: 0, failed: 0 };
const problems = [];
const started = Date.now();

function run(cmd, argv, { env = {}, capture = false } = {}) {
  return new Promise((resolve) => {
    const child = spawn(cmd, argv, { stdio: ['ignore', capture ? 'pipe' : 'inherit', 'inherit'], env: { ...process.env, ...env } });
    let out = '';
    child.stdout?.on('data', (d) => {
      out += d;
      process.stdout.write(d);
    });
    child.on('close', (code) => resolve({ code: code ?? 1, out }));
  });
}

function record(suite, passed, failed, extra = '') {
  totals.passed += passed;
  totals.failed += failed;
  console.log(`\n[${suite}] ${passed} passed, ${failed} failed${extra}\n`);
  if (failed) problems.push(`${suite}: ${failed} failed`);
  if (passed + failed === 0) {
    totals.failed += 1;
    problems.push(`${suite}: ran no test`);
  }
}

const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';

if (runUnit) {
  for (const project of ['.', 'src/sw', 'tests/browser']) {
    const { code } = await run(npx, ['tsc', '--noEmit', '-p', project]);
    record(`typecheck ${project}`, code === 0 ? 1 : 0, code === 0 ? 0 : 1);
  }
  // Lint: ESLint (type-aware rules, the layer table, no cycles), knip (dead code) and the proof
  // that the architecture rules still fire. Each counts as one check; any finding fails it.
  for (const [name, cmd, argv] of [
    ['lint (eslint)', npx, ['eslint', '.', '--max-warnings=0']],
    ['lint (knip)', npx, ['knip', '--no-progress', '--treat-config-hints-as-errors']],
    ['lint (rules fire)', process.execPath, ['scripts/lint-rules.mjs']],
  ]) {
    const { code } = await run(cmd, argv);
    record(name, code === 0 ? 1 : 0, code === 0 ? 0 : 1);
  }
  const report = join(OUT, 'vitest.json');
  const { code } = await run(npx, ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile=${report}`]);
  let passed = 0;
  let failed = 0;
  try {
    const json = JSON.parse(readFileSync(report, 'utf8'));
    passed = json.numPassedTests;
    failed = json.numFailedTests + (json.numRuntimeErrorTestSuites ?? 0);
  } catch {
    failed = 1;
  }
  if (code !== 0 && failed === 0) failed = 1; // vitest failed for a reason it did not count
  record('unit (vitest)', passed, failed);
}

if (runBrowser) {
  const wanted = (process.env.BROADSHEET_ENGINES ?? ENGINE_NAMES.join(',')).split(',').map((e) => e.trim()).filter(Boolean);
  const left = ENGINE_NAMES.filter((e) => !wanted.includes(e));
  if (left.length) problems.push(`engines left out by BROADSHEET_ENGINES: ${left.join(', ')}`);
  const env = {};
  let missing = 0;
  for (const engine of wanted) {
    try {
      const found = findEngine(engine, { install: true });
      if (engine === 'chromium') env.CHROME_PATH = found.path;
      if (engine === 'firefox') env.FIREFOX_PATH = found.path;
      if (engine === 'webkit') Object.assign(env, { WEBKIT_WEBDRIVER_PATH: found.path, MINIBROWSER_PATH: found.browser, XVFB_PATH: found.xvfb });
    } catch (error) {
      console.error(`\n${error.message}\n`);
      record(`browser (${engine})`, 0, 1);
      missing++;
    }
  }
  if (!missing) {
    const build = await run(npx, ['vite', 'build', '--logLevel', 'warn']);
    if (build.code !== 0) record('build', 0, 1);
    else {
      const browserStarted = Date.now();
      const files = readdirSync('tests/browser')
        .filter((f) => f.endsWith('.test.mjs'))
        .map((f) => join('tests/browser', f));
      // One node --test process per file, one after the other (the machine is small, and each
      // file starts its own browsers and servers). No retry: a flake is a bug to find.
      const count = (out, label) => Number(new RegExp(`^\\S*\\s*${label} (\\d+)$`, 'm').exec(out)?.[1] ?? 0);
      let passed = 0;
      let failed = 0;
      let todo = 0;
      /** @type {string[]} */
      const failures = [];
      // The core flows run once per engine, each engine in a process of its own: in one process,
      // WebKitGTK's flows timed out after Chromium's and Firefox's had run (and passed alone).
      const runs = files.flatMap((file) => (file.endsWith('engines.test.mjs') ? wanted.map((engine) => ({ file, engines: engine })) : [{ file, engines: wanted.join(',') }]));
      for (const { file, engines } of runs) {
        const { code, out } = await run(process.execPath, ['--test', '--test-reporter=spec', file], { env: { ...env, BROADSHEET_ENGINES: engines }, capture: true });
        const p = count(out, 'pass');
        let f = count(out, 'fail') + count(out, 'cancelled');
        // The reporter's own summary of what failed, repeated at the very end of the run, where a
        // CI log that keeps only its tail still shows it.
        const failing = out.indexOf('✖ failing tests:');
        if (failing >= 0) failures.push(`${file}${engines.includes(',') ? '' : ` (${engines})`}:\n${out.slice(failing).split('\n').slice(1, 40).join('\n')}`);
        if (code !== 0 && f === 0) f = 1;
        passed += p;
        failed += f;
        todo += count(out, 'todo');
      }
      if (failures.length) console.log(`\nFailed browser tests, again:\n${failures.join('\n\n')}\n`);
      if (todo) problems.push(`${todo} browser test(s) marked TODO (known open bugs, listed in docs/engines.md)`);
      record(`browser (node --test; core flows in ${wanted.join(', ')})`, passed, failed, ` in ${Math.round((Date.now() - browserStarted) / 1000)} s${todo ? `, ${todo} todo` : ''}`);
    }
  }
}

console.log(`Duration: ${Math.round((Date.now() - started) / 1000)} s`);
if (problems.length) console.log(`Problems: ${problems.join('; ')}`);
console.log(`${totals.passed} passed, ${totals.failed} failed`);
process.exit(totals.failed ? 1 : 0);
