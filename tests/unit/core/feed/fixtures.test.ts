/**
 * Hand-written fixture feeds in tests/fixtures/feeds/, one per family of real-world quirks
 * (see /work/shared/feeds/SOURCES.md for the real feeds they imitate). Each is parsed from its
 * raw text, exactly as the app would after a download.
 */
import { describe, expect, test } from 'vitest';
import { parseFeedText } from '../../../../src/core/feed/parse';
import { byId, expectError, expectOk, type OkResult } from './helpers';

const raw = import.meta.glob<string>('../../../fixtures/feeds/*.json', { query: '?raw', import: 'default', eager: true });

function fixture(name: string): string {
  const text = raw[`../../../fixtures/feeds/${name}`];
  if (text === undefined) throw new Error(`missing fixture ${name}; have ${Object.keys(raw).join(', ')}`);
  return text;
}

function parseFixture(name: string, feedUrl: string): OkResult {
  return expectOk(parseFeedText(fixture(name), feedUrl));
}

const CLEAN = { notObject: 0, noId: 0, duplicates: 0, truncatedFields: 0, badDates: 0, futureDates: 0, cutTags: 0, cutAuthors: 0 };

describe('v11-authors-extensions.json (both author forms, _ext keys, markup in a title)', () => {
  const r = parseFixture('v11-authors-extensions.json', 'https://werkbank.example/feed.json');

  test('feed info, with extension keys ignored', () => {
    expect(r.feed).toEqual({
      title: 'Werkbank-Notizen',
      version: 'https://jsonfeed.org/version/1.1',
      homePageUrl: 'https://werkbank.example/',
      description: 'Löten, Kochen & Fliegen: ein Bastelblog.',
      language: 'de-DE',
    });
    expect(r.report).toEqual({ total: 3, kept: 3, ...CLEAN });
  });

  test('ids that are source file paths are kept verbatim', () => {
    expect(r.articles.map((a) => a.id)).toEqual([
      'content/posts/2020-03-14-loetstation/index.md',
      'content/posts/2020-02-02-wiederkehr-i-b/index.md',
      'content/posts/2020-01-05-ueberflug/index.md',
    ]);
  });

  test('a fully populated item', () => {
    const a = byId(r.articles, 'content/posts/2020-03-14-loetstation/index.md');
    expect(a).toMatchObject({
      url: 'https://werkbank.example/posts/2020-03-14-loetstation/',
      title: 'Die neue Lötstation',
      titleFromText: false,
      summary: 'Endlich eine Lötstation, die nicht nach zwei Minuten den Geist aufgibt.',
      excerpt: 'Endlich eine Lötstation, die nicht nach zwei Minuten den Geist aufgibt.',
      image: 'https://werkbank.example/posts/2020-03-14-loetstation/station.jpg',
      published: Date.UTC(2020, 2, 14, 9, 15),
      modified: Date.UTC(2020, 2, 15, 7, 0),
      sortDate: Date.UTC(2020, 2, 14, 9, 15),
      tags: ['Elektronik', 'Werkzeug'],
      authors: [{ name: 'Greta Muster', url: 'mailto:greta@werkbank.example' }],
      language: 'de-DE',
      baseUrl: 'https://werkbank.example/posts/2020-03-14-loetstation/',
    });
    expect(a.contentHtml).toContain('Greta&#39;s neues Lieblingswerkzeug');
  });

  test('a title with literal <i> and <b> stays plain text', () => {
    const a = byId(r.articles, 'content/posts/2020-02-02-wiederkehr-i-b/index.md');
    expect(a.title).toBe('Die Wiederkehr von <i> und <b>');
    expect(a.titleFromText).toBe(false);
  });

  test('summary "" falls back to the HTML text for the excerpt and is not kept', () => {
    const a = byId(r.articles, 'content/posts/2020-02-02-wiederkehr-i-b/index.md');
    expect(a).not.toHaveProperty('summary');
    expect(a.excerpt).toBe('Lange galten <i> und <b> als veraltet. Semantik ist alles.');
  });

  test('the 1.1 authors array wins over the deprecated author object', () => {
    const a = byId(r.articles, 'content/posts/2020-02-02-wiederkehr-i-b/index.md');
    expect(a.authors).toEqual([
      { name: 'Greta Muster', url: 'mailto:greta@werkbank.example' },
      { name: 'Gast Autor', url: 'https://gast.example/' },
    ]);
  });

  test('external_url is kept, except when it equals url', () => {
    expect(byId(r.articles, 'content/posts/2020-02-02-wiederkehr-i-b/index.md').externalUrl).toBe(
      'https://html-history.example/notes/presentational-tags',
    );
    expect(byId(r.articles, 'content/posts/2020-01-05-ueberflug/index.md')).not.toHaveProperty('externalUrl');
  });

  test('an item whose only content is an iframe has an empty excerpt but keeps its title', () => {
    const a = byId(r.articles, 'content/posts/2020-01-05-ueberflug/index.md');
    expect([a.title, a.excerpt, a.image]).toEqual(['Überflug', '', 'https://img.video.example/abc123/hq.jpg']);
  });

  test('extension keys (_geo, _rss) do not leak into articles', () => {
    const a = byId(r.articles, 'content/posts/2020-01-05-ueberflug/index.md');
    expect(Object.keys(a).sort()).toEqual(
      [
        'authors',
        'baseUrl',
        'contentHtml',
        'excerpt',
        'id',
        'image',
        'language',
        'modified',
        'published',
        'sortDate',
        'tags',
        'title',
        'titleFromText',
        'url',
      ].sort(),
    );
  });
});

