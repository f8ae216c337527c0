/**
 * Writing hand-off and backup files (`exportFile`), over a real (fake) IndexedDB and a fake
 * network (no Cache Storage here: the images come from `fetch`). A hand-off inlines each image as
 * a data: URL within three limits (one image, one article's body, the whole file) and only for
 * the raster types every browser shows; anything else stays a link. A backup holds the saved
 * articles, the articles with highlights, and every reading state.
 */
// Must come first: makes DOMPurify sanitize under happy-dom (see the file).
import '../../platform/dompurify-happy-dom';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import type { Highlight } from '../../../../src/core/highlights/highlight';
import { emptyState } from '../../../../src/core/reading';
import { DEFAULT_SETTINGS } from '../../../../src/core/settings';
import { INLINE_ARTICLE_MAX_CHARS, INLINE_FILE_MAX, INLINE_IMAGE_MAX } from '../../../../src/core/transfer/limits';
import type { DB } from '../../../../src/data/connection';
import { putHighlight } from '../../../../src/data/highlights';
import { putState } from '../../../../src/data/state';
import { putArticles } from '../../../../src/data/write';
import { exportFile } from '../../../../src/features/transfer/export';
import { article, day, freshStore, urlOf } from '../../helpers';

const CTX = { settings: DEFAULT_SETTINGS, now: day(40), title: 'Test' };
const TAG = 'handoff';

let db: DB;
/** The fake network's images: URL → size in bytes and Content-Type. */
let served: Map<string, { bytes: number; type: string }>;

beforeEach(async () => {
  db = await freshStore();
  served = new Map();
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: RequestInfo | URL) => {
      const image = served.get(urlOf(input));
      return image ? new Response(new Uint8Array(image.bytes), { headers: { 'Content-Type': image.type } }) : new Response('', { status: 404 });
    }),
  );
});

afterEach(() => {
  db.close();
  vi.unstubAllGlobals();
});

/** An image on the network, and the <img> tag that shows it. */
function img(name: string, bytes: number, type = 'image/png'): string {
  const url = `https://img.example/${name}`;
  served.set(url, { bytes, type });
  return `<img src="${url}" alt="${name}">`;
}

/** The length of the data: URL of `bytes` bytes of `type` (base64). */
const dataUrlLength = (bytes: number, type = 'image/png') => `data:${type};base64,`.length + 4 * Math.ceil(bytes / 3);

interface Item {
  id: string;
  content_html?: string;
  _broadsheet: { images_inlined?: number; images_linked?: number };
}

/** Exports the articles tagged `handoff` and returns the file's items by id. */
async function handOff(): Promise<Map<string, Item>> {
  const file = await exportFile(db, { kind: 'tag', tag: TAG }, CTX);
  return new Map((JSON.parse(file.text) as { items: Item[] }).items.map((i) => [i.id, i]));
}

/** The src of each <img> of an exported body. */
const sources = (item: Item | undefined) => [...(item?.content_html ?? '').matchAll(/<img[^>]* src="([^"]*)"/g)].map((m) => m[1]!.slice(0, 30));

const story = (id: string, contentHtml: string, days = 1) => article({ id, tags: [TAG], contentHtml, published: day(days) });

