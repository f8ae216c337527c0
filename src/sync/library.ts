/**
 * What the UI talks to: the stored articles and the sync that refreshes them. Normally backed by
 * IndexedDB; when the browser refuses IndexedDB (some private modes), a memory-only library keeps
 * the app usable online, and the UI says that nothing will be kept offline.
 */
import type { Article } from '../feed/types';
import { emptyState, type ReadingState } from '../state/reading';
import { countArticles, getArticle, getSyncRecord, listArticles } from '../store/articles';
import { openStore } from '../store/db';
import type { SyncRecord } from '../store/meta';
import { allStates, putState, updateState } from '../store/state';
import { onAnnouncement } from './broadcast';
import type { SyncOutcome } from './sync';

/**
 * The parser and the fetch code are loaded when the first sync starts, not before first paint:
 * the list renders from the store and does not need them.
 */
const loadSync = () => import('./tab-sync');

export interface Library {
  /** False when articles are kept in memory only. */
  readonly persistent: boolean;
  /** All articles, newest first. */
  list(): Promise<Article[]>;
  get(id: string): Promise<Article | undefined>;
  record(): Promise<SyncRecord>;
  sync(): Promise<SyncOutcome>;
  /** Every stored reading state (read, saved, progress). */
  states(): Promise<ReadingState[]>;
  putState(s: ReadingState): Promise<void>;
  /** Read-modify-write of one article's reading state; resolves to the stored result. */
  updateState(id: string, change: (s: ReadingState, now: number) => ReadingState): Promise<ReadingState>;
  /**
   * True when this device had stored articles before but the store is now empty: the browser
   * evicted IndexedDB (or part of the site's data was cleared) while the app shell survived.
   */
  readonly lost: boolean;
  /** Calls `listener` when another tab's sync changed the stored articles; returns the unsubscribe. */
  onChange(listener: (ok: boolean) => void): () => void;
}

export interface LibraryEvents {
  /** The storage was cleared or evicted while the page was open: the page must reload. */
  onClosed?: () => void;
  /** How long IndexedDB may take to open before the app goes on from memory. */
  openTimeoutMs?: number;
}

export async function openLibrary(indexUrl: string, onVersionChange?: () => void, events: LibraryEvents = {}): Promise<Library> {
  try {
    const db = await withTimeout(
      openStore({ ...(onVersionChange ? { onVersionChange } : {}), ...(events.onClosed ? { onTerminated: events.onClosed } : {}) }),
      events.openTimeoutMs ?? 10_000,
    );
    // Only an empty store needs the note (first visit or eviction), so it is loaded only then.
    const lost = (await countArticles(db).catch(() => 1)) === 0 && (await (await import('../store/marker')).hadStoredArticles());
    return {
      persistent: true,
      lost,
      onChange: (listener) => onAnnouncement((m) => listener(m.ok)),
      list: () => listArticles(db),
      get: (id) => getArticle(db, id),
      record: () => getSyncRecord(db),
      states: () => allStates(db),
      putState: (s) => putState(db, s),
      updateState: (id, change) => updateState(db, id, change),
      sync: async () => (await loadSync()).syncAcrossTabs(db, indexUrl),
    };
  } catch {
    return memoryLibrary(indexUrl);
  }
}

/**
 * Some browsers never answer `indexedDB.open` (an iOS bug, a wedged profile). Rather than wait
 * on "Loading articles…" forever, give up after `ms` and work from memory; a connection that
 * opens after all is closed again.
 */
function withTimeout<T extends { close(): void }>(opening: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let late = false;
    const timer = setTimeout(() => {
      late = true;
      reject(new Error(`IndexedDB did not open within ${ms} ms`));
    }, ms);
    opening.then(
      (db) => {
        clearTimeout(timer);
        if (late) db.close();
        else resolve(db);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}

export function memoryLibrary(indexUrl: string): Library {
  let articles: Article[] = [];
  let record: SyncRecord = {};
  const states = new Map<string, ReadingState>();
  return {
    persistent: false,
    states: async () => [...states.values()],
    putState: async (s) => void states.set(s.id, s),
    updateState: async (id, change) => {
      const after = change(states.get(id) ?? emptyState(id), Date.now());
      states.set(id, after);
      return after;
    },
    lost: false,
    // Another tab's memory is its own: nothing to hear about.
    onChange: () => () => {},
    list: async () => articles,
    get: async (id) => articles.find((a) => a.id === id),
    record: async () => record,
    async sync() {
      const at = Date.now();
      const { fetchIndex, parseFeedText } = await loadSync();
      const fetched = await fetchIndex(indexUrl);
      const parsed = fetched.ok ? parseFeedText(fetched.text, fetched.url) : undefined;
      if (!fetched.ok || !parsed?.ok || parsed.articles.length === 0) {
        const failure = !fetched.ok
          ? fetched.failure
          : parsed && !parsed.ok
            ? ({ kind: 'feed', error: parsed.error } as const)
            : ({ kind: 'no-articles', report: parsed!.report } as const);
        record = { ...record, lastAttempt: at, lastFailure: failure };
        return { ok: false, failure, record };
      }
      // Same merge rule as the store: keep articles that left the feed, never roll one back.
      const byId = new Map(articles.map((a) => [a.id, a]));
      const write = { added: 0, updated: 0, unchanged: 0, written: parsed.articles.length };
      for (const a of parsed.articles) {
        const old = byId.get(a.id);
        const rev = (x: Article) => x.modified ?? x.published ?? Number.NEGATIVE_INFINITY;
        if (!old) write.added++;
        else if (rev(old) > rev(a)) {
          write.unchanged++;
          continue;
        } else write.updated++;
        byId.set(a.id, a);
      }
      articles = [...byId.values()].sort((a, b) => b.sortDate - a.sortDate);
      record = { lastAttempt: at, lastSuccess: at, feedTitle: parsed.feed.title, indexUrl: fetched.url, lastReport: parsed.report };
      return { ok: true, write, report: parsed.report, record };
    },
  };
}