describe('v11-legacy-author-cyrillic.json (1.1 with only a 1.0 author, Cyrillic, emoji)', () => {
  // The feed's own URLs use a misspelled host (zametkki); it is really served from zametki.
  const r = parseFixture('v11-legacy-author-cyrillic.json', 'https://zametki.example/feed/feed.json');

  test('feed info in Cyrillic', () => {
    expect(r.feed).toEqual({
      title: 'Заметки путешественника',
      version: 'https://jsonfeed.org/version/1.1',
      homePageUrl: 'https://zametkki.example/',
      description: 'Личный блог о дорогах, горах и еде.',
      language: 'ru',
    });
    expect(r.report).toEqual({ total: 3, kept: 3, ...CLEAN });
  });

  test('titles keep Cyrillic and emoji exactly', () => {
    expect(r.articles.map((a) => a.title)).toEqual(['Горы и облака ⛰️ — день первый', 'Еда в дороге 🍲', 'Tripod review']);
    expect(r.articles.every((a) => !a.titleFromText)).toBe(true);
  });

  test('id equals url, and the item url (not the fetch URL) is the baseUrl', () => {
    for (const a of r.articles) {
      expect(a.url).toBe(a.id);
      expect(a.baseUrl).toBe(a.id);
    }
    expect(r.articles[0]!.url).toBe('https://zametkki.example/blog/2024/2024-05-01-gory/');
  });

  test('every item inherits the feed-level author, whose empty url is dropped', () => {
    expect(r.articles.map((a) => a.authors)).toEqual([[{ name: 'Ольга К.' }], [{ name: 'Ольга К.' }], [{ name: 'Ольга К.' }]]);
  });

  test('items inherit the feed language and have midnight UTC dates', () => {
    expect(r.articles.map((a) => [a.language, a.published])).toEqual([
      ['ru', Date.UTC(2024, 4, 1)],
      ['ru', Date.UTC(2024, 3, 12)],
      ['ru', Date.UTC(2024, 2, 30)],
    ]);
  });

  test('malformed attributes, <picture> and anchors do not leak markup into the excerpt', () => {
    expect(r.articles[0]!.excerpt).toBe('Начало # Мы вышли рано утром 🌄 и шли весь день. Черновик лежит на локальном сервере.');
    expect(r.articles[0]!.contentHtml).toContain('sizes="undefined"');
  });
});

