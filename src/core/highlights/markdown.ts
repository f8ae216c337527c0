/**
 * Highlights as Markdown, for pasting into a leaflet, a message or a notes app: grouped by
 * article (a heading linking to it), each highlight a `>` quote followed by its note. Pure.
 */
import type { Highlight } from './highlight';

export interface MarkdownOptions {
  /** The file's heading. */
  title: string;
  /** The link to an article: its own URL, else the app's page for it. */
  link(h: Highlight): string;
  /** The article's current title, when it is still stored. */
  articleTitle(h: Highlight): string;
  /** Words for the note's label, in the UI's language ("Note"). */
  noteLabel: string;
}

/** Characters that would start Markdown syntax inside a link text. */
const escapeText = (s: string) => s.replace(/([\\`*_[\]<>#|])/g, '\\$1');
/** A URL inside `( )`: spaces and parentheses encoded, so the link cannot end early. */
const escapeUrl = (s: string) => s.replace(/[\s()<>]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);

/** `>` on every line, so a quote of several paragraphs stays one quote. */
function quoted(s: string): string {
  return s
    .trim()
    .split(/\r?\n/)
    .map((line) => (line.trim() ? `> ${line.trim()}` : '>'))
    .join('\n');
}

/** The highlights as one Markdown document, articles in the order their first highlight comes. */
export function toMarkdown(highlights: readonly Highlight[], o: MarkdownOptions): string {
  const groups = new Map<string, Highlight[]>();
  for (const h of highlights) {
    const group = groups.get(h.articleId);
    if (group) group.push(h);
    else groups.set(h.articleId, [h]);
  }
  const out: string[] = [`# ${escapeText(o.title)}`, ''];
  for (const group of groups.values()) {
    const first = group[0];
    if (!first) continue;
    out.push(`## [${escapeText(o.articleTitle(first))}](${escapeUrl(o.link(first))})`, '');
    for (const h of group) {
      out.push(quoted(h.quote.exact), '');
      if (h.note.trim()) out.push(`${o.noteLabel}: ${h.note.trim()}`, '');
    }
  }
  return `${out.join('\n').trimEnd()}\n`;
}
