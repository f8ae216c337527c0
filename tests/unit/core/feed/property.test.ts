// @vitest-environment node
/**
 * Property-based tests (fast-check): thousands of generated and mutated feeds go through the
 * parser. Whatever comes in, it never throws and always answers with articles or a reason, and
 * its report accounts for every item. Runs are random (a failure prints the seed to replay it);
 * FC_SEED and FC_RUNS=<multiplier> make a run reproducible or longer.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { LIMITS, parseFeed, parseFeedText } from '../../../../src/core/feed/parse';
import type { FeedErrorCode, ParseResult } from '../../../../src/core/feed/types';

const FEED_URL = 'https://property.example/feeds/main.json';
const CODES: readonly FeedErrorCode[] = ['empty', 'html', 'truncated', 'not-json', 'not-object', 'no-version', 'bad-version', 'no-items'];
const SCALE = Number(process.env.FC_RUNS ?? 1) || 1;
/** Generous: thousands of runs on a slow CI machine. */
const TIMEOUT = 60_000 * SCALE;
const params = (numRuns: number): fc.Parameters<unknown> => ({
  numRuns: Math.round(numRuns * SCALE),
  ...(process.env.FC_SEED ? { seed: Number(process.env.FC_SEED) } : {}),
});

/** Runs the parser, turning a throw into a failed property with the input attached. */
function parseText(text: string): ParseResult {
  try {
    return parseFeedText(text, FEED_URL);
  } catch (error) {
    throw new Error(`parseFeedText threw ${String(error)} on ${JSON.stringify(text).slice(0, 300)}`);
  }
}

function parseValue(value: unknown): ParseResult {
  try {
    return parseFeed(value, FEED_URL);
  } catch (error) {
    throw new Error(`parseFeed threw ${String(error)}`);
  }
}

/**
 * The contract: an error with a known code, or articles plus a report in which every entry of
 * `items` is exactly one of kept / not an object / without an id / a losing duplicate.
 */
function wellFormed(r: ParseResult): void {
  if (!r.ok) {
    expect(CODES).toContain(r.error.code);
    if (r.error.detail !== undefined) expect(typeof r.error.detail).toBe('string');
    return;
  }
  const { report, articles } = r;
  expect(report.kept).toBe(articles.length);
  expect(report.total).toBe(report.kept + report.notObject + report.noId + report.duplicates);
  for (const n of Object.values(report)) expect(Number.isInteger(n) && n >= 0).toBe(true);
  expect(typeof r.feed.title).toBe('string');
  const ids = new Set<string>();
  for (const a of articles) {
    expect(typeof a.id === 'string' && a.id.length > 0 && a.id.length <= LIMITS.id).toBe(true);
    expect(ids.has(a.id)).toBe(false);
    ids.add(a.id);
    // Ids go into URLs: encoding must not throw (no lone surrogates).
    encodeURIComponent(a.id);
    expect(typeof a.title).toBe('string');
    expect(a.title.length).toBeLessThanOrEqual(LIMITS.title);
    expect(a.excerpt.length).toBeLessThanOrEqual(LIMITS.excerpt);
    expect(Number.isFinite(a.sortDate)).toBe(true);
    for (const d of [a.published, a.modified]) if (d !== undefined) expect(Number.isFinite(d)).toBe(true);
    expect(a.tags.every((t) => typeof t === 'string' && t.length > 0 && t.length <= LIMITS.tag)).toBe(true);
    expect(a.tags.length).toBeLessThanOrEqual(LIMITS.tagsPerItem);
    expect(a.authors.length).toBeLessThanOrEqual(LIMITS.authorsPerItem);
    for (const au of a.authors) {
      expect(typeof au.name === 'string' && au.name.length > 0).toBe(true);
      if (au.url !== undefined) expect(au.url).toMatch(/^(https?:\/\/|mailto:)/i);
    }
    for (const u of [a.url, a.externalUrl, a.image]) if (u !== undefined) expect(u).toMatch(/^https?:\/\//);
    if (a.contentHtml !== undefined) expect(a.contentHtml.length).toBeLessThanOrEqual(LIMITS.content);
    if (a.contentText !== undefined) expect(a.contentText.length).toBeLessThanOrEqual(LIMITS.content);
    // Stored with structured clone and compared as JSON: it must survive both unchanged.
    expect(JSON.parse(JSON.stringify(a))).toEqual(a);
  }
}

// ---- Arbitraries: what real and hostile feeds put in each field -------------------------------

const anyJson = fc.jsonValue({ maxDepth: 3 });
const junk = fc.oneof(
  fc.constantFrom(null, true, false, 0, -1, 1.5, 1e308, '', ' ', '\u0000', '\ud800', '&#0;', '&amp;&lt;b&gt;', 'javascript:alert(1)'),
  fc.string(),
  fc.string({ unit: 'binary' }),
  fc.integer(),
  fc.double(),
  anyJson,
);
const urlish = fc.oneof(
  fc.webUrl(),
  fc.constantFrom('/relative/path', 'relative.html', '//cdn.example/x.png', 'mailto:a@b.example', 'javascript:alert(1)', 'data:text/html,<b>x</b>', 'http://a.example/?a=1&#038;b=2', ' https://x.example/ ', 'http://[::1', 'ftp://x.example/'),
  junk,
);
const dateish = fc.oneof(
  fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
  fc.date({ noInvalidDate: true }).map((d) => d.toUTCString()),
  fc.constantFrom('2018-01-06T08:00', '2018-01-06', '2018-02-30T00:00:00Z', 'yesterday', 'Sat, 06 Jan 2018 08:00:00 +0000', '0000-00-00', '9999-99-99T99:99:99Z', '2020-01-01T10:00:00+25:00'),
  junk,
);
const textish = fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), fc.string({ unit: 'binary' }), fc.constantFrom('<b>bold</b> &amp; &#8216;q&#8217;', '<script>alert(1)</script>', '\u202eevil'), junk);
const idish = fc.oneof(fc.string({ minLength: 1, maxLength: 20 }), fc.webUrl(), fc.integer(), fc.double(), fc.constantFrom('', '   ', '\ud83d', 'x'.repeat(LIMITS.id + 1)), junk);
const authorish = fc.oneof(fc.record({ name: textish, url: urlish, avatar: urlish }, { requiredKeys: [] }), junk);

