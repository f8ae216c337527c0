/**
 * HTML bodies are kept as HTML (the app sanitizes them at render time); only their relative
 * links are made absolute here, against the item's own link, so they still work once the body
 * is served from the archive's `bodies/` folder.
 */

const TAG = /<[a-zA-Z][^>]*>/g;
const URL_ATTR = /(\s)(href|src|poster|cite|srcset)(\s*=\s*)("[^"]*"|'[^']*'|[^\s"'>]+)/gi;
const ABSOLUTE = /^(?:[a-zA-Z][a-zA-Z0-9+.-]*:|#|\/\/)/;

function resolveOne(raw: string, base: string): string {
  const v = raw.trim();
  if (!v || ABSOLUTE.test(v) && !v.startsWith('//')) return raw;
  try {
    return new URL(v.replace(/&amp;/g, '&'), base).href.replace(/&/g, '&amp;');
  } catch {
    return raw;
  }
}

function resolveSrcset(value: string, base: string): string {
  return value
    .split(',')
    .map((part) => {
      const m = /^(\s*)(\S+)(.*)$/s.exec(part);
      return m ? `${m[1] ?? ''}${resolveOne(m[2] ?? '', base)}${m[3] ?? ''}` : part;
    })
    .join(',');
}

/** Rewrites href/src/poster/cite/srcset values that are relative into absolute URLs. */
export function resolveLinks(html: string, base: string | undefined): { html: string; changed: number } {
  if (!base) return { html, changed: 0 };
  let changed = 0;
  const out = html.replace(TAG, (tag) =>
    tag.replace(URL_ATTR, (whole, pre: string, name: string, eq: string, quoted: string) => {
      const q = quoted.startsWith('"') || quoted.startsWith("'") ? quoted.charAt(0) : '';
      const value = q ? quoted.slice(1, -1) : quoted;
      const next = name.toLowerCase() === 'srcset' ? resolveSrcset(value, base) : resolveOne(value, base);
      if (next === value) return whole;
      changed++;
      return `${pre}${name}${eq}${q || '"'}${next}${q || '"'}`;
    }),
  );
  return { html: out, changed };
}

/** Distinct image URLs in a body (`<img src>`), for the archive's image count. */
export function imageUrls(html: string): string[] {
  const out = new Set<string>();
  for (const m of html.matchAll(/<img\b[^>]*?\ssrc\s*=\s*("[^"]*"|'[^']*'|[^\s"'>]+)/gi)) {
    const v = (m[1] ?? '').replace(/^["']|["']$/g, '').trim();
    if (v) out.add(v);
  }
  return [...out];
}
