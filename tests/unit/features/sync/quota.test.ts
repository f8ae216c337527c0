/**
 * A full device during a sync: what fits is kept, the reader is told how much, and the app keeps
 * working; once space is freed, the next sync stores the rest. The store here runs out of space
 * by bytes (see `quotaLimitedStore`); Chromium with a real small quota is in
 * tests/browser/storage.test.mjs.
 */
import { beforeEach, describe, expect, test } from 'vitest';
import { getSyncRecord, listArticles } from '../../../../src/data/articles';
import { BATCH_SIZE } from '../../../../src/data/write';
import type { DB } from '../../../../src/data/connection';
import { syncAcrossTabs } from '../../../../src/features/sync/tab-sync';
import { enLazy as en } from '../../../../src/i18n/en/lazy';
import { FEED_URL, feedText, freshStore, item, mockFetch, quotaLimitedStore, storedIds } from '../../helpers';

let db: DB;
beforeEach(async () => {
  db = await freshStore();
  return () => db.close();
});

const body = 'x'.repeat(900);
const items = Array.from({ length: 600 }, (_, i) =>
  item(`q-${String(i).padStart(3, '0')}`, { content_text: body, date_published: new Date(Date.UTC(2024, 0, 1) + i * 60_000).toISOString() }),
);
const FEED = feedText(items);
const quiet = { locks: undefined, announce: () => {}, markStored: async () => {} };

describe('quota exceeded during a sync', () => {
  test('keeps the batches that fit, reports "N of M saved", and a later sync with space stores the rest', async () => {
    // Room for the first batch of 250 articles (≈1.2 KB each) but not the second.
    const budget = { bytes: 400_000 };
    const full = quotaLimitedStore(db, budget);
    const outcome = await syncAcrossTabs(full, FEED_URL, { ...quiet, fetchImpl: mockFetch(FEED) });

    expect(outcome).toMatchObject({ ok: false, failure: { kind: 'storage', name: 'QuotaExceededError', written: BATCH_SIZE, total: 600 } });
    const stored = await listArticles(db);
    expect(stored).toHaveLength(BATCH_SIZE);
    // Whole articles only: each stored one is exactly what the parser made of its item.
    for (const a of stored) expect(a.contentText).toBe(body);
    if (!outcome.ok) {
      expect(en.failure(outcome.failure)).toBe(
        "The device's storage is full: 250 of 600 articles were saved. Free some space, then check for new articles again.",
      );
    }
    const record = await getSyncRecord(db);
    expect(record.lastSuccess).toBeUndefined();
    expect(record.lastFailure).toMatchObject({ kind: 'storage', written: 250 });

    // The reader frees space; the next sync completes the set.
    budget.bytes = 10_000_000;
    const next = await syncAcrossTabs(full, FEED_URL, { ...quiet, fetchImpl: mockFetch(FEED) });
    expect(next).toMatchObject({ ok: true, write: { added: 350, unchanged: 250, written: 600 } });
    expect(new Set(await storedIds(db))).toEqual(new Set(items.map((i) => i.id)));
    expect((await getSyncRecord(db)).lastFailure).toBeUndefined();
  });

  test('no room even for the first batch: nothing is half-written and the old articles stay', async () => {
    const first = await syncAcrossTabs(db, FEED_URL, { ...quiet, fetchImpl: mockFetch(feedText([item('kept')])) });
    expect(first.ok).toBe(true);
    const before = await listArticles(db);
    const full = quotaLimitedStore(db, { bytes: 10_000 });
    const outcome = await syncAcrossTabs(full, FEED_URL, { ...quiet, fetchImpl: mockFetch(FEED) });
    expect(outcome).toMatchObject({ ok: false, failure: { kind: 'storage', written: 0, total: 600 } });
    expect(await listArticles(db)).toEqual(before);
  });

  test('a full device still tells the other tabs about the articles that fit, and notes they are stored', async () => {
    const told: unknown[] = [];
    let marked = 0;
    const full = quotaLimitedStore(db, { bytes: 400_000 });
    await syncAcrossTabs(full, FEED_URL, {
      locks: undefined,
      fetchImpl: mockFetch(FEED),
      announce: (m) => told.push(m),
      markStored: async () => {
        marked++;
      },
    });
    expect(told).toEqual([{ type: 'synced', ok: false }]);
    expect(marked).toBe(1);
  });
});
