import { describe, expect, test } from 'vitest';
import { absoluteUrl, LIMITS, looksTruncated, parseFeed, parseFeedText } from '../../../../src/core/feed/parse';
import { byId, expectError, FEED_URL, feed, one, parseOk, parseTextOk, V1, V11 } from './helpers';

const text = (json: unknown) => JSON.stringify(json);

describe('parseFeedText: what counts as a JSON Feed', () => {
  test.each([
    ['https://jsonfeed.org/version/1'],
    ['https://jsonfeed.org/version/1.1'],
    ['http://jsonfeed.org/version/1'],
    ['http://jsonfeed.org/version/1.1'],
    ['https://jsonfeed.org/version/1/'],
    ['https://jsonfeed.org/version/1.1/'],
    ['HTTPS://JSONFEED.ORG/VERSION/1.1'],
  ])('accepts version %s', (version) => {
    const r = parseTextOk(text(feed([{ id: 'a', content_text: 'x' }], { version })));
    expect(r.feed.version).toBe(version);
    expect(r.articles.map((a) => a.id)).toEqual(['a']);
  });

  test('trims white space around the version and reports it trimmed', () => {
    const r = parseTextOk(text(feed([], { version: '  https://jsonfeed.org/version/1.1\n' })));
    expect(r.feed.version).toBe('https://jsonfeed.org/version/1.1');
  });

  test('a missing version is "no-version"', () => {
    expect(expectError(parseFeedText(text({ title: 'T', items: [] }), FEED_URL), 'no-version')).toEqual({
      code: 'no-version',
    });
  });

  test.each([
    ['2', '2'],
    ['foo', 'foo'],
    [2, '2'],
    [1.1, '1.1'],
    [null, 'null'],
    [true, 'true'],
    ['https://jsonfeed.org/version/2', 'https://jsonfeed.org/version/2'],
    ['https://jsonfeed.org/version/10', 'https://jsonfeed.org/version/10'],
    ['https://example.org/version/1', 'https://example.org/version/1'],
    ['jsonfeed.org/version/1', 'jsonfeed.org/version/1'],
    ['', ''],
  ])('version %j is "bad-version" with detail %j', (version, detail) => {
    const error = expectError(parseFeedText(text({ version, items: [] }), FEED_URL), 'bad-version');
    expect(error.detail).toBe(detail);
  });

  test('a very long bad version is clipped in the detail', () => {
    const error = expectError(parseFeedText(text({ version: 'v'.repeat(500), items: [] }), FEED_URL), 'bad-version');
    expect(error.detail).toBe(`${'v'.repeat(79)}…`);
  });

  test.each([
    ['[]', 'array'],
    ['[{"version":"https://jsonfeed.org/version/1","items":[]}]', 'array'],
    ['"a string"', 'string'],
    ['42', 'number'],
    ['true', 'boolean'],
    ['null', 'null'],
  ])('%s is "not-object" (%s)', (input, detail) => {
    expect(expectError(parseFeedText(input, FEED_URL), 'not-object').detail).toBe(detail);
  });

  test.each([
    ['missing', {}],
    ['an object', { items: { a: { id: 'a' } } }],
    ['a string', { items: 'none' }],
    ['null', { items: null }],
  ])('items %s is "no-items"', (_label, extra) => {
    expectError(parseFeedText(text({ version: V11, ...extra }), FEED_URL), 'no-items');
  });

  test('an empty items array is a valid, empty feed', () => {
    const r = parseTextOk(text(feed([])));
    expect(r.articles).toEqual([]);
    expect(r.report).toEqual({
      total: 0,
      kept: 0,
      notObject: 0,
      noId: 0,
      duplicates: 0,
      truncatedFields: 0,
      badDates: 0,
      futureDates: 0,
      cutTags: 0,
      cutAuthors: 0,
    });
  });

  test.each([[''], ['   '], ['\n\t\r\n'], ['\uFEFF'], ['\uFEFF  \n']])('%j is "empty"', (input) => {
    expect(expectError(parseFeedText(input, FEED_URL), 'empty')).toEqual({ code: 'empty' });
  });

  test.each([
    ['<!doctype html><html><head><title>Not found</title></head><body>404</body></html>'],
    ['<!DOCTYPE html>\n<html lang="en">'],
    ['\n\n   <html><body>Login required</body></html>'],
    ['\uFEFF<html></html>'],
    ['<?xml version="1.0"?><rss version="2.0"></rss>'],
  ])('markup %j is "html"', (input) => {
    expect(expectError(parseFeedText(input, FEED_URL), 'html')).toEqual({ code: 'html' });
  });

  test('a download cut off inside a string is "truncated" with the length as detail', () => {
    const input = '{"title":"T","items":[{"id":"a","content_html":"<p>Hello wor';
    const error = expectError(parseFeedText(input, FEED_URL), 'truncated');
    expect(error.detail).toBe(`${input.length} bytes`);
  });

  test('a download cut off between values is "truncated"', () => {
    expectError(parseFeedText('{"version":"https://jsonfeed.org/version/1","items":[{"id":1},', FEED_URL), 'truncated');
  });

  test.each([
    ['{"a":1,}'],
    ['{"version":"https://jsonfeed.org/version/1","items":[{"id":"a"},]}'],
    ['{"a":1}}'],
    ['hello'],
    ['undefined'],
    ["{'version': 'https://jsonfeed.org/version/1'}"],
  ])('garbage %j is "not-json" with the parser message as detail', (input) => {
    const error = expectError(parseFeedText(input, FEED_URL), 'not-json');
    expect(typeof error.detail).toBe('string');
    expect(error.detail!.length).toBeGreaterThan(0);
    expect(error.detail!.length).toBeLessThanOrEqual(200);
  });

  test('a UTF-8 byte-order mark before the JSON is ignored', () => {
    const r = parseTextOk(`\uFEFF${text(feed([{ id: 'bom', title: 'Byte order' }]))}`);
    expect(r.articles.map((a) => [a.id, a.title])).toEqual([['bom', 'Byte order']]);
  });

  test('leading white space before the JSON is fine', () => {
    const r = parseTextOk(`\n\n  ${text(feed([{ id: 'ws', title: 'Spaced' }]))}\n`);
    expect(r.articles[0]!.title).toBe('Spaced');
  });

  test('parseFeed on an already-decoded value gives the same result as parseFeedText', () => {
    const json = feed([{ id: 'x', title: 'Same', date_published: '2020-01-01T00:00:00Z' }]);
    expect(parseFeed(json, FEED_URL)).toEqual(parseFeedText(text(json), FEED_URL));
  });
});

