import { describe, expect, test } from 'vitest';
import { mergeHighlights, readHighlight, withColour, withNote, type Highlight } from '../../../../src/core/highlights/highlight';
import { toMarkdown } from '../../../../src/core/highlights/markdown';

const NOW = Date.UTC(2024, 5, 1);

function hl(partial: Partial<Highlight> = {}): Highlight {
  return {
    id: 'h1',
    articleId: 'a1',
    title: 'Depot assembly',
    url: 'https://news.example.org/a1',
    quote: { exact: 'safer buses', prefix: 'a shorter rota and ', suffix: '. The manager' },
    position: { start: 10, end: 21 },
    rev: '1:100',
    colour: 'yellow',
    note: '',
    createdAt: NOW - 1000,
    updatedAt: NOW - 1000,
    ...partial,
  };
}

describe('changes', () => {
  test('a note is trimmed and dated', () => {
    expect(withNote(hl(), '  bring to Friday  ', NOW)).toMatchObject({ note: 'bring to Friday', updatedAt: NOW });
    expect(withColour(hl(), 'blue', NOW)).toMatchObject({ colour: 'blue', updatedAt: NOW });
  });
});

describe('merge by id', () => {
  test('never duplicates; the copy changed last wins', () => {
    const stored = new Map([['h1', hl({ note: 'old', updatedAt: NOW - 10 })]]);
    const merged = mergeHighlights(stored, [hl({ note: 'newer', updatedAt: NOW }), hl({ id: 'h2' }), hl({ id: 'h2', note: 'older copy', updatedAt: NOW - 5000 })]);
    expect(merged.map((h) => [h.id, h.note])).toEqual([
      ['h1', 'newer'],
      ['h2', ''],
    ]);
  });

  test('an older copy from a file does not undo a later edit', () => {
    const stored = new Map([['h1', hl({ note: 'edited today', updatedAt: NOW })]]);
    expect(mergeHighlights(stored, [hl({ note: 'from last month', updatedAt: NOW - 99 })])).toEqual([]);
  });
});

describe('reading a highlight from a file', () => {
  test('a valid record comes back whole', () => {
    const h = hl({ note: 'n', colour: 'green' });
    expect(readHighlight(JSON.parse(JSON.stringify(h)), NOW)).toEqual(h);
  });

  test.each([
    ['not an object', 'x'],
    ['no id', { ...hl(), id: '' }],
    ['blank quote', { ...hl(), quote: { exact: ' ', prefix: '', suffix: '' } }],
    ['negative offset', { ...hl(), position: { start: -1, end: 3 } }],
    ['end before start', { ...hl(), position: { start: 5, end: 3 } }],
    ['far future', { ...hl(), updatedAt: NOW + 10 * 86_400_000 }],
    ['note not a string', { ...hl(), note: 5 }],
  ])('%s is refused', (_name, value) => {
    expect(readHighlight(value, NOW)).toBeUndefined();
  });

  test('an unknown colour becomes yellow; a javascript: url is dropped', () => {
    const h = readHighlight({ ...hl(), colour: 'octarine', url: 'javascript:alert(1)' }, NOW)!;
    expect(h.colour).toBe('yellow');
    expect(h.url).toBeUndefined();
  });
});

describe('Markdown', () => {
  test('quotes, notes and a link to each article', () => {
    const md = toMarkdown(
      [hl({ note: 'Raise at the meeting' }), hl({ id: 'h2', quote: { exact: 'First line\nSecond line', prefix: '', suffix: '' } }), hl({ id: 'h3', articleId: 'a2', title: 'Rota [draft]', url: 'https://news.example.org/a (2)' })],
      { title: 'Highlights', link: (h) => h.url ?? '', articleTitle: (h) => h.title, noteLabel: 'Note' },
    );
    expect(md).toBe(
      [
        '# Highlights',
        '',
        '## [Depot assembly](https://news.example.org/a1)',
        '',
        '> safer buses',
        '',
        'Note: Raise at the meeting',
        '',
        '> First line',
        '> Second line',
        '',
        '## [Rota \\[draft\\]](https://news.example.org/a%20%282%29)',
        '',
        '> safer buses',
        '',
      ].join('\n'),
    );
  });
});
