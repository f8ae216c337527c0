/**
 * Turning a publisher's `content_html` into DOM that is safe to show. DOMPurify removes scripts,
 * event handlers and dangerous URLs; on top of that the reading view must not let an article
 * restyle or cover the app, frame other sites, submit forms, or steal the page's only `h1`.
 * Relative links and images are resolved here, against the article's `baseUrl`, with the
 * browser's own URL parser (the feed layer stays DOM-free).
 */
import DOMPurify from 'dompurify';
import { isTrackingPixel } from '../core/budget';
import { INLINE_IMAGE_MAX } from '../core/transfer/limits';

const FORBID_TAGS = [
  'style', 'link', 'meta', 'base', 'title', 'form', 'input', 'button', 'textarea', 'select', 'option',
  'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'portal', 'svg', 'math', 'template',
  'dialog', 'slot', 'noscript',
];
const FORBID_ATTR = [
  'style', 'class', 'id', 'name', 'srcdoc', 'formaction', 'action', 'ping', 'background', 'poster',
  'autofocus', 'tabindex', 'popover', 'contenteditable', 'slot', 'is', 'target',
];
const URL_ATTRS = ['href', 'src', 'cite', 'longdesc'];
const LINK_SCHEMES = new Set(['http:', 'https:', 'mailto:']);
const MEDIA_SCHEMES = new Set(['http:', 'https:']);
/** An inline image larger than a hand-off file may carry is dropped (base64 is 4/3 of the bytes). */
const MAX_DATA_URL = Math.ceil((INLINE_IMAGE_MAX * 4) / 3) + 64;

let currentBase = '';

function resolve(value: string, schemes: Set<string>): string | undefined {
  try {
    const url = new URL(value.trim(), currentBase);
    if (schemes.has(url.protocol)) return url.href;
    // Inline images from hand-off files are data: URLs; an <img> cannot run script.
    if (url.protocol === 'data:' && schemes === MEDIA_SCHEMES && /^data:image\/(png|jpe?g|gif|webp|avif);/i.test(value.trim()) && value.trim().length <= MAX_DATA_URL) {
      return value.trim();
    }
  } catch {
    // fall through: unusable URL
  }
  return undefined;
}

function resolveSrcset(value: string): string {
  return value
    .split(',')
    .map((candidate) => {
      const [url, ...descriptor] = candidate.trim().split(/\s+/);
      const resolved = url ? resolve(url, MEDIA_SCHEMES) : undefined;
      return resolved ? [resolved, ...descriptor].join(' ') : '';
    })
    .filter(Boolean)
    .join(', ');
}

let hooked = false;
function installHooks(): void {
  if (hooked) return;
  hooked = true;
  DOMPurify.addHook('afterSanitizeAttributes', (el) => {
    for (const attr of URL_ATTRS) {
      const value = el.getAttribute(attr);
      if (value === null) continue;
      const isLink = attr === 'href' || attr === 'cite' || attr === 'longdesc';
      const resolved = resolve(value, isLink ? LINK_SCHEMES : MEDIA_SCHEMES);
      if (resolved) el.setAttribute(attr, resolved);
      else el.removeAttribute(attr);
    }
    const srcset = el.getAttribute('srcset');
    if (srcset !== null) {
      const resolved = resolveSrcset(srcset);
      if (resolved) el.setAttribute('srcset', resolved);
      else el.removeAttribute('srcset');
    }
    if (el.hasAttribute('sizes') && !/\d/.test(el.getAttribute('sizes') ?? '')) el.removeAttribute('sizes');
    // `<area href>` is a link too: the same new tab, the same `rel`.
    if ((el.tagName === 'A' || el.tagName === 'AREA') && el.hasAttribute('href')) {
      el.setAttribute('target', '_blank');
      el.setAttribute('rel', 'noopener noreferrer');
    }
    if (el.tagName === 'IMG') {
      el.setAttribute('loading', 'lazy');
      el.setAttribute('decoding', 'async');
    }
  });
}

/** Sanitizes `html` into a fragment ready to insert into the reading view. */
export function sanitizeArticle(html: string, baseUrl: string): DocumentFragment {
  installHooks();
  currentBase = baseUrl;
  const fragment = DOMPurify.sanitize(html, {
    RETURN_DOM_FRAGMENT: true,
    FORBID_TAGS,
    FORBID_ATTR,
    ALLOW_DATA_ATTR: false,
    ALLOW_ARIA_ATTR: false,
  });
  // Tracking pixels (1×1, or 0 in a dimension) are dropped, so the reading view never fetches them.
  for (const img of Array.from(fragment.querySelectorAll('img'))) {
    if (isTrackingPixel(img.getAttribute('width'), img.getAttribute('height'))) img.remove();
  }
  // The article's title is the page's only h1; headings inside the body step down one level.
  for (const h1 of Array.from(fragment.querySelectorAll('h1'))) {
    const h2 = h1.ownerDocument.createElement('h2');
    h2.append(...Array.from(h1.childNodes));
    h1.replaceWith(h2);
  }
  return fragment;
}
