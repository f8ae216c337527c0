/**
 * The reading view, loaded lazily with the sanitizer. It reads the article from the store by id,
 * so a deep link works offline after a cold start, and waits for a running sync before saying
 * an article is missing. Opening marks the article read; scrolling records progress, and
 * reopening resumes where the reader stopped.
 */
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { needsBody } from '../../core/article';
import type { Article } from '../../core/feed/types';
import type { ListEntry } from '../../core/list-model';
import { opened, resumeAt, withProgress, withRead, withSaved, type ReadingState, type StateUpdate } from '../../core/reading';
import type { SyncFailure } from '../../core/sync-types';
import type { Library } from '../sync/library';
import { formatLongDate, isoDate, num } from '../../i18n/format';
import { t } from '../../i18n';
import { BASE } from '../../ui/navigation';
import { Link } from '../../ui/Link';
import { listHref } from '../../core/routes';
import { ImportedNote, KeepOffline } from '../offline/KeepOffline';
import { sanitizeArticle } from '../../platform/sanitize';
import { ShareButton } from './ShareButton';
import { Listen } from '../listen/Listen';
import { useLazy } from '../../ui/useLazy';
import { HighlightLayer, type HighlightLayerProps } from '../highlights/HighlightLayer';

// Highlights show once their strings are loaded: opening an article does not wait for them.
const loadHighlights = () => import('../../i18n/highlights').then((m) => m.loadHighlightStrings()).then(() => HighlightLayer);
import { readingMinutes } from '../../core/reading-time';
import { wordsOf } from '../../core/word-count';
import { autoImages } from '../../core/saver';
import { connectionInfo, loadSaver } from '../../platform/saver';
import { tl } from '../../i18n/lazy';
import { deferImages } from './defer-images';

export interface ArticleViewProps {
  library: Library;
  id: string;
  syncing: boolean;
  /** The list URL this article was opened from, if it was opened from the list. */
  back: string | undefined;
  state?: ReadingState | undefined;
  onState?: StateUpdate;
  /** The feed's title (read aloud shows it on the lock screen). */
  feedTitle?: string;
  /** The list's rows, for "continue with the next article". */
  listRows?: { readonly current: ListRows };
}

/** The list's rows: as last shown (its filter and order), and all of them (newest first). */
export interface ListRows {
  shown: readonly ListEntry[];
  all: readonly ListEntry[] | undefined;
}

const RTL = /^(ar|he|fa|ur|ps|sd|ug|yi|dv|ckb)(-|$)/i;

/** How far down the article body the reader is, 0 at the top, 1 when its end is in view. */
function progressOf(el: HTMLElement): number {
  const rect = el.getBoundingClientRect();
  const scrollable = rect.height - innerHeight;
  if (scrollable <= 0) return 1;
  return Math.min(1, Math.max(0, -rect.top / scrollable));
}

