/**
 * The search index's keeper: loads the persisted snapshot (or builds the index), catches up on
 * what the store wrote since, answers queries, and saves a new snapshot once writes have settled.
 * It runs inside the search worker, or inline on the page when workers are unavailable.
 *
 * Catching up reads and indexes a few hundred documents at a time and yields between batches, so
 * a query typed while 100,000 articles are being indexed is answered at once (over what is
 * indexed so far, and marked `partial`) instead of after the whole build.
 */
import type { SearchSnapshot } from '../../data/schema';
import type { Corpus } from './corpus';
import { FORMAT, SearchIndex } from './engine';

export interface Answer {
  /** Matching ids, most relevant first; `undefined` for a query with no words. */
  ids: string[] | undefined;
  /** True while the index is still catching up: more matches may come. */
  partial: boolean;
}

export interface HostOptions {
  /** Documents read and indexed per step. */
  batch?: number;
  /** Quiet time after the last change before the snapshot is saved. */
  saveDelayMs?: number;
  /** Yields to pending messages (queries) between batches. */
  yieldNow?: () => Promise<void>;
  /** How long a query waits for a catch-up in progress before answering from a partial index. */
  waitMs?: number;
}

export class SearchHost {
  private index: SearchIndex | undefined;
  private seq = 0;
  private catching: Promise<void> | undefined;
  /** Calls to `refresh` during a catch-up: each asks for another pass once it is done. */
  private requested = 0;
  private saveTimer: ReturnType<typeof setTimeout> | undefined;
  private dirty = false;
  readonly ready: Promise<void>;

  constructor(
    private readonly corpus: Corpus,
    private readonly options: HostOptions = {},
  ) {
    this.ready = this.load();
  }

  /** Loads the snapshot, then starts catching up (without waiting for it). */
  private async load(): Promise<void> {
    let snapshot: SearchSnapshot | undefined;
    try {
      snapshot = await this.corpus.loadSnapshot();
    } catch {
      snapshot = undefined;
    }
    if (snapshot && snapshot.format === FORMAT) {
      try {
        this.index = new SearchIndex(snapshot.json);
        this.seq = snapshot.seq;
      } catch {
        this.index = undefined;
      }
    }
    this.index ??= new SearchIndex();
    if (!this.index.size) this.seq = 0;
    void this.refresh();
  }

  /** The store changed: index what changed. Calls during a catch-up run another pass after it. */
  refresh(): Promise<void> {
    // Not loaded yet: loading ends with a catch-up, which will see these changes too.
    if (!this.index) return this.ready;
    if (this.catching) {
      this.requested++;
      return this.catching;
    }
    this.catching = (async () => {
      try {
        let seen: number;
        do {
          seen = this.requested;
          await this.catchUp();
        } while (this.requested !== seen);
        await this.checkComplete();
      } finally {
        this.catching = undefined;
      }
    })();
    return this.catching;
  }

  /** The index, which loading always leaves in place: what queries and catching up use. */
  private get loaded(): SearchIndex {
    if (!this.index) throw new Error('The search index is used before it is loaded');
    return this.index;
  }

  /** True while documents are being indexed. */
  get busy(): boolean {
    return this.catching !== undefined;
  }

  get size(): number {
    return this.index?.size ?? 0;
  }

  async query(q: string): Promise<Answer> {
    await this.ready;
    // A small archive is indexed in a moment: wait for it rather than answer from half an index.
    // A large one answers from what is indexed so far, marked partial, and is asked again.
    const catching = this.catching;
    if (catching) await Promise.race([catching, new Promise((resolve) => setTimeout(resolve, this.options.waitMs ?? 600))]);
    return { ids: this.loaded.search(q), partial: this.busy };
  }

  /** Saves the snapshot now if anything changed (tests; the page being hidden). */
  async flush(): Promise<void> {
    clearTimeout(this.saveTimer);
    if (!this.dirty || !this.index) return;
    this.dirty = false;
    const snapshot: SearchSnapshot = { format: FORMAT, seq: this.seq, count: this.index.size, json: this.index.toJSON() };
    try {
      await this.corpus.saveSnapshot(snapshot);
    } catch {
      // Full disk: the index is rebuilt next time instead; search still works now.
      this.dirty = true;
    }
  }

  private async catchUp(): Promise<void> {
    const batch = this.options.batch ?? 500;
    const index = this.loaded;
    for (;;) {
      const { docs, seq } = await this.corpus.changes(this.seq, batch);
      if (!docs.length) return;
      index.upsert(docs);
      this.seq = seq;
      this.changed();
      if (docs.length < batch) return;
      await (this.options.yieldNow ?? defaultYield)();
    }
  }

  /**
   * An index that does not hold exactly the stored rows (rows removed, a snapshot from another
   * database) is rebuilt. Rows written while we looked are not a reason: catching up explains them.
   */
  private async checkComplete(): Promise<void> {
    for (let pass = 0; pass < 3; pass++) {
      let count: number;
      try {
        count = await this.corpus.count();
      } catch {
        return;
      }
      if (count === this.loaded.size) return;
      const before = this.seq;
      await this.catchUp();
      if (this.seq !== before) continue;
      this.index = new SearchIndex();
      this.seq = 0;
      await this.catchUp();
      return;
    }
  }

  private changed(): void {
    this.dirty = true;
    clearTimeout(this.saveTimer);
    this.saveTimer = setTimeout(() => void this.flush(), this.options.saveDelayMs ?? 3000);
  }
}

const defaultYield = () => new Promise<void>((resolve) => setTimeout(resolve, 0));
