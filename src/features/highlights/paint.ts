/**
 * The reader's text and how highlights are drawn on it. The text a highlight is anchored on is
 * the article body's `textContent` (its text nodes in document order), so an offset means the
 * same thing whatever the markup around it. Drawing uses the CSS Custom Highlight API where the
 * browser has it (no change to the sanitized DOM at all), else `<mark data-highlight-id>`
 * elements wrapped around text nodes with DOM calls only: no HTML is ever built from strings, so
 * the sanitizer's guarantees hold.
 */
import type { Range as TextRange } from '../../core/highlights/anchor';
import type { Colour, Highlight } from '../../core/highlights/highlight';
import { COLOURS } from '../../core/highlights/highlight';

interface Piece {
  node: Text;
  start: number;
}

/** The body's text nodes with the offset where each starts. */
function pieces(root: Node): Piece[] {
  const out: Piece[] = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  let at = 0;
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const text = n as Text;
    out.push({ node: text, start: at });
    at += text.data.length;
  }
  return out;
}

/** The body's plain text: what highlights are anchored on. */
export function plainText(root: Node): string {
  return root.textContent ?? '';
}

/** Where a DOM boundary point falls in the plain text. */
function offsetOf(root: Node, node: Node, offset: number): number {
  const range = document.createRange();
  range.selectNodeContents(root);
  range.setEnd(node, offset);
  return textLength(range);
}

/** Characters of text nodes inside a range (unlike `toString`, no line breaks added). */
function textLength(range: Range): number {
  return range.cloneContents().textContent.length;
}

/** The selection's place in the plain text, when it lies inside `root` and selects something. */
export function selectionOffsets(root: Node, selection: Selection | null): TextRange | undefined {
  if (!selection || selection.isCollapsed || selection.rangeCount === 0) return undefined;
  const range = selection.getRangeAt(0);
  if (!root.contains(range.commonAncestorContainer)) return undefined;
  const start = offsetOf(root, range.startContainer, range.startOffset);
  const end = offsetOf(root, range.endContainer, range.endOffset);
  const text = plainText(root);
  // Leave out whitespace at either end, as selecting a word by double-click often includes it.
  let s = Math.min(start, end);
  let e = Math.max(start, end);
  while (s < e && /\s/.test(text[s] ?? '')) s++;
  while (e > s && /\s/.test(text[e - 1] ?? '')) e--;
  return e > s ? { start: s, end: e } : undefined;
}

/** A DOM range over plain-text offsets `[start, end)`. */
export function domRange(root: Node, start: number, end: number): Range | undefined {
  const all = pieces(root);
  const find = (offset: number, preferNext: boolean) => {
    for (const p of all) {
      const len = p.node.data.length;
      if (offset < p.start + len || (!preferNext && offset === p.start + len)) return { node: p.node, offset: Math.max(0, offset - p.start) };
    }
    const last = all[all.length - 1];
    return last ? { node: last.node, offset: last.node.data.length } : undefined;
  };
  const a = find(start, true);
  const b = find(end, false);
  if (!a || !b) return undefined;
  const range = document.createRange();
  range.setStart(a.node, a.offset);
  range.setEnd(b.node, b.offset);
  return range;
}

/** A highlight placed in the text. */
export interface Placed {
  highlight: Highlight;
  at: TextRange;
}

/** The CSS Custom Highlight API, where the browser has it. */
function registry(): { set(name: string, h: unknown): void; delete(name: string): void } | undefined {
  const css = (globalThis as { CSS?: { highlights?: { set(name: string, h: unknown): void; delete(name: string): void } } }).CSS;
  return css?.highlights && typeof (globalThis as { Highlight?: unknown }).Highlight === 'function' ? css.highlights : undefined;
}

const HighlightClass = () => (globalThis as unknown as { Highlight: new (...ranges: Range[]) => unknown }).Highlight;

/** The name each colour is registered under in `CSS.highlights` (styled in highlights.css). */
const highlightName = (c: Colour) => `broadsheet-${c}`;

/** Draws the placed highlights on `root`, replacing whatever was drawn before. */
export function paint(root: HTMLElement, placed: readonly Placed[], forceMarks = false): void {
  unpaint(root);
  const reg = forceMarks ? undefined : registry();
  if (reg) {
    for (const colour of COLOURS) {
      const ranges = placed.filter((p) => p.highlight.colour === colour).flatMap((p) => domRange(root, p.at.start, p.at.end) ?? []);
      if (ranges.length) reg.set(highlightName(colour), new (HighlightClass())(...ranges));
    }
    return;
  }
  // Fallback: wrap each text node (or part of one) in a mark, starting from the end so earlier
  // offsets stay valid while nodes are split.
  for (const p of [...placed].sort((a, b) => b.at.start - a.at.start)) wrap(root, p);
}

function wrap(root: HTMLElement, p: Placed): void {
  for (const piece of pieces(root).reverse()) {
    const len = piece.node.data.length;
    const from = Math.max(p.at.start, piece.start);
    const to = Math.min(p.at.end, piece.start + len);
    if (from >= to) continue;
    // Never wrap inside an existing mark of another highlight: overlapping parts stay with the first.
    if (piece.node.parentElement?.closest('mark[data-highlight-id]')) continue;
    let node = piece.node;
    if (to - piece.start < len) node.splitText(to - piece.start);
    if (from > piece.start) node = node.splitText(from - piece.start);
    const mark = document.createElement('mark');
    mark.dataset.highlightId = p.highlight.id;
    mark.className = `hl hl-${p.highlight.colour}`;
    node.replaceWith(mark);
    mark.append(node);
  }
}

/** Removes everything `paint` drew. */
export function unpaint(root: HTMLElement): void {
  const reg = registry();
  if (reg) for (const colour of COLOURS) reg.delete(highlightName(colour));
  for (const mark of Array.from(root.querySelectorAll('mark[data-highlight-id]'))) {
    const parent = mark.parentNode;
    mark.replaceWith(...Array.from(mark.childNodes));
    parent?.normalize();
  }
}

/** The plain-text offset under a point on the screen, for a tap on a highlight. */
export function offsetAtPoint(root: HTMLElement, x: number, y: number): number | undefined {
  // Typed loosely: older browsers have only one of the two (caretRangeFromPoint is WebKit's).
  const doc = document as unknown as {
    caretPositionFromPoint?: (x: number, y: number) => { offsetNode: Node; offset: number } | null;
    caretRangeFromPoint?: (x: number, y: number) => Range | null;
  };
  const pos = doc.caretPositionFromPoint?.(x, y);
  if (pos && root.contains(pos.offsetNode)) return offsetOf(root, pos.offsetNode, pos.offset);
  const range = doc.caretRangeFromPoint?.(x, y);
  if (range && root.contains(range.startContainer)) return offsetOf(root, range.startContainer, range.startOffset);
  return undefined;
}