export function ArticleView({ library, id, syncing, back, state, onState, feedTitle = '', listRows }: ArticleViewProps) {
  const [article, setArticle] = useState<Article | null>();
  const [resumed, setResumed] = useState<number>();
  /** A body announced by the index (`bodyUrl`) and not stored yet: being fetched, or why it could not be. */
  const [remote, setRemote] = useState<{ loading: true } | { loading: false; failure?: SyncFailure }>();
  const heading = useRef<HTMLHeadingElement>(null);
  const body = useRef<HTMLDivElement>(null);
  const root = useRef<HTMLElement>(null);
  // Resume only once per opened article: later progress updates must not move the page.
  const openedId = useRef<string | undefined>(undefined);
  // The reading state as of this render, for the effect that resumes an article when it opens: it
  // is read then, and its later changes (progress) must not run that effect again.
  const latestState = useRef(state);
  latestState.current = state;
  const Highlights = useLazy<HighlightLayerProps>(!!article, loadHighlights);

  useEffect(() => {
    let live = true;
    // Keep the same object when nothing changed, so the body is not re-rendered under the reader.
    const show = (a: Article | undefined) =>
      setArticle((prev) => (prev && a && JSON.stringify(prev) === JSON.stringify(a) ? prev : (a ?? null)));
    void library.get(id).then((a) => {
      if (!live) return;
      show(a);
      if (!a || !needsBody(a)) {
        setRemote(undefined);
        return;
      }
      // First opening of an article whose body is fetched on demand: fetch it, then keep it.
      setRemote({ loading: true });
      void library.open(id).then(({ article: full, failure }) => {
        if (!live) return;
        if (full) show(full);
        setRemote(failure ? { loading: false, failure } : full?.hasBody ? undefined : { loading: false });
      });
    });
    return () => {
      live = false;
    };
    // Re-read when a sync finishes: a deep link opened on first visit arrives with the sync.
  }, [library, id, syncing]);

  useLayoutEffect(() => {
    if (!article || !body.current) return;
    if (article.contentHtml) {
      const fragment = sanitizeArticle(article.contentHtml, article.baseUrl);
      // Data saver, or images set to Wi-Fi only / never: each image waits for a tap.
      if (!autoImages(loadSaver(), connectionInfo())) deferImages(fragment, (alt) => tl().showImage(alt));
      body.current.replaceChildren(fragment);
    } else body.current.replaceChildren();
  }, [article]);

  useEffect(() => {
    document.title = article ? article.title || t.untitled : t.appName;
    if (!article || openedId.current === article.id) return;
    openedId.current = article.id;
    onState?.(article.id, opened);
    const at = resumeAt(latestState.current);
    const el = root.current;
    if (at !== undefined && el) {
      const top = el.getBoundingClientRect().top + scrollY;
      scrollTo(0, top + at * Math.max(0, el.offsetHeight - innerHeight));
      setResumed(at);
    }
    heading.current?.focus({ preventScroll: true });
  }, [article, onState]);

  useEffect(() => {
    if (!article || !onState) return;
    // Record progress when scrolling settles, not on every frame.
    let timer: ReturnType<typeof setTimeout> | undefined;
    const onScroll = () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        if (root.current) {
          // Measured when the change is applied; an article closed by then records nothing.
          onState(article.id, (s, now) => (root.current ? withProgress(s, progressOf(root.current), now) : s));
        }
      }, 400);
    };
    addEventListener('scroll', onScroll, { passive: true });
    return () => {
      clearTimeout(timer);
      removeEventListener('scroll', onScroll);
    };
  }, [article, onState]);

  // Opened from the list: really go back, so the list's scroll and filter come back too.
  const historyBack = (e: MouseEvent) => {
    e.preventDefault();
    history.back();
  };
  const backLink = (
    <Link class="back" href={back ?? listHref(BASE, { q: '', tag: '' })} onClick={back ? historyBack : undefined}>
      <span aria-hidden="true">←</span>
      {tl().backToList}
    </Link>
  );

  // Counted when the article was stored; a row stored before that is counted here, once.
  const minutes = useMemo(() => (article ? readingMinutes(article.words ?? wordsOf(article), article.language) : undefined), [article]);

  if (article === undefined) return <p class="placeholder">{t.articleLoading}</p>;
  if (article === null) {
    return (
      <div class="missing">
        {backLink}
        <h1 tabIndex={-1}>{syncing ? t.articleLoading : tl().articleMissing}</h1>
        {!syncing && <p>{tl().articleMissingHint}</p>}
      </div>
    );
  }

  const lang = article.language;
  const dir = lang && RTL.test(lang) ? 'rtl' : undefined;
  const saved = !!state?.saved;
  const read = !!state?.read;
  return (
    <article class="reader" lang={lang} dir={dir} ref={root}>
      <nav class="reader-nav">
        {backLink}
        <div class="reader-actions">
          <button
            type="button"
            class="toggle"
            aria-pressed={saved}
            onClick={() => onState?.(article.id, (s, now) => withSaved(s, !s.saved, now))}
          >
            <span aria-hidden="true">{saved ? '★' : '☆'}</span> {tl().save}
          </button>
          <button type="button" class="action" onClick={() => onState?.(article.id, (s, now) => withRead(s, !s.read, now))}>
            {/* Both labels take up space, so the button keeps its width when the label flips. */}
            <span class="stack">
              <span class={read ? 'off' : undefined}>{tl().markRead}</span>
              <span class={read ? undefined : 'off'}>{tl().markUnread}</span>
            </span>
          </button>
        </div>
      </nav>
      <KeepOffline article={article}>
        <ShareButton title={article.title || t.untitled} url={article.url ?? location.href} />
      </KeepOffline>
      <Listen key={article.id} article={article} root={root} state={state} onState={onState} feedTitle={feedTitle} listRows={listRows} />
      <header class="reader-head">
        <h1 ref={heading} tabIndex={-1}>
          {article.title || t.untitled}
        </h1>
        <p class="reader-meta">
          {article.published !== undefined && (
            <time dateTime={isoDate(article.published)}>{formatLongDate(article.published)}</time>
          )}
          {article.modified !== undefined && article.modified !== article.published && (
            <span>
              {' '}
              ({tl().updatedOn} <time dateTime={isoDate(article.modified)}>{formatLongDate(article.modified)}</time>)
            </span>
          )}
          {article.authors.length > 0 && (
            <span class="reader-authors">
              {' · '}
              {tl().by}{' '}
              {article.authors.map((a, i) => (
                <span key={i}>
                  {i > 0 && ', '}
                  {a.name}
                </span>
              ))}
            </span>
          )}
        </p>
        {minutes !== undefined && <p class="reader-time">{t.minRead(minutes)}</p>}
        {article.tags.length > 0 && (
          <ul class="tags" aria-label={t.tags}>
            {article.tags.map((tag) => (
              <li key={tag}>
                <Link href={listHref(BASE, { q: '', tag })}>{tag}</Link>
              </li>
            ))}
          </ul>
        )}
        {resumed !== undefined && (
          <p class="note" role="note">
            {tl().resumed(Math.round(resumed * 100))}
          </p>
        )}
      </header>
      {remote && (
        <p class="note body-note">
          {remote.loading ? tl().bodyLoading : remote.failure ? tl().bodyFailed(remote.failure) : tl().bodyUnavailable}
        </p>
      )}
      {article.contentHtml ? (
        <div class="prose" key="html" ref={body} />
      ) : article.contentText ? (
        <div class="prose" key="text">
          {article.contentText
            .split(/\r?\n\s*\r?\n/)
            .filter((p) => p.trim())
            .map((p, i) => (
              <p key={i} class="plain">
                {p.trim()}
              </p>
            ))}
        </div>
      ) : (
        <div class="prose" key="summary">
          {article.summary ? <p>{article.summary}</p> : null}
          {!article.bodyUrl && <p class="note">{tl().noBody}</p>}
        </div>
      )}
      {Highlights && <Highlights article={article} root={root} library={library} />}
      <footer class="reader-foot">
        {article.externalUrl && (
          <p>
            <a class="block-link" href={article.externalUrl} target="_blank" rel="noopener noreferrer">
              {tl().linkedArticle}
            </a>
          </p>
        )}
        {article.url && (
          <p>
            <a class="block-link" href={article.url} target="_blank" rel="noopener noreferrer">
              {tl().openOriginal}
            </a>
          </p>
        )}
        <ImportedNote id={article.id} />
        <p>{backLink}</p>
      </footer>
      <progress class="read-progress" max={100} value={Math.round((state?.progress ?? 0) * 100)} aria-label={tl().readingProgress}>
        {num(Math.round((state?.progress ?? 0) * 100))}%
      </progress>
    </article>
  );
}
