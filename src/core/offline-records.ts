/**
 * What "kept offline" means in storage. The image bytes live in Cache Storage (so the service
 * worker can answer the page's <img> requests); IndexedDB holds the bookkeeping the budget, the
 * LRU order, the list's "readable offline" marks and the resumable queue need.
 */

/** One kept image (or one known tracking pixel), keyed by the URL the reading view requests. */
export interface ImageRecord {
  url: string;
  /**
   * What it costs against the budget: the real size for a CORS response, a fixed charge for an
   * opaque one (see `OPAQUE_COST` in budget.ts), 0 for a tracking pixel (nothing is stored).
   */
  bytes: number;
  /** An opaque (no-cors) response: its size cannot be read, so it is charged `OPAQUE_COST`. */
  opaque: boolean;
  /** A downloaded image that decoded to 1×1: remembered so it is never fetched again, not stored. */
  pixel?: boolean;
  /** Last time the reader (or a keep-offline run) used it, epoch ms: the LRU order. */
  lastUsed: number;
  storedAt: number;
  /**
   * Other URLs the same <img> may ask for (its srcset candidates): offline, the service worker
   * answers any of them with this image.
   */
  aliases: string[];
}

/** An article the reader kept offline, or that arrived in an imported file. */
export interface OfflineRecord {
  id: string;
  /** Remote images the article needs, as the reading view will request them (pixels excluded). */
  images: string[];
  /** The article revision this was computed for; a changed article must be kept again. */
  rev: string;
  keptAt?: number;
  /** Set on articles merged in from a hand-off or backup file. */
  importedAt?: number;
}

/** One article waiting in the keep-offline queue. `seq` keeps the order the reader asked for. */
export interface QueueEntry {
  id: string;
  seq: number;
}

/** The keep-offline run, persisted so a closed tab or a lost network resumes where it stopped. */
export interface JobRecord {
  /** Articles in this run, and how many are finished (kept, or given up on). */
  total: number;
  done: number;
  /** Finished articles that could not be made fully offline (an image failed). */
  failed: number;
  /**
   * running: work left and nobody stopped it (resumes by itself after an interruption);
   * paused: the reader cancelled, the queue is kept until they resume or discard it;
   * idle: nothing queued.
   */
  state: 'running' | 'paused' | 'idle';
  updatedAt: number;
  /** Why the run stopped by itself, if it did. */
  stopped?: 'storage-full' | 'network';
}
