/**
 * The page's side of search. The index lives in a Web Worker (`worker.ts`, with MiniSearch), so
 * building it and answering queries never block the page; the worker is started on first use,
 * not at load, so it costs nothing before the first paint. Where workers are unavailable (or fail
 * to start), the same host runs inline, loaded lazily: slower on a huge archive, never broken.
 */
import { trustedScriptUrl } from '../../platform/trusted';
import workerUrl from './worker.ts?worker&url';
import type { Corpus } from './corpus';
import type { Answer } from './host';
import type { WorkerRequest, WorkerResponse } from './protocol';

export interface SearchClient {
  /** Matches for `q`, most relevant first; `undefined` when a newer query replaced this one. */
  query(q: string): Promise<Answer | undefined>;
  /** The store changed (a synced page, a fetched body): index what changed. */
  refresh(): void;
  /** Save the index now (the page is being hidden). */
  flush(): void;
}

export type SearchSource = { db: string } | { corpus: () => Corpus };

export function createSearchClient(source: SearchSource): SearchClient {
  const client = deduplicated(baseClient(source));
  // A page about to be hidden may never come back (phones kill background tabs): save the index
  // now rather than rebuild it on the next cold start.
  if (typeof document !== 'undefined') {
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'hidden') client.flush();
    });
  }
  return client;
}

/**
 * The same query asked twice in a row (once as the URL changes, once by the list's effect) is
 * sent once. A partial answer is not reused, nor any answer once the store has changed.
 */
function deduplicated(inner: SearchClient): SearchClient {
  let last: { q: string; answer: Promise<Answer | undefined> } | undefined;
  return {
    query(q) {
      if (last?.q === q) return last.answer;
      const answer = inner.query(q);
      const entry = { q, answer };
      last = entry;
      void answer.then((a) => {
        if ((!a || a.partial) && last === entry) last = undefined;
      });
      return answer;
    },
    refresh() {
      last = undefined;
      inner.refresh();
    },
    flush: () => inner.flush(),
  };
}

function baseClient(source: SearchSource): SearchClient {
  let client: SearchClient | undefined;
  if ('db' in source && typeof Worker === 'function') {
    try {
      client = workerClient(source.db);
    } catch {
      // A worker that cannot even be constructed (CSP, old engine): fall through to inline.
    }
  }
  return client ?? inlineClient(source);
}

function inlineClient(source: SearchSource): SearchClient {
  let host: Promise<import('./host').SearchHost> | undefined;
  let latest = 0;
  const start = () =>
    (host ??= Promise.all([import('./host'), import('./corpus')]).then(
      ([{ SearchHost }, { idbCorpus }]) => new SearchHost('db' in source ? idbCorpus(source.db) : source.corpus()),
    ));
  return {
    async query(q) {
      const id = ++latest;
      const answer = await (await start()).query(q);
      return id === latest ? answer : undefined;
    },
    refresh: () => void host?.then((h) => h.refresh()),
    flush: () => void host?.then((h) => h.flush()),
  };
}

function workerClient(db: string): SearchClient {
  /** The running worker and its unanswered queries; none until first use, or after `pagehide`. */
  let live: ReturnType<typeof startWorker> | undefined;
  let fallback: SearchClient | undefined;
  const current = () => (live ??= startWorker(db, (lost) => {
    // The worker script failed to load or crashed: answer from an inline host from now on,
    // including the queries it had not answered (a reader's query is never dropped).
    live = undefined;
    const inline = (fallback ??= inlineClient({ db }));
    for (const { resolve, q } of lost) void inline.query(q).then(resolve, () => resolve(undefined));
  }));
  // A page leaving (a navigation, the back/forward cache) stops its worker, which aborts the
  // worker's IndexedDB transactions. In WebKit a suspended page's transaction (the index snapshot
  // written at `visibilitychange`) otherwise holds the database, and every read-write transaction
  // of the next page, and the next worker's reads, wait behind it for good (WebKit bug 315804,
  // docs/engines.md). A page shown again starts a new worker on its next query.
  if (typeof addEventListener === 'function') {
    addEventListener('pagehide', () => {
      live?.stop();
      live = undefined;
    });
  }
  current();
  return {
    query: (q) => (fallback ? fallback.query(q) : current().query(q)),
    refresh: () => (fallback ? fallback.refresh() : current().send({ type: 'refresh' })),
    flush: () => (fallback ? fallback.flush() : live?.send({ type: 'flush' })),
  };
}

type Waiting = { resolve: (answer: Answer | undefined) => void; q: string };

function startWorker(db: string, failed: (lost: Waiting[]) => void) {
  // The worker's URL goes through the app's Trusted Types policy: the CSP refuses plain strings.
  const worker = new Worker(trustedScriptUrl(workerUrl), { type: 'module', name: 'broadsheet-search' });
  /** Queries sent and not answered yet: their resolver, and the query, to ask again elsewhere. */
  const waiting = new Map<number, Waiting>();
  let next = 0;
  const send = (message: WorkerRequest) => worker.postMessage(message);
  const end = () => {
    worker.terminate();
    const lost = [...waiting.values()];
    waiting.clear();
    return lost;
  };

  worker.onmessage = (event: MessageEvent<WorkerResponse>) => {
    const message = event.data;
    if (message.type !== 'answer') return;
    const resolve = waiting.get(message.id)?.resolve;
    waiting.delete(message.id);
    if (message.stale) resolve?.(undefined);
    else if (message.error !== undefined) resolve?.({ ids: [], partial: false });
    else resolve?.({ ids: message.ids, partial: message.partial === true });
  };
  worker.onerror = (event) => {
    event.preventDefault();
    failed(end());
  };
  send({ type: 'open', db });

  return {
    send,
    query: (q: string) =>
      new Promise<Answer | undefined>((resolve) => {
        const id = ++next;
        waiting.set(id, { resolve, q });
        send({ type: 'query', id, q });
      }),
    /** Stopped with the page: queries not answered yet are answered "replaced" (the page has moved on). */
    stop: () => {
      for (const { resolve } of end()) resolve(undefined);
    },
  };
}
