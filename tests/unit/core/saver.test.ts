import { expect, test } from 'vitest';
import { addUsage, emptyUsage, parseUsage } from '../../../src/core/data-used';
import { keepCost, mustAskKeep } from '../../../src/core/download-cost';
import { autoImages, backgroundRefreshAllowed, DEFAULT_SAVER, parseSaver } from '../../../src/core/saver';

test('saver prefs keep each valid field and default the rest', () => {
  expect(parseSaver(undefined)).toEqual(DEFAULT_SAVER);
  expect(parseSaver({ saveData: true, images: 'wifi', askAboveMB: 20 })).toEqual({ saveData: true, images: 'wifi', askAboveMB: 20 });
  expect(parseSaver({ saveData: 'yes', images: 'sometimes', askAboveMB: 7 })).toEqual(DEFAULT_SAVER);
  expect(parseSaver([1, 2])).toEqual(DEFAULT_SAVER);
});

test('images load by themselves unless saving data, set to never, or off Wi-Fi when set to Wi-Fi only', () => {
  const on = { ...DEFAULT_SAVER };
  expect(autoImages(on, undefined)).toBe(true);
  expect(autoImages(on, { saveData: true })).toBe(false);
  expect(autoImages({ ...on, saveData: true }, undefined)).toBe(false);
  expect(autoImages({ ...on, images: 'never' }, undefined)).toBe(false);
  expect(autoImages({ ...on, images: 'wifi' }, { type: 'cellular' })).toBe(false);
  expect(autoImages({ ...on, images: 'wifi' }, { type: 'wifi' })).toBe(true);
});

test('no background refresh when saving data on a metered connection', () => {
  expect(backgroundRefreshAllowed(DEFAULT_SAVER, { saveData: true, type: 'cellular' })).toBe(false);
  expect(backgroundRefreshAllowed(DEFAULT_SAVER, { saveData: true, metered: true })).toBe(false);
  expect(backgroundRefreshAllowed(DEFAULT_SAVER, { saveData: true, type: 'wifi' })).toBe(true);
  expect(backgroundRefreshAllowed(DEFAULT_SAVER, { type: 'cellular' })).toBe(true);
});

test('data used: this month and in total; a new month starts at zero; nonsense adds nothing', () => {
  const nov = Date.UTC(2026, 10, 15, 12);
  const dec = Date.UTC(2026, 11, 15, 12);
  let u = addUsage(emptyUsage(nov), 1000, nov);
  u = addUsage(u, -5, nov);
  u = addUsage(u, Number.NaN, nov);
  expect([u.month, u.total]).toEqual([1000, 1000]);
  u = addUsage(u, 500, dec);
  expect([u.month, u.total]).toEqual([500, 1500]);
  expect(parseUsage(JSON.parse(JSON.stringify(u)), dec)).toEqual(u);
  expect(parseUsage({ month: 'a' }, dec)).toEqual(emptyUsage(dec));
});

test('keeping articles offline: their share of the stated body bytes (images are a count, not bytes); many unknown ones ask too', () => {
  expect(keepCost({ articles: 1000, images: 2_000, bodyBytes: 20_000_000 }, 100)).toEqual({ articles: 100, bytes: 2_000_000 });
  expect(keepCost({ articles: 1000, images: 2_000 }, 100)).toEqual({ articles: 100 });
  expect(keepCost(undefined, 300)).toEqual({ articles: 300 });
  expect(mustAskKeep({ articles: 300 }, 5)).toBe(true);
  expect(mustAskKeep({ articles: 20 }, 5)).toBe(false);
  expect(mustAskKeep({ articles: 20, bytes: 12_000_000 }, 5)).toBe(true);
  expect(mustAskKeep({ articles: 900, bytes: 1_000 }, 5)).toBe(false);
});
