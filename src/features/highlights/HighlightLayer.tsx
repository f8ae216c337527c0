/**
 * Highlights in the reading view, loaded lazily once an article is shown. Selecting text (touch,
 * mouse, or Shift+arrows with caret browsing) shows a small toolbar below the selection, where the
 * phone's own selection menu is not: Highlight, Note, Copy quote. Keys while text is selected:
 * H highlights, N adds a note, T moves focus to the toolbar; Escape closes it. Tapping a
 * highlight (or its entry under the article) offers Edit note, the colours and Remove.
 *
 * On every opening the stored highlights are anchored on the article's current text: moved ones
 * are re-anchored and stored again; ones no longer found are kept and listed under the article,
 * "Not found in the updated text". Every change is written at once, offline.
 */
import type { RefObject } from 'preact';
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { revisionOf } from '../../core/article';
import type { Article } from '../../core/feed/types';
import { anchor, describe, type Range as TextRange } from '../../core/highlights/anchor';
import { COLOURS, reanchored, withColour, withNote, type Colour, type Highlight } from '../../core/highlights/highlight';
import { toMarkdown } from '../../core/highlights/markdown';
import { withConnection } from '../../data/connection';
import { deleteHighlight, highlightsOf, putHighlight, putHighlights } from '../../data/highlights';
import { t } from '../../i18n';
import { th } from '../../i18n/highlights';
import { BASE } from '../../ui/navigation';
import { articleHref } from '../../core/routes';
import type { Library } from '../sync/library';
import { deliverMarkdown, markdownName } from './file';
import { articleLink, wantedHighlight } from './links';
import { domRange, offsetAtPoint, paint, plainText, selectionOffsets, unpaint, type Placed } from './paint';
import './highlights.css';

export interface HighlightLayerProps {
  article: Article;
  /** The reading view's root; the body is its `.prose`. */
  root: RefObject<HTMLElement | null>;
  library: Library;
}

type Floating = { kind: 'selection'; at: TextRange } | { kind: 'highlight'; id: string; focus: boolean };

const LAST_COLOUR = 'broadsheet-highlight-colour';
const lastColour = (): Colour => {
  try {
    return COLOURS.find((c) => c === localStorage.getItem(LAST_COLOUR)) ?? 'yellow';
  } catch {
    return 'yellow';
  }
};

function isTyping(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return !!el && (el.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName));
}

