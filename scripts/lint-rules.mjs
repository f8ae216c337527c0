#!/usr/bin/env node
/**
 * `npm run lint:rules`: proves that the architecture rules of eslint.config.js still fire on a
 * violating import and stay quiet on an allowed one, so a broken setting (a resolver, a glob, a
 * plugin upgrade) cannot turn them into silent no-ops. Lints small virtual files (lintText with a
 * filePath inside src/) without type information, then a real import cycle written to a
 * temporary folder. Exits 1 if any case does not behave as expected.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { ESLint } from 'eslint';

const ARCH = /^(boundaries\/|import-x\/|no-restricted-)/;
const eslint = new ESLint({
  ruleFilter: ({ ruleId }) => ARCH.test(ruleId),
  overrideConfig: { languageOptions: { parserOptions: { projectService: false } } },
});

// [file, code, expected rule or null]
const OK = null;
const B = 'boundaries/dependencies';
const CASES = [
  // core imports only core
  ['src/core/x.ts', "import { hashBody } from './hash';\nimport type { Article } from './feed/types';", OK],
  ['src/core/x.ts', "import { openStore } from '../data/connection';", B],
  ['src/core/x.ts', "import { h } from 'preact';", B],
  ['src/core/x.ts', "import DOMPurify from 'dompurify';", B],
  ['src/core/x.ts', "export const load = () => import('../features/offline/prefs');", B],
  ['src/core/x.ts', "export { sanitizeArticle } from '../platform/sanitize';", B],
  ['src/core/x.ts', "export type P = import('../data/schema').ArticleRecord;", B],
  // only data/ imports idb or touches indexedDB / IDBKeyRange
  ['src/data/x.ts', "import { openDB } from 'idb';\nimport type { Article } from '../core/feed/types';\nimport { toArticle } from './articles';\nexport const a = indexedDB.open('x'), b = IDBKeyRange.only(1);", OK],
  ['src/data/x.ts', "import { sanitizeArticle } from '../platform/sanitize';", B],
  ['src/data/x.ts', "import { keeper } from '../features/offline/keeper';", B],
  ['src/features/search/x.ts', "import { openDB } from 'idb';", B],
  ['src/features/list/V.tsx', "import { openDB } from 'idb';", B],
  ['src/sw/x.ts', "import type { IDBPDatabase } from 'idb';", B],
  ['src/features/search/x.ts', "export const r = IDBKeyRange.lowerBound(1);", 'no-restricted-globals'],
  ['src/app/x.ts', "export const r = indexedDB.open('x');", 'no-restricted-globals'],
  ['src/sw/x.ts', "export const r = self.indexedDB.open('x');", 'no-restricted-properties'],
  // feature logic: core, data, platform, other features' logic; no preact, no .tsx/use*.ts, no i18n/ui/app
  ['src/features/offline/x.ts', "import { getArticle } from '../../data/articles';\nimport { revisionOf } from '../../core/article';\nimport { trustedScriptUrl } from '../../platform/trusted';\nimport { fetchIndex } from '../sync/fetch-index';\nimport { keeper } from './keeper';", OK],
  ['src/features/search/x.ts', "import MiniSearch from 'minisearch';\nimport workerUrl from './worker.ts?worker&url';", OK],
  ['src/features/offline/x.ts', "import { useState } from 'preact/hooks';", B],
  ['src/features/offline/x.ts', "import { KeepOffline } from './KeepOffline';", B],
  ['src/features/offline/x.ts', "import { useKeeper } from './useKeeper';", B],
  ['src/features/offline/x.ts', "import type { Need } from './useOfflineStatus';", B],
  ['src/features/offline/x.ts', "import { ListView } from '../list/ListView';", B],
  ['src/features/offline/x.ts', "import { t } from '../../i18n';", B],
  ['src/features/offline/x.ts', "import { navigate } from '../../ui/navigation';", B],
  ['src/features/offline/x.ts', "import { App } from '../../app/App';", B],
  // views (.tsx, use*.ts): core, data (not idb), platform, i18n, ui, any feature, preact
  ['src/features/offline/useX.ts', "import { useState } from 'preact/hooks';\nimport { t } from '../../i18n';\nimport { navigate } from '../../ui/navigation';\nimport { ListView } from '../list/ListView';\nimport { keeper } from './keeper';\nimport { getArticle } from '../../data/articles';", OK],
  ['src/features/reader/X.tsx', "import type { ComponentChildren } from 'preact';\nimport { useKeeper } from '../offline/useKeeper';\nimport { sanitizeArticle } from '../../platform/sanitize';", OK],
  ['src/features/reader/X.tsx', "import type { StateUpdate } from '../../app/App';", B],
  ['src/features/reader/X.tsx', "import { keptImages } from '../../sw/images';", B],
  ['src/features/reader/X.tsx', "import { clientsClaim } from 'workbox-core';", B],
  // ui/: core, platform, i18n, ui, preact
  ['src/ui/x.ts', "import { useState } from 'preact/hooks';\nimport { t } from '../i18n';\nimport { listHref } from '../core/routes';\nimport { hasInteracted } from '../platform/interaction';", OK],
  ['src/ui/x.ts', "import { ListView } from '../features/list/ListView';", B],
  ['src/ui/x.ts', "import { getArticle } from '../data/articles';", B],
  ['src/ui/x.ts', "import workerUrl from '../features/search/worker.ts?worker&url';", B],
  // i18n/ and platform/
  ['src/i18n/x.ts', "import { num } from './format';\nimport type { Article } from '../core/feed/types';", OK],
  ['src/i18n/x.ts', "import type { ArticleRecord } from '../data/schema';", B],
  ['src/platform/x.ts', "import DOMPurify from 'dompurify';\nimport { hashBody } from '../core/hash';", OK],
  ['src/platform/x.ts', "import { t } from '../i18n';", B],
  // nothing below app imports app; app and main import everything but sw
  ['src/app/X.tsx', "import { render } from 'preact';\nimport { Workbox } from 'workbox-window';\nimport { ListView } from '../features/list/ListView';\nimport { navigate } from '../ui/navigation';\nimport { openStore } from '../data/connection';\nimport { t } from '../i18n';\nimport './styles.css';", OK],
  ['src/main.tsx', "import { App } from './app/App';\nimport './app/styles.css';\nimport { t } from './i18n';\nconst r = () => import('./app/pwa/sw-bridge');", OK],
  ['src/app/X.tsx', "import { keptImages } from '../sw/images';", B],
  ['src/main.tsx', "import { keptImages } from './sw/images';", B],
  ['src/ui/x.ts', "import { onSw } from '../app/pwa/sw-events';", B],
  ['src/core/x.ts', "import { App } from '../app/App';", B],
  // sw/: core, data, platform, feature logic, workbox; no preact, no i18n/ui/app/views
  ['src/sw/x.ts', "import { openStore } from '../data/connection';\nimport { syncAcrossTabs } from '../features/sync/tab-sync';\nimport { precacheAndRoute } from 'workbox-precaching';\nimport { INBOX_CACHE } from '../core/transfer/limits';", OK],
  ['src/sw/x.ts', "import { h } from 'preact';", B],
  ['src/sw/x.ts', "import { t } from '../i18n';", B],
  ['src/sw/x.ts', "import { KeepOffline } from '../features/offline/KeepOffline';", B],
  ['src/sw/x.ts', "import { navigate } from '../ui/navigation';", B],
  // files outside the table, imports that resolve to nothing
  ['src/utils/x.ts', 'export const a = 1;', 'boundaries/no-unknown-files'],
  ['src/core/x.ts', "import { a } from './does-not-exist';", 'boundaries/no-unknown-dependencies'],
  // publisher/ (npm run index, runs on Node): core, Node built-ins and its parsing packages; the app never imports it
  ['publisher/x.ts', "import { readFile } from 'node:fs/promises';\nimport { parseFeed } from 'feedsmith';\nimport { parseDate } from '../src/core/feed/dates';\nimport { decodeBytes } from './decode';", OK],
  ['publisher/x.ts', "import { h } from 'preact';", B],
  ['publisher/x.ts', "import { openStore } from '../src/data/connection';", B],
  ['src/core/x.ts', "import { main } from '../../publisher/cli';", B],
];

let failed = 0;
const report = (ok, file, code, expected, first) => {
  if (!ok) failed++;
  console.log(`${ok ? 'PASS' : 'FAIL'}  ${file.padEnd(30)} ${code.split('\n')[0].slice(0, 70).padEnd(72)} ${expected ? '→ ' + expected : '→ quiet'}`);
  if (first) console.log(`        ${first.ruleId}: ${first.message}`);
};
for (const [file, code, expected] of CASES) {
  const [result] = await eslint.lintText(code + '\n', { filePath: file });
  const got = result.messages.map((m) => m.ruleId ?? `fatal: ${m.message}`);
  const ok = expected === null ? got.length === 0 : got.length > 0 && got.every((r) => r === expected);
  report(ok, file, code, expected, result.messages[0]);
  if (!ok) console.log('        got:', got);
}

// import-x/no-cycle needs real files on both ends of a cycle.
const DIR = 'src/core/__cycle_fixture__';
const FILES = {
  'a.ts': "import { b } from './b';\nexport const a = (): number => b() + 1;\n",
  'b.ts': "import { a } from './a';\nexport const b = (): number => a();\n",
  'lazy.ts': "export const lazy = async (): Promise<number> => (await import('./lazy-back')).back();\n",
  'lazy-back.ts': "import { lazy } from './lazy';\nexport const back = (): number => { void lazy(); return 1; };\n",
  'type-a.ts': "import type { B } from './type-b';\nexport interface A { b?: B }\n",
  'type-b.ts': "import type { A } from './type-a';\nexport interface B { a?: A }\n",
};
const CYCLES = [
  ['a.ts', 'import-x/no-cycle'], // a → b → a
  ['lazy.ts', 'import-x/no-cycle'], // a dynamic import() closes the cycle
  ['type-a.ts', null], // type-only imports never count (import-x, by design)
];
const cases = CASES.length + CYCLES.length;
mkdirSync(DIR, { recursive: true });
try {
  for (const [name, text] of Object.entries(FILES)) writeFileSync(`${DIR}/${name}`, text);
  for (const [name, expected] of CYCLES) {
    const [result] = await eslint.lintFiles([`${DIR}/${name}`]);
    const got = result.messages.filter((m) => m.ruleId === 'import-x/no-cycle');
    report(expected ? got.length > 0 : got.length === 0, `${DIR}/${name}`.replace('src/core/', ''), FILES[name], expected, got[0]);
  }
} finally {
  rmSync(DIR, { recursive: true, force: true });
}
console.log(`\n${cases - failed}/${cases} cases as expected`);
process.exitCode = failed ? 1 : 0;
