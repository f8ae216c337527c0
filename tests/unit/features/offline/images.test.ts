// Must come first: makes DOMPurify sanitize under happy-dom (see the file).
import '../../platform/dompurify-happy-dom';
import { describe, expect, test } from 'vitest';
import { imagesOf } from '../../../../src/features/offline/images';
import { isReadableOffline, mayNeedImages, offlineNeed, revisionOf } from '../../../../src/core/article';
import { sanitizeArticle } from '../../../../src/platform/sanitize';
import { article } from '../../helpers';

const BASE = 'https://news.example.org/2024/story';

describe('which images an article needs offline', () => {
  test('seen through the sanitizer: resolved, pixels dropped, inline images need nothing', () => {
    const a = article({
      baseUrl: BASE,
      contentHtml:
        '<img src="pics/a.png" alt="a"><img src="https://t.example/p.gif" width="1" height="1"><img src="https://t.example/q.gif" width="0">' +
        '<img src="data:image/png;base64,iVBORw0KGgo=" alt="inline"><img src="javascript:alert(1)"><img src="pics/a.png" alt="again">',
    });
    expect(imagesOf(a)).toEqual([{ url: 'https://news.example.org/2024/pics/a.png', aliases: [] }]);
  });

  test('srcset and <picture> candidates become aliases of the one kept', () => {
    const a = article({
      baseUrl: BASE,
      contentHtml: '<picture><source srcset="big.webp 2x, small.webp 1x"><img src="m.jpg" srcset="s.jpg 480w, l.jpg 1200w" alt="x"></picture><img srcset="only.jpg 1x" alt="y">',
    });
    const abs = (p: string) => `https://news.example.org/2024/${p}`;
    expect(imagesOf(a)).toEqual([
      { url: abs('m.jpg'), aliases: [abs('s.jpg'), abs('l.jpg'), abs('big.webp'), abs('small.webp')] },
      { url: abs('only.jpg'), aliases: [] },
    ]);
  });

  test('the reading view never gets a tracking pixel to fetch', () => {
    const html = '<p>x</p><img src="https://t.example/p.gif" width="1" height="1"><img src="https://t.example/ok.png" width="300" height="1">';
    const out = sanitizeArticle(html, BASE);
    expect([...out.querySelectorAll('img')].map((i) => i.getAttribute('src'))).toEqual(['https://t.example/ok.png']);
  });
});

describe('readable offline marks', () => {
  const text = article({ contentText: 'Only text.' });
  const inline = article({ contentHtml: '<img src="data:image/png;base64,AAAA" alt="">' });
  const remote = article({ contentHtml: '<p>x</p><IMG SRC="https://cdn.example/a.png">', modified: 5 });

  test('text-only bodies and inline images are readable offline as soon as they are stored', () => {
    expect(mayNeedImages(text)).toBe(false);
    expect(mayNeedImages(inline)).toBe(false);
    expect(isReadableOffline(offlineNeed(text), undefined, new Set())).toBe(true);
  });

  test('network images: readable once a record for this revision lists images all still kept', () => {
    const need = offlineNeed(remote);
    expect(need).toEqual({ rev: revisionOf(remote) });
    const record = { id: remote.id, images: ['https://cdn.example/a.png'], rev: revisionOf(remote) };
    expect(isReadableOffline(need, undefined, new Set())).toBe(false);
    expect(isReadableOffline(need, record, new Set(['https://cdn.example/a.png']))).toBe(true);
    expect(isReadableOffline(need, record, new Set()), 'an evicted image').toBe(false);
    expect(isReadableOffline(need, { ...record, rev: 'older' }, new Set(['https://cdn.example/a.png'])), 'an edited article').toBe(false);
  });
});
