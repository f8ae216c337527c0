/**
 * Merging a checked file into the store. Articles go through the same all-or-nothing batched
 * upsert as a sync (merged by id, so never duplicated; a file's copy never replaces the
 * publisher's, and an older copy never replaces a newer one);
 * the ones the file added or changed are marked as imported; reading state merges record by
 * record, newest `updatedAt` winning, in batched transactions. Settings are left to the caller,
 * which applies them only when the reader ticked the box for them.
 */
import type { Article } from '../../core/feed/types';
import { announce } from '../../data/channel';
import { imagesOf as sanitizerImages, type WantedImage } from '../offline/images';
import { incomingWins, revisionOf } from '../../core/article';
import { articleIds, getArticle } from '../../data/articles';
import { putArticles } from '../../data/write';
import type { DB } from '../../data/connection';
import { markImported } from '../../data/offline';
import { allStates, putStates } from '../../data/state';
import { mergeStates, type ImportOutcome, type ImportPlan } from '../../core/transfer/format';
import { mergeHighlights } from '../../core/highlights/highlight';
import { allHighlights, putHighlights } from '../../data/highlights';

export async function applyImport(db: DB, plan: ImportPlan, now: number, imagesOf: (a: Article) => WantedImage[] = sanitizerImages): Promise<ImportOutcome> {
  const stored = await Promise.all(plan.articles.map((a) => getArticle(db, a.id)));
  // The same rule as putArticles (`incomingWins`): a file's copy never replaces the publisher's, a
  // newer stored copy stays, an identical one is not rewritten.
  const changed = plan.articles.filter((a, i) => incomingWins(stored[i], a));
  const write = await putArticles(db, plan.articles);

  await markImported(
    db,
    changed.map((a) => ({ id: a.id, images: imagesOf(a).map((w) => w.url), rev: revisionOf(a), importedAt: now })),
  );

  let states = 0;
  if (plan.states.length) {
    const existing = new Map((await allStates(db)).map((s) => [s.id, s]));
    states = await putStates(db, mergeStates(existing, plan.states));
  }
  // Highlights merge by id (never duplicated), the copy changed last winning.
  let highlights = 0;
  if (plan.highlights.length) {
    const existing = new Map((await allHighlights(db)).map((h) => [h.id, h]));
    const winners = mergeHighlights(existing, plan.highlights);
    await putHighlights(db, winners);
    highlights = winners.length;
  }
  announce({ type: 'synced' }, { thisTab: true });
  announce({ type: 'offline' }, { thisTab: true });
  return { added: write.added, updated: write.updated, unchanged: write.unchanged, states, highlights };
}

/** What the consent screen shows before anything is written: articles new to this device, and already stored. */
export interface ImportPreview {
  fresh: number;
  stored: number;
}

export async function previewImport(db: DB, plan: ImportPlan): Promise<ImportPreview> {
  const ids = new Set(await articleIds(db));
  const stored = plan.articles.reduce((n, a) => n + (ids.has(a.id) ? 1 : 0), 0);
  return { fresh: plan.articles.length - stored, stored };
}
