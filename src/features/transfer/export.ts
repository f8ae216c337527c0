/**
 * Writing backup and hand-off files. A hand-off is self-contained: each body goes through the
 * sanitizer (URLs made absolute, pixels and scripts gone) and its images are inlined as data:
 * URLs, taken from the kept images or, online, downloaded, within per-image, per-article and
 * per-file limits; an image over a limit, or an opaque one (its bytes cannot be read), stays a
 * link that works when the other phone is online. A backup holds the saved articles as stored,
 * every reading state and the settings.
 */
import type { Article } from '../../core/feed/types';
import { loadPrefs } from '../offline/prefs';
import { IMAGE_CACHE } from '../../core/names';
import { allRows, articlesFor } from '../../data/articles';
import type { DB } from '../../data/connection';
import { allImages } from '../../data/images';
import { keptIds } from '../../data/offline';
import { allStates } from '../../data/state';
import { allHighlights } from '../../data/highlights';
import { sanitizeArticle } from '../../platform/sanitize';
import type { Settings } from '../../core/settings';
import { buildFile, toItem } from '../../core/transfer/format';
import { INLINE_ARTICLE_MAX_CHARS, INLINE_FILE_MAX, INLINE_IMAGE_MAX } from '../../core/transfer/limits';

export type Selection = { kind: 'backup' } | { kind: 'saved' } | { kind: 'kept' } | { kind: 'tag'; tag: string };

export interface ExportContext {
  settings: Settings;
  now: number;
  appVersion?: string;
  title: string;
}

export interface Exported {
  name: string;
  text: string;
  articles: number;
}

async function savedIds(db: DB): Promise<Set<string>> {
  return new Set((await allStates(db)).filter((s) => s.saved).map((s) => s.id));
}

/**
 * The selected articles with their bodies, newest first. The ids are chosen first (from the
 * reading states, the keep-offline records or the rows' tags), then only those bodies are read:
 * at 100,000 stored articles, exporting 30 saved ones reads 30 bodies.
 */
async function select(db: DB, sel: Selection): Promise<Article[]> {
  return articlesFor(db, await selectedIds(db, sel));
}

async function selectedIds(db: DB, sel: Selection): Promise<Iterable<string>> {
  if (sel.kind === 'tag') {
    const tag = sel.tag.toLowerCase();
    return (await allRows(db)).filter((a) => a.tags.some((t) => t.toLowerCase() === tag)).map((a) => a.id);
  }
  if (sel.kind === 'kept') return keptIds(db);
  const saved = await savedIds(db);
  // A backup also holds every article with highlights, so they read in full where it is restored.
  if (sel.kind === 'backup') for (const h of await allHighlights(db)) saved.add(h.articleId);
  return saved;
}

async function blobToDataUrl(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    // readAsDataURL gives a string.
    reader.onload = () => resolve(reader.result as string);
    reader.onerror = () => reject(reader.error ?? new Error('The image could not be read'));
    reader.readAsDataURL(blob);
  });
}

/** An image's bytes from the kept images, else the network (CORS only: opaque bytes are unreadable). */
async function imageBlob(url: string): Promise<Blob | undefined> {
  try {
    const hit = await (await caches.open(IMAGE_CACHE)).match(url, { ignoreVary: true });
    if (hit && hit.type !== 'opaque') return await hit.blob();
  } catch {
    // no Cache Storage: try the network
  }
  try {
    const res = await fetch(url, { mode: 'cors', credentials: 'omit' });
    return res.ok ? await res.blob() : undefined;
  } catch {
    return undefined;
  }
}

const INLINE_TYPES = /^image\/(png|jpeg|gif|webp|avif)$/i;

async function inlined(a: Article, file: { left: number }, pixels: ReadonlySet<string>): Promise<{ html: string | undefined; inlined: number; linked: number }> {
  if (!a.contentHtml) return { html: undefined, inlined: 0, linked: 0 };
  const fragment = sanitizeArticle(a.contentHtml, a.baseUrl);
  let inlinedCount = 0;
  let linked = 0;
  let chars = a.contentHtml.length;
  for (const img of Array.from(fragment.querySelectorAll('img'))) {
    const src = img.getAttribute('src');
    if (!src || src.startsWith('data:')) continue;
    if (pixels.has(src)) {
      img.remove(); // a tracking pixel found while keeping the article offline does not travel
      continue;
    }
    const blob = await imageBlob(src);
    if (!blob || blob.size > INLINE_IMAGE_MAX || blob.size > file.left || !INLINE_TYPES.test(blob.type)) {
      linked++;
      continue;
    }
    const data = await blobToDataUrl(blob);
    if (chars + data.length > INLINE_ARTICLE_MAX_CHARS) {
      linked++;
      continue;
    }
    chars += data.length;
    file.left -= blob.size;
    img.setAttribute('src', data);
    // The inlined image is the one to show: other candidates would need the network.
    img.removeAttribute('srcset');
    img.removeAttribute('sizes');
    if (img.parentElement?.tagName === 'PICTURE') for (const s of Array.from(img.parentElement.querySelectorAll('source'))) s.remove();
    inlinedCount++;
  }
  const holder = document.createElement('div');
  holder.append(fragment);
  return { html: holder.innerHTML, inlined: inlinedCount, linked };
}

const stamp = (now: number) => new Date(now).toISOString().slice(0, 10);
const slug = (s: string) => s.toLowerCase().normalize('NFKD').replace(/[^\w]+/g, '-').replace(/^-|-$/g, '').slice(0, 40) || 'tag';

export async function exportFile(db: DB, sel: Selection, ctx: ExportContext): Promise<Exported> {
  const articles = await select(db, sel);
  if (sel.kind === 'backup') {
    const text = buildFile({
      kind: 'backup',
      title: `${ctx.title} — backup`,
      items: articles.map((a) => toItem(a)),
      now: ctx.now,
      settings: ctx.settings,
      offline: loadPrefs(),
      states: await allStates(db),
      highlights: await allHighlights(db),
      ...(ctx.appVersion ? { appVersion: ctx.appVersion } : {}),
    });
    return { name: `broadsheet-backup-${stamp(ctx.now)}.json`, text, articles: articles.length };
  }
  const file = { left: INLINE_FILE_MAX };
  const pixels = new Set((await allImages(db)).filter((i) => i.pixel).map((i) => i.url));
  const items: Record<string, unknown>[] = [];
  for (const a of articles) {
    const body = await inlined(a, file, pixels);
    items.push(toItem(a, body.html, { images_inlined: body.inlined, images_linked: body.linked }));
  }
  const what = sel.kind === 'tag' ? slug(sel.tag) : sel.kind;
  // The highlights and notes on the handed-off articles travel with them.
  const ids = new Set(articles.map((a) => a.id));
  const highlights = (await allHighlights(db)).filter((h) => ids.has(h.articleId));
  const text = buildFile({ kind: 'handoff', title: ctx.title, items, now: ctx.now, highlights, ...(ctx.appVersion ? { appVersion: ctx.appVersion } : {}) });
  return { name: `broadsheet-${what}-${stamp(ctx.now)}.json`, text, articles: articles.length };
}

/** Hands the file to the browser's download. */
export function download(name: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/feed+json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
