import { describe, expect, test } from 'vitest';
import { clearHighlight, collectSentences, highlight } from '../../../../src/features/listen/text';

function page(html: string): HTMLElement {
  const root = document.createElement('div');
  root.innerHTML = html;
  document.body.replaceChildren(root);
  return root;
}

describe('the article as sentences', () => {
  test('in reading order, block by block, in each block’s language; hidden and control text left out', () => {
    const root = page(
      '<h1>Title here</h1><div class="prose"><p>One. Two <em>and a half</em>. Three!</p>' +
        '<ul><li>Item one.<p>Nested para.</p></li></ul><p lang="uk">Д-р Іван прийшов. Так.</p>' +
        '<p aria-hidden="true">Hidden.</p><p><button>Press</button>Last.</p></div>',
    );
    const got = collectSentences([root], 'en').map((s) => s.text);
    expect(got).toEqual(['Title here', 'One.', 'Two and a half.', 'Three!', 'Item one.', 'Nested para.', 'Д-р Іван прийшов.', 'Так.', 'Last.']);
  });

  test('the highlight wraps exactly the sentence, across inline elements, and goes away without a trace', () => {
    const root = page('<p>Before. Two <em>and a</em> half. After.</p>');
    const before = root.innerHTML;
    const sentences = collectSentences([root], 'en');
    const second = sentences[1];
    expect(second?.text).toBe('Two and a half.');
    if (!second) return;
    const first = highlight(second);
    expect(first?.textContent).toBe('Two ');
    const marked = Array.from(root.querySelectorAll('[data-speaking]')).map((e) => e.textContent);
    expect(marked.join('')).toBe('Two and a half.');
    expect(root.querySelector('em [data-speaking]')?.textContent).toBe('and a');
    clearHighlight(root);
    expect(root.querySelectorAll('[data-speaking]')).toHaveLength(0);
    expect(root.innerHTML).toBe(before);
    // Collecting again after a highlight finds the same sentences.
    const third = collectSentences([root], 'en')[2];
    if (third) highlight(third);
    expect(collectSentences([root], 'en').map((s) => s.text)).toEqual(sentences.map((s) => s.text));
  });
});
