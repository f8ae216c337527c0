/**
 * Guards the sanitizer tests. Under happy-dom, DOMPurify reports `isSupported` but does not
 * sanitize unless `dompurify-happy-dom.ts` is loaded first (see that file for why).
 */
import { nodeIteratorNeedsPatch, nodeNameNeedsPatch } from './dompurify-happy-dom';
import DOMPurify from 'dompurify';
import { expect, test } from 'vitest';

test('DOMPurify reports itself supported in this environment', () => {
  expect(DOMPurify.isSupported).toBe(true);
});

test('happy-dom still needs both patches (when this fails, drop the patch that is no longer needed)', () => {
  expect({ nodeNameNeedsPatch, nodeIteratorNeedsPatch }).toEqual({ nodeNameNeedsPatch: true, nodeIteratorNeedsPatch: true });
});

test('the patched NodeIterator carries on after the current node is removed, like a browser', () => {
  const root = document.createElement('div');
  root.innerHTML = '<p>a<script>x</script><img><b>c</b></p><i>d</i>';
  const iterator = document.createNodeIterator(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
  const seen: string[] = [];
  for (let n = iterator.nextNode(); n; n = iterator.nextNode()) {
    seen.push(n.nodeName);
    if (n.nodeName === 'SCRIPT') n.parentNode?.removeChild(n);
  }
  expect(seen).toEqual(['DIV', 'P', '#text', 'SCRIPT', 'IMG', 'B', '#text', 'I', '#text']);
});

test('with the patches, DOMPurify removes scripts, handlers and javascript: URLs anywhere in the input', () => {
  expect(
    DOMPurify.sanitize('<p>a<script>alert(1)</script><img src="x.png" onerror="alert(1)"><a href="javascript:alert(1)">j</a></p><p onclick="x()">b</p>'),
  ).toBe('<p>a<img src="x.png"><a>j</a></p><p>b</p>');
});
