import { describe, expect, test } from 'vitest';
import { idbCorpus, memoryCorpus, type Corpus } from '../../../../src/features/search/corpus';
import { FORMAT } from '../../../../src/features/search/engine';
import { SearchHost } from '../../../../src/features/search/host';
import { putArticles } from '../../../../src/data/write';
import { storeBody } from '../../../../src/data/bodies';
import { openStore } from '../../../../src/data/connection';
import { article, deferred } from '../../helpers';

/** Counts how many documents a corpus hands out, to see what a cold start really reads. */
function counting(corpus: Corpus): Corpus & { read: number } {
  const c = {
    read: 0,
    loadSnapshot: () => corpus.loadSnapshot(),
    saveSnapshot: (s: Parameters<Corpus['saveSnapshot']>[0]) => corpus.saveSnapshot(s),
    count: () => corpus.count(),
    async changes(since: number, limit: number) {
      const r = await corpus.changes(since, limit);
      c.read += r.docs.length;
      return r;
    },
  };
  return c;
}

const host = (corpus: Corpus) => new SearchHost(corpus, { batch: 2, saveDelayMs: 60_000, yieldNow: async () => {} });

describe('SearchHost over IndexedDB', () => {
  test('builds the index from the store, in batches, and answers queries', async () => {
    const name = `test-${crypto.randomUUID()}`;
    const db = await openStore({ name });
    await putArticles(db, [
      article({ id: 'a', title: 'Dockers strike' }),
      article({ id: 'b', title: 'Nurses vote', contentText: 'A strike ballot opens.' }),
      article({ id: 'c', title: 'Weather' }),
    ]);
    const h = host(idbCorpus(name));
    await h.ready;
    await h.refresh();
    expect(h.size).toBe(3);
    const answer = await h.query('strike');
    expect(answer.partial).toBe(false);
    expect([...(answer.ids ?? [])].sort()).toEqual(['a', 'b']);
    db.close();
  });

  test('a cold start loads the saved snapshot and reads only what changed since', async () => {
    const name = `test-${crypto.randomUUID()}`;
    const db = await openStore({ name });
    await putArticles(db, [article({ id: 'a', title: 'Harbour strike' }), article({ id: 'b', title: 'Harbour closed' })]);
    const first = host(idbCorpus(name));
    await first.ready;
    await first.refresh();
    await first.flush();
    const snapshot = await db.get('search', 'index');
    expect(snapshot).toMatchObject({ format: FORMAT, seq: 2, count: 2 });

    // Later: one new article, and a body fetched for an old one.
    await putArticles(db, [article({ id: 'c', title: 'Harbour reopens', bodyUrl: 'https://x.example/c', hasBody: false })]);
    await storeBody(db, { id: 'c', html: '<p>Cranes are back.</p>' });

    const corpus = counting(idbCorpus(name));
    const cold = host(corpus);
    await cold.ready;
    await cold.refresh();
    expect(corpus.read).toBe(1); // c only (its body write gave it the newest change number)
    expect(cold.size).toBe(3);
    expect([...((await cold.query('harbour')).ids ?? [])].sort()).toEqual(['a', 'b', 'c']);
    expect((await cold.query('cranes')).ids).toEqual(['c']);
    db.close();
  });

  test('a snapshot of another format is thrown away and the index rebuilt', async () => {
    const name = `test-${crypto.randomUUID()}`;
    const db = await openStore({ name });
    await putArticles(db, [article({ id: 'a', title: 'Rebuilt' })]);
    await db.put('search', { format: FORMAT + 1, seq: 99, count: 1, json: '{"not":"ours"}' }, 'index');
    const h = host(idbCorpus(name));
    await h.ready;
    await h.refresh();
    expect((await h.query('rebuilt')).ids).toEqual(['a']);
    db.close();
  });

  test('an index that does not match the store (rows removed elsewhere) is rebuilt', async () => {
    const name = `test-${crypto.randomUUID()}`;
    const db = await openStore({ name });
    await putArticles(db, [article({ id: 'a', title: 'Kept' }), article({ id: 'b', title: 'Removed' })]);
    const h = host(idbCorpus(name));
    await h.ready;
    await h.refresh();
    await db.delete('articles', 'b');
    await h.refresh();
    expect(h.size).toBe(1);
    expect((await h.query('removed')).ids).toEqual([]);
    db.close();
  });
});

describe('SearchHost: calls before it is loaded', () => {
  // Regression: a sync ending right after the worker started called refresh() before the snapshot
  // was loaded, and the catch-up threw on the missing index (an unhandled rejection, no results).
  test('refresh() before the index is loaded waits for it instead of failing', async () => {
    let version = 1;
    const h = new SearchHost(memoryCorpus(() => [article({ id: 'a', title: 'Early' })], () => version), { saveDelayMs: 60_000 });
    version = 2;
    await expect(h.refresh()).resolves.toBeUndefined();
    expect((await h.query('early')).ids).toEqual(['a']);
  });
});

describe('SearchHost: partial answers', () => {
  test('a query during a long build answers from what is indexed so far, marked partial', async () => {
    const gate = deferred();
    let hold = false;
    let version = 1;
    const docs = [article({ id: 'a', title: 'Strike one' }), article({ id: 'b', title: 'Strike two' })];
    const base = memoryCorpus(() => docs, () => version);
    const slow: Corpus = {
      ...base,
      // Once held, reads wait until released: the build is "still going".
      changes: async (since, limit) => {
        if (hold) await gate.promise;
        return base.changes(since, limit);
      },
    };
    const h = new SearchHost(slow, { waitMs: 10, saveDelayMs: 60_000 });
    await h.ready;
    // The catch-up that loading started (a and b): a refresh during it resolves when it is over.
    await h.refresh();
    expect(h.busy).toBe(false);
    expect(h.size).toBe(2);
    hold = true;
    version = 2;
    void h.refresh();
    const answer = await h.query('strike');
    expect(answer.partial).toBe(true);
    expect([...(answer.ids ?? [])].sort()).toEqual(['a', 'b']);
    gate.resolve();
    await h.refresh();
    expect((await h.query('strike')).partial).toBe(false);
  });
});
