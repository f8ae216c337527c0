// Must come first: makes DOMPurify sanitize under happy-dom (see the file).
import { emptyState } from '../../../../src/core/reading';
import '../../platform/dompurify-happy-dom';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, test, vi } from 'vitest';
import type { Article } from '../../../../src/core/feed/types';
import type { Library } from '../../../../src/features/sync/library';
import { ArticleView } from '../../../../src/features/reader/ArticleView';
import { article, day } from '../../helpers';

afterEach(() => {
  cleanup();
  history.replaceState(null, '', '/');
  document.title = '';
});

/**
 * A Library over a fixed set of articles; `get` is a spy. `open` is what a body on demand goes
 * through: by default it finds nothing more to fetch; tests of bodies on demand replace it.
 */
function fakeLibrary(...articles: Article[]) {
  const byId = new Map(articles.map((a) => [a.id, a]));
  const get = vi.fn(async (id: string) => byId.get(id));
  const open = vi.fn<Library['open']>(async (id: string) => ({ article: byId.get(id) }));
  const library: Library = {
    persistent: true,
    lost: false,
    onChange: () => () => {},
    list: async () => articles,
    rows: async () => articles,
    count: async () => articles.length,
    get,
    open,
    record: async () => ({}),
    sync: async () => ({ ok: false, failure: { kind: 'offline' }, record: {} }),
    states: async () => [],
    putState: async () => {},
    updateState: async (id, change) => change(emptyState(id), Date.now()),
    search: () => {
      throw new Error('the reading view does not search');
    },
  };
  return { library, get, open, byId };
}

const story = article({
  id: 'https://news.example.org/2024/05/budget',
  url: 'https://news.example.org/2024/05/budget',
  externalUrl: 'https://council.example.gov/minutes',
  title: 'Council passes budget',
  published: day(3),
  modified: day(5),
  authors: [{ name: 'Ana Pérez' }, { name: 'Bo Li', url: 'https://example.org/bo' }],
  tags: ['Politics', 'Local'],
  language: 'en',
  baseUrl: 'https://news.example.org/2024/05/budget',
  contentHtml:
    '<h1>Inside headline</h1><p>The <a href="../minutes.html">minutes</a> are out.</p><script>window.pwned = true</script><img src="chart.png" onerror="window.pwned = true"><p>Last paragraph.</p>',
});

async function open(a: Article, extra: { syncing?: boolean; back?: string } = {}) {
  const { library } = fakeLibrary(a);
  const view = render(<ArticleView library={library} id={a.id} syncing={extra.syncing ?? false} back={extra.back} />);
  await screen.findByRole('heading', { level: 1, name: a.title });
  return view;
}

