import { afterEach, describe, expect, test } from 'vitest';
import type { Article } from '../../../../src/core/feed/types';
import { MB, OPAQUE_COST } from '../../../../src/core/budget';
import { NetworkDown, type Fetched } from '../../../../src/features/offline/fetch-image';
import type { ImageStore } from '../../../../src/data/images';
import type { WantedImage } from '../../../../src/features/offline/images';
import { Keeper, type KeeperDeps } from '../../../../src/features/offline/keeper';
import type { ImageRecord } from '../../../../src/core/offline-records';
import { putArticles } from '../../../../src/data/write';
import type { DB } from '../../../../src/data/connection';
import { article, freshStore } from '../../helpers';

const open: DB[] = [];
afterEach(() => {
  for (const db of open.splice(0)) db.close();
});

/** Articles whose bodies name their images as `img:<url>` words, so no sanitizer is needed. */
const withImages = (id: string, ...urls: string[]): Article => article({ id, contentHtml: urls.map((u) => `img:${u}`).join(' ') });
const imagesOf = (a: Article): WantedImage[] => (a.contentHtml?.match(/img:\S+/g) ?? []).map((w) => ({ url: w.slice(4), aliases: [] }));

/** Cache Storage + the images store, in memory; `failPuts` makes the next puts fail with a quota error. */
function memoryImages() {
  const records = new Map<string, ImageRecord>();
  const bodies = new Set<string>();
  const store = {
    failPuts: 0,
    records,
    bodies,
    async all() {
      return [...records.values()];
    },
    async put(r: ImageRecord, body?: Response) {
      if (store.failPuts > 0) {
        store.failPuts--;
        throw new DOMException('full', 'QuotaExceededError');
      }
      if (body) bodies.add(r.url);
      records.set(r.url, r);
    },
    async delete(urls: readonly string[]) {
      for (const u of urls) {
        records.delete(u);
        bodies.delete(u);
      }
    },
    async touch(urls: readonly string[], now: number) {
      for (const u of urls) {
        const r = records.get(u);
        if (r) records.set(u, { ...r, lastUsed: now });
      }
    },
  } satisfies ImageStore & Record<string, unknown>;
  return store;
}

/** A fake network: each URL answers with a given size, a pixel, a failure; `gate` holds answers back. */
function network(answers: Record<string, Fetched | 'down' | number> = {}) {
  const calls: string[] = [];
  let release: (() => void) | undefined;
  let held = false;
  /** The URL of the call being held now, and who waits for one. */
  let inFlight: string | undefined;
  const waiters: ((url: string) => void)[] = [];
  const net = {
    calls,
    hold() {
      held = true;
    },
    /** Resolves with the URL of a held call, once one is waiting for its answer. */
    held(): Promise<string> {
      return inFlight !== undefined ? Promise.resolve(inFlight) : new Promise((resolve) => waiters.push(resolve));
    },
    release() {
      held = false;
      release?.();
    },
    fetch: async (url: string, signal: AbortSignal): Promise<Fetched> => {
      calls.push(url);
      if (held) {
        await new Promise<void>((resolve, reject) => {
          release = resolve;
          inFlight = url;
          for (const w of waiters.splice(0)) w(url);
          signal.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
        }).finally(() => (inFlight = undefined));
      }
      const a = answers[url] ?? 1000;
      if (a === 'down') throw new NetworkDown('offline');
      if (typeof a === 'number') return { kind: 'image', response: new Response('x'), bytes: a, opaque: false };
      return a;
    },
  };
  return net;
}

async function setup(articles: Article[], net = network(), budget = 100 * MB) {
  const db = await freshStore();
  open.push(db);
  await putArticles(db, articles);
  const images = memoryImages();
  let clock = 1000;
  const deps: KeeperDeps = { db, images, fetchImage: net.fetch, imagesOf, budget: () => budget, now: () => ++clock };
  return { db, images, net, deps, keeper: new Keeper(deps) };
}