describe('looksTruncated', () => {
  test.each([
    ['{"a": "b', true],
    ['[1, 2', true],
    ['{"a": {"b": 1}', true],
    ['{"a": "x\\"', true],
    ['{"a": "it\'s \\\\"', true],
    ['{"a":1,}', false],
    ['{"a":1}}', false],
    ['abc', false],
    ['"unterminated', false],
    ['', false],
    ['{"a": "}"}', false],
  ])('%j → %s', (input, expected) => {
    expect(looksTruncated(input)).toBe(expected);
  });
});

describe('feed-level information', () => {
  test('title, home page, description and language are read', () => {
    const r = parseOk(
      feed([], {
        title: 'Morning &amp; Evening',
        home_page_url: '/',
        description: '  Two\n editions  a day ',
        language: 'en-GB',
      }),
    );
    expect(r.feed).toEqual({
      title: 'Morning & Evening',
      version: V11,
      homePageUrl: 'https://news.example/',
      description: 'Two editions a day',
      language: 'en-GB',
    });
  });

  test('an untitled feed is named after the host it was fetched from', () => {
    const r = parseOk({ version: V1, items: [] }, 'https://blog.example:8443/feed.json');
    expect(r.feed).toEqual({ title: 'blog.example:8443', version: V1 });
  });

  test('bad home page and language are left out rather than kept', () => {
    const r = parseOk(feed([], { home_page_url: 'javascript:alert(1)', language: 'not a language', description: '' }));
    expect(r.feed).toEqual({ title: 'Test Feed', version: V11 });
  });
});

