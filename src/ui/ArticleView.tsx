/**
 * The reading view, loaded lazily with the sanitizer. It reads the article from the store by id,
 * so a deep link works offline after a cold start, and waits for a running sync before saying
 * an article is missing.
 */
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { Article } from '../feed/types';
import type { SyncFailure } from '../store/meta';
import type { Library } from '../sync/library';
import { formatLongDate, isoDate } from './format';
import { BASE, isPlainClick, navigate } from './navigation';
import { listHref } from './router';
import { sanitizeArticle } from './sanitize';
import { en as t } from './strings';

export interface ArticleViewProps {
  library: Library;
  id: string;
  syncing: boolean;
  /** The list URL this article was opened from, if it was opened from the list. */
  back: string | undefined;
}

const RTL = /^(ar|he|fa|ur|ps|sd|ug|yi|dv|ckb)(-|$)/i;

export function ArticleView({ library, id, syncing, back }: ArticleViewProps) {
  const [article, setArticle] = useState<Article | null>();
  /** A body announced by the index (`bodyUrl`) and not stored yet: being fetched, or why it could not be. */
  const [remote, setRemote] = useState<{ loading: true } | { loading: false; failure?: SyncFailure }>();
  const heading = useRef<HTMLHeadingElement>(null);
  const body = useRef<HTMLDivElement>(null);

  useEffect(() => {
    let live = true;
    // Keep the same object when nothing changed, so the body is not re-rendered under the reader.
    const show = (a: Article | undefined) =>
      setArticle((prev) => (prev && a && JSON.stringify(prev) === JSON.stringify(a) ? prev : (a ?? null)));
    void library.get(id).then((a) => {
      if (!live) return;
      show(a);
      if (!a?.bodyUrl || a.hasBody) return setRemote(undefined);
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
    if (article.contentHtml) body.current.replaceChildren(sanitizeArticle(article.contentHtml, article.baseUrl));
    else body.current.replaceChildren();
  }, [article]);

  useEffect(() => {
    document.title = article ? article.title || t.untitled : t.appName;
    if (article) heading.current?.focus({ preventScroll: true });
  }, [article]);

  const backHref = back ?? listHref(BASE, { q: '', tag: '' });
  const onBack = (e: MouseEvent) => {
    if (!isPlainClick(e)) return;
    e.preventDefault();
    // Opened from the list: really go back, so the list's scroll and filter come back too.
    if (back) history.back();
    else navigate(backHref);
  };
  const backLink = (
    <a class="back" href={backHref} onClick={onBack}>
      <span aria-hidden="true">←</span>
      {t.backToList}
    </a>
  );

  if (article === undefined) return <p class="placeholder">{t.articleLoading}</p>;
  if (article === null) {
    return (
      <div class="missing">
        {backLink}
        <h1 tabIndex={-1}>{syncing ? t.articleLoading : t.articleMissing}</h1>
        {!syncing && <p>{t.articleMissingHint}</p>}
      </div>
    );
  }

  const lang = article.language;
  const dir = lang && RTL.test(lang) ? 'rtl' : undefined;
  return (
    <article class="reader" lang={lang} dir={dir}>
      <nav class="reader-nav">
        {backLink}
      </nav>
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
              ({t.updatedOn} <time dateTime={isoDate(article.modified)}>{formatLongDate(article.modified)}</time>)
            </span>
          )}
          {article.authors.length > 0 && (
            <span class="reader-authors">
              {' · '}
              {t.by}{' '}
              {article.authors.map((a, i) => (
                <span key={i}>
                  {i > 0 && ', '}
                  {a.name}
                </span>
              ))}
            </span>
          )}
        </p>
        {article.tags.length > 0 && (
          <ul class="tags" aria-label={t.tags}>
            {article.tags.map((tag) => (
              <li key={tag}>
                <a
                  href={listHref(BASE, { q: '', tag })}
                  onClick={(e) => {
                    if (!isPlainClick(e)) return;
                    e.preventDefault();
                    navigate(listHref(BASE, { q: '', tag }));
                  }}
                >
                  {tag}
                </a>
              </li>
            ))}
          </ul>
        )}
      </header>
      {remote && (
        <p class="note body-note">
          {remote.loading ? t.bodyLoading : remote.failure ? t.bodyFailed(remote.failure) : t.bodyUnavailable}
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
          {!article.bodyUrl && <p class="note">{t.noBody}</p>}
        </div>
      )}
      <footer class="reader-foot">
        {article.externalUrl && (
          <p>
            <a href={article.externalUrl} target="_blank" rel="noopener noreferrer">
              {t.linkedArticle}
            </a>
          </p>
        )}
        {article.url && (
          <p>
            <a href={article.url} target="_blank" rel="noopener noreferrer">
              {t.openOriginal}
            </a>
          </p>
        )}
        <p>{backLink}</p>
      </footer>
    </article>
  );
}
