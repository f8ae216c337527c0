import { beforeEach, describe, expect, test } from 'vitest';
import type { ImageRecord } from '../../../src/core/offline-records';
import type { DB } from '../../../src/data/connection';
import { allImages, imageByAlias, keptAmong, keptImageUrls, touchImage } from '../../../src/data/images';
import { freshStore } from '../helpers';

let db: DB;
beforeEach(async () => {
  db = await freshStore();
  return () => db.close();
});

const image = (url: string, patch: Partial<ImageRecord> = {}): ImageRecord => ({ url, bytes: 10, opaque: false, lastUsed: 1000, storedAt: 1000, aliases: [], ...patch });

describe('kept images bookkeeping', () => {
  test('lists what is kept, whole or among given URLs', async () => {
    await db.put('images', image('a'));
    await db.put('images', image('b'));
    expect(await keptImageUrls(db)).toEqual(new Set(['a', 'b']));
    expect(await keptAmong(db, ['b', 'gone'])).toEqual(new Set(['b']));
    expect(await keptAmong(db, [])).toEqual(new Set());
    expect((await allImages(db)).map((i) => i.url)).toEqual(['a', 'b']);
  });

  test('finds a kept image by another srcset candidate of the same <img>', async () => {
    await db.put('images', image('big.jpg', { aliases: ['small.jpg', 'medium.jpg'] }));
    expect((await imageByAlias(db, 'medium.jpg'))?.url).toBe('big.jpg');
    expect(await imageByAlias(db, 'other.jpg')).toBeUndefined();
  });

  test('touchImage writes a last use only when the stored one is older than the interval', async () => {
    await db.put('images', image('a', { lastUsed: 1000 }));
    await touchImage(db, 'a', 1500, 1000);
    expect((await db.get('images', 'a'))?.lastUsed).toBe(1000);
    await touchImage(db, 'a', 2001, 1000);
    expect((await db.get('images', 'a'))?.lastUsed).toBe(2001);
    await touchImage(db, 'missing', 5000, 1000);
    expect(await db.get('images', 'missing')).toBeUndefined();
  });
});