describe('Keeper: keeping articles offline', () => {
  test('keeps every image once, records the article, and finishes the run', async () => {
    const a = withImages('a', 'u1', 'u2');
    const b = withImages('b', 'u2', 'u3');
    const { db, images, net, keeper } = await setup([a, b]);
    await keeper.keep(['a', 'b']);
    await keeper.idle();
    expect(net.calls).toEqual(['u1', 'u2', 'u3']); // u2 is shared: fetched once
    expect([...images.bodies].sort()).toEqual(['u1', 'u2', 'u3']);
    expect((await db.get('offline', 'b'))?.images).toEqual(['u2', 'u3']);
    expect(keeper.progress()).toMatchObject({ state: 'idle', total: 2, done: 2, failed: 0, active: false });
    expect(await db.count('queue')).toBe(0);

    // Keeping again does no network work at all: kept images are looked up first.
    await keeper.keep(['a', 'b']);
    await keeper.idle();
    expect(net.calls).toHaveLength(3);
  });

  test('an article queued twice is queued once', async () => {
    const { db, keeper, net } = await setup([withImages('a', 'u1')]);
    net.hold();
    await keeper.keep(['a', 'a']);
    await keeper.keep(['a']);
    expect(await db.count('queue')).toBe(1);
    expect(keeper.progress().total).toBe(1);
    net.release();
    await keeper.idle();
  });

  test('cancel stops at once and keeps the queue; resume finishes it without redoing work', async () => {
    const list = ['a', 'b', 'c'].map((id) => withImages(id, `${id}.png`));
    const { db, net, keeper, images } = await setup(list);
    await keeper.keep(['a', 'b', 'c']);
    await keeper.idle();
    // Now with a slow network: cancel while b's image is in flight.
    const more = ['d', 'e'].map((id) => withImages(id, `${id}.png`));
    await putArticles(db, more);
    net.hold();
    await keeper.keep(['d', 'e']);
    expect(await net.held()).toBe('d.png');
    await keeper.cancel();
    // A finished run is over: keeping more starts a new one.
    expect(keeper.progress()).toMatchObject({ state: 'paused', done: 0, total: 2, active: false });
    expect(await db.count('queue')).toBe(2);
    expect(images.bodies.has('d.png')).toBe(false);
    net.release();
    await keeper.resume();
    await keeper.idle();
    expect(keeper.progress()).toMatchObject({ state: 'idle', done: 2, total: 2 });
    expect(net.calls.filter((u) => u === 'd.png')).toHaveLength(2); // the one in flight when cancelled
    expect(net.calls.filter((u) => u === 'a.png')).toHaveLength(1);
  });

  test('suspend (the page going away) stops at once and leaves the run "running" for the next page', async () => {
    const list = ['a', 'b'].map((id) => withImages(id, `${id}.png`));
    const { net, keeper, db } = await setup(list);
    net.hold();
    await keeper.keep(['a', 'b']);
    expect(await net.held()).toBe('a.png');
    keeper.suspend();
    await keeper.idle();
    expect((await db.get('jobs', 'current'))?.state).toBe('running');
    expect(await db.count('queue')).toBe(2);
    expect(net.calls).toEqual(['a.png']);
  });

  test('after an interruption (a new page), the run resumes where it stopped', async () => {
    const list = ['a', 'b', 'c'].map((id) => withImages(id, `${id}.png`));
    const { deps, net, keeper, db } = await setup(list);
    net.hold();
    await keeper.keep(['a', 'b', 'c']);
    expect(await net.held()).toBe('a.png');
    // The tab closes: this keeper is gone mid-run (its abort is what a closed page does).
    await keeper.cancel();
    await db.put('jobs', { ...(await db.get('jobs', 'current'))!, state: 'running' }, 'current');
    net.release();
    const reopened = new Keeper(deps);
    await reopened.resume();
    await reopened.idle();
    expect(reopened.progress()).toMatchObject({ state: 'idle', done: 3, total: 3, failed: 0 });
    expect((await db.getAllKeys('offline')).sort()).toEqual(['a', 'b', 'c']);
  });

  test('discard empties the queue', async () => {
    const { db, net, keeper } = await setup([withImages('a', 'a.png'), withImages('b', 'b.png')]);
    net.hold();
    await keeper.keep(['a', 'b']);
    await keeper.discard();
    expect(await db.count('queue')).toBe(0);
    expect(keeper.progress().state).toBe('idle');
  });

  test('tracking pixels are remembered, not stored; failed images leave the article not fully offline', async () => {
    const net = network({ 'pixel.gif': { kind: 'pixel' }, 'gone.png': { kind: 'failed', reason: 'http' } });
    const { images, keeper } = await setup([withImages('a', 'photo.png', 'pixel.gif', 'gone.png')], net);
    await keeper.keep(['a']);
    await keeper.idle();
    expect(images.records.get('pixel.gif')).toMatchObject({ pixel: true, bytes: 0 });
    expect(images.bodies.has('pixel.gif')).toBe(false);
    expect(images.records.has('gone.png')).toBe(false);
    expect(keeper.progress()).toMatchObject({ done: 1, failed: 1 });
  });

  test('over budget, the least recently used images go first; a newcomer too big is skipped', async () => {
    const ids = ['old', 'mid', 'new', 'fourth', 'fifth'];
    const net = network({ ...Object.fromEntries(ids.map((id) => [`${id}.png`, 3 * MB])), 'huge.png': 9 * MB });
    const list = [...ids.map((id) => withImages(id, `${id}.png`)), withImages('huge', 'huge.png')];
    const { images, keeper } = await setup(list, net, 12 * MB);
    await keeper.keep([...ids, 'huge']);
    await keeper.idle();
    expect([...images.records.keys()].sort()).toEqual(['fifth.png', 'fourth.png', 'mid.png', 'new.png']);
    expect(keeper.progress()).toMatchObject({ done: 6, failed: 1 });
  });

  test('opaque images are charged the padded cost against the budget', async () => {
    const net = network({ 'o1.png': { kind: 'image', response: new Response('x'), bytes: 0, opaque: true }, 'o2.png': { kind: 'image', response: new Response('x'), bytes: 0, opaque: true } });
    const { images, keeper } = await setup([withImages('a', 'o1.png'), withImages('b', 'o2.png')], net, OPAQUE_COST * 4 + MB);
    await keeper.keep(['a', 'b']);
    await keeper.idle();
    expect([...images.records.keys()]).toEqual(['o1.png', 'o2.png']);
    const { keeper: small } = await setup([withImages('a', 'o1.png')], network({ 'o1.png': { kind: 'image', response: new Response('x'), bytes: 0, opaque: true } }), OPAQUE_COST * 2);
    await small.keep(['a']);
    await small.idle();
    expect(small.progress().failed).toBe(1); // 7 MB of padding is more than a quarter of a 14 MB budget
  });

  test('a quota error purges older images and retries; a full disk stops the run, never the app', async () => {
    const { images, keeper } = await setup([withImages('a', 'a1.png', 'a2.png'), withImages('b', 'b1.png'), withImages('c', 'c1.png')]);
    await keeper.keep(['a']);
    await keeper.idle();
    images.failPuts = 1;
    await keeper.keep(['b']);
    await keeper.idle();
    expect(images.records.has('b1.png')).toBe(true);
    expect(images.records.has('a1.png')).toBe(false); // the older half made room
    images.failPuts = 3;
    await keeper.keep(['c']);
    await keeper.idle();
    expect(keeper.progress()).toMatchObject({ state: 'paused', stopped: 'storage-full' });
    expect(images.records.has('c1.png')).toBe(false);
  });

  test('the network going away leaves the run waiting, not failed', async () => {
    const { keeper, db } = await setup([withImages('a', 'a.png')], network({ 'a.png': 'down' }));
    await keeper.keep(['a']);
    await keeper.idle();
    expect(keeper.progress()).toMatchObject({ state: 'running', stopped: 'network', done: 0, failed: 0 });
    expect(await db.count('queue')).toBe(1);
  });
});
