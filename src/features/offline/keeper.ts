/**
 * Keep offline: a queue of articles whose images (and, with bodies on demand, bodies) are
 * downloaded and kept. The queue and the run's progress are in IndexedDB, so a closed tab or a
 * lost network resumes where it stopped, and work already done is never done again (a kept image
 * is looked up before any fetch). Cancel stops at once and keeps the queue: Resume goes on,
 * Discard empties it. One run per page; the UI subscribes to its progress.
 */
import type { Article } from '../../core/feed/types';
import { getArticle } from '../../data/articles';
import type { DB } from '../../data/connection';
import { withBody } from './body-source';
import { costOf, planEviction, planQuotaPurge } from '../../core/budget';
import { fetchImage as realFetchImage, NetworkDown, type Fetched } from './fetch-image';
import { browserImageStore, isQuotaError, type ImageStore } from '../../data/images';
import { clearQueue, enqueue, finishQueued, nextQueued, readJob, saveJob } from '../../data/offline';
import { imagesOf as realImagesOf, type WantedImage } from './images';
import { revisionOf } from '../../core/article';
import type { ImageRecord, JobRecord } from '../../core/offline-records';

/**
 * Whether `signal` is aborted now. A call rather than `signal.aborted`, which TypeScript keeps
 * narrowed to `false` after a first check, across every await that follows.
 */
const aborted = (signal: AbortSignal): boolean => signal.aborted;

export interface KeeperDeps {
  db: DB;
  images: ImageStore;
  fetchImage: (url: string, signal: AbortSignal) => Promise<Fetched>;
  imagesOf: (a: Article) => WantedImage[];
  /** The image budget in bytes, read at each image (the reader may change it mid-run). */
  budget: () => number;
  now?: () => number;
  /** Called when progress or kept articles change (the list re-checks its marks). */
  changed?: () => void;
}

/** The run as the views show it: the stored progress, and what this page is doing now. */
export interface KeepProgress extends JobRecord {
  /** True while this page is downloading. */
  active: boolean;
  /** The article being kept now: its images done and in all. */
  item?: { id: string; done: number; total: number };
}

const IDLE: JobRecord = { total: 0, done: 0, failed: 0, state: 'idle', updatedAt: 0 };

export class Keeper {
  private job: JobRecord = IDLE;
  private controller: AbortController | undefined;
  private running: Promise<void> | undefined;
  private readonly listeners = new Set<(p: KeepProgress) => void>();
  private readonly now: () => number;
  private loaded: Promise<void>;
  private item: KeepProgress['item'];

  constructor(private readonly deps: KeeperDeps) {
    this.now = deps.now ?? Date.now;
    this.loaded = readJob(deps.db).then((j) => {
      if (j) this.job = j;
    });
  }

  progress(): KeepProgress {
    return { ...this.job, active: !!this.running, ...(this.item ? { item: this.item } : {}) };
  }

  subscribe(fn: (p: KeepProgress) => void): () => void {
    this.listeners.add(fn);
    fn(this.progress());
    return () => this.listeners.delete(fn);
  }

  /** Adds articles to the queue (each once) and starts, or goes on with, the run. */
  async keep(ids: readonly string[]): Promise<void> {
    await this.loaded;
    const job = await enqueue(this.deps.db, ids, (added) => {
      const fresh = this.job.state === 'idle';
      return {
        total: (fresh ? 0 : this.job.total) + added,
        done: fresh ? 0 : this.job.done,
        failed: fresh ? 0 : this.job.failed,
        state: 'running',
        updatedAt: this.now(),
      };
    });
    this.set(job);
    this.start();
  }

  /** Goes on with a run that was cancelled or interrupted. */
  async resume(): Promise<void> {
    await this.loaded;
    if (this.job.state === 'idle') return;
    const { stopped: _, ...rest } = this.job;
    await this.save({ ...rest, state: 'running' });
    this.start();
  }

  /** Stops now; the rest of the queue stays for Resume. */
  async cancel(): Promise<void> {
    await this.loaded;
    this.controller?.abort();
    await this.running;
    if (this.job.state === 'running') await this.save({ ...this.job, state: 'paused' });
  }

  /** Stops and forgets the rest of the queue. */
  async discard(): Promise<void> {
    this.controller?.abort();
    await this.running;
    await clearQueue(this.deps.db);
    await this.save({ ...IDLE, updatedAt: this.now() });
  }

  /**
   * The page is going away (reload, navigation, tab closed): stop now, leaving the job "running"
   * so the next page goes on with it. Without this, the unloading page sees its requests fail
   * and takes that for a network or CORS failure (a no-cors probe, a "network" stop).
   */
  suspend(): void {
    this.controller?.abort();
  }

  /** Resolves when the current run ends (for tests and callers that wait). */
  async idle(): Promise<void> {
    await this.running;
  }

  private start(): void {
    if (this.running) return;
    const controller = new AbortController();
    this.controller = controller;
    this.running = this.run(controller.signal)
      .catch((error: unknown) => {
        // A bug or a closed database stops the run; the queue stays and resumes next time.
        if (!controller.signal.aborted) console.error('Keep offline stopped', error);
      })
      .finally(() => {
        this.running = undefined;
        this.item = undefined;
        this.controller = undefined;
        this.emit();
      });
    this.emit();
  }

