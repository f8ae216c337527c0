import { afterEach, describe, expect, test, vi } from 'vitest';
import { indexUrl } from '../../../src/platform/config';
import { NO_FILTER, type Filter } from '../../../src/core/list-model';
import { articleHref, listHref, parseRoute, type Route } from '../../../src/core/routes';

const ORIGIN = 'https://reader.example';

/** Follows an href the way the browser does (URL parsing), then routes the resulting location. */
function follow(href: string, base: string): Route {
  const url = new URL(href, ORIGIN);
  return parseRoute(url.pathname, url.search, base);
}

const URL_LIKE_IDS = [
  'https://example.org/2024/05/story?utm_source=feed&x=1#comments',
  'tag:example.org,2024:/posts/42',
  'urn:uuid:6e8bc430-9c3a-11d9-9669-0800200c9a66',
  'a b  c',
  '100% true',
  '%E0%A4%A',
  '%2F',
  '?q=x&tag=y',
  '#top',
  '+plus+',
  "it's (fine)*!~",
  'Ünïcödé/日本語/🚀',
  'مقالة/١',
  'article/nested',
  '/leading/and/trailing/',
  'back\\slash',
  '...',
];

const NUMERIC_IDS = ['42', '007', '0', '-1', '1e3', '3.14'];

describe('articleHref / parseRoute', () => {
  test.each([...URL_LIKE_IDS, ...NUMERIC_IDS])('id %j survives the round trip through a URL', (id) => {
    const href = articleHref('/', id);
    expect(href.startsWith('/article/')).toBe(true);
    // The whole id is one path segment: no raw '/', '?', '#' or '%' from the id leak in.
    expect(href.slice('/article/'.length)).not.toMatch(/[/?#\s]/);
    expect(follow(href, '/')).toEqual({ view: 'article', id });
  });

  test('encodes the id into a single segment', () => {
    expect(articleHref('/', 'https://example.org/a?b=c#d')).toBe('/article/https%3A%2F%2Fexample.org%2Fa%3Fb%3Dc%23d');
    expect(articleHref('/', '42')).toBe('/article/42');
  });

  test('numeric-like ids stay strings', () => {
    const route = follow(articleHref('/', '007'), '/');
    expect(route).toEqual({ view: 'article', id: '007' });
  });

  test.each(['/news/', '/apps/reader/'])('works under the sub-path base %s', (base) => {
    const id = 'https://example.org/x?y=1';
    const href = articleHref(base, id);
    expect(href).toBe(`${base}article/https%3A%2F%2Fexample.org%2Fx%3Fy%3D1`);
    expect(follow(href, base)).toEqual({ view: 'article', id });
    expect(follow(base, base)).toEqual({ view: 'list', filter: NO_FILTER });
  });

  test('the base itself, or the base without its trailing slash, is the unfiltered list', () => {
    expect(parseRoute('/', '', '/')).toEqual({ view: 'list', filter: NO_FILTER });
    expect(parseRoute('/news/', '', '/news/')).toEqual({ view: 'list', filter: NO_FILTER });
    expect(parseRoute('/news', '', '/news/')).toEqual({ view: 'list', filter: NO_FILTER });
  });

  test.each(['/article/%E0%A4%A', '/article/%', '/article/%zz', '/article/abc%'])(
    'malformed percent-encoding (%s) falls back to the list route, keeping the query',
    (pathname) => {
      expect(parseRoute(pathname, '', '/')).toEqual({ view: 'list', filter: NO_FILTER });
      expect(parseRoute(pathname, '?q=budget', '/')).toEqual({ view: 'list', filter: { q: 'budget', tag: '' } });
    },
  );

  test('an empty article id is the list route', () => {
    expect(parseRoute('/article/', '', '/')).toEqual({ view: 'list', filter: NO_FILTER });
    expect(parseRoute('/news/article/', '', '/news/')).toEqual({ view: 'list', filter: NO_FILTER });
  });

  test('an unknown path is the list route', () => {
    expect(parseRoute('/news/something/else', '?tag=x', '/news/')).toEqual({ view: 'list', filter: { q: '', tag: 'x' } });
  });

  // Regression: ids "." and ".." are encoded unchanged (encodeURIComponent leaves dots alone, and the
  // URL parser treats %2E the same way), so the browser normalises `/article/..` to `/` and
  // `/article/.` to `/article/`: such an article can never be opened.
  test.each(['.', '..'])('dot-segment id %j survives the round trip through a URL', (id) => {
    expect(follow(articleHref('/', id), '/')).toEqual({ view: 'article', id });
  });
});

describe('listHref / parseRoute: the list filter lives in the query string', () => {
  test.each<[string, Filter, string]>([
    ['/', NO_FILTER, '/'],
    ['/news/', NO_FILTER, '/news/'],
    ['/', { q: 'budget', tag: '' }, '/?q=budget'],
    ['/', { q: '', tag: 'Politics' }, '/?tag=Politics'],
    ['/news/', { q: 'São Paulo & co', tag: 'BRASIL' }, '/news/?q=S%C3%A3o+Paulo+%26+co&tag=BRASIL'],
  ])('listHref(%j, %o) is %s', (base, filter, href) => {
    expect(listHref(base, filter)).toBe(href);
  });

  test.each<Filter>([
    { q: 'solidarity union', tag: '' },
    { q: 'São Paulo & co', tag: 'BRASIL' },
    { q: '100% #1 ?', tag: 'a+b=c' },
    { q: 'профспілка', tag: 'Освіта' },
    { q: '', tag: 'tag with spaces' },
  ])('filter %o survives the round trip', (filter) => {
    expect(follow(listHref('/news/', filter), '/news/')).toEqual({ view: 'list', filter });
  });

  test('reads q and tag from a hand-written query string', () => {
    expect(parseRoute('/', '?q=solidarity+union&tag=Politics&utm=x', '/')).toEqual({
      view: 'list',
      filter: { q: 'solidarity union', tag: 'Politics' },
    });
    expect(parseRoute('/', 'q=bare', '/')).toEqual({ view: 'list', filter: { q: 'bare', tag: '' } });
  });
});

describe('indexUrl', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    history.replaceState(null, '', '/');
  });

  test('defaults to feed.json at the app base', () => {
    expect(indexUrl(undefined, '/', ORIGIN)).toBe(`${ORIGIN}/feed.json`);
    expect(indexUrl(undefined, '/news/', ORIGIN)).toBe(`${ORIGIN}/news/feed.json`);
    expect(indexUrl('', '/news/', ORIGIN)).toBe(`${ORIGIN}/news/feed.json`);
    expect(indexUrl('   ', '/news/', ORIGIN)).toBe(`${ORIGIN}/news/feed.json`);
  });

  test('ignores the current page: a deep link still fetches <origin><base>feed.json', () => {
    vi.stubEnv('VITE_INDEX_URL', '');
    history.replaceState(null, '', '/article/https%3A%2F%2Fexample.org%2Fa%2Fb');
    expect(location.pathname).toBe('/article/https%3A%2F%2Fexample.org%2Fa%2Fb');
    expect(indexUrl()).toBe(`${location.origin}/feed.json`);
    history.replaceState(null, '', '/news/article/x/y');
    expect(indexUrl(undefined, '/news/')).toBe(`${location.origin}/news/feed.json`);
  });

  test('keeps an absolute VITE_INDEX_URL as it is', () => {
    expect(indexUrl('https://cdn.example.org/feeds/main.json', '/news/', ORIGIN)).toBe('https://cdn.example.org/feeds/main.json');
    expect(indexUrl('  https://cdn.example.org/f.json  ', '/', ORIGIN)).toBe('https://cdn.example.org/f.json');
    vi.stubEnv('VITE_INDEX_URL', 'https://cdn.example.org/feeds/main.json');
    expect(indexUrl()).toBe('https://cdn.example.org/feeds/main.json');
  });

  test('resolves a relative VITE_INDEX_URL against the base, not the page', () => {
    history.replaceState(null, '', '/news/article/deep/link');
    expect(indexUrl('data/index.json', '/news/', ORIGIN)).toBe(`${ORIGIN}/news/data/index.json`);
    expect(indexUrl('./index.json', '/news/', ORIGIN)).toBe(`${ORIGIN}/news/index.json`);
    expect(indexUrl('/all/feed.json', '/news/', ORIGIN)).toBe(`${ORIGIN}/all/feed.json`);
    vi.stubEnv('VITE_INDEX_URL', 'data/index.json');
    expect(indexUrl(undefined, '/news/')).toBe(`${location.origin}/news/data/index.json`);
  });
});
