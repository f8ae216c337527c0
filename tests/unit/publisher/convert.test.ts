// @vitest-environment node
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeBytes, decodeWindows1252 } from '../../../publisher/decode';
import { resolveLinks } from '../../../publisher/html';
import type { Entry } from '../../../publisher/model';
import { readSource } from '../../../publisher/sources';

const FIX = 'tests/fixtures/publisher';
const byId = (entries: Entry[], id: string) => entries.find((e) => e.id === id)!;

describe('publisher: RSS and Atom', () => {
  it('RSS 2.0: content:encoded is the body, description the summary, CDATA and entities decoded, relative links resolved', async () => {
    const r = await readSource(`${FIX}/rss2.xml`);
    expect(r.kind).toBe('rss');
    expect(r.meta).toEqual({ title: 'The Harbour Gazette', homePageUrl: 'https://gazette.example.org/', description: 'News from the harbour & the hills', language: 'en-GB' });
    const ferry = byId(r.entries, 'gazette-1001');
    expect(ferry.title).toBe('Ferry timetable ‘back to normal’ & fares frozen');
    expect(ferry.summary).toBe('The winter timetable starts on Monday.');
    expect(ferry.html).toContain('<img src="https://gazette.example.org/media/ferry.jpg"');
    expect(ferry.html).toContain('href="https://gazette.example.org/timetables/winter.pdf"');
    expect(ferry.html).toContain('href="#fares"');
    expect(ferry.authors).toEqual([{ name: 'Maeve Quinlan' }]);
    expect(ferry.tags).toEqual(['Transport', 'Harbour']);
    expect(ferry.published).toBe(Date.UTC(2026, 10, 9, 7, 30));
  });

  it('RSS 2.0: a duplicate guid keeps one copy (the longer body on a date tie) and says so', async () => {
    const r = await readSource(`${FIX}/rss2.xml`);
    expect(r.entries.filter((e) => e.id === 'gazette-1000')).toHaveLength(1);
    expect(byId(r.entries, 'gazette-1000').title).toBe('Lifeboat crew rescues two walkers (corrected)');
    expect(r.notes.join('\n')).toMatch(/1 duplicate id \("gazette-1000"\): kept the newest copy/);
  });

  it('RSS 2.0: an item with no guid uses its link; with no date it stays undated and is reported', async () => {
    const r = await readSource(`${FIX}/rss2.xml`);
    const notice = byId(r.entries, 'https://gazette.example.org/notices/office-hours');
    expect(notice.published).toBeUndefined();
    expect(notice.html).toBe('<p>Open <b>9 to 5</b> on weekdays.</p>');
    expect(r.notes.join('\n')).toMatch(/1 item had no date/);
  });

  it('RSS 0.92: the escaped HTML description is the body', async () => {
    const r = await readSource(`${FIX}/rss092.xml`);
    expect(r.entries.map((e) => e.id)).toEqual(['https://almanac.example.net/notes/first-frost', 'https://almanac.example.net/notes/apple-harvest']);
    expect(r.entries[0]!.html).toBe('<p>Ground frost at dawn on the <a href="https://almanac.example.net/fields/north">north fields</a>.</p>');
    expect(r.entries[1]!.html).toBe('Eleven tonnes, two more than last year.');
  });

  it('Atom: xhtml content kept as HTML, html title as text, links resolved against the entry link', async () => {
    const r = await readSource(`${FIX}/atom.xml`);
    expect(r.kind).toBe('atom');
    expect(r.meta.title).toBe('Diário do Rio');
    const e = byId(r.entries, 'tag:diario.example.com,2026:entry-77');
    expect(e.title).toBe('Ponte & cais: obras terminam');
    expect(e.url).toBe('https://diario.example.com/2026/10/ponte-cais');
    expect(e.html).toContain('<a href="https://diario.example.com/2026/10/fotos/ponte.html">ponte</a>');
    expect(e.html).toContain('src="https://diario.example.com/2026/10/img/ponte.png"');
    expect(e.html).not.toContain('<div xmlns');
    expect(e.published).toBe(Date.UTC(2026, 9, 1, 12));
    expect(e.modified).toBe(Date.UTC(2026, 9, 2, 11));
    expect(e.tags).toEqual(['Obras']);
    expect(e.authors).toEqual([{ name: 'Redação' }]);
    const feira = byId(r.entries, 'tag:diario.example.com,2026:entry-76');
    expect(feira.html).toBe('<p>Mais de <strong>80 editoras</strong> participam.</p>');
    expect(feira.authors).toEqual([{ name: 'Inês Prado' }]);
    expect(feira.published).toBe(Date.UTC(2026, 8, 28, 12));
  });
});