describe('v1-text-only-untitled.json (content_text only, empty titles, wrong feed_url)', () => {
  const FETCHED = 'https://pieter.example/archive/index.json';
  const r = parseFixture('v1-text-only-untitled.json', FETCHED);

  test('all six items are kept; the feed has no description', () => {
    expect(r.report).toEqual({ total: 6, kept: 6, ...CLEAN });
    expect(r.feed).toEqual({
      title: "Pieter's Notebook",
      version: 'https://jsonfeed.org/version/1',
      homePageUrl: 'https://pieter.example/',
    });
  });

  test('untitled items get titles from their text; text-less items get ""', () => {
    expect(r.articles.map((a) => [a.title, a.titleFromText])).toEqual([
      ['The canal path was completely empty this morning and the only sound for a long…', true],
      ['Bakery on the corner.', true],
      ['Short.', true],
      ['', true],
      ['', true],
      ['Weekly notes', false],
    ]);
  });

  test('derived titles stay within LIMITS.derivedTitle plus the ellipsis', () => {
    for (const a of r.articles) expect(a.title.length).toBeLessThanOrEqual(81);
  });

  test('content_text is kept verbatim and the excerpt is its squashed form', () => {
    const a = r.articles[1]!;
    expect(a.contentText).toBe('Bakery on the corner. 📍\nThe rye bread was still warm when we got home.');
    expect(a.excerpt).toBe('Bakery on the corner. 📍 The rye bread was still warm when we got home.');
    expect(a).not.toHaveProperty('contentHtml');
    expect(r.articles[3]!.excerpt).toBe('');
    expect(r.articles[3]!.contentText).toBe('  \n\t \n');
  });

  test('+01:00 and +02:00 offsets are applied', () => {
    expect(r.articles.slice(0, 3).map((a) => a.published)).toEqual([
      Date.UTC(2025, 2, 30, 6, 10),
      Date.UTC(2025, 2, 29, 16, 45),
      Date.UTC(2025, 2, 28, 8, 0),
    ]);
  });

  test('the wrong feed_url is never used as a base', () => {
    for (const a of r.articles) expect(a.baseUrl).toBe(a.url);
    expect(r.articles.some((a) => a.baseUrl.includes('/photos/'))).toBe(false);
  });
});

describe('v1-nonrfc3339-relative.json (zone-less dates, slug ids, root-relative links)', () => {
  const FETCHED = 'http://tinkerlog.example/feed.json';
  const r = parseFixture('v1-nonrfc3339-relative.json', FETCHED);

  test('the version is found even though it is the last key', () => {
    expect(r.feed).toEqual({
      title: 'tinkerlog.example',
      version: 'https://jsonfeed.org/version/1',
      homePageUrl: 'http://tinkerlog.example/',
      description: 'Notes on building small tools.',
    });
    expect(r.report).toEqual({ total: 3, kept: 3, ...CLEAN });
  });

  test('dates without seconds or zone are read as UTC and none is counted bad', () => {
    expect(r.articles.map((a) => [a.id, a.published, a.modified])).toEqual([
      ['leaving-the-forum', Date.UTC(2018, 0, 6, 8, 0), undefined],
      ['custom-paper-sizes', Date.UTC(2017, 2, 19, 7, 0), Date.UTC(2017, 3, 4, 7, 0)],
      ['draft-without-a-home', Date.UTC(2016, 5, 1, 7, 0), undefined],
    ]);
  });

  test('item urls on the www host are the base for their relative links and images', () => {
    const a = byId(r.articles, 'custom-paper-sizes');
    expect(a.url).toBe('http://www.tinkerlog.example/custom-paper-sizes');
    expect(a.baseUrl).toBe('http://www.tinkerlog.example/custom-paper-sizes');
    expect(a.image).toBe('http://www.tinkerlog.example/img/paper.png');
  });

  test('root-relative links in content_html are kept as sent and resolve against baseUrl', () => {
    const a = byId(r.articles, 'leaving-the-forum');
    expect(a.contentHtml).toContain('href="/files/a.pdf"');
    expect(a.contentHtml).toContain('src="/img/x.png"');
    expect(new URL('/files/a.pdf', a.baseUrl).href).toBe('http://www.tinkerlog.example/files/a.pdf');
    expect(new URL('/img/x.png', a.baseUrl).href).toBe('http://www.tinkerlog.example/img/x.png');
  });

  test('an item with no url resolves relative images against the fetch URL', () => {
    const a = byId(r.articles, 'draft-without-a-home');
    expect(a).not.toHaveProperty('url');
    expect(a.baseUrl).toBe(FETCHED);
    expect(a.image).toBe('http://tinkerlog.example/img/y.png');
    expect(new URL('/img/y.png', a.baseUrl).href).toBe('http://tinkerlog.example/img/y.png');
  });

  test('items inherit the feed-level 1.0 author', () => {
    for (const a of r.articles) expect(a.authors).toEqual([{ name: 'Sam Tinker', url: 'http://tinkerlog.example/about' }]);
  });

  test('the excerpt decodes &#8217; and drops the markup of custom-scheme and mailto links', () => {
    expect(byId(r.articles, 'leaving-the-forum').excerpt).toBe(
      'I’m closing my forum account. The slides are here. Add it as a note, mail me, or read the older post.',
    );
  });
});

