import { expect, test } from 'vitest';
import { snippet, snippetTerms } from '../../../src/core/snippet';

const marked = (parts: ReturnType<typeof snippet>) => parts?.filter((p) => p.mark).map((p) => p.text);
const whole = (parts: ReturnType<typeof snippet>) => parts?.map((p) => (p.mark ? `[${p.text}]` : p.text)).join('');

test('marks every word that starts with a query word, any case, accents ignored', () => {
  const terms = snippetTerms('educacion Port');
  expect(terms).toEqual(['educacion', 'port']);
  expect(whole(snippet('La Educación pública y el puerto: the PORT workers, ports and Portugal.', terms))).toBe(
    'La [Educación] pública y el puerto: the [PORT] workers, [ports] and [Portugal].',
  );
});

test('works in Cyrillic and keeps apostrophes inside words', () => {
  expect(marked(snippet('Працівники порту проголосували за страйк.', snippetTerms('ПОРТ')))).toEqual(['порту']);
  expect(marked(snippet('Вони мʼясо не їдять', snippetTerms("м'ясо")))).toEqual(['мʼясо']);
});

test('a long text is cut around the first match, at word boundaries, with ellipses', () => {
  const text = `${'alpha beta gamma delta '.repeat(20)}the needle sits here ${'omega psi chi '.repeat(20)}`;
  const parts = snippet(text, snippetTerms('needle'), 100);
  const s = whole(parts) ?? '';
  expect(s.startsWith('…')).toBe(true);
  expect(s.endsWith('…')).toBe(true);
  expect(s).toContain('[needle]');
  expect(s.length).toBeLessThanOrEqual(100 + 4);
  // No word is cut in half.
  expect(s).toMatch(/^…(alpha|beta|gamma|delta) /);
});

test('nothing when nothing matches or there is no query', () => {
  expect(snippet('some text', snippetTerms('absent'))).toBeUndefined();
  expect(snippet('some text', [])).toBeUndefined();
  expect(snippet('', ['x'])).toBeUndefined();
  // Markup in the text stays text: the parts are plain strings.
  expect(whole(snippet('<b>bold</b> claim', snippetTerms('bold')))).toBe('<b>[bold]</b> claim');
});