describe('publisher: encodings', () => {
  it('ISO-8859-1 declared: Latin-1 letters, and 0x80–0x9F read as windows-1252 (curly quotes, dash, euro)', async () => {
    const r = await readSource(`${FIX}/latin1.xml`);
    expect(r.meta.title).toBe('Café Europa');
    expect(r.entries[0]!.title).toBe('“Crème brûlée” returns – € 4');
    expect(r.entries[0]!.html).toBe('Naïve and süss.');
    expect(r.notes).toEqual([]);
  });

  it('no declaration and not UTF-8: windows-1252, reported as a repair', async () => {
    const r = await readSource(`${FIX}/cp1252-undeclared.xml`);
    expect(r.meta.title).toBe('Straßenbahn News');
    expect(r.entries[0]!.title).toBe('“Line 4” reopens – tickets € 2');
    expect(r.notes[0]).toMatch(/no encoding declared and not valid UTF-8: read as windows-1252/);
  });

  it('decodes every windows-1252 byte in 0x80–0x9F, whatever this Node build does with the label', () => {
    expect(decodeWindows1252(Uint8Array.from([0x80, 0x85, 0x91, 0x92, 0x93, 0x94, 0x96, 0x97, 0x99, 0x81]))).toBe('€…‘’“”–—™\u0081');
    expect(decodeBytes(new TextEncoder().encode('naïve “quotes”')).text).toBe('naïve “quotes”');
    expect(decodeBytes(Uint8Array.from([0xef, 0xbb, 0xbf, 0x41])).text).toBe('A');
  });
});

describe('publisher: JSON Feed, WordPress, Markdown', () => {
  it('JSON Feed through the app\'s own parser: numeric ids, text bodies, links resolved', async () => {
    const r = await readSource(`${FIX}/feed.json`);
    expect(r.kind).toBe('json-feed');
    expect(byId(r.entries, 'nd-1').html).toBe('<p>Power returned at 02:10 <a href="https://nightdesk.example.org/map">map</a>.</p>');
    expect(byId(r.entries, '2').text).toBe('Night buses run every 20 minutes until Friday.');
  });

  it('WordPress posts: guid id, GMT dates, rendered fields, embedded authors and terms', async () => {
    const r = await readSource(`${FIX}/wordpress-posts.json`);
    expect(r.kind).toBe('wordpress');
    const p = byId(r.entries, 'https://club.example.com/?p=412');
    expect(p.title).toBe('Regatta results – juniors take the cup');
    expect(p.published).toBe(Date.UTC(2026, 10, 3, 8, 15));
    expect(p.modified).toBe(Date.UTC(2026, 10, 3, 10));
    expect(p.summary).toBe('The juniors won by four lengths.');
    expect(p.authors).toEqual([{ name: 'Club Secretary' }]);
    expect(p.tags).toEqual(['Racing', 'Juniors']);
    expect(p.html).toContain('src="https://club.example.com/wp-content/uploads/2026/11/cup.jpg"');
    expect(byId(r.entries, 'https://club.example.com/?p=409').html).toContain('href="https://club.example.com/office/"');
  });

  it('Markdown with front matter and without: title, date, tags, authors, language, summary; else heading and slug', async () => {
    const r = await readSource(`${FIX}/markdown`, { siteUrl: 'https://town.example.org/news/' });
    expect(r.kind).toBe('markdown');
    const market = byId(r.entries, 'https://town.example.org/news/2026-11-05-market-day/');
    expect(market).toMatchObject({ title: 'Market day moves to Saturday', tags: ['town', 'market'], authors: [{ name: 'Ruth Abernethy' }], language: 'en', summary: 'The weekly market moves for the winter.', published: Date.UTC(2026, 10, 5) });
    expect(market.html).toContain('<strong>Saturday</strong>');
    expect(market.html).toContain('href="https://town.example.org/places/square"');
    const light = byId(r.entries, 'https://town.example.org/news/lighthouse-open-day/');
    expect(light.title).toBe('Lighthouse open day');
    expect(light.html).not.toContain('<h1>');
    expect(light.published).toBeUndefined();
    const noSite = await readSource(`${FIX}/markdown`);
    expect(noSite.entries.map((e) => e.id).sort()).toEqual(['md:2026-11-05-market-day', 'md:lighthouse-open-day']);
  });

  it('resolves src, href and every srcset candidate in one tag, and leaves absolute, data and fragment links', () => {
    const { html, changed } = resolveLinks('<img src="a.png" srcset="a-2x.png 2x, /b.png 3x" alt=x><a href="https://x.org/">x</a><a href=\'#top\'>t</a><img src="data:image/png;base64,AA">', 'https://s.example/dir/page');
    expect(html).toBe('<img src="https://s.example/dir/a.png" srcset="https://s.example/dir/a-2x.png 2x, https://s.example/b.png 3x" alt=x><a href="https://x.org/">x</a><a href=\'#top\'>t</a><img src="data:image/png;base64,AA">');
    expect(changed).toBe(2);
  });

  it('an id-less, link-less item gets a stable hash of its title and date', async () => {
    const { convert } = await import('../../../publisher/sources');
    const xml = '<rss version="2.0"><channel><title>T</title><item><title>Same</title><pubDate>Mon, 02 Nov 2026 08:00:00 GMT</pubDate><description>x</description></item></channel></rss>';
    const a = convert('a', new TextEncoder().encode(xml), undefined, undefined);
    const b = convert('b', new TextEncoder().encode(xml), undefined, undefined);
    expect(a.entries[0]!.id).toMatch(/^urn:sha256:[0-9a-f]{32}$/);
    expect(a.entries[0]!.id).toBe(b.entries[0]!.id);
  });
});