describe('v1-http-version-linkblog.json (http:// version URL, external_url, entity title)', () => {
  const r = parseFixture('v1-http-version-linkblog.json', 'https://linkpile.example/feed/json/');

  test('the http:// version URL is accepted and reported verbatim; empty description left out', () => {
    expect(r.feed).toEqual({
      title: 'Link Pile',
      version: 'http://jsonfeed.org/version/1',
      homePageUrl: 'https://linkpile.example/',
    });
    expect(r.report).toEqual({ total: 3, kept: 3, ...CLEAN });
  });

  test('numeric entities in a title are decoded to ‘Jokes’', () => {
    const a = byId(r.articles, 'https://linkpile.example/linklog/council-jokes/');
    expect(a.title).toBe('Council Declines to Publish the ‘Jokes’ Its Staff Wrote & Shared');
    expect(a.titleFromText).toBe(false);
  });

  test('link posts have externalUrl; the original essay does not', () => {
    expect(r.articles.map((a) => [a.url, a.externalUrl])).toEqual([
      ['https://linkpile.example/linklog/ferry-delays/', 'https://harbour-news.example/2018/02/13/ferry-delays'],
      ['https://linkpile.example/linklog/council-jokes/', 'https://civic-desk.example/council-declines-to-publish-jokes'],
      ['https://linkpile.example/blog/design-hype/', undefined],
    ]);
  });

  test('item-level 1.0 authors and +00:00 dates', () => {
    const a = r.articles[0]!;
    expect(a.authors).toEqual([{ name: 'Jo Linker' }]);
    expect([a.published, a.modified]).toEqual([Date.UTC(2018, 1, 13, 21, 3, 12), Date.UTC(2018, 1, 13, 21, 31, 35)]);
    expect(a.excerpt).toBe('Ana Ruiz, Harbour News: Delays rose for the third month in a row. Some weather. 1');
  });
});

describe('v1-podcast-attachments.json (_podcast, attachments, id on another host)', () => {
  const r = parseFixture('v1-podcast-attachments.json', 'https://shedradio.example/podcast.json');

  test('ids keep their mixed-case host; the url, not the id, is the base', () => {
    expect(r.articles.map((a) => [a.id, a.baseUrl])).toEqual([
      ['http://ShedRadio.micro.example/2024/11/08/episode-3.html', 'https://shedradio.example/2024/11/08/episode-3.html'],
      ['http://ShedRadio.micro.example/2018/04/28/episode-1.html', 'https://shedradio.example/2018/04/28/episode-1.html'],
    ]);
  });

  test('an unclosed <audio> tag does not swallow the show notes', () => {
    expect(r.articles[0]!.excerpt).toBe('Covering the beds before frost. Duration: 4:10 Transcript');
  });

  test('a missing tags key gives no tags; no authors anywhere gives none', () => {
    expect(r.articles.map((a) => [a.tags, a.authors])).toEqual([
      [['Podcast'], []],
      [[], []],
    ]);
    expect(r.report).toEqual({ total: 2, kept: 2, ...CLEAN });
  });
});

