/**
 * Makes DOMPurify work under happy-dom, so the sanitizer tests test the sanitizer.
 *
 * happy-dom 21 has two deviations from the DOM standard that break DOMPurify 3.5 silently
 * (`DOMPurify.isSupported` is still `true`); browsers have neither:
 *
 * 1. `Node.prototype.nodeName` is a getter that returns '' (subclasses override it). DOMPurify
 *    reads `nodeName` through the cached `Node.prototype` getter (to resist DOM clobbering), so
 *    every element looks like a tag named '' that is not allow-listed.
 * 2. `NodeIterator` does not run the "pre-removing steps": when the node the iterator stands on
 *    is removed, `nextNode()` walks on inside the detached node and then stops. DOMPurify removes
 *    the node it stands on (a <script>, say), so nothing after the first removed node is
 *    sanitized: `<script></script><img onerror=…>` keeps its `onerror`.
 *
 * Import this module BEFORE anything that imports `dompurify` (DOMPurify captures both the getter
 * and `createNodeIterator` when it is first evaluated). Each patch is applied only when the
 * deviation is detected. `dompurify-env.test.ts` checks that DOMPurify really sanitizes with the
 * patches, and tells when happy-dom no longer needs them.
 */

// ---- 1. nodeName -------------------------------------------------------------------------------

const nodeNameDescriptor = Object.getOwnPropertyDescriptor(Node.prototype, 'nodeName');
/** happy-dom's own getter (the descriptor is kept: the patch below replaces the property). */
const baseNodeName = (node: Node): unknown => nodeNameDescriptor?.get?.call(node);

export const nodeNameNeedsPatch = nodeNameDescriptor?.get !== undefined && baseNodeName(document.createElement('p')) !== 'P';

if (nodeNameDescriptor && nodeNameNeedsPatch) {
  Object.defineProperty(Node.prototype, 'nodeName', {
    configurable: true,
    enumerable: nodeNameDescriptor.enumerable ?? false,
    get(this: Node): string {
      for (let proto = Object.getPrototypeOf(this) as object | null; proto && proto !== Node.prototype; proto = Object.getPrototypeOf(proto) as object | null) {
        const own = Object.getOwnPropertyDescriptor(proto, 'nodeName');
        if (own?.get) return own.get.call(this) as string;
      }
      return baseNodeName(this) as string;
    },
  });
}

// ---- 2. NodeIterator ---------------------------------------------------------------------------

function iteratorSkipsAfterRemoval(): boolean {
  const root = document.createElement('div');
  root.innerHTML = '<i>x</i><b></b>';
  const iterator = document.createNodeIterator(root, NodeFilter.SHOW_ELEMENT);
  iterator.nextNode(); // root
  const first = iterator.nextNode(); // <i>
  first?.parentNode?.removeChild(first);
  return iterator.nextNode()?.nodeName !== 'B';
}

export const nodeIteratorNeedsPatch = iteratorSkipsAfterRemoval();

/** The next node after `node` in tree order, staying inside `root`. */
function following(node: Node, root: Node): Node | null {
  if (node.firstChild) return node.firstChild;
  for (let n: Node | null = node; n && n !== root; n = n.parentNode) {
    if (n.nextSibling) return n.nextSibling;
  }
  return null;
}

/** The node before `node` in tree order: the previous sibling's last descendant, or the parent. */
function preceding(node: Node): Node | null {
  let n = node.previousSibling;
  if (!n) return node.parentNode;
  while (n.lastChild) n = n.lastChild;
  return n;
}

/**
 * A forward-only NodeIterator that behaves like the standard one when its reference node is
 * removed: it carries on from where that node was (DOMPurify only removes the node it stands on,
 * or inserts after it, between two `nextNode()` calls).
 */
class LiveNodeIterator {
  private reference: Node;
  private beforeReference = true;
  private resumeFrom: Node | null = null;

  constructor(
    readonly root: Node,
    readonly whatToShow: number,
    readonly filter: NodeFilter | null,
  ) {
    this.reference = root;
  }

  get referenceNode(): Node {
    return this.reference;
  }

  get pointerBeforeReferenceNode(): boolean {
    return this.beforeReference;
  }

  nextNode(): Node | null {
    let node = this.reference;
    let before = this.beforeReference;
    if (node !== this.root && !this.root.contains(node)) {
      // The reference was removed: the standard moves it to the node that preceded it.
      if (!this.resumeFrom || (this.resumeFrom !== this.root && !this.root.contains(this.resumeFrom))) {
        throw new Error('LiveNodeIterator: lost its position (both the node and its predecessor were removed)');
      }
      node = this.resumeFrom;
      before = false;
    }
    for (;;) {
      if (before) before = false;
      else {
        const next = following(node, this.root);
        if (!next) return null;
        node = next;
      }
      if (this.accepts(node)) {
        this.reference = node;
        this.beforeReference = false;
        this.resumeFrom = preceding(node);
        return node;
      }
    }
  }

  previousNode(): Node | null {
    throw new Error('LiveNodeIterator: previousNode is not implemented');
  }

  detach(): void {}

  private accepts(node: Node): boolean {
    if (!((this.whatToShow >> (node.nodeType - 1)) & 1)) return false;
    if (!this.filter) return true;
    const result = typeof this.filter === 'function' ? this.filter(node) : this.filter.acceptNode(node);
    return result === NodeFilter.FILTER_ACCEPT;
  }
}

if (nodeIteratorNeedsPatch) {
  // Patch the prototype that really owns the method: under vitest's happy-dom environment the
  // global `Document` is not the class `document` is built from.
  let owner: object | null = document;
  while (owner && !Object.prototype.hasOwnProperty.call(owner, 'createNodeIterator')) owner = Object.getPrototypeOf(owner) as object | null;
  if (!owner) throw new Error('dompurify-happy-dom: no createNodeIterator to patch');
  Object.defineProperty(owner, 'createNodeIterator', {
    configurable: true,
    writable: true,
    value(root: Node, whatToShow = 0xffffffff, filter: NodeFilter | null = null): NodeIterator {
      return new LiveNodeIterator(root, whatToShow, filter);
    },
  });
}
