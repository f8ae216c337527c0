/**
 * Removing articles (the storage panel's clean-up). Everything stored about an article goes in
 * one transaction: its row, its body, its keep-offline record and queue entry, and, when asked,
 * its reading state. Kept images are not here: they are shared between articles, so which ones
 * are still needed is decided after this commits.
 */
import type { DB } from './connection';

export async function deleteArticles(db: DB, ids: readonly string[], { withState }: { withState: boolean }): Promise<void> {
  const tx = db.transaction(['articles', 'bodies', 'offline', 'queue', 'state', 'pages'], 'readwrite');
  // Forget what the index pages were like: their validators would answer the next check with a
  // 304, and articles still in the feed would never come back.
  void tx.objectStore('pages').clear();
  for (const id of ids) {
    void tx.objectStore('articles').delete(id);
    void tx.objectStore('bodies').delete(id);
    void tx.objectStore('offline').delete(id);
    void tx.objectStore('queue').delete(id);
    if (withState) void tx.objectStore('state').delete(id);
  }
  await tx.done;
}
