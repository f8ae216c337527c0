/**
 * Upgrading from every earlier schema version keeps everything a reader had. For each version k
 * before the current one, a database is built with the first k migrations, seeded with data
 * valid at version k (FIXTURES[k]), then opened by the app, which runs the remaining migrations.
 * Every seeded article, sync record and, from the version that adds it, reading state (read,
 * saved, progress) must come through unchanged, and the upgraded schema must equal a new one.
 *
 * Adding a migration means adding FIXTURES[new version]: the first test fails until it exists.
 */
import { openDB, type IDBPDatabase } from 'idb';
import { afterEach, describe, expect, test } from 'vitest';
import type { Article } from '../../../src/core/feed/types';
import { getArticle, listArticles } from '../../../src/data/articles';
import { openStore, type DB } from '../../../src/data/connection';
import type { SyncRecord } from '../../../src/core/sync-types';
import { DB_VERSION, MIGRATIONS, runMigrations, type Migration } from '../../../src/data/migrations';
import type { ImageRecord, JobRecord, OfflineRecord, QueueEntry } from '../../../src/core/offline-records';
import type { PageRecord, SearchSnapshot } from '../../../src/data/schema';
import type { ReadingState } from '../../../src/core/reading';
import type { Highlight } from '../../../src/core/highlights/highlight';
import { article, day } from '../helpers';
import { needKey, revisionOf, type NeedKey } from '../../../src/core/article';

// A database as an older release left it: typed loosely, since its schema is not today's.
type OldDB = IDBPDatabase;

interface VersionFixture {
  /** Writes what a release with this schema version stored. */
  seed(db: OldDB): Promise<void>;
  /** Checks, on the current schema, that all of it is still there. */
  check(db: DB): Promise<void>;
}

const V1_ARTICLES: Article[] = [
  article({ id: 'v1-html', title: 'Stored by version 1', contentHtml: '<p>Body</p>', tags: ['Labour'], authors: [{ name: 'Ana' }], published: day(1) }),
  article({ id: 'https://news.example.org/2024/v1-text', contentText: 'Plain body.', published: day(2), modified: day(3), language: 'uk' }),
  article({ id: 'v1-undated', title: '', titleFromText: true, excerpt: 'No date at all', published: undefined }),
  article({ id: 'v1-image', contentHtml: '<p>With a picture</p><img src="https://img.example.org/a.png" alt="">', published: day(2) }),
];
const V1_RECORD: SyncRecord = {
  lastAttempt: day(4),
  lastSuccess: day(3),
  feedTitle: 'The Version One Gazette',
  indexUrl: 'https://news.example.org/feed.json',
  lastFailure: { kind: 'offline' },
  lastReport: { total: 4, kept: 3, notObject: 0, noId: 1, duplicates: 0, truncatedFields: 0, badDates: 0, futureDates: 0, cutTags: 0, cutAuthors: 0 },
};

/** Version 2 adds reading state: read, saved (indexed by savedAt), progress. */
const V2_STATES: ReadingState[] = [
  { id: 'v1-html', read: true, readAt: day(5), saved: true, savedAt: day(5), progress: 0.42, updatedAt: day(6) },
  { id: 'https://news.example.org/2024/v1-text', read: false, saved: false, progress: 0.1, updatedAt: day(7) },
  { id: 'gone-from-the-feed', read: true, readAt: day(2), saved: true, savedAt: day(2), progress: 1, updatedAt: day(2) },
];

/** Version 3 adds keep-offline: kept images, offline records (kept or imported), the queue and the run. */
const V3_IMAGE: ImageRecord = { url: 'https://img.example.org/a.png', bytes: 2048, opaque: false, lastUsed: day(8), storedAt: day(8), aliases: ['https://img.example.org/a@2x.png'] };
const V3_OFFLINE: OfflineRecord = { id: 'v1-html', images: ['https://img.example.org/a.png'], rev: 'r1', keptAt: day(8) };
const V3_QUEUE: QueueEntry = { id: 'https://news.example.org/2024/v1-text', seq: 1 };
const V3_JOB: JobRecord = { total: 2, done: 1, failed: 0, state: 'paused', updatedAt: day(8) };

/** Version 4 splits bodies from rows and adds the index pages' validators and the saved search index. */
const V4_PAGE: PageRecord = { url: 'https://news.example.org/feed.json', etag: '"abc"', lastModified: 'Mon, 03 Jun 2024 08:00:00 GMT', items: 3, fetchedAt: day(9) };
const V4_SEARCH: SearchSnapshot = { format: 1, seq: 3, count: 3, json: '{"documentCount":3}' };

