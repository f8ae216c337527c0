/**
 * Bytes → text for feed files. Order of authority: a byte-order mark, then the XML declaration's
 * `encoding`, then the HTTP charset, then UTF-8 if the bytes are valid UTF-8, else windows-1252
 * (what undeclared 8-bit feeds nearly always are).
 *
 * ISO-8859-1 and US-ASCII are read as windows-1252, as browsers do (WHATWG Encoding): the two
 * agree on every byte except 0x80–0x9F, where ISO-8859-1 has invisible control codes and
 * windows-1252 has the curly quotes, dashes and euro sign publishers actually meant. Some Node
 * builds decode the label `windows-1252` as plain Latin-1, so that range is mapped here.
 */

/** windows-1252 bytes 0x80–0x9F; 0 where the code page leaves a byte undefined (kept as is). */
const CP1252_HIGH = [
  0x20ac, 0, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017d, 0,
  0, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0, 0x017e, 0x0178,
];

const SINGLE_BYTE_WESTERN = new Set(['windows-1252', 'cp1252', 'x-cp1252', 'iso-8859-1', 'iso8859-1', 'latin1', 'l1', 'us-ascii', 'ascii', 'iso_8859-1', 'cp819', 'ibm819']);

export function decodeWindows1252(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 8192) {
    const chunk = bytes.subarray(i, i + 8192);
    const codes = Array.from(chunk, (b) => (b >= 0x80 && b <= 0x9f ? CP1252_HIGH[b - 0x80] || b : b));
    out += String.fromCharCode(...codes);
  }
  return out;
}

/** The encoding named by an XML declaration at the start of the bytes, lower-cased. */
function declaredEncoding(bytes: Uint8Array): string | undefined {
  const head = decodeWindows1252(bytes.subarray(0, 256));
  const m = /^\s*<\?xml\b[^>]*?\bencoding\s*=\s*["']([A-Za-z0-9._:-]+)["']/.exec(head);
  return m?.[1]?.toLowerCase();
}

export interface Decoded {
  text: string;
  /** The encoding actually used, and why, for the report. */
  encoding: string;
  /** Set when the text was not what was declared or assumed (a repair worth reporting). */
  repaired?: string;
}

export function decodeBytes(bytes: Uint8Array, httpCharset?: string): Decoded {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { text: utf8(bytes.subarray(3)), encoding: 'utf-8 (BOM)' };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le (BOM)' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be (BOM)' };
  const label = declaredEncoding(bytes) ?? httpCharset?.trim().toLowerCase();
  if (label && SINGLE_BYTE_WESTERN.has(label)) return { text: decodeWindows1252(bytes), encoding: label };
  if (label && label !== 'utf-8' && label !== 'utf8') {
    let decoder: TextDecoder | undefined;
    try {
      decoder = new TextDecoder(label);
    } catch {
      decoder = undefined;
    }
    if (decoder) return { text: decoder.decode(bytes), encoding: label };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    const why = label ? `declared ${label} but is not valid UTF-8` : 'no encoding declared and not valid UTF-8';
    return { text: decodeWindows1252(bytes), encoding: 'windows-1252', repaired: `${why}: read as windows-1252` };
  }
}

function utf8(bytes: Uint8Array): string {
  return new TextDecoder('utf-8').decode(bytes);
}
