/**
 * What the persisted search index reads and writes. Its snapshot (`search`/`index`) lets a cold
 * start load the index instead of rebuilding it; every write of an article gives its row a new
 * change number (`by-seq`), so after loading a snapshot the index only reads what changed since.
 * The search worker reaches these through `nonUpgradingConnection`: it may meet a database older
 * than the schema, and never upgrades it.
 */
import type { DB } from './connection';
import { notesOf } from './highlights';
import type { ArticleRecord, BodyRecord, SearchSnapshot } from './schema';

/** The saved snapshot, if any (none either in a database from before search was persisted). */
export async function loadSnapshot(db: DB): Promise<SearchSnapshot | undefined> {
  if (!db.objectStoreNames.contains('search')) return undefined;
  return db.get('search', 'index');
}

export async function saveSnapshot(db: DB, snapshot: SearchSnapshot): Promise<void> {
  await db.put('search', snapshot, 'index');
}

export interface ChangedRows {
  /** Rows in change order, each with its body when one is stored, and its highlights' notes. */
  rows: { row: ArticleRecord; body: BodyRecord | undefined; notes?: string }[];
  /** The highest change number among `rows` (`since` when none): the next read starts after it. */
  seq: number;
}

/** Up to `limit` rows written after change number `since`, oldest change first, read in one transaction. */
export async function changedSince(db: DB, since: number, limit: number): Promise<ChangedRows> {
  const tx = db.transaction(['articles', 'bodies']);
  const rows = await tx.objectStore('articles').index('by-seq').getAll(IDBKeyRange.lowerBound(since, true), limit);
  const bodies = tx.objectStore('bodies');
  // Only rows that have a body stored ask for it: an archive of summaries reads no bodies.
  const found = await Promise.all(rows.map((r) => (r.bodyHash !== undefined || r.hasBody ? bodies.get(r.id) : Promise.resolve(undefined))));
  const notes = await notesOf(db, rows.map((r) => r.id));
  return { rows: rows.map((row, i) => ({ row, body: found[i], ...(notes.has(row.id) ? { notes: notes.get(row.id) } : {}) })), seq: rows[rows.length - 1]?.seq ?? since };
}