describe('ArticleView: an article', () => {
  test('shows "Opening article…" until the library answers', async () => {
    const { library } = fakeLibrary(story);
    render(<ArticleView library={library} id={story.id} syncing={false} back={undefined} />);
    expect(screen.getByText('Opening article…')).toBeTruthy();
    await screen.findByRole('heading', { level: 1 });
    expect(screen.queryByText('Opening article…')).toBeNull();
  });

  test('has exactly one h1, the title: headings in the content step down to h2', async () => {
    const { container } = await open(story);
    const h1s = container.querySelectorAll('h1');
    expect(h1s).toHaveLength(1);
    expect(h1s[0]?.textContent).toBe('Council passes budget');
    expect(screen.getByRole('heading', { level: 2, name: 'Inside headline' })).toBeTruthy();
    await waitFor(() => expect(document.title).toBe('Council passes budget'));
  });

  test('shows the dates, the authors and the tags', async () => {
    const { container } = await open(story);
    const times = [...container.querySelectorAll('.reader-meta time')];
    expect(times.map((t) => [t.getAttribute('datetime'), t.textContent])).toEqual([
      [new Date(day(3)).toISOString(), 'March 4, 2024'],
      [new Date(day(5)).toISOString(), 'March 6, 2024'],
    ]);
    const meta = container.querySelector('.reader-meta')!;
    expect(meta.textContent).toBe('March 4, 2024 (updated March 6, 2024) · By Ana Pérez, Bo Li');
    const tags = screen.getByRole('list', { name: 'Tags' });
    expect(within(tags).getAllByRole('link').map((a) => [a.textContent, a.getAttribute('href')])).toEqual([
      ['Politics', '/?tag=Politics'],
      ['Local', '/?tag=Local'],
    ]);
  });

  test('an unmodified article shows only its publication date; no authors, no "By"', async () => {
    const { container } = await open(article({ id: 'plain', title: 'Plain', published: day(1), contentText: 'x' }));
    expect(container.querySelector('.reader-meta')?.textContent).toBe('March 2, 2024');
    expect(screen.queryByRole('list', { name: 'Tags' })).toBeNull();
  });

  test('content_html is sanitized: no script, no handlers, links resolved and opened safely', async () => {
    const { container } = await open(story);
    const prose = container.querySelector('.prose')!;
    expect(prose.querySelector('script')).toBeNull();
    expect(prose.innerHTML).not.toContain('pwned');
    expect(prose.querySelector('img')?.getAttribute('src')).toBe('https://news.example.org/2024/05/chart.png');
    const link = within(prose as HTMLElement).getByRole('link', { name: 'minutes' });
    expect(link.getAttribute('href')).toBe('https://news.example.org/2024/minutes.html');
    expect(link.getAttribute('target')).toBe('_blank');
    expect(link.getAttribute('rel')).toBe('noopener noreferrer');
    expect(prose.textContent).toBe('Inside headlineThe minutes are out.Last paragraph.');
    expect((window as { pwned?: boolean }).pwned).toBeUndefined();
  });

  test('content_text is rendered as paragraphs of text, never as HTML', async () => {
    const { container } = await open(
      article({ id: 't', title: 'Text only', contentText: 'First paragraph.\n\nSecond <b>not bold</b>.\r\n\r\n  \n\nThird\nline.' }),
    );
    const paragraphs = [...container.querySelectorAll('.prose p.plain')];
    expect(paragraphs.map((p) => p.textContent)).toEqual(['First paragraph.', 'Second <b>not bold</b>.', 'Third\nline.']);
    expect(container.querySelector('.prose b')).toBeNull();
  });

  test('an article with only a summary shows it and says there is no more text', async () => {
    await open(article({ id: 's', title: 'Brief', summary: 'Just the summary.' }));
    expect(screen.getByText('Just the summary.')).toBeTruthy();
    expect(screen.getByText('This article has no text beyond its summary.')).toBeTruthy();
  });

  test('links to the original and the linked page open in a new tab', async () => {
    await open(story);
    const original = screen.getByRole('link', { name: 'Read on the publisher’s site' });
    expect(original.getAttribute('href')).toBe('https://news.example.org/2024/05/budget');
    expect(original.getAttribute('target')).toBe('_blank');
    expect(original.getAttribute('rel')).toBe('noopener noreferrer');
    expect(screen.getByRole('link', { name: 'Linked article' }).getAttribute('href')).toBe('https://council.example.gov/minutes');
  });

  test.each([
    ['en', undefined],
    ['pt-BR', undefined],
    ['ar', 'rtl'],
    ['ar-EG', 'rtl'],
    ['he', 'rtl'],
    ['HE-il', 'rtl'],
    ['fa', 'rtl'],
    ['ur', 'rtl'],
    ['hr', undefined],
    ['art', undefined],
  ])('language %s sets lang, and dir=%s', async (language, dir) => {
    const { container } = await open(article({ id: `lang-${language}`, title: 'Title', language, contentText: 'x' }));
    const root = container.querySelector('article')!;
    expect(root.getAttribute('lang')).toBe(language);
    expect(root.getAttribute('dir') ?? undefined).toBe(dir);
  });

  test('no language: no lang or dir attribute', async () => {
    const { container } = await open(article({ id: 'nolang', title: 'Title', contentText: 'x' }));
    const root = container.querySelector('article')!;
    expect(root.hasAttribute('lang')).toBe(false);
    expect(root.hasAttribute('dir')).toBe(false);
  });

  test('an untitled article shows "Untitled"', async () => {
    const { library } = fakeLibrary(article({ id: 'u', title: '', contentText: 'x' }));
    render(<ArticleView library={library} id="u" syncing={false} back={undefined} />);
    expect((await screen.findByRole('heading', { level: 1 })).textContent).toBe('Untitled');
  });
});

describe('ArticleView: back links', () => {
  test('opened directly, "All articles" links to the list and navigates there', async () => {
    history.replaceState(null, '', '/article/x');
    await open(story);
    const back = screen.getAllByRole('link', { name: /All articles/ });
    expect(back).toHaveLength(2);
    expect(back.map((a) => a.getAttribute('href'))).toEqual(['/', '/']);
    fireEvent.click(back[0]!);
    expect(location.pathname).toBe('/');
  });

  test('opened from a filtered list, "All articles" goes back to it', async () => {
    await open(story, { back: '/?q=budget' });
    const back = vi.spyOn(history, 'back').mockImplementation(() => {});
    const link = screen.getAllByRole('link', { name: /All articles/ })[0]!;
    expect(link.getAttribute('href')).toBe('/?q=budget');
    fireEvent.click(link);
    expect(back).toHaveBeenCalledTimes(1);
  });
});

