/**
 * `npm run lint`. Three jobs:
 *   1. code quality: typescript-eslint strictTypeChecked (type-aware) on src/ and tests/unit/,
 *      plain JS rules on the .mjs tooling (tests/browser, scripts, bench);
 *   2. architecture: the layer table of the layout (who may import whom, and which npm packages);
 *      see TABLE below and `boundaries/dependencies`;
 *   3. no import cycles (import-x/no-cycle).
 * Dead code is knip's job (knip.json), not ESLint's. scripts/lint-rules.mjs proves the rules of
 * 2 and 3 still fire.
 */
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import boundaries from 'eslint-plugin-boundaries';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import { importX } from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const TS = ['**/*.{ts,tsx}'];
const JS = ['**/*.{js,mjs,cjs}'];

// ---------------------------------------------------------------------------------------------
// The layer table (layout.md). Every file under src/ belongs to exactly one element; a file's
// "kind" is `view` (*.tsx, use*.ts) or `logic` (any other .ts). Only features/ tell the two apart.
// ---------------------------------------------------------------------------------------------
const LAYER_DIRS = ['core', 'data', 'platform', 'i18n', 'ui', 'features', 'app', 'sw'];
const IN_LAYER = `src/{${LAYER_DIRS.join(',')}}/**`;

const core = { element: { type: 'core' } };
const data = { element: { type: 'data' } };
const platform = { element: { type: 'platform' } };
const i18n = { element: { type: 'i18n' } };
const ui = { element: { type: 'ui' } };
const app = { element: { type: 'app' } };
const sw = { element: { type: 'sw' } };
const featureLogic = { element: { type: 'feature' }, file: { categories: 'logic' } };
const featureView = { element: { type: 'feature' }, file: { categories: 'view' } };
const feature = { element: { type: 'feature' } };
const entry = { file: { categories: 'entry' } }; // src/main.tsx
const publisher = { element: { type: 'publisher' } }; // publisher/: `npm run index`, runs on Node
/** Node's built-in modules (node:fs …) */
const nodeBuiltins = { module: { origin: 'core' } };
/** npm packages (and their sub-paths: preact/hooks, workbox-core …) */
const npm = (...names) => ({ module: { origin: 'external', source: names } });

/**
 * One entry per row of the table: `from` may import `allow`; anything else is reported with
 * `message`. (Turned into a disallow-all policy followed by an allow policy, so the reported
 * message is the row's own rather than the plugin's generic one.)
 * @type {{ from: object, allow: object[], message: string }[]}
 */
const TABLE = [
  { from: core, allow: [core],
    message: 'core/ is pure: it may import only core/ (no DOM, no IndexedDB, no preact, no npm)' },
  { from: data, allow: [core, data, npm('idb')],
    message: 'data/ may import only core/, data/ and idb' },
  { from: platform, allow: [core, platform, npm('dompurify')],
    message: 'platform/ may import only core/, platform/ and dompurify' },
  { from: i18n, allow: [core, i18n],
    message: 'i18n/ may import only core/ and i18n/' },
  { from: ui, allow: [core, platform, i18n, ui, npm('preact')],
    message: 'ui/ may import only core/, platform/, i18n/, ui/ and preact' },
  { from: featureLogic, allow: [core, data, platform, featureLogic, npm('minisearch')],
    message: 'feature logic (features/*/*.ts, not use*.ts) may import core/, data/, platform/ and other features\' logic — no preact, no .tsx/use*.ts, no i18n/, ui/ or app/' },
  { from: featureView, allow: [core, data, platform, i18n, ui, feature, npm('preact')],
    message: 'feature views (*.tsx, use*.ts) may import core/, data/ (not idb), platform/, i18n/, ui/, features/ and preact — not app/ or sw/' },
  { from: [app, entry], allow: [core, data, platform, i18n, ui, feature, app, npm('preact', 'workbox-window')],
    message: 'app/ and main.tsx may import everything but sw/ (the service worker is built separately)' },
  { from: sw, allow: [core, data, platform, featureLogic, sw, npm('workbox-*')],
    message: 'sw/ may import core/, data/, platform/ and feature logic — no preact, no i18n/, ui/, app/ or views' },
  { from: publisher, allow: [core, publisher, nodeBuiltins, npm('feedsmith', 'fast-xml-validator', 'markdown-it', 'yaml', '@vite-pwa/assets-generator', 'vite')],
    message: 'publisher/ (the index command) may import core/ (pure, shared with the app), publisher/, Node built-ins, its parsing packages, and (brand.ts, for the build) vite and @vite-pwa/assets-generator — nothing that needs a browser' },
];

