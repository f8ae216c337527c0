/**
 * What the UI talks to: the stored articles, the sync that refreshes them, bodies on demand and
 * search. Normally backed by IndexedDB; when the browser refuses IndexedDB (some private modes), a
 * memory-only library keeps the app usable online, and the UI says that nothing will be kept
 * offline.
 */
import { incomingWins, needKey, needsBody } from '../../core/article';
import { newestFirst } from '../../core/order';
import type { Article } from '../../core/feed/types';
import { createSearchClient, type SearchClient } from '../search/client';
import { emptyState, markAllRead, restored, type ReadingState, type Restore } from '../../core/reading';
import { allRows, countArticles, getArticle, getSyncRecord, listArticles, newestRows, type Row } from '../../data/articles';
import { abortOpenTransactions, openWithin, type DB } from '../../data/connection';
import type { SyncFailure, SyncRecord } from '../../core/sync-types';
import { DB_NAME } from '../../core/names';
import type { PageRecord } from '../../data/schema';
import { allStates, putState, updateState } from '../../data/state';
import { listen } from '../../data/channel';
import type { SyncOutcome, SyncPageProgress } from './sync';
import type { WalkOptions } from './walk';

/**
 * The parser and the fetch code are loaded when the first sync starts, not before first paint:
 * the list renders from the store and does not need them.
 */
const loadSync = () => import('./tab-sync');
const loadBody = () => import('./fetch-body');

/** How often the search index catches up while a sync is storing pages. */
const REFRESH_DURING_SYNC_MS = 3000;

export type { Row };

interface LibrarySyncOptions {
  /** Re-read every page, ignoring validators and the "nothing new" stop. */
  full?: boolean;
  onProgress?: (progress: SyncPageProgress) => void;
  /** The pre-download question, for a first sync or a full re-sync (see `WalkOptions.ask`). */
  ask?: WalkOptions['ask'];
}

/** An article opened for reading, with its body fetched if needed. */
interface Opened {
  article: Article | undefined;
  /** Why an announced body could not be fetched; the article is then shown without it. */
  failure?: SyncFailure;
}

export interface Library {
  /** False when articles are kept in memory only. */
  readonly persistent: boolean;
  /** All articles with their bodies, newest first. For small stores and tests: the list reads `rows`. */
  list(): Promise<Article[]>;
  /** Rows newest first; with `limit`, only the newest few (the first paint needs no more). */
  rows(limit?: number): Promise<Row[]>;
  /** How many articles are stored (cheap: no rows are read). */
  count(): Promise<number>;
  get(id: string): Promise<Article | undefined>;
  /** The article with its body, fetching the body first when it is announced but not stored yet. */
  open(id: string): Promise<Opened>;
  record(): Promise<SyncRecord>;
  sync(options?: LibrarySyncOptions): Promise<SyncOutcome>;
  /** Full-text search over what is stored; started on first use. */
  search(): SearchClient;
  /** Every stored reading state (read, saved, progress). */
  states(): Promise<ReadingState[]>;
  putState(s: ReadingState): Promise<void>;
  /** Read-modify-write of one article's reading state; resolves to the stored result. */
  updateState(id: string, change: (s: ReadingState, now: number) => ReadingState): Promise<ReadingState>;
  /** Marks these articles read in one transaction; resolves to what undoes exactly that. */
  markRead?(ids: readonly string[]): Promise<Restore[]>;
  /** Puts back the states a `markRead` changed. */
  restoreStates?(undo: readonly Restore[]): Promise<void>;
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
  /**
   * How long IndexedDB may take to open before the app goes on from memory: some browsers never
   * answer (see `openWithin`).
   */
  openTimeoutMs?: number;
  /** The database's name (tests open their own). */
  name?: string;
}