describe('item fields', () => {
  test('every field of a complete item is read', () => {
    const a = one({
      id: 'full-1',
      url: 'https://news.example/2024/full',
      external_url: 'https://elsewhere.example/story',
      title: 'A &quot;complete&quot; item',
      summary: 'The summary.',
      content_html: '<p>Body <b>bold</b>.</p>',
      content_text: 'Body bold.',
      date_published: '2024-02-03T04:05:06Z',
      date_modified: '2024-02-04T00:00:00+02:00',
      tags: ['One', 'Two'],
      authors: [{ name: 'Ada', url: 'https://ada.example/' }],
      language: 'fr-CA',
      image: 'img/full.png',
    });
    expect(a).toEqual({
      id: 'full-1',
      url: 'https://news.example/2024/full',
      externalUrl: 'https://elsewhere.example/story',
      title: 'A "complete" item',
      titleFromText: false,
      summary: 'The summary.',
      excerpt: 'The summary.',
      contentHtml: '<p>Body <b>bold</b>.</p>',
      contentText: 'Body bold.',
      published: Date.UTC(2024, 1, 3, 4, 5, 6),
      modified: Date.UTC(2024, 1, 3, 22, 0, 0),
      sortDate: Date.UTC(2024, 1, 3, 4, 5, 6),
      tags: ['One', 'Two'],
      authors: [{ name: 'Ada', url: 'https://ada.example/' }],
      language: 'fr-CA',
      image: 'https://news.example/2024/img/full.png',
      baseUrl: 'https://news.example/2024/full',
    });
  });

  test('a minimal item gets empty defaults and no optional keys', () => {
    const a = one({ id: 'min', title: 'Minimal' });
    expect(a).toEqual({
      id: 'min',
      title: 'Minimal',
      titleFromText: false,
      excerpt: '',
      sortDate: 0,
      tags: [],
      authors: [],
      baseUrl: FEED_URL,
    });
  });

  test('content_html is kept byte for byte (it is sanitized at render time, not here)', () => {
    const html = '<p onclick="x()">Hi<script>alert(1)</script> <img src="/a.png"></p>';
    expect(one({ content_html: html }).contentHtml).toBe(html);
  });

  test('content_text is kept as sent, newlines included', () => {
    expect(one({ title: 't', content_text: 'Line one\n\n  Line two  ' }).contentText).toBe('Line one\n\n  Line two  ');
  });

  describe('excerpt', () => {
    test('is the summary when there is one', () => {
      expect(one({ summary: 'Short &amp; sweet', content_text: 'Long body' }).excerpt).toBe('Short & sweet');
    });

    test('is the squashed text when the summary is empty', () => {
      expect(one({ title: 't', summary: '', content_text: 'Body\n  text' }).excerpt).toBe('Body text');
    });

    test('comes from content_html with tags stripped and entities decoded', () => {
      expect(one({ title: 't', content_html: '<h2>Head</h2><p>Para &amp; more</p><script>evil()</script>' }).excerpt).toBe(
        'Head Para & more',
      );
    });

    test('prefers content_text over content_html', () => {
      expect(one({ title: 't', content_html: '<p>From HTML</p>', content_text: 'From text' }).excerpt).toBe('From text');
    });

    test('is clipped to about LIMITS.excerpt characters on a word boundary', () => {
      const words = Array.from({ length: 100 }, (_, i) => `word${i}`).join(' ');
      const excerpt = one({ title: 't', content_text: words }).excerpt;
      expect(excerpt.length).toBeLessThanOrEqual(LIMITS.excerpt + 1);
      expect(excerpt.length).toBeGreaterThan(LIMITS.excerpt * 0.6);
      expect(excerpt.endsWith('…')).toBe(true);
      expect(words.startsWith(excerpt.slice(0, -1))).toBe(true);
      expect(words[excerpt.length - 1]).toBe(' ');
    });
  });

  describe('dates', () => {
    test('sortDate is published, else modified, else 0', () => {
      const r = parseOk(
        feed([
          { id: 'both', title: 'b', date_published: '2020-01-01T00:00:00Z', date_modified: '2021-01-01T00:00:00Z' },
          { id: 'mod', title: 'm', date_modified: '2021-06-01T00:00:00Z' },
          { id: 'none', title: 'n' },
        ]),
      );
      expect(r.articles.map((a) => [a.id, a.sortDate])).toEqual([
        ['both', Date.UTC(2020, 0, 1)],
        ['mod', Date.UTC(2021, 5, 1)],
        ['none', 0],
      ]);
    });

    test('unreadable dates are dropped and counted; absent, null and "" are not counted', () => {
      const r = parseOk(
        feed([
          { id: 'a', title: 'a', date_published: 'yesterday', date_modified: '2020-13-01' },
          { id: 'b', title: 'b', date_published: null, date_modified: '' },
          { id: 'c', title: 'c', date_published: 1515225600, date_modified: { at: 'noon' } },
          { id: 'd', title: 'd', date_published: '2018-01-06T08:00' },
        ]),
      );
      expect(r.report.badDates).toBe(4);
      expect(byId(r.articles, 'a')).not.toHaveProperty('published');
      expect(byId(r.articles, 'a')).not.toHaveProperty('modified');
      expect(byId(r.articles, 'c').sortDate).toBe(0);
      expect(byId(r.articles, 'd').published).toBe(Date.UTC(2018, 0, 6, 8, 0));
    });
  });

  describe('tags', () => {
    test('are de-duplicated case-insensitively, keeping the first spelling, in order', () => {
      expect(one({ title: 't', tags: ['Swift', 'swift', 'iOS', 'SWIFT', 'Mac'] }).tags).toEqual(['Swift', 'iOS', 'Mac']);
    });

    test('are plain text: entities decoded, white space squashed, blanks dropped', () => {
      expect(one({ title: 't', tags: ['Rock &amp; Roll', '  spaced\n out ', '', '   '] }).tags).toEqual([
        'Rock & Roll',
        'spaced out',
      ]);
    });

    test('numbers become strings, other non-strings are skipped', () => {
      expect(one({ title: 't', tags: [2024, null, { name: 'x' }, ['y'], true, 'ok'] }).tags).toEqual(['2024', 'ok']);
    });

    test('a non-array tags value gives no tags', () => {
      expect(one({ title: 't', tags: 'news, tech' }).tags).toEqual([]);
      expect(one({ title: 't', tags: { 0: 'a' } }).tags).toEqual([]);
    });

    test(`at most LIMITS.tagsPerItem (${LIMITS.tagsPerItem}) tags are kept, and every tag left out is counted`, () => {
      const tags = Array.from({ length: 60 }, (_, i) => `tag${i}`);
      const r = parseOk(feed([{ id: 'a', title: 't', tags }]));
      expect(r.articles[0]!.tags).toEqual(tags.slice(0, LIMITS.tagsPerItem));
      expect(r.report.cutTags).toBe(60 - LIMITS.tagsPerItem);
      expect(r.report.truncatedFields).toBe(0);
    });

    test('exactly LIMITS.tagsPerItem tags are all kept and nothing is counted', () => {
      const tags = Array.from({ length: LIMITS.tagsPerItem }, (_, i) => `tag${i}`);
      const r = parseOk(feed([{ id: 'a', title: 't', tags }]));
      expect(r.articles[0]!.tags).toHaveLength(LIMITS.tagsPerItem);
      expect(r.report.truncatedFields).toBe(0);
      expect(r.report.cutTags).toBe(0);
    });
  });

  describe('authors', () => {
    test('JSON Feed 1.1 authors are read, nameless entries dropped', () => {
      expect(
        one({
          title: 't',
          authors: [
            { name: 'Ada', url: 'https://ada.example/' },
            { url: 'https://nameless.example/' },
            { name: '' },
            'Grace',
            { name: 'Linus', url: 'mailto:linus@example.org' },
            null,
            7,
          ],
        }).authors,
      ).toEqual([
        { name: 'Ada', url: 'https://ada.example/' },
        { name: 'Grace' },
        { name: 'Linus', url: 'mailto:linus@example.org' },
      ]);
    });

    test('the 1.0 author object is the fallback when there is no authors array', () => {
      expect(one({ title: 't', author: { name: 'Old Style', url: 'https://old.example/' } }).authors).toEqual([
        { name: 'Old Style', url: 'https://old.example/' },
      ]);
    });

    test('authors wins over author when both are present', () => {
      expect(one({ title: 't', author: { name: 'Deprecated' }, authors: [{ name: 'Current' }] }).authors).toEqual([
        { name: 'Current' },
      ]);
    });

    test('author URLs: relative resolved against the feed URL, empty and unsafe schemes dropped', () => {
      expect(
        one({
          title: 't',
          authors: [
            { name: 'Rel', url: '/about' },
            { name: 'Empty', url: '' },
            { name: 'Js', url: 'javascript:alert(1)' },
            { name: 'Ftp', url: 'ftp://files.example/' },
            { name: 'Mail', url: ' mailto:me@example.org ' },
            { name: 'BadMail', url: 'mailto:two words@example.org' },
          ],
        }).authors,
      ).toEqual([
        { name: 'Rel', url: 'https://news.example/about' },
        { name: 'Empty' },
        { name: 'Js' },
        { name: 'Ftp' },
        { name: 'Mail', url: 'mailto:me@example.org' },
        { name: 'BadMail' },
      ]);
    });

    test('author names are plain text, entity-decoded and squashed', () => {
      expect(one({ title: 't', authors: [{ name: '  Jos&eacute;\n Garc&iacute;a ' }] }).authors).toEqual([
        { name: 'José García' },
      ]);
    });

    test('items without authors inherit the feed-level authors (1.1)', () => {
      const r = parseOk(
        feed(
          [
            { id: 'inherits', title: 'a' },
            { id: 'own', title: 'b', authors: [{ name: 'Guest' }] },
            { id: 'empty-list', title: 'c', authors: [] },
          ],
          { authors: [{ name: 'Editor', url: 'https://news.example/editor' }] },
        ),
      );
      expect(byId(r.articles, 'inherits').authors).toEqual([{ name: 'Editor', url: 'https://news.example/editor' }]);
      expect(byId(r.articles, 'own').authors).toEqual([{ name: 'Guest' }]);
      expect(byId(r.articles, 'empty-list').authors).toEqual([{ name: 'Editor', url: 'https://news.example/editor' }]);
    });

    test('items inherit a feed-level 1.0 author object too', () => {
      const r = parseOk(feed([{ id: 'a', title: 'a' }], { version: V1, author: { name: 'Solo', url: '' } }));
      expect(r.articles[0]!.authors).toEqual([{ name: 'Solo' }]);
    });

    test('inherited authors are copies, not one shared object', () => {
      const r = parseOk(feed([{ id: 'a', title: 'a' }, { id: 'b', title: 'b' }], { authors: [{ name: 'Shared' }] }));
      const [a, b] = r.articles;
      expect(a!.authors).toEqual(b!.authors);
      expect(a!.authors[0]).not.toBe(b!.authors[0]);
    });

    test(`at most LIMITS.authorsPerItem (${LIMITS.authorsPerItem}) authors are kept`, () => {
      const authors = Array.from({ length: 25 }, (_, i) => ({ name: `A${i}` }));
      expect(one({ title: 't', authors }).authors.map((a) => a.name)).toEqual(
        authors.slice(0, LIMITS.authorsPerItem).map((a) => a.name),
      );
    });
  });

  describe('language', () => {
    test('the item language wins, else the feed language', () => {
      const r = parseOk(
        feed(
          [
            { id: 'own', title: 'a', language: 'de-AT' },
            { id: 'inherits', title: 'b' },
            { id: 'invalid', title: 'c', language: 'German' },
            { id: 'wrong-type', title: 'd', language: 7 },
          ],
          { language: 'en' },
        ),
      );
      expect(r.articles.map((a) => [a.id, a.language])).toEqual([
        ['own', 'de-AT'],
        ['inherits', 'en'],
        ['invalid', 'en'],
        ['wrong-type', 'en'],
      ]);
    });

    test('no language anywhere leaves the key out', () => {
      expect(one({ title: 't' })).not.toHaveProperty('language');
    });

    test.each([['en'], ['pt-BR'], ['zh-Hant-TW'], ['sr-Latn-RS'], ['ast']])('%s is a valid tag', (language) => {
      expect(one({ title: 't', language }).language).toBe(language);
    });
  });

  describe('image', () => {
    test('is resolved against the item url', () => {
      expect(one({ title: 't', url: 'https://site.example/posts/p1/', image: 'cover.jpg' }).image).toBe(
        'https://site.example/posts/p1/cover.jpg',
      );
      expect(one({ title: 't', url: 'https://site.example/posts/p1/', image: '/img/cover.jpg' }).image).toBe(
        'https://site.example/img/cover.jpg',
      );
    });

    test('is resolved against the feed URL when the item has no url', () => {
      expect(one({ title: 't', image: '/img/cover.jpg' }).image).toBe('https://news.example/img/cover.jpg');
    });

    test('falls back to banner_image when image is missing, empty or unusable', () => {
      expect(one({ title: 't', banner_image: 'https://cdn.example/banner.png' }).image).toBe('https://cdn.example/banner.png');
      expect(one({ title: 't', image: '', banner_image: '/banner.png' }).image).toBe('https://news.example/banner.png');
      expect(one({ title: 't', image: 'data:image/png;base64,AAAA', banner_image: '/b.png' }).image).toBe(
        'https://news.example/b.png',
      );
    });

    test('non-http images are dropped', () => {
      expect(one({ title: 't', image: 'javascript:alert(1)' })).not.toHaveProperty('image');
      expect(one({ title: 't', image: ['a.png'] })).not.toHaveProperty('image');
    });
  });

  describe('external_url', () => {
    test('is resolved against the item url', () => {
      expect(one({ title: 't', url: 'https://site.example/a/b', external_url: '../c' }).externalUrl).toBe(
        'https://site.example/c',
      );
    });

    test('is left out when it is the same as url', () => {
      expect(
        one({ title: 't', url: 'https://site.example/a', external_url: 'https://site.example/a' }),
      ).not.toHaveProperty('externalUrl');
    });

    test('a link-blog item with only external_url has no url and a feed baseUrl', () => {
      const a = one({ title: 't', external_url: 'https://linked.example/story' });
      expect(a).not.toHaveProperty('url');
      expect(a.externalUrl).toBe('https://linked.example/story');
      expect(a.baseUrl).toBe(FEED_URL);
    });
  });
});