/** A JSON Feed item: every field optional, each either plausible or junk. */
const itemArb = fc.record(
  {
    id: idish,
    url: urlish,
    external_url: urlish,
    title: textish,
    summary: textish,
    content_html: textish,
    content_text: textish,
    date_published: dateish,
    date_modified: dateish,
    tags: fc.oneof(fc.array(textish, { maxLength: 8 }), junk),
    authors: fc.oneof(fc.array(authorish, { maxLength: 4 }), junk),
    author: authorish,
    language: fc.oneof(fc.constantFrom('en', 'es-ES', 'uk', 'ar', 'zh-Hant-TW', 'not a language'), junk),
    image: urlish,
    banner_image: urlish,
    _ext: anyJson,
  },
  { requiredKeys: [] },
);

const VALID_VERSIONS = ['https://jsonfeed.org/version/1.1', 'https://jsonfeed.org/version/1', 'http://jsonfeed.org/version/1', ' https://jsonfeed.org/version/1.1/ '];
const feedArb = fc.record(
  {
    version: fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...VALID_VERSIONS) }, { weight: 1, arbitrary: junk }),
    title: textish,
    home_page_url: urlish,
    feed_url: urlish,
    description: textish,
    language: fc.oneof(fc.constantFrom('en', 'ru'), junk),
    authors: fc.oneof(fc.array(authorish, { maxLength: 3 }), junk),
    author: authorish,
    items: fc.oneof({ weight: 6, arbitrary: fc.array(fc.oneof({ weight: 5, arbitrary: itemArb }, { weight: 1, arbitrary: junk }), { maxLength: 12 }) }, { weight: 1, arbitrary: junk }),
  },
  { requiredKeys: [] },
);

/** A valid item (the kind the mutations below start from). */
const goodItemArb = fc.record({
  id: fc.oneof(fc.string({ minLength: 1, maxLength: 30 }).filter((s) => s.trim() !== ''), fc.nat()),
  title: fc.string({ maxLength: 60 }),
  content_html: fc.string({ maxLength: 200 }).map((s) => `<p>${s}</p>`),
  date_published: fc.date({ min: new Date(0), max: new Date(4102444800000), noInvalidDate: true }).map((d) => d.toISOString()),
  tags: fc.array(fc.string({ maxLength: 12 }), { maxLength: 4 }),
});
const goodFeedText = fc
  .tuple(fc.array(goodItemArb, { minLength: 1, maxLength: 10 }), fc.constantFrom(0, 2))
  .map(([items, indent]) => JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', title: 'Feed', items }, null, indent));

/** What a bad network, a bad editor or a bad proxy does to a file. */
type Mutation = { kind: 'cut'; at: number } | { kind: 'replace' | 'insert'; at: number; char: string } | { kind: 'delete'; at: number; length: number } | { kind: 'wrap'; prefix: string };
const NOISE = fc.constantFrom('"', '{', '}', '[', ']', ',', ':', '\\', ' ', '0', 'a', '<', '\n', '\u0000', '😀', '\ud800', '\ufeff');
const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('cut' as const), at: fc.nat() }),
  fc.record({ kind: fc.constantFrom('replace' as const, 'insert' as const), at: fc.nat(), char: NOISE }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 20 }) }),
  fc.record({ kind: fc.constant('wrap' as const), prefix: fc.constantFrom('\ufeff', '<!doctype html>', ')]}\'\n', '   ', 'null') }),
);