export async function openLibrary(indexUrl: string, onVersionChange?: () => void, options: LibraryEvents = {}): Promise<Library> {
  const name = options.name ?? DB_NAME;
  // A sync follows every start: fetch its code while the database opens, not after.
  void loadSync().catch(() => {});
  let db: DB;
  let lost = false;
  try {
    db = await openWithin(options.openTimeoutMs ?? 10_000, {
      name,
      ...(onVersionChange ? { onVersionChange } : {}),
      ...(options.onClosed ? { onTerminated: options.onClosed } : {}),
    });
    // Only an empty store needs the note (first visit or eviction), so it is loaded only then.
    lost = (await countArticles(db).catch(() => 1)) === 0 && (await (await import('../../data/marker')).hadStoredArticles());
  } catch {
    return memoryLibrary(indexUrl);
  }
  let search: SearchClient | undefined;
  endTransactionsWhenCached();
  return {
    persistent: true,
    lost,
    // Syncs say whether they succeeded; imports and clean-ups (no `ok`) are the app's to hear.
    onChange: (listener) => listen((m) => m.type === 'synced' && m.ok !== undefined && listener(m.ok)),
    states: () => allStates(db),
    putState: (s) => putState(db, s),
    updateState: (id, change) => updateState(db, id, change),
    markRead: async (ids) => (await import('../../data/state-bulk')).markRead(db, ids),
    restoreStates: async (undo) => (await import('../../data/state-bulk')).restoreStates(db, undo),
    list: () => listArticles(db),
    rows: (limit) => (limit === undefined ? allRows(db) : newestRows(db, limit)),
    count: () => countArticles(db),
    get: (id) => getArticle(db, id),
    async open(id) {
      const article = await getArticle(db, id);
      if (!article || !needsBody(article)) return { article };
      const [{ downloadBody }, { storeBody }] = await Promise.all([loadBody(), import('../../data/bodies')]);
      const fetched = await downloadBody(article);
      if (!fetched.ok) return { article, failure: fetched.failure };
      const stored = await storeBody(db, fetched.body).catch(() => undefined);
      search?.refresh();
      return { article: stored ?? { ...article, ...bodyFields(fetched.body) } };
    },
    record: () => getSyncRecord(db),
    async sync(options = {}) {
      // While pages stream in, the search index catches up every few seconds, not after every
      // page: its reads would otherwise queue behind, and between, the sync's writes.
      let lastRefresh = 0;
      // Under the tab lock: one tab syncs, the others are told (tab-sync.ts).
      const outcome = await (await loadSync()).syncAcrossTabs(db, indexUrl, {
        ...(options.full ? { full: true } : {}),
        ...(options.ask ? { ask: options.ask } : {}),
        onProgress: (p) => {
          if (p.records.length && search && Date.now() - lastRefresh > REFRESH_DURING_SYNC_MS) {
            lastRefresh = Date.now();
            search.refresh();
          }
          options.onProgress?.(p);
        },
      });
      search?.refresh();
      return outcome;
    },
    search: () => (search ??= createSearchClient({ db: name })),
  };
}

function bodyFields(body: { html?: string; text?: string }): Pick<Article, 'contentHtml' | 'contentText' | 'hasBody'> {
  return { ...(body.html !== undefined ? { contentHtml: body.html } : {}), ...(body.text !== undefined ? { contentText: body.text } : {}), hasBody: true };
}