describe('relative URLs and baseUrl', () => {
  test('a relative item url is made absolute against the feed URL and becomes the baseUrl', () => {
    const a = one({ title: 't', url: '../posts/hello' });
    expect(a.url).toBe('https://news.example/posts/hello');
    expect(a.baseUrl).toBe('https://news.example/posts/hello');
  });

  test('a root-relative item url resolves against the feed host', () => {
    expect(one({ title: 't', url: '/2024/01/hello' }, {}, 'http://www.blog.example/feed.json').url).toBe(
      'http://www.blog.example/2024/01/hello',
    );
  });

  test('a protocol-relative item url takes the feed scheme', () => {
    expect(one({ title: 't', url: '//cdn.example/p' }, {}, 'http://blog.example/feed.json').url).toBe('http://cdn.example/p');
  });

  test('without an item url, baseUrl is the URL the feed was fetched from, not its feed_url', () => {
    const a = one({ title: 't' }, { feed_url: 'https://wrong.example/other/feed.json' }, 'https://right.example/real/feed.json');
    expect(a.baseUrl).toBe('https://right.example/real/feed.json');
  });

  test('a relative item url also ignores the self-declared feed_url', () => {
    const a = one({ title: 't', url: 'post' }, { feed_url: 'https://wrong.example/x/feed.json' }, 'https://right.example/y/feed.json');
    expect(a.url).toBe('https://right.example/y/post');
  });

  test.each([['javascript:alert(1)'], ['mailto:a@example.org'], ['ftp://files.example/a'], ['   '], [''], [42], [null]])(
    'item url %j is not kept and baseUrl falls back to the feed URL',
    (url) => {
      const a = one({ title: 't', url });
      expect(a).not.toHaveProperty('url');
      expect(a.baseUrl).toBe(FEED_URL);
    },
  );
});