describe('invalid-truncated.json (download cut off mid-string, version never reached)', () => {
  test('is rejected as "truncated", not "no-version" or "not-json"', () => {
    const text = fixture('invalid-truncated.json');
    expect(text.endsWith('Setti\n')).toBe(true);
    expect(text.includes('"version"')).toBe(false);
    expect(expectError(parseFeedText(text, 'http://allnotes.example/feed.json'), 'truncated').detail).toBe(
      `${text.length} bytes`,
    );
  });
});

describe('duplicates-and-junk.json (junk items, odd ids, repeated ids)', () => {
  const r = parseFixture('duplicates-and-junk.json', 'https://junk.example/feed.json');

  test('the report counts every kind of junk', () => {
    expect(r.report).toEqual({
      total: 22,
      kept: 7,
      notObject: 4,
      noId: 5,
      duplicates: 6,
      truncatedFields: 0,
      badDates: 0,
      futureDates: 0,
      cutTags: 0,
      cutAuthors: 0,
    });
  });

  test('surviving ids: numeric stringified, padded trimmed, first-seen order', () => {
    expect(r.articles.map((a) => a.id)).toEqual(['7', 'padded', 'dup-a', 'tie-html', 'tie-text', 'tie-summary', 'tie-full']);
  });

  test('the winner of each duplicate group', () => {
    expect(r.articles.map((a) => a.title).slice(2)).toEqual([
      'A newest edit',
      'html long',
      'text long',
      'summary long',
      'full tie first',
    ]);
  });

  test('the newest copy wins by date_modified even though another copy has a later date_published', () => {
    const a = byId(r.articles, 'dup-a');
    expect([a.contentText, a.modified, a.published]).toEqual(['third', Date.UTC(2020, 1, 1), Date.UTC(2019, 5, 1)]);
  });
});

describe('not-a-feed-rss-in-json.json (RSS serialised as JSON)', () => {
  test('is rejected as "no-version" (the nested rss.version does not count)', () => {
    expect(expectError(parseFeedText(fixture('not-a-feed-rss-in-json.json'), 'http://morningwire.example/rss.json'), 'no-version')).toEqual({
      code: 'no-version',
    });
  });
});

describe('invariants over every valid fixture', () => {
  const valid = Object.keys(raw)
    .map((path) => path.split('/').pop()!)
    .filter((name) => !name.startsWith('invalid-') && !name.startsWith('not-a-feed'));

  test('there are seven valid fixtures', () => {
    expect(valid.sort()).toEqual([
      'duplicates-and-junk.json',
      'v1-http-version-linkblog.json',
      'v1-nonrfc3339-relative.json',
      'v1-podcast-attachments.json',
      'v1-text-only-untitled.json',
      'v11-authors-extensions.json',
      'v11-legacy-author-cyrillic.json',
    ]);
  });

  test.each(valid)('%s: ids unique and non-empty, URLs absolute http(s), excerpts capped', (name) => {
    const r = parseFixture(name, 'https://fixtures.example/feed.json');
    const ids = r.articles.map((a) => a.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(r.report.kept).toBe(r.articles.length);
    expect(r.report.total).toBe(r.report.kept + r.report.notObject + r.report.noId + r.report.duplicates);
    for (const a of r.articles) {
      expect(a.id.length).toBeGreaterThan(0);
      expect(a.baseUrl).toMatch(/^https?:\/\//);
      for (const u of [a.url, a.externalUrl, a.image]) if (u !== undefined) expect(u).toMatch(/^https?:\/\//);
      expect(a.excerpt.length).toBeLessThanOrEqual(281);
      expect(a.sortDate).toBe(a.published ?? a.modified ?? 0);
    }
  });
});
