/**
 * The service worker's image route (`keptImages`, src/sw/images.ts), run by hand over the real
 * (fake) IndexedDB and an in-memory Cache Storage: a kept image is answered from its cache and
 * its last use recorded (at most once an hour), so the image the reader sees is not the least
 * recently used one an eviction takes; offline, another srcset candidate of a kept image is
 * answered with the kept one; anything else falls back to the network, or a 504.
 */
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import type { RouteHandlerCallbackOptions } from 'workbox-core';
import { MB, planShrink } from '../../../src/core/budget';
import { IMAGE_CACHE } from '../../../src/core/names';
import type { ImageRecord } from '../../../src/core/offline-records';
import { withConnection, type DB } from '../../../src/data/connection';
import { allImages } from '../../../src/data/images';
import { keptImages } from '../../../src/sw/images';

const HOUR = 3_600_000;
const T0 = Date.UTC(2024, 4, 1, 8);

/** Cache Storage in memory: each cache maps a URL to a body and its type. */
function memoryCaches() {
  const stores = new Map<string, Map<string, { body: string; type: string }>>();
  const open = async (name: string) => {
    const entries = stores.get(name) ?? new Map<string, { body: string; type: string }>();
    stores.set(name, entries);
    return {
      match: async (url: string) => {
        const hit = entries.get(url);
        return hit ? new Response(hit.body, { headers: { 'Content-Type': hit.type } }) : undefined;
      },
      put: async (url: string, response: Response) => void entries.set(url, { body: await response.text(), type: response.headers.get('Content-Type') ?? '' }),
    };
  };
  return { open, stores };
}

const image = (url: string, patch: Partial<ImageRecord> = {}): ImageRecord => ({ url, bytes: 10 * MB, opaque: false, lastUsed: T0, storedAt: T0, aliases: [], ...patch });

const offline = vi.fn(async (): Promise<Response> => {
  throw new TypeError('Failed to fetch');
});
const network = vi.fn(async () => new Response('from the network', { headers: { 'Content-Type': 'image/png' } }));

let db: DB;
let cache: Awaited<ReturnType<ReturnType<typeof memoryCaches>['open']>>;

beforeEach(async () => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(T0);
  offline.mockClear();
  network.mockClear();
  const caches = memoryCaches();
  vi.stubGlobal('caches', caches);
  cache = await caches.open(IMAGE_CACHE);
  db = await withConnection(async (d) => d);
  await db.clear('images');
});

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

/** Keeps an image as keep offline does: bytes in the image cache, the record in IndexedDB. */
async function keep(record: ImageRecord, body = `bytes of ${record.url}`) {
  await cache.put(record.url, new Response(body, { headers: { 'Content-Type': 'image/png' } }));
  await db.put('images', record);
}

/** Runs the route's handler for an <img> request of `url`, as workbox would; returns the answer and the work it left running. */
async function request(url: string, fallback: (o: RouteHandlerCallbackOptions) => Promise<Response>) {
  const waits: Promise<unknown>[] = [];
  const event = { waitUntil: (p: Promise<unknown>) => void waits.push(p) } as unknown as ExtendableEvent;
  const response = await keptImages(fallback)({ request: new Request(url), url: new URL(url), event });
  await Promise.all(waits);
  return response;
}

describe('the service worker answers kept images', () => {
  test('a kept image comes from its cache, not the network, and its last use is recorded at most once an hour', async () => {
    await keep(image('https://cdn.example/a.png'));
    vi.setSystemTime(T0 + 30 * 60_000);
    expect(await (await request('https://cdn.example/a.png', network)).text()).toBe('bytes of https://cdn.example/a.png');
    expect(network).not.toHaveBeenCalled();
    // Half an hour after the last recorded use: not written again.
    expect((await db.get('images', 'https://cdn.example/a.png'))?.lastUsed).toBe(T0);
    vi.setSystemTime(T0 + 2 * HOUR);
    await request('https://cdn.example/a.png', network);
    expect((await db.get('images', 'https://cdn.example/a.png'))?.lastUsed).toBe(T0 + 2 * HOUR);
  });

  test('the image the reader sees is not the least recently used one a smaller budget evicts', async () => {
    await keep(image('https://cdn.example/old.png', { lastUsed: T0 }));
    await keep(image('https://cdn.example/new.png', { lastUsed: T0 + HOUR }));
    // Before any view, the older one would go first.
    expect(planShrink(await allImages(db), 15 * MB)).toEqual(['https://cdn.example/old.png']);
    vi.setSystemTime(T0 + 3 * HOUR);
    await request('https://cdn.example/old.png', offline);
    expect(planShrink(await allImages(db), 15 * MB)).toEqual(['https://cdn.example/new.png']);
  });

  test('offline, another srcset candidate of a kept image is answered with the kept one', async () => {
    await keep(image('https://cdn.example/m.jpg', { aliases: ['https://cdn.example/s.jpg', 'https://cdn.example/l.jpg'] }), 'the kept m.jpg');
    const answer = await request('https://cdn.example/l.jpg', offline);
    expect(answer.status).toBe(200);
    expect(await answer.text()).toBe('the kept m.jpg');
    expect(offline).toHaveBeenCalledTimes(1);
  });

  test('online, another candidate still comes from the network (it may be a better fit for the screen)', async () => {
    await keep(image('https://cdn.example/m.jpg', { aliases: ['https://cdn.example/l.jpg'] }), 'the kept m.jpg');
    expect(await (await request('https://cdn.example/l.jpg', network)).text()).toBe('from the network');
  });

  test('offline, an image that is neither kept nor a candidate of a kept one gets a 504, not a rejection', async () => {
    await keep(image('https://cdn.example/m.jpg', { aliases: ['https://cdn.example/l.jpg'] }));
    const answer = await request('https://cdn.example/other.jpg', offline);
    expect(answer.status).toBe(504);
  });
});
