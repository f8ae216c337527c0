import { describe, expect, test } from 'vitest';
import { NO_FILTER, type Filter } from '../../../src/core/list-model';
import { articleHref, listHref, parseRoute, settingsHref, type Route } from '../../../src/core/routes';

const ORIGIN = 'https://reader.example';

/** Follows an href the way the browser does (URL parsing), then routes the resulting location. */
function follow(href: string, base: string): Route {
  const url = new URL(href, ORIGIN);
  return parseRoute(url.pathname, url.search, base);
}

const list = (filter: Partial<Filter>): Route => ({ view: 'list', filter: { ...NO_FILTER, ...filter } });

describe('facets in the query string', () => {
  test.each<[string, Partial<Filter>, string]>([
    ['unread', { unread: true }, '/?unread=1'],
    ['saved', { saved: true }, '/?saved=1'],
    ['author', { author: 'Ana Pérez' }, '/?author=Ana+P%C3%A9rez'],
    ['lang', { lang: 'es' }, '/?lang=es'],
    ['from', { from: '2024-03-01' }, '/?from=2024-03-01'],
    ['to', { to: '2024-03-31' }, '/?to=2024-03-31'],
  ])('%s: listHref writes it and parseRoute reads it back', (_name, facet, href) => {
    const filter = { ...NO_FILTER, ...facet };
    expect(listHref('/', filter)).toBe(href);
    expect(follow(href, '/')).toEqual({ view: 'list', filter });
  });

  test('every facet at once, in a fixed order, round-trips', () => {
    const filter: Filter = {
      q: 'port strike',
      tag: 'Labour & Co',
      unread: true,
      saved: true,
      author: 'O’Brien, Seán',
      lang: 'pt-BR',
      from: '2024-03-01',
      to: '2024-03-31',
    };
    const href = listHref('/', filter);
    expect(href).toBe(
      '/?q=port+strike&tag=Labour+%26+Co&unread=1&saved=1&author=O%E2%80%99Brien%2C+Se%C3%A1n&lang=pt-BR&from=2024-03-01&to=2024-03-31',
    );
    expect(follow(href, '/')).toEqual({ view: 'list', filter });
  });

  test.each(['/news/', '/apps/reader/'])('round-trips under the sub-path base %s', (base) => {
    const filter: Filter = { q: 'a+b=c', tag: '', unread: true, author: '100% Real', lang: 'uk', to: '2024-12-31' };
    const href = listHref(base, filter);
    expect(href.startsWith(`${base}?`)).toBe(true);
    expect(follow(href, base)).toEqual({ view: 'list', filter });
  });

  test('false flags and empty strings are left out of the URL', () => {
    const filter: Filter = { q: '', tag: '', unread: false, saved: false, author: '', lang: '', from: '', to: '' };
    expect(listHref('/', filter)).toBe('/');
    expect(listHref('/news/', filter)).toBe('/news/');
    expect(follow('/', '/')).toEqual(list({}));
  });

  test('a parsed list route carries no facet keys that were not in the URL', () => {
    const route = follow('/?q=x&unread=1', '/');
    expect(route).toEqual({ view: 'list', filter: { q: 'x', tag: '', unread: true } });
    if (route.view === 'list') expect(Object.keys(route.filter).sort()).toEqual(['q', 'tag', 'unread']);
  });
});

describe('unknown and invalid parameters are ignored', () => {
  test.each([
    ['/?unread=0', {}],
    ['/?unread=true', {}],
    ['/?unread=', {}],
    ['/?unread', {}],
    ['/?saved=yes', {}],
    ['/?saved=0', {}],
    ['/?saved=11', {}],
    ['/?author=', {}],
    ['/?lang=', {}],
    ['/?from=&to=', {}],
    ['/?page=2&sort=asc&utm_source=feed', {}],
    ['/?unread=0&saved=1', { saved: true }],
    ['/?unread=1&saved=yes&foo=bar', { unread: true }],
  ] as [string, Partial<Filter>][])('%s', (href, expected) => {
    expect(follow(href, '/')).toEqual(list(expected));
  });

  test('the first of repeated parameters wins', () => {
    expect(follow('/?author=A&author=B&unread=0&unread=1', '/')).toEqual(list({ author: 'A' }));
  });
});

describe('the settings route', () => {
  test('settingsHref is {base}settings', () => {
    expect(settingsHref('/')).toBe('/settings');
    expect(settingsHref('/news/')).toBe('/news/settings');
  });

  test.each([
    ['/settings', '/'],
    ['/settings/', '/'],
    ['/news/settings', '/news/'],
    ['/news/settings/', '/news/'],
  ])('%s under base %s is the settings view', (href, base) => {
    expect(follow(href, base)).toEqual({ view: 'settings' });
  });

  test('settingsHref round-trips under each base', () => {
    for (const base of ['/', '/news/', '/apps/reader/']) expect(follow(settingsHref(base), base)).toEqual({ view: 'settings' });
  });

  test('a query string does not stop it being settings', () => {
    expect(follow('/news/settings?unread=1', '/news/')).toEqual({ view: 'settings' });
  });

  test('near misses are not settings', () => {
    expect(follow('/news/settingsx', '/news/')).toEqual(list({}));
    expect(follow('/news/settings/theme', '/news/')).toEqual(list({}));
    expect(follow('/news/Settings', '/news/')).toEqual(list({}));
  });

  test('an article whose id is "settings" is still an article', () => {
    const href = articleHref('/news/', 'settings');
    expect(href).toBe('/news/article/settings');
    expect(follow(href, '/news/')).toEqual({ view: 'article', id: 'settings' });
  });
});
