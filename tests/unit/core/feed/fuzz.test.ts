/**
 * Property-style robustness checks with a fixed-seed PRNG (no extra dependencies): whatever is
 * done to a valid feed, the parser returns a well-formed result and never throws.
 */
import { describe, expect, test } from 'vitest';
import { parseFeed, parseFeedText } from '../../../../src/core/feed/parse';
import type { FeedErrorCode, ParseResult } from '../../../../src/core/feed/types';
import { feed, rng } from './helpers';

const FEED_URL = 'https://fuzz.example/feed.json';
const CODES: FeedErrorCode[] = ['empty', 'html', 'truncated', 'not-json', 'not-object', 'no-version', 'bad-version', 'no-items'];

const BASE = feed(
  [
    {
      id: 'https://fuzz.example/a',
      url: 'https://fuzz.example/a',
      external_url: 'https://elsewhere.example/',
      title: 'First &amp; foremost',
      summary: 'A summary.',
      content_html: '<p>Hello <b>world</b> <img src="/x.png"></p>',
      content_text: 'Hello world',
      date_published: '2020-01-01T10:00:00+01:00',
      date_modified: '2020-01-02T10:00',
      tags: ['one', 'Two', 'one'],
      authors: [{ name: 'Ada', url: 'mailto:ada@example.org' }],
      author: { name: 'Old Ada' },
      language: 'en-GB',
      image: '/img/a.png',
      banner_image: 'https://fuzz.example/banner.png',
    },
    { id: 2, title: '', content_text: 'Untitled micro post. With two sentences 😀.', date_published: 'Sat, 06 Jan 2018 08:00:00 +0000' },
    { id: 'https://fuzz.example/a', title: 'Duplicate', date_modified: '2021-01-01T00:00:00Z' },
    { id: 'c', title: 'Привет', content_html: '<script>x</script><p>Текст</p>', tags: [], authors: [] },
  ],
  {
    home_page_url: 'https://fuzz.example/',
    description: 'Fuzz &lt;target&gt;',
    language: 'en',
    authors: [{ name: 'Feed Author' }],
    _ext: { about: 'https://fuzz.example/ext' },
  },
);

const JUNK: unknown[] = [
  null,
  0,
  -1,
  1.5,
  1e21,
  '',
  ' ',
  'x',
  '<b>',
  '&#0;',
  'javascript:alert(1)',
  '2018-02-30',
  '\ud83d',
  'y'.repeat(5000),
  true,
  false,
  [],
  [null, 1, 'a', {}],
  {},
  { name: 42 },
];

/** Every container (object or array) inside `v`, with the keys it holds. */
function containers(v: unknown, out: (Record<string, unknown> | unknown[])[] = []): (Record<string, unknown> | unknown[])[] {
  if (v !== null && typeof v === 'object') {
    out.push(v as Record<string, unknown> | unknown[]);
    for (const child of Object.values(v)) containers(child, out);
  }
  return out;
}

function pick<T>(rand: () => number, list: readonly T[]): T {
  return list[Math.floor(rand() * list.length)]!;
}

/** Applies 1–4 random structural edits: delete a key, swap a value's type, or wrap/unwrap. */
function mutateStructure(rand: () => number): unknown {
  const copy: unknown = structuredClone(BASE);
  const edits = 1 + Math.floor(rand() * 4);
  for (let i = 0; i < edits; i++) {
    const target = pick(rand, containers(copy));
    const keys = Object.keys(target);
    if (keys.length === 0) continue;
    const key = pick(rand, keys);
    const op = rand();
    const rec = target as Record<string, unknown>;
    if (op < 0.35) {
      if (Array.isArray(target)) target.splice(Number(key), 1);
      else Reflect.deleteProperty(rec, key);
    } else if (op < 0.85) {
      rec[key] = structuredClone(pick(rand, JUNK));
    } else {
      rec[key] = [rec[key]];
    }
  }
  return copy;
}

const TEXT = JSON.stringify(BASE);
const NOISE = ['"', '{', '}', '[', ']', ',', ':', '\\', ' ', '0', 'a', '<', '\n', '\u0000', '😀'];

