import { readFileSync } from 'node:fs';
import { defineConfig, loadEnv, type Plugin } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { brandPlugin, MANIFEST_ICONS } from './publisher/brand.ts';
import { loadBrandConfig } from './publisher/config.ts';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };

/**
 * The Content Security Policy, as strict as the app allows: scripts and styles only from our own
 * files, no plugins, no frames, no <base> hijacking, no form posts. Images may come from any
 * http(s) host because articles embed them, and for the same reason connect-src allows any
 * http(s) host: "Keep offline" downloads those images with fetch() to measure, decode and keep
 * them. This opens no destination img-src did not already open; script-src stays 'self'.
 * Trusted Types guard the DOM's HTML and script sinks: even a sanitizer bug could not reach
 * innerHTML with a string.
 */
function csp(indexUrl: string | undefined, dev = false): string {
  let connect = "'self' https: http:";
  if (indexUrl && /^https?:\/\//i.test(indexUrl)) connect += ` ${new URL(indexUrl).origin}`;
  return [
    "default-src 'self'",
    "script-src 'self'",
    // The dev server injects CSS as <style> elements; production builds link .css files.
    dev ? "style-src 'self' 'unsafe-inline'" : "style-src 'self'",
    "img-src 'self' https: http: data:",
    "media-src 'self' https: http:",
    `connect-src ${connect}`,
    "font-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'none'",
    "frame-src 'none'",
    "child-src 'none'",
    "worker-src 'self'",
    "manifest-src 'self'",
    // DOM sinks that turn strings into HTML or script (innerHTML, script src, the service
    // worker's URL…) refuse plain strings: only DOMPurify's policy and ours may make them.
    "require-trusted-types-for 'script'",
    'trusted-types dompurify broadsheet',
  ].join('; ');
}

function cspPlugin(indexUrl: string | undefined): Plugin {
  return {
    name: 'broadsheet-csp',
    transformIndexHtml: (html, ctx) => html.replace('%BROADSHEET_CSP%', csp(indexUrl, Boolean(ctx.server))),
  };
}

export default defineConfig(({ mode }) => {
  // Branding, index URL, language and base path: broadsheet.config.json (or the file named by
  // BROADSHEET_CONFIG). BASE_PATH and VITE_INDEX_URL, when set, still win (tests, CI).
  const brand = loadBrandConfig(process.env.BROADSHEET_CONFIG || 'broadsheet.config.json');
  const env = loadEnv(mode, process.cwd(), 'VITE_');
  // Vite reads VITE_* from process.env after this function returns: the app sees these values.
  process.env.VITE_INDEX_URL = env.VITE_INDEX_URL || brand.index_url;
  process.env.VITE_DEFAULT_LANGUAGE = brand.language;
  process.env.VITE_THEME_COLOR = brand.theme_color;
  return {
    define: {
      // Which build this is, on <html data-build>: the package version unless BUILD_ID says more
      // (a commit, a date). The update test builds two versions and tells them apart by it.
      __BUILD_ID__: JSON.stringify(process.env.BUILD_ID || pkg.version),
      // Shown in Settings.
      __APP_VERSION__: JSON.stringify(process.env.BUILD_ID ? `${pkg.version}+${process.env.BUILD_ID}` : pkg.version),
    },
    // Deploying under a sub-path: base_path in the config (or BASE_PATH=/news/, or --base /news/).
    base: process.env.BASE_PATH || brand.base_path,
    oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
    build: {
      target: 'es2020',
      sourcemap: false,
      // Inlined module preload polyfill would need 'unsafe-inline'; every browser we target has it.
      modulePreload: { polyfill: false },
      // Class fields as plain assignments (`this.x = v`), not the defineProperty helper that the
      // ES2020 target otherwise puts in the first load; no class here relies on define semantics.
      rolldownOptions: {
        transform: { assumptions: { setPublicClassFields: true } },
        // Preact, its hooks and JSX runtime in one chunk (the bundler otherwise makes two, each
        // with its own imports and exports, both in the first load).
        // Seven-character content hashes (the fewest the bundler allows for 65 chunks): the first-load
        // chunk names every lazy chunk it may import, and hashes do not compress; 7 characters
        // instead of 8 took 75 bytes of gzip off the first load.
        output: {
          codeSplitting: { groups: [{ name: 'preact', test: /[\\/]node_modules[\\/]preact[\\/]/ }] },
          entryFileNames: 'assets/[name]-[hash:7].js',
          chunkFileNames: 'assets/[name]-[hash:7].js',
        },
      },
    },
    // The search worker (MiniSearch and the index) is an ES module worker, its own chunk.
    worker: { format: 'es' },
    plugins: [
      cspPlugin(process.env.VITE_INDEX_URL),
      brandPlugin(brand),
      VitePWA({
        strategies: 'injectManifest',
        srcDir: 'src/sw',
        filename: 'sw.ts',
        registerType: 'prompt',
        // We register through workbox-window ourselves, after the first render; no inline script.
        injectRegister: false,
        manifestFilename: 'manifest.webmanifest',
        manifest: {
          id: './',
          name: brand.name,
          short_name: brand.short_name,
          description: brand.description,
          lang: brand.language,
          start_url: './',
          scope: './',
          display: 'standalone',
          orientation: 'any',
          theme_color: brand.theme_color,
          background_color: brand.background_color,
          categories: ['news', 'books'],
          icons: MANIFEST_ICONS,
          // Hand-off files (issue 5): received from the share sheet (POST, handled by the service
          // worker) and, where the browser supports File Handling, opened with the installed app.
          share_target: {
            action: './share-target',
            method: 'POST',
            enctype: 'multipart/form-data',
            params: { title: 'title', text: 'text', url: 'url', files: [{ name: 'file', accept: ['application/feed+json', 'application/json', '.json'] }] },
          },
          file_handlers: [{ action: './settings?import=launch', accept: { 'application/feed+json': ['.json'], 'application/json': ['.json'] } }],
        },
        injectManifest: {
          globPatterns: ['**/*.{js,css,html,svg,png,ico,webmanifest,woff2}'],
          // The index is data, not shell: never precached.
          globIgnores: ['**/feed.json', '**/*.json'],
        },
        devOptions: { enabled: false },
      }),
    ],
  };
});