describe('absoluteUrl', () => {
  test.each([
    ['https://a.example/x', 'https://a.example/x'],
    ['  https://a.example/x  ', 'https://a.example/x'],
    ['x/y', 'https://news.example/feeds/x/y'],
    ['/x', 'https://news.example/x'],
    ['//cdn.example/x', 'https://cdn.example/x'],
    ['?page=2', 'https://news.example/feeds/main.json?page=2'],
    ['HTTP://UPPER.EXAMPLE/Path', 'http://upper.example/Path'],
    ['https://a.example/ü space', 'https://a.example/%C3%BC%20space'],
  ])('%j → %s', (input, expected) => {
    expect(absoluteUrl(input, FEED_URL)).toBe(expected);
  });

  test.each([
    ['javascript:alert(1)'],
    ['data:text/html,hi'],
    ['mailto:a@example.org'],
    ['ftp://a.example/'],
    [''],
    ['   '],
    ['http://'],
    [123],
    [undefined],
    [{ href: 'https://a.example/' }],
  ])('%j → undefined', (input) => {
    expect(absoluteUrl(input, FEED_URL)).toBeUndefined();
  });

  test('URLs longer than LIMITS.url are refused', () => {
    const long = `https://a.example/${'a'.repeat(LIMITS.url)}`;
    expect(absoluteUrl(long, FEED_URL)).toBeUndefined();
    const fits = `https://a.example/${'a'.repeat(LIMITS.url - 'https://a.example/'.length)}`;
    expect(absoluteUrl(fits, FEED_URL)).toBe(fits);
  });

  test('a relative URL against an unusable base is refused instead of throwing', () => {
    expect(absoluteUrl('post', 'not a url')).toBeUndefined();
  });
});

