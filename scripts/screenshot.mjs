#!/usr/bin/env node
/**
 * Regenerates docs/screenshot-phone.png: the list and the reading view side by side, on a
 * phone-sized screen (390×844), from the production build in dist/.  `node scripts/screenshot.mjs`
 */
import { writeFileSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, findChromium } from './chromium.mjs';
import { startServer } from './serve.mjs';

const server = await startServer({ root: 'dist' });
const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
try {
  const ctx = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2 });
  const page = await ctx.newPage();
  await page.goto(server.url);
  await page.getByRole('list', { name: 'Articles' }).locator('li').first().waitFor();
  await page.waitForTimeout(7000); // let the "ready to work offline" note fade
  const list = await page.screenshot();
  await page.locator('.row-title a').nth(1).click();
  await page.locator('h1').waitFor();
  await page.waitForTimeout(300);
  const reader = await page.screenshot();
  const sheet = await ctx.newPage();
  await sheet.setViewportSize({ width: 812, height: 876 });
  const img = (b) => `<img src="data:image/png;base64,${b.toString('base64')}" width="390" height="844">`;
  await sheet.setContent(
    `<body style="margin:0;background:#ddd;display:flex;gap:16px;padding:16px">${img(list)}${img(reader)}</body>`,
  );
  await sheet.waitForTimeout(200);
  writeFileSync('docs/screenshot-phone.png', await sheet.screenshot({ clip: { x: 0, y: 0, width: 812, height: 876 } }));
  console.log('wrote docs/screenshot-phone.png');
} finally {
  await browser.close();
  await server.close();
}
