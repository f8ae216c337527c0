/**
 * The article's text as sentences, read from the page itself (the heading, then the body as
 * rendered), and the highlight of the sentence being spoken: its text wrapped, in place, in
 * `<span data-speaking>` elements (one per text node it crosses), unwrapped again afterwards.
 */
import { splitSentences } from '../../core/sentences';

const BLOCK =
  'p,li,h1,h2,h3,h4,h5,h6,blockquote,figcaption,caption,dd,dt,td,th,pre,div,section,article,aside,header,footer,figure,ul,ol,dl,table,tr,details,summary';
const SKIP = 'script,style,noscript,template,button,select,input,textarea,svg,math,[hidden],[aria-hidden="true"]';

export interface Sentence {
  /** The element it was collected from (the heading or the body). */
  root: Element;
  /** The block (paragraph, heading, list item…) it is in. */
  block: Element;
  /** Offsets into the block's own text (the text nodes whose nearest block it is). */
  start: number;
  end: number;
  text: string;
}

/** The nearest block around `node`, not above `root`. */
function blockOf(node: Node, root: Element): Element {
  const block = node.parentElement?.closest(BLOCK);
  return block && root.contains(block) ? block : root;
}

function ownTextNodes(block: Element, root: Element): Text[] {
  const out: Text[] = [];
  const walker = block.ownerDocument.createTreeWalker(block, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (n.parentElement?.closest(SKIP)) continue;
    if (blockOf(n, root) === block) out.push(n as Text);
  }
  return out;
}

/** Removes any highlight left in `root`. */
export function clearHighlight(root: ParentNode): void {
  for (const span of Array.from(root.querySelectorAll('span[data-speaking]'))) {
    const parent = span.parentNode;
    if (!parent) continue;
    span.replaceWith(...Array.from(span.childNodes));
    parent.normalize();
  }
}

/** The sentences of `roots`, in reading order, each in its block's language (else `lang`). */
export function collectSentences(roots: readonly Element[], lang: string): Sentence[] {
  const out: Sentence[] = [];
  for (const root of roots) {
    clearHighlight(root);
    const blocks: Element[] = [];
    const seen = new Set<Element>();
    const walker = root.ownerDocument.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      if (!n.nodeValue?.trim() || n.parentElement?.closest(SKIP)) continue;
      const block = blockOf(n, root);
      if (!seen.has(block)) {
        seen.add(block);
        blocks.push(block);
      }
    }
    for (const block of blocks) {
      const text = ownTextNodes(block, root)
        .map((n) => n.data)
        .join('');
      const blockLang = block.closest('[lang]')?.getAttribute('lang') || lang;
      for (const s of splitSentences(text, blockLang)) {
        out.push({ root, block, start: s.start, end: s.end, text: text.slice(s.start, s.end).replace(/\s+/g, ' ') });
      }
    }
  }
  return out;
}

/** Wraps sentence `s` in `<span data-speaking>` elements; returns the first, to scroll to. */
export function highlight(s: Sentence): HTMLElement | undefined {
  let first: HTMLElement | undefined;
  let offset = 0;
  for (const node of ownTextNodes(s.block, s.root)) {
    const nodeStart = offset;
    offset += node.data.length;
    const from = Math.max(s.start, nodeStart);
    const to = Math.min(s.end, offset);
    if (from >= to) continue;
    const piece = from > nodeStart ? node.splitText(from - nodeStart) : node;
    if (to - from < piece.data.length) piece.splitText(to - from);
    const span = s.root.ownerDocument.createElement('span');
    span.setAttribute('data-speaking', '');
    span.className = 'speaking';
    piece.replaceWith(span);
    span.append(piece);
    first ??= span;
  }
  return first;
}