  private async run(signal: AbortSignal): Promise<void> {
    const { db } = this.deps;
    const kept = new Map((await this.deps.images.all()).map((r) => [r.url, r]));
    while (!aborted(signal) && this.job.state === 'running') {
      const entry = await nextQueued(db);
      if (!entry) {
        await this.save({ ...this.job, state: 'idle' });
        break;
      }
      // The article with its body, joined from the `bodies` store.
      let article = await getArticle(db, entry.id);
      let complete = true;
      let wanted: WantedImage[] = [];
      if (article) {
        // An announced body not stored yet (bodies on demand) is fetched and stored first.
        try {
          article = await withBody(article, signal);
        } catch {
          if (aborted(signal)) return;
          // The body could not be downloaded: nothing is counted as kept; the run resumes when
          // the network comes back, as for an image.
          await this.save({ ...this.job, state: 'running', stopped: 'network' });
          return;
        }
        wanted = this.deps.imagesOf(article);
        try {
          complete = await this.keepImages(article.id, wanted, kept, signal);
        } catch (error) {
          if (aborted(signal)) return;
          if (error instanceof NetworkDown || isQuotaError(error)) {
            // Stay "running": the next start or the network coming back resumes it. A full disk
            // stops it: images were already purged, and trying again at once would fail again.
            await this.save({ ...this.job, state: isQuotaError(error) ? 'paused' : 'running', stopped: error instanceof NetworkDown ? 'network' : 'storage-full' });
            return;
          }
          throw error;
        }
        if (aborted(signal)) return;
      }
      const job: JobRecord = { ...this.job, done: this.job.done + 1, failed: this.job.failed + (complete ? 0 : 1), updatedAt: this.now() };
      delete job.stopped;
      // The article's record, its removal from the queue and the progress commit together:
      // an interruption never counts an article twice or loses one.
      const saved = await finishQueued(db, entry.id, article && { images: wanted.map((w) => w.url), rev: revisionOf(article), keptAt: this.now() }, job);
      this.item = undefined;
      this.set(saved);
      this.deps.changed?.();
    }
  }

  /** Keeps the images one article needs; false if any could not be kept. */
  private async keepImages(id: string, wanted: readonly WantedImage[], kept: Map<string, ImageRecord>, signal: AbortSignal): Promise<boolean> {
    const { images } = this.deps;
    const protect = new Set(wanted.map((w) => w.url));
    const already = wanted.filter((w) => kept.has(w.url)).map((w) => w.url);
    await images.touch(already, this.now());
    let complete = true;
    const item = { id, done: 0, total: wanted.length };
    for (const want of wanted) {
      this.item = { ...item };
      this.emit();
      item.done++;
      if (aborted(signal)) return complete;
      if (kept.has(want.url)) continue;
      const got = await this.deps.fetchImage(want.url, signal);
      if (aborted(signal)) return complete;
      const base = { url: want.url, lastUsed: this.now(), storedAt: this.now(), aliases: want.aliases };
      if (got.kind === 'pixel') {
        const record: ImageRecord = { ...base, bytes: 0, opaque: false, pixel: true };
        await images.put(record);
        kept.set(want.url, record);
        continue;
      }
      if (got.kind === 'failed') {
        complete = false;
        continue;
      }
      const record: ImageRecord = { ...base, bytes: got.bytes, opaque: got.opaque };
      const plan = planEviction([...kept.values()], this.deps.budget(), costOf(record), protect);
      if (!plan.fits) {
        complete = false;
        continue;
      }
      await this.evict(plan.evict, kept);
      await this.storeWithPurge(record, got.response, kept, protect);
      kept.set(want.url, record);
    }
    return complete;
  }

  /** Stores one image; on a quota error frees the older half of the images, then all others, then gives up. */
  private async storeWithPurge(record: ImageRecord, response: Response, kept: Map<string, ImageRecord>, protect: ReadonlySet<string>): Promise<void> {
    for (const round of [0, 1, 2] as const) {
      try {
        await this.deps.images.put(record, round === 0 ? response : response.clone());
        return;
      } catch (error) {
        if (!isQuotaError(error) || round === 2) throw error;
        await this.evict(planQuotaPurge([...kept.values()], round === 0 ? 1 : 2, protect), kept);
      }
    }
  }

  private async evict(urls: readonly string[], kept: Map<string, ImageRecord>): Promise<void> {
    if (!urls.length) return;
    await this.deps.images.delete(urls);
    for (const u of urls) kept.delete(u);
    this.deps.changed?.();
  }

  private async save(job: JobRecord): Promise<void> {
    await saveJob(this.deps.db, job);
    this.set(job);
  }

  private set(job: JobRecord): void {
    this.job = job;
    this.emit();
  }

  private emit(): void {
    const p = this.progress();
    for (const fn of this.listeners) fn(p);
  }
}

let shared: Promise<Keeper> | undefined;

/** The page's one keeper, over the real network, Cache Storage and the app's database. */
export function keeper(): Promise<Keeper> {
  shared ??= (async () => {
    const [{ withConnection }, { announce }, { imageBudget }] = await Promise.all([import('../../data/connection'), import('../../data/channel'), import('./prefs')]);
    let timer: ReturnType<typeof setTimeout> | undefined;
    const made = await withConnection(
      (db) =>
        new Keeper({
          db,
          images: browserImageStore(db),
          fetchImage: realFetchImage,
          imagesOf: realImagesOf,
          budget: imageBudget,
          // The list re-checks its "readable offline" marks at most a few times a second.
          changed: () => {
            timer ??= setTimeout(() => {
              timer = undefined;
              announce({ type: 'offline' }, { thisTab: true });
            }, 300);
          },
        }),
    );
    addEventListener('pagehide', () => made.suspend());
    // Back from the back/forward cache: the run suspended at pagehide goes on.
    addEventListener('pageshow', (e) => {
      const now = made.progress();
      if ((e as PageTransitionEvent).persisted && now.state === 'running' && !now.active) void made.resume();
    });
    return made;
  })();
  return shared;
}
