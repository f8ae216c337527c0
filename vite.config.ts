import { defineConfig, loadEnv, type Plugin } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';

/**
 * The Content Security Policy, as strict as the app allows: scripts and styles only from our own
 * files, no plugins, no frames, no <base> hijacking, no form posts. Images may come from any
 * http(s) host because articles embed them. The index may live on another origin
 * (VITE_INDEX_URL), so that origin, and only that one, is added to connect-src.
 */
function csp(indexUrl: string | undefined): string {
  let connect = "'self'";
  if (indexUrl && /^https?:\/\//i.test(indexUrl)) connect += ` ${new URL(indexUrl).origin}`;
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
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
  ].join('; ');
}

function cspPlugin(indexUrl: string | undefined): Plugin {
  return {
    name: 'broadsheet-csp',
    transformIndexHtml: (html) => html.replace('%BROADSHEET_CSP%', csp(indexUrl)),
  };
}

export default defineConfig(({ mode }) => {
  const env = loadEnv(mode, process.cwd(), 'VITE_');
  return {
    // Deploying under a sub-path: `vite build --base /news/` (or BASE_PATH=/news/).
    base: process.env.BASE_PATH || '/',
    oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
    build: {
      target: 'es2020',
      sourcemap: false,
      // Inlined module preload polyfill would need 'unsafe-inline'; every browser we target has it.
      modulePreload: { polyfill: false },
    },
    // The search worker (MiniSearch and the index) is an ES module worker, its own chunk.
    worker: { format: 'es' },
    plugins: [
      cspPlugin(env.VITE_INDEX_URL),
      VitePWA({
        strategies: 'injectManifest',
        srcDir: 'src/sw',
        filename: 'sw.ts',
        registerType: 'prompt',
        // We register through workbox-window ourselves, after the first render; no inline script.
        injectRegister: false,
        manifestFilename: 'manifest.webmanifest',
        includeAssets: ['favicon.svg', 'icons/apple-touch-icon.png'],
        manifest: {
          id: './',
          name: 'Broadsheet — news you can read offline',
          short_name: 'Broadsheet',
          description: 'Read every article offline: list, search and read with no network.',
          lang: 'en',
          start_url: './',
          scope: './',
          display: 'standalone',
          orientation: 'any',
          theme_color: '#7a1f1f',
          background_color: '#fbf7ef',
          categories: ['news', 'books'],
          icons: [
            { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
            { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
            { src: 'icons/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
          ],
        },
        injectManifest: {
          globPatterns: ['**/*.{js,css,html,svg,png,webmanifest,woff2}'],
          // The index is data, not shell: never precached.
          globIgnores: ['**/feed.json', '**/*.json'],
        },
        devOptions: { enabled: false },
      }),
    ],
  };
});
