/**
 * What the storage panel shows and does: counts, the browser's estimate, persistence, the image
 * budget, and clearing data. Clearing never removes a saved article unless the reader asks. The
 * panel runs these on the shared connection (`withConnection`); tests give them their own.
 */
import type { Article } from '../../core/feed/types';
import type { DB } from '../../data/connection';
import { announce } from '../../data/channel';
import { costOf, planShrink } from '../../core/budget';
import { allImages, browserImageStore, clearImages } from '../../data/images';
import { isReadableOffline, needOfKey } from '../../core/article';
import { allRows, offlineNeeds } from '../../data/articles';
import { deleteArticles } from '../../data/clear';
import { highlightedIds } from '../../data/highlights';
import { keptRecords } from '../../data/offline';
import { allStates } from '../../data/state';

export interface Summary {
  articles: number;
  readable: number;
  images: number;
  imageBytes: number;
}

export interface TagCount {
  tag: string;
  count: number;
}

/**
 * The panel's counts, without reading a body or the archive's rows: every row notes what it
 * needs offline (`need`, made when it was written), so the articles needing nothing are counted
 * by an index, and only the kept articles' rows are read, to check their images.
 */
export async function summary(db: DB): Promise<Summary> {
  const [records, images] = await Promise.all([keptRecords(db), allImages(db)]);
  const { total, ready, needs } = await offlineNeeds(
    db,
    records.map((r) => r.id),
  );
  const urls = new Set(images.map((i) => i.url));
  let readable = ready;
  records.forEach((record, i) => {
    const need = needs[i];
    // Need 0 is counted by the index already, and 1 (a body to download) is not readable.
    if (typeof need === 'string' && isReadableOffline(needOfKey(need), record, urls)) readable++;
  });
  return {
    articles: total,
    readable,
    images: images.filter((i) => !i.pixel).length,
    imageBytes: images.reduce((n, i) => n + costOf(i), 0),
  };
}

/** Every tag with its number of articles, most used first (any case counts as one tag): reads rows, not bodies. */
export async function tagCounts(db: DB): Promise<TagCount[]> {
  const tags = new Map<string, TagCount>();
  for (const a of await allRows(db)) {
    for (const tag of a.tags) {
      const key = tag.toLowerCase();
      const t = tags.get(key) ?? { tag, count: 0 };
      t.count++;
      tags.set(key, t);
    }
  }
  return [...tags.values()].sort((a, b) => b.count - a.count || a.tag.localeCompare(b.tag));
}

/** Ids of the newest `n` articles, or of one tag's, or of all: what a keep-offline run is given. */
export async function idsFor(db: DB, scope: { tag?: string; newest?: number }): Promise<string[]> {
  let all = await allRows(db);
  const tag = scope.tag?.toLowerCase();
  if (tag) all = all.filter((a) => a.tags.some((t) => t.toLowerCase() === tag));
  if (scope.newest !== undefined) all = all.slice(0, Math.max(0, scope.newest));
  return all.map((a) => a.id);
}

export type ClearScope = { kind: 'tag'; tag: string } | { kind: 'read-older'; days: number } | { kind: 'all' };

/**
 * The articles a clean-up would remove. "Read articles older than N days" means articles already
 * read whose date is more than N days ago. Saved articles are left out unless `includeSaved`,
 * and articles with highlights unless `includeHighlighted` (their highlights stay either way).
 */
export async function clearPlan(db: DB, scope: ClearScope, includeSaved: boolean, now: number, includeHighlighted = false): Promise<string[]> {
  const [articles, states, highlighted] = await Promise.all([allRows(db), allStates(db), includeHighlighted ? new Set<string>() : highlightedIds(db)]);
  const state = new Map(states.map((s) => [s.id, s]));
  const cutoff = scope.kind === 'read-older' ? now - scope.days * 86_400_000 : 0;
  const match = (a: Article) => {
    if (scope.kind === 'tag') return a.tags.some((t) => t.toLowerCase() === scope.tag.toLowerCase());
    if (scope.kind === 'read-older') return !!state.get(a.id)?.read && a.sortDate < cutoff;
    return true;
  };
  return articles.filter((a) => match(a) && (includeSaved || !state.get(a.id)?.saved) && !highlighted.has(a.id)).map((a) => a.id);
}

/**
 * Removes articles with their keep-offline records and queue entries, then every kept image no
 * remaining article needs. Their reading state stays (an article still in the feed comes back at
 * the next check, as text only, still marked read), except when everything is cleared.
 */
export async function clearArticles(db: DB, ids: readonly string[], scope: ClearScope): Promise<void> {
  await deleteArticles(db, ids, { withState: scope.kind === 'all' });
  const [records, images] = await Promise.all([keptRecords(db), allImages(db)]);
  if (records.length === 0) await clearImages(db);
  else {
    const needed = new Set(records.flatMap((r) => r.images));
    await browserImageStore(db).delete(images.filter((i) => !needed.has(i.url)).map((i) => i.url));
  }
  announce({ type: 'synced' }, { thisTab: true });
  announce({ type: 'offline' }, { thisTab: true });
}

/** After the reader lowers the budget: the least recently used images go until the rest fit. */
export async function enforceBudget(db: DB, budget: number): Promise<number> {
  const evict = planShrink(await allImages(db), budget);
  await browserImageStore(db).delete(evict);
  if (evict.length) announce({ type: 'offline' }, { thisTab: true });
  return evict.length;
}

export interface Estimate {
  usage: number;
  quota: number;
}

/** The Storage API: missing in insecure contexts and older browsers, and in part in some. */
function storageApi(): Partial<StorageManager> | undefined {
  return navigator.storage;
}

export async function estimate(): Promise<Estimate | undefined> {
  try {
    const e = await storageApi()?.estimate?.();
    return e && typeof e.usage === 'number' && typeof e.quota === 'number' ? { usage: e.usage, quota: e.quota } : undefined;
  } catch {
    return undefined;
  }
}

/** Whether the browser keeps our data until the reader deletes it; undefined where unsupported. */
export async function persisted(): Promise<boolean | undefined> {
  try {
    return await storageApi()?.persisted?.();
  } catch {
    return undefined;
  }
}

export async function askPersist(): Promise<boolean | undefined> {
  try {
    return await storageApi()?.persist?.();
  } catch {
    return undefined;
  }
}