describe('ids, junk items and duplicates', () => {
  test('non-object items are skipped and counted in notObject', () => {
    const r = parseOk(feed([null, 42, 'str', [], true, { id: 'ok', title: 'ok' }]));
    expect(r.articles.map((a) => a.id)).toEqual(['ok']);
    expect(r.report).toMatchObject({ total: 6, notObject: 5, noId: 0, kept: 1 });
  });

  test('items without a usable id are dropped and counted in noId', () => {
    const r = parseOk(
      feed([
        { title: 'no id' },
        { id: '', title: 'empty' },
        { id: '  \n ', title: 'blank' },
        { id: {}, title: 'object' },
        { id: [], title: 'array' },
        { id: null, title: 'null' },
        { id: true, title: 'bool' },
        { id: Number.NaN, title: 'nan' },
        { id: 'x'.repeat(LIMITS.id + 1), title: 'too long' },
        { id: 'fine', title: 'fine' },
      ]),
    );
    expect(r.articles.map((a) => a.id)).toEqual(['fine']);
    expect(r.report).toMatchObject({ total: 10, noId: 9, notObject: 0, kept: 1 });
  });

  test('an id of exactly LIMITS.id characters is kept', () => {
    expect(one({ id: 'x'.repeat(LIMITS.id), title: 't' }).id).toHaveLength(LIMITS.id);
  });

  test('numeric ids become strings and string ids are trimmed', () => {
    const r = parseOk(
      feed([
        { id: 7, title: 'a' },
        { id: 0, title: 'b' },
        { id: 3.5, title: 'c' },
        { id: -12, title: 'd' },
        { id: '  spaced  ', title: 'e' },
      ]),
    );
    expect(r.articles.map((a) => a.id)).toEqual(['7', '0', '3.5', '-12', 'spaced']);
  });

  test('a numeric id and the same id as a string are the same item', () => {
    const r = parseOk(feed([{ id: 7, title: 'number' }, { id: '7', title: 'string' }]));
    expect(r.articles.map((a) => [a.id, a.title])).toEqual([['7', 'number']]);
    expect(r.report.duplicates).toBe(1);
  });

  describe('the duplicate rule', () => {
    const dup = (copies: Record<string, unknown>[]) => parseOk(feed(copies.map((c) => ({ id: 'same', ...c }))));

    test('the newest date wins, whatever the order', () => {
      const copies = [
        { title: 'old', date_published: '2020-01-01T00:00:00Z' },
        { title: 'new', date_published: '2020-03-01T00:00:00Z' },
        { title: 'mid', date_published: '2020-02-01T00:00:00Z' },
      ];
      for (const order of [copies, [...copies].reverse()]) {
        const r = dup(order);
        expect(r.articles.map((a) => a.title)).toEqual(['new']);
        expect(r.report).toMatchObject({ total: 3, kept: 1, duplicates: 2 });
      }
    });

    test("a copy's date is its date_modified, else its date_published", () => {
      const r = dup([
        { title: 'published later, but modified earlier', date_published: '2020-05-01T00:00:00Z', date_modified: '2020-01-15T00:00:00Z' },
        { title: 'published only', date_published: '2020-02-01T00:00:00Z' },
      ]);
      expect(r.articles[0]!.title).toBe('published only');
    });

    test('a dated copy beats an undated one', () => {
      expect(dup([{ title: 'undated', content_html: 'x'.repeat(100) }, { title: 'dated', date_published: '1999-01-01' }]).articles[0]!.title).toBe(
        'dated',
      );
    });

    test('on equal dates the longest content_html wins', () => {
      const r = dup([
        { title: 'short html, long text', content_html: '<p>a</p>', content_text: 'x'.repeat(50), date_modified: '2021-01-01T00:00:00Z' },
        { title: 'long html', content_html: '<p>abc</p>', date_modified: '2021-01-01T00:00:00Z' },
      ]);
      expect(r.articles[0]!.title).toBe('long html');
    });

    test('then the longest content_text', () => {
      const r = dup([
        { title: 'short text, long summary', content_text: 'ab', summary: 's'.repeat(50) },
        { title: 'long text', content_text: 'abc' },
      ]);
      expect(r.articles[0]!.title).toBe('long text');
    });

    test('then the longest summary', () => {
      const r = dup([
        { title: 'short summary', content_text: 'same', summary: 'ab' },
        { title: 'long summary', content_text: 'same', summary: 'abc' },
      ]);
      expect(r.articles[0]!.title).toBe('long summary');
    });

    test('a full tie keeps the copy seen first', () => {
      const r = dup([
        { title: 'first', content_text: 'same', date_published: '2022-01-01T00:00:00Z' },
        { title: 'second', content_text: 'same', date_published: '2022-01-01T00:00:00Z' },
      ]);
      expect(r.articles[0]!.title).toBe('first');
      expect(r.report.duplicates).toBe(1);
    });

    test('the winner keeps the position of the first copy in the list', () => {
      const r = parseOk(
        feed([
          { id: 'a', title: 'a-old', date_published: '2020-01-01T00:00:00Z' },
          { id: 'b', title: 'b' },
          { id: 'a', title: 'a-new', date_published: '2020-06-01T00:00:00Z' },
        ]),
      );
      expect(r.articles.map((a) => a.title)).toEqual(['a-new', 'b']);
    });
  });
});

