#!/usr/bin/env node
/**
 * `npm run index -- <source>... --out <dir>`: runs publisher/cli.ts on plain Node (20.19+, which
 * cannot strip TypeScript types itself). ts-loader.mjs compiles each .ts file with the Oxc
 * transform that Vite already ships, so the publisher needs no build step and no extra tool.
 */
import { register } from 'node:module';

register('./ts-loader.mjs', import.meta.url);
const { main } = await import('./cli.ts');
process.exitCode = await main(process.argv.slice(2));
