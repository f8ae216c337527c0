/**
 * Plain-text helpers for the pure feed layer. They never touch the DOM: list rows and search
 * only need text, and doing this without a parser keeps parsing testable in plain Node and
 * usable in a worker. Output is only ever rendered as text, so a sloppy tag strip is harmless.
 */

const NAMED: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', shy: '',
  hellip: '…', mdash: '—', ndash: '–', lsquo: '‘', rsquo: '’', sbquo: '‚',
  ldquo: '“', rdquo: '”', bdquo: '„', laquo: '«', raquo: '»', bull: '•', middot: '·',
  copy: '©', reg: '®', trade: '™', deg: '°', euro: '€', pound: '£', yen: '¥', cent: '¢',
  sect: '§', para: '¶', times: '×', divide: '÷', minus: '−', prime: '′', Prime: '″',
  iexcl: '¡', iquest: '¿', ordf: 'ª', ordm: 'º', thinsp: '\u2009', ensp: '\u2002',
  emsp: '\u2003', zwj: '\u200d', zwnj: '\u200c',
  aacute: 'á', eacute: 'é', iacute: 'í', oacute: 'ó', uacute: 'ú', ntilde: 'ñ', uuml: 'ü',
  Aacute: 'Á', Eacute: 'É', Iacute: 'Í', Oacute: 'Ó', Uacute: 'Ú', Ntilde: 'Ñ', Uuml: 'Ü',
  auml: 'ä', ouml: 'ö', Auml: 'Ä', Ouml: 'Ö', szlig: 'ß', ccedil: 'ç', Ccedil: 'Ç',
  agrave: 'à', egrave: 'è', ograve: 'ò', atilde: 'ã', otilde: 'õ', acirc: 'â', ecirc: 'ê',
  ocirc: 'ô',
};

/** Decodes HTML character references (numeric, and the common named ones). */
export function decodeEntities(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#[xX][0-9a-fA-F]{1,6}|#\d{1,7}|[a-zA-Z][a-zA-Z0-9]{1,31});/g, (whole, ref: string) => {
    if (ref[0] === '#') {
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      // Refuse NUL, surrogates and out-of-range code points rather than produce broken strings.
      if (!code || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return '\ufffd';
      return String.fromCodePoint(code);
    }
    return NAMED[ref] ?? whole;
  });
}

/** Collapses all runs of white space (including newlines) to single spaces and trims. */
export function squash(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

const DROP_WITH_CONTENT = /<(script|style|template|noscript|title|head|svg|math|iframe|object)\b[\s\S]*?<\/\1\s*>/gi;
const BLOCK_BOUNDARY = /<\/?(p|div|br|hr|li|ul|ol|h[1-6]|blockquote|pre|figure|figcaption|tr|td|th|table|section|article|header|footer)\b[^>]*>/gi;

/** Turns an HTML fragment into readable plain text: tags gone, entities decoded, spaces squashed. */
export function htmlToText(html: string): string {
  const text = html
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(DROP_WITH_CONTENT, ' ')
    .replace(BLOCK_BOUNDARY, ' ')
    .replace(/<\/?[a-zA-Z][^>]*>/g, '')
    .replace(/<[!?/][^>]*>/g, '');
  return squash(decodeEntities(text));
}

/**
 * Cuts text to at most `max` characters including the added "…", at a word boundary when one
 * is near.
 * Never splits a surrogate pair, so emoji at the cut do not turn into replacement glyphs.
 */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = text.slice(0, max - 1); // leave room for the ellipsis
  const lastSpace = cut.lastIndexOf(' ');
  const atWordEnd = /\s/.test(text.charAt(max - 1));
  if (!atWordEnd && lastSpace > max * 0.6) cut = cut.slice(0, lastSpace);
  const last = cut.charCodeAt(cut.length - 1);
  if (last >= 0xd800 && last <= 0xdbff) cut = cut.slice(0, -1);
  return `${cut.replace(/[\s,;:.\-–—]+$/, '')}…`;
}

/** A title for an untitled item: the first sentence or line of its text, clipped. */
export function titleFromText(text: string, max = 80): string {
  const firstSentence = /^(.{12,}?[.!?…])(\s|$)/.exec(text);
  return clip(firstSentence?.[1] ?? text, max);
}