describe('titles', () => {
  test('titles are plain text: entities decoded, white space squashed, markup kept literally', () => {
    const r = parseOk(
      feed([
        { id: 'ent', title: 'Fish &amp; Chips &#8212; &#x201C;quoted&#x201D;' },
        { id: 'tags', title: 'The return of <i> and <b>' },
        { id: 'ws', title: '  Many\n\n   spaces\t here ' },
        { id: 'num', title: 2024 },
      ]),
    );
    expect(r.articles.map((a) => [a.title, a.titleFromText])).toEqual([
      ['Fish & Chips — “quoted”', false],
      ['The return of <i> and <b>', false],
      ['Many spaces here', false],
      ['2024', false],
    ]);
  });

  test('an untitled item takes the first sentence of its text', () => {
    const a = one({ title: '', content_text: 'Bakery on the corner. The bread was still warm.' });
    expect(a.title).toBe('Bakery on the corner.');
    expect(a.titleFromText).toBe(true);
  });

  test('a missing title key behaves like an empty title', () => {
    const a = one({ content_text: 'The first sentence is long enough. Second one.' });
    expect([a.title, a.titleFromText]).toEqual(['The first sentence is long enough.', true]);
  });

  test('the derived title uses the first non-blank line of content_text', () => {
    const a = one({ title: '', content_text: '\n\n  Line one  \nLine two' });
    expect(a.title).toBe('Line one');
  });

  test('a white-space-only or entity-only title counts as untitled', () => {
    expect(one({ title: '   ', content_text: 'Fallback text here' }).title).toBe('Fallback text here');
    expect(one({ title: '&nbsp;', content_text: 'Fallback text here' }).title).toBe('Fallback text here');
  });

  test('the derived title comes from content_html when there is no content_text', () => {
    const a = one({ title: '', content_html: '<p>Hello <b>there</b> &amp; welcome to the show. More.</p>' });
    expect([a.title, a.titleFromText]).toEqual(['Hello there & welcome to the show.', true]);
  });

  test('the derived title comes from the summary when there is no body', () => {
    const a = one({ title: '', summary: 'Only a summary exists here.' });
    expect([a.title, a.titleFromText]).toEqual(['Only a summary exists here.', true]);
  });

  test('a long derived title is clipped on a word boundary with an ellipsis', () => {
    const textBody =
      'The canal path was completely empty this morning and the only sound for a long while was a heron complaining';
    const a = one({ title: '', content_text: textBody });
    expect(a.title).toBe('The canal path was completely empty this morning and the only sound for a long…');
    expect(a.title.length).toBeLessThanOrEqual(LIMITS.derivedTitle + 1);
    expect(a.titleFromText).toBe(true);
    expect(a.excerpt).toBe(textBody);
  });

  test('a derived title never ends in half an emoji', () => {
    const a = one({ title: '', content_text: `${'x'.repeat(LIMITS.derivedTitle - 1)}😀 tail` });
    expect(a.title).toBe(`${'x'.repeat(LIMITS.derivedTitle - 1)}…`);
    expect(a.title).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])/);
  });

  test('an item with no text at all gets an empty title', () => {
    const r = parseOk(
      feed([
        { id: 'nothing', title: '' },
        { id: 'blank', title: '', content_text: ' \n\t ' },
        { id: 'empty-html', content_html: '<img src="/a.png"><br>' },
      ]),
    );
    expect(r.articles.map((a) => [a.id, a.title, a.excerpt])).toEqual([
      ['nothing', '', ''],
      ['blank', '', ''],
      ['empty-html', '', ''],
    ]);
  });

  // Regression: a present-but-blank `content_text` once shadowed a non-empty `content_html`.
  test('a blank content_text does not hide the text of content_html', () => {
    const a = one({ title: '', content_text: '', content_html: '<p>Hello there, this is the body.</p>' });
    expect(a.excerpt).toBe('Hello there, this is the body.');
    expect(a.title).toBe('Hello there, this is the body.');
  });
});

