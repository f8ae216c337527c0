/**
 * Keep offline when the network returns: a run that stopped because the network went away stays
 * "running" (keeper.test.ts), and the page's `online` event makes it go on by itself, through the
 * same hook the list uses (useOfflineStatus → status.resumePending → the page's keeper).
 */
import { cleanup, renderHook } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import type { Article } from '../../../../src/core/feed/types';
import type { ImageRecord } from '../../../../src/core/offline-records';
import { withConnection } from '../../../../src/data/connection';
import { putArticles } from '../../../../src/data/write';
import { NetworkDown, type Fetched } from '../../../../src/features/offline/fetch-image';
import type { WantedImage } from '../../../../src/features/offline/images';
import type { Keeper } from '../../../../src/features/offline/keeper';
import { useOfflineStatus } from '../../../../src/features/offline/useOfflineStatus';
import { article } from '../../helpers';

/** The page's one keeper (`keeper()`), made by the test over a fake network and image store. */
const page = vi.hoisted((): { keeper: Promise<Keeper> | undefined } => ({ keeper: undefined }));
vi.mock('../../../../src/features/offline/keeper', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../../../src/features/offline/keeper')>()),
  keeper: () => page.keeper ?? Promise.reject(new Error('no keeper made')),
}));

/** Articles whose bodies name their images as `img:<url>` words (as in keeper.test.ts). */
const withImages = (id: string, ...urls: string[]): Article => article({ id, contentHtml: urls.map((u) => `img:${u}`).join(' ') });
const imagesOf = (a: Article): WantedImage[] => (a.contentHtml?.match(/img:\S+/g) ?? []).map((w) => ({ url: w.slice(4), aliases: [] }));

function memoryImages() {
  const records = new Map<string, ImageRecord>();
  return {
    records,
    all: async () => [...records.values()],
    put: async (r: ImageRecord) => void records.set(r.url, r),
    delete: async (urls: readonly string[]) => urls.forEach((u) => records.delete(u)),
    touch: async () => {},
  };
}

beforeEach(() => {
  // The hook also resumes a second after it starts; that timer never fires here, so whatever
  // resumes the run is the online event.
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
});

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

describe('keep offline: the network coming back', () => {
  test('a run waiting for the network goes on when the online event fires, and finishes', async () => {
    const { Keeper } = await import('../../../../src/features/offline/keeper');
    const db = await withConnection(async (d) => d);
    await putArticles(db, [withImages('a', 'a.png'), withImages('b', 'b.png')]);
    let up = false;
    const calls: string[] = [];
    const fetchImage = async (url: string): Promise<Fetched> => {
      calls.push(url);
      if (!up) throw new NetworkDown('offline');
      return { kind: 'image', response: new Response('x'), bytes: 1000, opaque: false };
    };
    const images = memoryImages();
    const keeper = new Keeper({ db, images, fetchImage, imagesOf, budget: () => 100 * 1024 * 1024 });
    page.keeper = Promise.resolve(keeper);

    await keeper.keep(['a', 'b']);
    await keeper.idle();
    expect(keeper.progress()).toMatchObject({ state: 'running', stopped: 'network', done: 0, active: false });

    renderHook(() => useOfflineStatus());
    up = true;
    dispatchEvent(new Event('online'));

    await vi.waitFor(() => expect(keeper.progress()).toMatchObject({ state: 'idle', done: 2, failed: 0, active: false }));
    expect([...images.records.keys()].sort()).toEqual(['a.png', 'b.png']);
    expect(await db.count('queue')).toBe(0);
    // a.png failed once while offline, then each image was fetched once.
    expect(calls).toEqual(['a.png', 'a.png', 'b.png']);
  });
});