/** Version 5 adds highlights and notes, one record each, by article and by last change. */
const V5_HIGHLIGHTS: Highlight[] = [
  {
    id: 'h-1',
    articleId: 'v1-html',
    title: 'Stored by version 1',
    quote: { exact: 'Body', prefix: '', suffix: '' },
    position: { start: 0, end: 4 },
    rev: '0:11',
    colour: 'green',
    note: 'Quote this at the meeting',
    createdAt: day(10),
    updatedAt: day(11),
  },
  {
    id: 'h-2',
    articleId: 'gone-from-the-feed',
    title: 'An article no longer stored',
    url: 'https://news.example.org/gone',
    quote: { exact: 'kept anyway', prefix: 'a highlight is ', suffix: '.' },
    position: { start: 15, end: 26 },
    rev: '1:40',
    colour: 'yellow',
    note: '',
    createdAt: day(10),
    updatedAt: day(10),
  },
];

/** Data valid at each schema version. Extend when a migration is added. */
const FIXTURES: Record<number, VersionFixture> = {
  1: {
    async seed(db) {
      const tx = db.transaction(['articles', 'meta'], 'readwrite');
      for (const a of V1_ARTICLES) await tx.objectStore('articles').put(a);
      await tx.objectStore('meta').put(V1_RECORD, 'sync');
      await tx.done;
    },
    async check(db) {
      const stored = await listArticles(db);
      expect(new Map(stored.map((a) => [a.id, a]))).toEqual(new Map(V1_ARTICLES.map((a) => [a.id, a])));
      expect(await db.get('meta', 'sync')).toEqual(V1_RECORD);
    },
  },
  2: {
    async seed(db) {
      await FIXTURES[1]!.seed(db);
      const tx = db.transaction('state', 'readwrite');
      for (const st of V2_STATES) await tx.store.put(st);
      await tx.done;
    },
    async check(db) {
      await FIXTURES[1]!.check(db);
      const states = await db.getAll('state');
      expect(new Map(states.map((x) => [x.id, x]))).toEqual(new Map(V2_STATES.map((x) => [x.id, x])));
    },
  },
  3: {
    async seed(db) {
      await FIXTURES[2]!.seed(db);
      const tx = db.transaction(['images', 'offline', 'queue', 'jobs'], 'readwrite');
      await tx.objectStore('images').put(V3_IMAGE);
      await tx.objectStore('offline').put(V3_OFFLINE);
      await tx.objectStore('queue').put(V3_QUEUE);
      await tx.objectStore('jobs').put(V3_JOB, 'current');
      await tx.done;
    },
    async check(db) {
      await FIXTURES[2]!.check(db);
      expect(await db.getAll('images')).toEqual([V3_IMAGE]);
      expect(await db.getAll('offline')).toEqual([V3_OFFLINE]);
      expect(await db.getAll('queue')).toEqual([V3_QUEUE]);
      expect(await db.get('jobs', 'current')).toEqual(V3_JOB);
    },
  },
  4: {
    async seed(db) {
      const names = ['articles', 'bodies', 'meta', 'state', 'images', 'offline', 'queue', 'jobs', 'pages', 'search'];
      const tx = db.transaction(names, 'readwrite');
      V1_ARTICLES.forEach((a, i) => {
        // Version 4 keeps rows and bodies apart, each row with its change number.
        const { contentHtml, contentText, ...row } = a;
        void tx.objectStore('articles').put({ ...row, seq: i + 1 });
        if (contentHtml !== undefined || contentText !== undefined) {
          void tx.objectStore('bodies').put({ id: a.id, ...(contentHtml !== undefined ? { html: contentHtml } : {}), ...(contentText !== undefined ? { text: contentText } : {}) });
        }
      });
      void tx.objectStore('meta').put(V1_RECORD, 'sync');
      for (const st of V2_STATES) void tx.objectStore('state').put(st);
      void tx.objectStore('images').put(V3_IMAGE);
      void tx.objectStore('offline').put(V3_OFFLINE);
      void tx.objectStore('queue').put(V3_QUEUE);
      void tx.objectStore('jobs').put(V3_JOB, 'current');
      void tx.objectStore('pages').put(V4_PAGE);
      void tx.objectStore('search').put(V4_SEARCH, 'index');
      await tx.done;
    },
    async check(db) {
      await FIXTURES[3]!.check(db);
      expect(await db.getAll('pages')).toEqual([V4_PAGE]);
      expect(await db.get('search', 'index')).toEqual(V4_SEARCH);
    },
  },
  5: {
    async seed(db) {
      await FIXTURES[4]!.seed(db);
      const tx = db.transaction('highlights', 'readwrite');
      for (const h of V5_HIGHLIGHTS) await tx.store.put(h);
      await tx.done;
    },
    async check(db) {
      await FIXTURES[4]!.check(db);
      expect(new Map((await db.getAll('highlights')).map((h) => [h.id, h]))).toEqual(new Map(V5_HIGHLIGHTS.map((h) => [h.id, h])));
      expect((await db.getAllFromIndex('highlights', 'by-article', 'v1-html')).map((h) => h.id)).toEqual(['h-1']);
    },
  },
  6: {
    async seed(db) {
      await FIXTURES[5]!.seed(db);
      // Version 6 notes on each row what reading it offline needs, made from its body.
      const tx = db.transaction('articles', 'readwrite');
      for (const a of V1_ARTICLES) {
        const row: unknown = await tx.store.get(a.id);
        await tx.store.put({ ...(row as object), need: needKey(a) });
      }
      await tx.done;
    },
    async check(db) {
      await FIXTURES[5]!.check(db);
      const needs = new Map((await db.getAll('articles')).map((r) => [r.id, r.need]));
      expect(needs).toEqual(
        new Map<string, NeedKey>([
          ['v1-html', 0],
          ['https://news.example.org/2024/v1-text', 0],
          ['v1-undated', 0],
          ['v1-image', revisionOf(V1_ARTICLES[3]!)],
        ]),
      );
      expect(await db.countFromIndex('articles', 'by-need', 0)).toBe(3);
    },
  },
};