describe('ArticleView: a missing article', () => {
  test('says it is not stored on this device', async () => {
    const { library } = fakeLibrary(story);
    render(<ArticleView library={library} id="not-here" syncing={false} back={undefined} />);
    const heading = await screen.findByRole('heading', { level: 1 });
    expect(heading.textContent).toBe('This article is not stored on this device.');
    expect(screen.getByText('It may not have been downloaded yet. Connect to the internet and open the list to fetch it.')).toBeTruthy();
    expect(screen.getAllByRole('link', { name: /All articles/ })[0]?.getAttribute('href')).toBe('/');
  });

  test('while a sync runs it waits, and shows the article once the sync brings it', async () => {
    const { library, get, byId } = fakeLibrary();
    const view = render(<ArticleView library={library} id={story.id} syncing={true} back={undefined} />);
    await waitFor(() => expect(get).toHaveBeenCalledTimes(1));
    expect((await screen.findByRole('heading', { level: 1 })).textContent).toBe('Opening article…');
    expect(screen.queryByText(/It may not have been downloaded yet/)).toBeNull();

    byId.set(story.id, story);
    view.rerender(<ArticleView library={library} id={story.id} syncing={false} back={undefined} />);
    expect(await screen.findByRole('heading', { level: 1, name: 'Council passes budget' })).toBeTruthy();
    expect(get).toHaveBeenCalledTimes(2);
  });
});

describe('ArticleView: switching articles', () => {
  test('switching from one HTML article to another replaces the body', async () => {
    const other = article({ id: 'other', title: 'Other story', contentHtml: '<p>Other body.</p>' });
    const { library } = fakeLibrary(story, other);
    const view = render(<ArticleView library={library} id={story.id} syncing={false} back={undefined} />);
    await screen.findByRole('heading', { level: 1, name: story.title });
    view.rerender(<ArticleView library={library} id={other.id} syncing={false} back={undefined} />);
    await screen.findByRole('heading', { level: 1, name: 'Other story' });
    expect(view.container.querySelector('.prose')?.textContent).toBe('Other body.');
  });

  // Regression: the HTML body is inserted imperatively into `<div class="prose" ref={body}>`. When the
  // next article has no content_html, Preact reuses that same <div> for the text (or summary)
  // branch, the ref is detached so the layout effect returns early, and the old sanitized HTML
  // stays in front of the new paragraphs. Reachable whenever the Reader stays mounted across
  // two article routes (e.g. history.go(-2) / the back-button history menu from one article to
  // another, or a sync replacing an HTML body with a text one).
  test('switching from an HTML article to a text-only one shows only the new text', async () => {
    const text = article({ id: 'text', title: 'Text story', contentText: 'Only this.' });
    const { library } = fakeLibrary(story, text);
    const view = render(<ArticleView library={library} id={story.id} syncing={false} back={undefined} />);
    await screen.findByRole('heading', { level: 1, name: story.title });
    view.rerender(<ArticleView library={library} id={text.id} syncing={false} back={undefined} />);
    await screen.findByRole('heading', { level: 1, name: 'Text story' });
    expect(view.container.querySelector('.prose')?.textContent).toBe('Only this.');
  });
});

describe('ArticleView: bodies on demand', () => {
  const remote = article({
    id: 'remote',
    title: 'Archive story',
    summary: 'What it is about.',
    bodyUrl: 'https://news.example.org/bodies/remote.html',
    hasBody: false,
  });

  test('first opening: the summary at once, "downloading", then the fetched body, sanitized', async () => {
    const { library, open } = fakeLibrary(remote);
    let finish!: () => void;
    open.mockImplementation(
      () =>
        new Promise((resolve) => {
          finish = () => resolve({ article: { ...remote, hasBody: true, contentHtml: '<p>The <b>whole</b> story.</p><script>bad()</script>' } });
        }),
    );
    const { container } = render(<ArticleView library={library} id="remote" syncing={false} back={undefined} />);
    expect(await screen.findByText('What it is about.')).toBeTruthy();
    expect(screen.getByText('Downloading the full text…')).toBeTruthy();
    expect(open).toHaveBeenCalledWith('remote');
    finish();
    await waitFor(() => expect(container.querySelector('.prose')?.innerHTML).toBe('<p>The <b>whole</b> story.</p>'));
    expect(screen.queryByText('Downloading the full text…')).toBeNull();
    expect(container.querySelectorAll('h1')).toHaveLength(1);
  });

  test('offline on first opening: the summary, and a sentence saying why the full text is missing', async () => {
    const { library, open } = fakeLibrary(remote);
    open.mockResolvedValue({ article: remote, failure: { kind: 'offline' } });
    render(<ArticleView library={library} id="remote" syncing={false} back={undefined} />);
    expect(await screen.findByText('The full text could not be downloaded: you are offline. The summary is shown instead.')).toBeTruthy();
    expect(screen.getByText('What it is about.')).toBeTruthy();
    // Not the "this article has no text" note: it has a body, just not here yet.
    expect(screen.queryByText('This article has no text beyond its summary.')).toBeNull();
  });

  test('a body already stored is shown without fetching', async () => {
    const { library, open } = fakeLibrary({ ...remote, hasBody: true, contentText: 'Stored full text.' });
    render(<ArticleView library={library} id="remote" syncing={false} back={undefined} />);
    expect(await screen.findByText('Stored full text.')).toBeTruthy();
    expect(open).not.toHaveBeenCalled();
  });
});