describe('size limits', () => {
  test('an over-long title is clipped and counted', () => {
    const r = parseOk(feed([{ id: 'a', title: 'word '.repeat(300) }]));
    const title = r.articles[0]!.title;
    expect(title.length).toBeLessThanOrEqual(LIMITS.title + 1);
    expect(title.endsWith('word…')).toBe(true);
    expect(r.report.truncatedFields).toBe(1);
  });

  test('a title of exactly LIMITS.title characters is not cut', () => {
    const r = parseOk(feed([{ id: 'a', title: 't'.repeat(LIMITS.title) }]));
    expect(r.articles[0]!.title).toBe('t'.repeat(LIMITS.title));
    expect(r.report.truncatedFields).toBe(0);
  });

  test('an over-long summary is clipped and counted', () => {
    const r = parseOk(feed([{ id: 'a', title: 't', summary: 's '.repeat(LIMITS.summary) }]));
    expect(r.articles[0]!.summary!.length).toBeLessThanOrEqual(LIMITS.summary + 1);
    expect(r.report.truncatedFields).toBe(1);
  });

  test('content_html and content_text are cut to exactly LIMITS.content and counted', () => {
    const big = 'a'.repeat(LIMITS.content + 10);
    const r = parseOk(feed([{ id: 'a', title: 't', content_html: `<p>${big}`, content_text: big }]));
    const a = r.articles[0]!;
    expect(a.contentHtml).toHaveLength(LIMITS.content);
    expect(a.contentHtml!.startsWith('<p>aaa')).toBe(true);
    expect(a.contentText).toHaveLength(LIMITS.content);
    expect(r.report.truncatedFields).toBe(2);
  });

  test('content of exactly LIMITS.content characters is kept whole', () => {
    const r = parseOk(feed([{ id: 'a', title: 't', content_text: 'b'.repeat(LIMITS.content) }]));
    expect(r.articles[0]!.contentText).toHaveLength(LIMITS.content);
    expect(r.report.truncatedFields).toBe(0);
  });

  test('over-long author names are clipped and counted', () => {
    const r = parseOk(feed([{ id: 'a', title: 't', authors: [{ name: 'n '.repeat(LIMITS.name) }] }]));
    expect(r.articles[0]!.authors[0]!.name.length).toBeLessThanOrEqual(LIMITS.name + 1);
    expect(r.report.truncatedFields).toBe(1);
  });

  test('truncation counts add up across items', () => {
    const r = parseOk(
      feed([
        { id: 'a', title: 'x '.repeat(LIMITS.title) },
        { id: 'b', title: 'y '.repeat(LIMITS.title), content_text: 'z'.repeat(LIMITS.content + 1) },
      ]),
    );
    expect(r.report.truncatedFields).toBe(3);
  });

  // Regression: a string longer than `max * 4` is cut twice (pre-slice, then clip); it once counted twice.
  test('a huge title (over 4 × LIMITS.title) counts as one truncated field', () => {
    const r = parseOk(feed([{ id: 'a', title: 'x'.repeat(LIMITS.title * 4 + 1) }]));
    expect(r.articles[0]!.title.length).toBeLessThanOrEqual(LIMITS.title + 1);
    expect(r.report.truncatedFields).toBe(1);
  });

  // Regression: each over-long tag was once counted twice.
  test('an over-long tag counts as one truncated field', () => {
    const r = parseOk(feed([{ id: 'a', title: 't', tags: ['y'.repeat(LIMITS.tag + 1)] }]));
    expect(r.articles[0]!.tags[0]!.endsWith('…')).toBe(true);
    expect(r.report.truncatedFields).toBe(1);
  });
});

describe('robustness against wrong types', () => {
  test('wrong types on every field never throw and fall back to defaults', () => {
    const r = parseOk(
      feed(
        [
          {
            id: 'weird',
            url: 5,
            external_url: { href: 'x' },
            title: {},
            summary: true,
            content_html: 12,
            content_text: ['a'],
            date_published: { y: 2020 },
            date_modified: [2020, 1, 1],
            tags: 'x',
            authors: 5,
            author: 'Someone',
            language: 3,
            image: [],
            banner_image: false,
          },
        ],
        { title: ['T'], description: 9, home_page_url: {}, language: null, authors: 'nobody' },
      ),
    );
    expect(r.articles).toEqual([
      {
        id: 'weird',
        title: '',
        titleFromText: true,
        excerpt: '',
        sortDate: 0,
        tags: [],
        authors: [],
        baseUrl: FEED_URL,
      },
    ]);
    expect(r.feed).toEqual({ title: 'news.example', version: V11, description: '9' });
    expect(r.report.badDates).toBe(2);
  });

  test('a plain string `authors` on an item falls through to nothing, not to characters', () => {
    expect(one({ title: 't', authors: 'Jane' }).authors).toEqual([]);
  });

  test('keys that look like Object.prototype members are just data', () => {
    const r = parseTextOk(
      '{"version":"https://jsonfeed.org/version/1.1","__proto__":{"items":[]},"items":[{"id":"constructor","title":"toString","tags":["__proto__","constructor"],"__proto__":{"title":"x"}}]}',
    );
    expect(r.articles.map((a) => [a.id, a.title, a.tags])).toEqual([['constructor', 'toString', ['__proto__', 'constructor']]]);
  });

  // Regression: `String(json.version)` threw on hostile input like {"version":{"toString":1}}.
  test('a version object with a non-callable toString is "bad-version", not an exception', () => {
    const r = parseFeedText('{"version":{"toString":1},"items":[]}', FEED_URL);
    expect(r).toEqual({ ok: false, error: { code: 'bad-version', detail: expect.any(String) as unknown } });
  });

  test('deeply nested JSON does not blow the stack', () => {
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    expect(expectError(parseFeedText(deep, FEED_URL), 'not-object').detail).toBe('array');
    const cut = `{"version":"${V1}","items":[${'['.repeat(100_000)}`;
    expectError(parseFeedText(cut, FEED_URL), 'truncated');
  });

  test('a feedUrl that is not a URL does not make parsing throw', () => {
    const r = parseOk(feed([{ id: 'a', url: 'rel', content_text: 'Body here' }], { title: '' }), 'not a url');
    expect(r.articles[0]).toMatchObject({ id: 'a', baseUrl: 'not a url', title: 'Body here' });
    expect(r.articles[0]).not.toHaveProperty('url');
    expect(r.feed.title).toBe('');
  });
});