const open: { close(): void }[] = [];
afterEach(() => {
  for (const db of open.splice(0)) db.close();
});

/** A database at `version`, built by the first `version` migrations, as that release would. */
async function databaseAt(name: string, version: number, migrations: readonly Migration[] = MIGRATIONS): Promise<OldDB> {
  const db = await openDB(name, version, {
    upgrade(database, oldVersion, _newVersion, tx) {
      runMigrations(database as never, tx as never, oldVersion, migrations.slice(0, version));
    },
  });
  open.push(db);
  return db;
}

/** Store names, key paths and indexes: what the upgraded schema must share with a new one. */
function shape(db: { objectStoreNames: DOMStringList; transaction: DB['transaction'] }): unknown {
  const names = [...db.objectStoreNames].sort();
  const tx = db.transaction(names as never);
  return names.map((n) => {
    const s = tx.objectStore(n as never);
    return {
      name: n,
      keyPath: s.keyPath,
      autoIncrement: s.autoIncrement,
      indexes: [...s.indexNames].sort().map((i) => {
        const idx = s.index(i);
        return { i, keyPath: idx.keyPath, unique: idx.unique, multiEntry: idx.multiEntry };
      }),
    };
  });
}

/** Seeds version k's data, upgrades with `migrations`, and runs k's check. */
async function upgradeFrom(k: number, migrations: readonly Migration[] = MIGRATIONS): Promise<DB> {
  const name = `upgrade-${k}-${crypto.randomUUID()}`;
  const old = await databaseAt(name, k, migrations);
  await FIXTURES[k]!.seed(old);
  old.close();
  const db = await openStore({ name, migrations });
  open.push(db);
  expect(db.version).toBe(migrations.length);
  await FIXTURES[k]!.check(db);
  return db;
}

describe('schema upgrades', () => {
  test('every schema version has a fixture of the data it stores', () => {
    for (let v = 1; v <= DB_VERSION; v++) expect(FIXTURES[v], `FIXTURES[${v}]`).toBeDefined();
  });

  test('each fixture round-trips at its own version (the checks see what the seeds write)', async () => {
    for (let v = 1; v <= DB_VERSION; v++) {
      const db = await databaseAt(`fixture-${v}-${crypto.randomUUID()}`, v);
      await FIXTURES[v]!.seed(db);
      if (v === DB_VERSION) await FIXTURES[v]!.check(db as unknown as DB);
    }
  });

  const earlier = Array.from({ length: DB_VERSION - 1 }, (_, i) => i + 1);
  for (const k of earlier) {
    test(`from version ${k} to ${DB_VERSION}: every article, the sync record and reading state are kept`, async () => {
      const db = await upgradeFrom(k);
      // What the current version derives from stored data is there for every row too.
      for (const row of await db.getAll('articles')) expect(row.need, row.id).toEqual(needKey((await getArticle(db, row.id))!));
      expect(await db.countFromIndex('articles', 'by-need', 0)).toBe(3);
      const fresh = await openStore({ name: `fresh-${crypto.randomUUID()}` });
      open.push(fresh);
      expect(shape(db)).toEqual(shape(fresh));
    });
  }

  // Prove on a pretend next version that the procedure above passes a migration that keeps data
  // and fails one that loses it.
  describe(`the upgrade check itself, on a pretend version ${DB_VERSION + 1}`, () => {
    const addsAStore: Migration = (db) => {
      db.createObjectStore('probe' as never);
    };
    const losesArticles: Migration = (_db, tx) => {
      void tx.objectStore('articles').clear();
    };

    test('a migration that keeps the data passes', async () => {
      const db = await upgradeFrom(DB_VERSION, [...MIGRATIONS, addsAStore]);
      expect([...db.objectStoreNames]).toContain('probe');
    });

    test('a migration that loses articles fails the check', async () => {
      await expect(upgradeFrom(DB_VERSION, [...MIGRATIONS, losesArticles])).rejects.toThrow();
    });
  });
});