describe('hand-off: which images are inlined', () => {
  test('the limits are the documented ones (docs/formats.md): 512 KB an image, 1.8 million characters a body, 24 MB a file', () => {
    expect([INLINE_IMAGE_MAX, INLINE_ARTICLE_MAX_CHARS, INLINE_FILE_MAX]).toEqual([512 * 1024, 1_800_000, 24 * 1024 * 1024]);
  });

  test('an image of exactly the per-image cap is inlined; one byte more stays a link', async () => {
    await putArticles(db, [story('at-cap', `<p>At the cap.</p>${img('at.png', INLINE_IMAGE_MAX)}`), story('over-cap', `<p>Over it.</p>${img('over.png', INLINE_IMAGE_MAX + 1)}`)]);
    const items = await handOff();
    expect(sources(items.get('at-cap'))).toEqual(['data:image/png;base64,AAAAAAAA']);
    expect(items.get('at-cap')?._broadsheet).toMatchObject({ images_inlined: 1, images_linked: 0 });
    expect(sources(items.get('over-cap'))).toEqual(['https://img.example/over.png']);
    expect(items.get('over-cap')?._broadsheet).toMatchObject({ images_inlined: 0, images_linked: 1 });
  });

  test('PNG, JPEG, GIF, WebP and AVIF are inlined; an SVG (or any other type) stays a link', async () => {
    const types = ['image/png', 'image/jpeg', 'image/gif', 'image/webp', 'image/avif', 'image/svg+xml', 'image/bmp', 'text/html'];
    await putArticles(db, types.map((type, i) => story(`t${i}`, `<p>${type}</p>${img(`t${i}`, 100, type)}`)));
    const items = await handOff();
    const inlinedTypes = types.filter((_, i) => sources(items.get(`t${i}`))[0]!.startsWith('data:'));
    expect(inlinedTypes).toEqual(['image/png', 'image/jpeg', 'image/gif', 'image/webp', 'image/avif']);
    expect(sources(items.get('t5'))).toEqual(['https://img.example/t5']);
  });

  test('a body that the image would take past the per-article cap keeps it as a link; one character less, it is inlined', async () => {
    const tag = img('small.png', 1000);
    const bodyOf = (length: number) => {
      const frame = `<p></p>${tag}`;
      return `<p>${'x'.repeat(length - frame.length)}</p>${tag}`;
    };
    const room = INLINE_ARTICLE_MAX_CHARS - dataUrlLength(1000);
    await putArticles(db, [story('fits', bodyOf(room), 1), story('too-long', bodyOf(room + 1), 2)]);
    const items = await handOff();
    expect(items.get('fits')?._broadsheet).toMatchObject({ images_inlined: 1, images_linked: 0 });
    expect(items.get('too-long')?._broadsheet).toMatchObject({ images_inlined: 0, images_linked: 1 });
    expect(sources(items.get('too-long'))).toEqual(['https://img.example/small.png']);
  });

  test('images are inlined until the whole file reaches its cap; the rest stay links', async () => {
    // Two large images per article (a third would pass the per-article cap), enough articles to
    // pass the file's cap by one image.
    const size = 500 * 1024;
    const fit = Math.floor(INLINE_FILE_MAX / size);
    const articles = Math.ceil((fit + 1) / 2);
    await putArticles(db, Array.from({ length: articles }, (_, i) => story(`big-${i}`, `<p>Two photos.</p>${img(`${i}-a.png`, size)}${img(`${i}-b.png`, size)}`, i + 1)));
    const items = [...(await handOff()).values()];
    const inlined = items.reduce((n, i) => n + (i._broadsheet.images_inlined ?? 0), 0);
    const linked = items.reduce((n, i) => n + (i._broadsheet.images_linked ?? 0), 0);
    expect([inlined, linked]).toEqual([fit, 2 * articles - fit]);
    expect(linked).toBeGreaterThan(0);
  }, 60_000);
});

describe('backup', () => {
  const highlight = (articleId: string): Highlight => ({
    id: `h-${articleId}`,
    articleId,
    title: 'T',
    quote: { exact: 'Body', prefix: '', suffix: '' },
    position: { start: 0, end: 4 },
    rev: 'r1',
    colour: 'yellow',
    note: '',
    createdAt: day(3),
    updatedAt: day(3),
  });

  test('holds the saved articles and the articles with highlights, and every reading state', async () => {
    await putArticles(db, [
      article({ id: 'saved', contentHtml: '<p>Body</p>', published: day(4) }),
      article({ id: 'noted', contentHtml: '<p>Body</p>', published: day(3) }),
      article({ id: 'read', contentHtml: '<p>Body</p>', published: day(2) }),
      article({ id: 'plain', contentHtml: '<p>Body</p>', published: day(1) }),
    ]);
    await putState(db, { ...emptyState('saved'), saved: true, savedAt: day(5), updatedAt: day(5) });
    await putState(db, { ...emptyState('read'), read: true, readAt: day(5), updatedAt: day(5) });
    await putHighlight(db, highlight('noted'));

    const file = await exportFile(db, { kind: 'backup' }, CTX);
    const parsed = JSON.parse(file.text) as { items: Item[]; _broadsheet: { kind: string; states: { id: string }[]; highlights: Highlight[] } };
    expect(file.articles).toBe(2);
    expect(parsed._broadsheet.kind).toBe('backup');
    expect(parsed.items.map((i) => i.id)).toEqual(['saved', 'noted']);
    expect(parsed._broadsheet.states.map((s) => s.id).sort()).toEqual(['read', 'saved']);
    expect(parsed._broadsheet.highlights).toEqual([highlight('noted')]);
    expect(file.name).toBe('broadsheet-backup-2024-04-10.json');
  });
});