describe('publisher: bad input is refused with a reason', () => {
  it.each([
    ['malformed.xml', /malformed XML at line 4/],
    ['html-page.xml', /HTML page, not a feed/],
    ['empty-feed.xml', /the feed has no items/],
    ['empty-file.xml', /the file is empty/],
    ['not-a-feed.json', /neither a JSON Feed nor a WordPress/],
  ])('%s', async (file, reason) => {
    await expect(readSource(`${FIX}/bad/${file}`)).rejects.toThrow(reason);
  });

  it('a missing file, and a folder without Markdown', async () => {
    await expect(readSource(`${FIX}/bad/nope.xml`)).rejects.toThrow(/no such file or folder/);
    await expect(readSource(`${FIX}/runs`)).rejects.toThrow(/no Markdown/);
  });

  it('fixtures are what they claim: the windows-1252 one has no declaration and is not UTF-8', () => {
    const bytes = readFileSync(`${FIX}/cp1252-undeclared.xml`);
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('<rss ');
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
  });
});

describe('publisher: languages', () => {
  it('items inherit their feed\'s language, so feeds in different languages can share one archive', async () => {
    const r = await readSource(`${FIX}/rss2.xml`);
    expect(new Set(r.entries.map((e) => e.language))).toEqual(new Set(['en-GB']));
  });
});

describe('publisher: the older formats', () => {
  const read = async (text: string) => (await import('../../../publisher/sources')).convert('inline', new TextEncoder().encode(text), 'https://old.example.net/feed', undefined);

  it('RSS 0.90 / RDF: items outside the channel, relative links resolved against the fetched URL', async () => {
    const r = await read(`<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://my.netscape.com/rdf/simple/0.9/">
  <channel><title>Old Wire</title><link>https://old.example.net/</link><description>Since 1999</description></channel>
  <item><title>Modem pool expanded</title><link>/wire/modems</link></item>
  <item><title>Guestbook closed</title><link>https://old.example.net/wire/guestbook</link></item>
</rdf:RDF>`);
    expect(r.kind).toBe('rdf');
    expect(r.meta.title).toBe('Old Wire');
    expect(r.entries.map((e) => [e.id, e.title])).toEqual([
      ['https://old.example.net/wire/modems', 'Modem pool expanded'],
      ['https://old.example.net/wire/guestbook', 'Guestbook closed'],
    ]);
  });

  it('JSON Feed 1.0: the 1.0 author object', async () => {
    const r = await read(JSON.stringify({ version: 'https://jsonfeed.org/version/1', title: 'Old JSON', author: { name: 'Ada' }, items: [{ id: 'j1', content_html: '<p>Hi</p>', date_published: '2026-01-02T03:04:05Z' }] }));
    expect(r.kind).toBe('json-feed');
    expect(r.entries[0]).toMatchObject({ id: 'j1', authors: [{ name: 'Ada' }], html: '<p>Hi</p>', published: Date.UTC(2026, 0, 2, 3, 4, 5) });
  });
});