/** Cuts the serialized feed at a random offset, or corrupts one random character. */
function mutateText(rand: () => number): { text: string; cut: boolean } {
  if (rand() < 0.5) {
    return { text: TEXT.slice(0, Math.floor(rand() * TEXT.length)), cut: true };
  }
  const at = Math.floor(rand() * TEXT.length);
  return { text: TEXT.slice(0, at) + pick(rand, NOISE) + TEXT.slice(at + 1), cut: false };
}

/** Checks that a result has one of the two documented shapes, with sane contents. */
function checkShape(r: ParseResult, label: string): void {
  if (r.ok) {
    expect(Array.isArray(r.articles), label).toBe(true);
    expect(r.report.kept, label).toBe(r.articles.length);
    // Every entry is exactly one of: kept, not an object, without id, or a losing duplicate.
    expect(r.report.total, label).toBe(r.report.kept + r.report.notObject + r.report.noId + r.report.duplicates);
    for (const a of r.articles) {
      expect(typeof a.id === 'string' && a.id.length > 0, label).toBe(true);
      expect(typeof a.title, label).toBe('string');
      expect(typeof a.excerpt, label).toBe('string');
      expect(Number.isFinite(a.sortDate), label).toBe(true);
      expect(Array.isArray(a.tags) && Array.isArray(a.authors), label).toBe(true);
      for (const u of [a.url, a.externalUrl, a.image]) if (u !== undefined) expect(u, label).toMatch(/^https?:\/\//);
    }
  } else {
    expect(CODES, label).toContain(r.error.code);
  }
}

describe('parser robustness (500 deterministic mutations each)', () => {
  test('the unmutated base feed parses', () => {
    const r = parseFeedText(TEXT, FEED_URL);
    expect(r.ok && r.articles.map((a) => a.id)).toEqual(['https://fuzz.example/a', '2', 'c']);
  });

  test('structural mutations: never throws, always a well-formed result', () => {
    const rand = rng(0xb50adc);
    const outcomes = new Map<string, number>();
    for (let i = 0; i < 500; i++) {
      const mutated = mutateStructure(rand);
      const label = `structural mutation #${i}: ${JSON.stringify(mutated).slice(0, 300)}`;
      let fromText: ParseResult | undefined;
      let fromValue: ParseResult | undefined;
      expect(() => {
        fromText = parseFeedText(JSON.stringify(mutated), FEED_URL);
        fromValue = parseFeed(mutated, FEED_URL);
      }, label).not.toThrow();
      checkShape(fromText!, label);
      checkShape(fromValue!, label);
      const key = fromText!.ok ? 'ok' : fromText!.error.code;
      outcomes.set(key, (outcomes.get(key) ?? 0) + 1);
    }
    // The mutations really exercise both paths (the seed is fixed, so these counts are stable).
    expect(outcomes.get('ok') ?? 0).toBeGreaterThan(250);
    expect([...outcomes.keys()].filter((k) => k !== 'ok').length).toBeGreaterThanOrEqual(2);
  });

  test('text mutations: cuts are always "truncated" (or "empty"), corruptions never throw', () => {
    const rand = rng(20180106);
    let cuts = 0;
    let corruptions = 0;
    for (let i = 0; i < 500; i++) {
      const { text, cut } = mutateText(rand);
      const label = `text mutation #${i} (${cut ? 'cut' : 'corrupt'}): …${JSON.stringify(text.slice(-60))}`;
      let r: ParseResult | undefined;
      expect(() => {
        r = parseFeedText(text, FEED_URL);
      }, label).not.toThrow();
      checkShape(r!, label);
      if (cut) {
        cuts++;
        // A proper prefix of a JSON object can never be complete.
        expect(r!.ok ? 'ok' : r!.error.code, label).toBe(text.trim() === '' ? 'empty' : 'truncated');
      } else {
        corruptions++;
      }
    }
    expect(cuts).toBeGreaterThan(150);
    expect(corruptions).toBeGreaterThan(150);
  });

  test('every prefix of a small feed is "truncated" or "empty"', () => {
    const small = JSON.stringify(feed([{ id: 'a', title: 'T "q" \\ é 😀', content_text: 'x' }]));
    const codes = new Set<string>();
    for (let n = 0; n < small.length; n++) {
      const r = parseFeedText(small.slice(0, n), FEED_URL);
      codes.add(r.ok ? 'ok' : r.error.code);
    }
    expect([...codes].sort()).toEqual(['empty', 'truncated']);
    expect(parseFeedText(small, FEED_URL).ok).toBe(true);
  });
});