/** The few mistakes worth their own message; they come last, so they win over the rows above. */
const SPECIFIC = [
  { from: [core, platform, i18n, ui, feature, app, sw, entry], disallow: { to: npm('idb') },
    message: 'Only src/data/ may import idb: add or call a function in src/data/' },
  { from: [featureLogic, sw], disallow: { to: npm('preact') },
    message: 'No preact here: a hook belongs in a use*.ts file, a component in a .tsx file' },
  { from: [core, data, platform, i18n, ui, feature, sw], disallow: { to: app },
    message: 'Only main.tsx and app/ may import app/: move what you need down a layer (core/, ui/ or the feature)' },
];

const anything = [{ element: { type: '*' } }, { module: { origin: ['external', 'core'] } }];
/** @type {import('eslint-plugin-boundaries').DependenciesPolicy[]} */
const POLICIES = [
  ...TABLE.flatMap(({ from, allow, message }) => [
    { from, disallow: { to: anything }, message: `${message} (imports "{{dependency.source}}")` },
    { from, allow: { to: allow } },
  ]),
  ...SPECIFIC.map((p) => ({ ...p, message: `${p.message} (imports "{{dependency.source}}")` })),
];

export default defineConfig([
  globalIgnores(['dist/', 'dist-*/', 'coverage/', '.test-output/', 'bench/out/', 'dev-dist/']),

  { linterOptions: { reportUnusedDisableDirectives: 'error' } },

  // ---- 1. code quality ------------------------------------------------------------------------
  js.configs.recommended,
  {
    files: TS,
    extends: [tseslint.configs.strictTypeChecked],
    languageOptions: {
      parserOptions: {
        // One TS program per tsconfig.json, found like the editor does: src/sw/*.ts get
        // src/sw/tsconfig.json (WebWorker lib), everything else the root tsconfig.json.
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      // strictTypeChecked, loosened where the project's idioms are deliberate:
      // numbers in template literals (UI strings) are fine;
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      // `onClick={() => setOpen(false)}` and `() => void promise` are fine;
      '@typescript-eslint/no-confusing-void-expression': ['error', { ignoreArrowShorthand: true }],
      // `const { seq: _seq, ...rest } = record` drops a field on purpose.
      '@typescript-eslint/no-unused-vars': ['error', {
        argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_',
        destructuredArrayIgnorePattern: '^_', ignoreRestSiblings: true,
      }],
    },
  },
  {
    // Tooling and browser tests are plain JS (// @ts-check, but in no tsconfig): espree and the
    // JS rules only; the type-aware block above is limited to TS files. They drive Chromium, and
    // the functions they pass to page.evaluate() run in the page, hence both sets of globals.
    files: JS,
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
  { files: ['bench/floor/*.js'], languageOptions: { globals: { ...globals.browser, ...globals.serviceworker } } },

  {
    // Unit tests: `rows[0]!` is how a test says "there is a first row" under
    // noUncheckedIndexedAccess, and fakes implement async interfaces without awaiting anything.
    files: ['tests/unit/**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/require-await': 'off',
    },
  },

  // Preact hooks follow the React rules (preact/hooks has the same API).
  {
    files: ['src/**/*.{ts,tsx}', 'tests/unit/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },

  // ---- 2. architecture ------------------------------------------------------------------------
  {
    files: ['src/**/*.{ts,tsx}', 'publisher/**/*.ts'],
    plugins: { boundaries },
    settings: {
      // boundaries resolves with eslint-module-utils, which reads `import/resolver`.
      'import/resolver': { typescript: true },
      'boundaries/elements': [
        { type: 'core', pattern: 'src/core', partialMatch: false },
        { type: 'data', pattern: 'src/data', partialMatch: false },
        { type: 'platform', pattern: 'src/platform', partialMatch: false },
        { type: 'i18n', pattern: 'src/i18n', partialMatch: false },
        { type: 'ui', pattern: 'src/ui', partialMatch: false },
        { type: 'feature', pattern: 'src/features/*', partialMatch: false, capture: ['feature'] },
        { type: 'app', pattern: 'src/app', partialMatch: false },
        { type: 'sw', pattern: 'src/sw', partialMatch: false },
        { type: 'publisher', pattern: 'publisher', partialMatch: false },
      ],
      // A file's kind, first match wins. Only files inside a layer get one, so a file in a folder
      // the table does not know (src/utils/…) is reported by no-unknown-files.
      'boundaries/files': [
        { category: 'entry', pattern: 'src/main.tsx' },
        { category: 'ambient', pattern: 'src/*.d.ts' },
        { category: 'view', pattern: [`${IN_LAYER}/*.tsx`, `${IN_LAYER}/use*.ts`] },
        { category: 'logic', pattern: `${IN_LAYER}/*.ts` },
        { category: 'style', pattern: `${IN_LAYER}/*.css` },
      ],
      'boundaries/files-single-match': true,
      // What counts as a dependency: static imports (type-only too), re-exports, import(), and
      // type positions written as import('…').T.
      'boundaries/dependency-nodes': ['import', 'export', 'dynamic-import'],
      'boundaries/additional-dependency-nodes': [{ selector: 'TSImportType > Literal', kind: 'type', name: 'import-type' }],
    },
    rules: {
      'boundaries/dependencies': ['error', {
        default: 'disallow',
        checkAllOrigins: true, // npm packages too: each layer lists the packages it may use
        checkInternals: true, // logic ⇄ view inside one feature folder
        policies: POLICIES,
      }],
      // A file under src/ that is in no layer, or an import that resolves to nothing known.
      'boundaries/no-unknown-files': 'error',
      'boundaries/no-unknown-dependencies': 'error',
    },
  },
  {
    // IndexedDB is data/'s alone: the globals, and idb (also caught by boundaries above).
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/data/**'],
    rules: {
      'no-restricted-globals': ['error',
        { name: 'indexedDB', message: 'Only src/data/ touches IndexedDB: call a data/ function.' },
        { name: 'IDBKeyRange', message: 'Only src/data/ touches IndexedDB: call a data/ function.' },
      ],
      'no-restricted-properties': ['error',
        ...['self', 'window', 'globalThis'].flatMap((object) => [
          { object, property: 'indexedDB', message: 'Only src/data/ touches IndexedDB: call a data/ function.' },
          { object, property: 'IDBKeyRange', message: 'Only src/data/ touches IndexedDB: call a data/ function.' },
        ]),
      ],
    },
  },

  // ---- 3. cycles ------------------------------------------------------------------------------
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'import-x': importX },
    settings: {
      // import-x only follows files it may parse: with neither of these two, .ts dependencies are
      // skipped and no-cycle silently finds nothing (scripts/lint-rules.mjs checks it still fires).
      'import-x/extensions': ['.ts', '.tsx'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      'import-x/resolver-next': [createTypeScriptImportResolver()],
    },
    rules: {
      // Dynamic import() edges count (a lazy chunk that imports its importer is still a cycle);
      // type-only imports never count (import-x ignores them, by design).
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
    },
  },
]);
