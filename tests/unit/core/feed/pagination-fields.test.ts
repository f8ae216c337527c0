import { describe, expect, test } from 'vitest';
import { EXTENSION } from '../../../../src/core/feed/parse';
import { feed, one, parseOk } from './helpers';

const PAGE_2 = 'https://news.example/feeds/archive/page-2.json';

describe('next_url', () => {
  test('is resolved against the URL of the page that holds it', () => {
    expect(parseOk(feed([], { next_url: 'page-3.json' }), PAGE_2).feed.nextUrl).toBe('https://news.example/feeds/archive/page-3.json');
    expect(parseOk(feed([], { next_url: '../main.json?page=2' }), PAGE_2).feed.nextUrl).toBe('https://news.example/feeds/main.json?page=2');
    expect(parseOk(feed([], { next_url: 'https://cdn.example/p/4' }), PAGE_2).feed.nextUrl).toBe('https://cdn.example/p/4');
  });

  test.each([[undefined], [''], ['   '], [42], [null], ['javascript:alert(1)'], ['ftp://files.example/p2']])('%j means there is no next page', (next_url) => {
    expect('nextUrl' in parseOk(feed([], next_url === undefined ? {} : { next_url })).feed).toBe(false);
  });
});

describe(`bodies on demand (${EXTENSION})`, () => {
  test('body_url is resolved against the page URL; body_type is kept; the body is not stored yet', () => {
    const a = one({ id: 'x', summary: 'Short.', _broadsheet: { body_url: '../bodies/x.html', body_type: 'html' } }, {}, PAGE_2);
    expect(a).toMatchObject({ bodyUrl: 'https://news.example/feeds/bodies/x.html', bodyType: 'html', hasBody: false, excerpt: 'Short.' });
    expect(a.contentHtml).toBeUndefined();
  });

  test('body_type "text" and any case is read; an unknown or missing type is left to the Content-Type', () => {
    expect(one({ id: 'x', _broadsheet: { body_url: 'x.txt', body_type: ' TEXT ' } }).bodyType).toBe('text');
    expect('bodyType' in one({ id: 'x', _broadsheet: { body_url: 'x', body_type: 'markdown' } })).toBe(false);
    expect('bodyType' in one({ id: 'x', _broadsheet: { body_url: 'x' } })).toBe(false);
  });

  test('a body in the item wins: the extension is ignored when content_html or content_text is there', () => {
    const a = one({ id: 'x', content_text: 'Inline', _broadsheet: { body_url: 'x.html' } });
    expect(a.contentText).toBe('Inline');
    expect('bodyUrl' in a).toBe(false);
    expect('hasBody' in a).toBe(false);
  });

  test.each([
    ['no body_url', { body_type: 'html' }],
    ['a javascript: URL', { body_url: 'javascript:alert(1)' }],
    ['a non-string body_url', { body_url: 42 }],
    ['an extension that is not an object', 'bodies/x.html'],
    ['an array', ['bodies/x.html']],
  ])('%s: no body on demand, and the item is still read', (_name, ext) => {
    const a = one({ id: 'x', title: 'Kept', [EXTENSION]: ext });
    expect(a.title).toBe('Kept');
    expect('bodyUrl' in a).toBe(false);
  });
});
