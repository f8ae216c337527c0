/**
 * Issue 14: a file cannot outrank the publisher, dates from the future are clamped, and one
 * article cannot bring an unbounded number of tags or authors. The rules are in core/article.ts
 * (`incomingWins`, `clampDate`) and core/feed/parse.ts (`LIMITS`); these tests pin them, then
 * play the forgery through the real store: import, sync, Full re-sync.
 */
// Must come first: makes DOMPurify sanitize under happy-dom (see the file).
import '../platform/dompurify-happy-dom';
import { afterEach, describe, expect, test } from 'vitest';
import { clampDate, FUTURE_SLACK, incomingWins } from '../../../src/core/article';
import { LIMITS, parseFeedText } from '../../../src/core/feed/parse';
import { buildFile, readFile, readState } from '../../../src/core/transfer/format';
import type { DB } from '../../../src/data/connection';
import { getArticle } from '../../../src/data/articles';
import { allStates, putState } from '../../../src/data/state';
import { syncIndex } from '../../../src/features/sync/sync';
import { applyImport } from '../../../src/features/transfer/apply';
import { article, day, FEED_URL, feedText, freshStore, item, mockFetch } from '../helpers';

const NOW = day(10);
const open: DB[] = [];
afterEach(() => {
  for (const db of open.splice(0)) db.close();
});
async function store(): Promise<DB> {
  const db = await freshStore();
  open.push(db);
  return db;
}

describe('clampDate: a day of slack, then clamped', () => {
  test('a date within a day ahead is kept as it is', () => {
    expect(clampDate(NOW + FUTURE_SLACK, NOW)).toEqual({ ms: NOW + FUTURE_SLACK, clamped: false });
    expect(clampDate(NOW - 5, NOW)).toEqual({ ms: NOW - 5, clamped: false });
  });
  test('a date further ahead is clamped to at most a day ahead, the same value all day long', () => {
    const year9999 = Date.UTC(9999, 11, 31);
    const a = clampDate(year9999, NOW);
    const b = clampDate(year9999, NOW + 3_600_000);
    expect(a.clamped).toBe(true);
    expect(a.ms).toBeLessThanOrEqual(NOW + FUTURE_SLACK);
    expect(a.ms).toBeGreaterThan(NOW);
    expect(b.ms).toBe(a.ms);
  });
});

describe('the parser: future dates and per-article caps, counted', () => {
  test('dates in the year 9999 are clamped and counted, in feeds and in files alike', () => {
    const text = feedText([item('x', { date_published: '9999-12-31T00:00:00Z', date_modified: '9999-12-31T00:00:00Z' }), item('y')]);
    const parsed = parseFeedText(text, FEED_URL, NOW);
    if (!parsed.ok) throw new Error('rejected');
    expect(parsed.report.futureDates).toBe(2);
    const x = parsed.articles.find((a) => a.id === 'x')!;
    expect(x.modified).toBeLessThanOrEqual(NOW + FUTURE_SLACK);
    expect(x.sortDate).toBeLessThanOrEqual(NOW + FUTURE_SLACK);
    const read = readFile(text, FEED_URL, NOW);
    expect(read.ok && read.plan.report.futureDates).toBe(2);
  });

  test(`tags (${LIMITS.tagsPerItem}, ${LIMITS.tag} characters) and authors (${LIMITS.authorsPerItem}) are capped per article`, () => {
    const tags = Array.from({ length: 1000 }, (_, i) => `t${i}-${'x'.repeat(100)}`);
    const authors = Array.from({ length: 500 }, (_, i) => ({ name: `Writer ${i}` }));
    const parsed = parseFeedText(feedText([item('a', { tags, authors })]), FEED_URL, NOW);
    if (!parsed.ok) throw new Error('rejected');
    const a = parsed.articles[0]!;
    expect(a.tags).toHaveLength(LIMITS.tagsPerItem);
    expect(Math.max(...a.tags.map((t) => t.length))).toBeLessThanOrEqual(LIMITS.tag);
    expect(a.authors).toHaveLength(LIMITS.authorsPerItem);
    expect(parsed.report.cutTags).toBe(1000 - LIMITS.tagsPerItem);
    expect(parsed.report.cutAuthors).toBe(500 - LIMITS.authorsPerItem);
  });

  test('a reading state dated more than a day ahead is refused', () => {
    expect(readState({ id: 'a', read: true, saved: false, progress: 0, updatedAt: NOW + 2 * FUTURE_SLACK }, NOW)).toBeUndefined();
    expect(readState({ id: 'a', read: true, saved: false, progress: 0, updatedAt: NOW }, NOW)).toBeDefined();
  });
});

