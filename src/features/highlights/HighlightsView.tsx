/**
 * The Highlights view: every highlight and note on this device, newest first, with its quote,
 * note, article (a link that opens the article scrolled to the highlight), date and tags. Filter
 * by tag and colour, search quotes and notes, and export what is shown, everything, or one tag's
 * highlights as Markdown. Loaded lazily with its strings; reads only the phone's own storage.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import { COLOURS, newestFirst, type Colour, type Highlight } from '../../core/highlights/highlight';
import { toMarkdown } from '../../core/highlights/markdown';
import { withConnection } from '../../data/connection';
import { highlightsWithRows } from '../../data/highlights';
import type { ArticleRecord } from '../../data/schema';
import { t } from '../../i18n';
import { formatLongDate, isoDate } from '../../i18n/format';
import { th } from '../../i18n/highlights';
import { Link } from '../../ui/Link';
import { BASE } from '../../ui/navigation';
import { articleHref } from '../../core/routes';
import { queryWords, fold } from '../search/normalize';
import { deliverMarkdown, markdownName } from './file';
import { articleLink, highlightHref } from './links';
import './highlights.css';

/** The view's heading takes focus when the view opens, as the other views' do. */
const focusOnce = (el: HTMLHeadingElement | null) => el?.focus({ preventScroll: true });

interface Loaded {
  highlights: Highlight[];
  rows: Map<string, ArticleRecord>;
}

export function HighlightsView() {
  const [data, setData] = useState<Loaded>();
  const [failed, setFailed] = useState(false);
  const [q, setQ] = useState('');
  const [tag, setTag] = useState('');
  const [colour, setColour] = useState<Colour | ''>('');
  const [status, setStatus] = useState('');
  const s = th();

  useEffect(() => {
    document.title = s.title;
    let live = true;
    withConnection(highlightsWithRows).then(
      (d) => {
        if (live) setData({ highlights: [...d.highlights].sort(newestFirst), rows: d.rows });
      },
      () => {
        if (live) setFailed(true);
      },
    );
    return () => {
      live = false;
    };
  }, [s]);

  const titleOf = (h: Highlight) => data?.rows.get(h.articleId)?.title || h.title || s.articleGone;
  const tagsOf = (h: Highlight): readonly string[] => data?.rows.get(h.articleId)?.tags ?? [];

  const tags = useMemo(() => {
    const all = new Map<string, string>();
    for (const row of data?.rows.values() ?? []) for (const x of row.tags) if (!all.has(x.toLowerCase())) all.set(x.toLowerCase(), x);
    return [...all.values()].sort((a, b) => a.localeCompare(b));
  }, [data]);

  const shown = useMemo(() => {
    if (!data) return [];
    const words = queryWords(q);
    const wantTag = tag.toLowerCase();
    return data.highlights.filter((h) => {
      if (colour && h.colour !== colour) return false;
      if (wantTag && !(data.rows.get(h.articleId)?.tags ?? []).some((x) => x.toLowerCase() === wantTag)) return false;
      if (!words.length) return true;
      const hay = ` ${fold(`${h.quote.exact} ${h.note}`)}`;
      return words.every((w) => hay.includes(` ${w}`));
    });
  }, [data, q, tag, colour]);

  const exportList = async (list: readonly Highlight[], scope: string) => {
    const md = toMarkdown(list, { title: scope ? `${s.markdownTitle}: ${scope}` : s.markdownTitle, link: (h) => articleLink(articleHref(BASE, h.articleId), h), articleTitle: titleOf, noteLabel: s.markdownNote });
    const how = await deliverMarkdown(markdownName(scope, Date.now()), md);
    if (how !== 'cancelled') setStatus(s.exported(list.length));
  };

  const filtered = !!(q.trim() || tag || colour);
  return (
    <section class="highlights-view" aria-labelledby="hl-title">
      <h1 id="hl-title" tabIndex={-1} ref={focusOnce}>
        {s.title}
      </h1>
      <p class="note">{s.intro}</p>
      {failed && <p role="alert">{s.storeFailed}</p>}
      <div class="hl-filters">
        <div>
          <label for="hl-search">{s.search}</label>
          <input id="hl-search" type="search" value={q} onInput={(e) => setQ(e.currentTarget.value)} />
        </div>
        <div>
          <label for="hl-tag">{s.tag}</label>
          <select id="hl-tag" value={tag} onChange={(e) => setTag(e.currentTarget.value)}>
            <option value="">{s.allTags}</option>
            {tags.map((x) => (
              <option key={x} value={x}>
                {x}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label for="hl-colour">{s.colour}</label>
          <select id="hl-colour" value={colour} onChange={(e) => setColour(COLOURS.find((c) => c === e.currentTarget.value) ?? '')}>
            <option value="">{s.allColours}</option>
            {COLOURS.map((c) => (
              <option key={c} value={c}>
                {s.colours[c]}
              </option>
            ))}
          </select>
        </div>
      </div>
      <p role="status">{data ? (data.highlights.length === 0 ? s.none : shown.length === 0 ? s.noMatch : s.count(shown.length)) : t.loading}</p>
      {data && data.highlights.length > 0 && (
        <div class="button-row">
          <button type="button" class="secondary" onClick={() => void exportList(data.highlights, '')}>
            {s.exportAll}
          </button>
          {tag && (
            <button type="button" class="secondary" onClick={() => void exportList(data.highlights.filter((h) => tagsOf(h).some((x) => x.toLowerCase() === tag.toLowerCase())), tag)}>
              {s.exportTag(tag)}
            </button>
          )}
          {filtered && shown.length > 0 && (
            <button type="button" class="secondary" onClick={() => void exportList(shown, q.trim() || colour || tag)}>
              {s.exportShown}
            </button>
          )}
        </div>
      )}
      <p class="sr-only" aria-live="polite">
        {status}
      </p>
      <ul class="hl-list" aria-label={s.title}>
        {shown.map((h) => (
          <li key={h.id}>
            <blockquote class={`hl-${h.colour}`}>{h.quote.exact}</blockquote>
            {h.note && (
              <p class="hl-note">
                <span class="sr-only">{s.noteOn}: </span>
                {h.note}
              </p>
            )}
            <p class="hl-meta">
              <Link href={highlightHref(articleHref(BASE, h.articleId), h)}>{titleOf(h)}</Link>
              {' · '}
              <time dateTime={isoDate(h.createdAt)}>{formatLongDate(h.createdAt)}</time>
              {tagsOf(h).length > 0 && ` · ${tagsOf(h).join(', ')}`}
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}