export function memoryLibrary(indexUrl: string): Library {
  let articles: Article[] = [];
  let record: SyncRecord = {};
  let version = 0;
  const pages = new Map<string, PageRecord>();
  let resume: string | undefined;
  let search: SearchClient | undefined;
  const states = new Map<string, ReadingState>();

  const merge = (incoming: readonly Article[]) => {
    // Same merge rule as the store: keep articles that left the feed, never roll one back.
    const byId = new Map(articles.map((a) => [a.id, a]));
    const write = { added: 0, updated: 0, unchanged: 0, written: incoming.length };
    const changed: Article[] = [];
    for (const a of incoming) {
      const old = byId.get(a.id);
      if (!incomingWins(old, a)) {
        write.unchanged++;
        continue;
      }
      if (old) write.updated++;
      else write.added++;
      byId.set(a.id, a);
      changed.push(a);
    }
    articles = [...byId.values()].sort(newestFirst);
    if (changed.length) version++;
    return { write, changed };
  };

  return {
    persistent: false,
    states: () => Promise.resolve([...states.values()]),
    putState: (s) => {
      states.set(s.id, s);
      return Promise.resolve();
    },
    // An executor, so that a `change` that throws rejects, as it would in the database's version.
    updateState: (id, change) =>
      new Promise((resolve) => {
        const after = change(states.get(id) ?? emptyState(id), Date.now());
        states.set(id, after);
        resolve(after);
      }),
    markRead: (ids) => {
      const { changed, undo } = markAllRead(states, ids, Date.now());
      for (const s of changed) states.set(s.id, s);
      return Promise.resolve(undo);
    },
    restoreStates: (undo) => {
      const back = restored(states, undo);
      states.clear();
      for (const [id, s] of back) states.set(id, s);
      return Promise.resolve();
    },
    lost: false,
    // Another tab's memory is its own: nothing to hear about.
    onChange: () => () => {},
    list: () => Promise.resolve(articles),
    rows: (limit) => Promise.resolve(limit === undefined ? articles : articles.slice(0, limit)),
    count: () => Promise.resolve(articles.length),
    get: (id) => Promise.resolve(articles.find((a) => a.id === id)),
    async open(id) {
      const article = articles.find((a) => a.id === id);
      if (!article || !needsBody(article)) return { article };
      const { downloadBody } = await loadBody();
      const fetched = await downloadBody(article);
      if (!fetched.ok) return { article, failure: fetched.failure };
      const full: Article = { ...article, ...bodyFields(fetched.body) };
      articles = articles.map((a) => (a.id === id ? full : a));
      version++;
      search?.refresh();
      return { article: full };
    },
    record: () => Promise.resolve(record),
    async sync(options = {}) {
      const at = Date.now();
      const { walkFeed } = await import('./walk');
      const walked = await walkFeed(
        {
          page: (url) => Promise.resolve(pages.get(url)),
          write(incoming, page, cursor) {
            const { write, changed } = merge(incoming);
            pages.set(page.url, page);
            resume = cursor(write.added + write.updated > 0);
            options.onProgress?.({ pages: pages.size, articles: articles.length, records: changed.map((a) => ({ ...a, seq: version, need: needKey(a) })), more: !!page.nextUrl });
            return Promise.resolve(write);
          },
          setResume: (url) => {
            resume = url;
            return Promise.resolve();
          },
        },
        indexUrl,
        {
          ...(options.full ? { full: true } : {}),
          ...(resume ? { resume } : {}),
          ...(options.ask && (options.full || articles.length === 0) ? { ask: options.ask } : {}),
        },
      );
      search?.refresh();
      if (!walked.ok) {
        record = { ...record, lastAttempt: at, lastFailure: walked.failure };
        return { ok: false, failure: walked.failure, record };
      }
      resume = undefined;
      const { totals } = walked;
      record = {
        lastAttempt: at,
        lastSuccess: at,
        feedTitle: walked.feed?.title ?? record.feedTitle ?? '',
        indexUrl: walked.url,
        lastReport: totals.report,
      };
      return { ok: true, write: totals.write, report: totals.report, record, pages: totals.pages, notModified: totals.notModified, stop: walked.stop };
    },
    search: () =>
      (search ??= createSearchClient({
        corpus: () => {
          // Loaded lazily with the search host: the memory library is rare.
          let corpus: import('../search/corpus').Corpus | undefined;
          const get = async () => (corpus ??= (await import('../search/corpus')).memoryCorpus(() => articles, () => version));
          return {
            loadSnapshot: async () => (await get()).loadSnapshot(),
            saveSnapshot: async (s) => (await get()).saveSnapshot(s),
            changes: async (since, limit) => (await get()).changes(since, limit),
            count: async () => (await get()).count(),
          };
        },
      })),
  };
}

let watching = false;

/**
 * A page cached for back/forward navigation ends its open IndexedDB transactions (WebKit keeps
 * them open while the page is suspended, and everything else waits behind them: see
 * `abortOpenTransactions`). Shown again, a page that had to end some reloads, so that no half-done
 * sync, write or read is left behind; the new page reads everything from the store (offline too,
 * from the service worker's copy of the app). A page that had none open comes back as it was.
 */
function endTransactionsWhenCached(): void {
  if (watching || typeof addEventListener !== 'function' || typeof location === 'undefined') return;
  watching = true;
  let ended = false;
  addEventListener('pagehide', (event) => {
    if ((event as PageTransitionEvent).persisted && abortOpenTransactions() > 0) ended = true;
  });
  addEventListener('pageshow', (event) => {
    if ((event as PageTransitionEvent).persisted && ended) location.reload();
  });
}