describe('incomingWins: the publisher is authoritative', () => {
  const publisher = article({ id: 'p', contentText: 'The publisher wrote this.', modified: day(1) });
  const forged = article({ id: 'p', contentText: 'A stranger wrote this.', modified: day(9), imported: true });

  test('a file copy never replaces the publisher copy, however new its date', () => {
    expect(incomingWins(publisher, forged)).toBe(false);
  });
  test('the publisher copy replaces a file copy whatever the dates', () => {
    expect(incomingWins(forged, publisher)).toBe(true);
  });
  test('file over file, and publisher over publisher, follow the dates', () => {
    const older = article({ id: 'p', contentText: 'old', modified: day(0), imported: true });
    expect(incomingWins(older, forged)).toBe(true);
    expect(incomingWins(forged, older)).toBe(false);
    const edited = { ...publisher, contentText: 'Edited.', modified: day(2) };
    expect(incomingWins(edited, publisher)).toBe(false);
  });
  test('restore (Full re-sync): the publisher copy replaces any differing copy, never an identical one', () => {
    const future = { ...publisher, contentText: 'Stored before the rule, with a later date.', modified: day(50) };
    expect(incomingWins(future, publisher, true)).toBe(true);
    expect(incomingWins(publisher, { ...publisher }, true)).toBe(false);
  });
});

describe('a hand-off forgery, through the store', () => {
  const feedItem = item('story', { title: 'Council budget', content_text: 'The publisher text.', date_published: '2024-03-05T10:00:00Z' });
  const forgery = (extra: Record<string, unknown>) =>
    buildFile({ kind: 'handoff', title: 'Forged', now: NOW, items: [{ id: 'story', title: 'Council budget', content_text: 'A forged text.', ...extra }] });
  const importText = async (db: DB, text: string) => {
    const read = readFile(text, FEED_URL, NOW);
    if (!read.ok) throw new Error('rejected');
    return applyImport(db, read.plan, NOW, () => []);
  };

  test('a copy dated 9999 or newer than the publisher never replaces the publisher text; states survive', async () => {
    const db = await store();
    expect((await syncIndex(db, FEED_URL, { fetchImpl: mockFetch(feedText([feedItem])), now: () => NOW })).ok).toBe(true);
    await putState(db, { id: 'story', read: true, readAt: NOW - 1, saved: true, savedAt: NOW - 1, progress: 0.5, updatedAt: NOW - 1 });

    const outcome = await importText(db, forgery({ date_modified: '9999-01-01T00:00:00Z' }));
    expect(outcome.updated).toBe(0);
    await importText(db, forgery({ date_modified: '2024-03-09T00:00:00Z' }));
    expect((await getArticle(db, 'story'))?.contentText).toBe('The publisher text.');
    expect(await allStates(db)).toEqual([expect.objectContaining({ id: 'story', read: true, saved: true, progress: 0.5 })]);
  });

  test('a file copy stored before the publisher had the id is replaced at the next sync that sees it, whatever the dates', async () => {
    const db = await store();
    await importText(db, forgery({ date_modified: '9999-01-01T00:00:00Z' }));
    expect((await getArticle(db, 'story'))?.contentText).toBe('A forged text.');
    await putState(db, { id: 'story', read: false, saved: true, savedAt: NOW - 1, progress: 0, updatedAt: NOW - 1 });

    await syncIndex(db, FEED_URL, { fetchImpl: mockFetch(feedText([feedItem])), now: () => NOW });
    const after = await getArticle(db, 'story');
    expect(after?.contentText).toBe('The publisher text.');
    expect(after?.imported).toBeUndefined();
    expect((await allStates(db))[0]?.saved).toBe(true);
  });

  test('Full re-sync restores the publisher text over any stored copy, even one with a later date', async () => {
    const db = await store();
    // A copy stored without the file mark (as before this rule), dated later than the publisher's.
    const old = article({ id: 'story', title: 'Council budget', contentText: 'A forged text.', published: day(400), modified: day(400) });
    const { putArticles } = await import('../../../src/data/write');
    await putArticles(db, [old]);
    await syncIndex(db, FEED_URL, { fetchImpl: mockFetch(feedText([feedItem])), now: () => NOW });
    expect((await getArticle(db, 'story'))?.contentText).toBe('A forged text.');
    await syncIndex(db, FEED_URL, { fetchImpl: mockFetch(feedText([feedItem])), now: () => NOW, full: true });
    expect((await getArticle(db, 'story'))?.contentText).toBe('The publisher text.');
  });
});
