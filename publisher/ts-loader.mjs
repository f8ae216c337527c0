/**
 * Node module hooks (registered by run.mjs) that load TypeScript: resolves extensionless
 * relative imports to .ts (the app's source is written for a bundler), and strips types with
 * Vite's Oxc transform. Only files inside this repository are touched.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { transformWithOxc } from 'vite';

const ROOT = new URL('../', import.meta.url).href;

export async function resolve(specifier, context, next) {
  const fromRepo = context.parentURL?.startsWith(ROOT) && !context.parentURL.includes('/node_modules/');
  if (fromRepo && (specifier.startsWith('./') || specifier.startsWith('../')) && !/\.[cm]?[jt]sx?$/.test(specifier)) {
    try {
      return await next(`${specifier}.ts`, context);
    } catch {
      // not a .ts file: let Node resolve it as written
    }
  }
  return next(specifier, context);
}

export async function load(url, context, next) {
  if (url.startsWith(ROOT) && url.endsWith('.ts') && !url.includes('/node_modules/')) {
    const file = fileURLToPath(url);
    const source = await readFile(file, 'utf8');
    const { code } = await transformWithOxc(source, file, { lang: 'ts', sourcemap: false });
    return { format: 'module', source: code, shortCircuit: true };
  }
  return next(url, context);
}