export function HighlightLayer({ article, root, library }: HighlightLayerProps) {
  const [placed, setPlaced] = useState<Placed[]>([]);
  const [lost, setLost] = useState<Highlight[]>([]);
  const [floating, setFloating] = useState<Floating>();
  const [position, setPosition] = useState<{ top: number; left: number }>();
  const [editing, setEditing] = useState<Highlight>();
  const [status, setStatus] = useState('');
  const toolbar = useRef<HTMLDivElement>(null);
  const dialog = useRef<HTMLDialogElement>(null);
  const noteBox = useRef<HTMLTextAreaElement>(null);
  const scrolledTo = useRef<string | undefined>(undefined);

  const prose = useCallback(() => root.current?.querySelector<HTMLElement>('.prose') ?? undefined, [root]);
  const title = article.title || t.untitled;

  // Anchor the stored highlights on the text as it is now, re-anchoring moved ones.
  const load = useCallback(async () => {
    const body = prose();
    if (!body) return;
    const stored = await withConnection(highlightsOf, article.id).catch(() => [] as Highlight[]);
    const text = plainText(body);
    const rev = revisionOf(article);
    const found: Placed[] = [];
    const missing: Highlight[] = [];
    const moved: Highlight[] = [];
    for (const h of stored) {
      const at = anchor(text, h.quote, h.position);
      if (!at) {
        missing.push(h);
        continue;
      }
      if (at.start !== h.position.start || at.end !== h.position.end || h.rev !== rev) {
        const d = describe(text, at.start, at.end);
        const next = reanchored(h, d.position, rev, d.quote);
        moved.push(next);
        found.push({ highlight: next, at });
      } else found.push({ highlight: h, at });
    }
    found.sort((a, b) => a.at.start - b.at.start);
    missing.sort((a, b) => a.createdAt - b.createdAt);
    if (moved.length) await withConnection(putHighlights, moved).catch(() => {});
    setPlaced(found);
    setLost(missing);
  }, [article, prose]);

  useEffect(() => {
    void load();
  }, [load]);

  useLayoutEffect(() => {
    const body = prose();
    if (!body) return;
    paint(body, placed);
    return () => unpaint(body);
  }, [placed, prose]);

  // Opened from the Highlights view: scroll to the highlight asked for, once.
  useEffect(() => {
    const id = wantedHighlight();
    const body = prose();
    const target = placed.find((p) => p.highlight.id === id);
    if (!id || !body || !target || scrolledTo.current === id) return;
    scrolledTo.current = id;
    const rect = domRange(body, target.at.start, target.at.end)?.getBoundingClientRect();
    if (rect) scrollTo({ top: Math.max(0, scrollY + rect.top - innerHeight / 3) });
  }, [placed, prose]);

  // The toolbar sits below what it is about, kept inside the screen, and follows scrolling.
  const place = useCallback(() => {
    const body = prose();
    if (!body || !floating) {
      setPosition(undefined);
      return;
    }
    const at = floating.kind === 'selection' ? floating.at : placed.find((p) => p.highlight.id === floating.id)?.at;
    const rects = at ? domRange(body, at.start, at.end)?.getClientRects() : undefined;
    const last = rects && rects.length ? rects[rects.length - 1] : undefined;
    if (!last) {
      setPosition(undefined);
      return;
    }
    const width = toolbar.current?.offsetWidth ?? 240;
    const height = toolbar.current?.offsetHeight ?? 52;
    const top = Math.min(last.bottom + 10, innerHeight - height - 8);
    const left = Math.max(8, Math.min(last.left, innerWidth - width - 8));
    setPosition({ top, left });
  }, [floating, placed, prose]);

  useLayoutEffect(() => {
    place();
    if (!floating) return;
    addEventListener('scroll', place, { passive: true });
    addEventListener('resize', place);
    return () => {
      removeEventListener('scroll', place);
      removeEventListener('resize', place);
    };
  }, [floating, place]);

  // A highlight opened by a tap or from the list below gets focus on its first action.
  useEffect(() => {
    if (floating?.kind === 'highlight' && floating.focus) toolbar.current?.querySelector('button')?.focus({ preventScroll: true });
  }, [floating]);

  // Text selected in the body shows the toolbar; a selection gone hides it, unless focus is in it.
  useEffect(() => {
    let frame = 0;
    const onChange = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => {
        const body = prose();
        const at = body ? selectionOffsets(body, getSelection()) : undefined;
        if (at) setFloating({ kind: 'selection', at });
        else if (!toolbar.current?.contains(document.activeElement)) setFloating((f) => (f?.kind === 'selection' ? undefined : f));
      });
    };
    document.addEventListener('selectionchange', onChange);
    // Text selected before this code arrived counts too.
    onChange();
    return () => {
      cancelAnimationFrame(frame);
      document.removeEventListener('selectionchange', onChange);
    };
  }, [prose]);

  const refreshSearch = () => {
    try {
      library.search().refresh();
    } catch {
      // search is optional
    }
  };

  const store = async (h: Highlight) => {
    try {
      await withConnection(putHighlight, h);
      refreshSearch();
      return true;
    } catch {
      setStatus(th().storeFailed);
      return false;
    }
  };

  const create = async (at: TextRange): Promise<Highlight | undefined> => {
    const body = prose();
    if (!body) return undefined;
    const now = Date.now();
    const d = describe(plainText(body), at.start, at.end);
    const h: Highlight = {
      id: crypto.randomUUID(),
      articleId: article.id,
      title,
      ...(article.url ? { url: article.url } : {}),
      quote: d.quote,
      position: d.position,
      rev: revisionOf(article),
      colour: lastColour(),
      note: '',
      createdAt: now,
      updatedAt: now,
    };
    if (!(await store(h))) return undefined;
    getSelection()?.removeAllRanges();
    setPlaced((list) => [...list, { highlight: h, at: d.position }].sort((a, b) => a.at.start - b.at.start));
    setFloating(undefined);
    setStatus(th().saved);
    return h;
  };

  const openNote = (h: Highlight) => {
    setFloating(undefined);
    setEditing(h);
  };

  useEffect(() => {
    const d = dialog.current;
    if (!editing || !d) return;
    if (!d.open) d.showModal();
    if (noteBox.current) {
      noteBox.current.value = editing.note;
      noteBox.current.focus();
    }
  }, [editing]);

  const update = async (next: Highlight) => {
    if (!(await store(next))) return;
    setPlaced((list) => list.map((p) => (p.highlight.id === next.id ? { ...p, highlight: next } : p)));
    setLost((list) => list.map((h) => (h.id === next.id ? next : h)));
  };

  const saveNote = async (e: Event) => {
    e.preventDefault();
    const h = editing;
    if (!h) return;
    dialog.current?.close();
    setEditing(undefined);
    await update(withNote(h, noteBox.current?.value ?? '', Date.now()));
    setStatus(th().saved);
  };

  const remove = async (h: Highlight) => {
    try {
      await withConnection(deleteHighlight, h);
    } catch {
      setStatus(th().storeFailed);
      return;
    }
    refreshSearch();
    setPlaced((list) => list.filter((p) => p.highlight.id !== h.id));
    setLost((list) => list.filter((x) => x.id !== h.id));
    setFloating(undefined);
    setStatus(th().removed);
  };

  const recolour = async (h: Highlight, colour: Colour) => {
    try {
      localStorage.setItem(LAST_COLOUR, colour);
    } catch {
      // the choice is only remembered where storage allows
    }
    await update(withColour(h, colour, Date.now()));
  };

  const copyQuote = async (at: TextRange) => {
    const body = prose();
    if (!body) return;
    const quote = plainText(body).slice(at.start, at.end).replace(/\s+/g, ' ').trim();
    const text = `“${quote}”\n— ${title}\n${articleLink(articleHref(BASE, article.id), article.url ? { url: article.url } : {})}`;
    try {
      await navigator.clipboard.writeText(text);
      setStatus(th().quoteCopied);
    } catch {
      setStatus(th().copyFailed);
    }
    setFloating(undefined);
  };

  // Keys while text is selected or a toolbar is open. Escape is taken here, before the app's
  // own Escape (back to the list) sees it.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey) return;
      if (editing) {
        // Escape in the note dialog closes the dialog, not the article.
        if (e.key === 'Escape') {
          e.preventDefault();
          dialog.current?.close();
        }
        return;
      }
      if (e.key === 'Escape' && floating) {
        e.preventDefault();
        const wasHighlight = floating.kind === 'highlight';
        setFloating(undefined);
        if (wasHighlight) root.current?.querySelector<HTMLElement>('h1')?.focus({ preventScroll: true });
        return;
      }
      if (floating?.kind !== 'selection' || isTyping(e.target)) return;
      const key = e.key.toLowerCase();
      if (key === 'h') {
        e.preventDefault();
        void create(floating.at);
      } else if (key === 'n') {
        e.preventDefault();
        void create(floating.at).then((h) => h && openNote(h));
      } else if (key === 't') {
        e.preventDefault();
        toolbar.current?.querySelector('button')?.focus({ preventScroll: true });
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  });

  // A tap on a drawn highlight (a mark, or text under a CSS highlight) opens its actions.
  useEffect(() => {
    const body = prose();
    if (!body) return;
    const onClick = (e: MouseEvent) => {
      if (getSelection()?.isCollapsed === false) return;
      const target = e.target instanceof Element ? e.target : null;
      const mark = target?.closest('mark[data-highlight-id]');
      let id = mark?.getAttribute('data-highlight-id') ?? undefined;
      if (!id) {
        const offset = offsetAtPoint(body, e.clientX, e.clientY);
        if (offset !== undefined) id = placed.find((p) => p.at.start <= offset && offset < p.at.end)?.highlight.id;
      }
      if (id && !target?.closest('a')) setFloating({ kind: 'highlight', id, focus: true });
    };
    body.addEventListener('click', onClick);
    return () => body.removeEventListener('click', onClick);
  }, [placed, prose]);

  const exportArticle = async () => {
    const list = [...placed.map((p) => p.highlight), ...lost];
    const md = toMarkdown(list, {
      title: `${th().markdownTitle}: ${title}`,
      link: (h) => articleLink(articleHref(BASE, h.articleId), h),
      articleTitle: () => title,
      noteLabel: th().markdownNote,
    });
    const how = await deliverMarkdown(markdownName(title, Date.now()), md);
    if (how !== 'cancelled') setStatus(th().exported(list.length));
  };

  const active = floating?.kind === 'highlight' ? (placed.find((p) => p.highlight.id === floating.id)?.highlight ?? lost.find((h) => h.id === floating.id)) : undefined;
  const s = th();

  return (
    <>
      {floating?.kind === 'selection' && (
        <div
          ref={toolbar}
          class="hl-toolbar"
          role="toolbar"
          aria-label={s.toolbar}
          style={position ? { top: `${position.top}px`, left: `${position.left}px` } : { visibility: 'hidden' }}
          // Pressing a button must not take the selection away before the click.
          onMouseDown={(e) => e.preventDefault()}
        >
          <button type="button" onClick={() => void create(floating.at)}>
            {s.highlight}
          </button>
          <button type="button" onClick={() => void create(floating.at).then((h) => h && openNote(h))}>
            {s.note}
          </button>
          <button type="button" onClick={() => void copyQuote(floating.at)}>
            {s.copyQuote}
          </button>
        </div>
      )}
      {active && (
        <div
          ref={toolbar}
          class="hl-toolbar"
          role="toolbar"
          aria-label={s.actions}
          style={position ? { top: `${position.top}px`, left: `${position.left}px` } : { bottom: '1rem', left: '0.5rem' }}
        >
          <button type="button" onClick={() => openNote(active)}>
            {active.note ? s.editNote : s.addNote}
          </button>
          {COLOURS.map((c) => (
            <button key={c} type="button" class="swatch" aria-pressed={active.colour === c} aria-label={`${s.colour}: ${s.colours[c]}`} title={s.colours[c]} onClick={() => void recolour(active, c)}>
              <span class={`swatch-${c}`} aria-hidden="true" />
            </button>
          ))}
          <button type="button" onClick={() => void remove(active)}>
            {s.remove}
          </button>
          <button type="button" onClick={() => setFloating(undefined)}>
            {s.close}
          </button>
        </div>
      )}
      {/* Mounted only while a note is edited: no idle <dialog> sits in the reading view. */}
      {editing && (
        <dialog ref={dialog} class="hl-dialog" aria-labelledby="hl-note-title" onClose={() => setEditing(undefined)}>
          <form method="dialog" onSubmit={(e) => void saveNote(e)}>
            <h2 id="hl-note-title">{editing.note ? s.editNote : s.addNote}</h2>
            <blockquote>{editing.quote.exact}</blockquote>
            <label for="hl-note-text">{s.noteLabel}</label>
            <textarea id="hl-note-text" ref={noteBox} />
            <div class="button-row">
              <button type="submit" class="primary">
                {s.save}
              </button>
              <button type="button" class="secondary" onClick={() => dialog.current?.close()}>
                {s.cancel}
              </button>
            </div>
          </form>
        </dialog>
      )}
      <p class="sr-only" role="status">
        {status}
      </p>
      {(placed.length > 0 || lost.length > 0) && (
        <section class="hl-section" aria-labelledby="hl-here">
          <h2 id="hl-here">{s.inThisArticle}</h2>
          {placed.length > 0 && (
            <ul class="hl-list" aria-label={s.inThisArticle}>
              {placed.map(({ highlight: h }) => (
                <li key={h.id}>
                  <blockquote class={`hl-${h.colour}`}>{h.quote.exact}</blockquote>
                  {h.note && <p class="hl-note">{h.note}</p>}
                  <button type="button" class="link-button" onClick={() => setFloating({ kind: 'highlight', id: h.id, focus: true })}>
                    {s.actions}
                  </button>
                </li>
              ))}
            </ul>
          )}
          {lost.length > 0 && (
            <>
              <h3 id="hl-lost">{s.notFound}</h3>
              <p class="note">{s.notFoundHelp}</p>
              <ul class="hl-list" aria-labelledby="hl-lost">
                {lost.map((h) => (
                  <li key={h.id}>
                    <blockquote class={`hl-${h.colour}`}>{h.quote.exact}</blockquote>
                    {h.note && <p class="hl-note">{h.note}</p>}
                    <div class="button-row">
                      <button type="button" class="link-button" onClick={() => openNote(h)}>
                        {h.note ? s.editNote : s.addNote}
                      </button>
                      <button type="button" class="link-button" onClick={() => void remove(h)}>
                        {s.remove}
                      </button>
                    </div>
                  </li>
                ))}
              </ul>
            </>
          )}
          <p>
            <button type="button" class="secondary" onClick={() => void exportArticle()}>
              {s.exportArticle}
            </button>
          </p>
        </section>
      )}
    </>
  );
}