function mutate(text: string, m: Mutation): string {
  const at = 'at' in m ? m.at % (text.length + 1) : 0;
  switch (m.kind) {
    case 'cut':
      return text.slice(0, at);
    case 'replace':
      return text.slice(0, at) + m.char + text.slice(at + 1);
    case 'insert':
      return text.slice(0, at) + m.char + text.slice(at);
    case 'delete':
      return text.slice(0, at) + text.slice(at + m.length);
    case 'wrap':
      return m.prefix + text;
  }
}

/** An id the parser must keep, by the documented rules (trimmed, non-empty, capped, URL-safe). */
function usableId(v: unknown): string | undefined {
  const id = typeof v === 'string' ? v.trim() : typeof v === 'number' && Number.isFinite(v) ? String(v) : undefined;
  if (!id || id.length > LIMITS.id || /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(id)) return undefined;
  return id;
}

// Counted by the tests below, reported in the README's reliability section.
describe('parser properties (fast-check)', () => {
  test('any string: never throws, always articles or a reason', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme' })), (s) => wellFormed(parseText(s))),
      params(3000),
    );
  }, TIMEOUT);

  test('any JSON value, as a value and as text: never throws, always articles or a reason', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 5 }), (v) => {
        wellFormed(parseValue(v));
        wellFormed(parseText(JSON.stringify(v)));
      }),
      params(2000),
    );
  }, TIMEOUT);

  test('generated feeds with junk in every field: the report accounts for every item and every usable id is kept', () => {
    fc.assert(
      fc.property(feedArb, (f) => {
        const r = parseValue(f);
        wellFormed(r);
        wellFormed(parseText(JSON.stringify(f)));
        const valid = typeof f.version === 'string' && VALID_VERSIONS.map((v) => v.trim()).includes(f.version.trim());
        if (!valid || !Array.isArray(f.items)) {
          expect(r.ok).toBe(false);
          return;
        }
        if (!r.ok) throw new Error(`a valid feed was rejected: ${JSON.stringify(r.error)}`);
        const objects = f.items.filter((x) => typeof x === 'object' && x !== null && !Array.isArray(x)) as Record<string, unknown>[];
        expect(r.report.notObject).toBe(f.items.length - objects.length);
        const expected = new Set(objects.map((x) => usableId(x.id)).filter((x): x is string => x !== undefined));
        expect(new Set(r.articles.map((a) => a.id))).toEqual(expected);
        expect(r.report.noId).toBe(objects.filter((x) => usableId(x.id) === undefined).length);
        // No usable item yields no article: then the report alone explains why.
        if (r.articles.length === 0) expect(r.report.notObject + r.report.noId).toBe(r.report.total);
      }),
      params(2000),
    );
  }, TIMEOUT);

  test('valid feeds cut, corrupted, shortened or wrapped: never throws; a cut is "truncated" or "empty"', () => {
    fc.assert(
      fc.property(goodFeedText, fc.array(mutationArb, { minLength: 1, maxLength: 3 }), (text, mutations) => {
        let out = text;
        for (const m of mutations) out = mutate(out, m);
        const r = parseText(out);
        wellFormed(r);
        const [only] = mutations;
        if (mutations.length === 1 && only?.kind === 'cut' && out.length < text.length) {
          expect(r.ok ? 'ok' : r.error.code).toBe(out.trim() === '' ? 'empty' : 'truncated');
        }
      }),
      params(3000),
    );
  }, TIMEOUT);

  test('huge strings in every field are capped and counted, never kept whole', () => {
    fc.assert(
      fc.property(fc.constantFrom('title', 'summary', 'content_html', 'content_text', 'tags', 'authors', 'url', 'id'), fc.integer({ min: 1, max: 1_000_000 }), (field, extra) => {
        // Longer than the largest cap (the body's), whichever field it lands in.
        const huge = 'é'.repeat(LIMITS.content + extra);
        const value = field === 'tags' ? [huge] : field === 'authors' ? [{ name: huge }] : huge;
        const r = parseValue({ version: VALID_VERSIONS[0], items: [{ id: 'x', title: 'T', [field]: value }] });
        wellFormed(r);
        if (!r.ok) throw new Error('rejected');
        if (field === 'id') {
          expect(r.report.noId).toBe(1);
          return;
        }
        if (field === 'url') {
          expect(r.articles[0]?.url).toBeUndefined();
          return;
        }
        expect(r.report.truncatedFields).toBeGreaterThanOrEqual(1);
      }),
      params(40),
    );
  }, TIMEOUT);
});
