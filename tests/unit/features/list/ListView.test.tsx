import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, test } from 'vitest';
import { docOf, SearchIndex } from '../../../../src/features/search/engine';
import { applyFilter, NO_FILTER, toEntry, type Filter, type ListEntry } from '../../../../src/core/list-model';
import { ListView, type ListViewProps } from '../../../../src/features/list/ListView';
import { article, day } from '../../helpers';

afterEach(() => {
  cleanup();
  history.replaceState(null, '', '/');
});

const articles = [
  article({
    id: 'https://example.org/news/budget?id=1',
    title: 'Council votes on budget',
    excerpt: 'The council met on Tuesday.',
    tags: ['Politics', 'Local'],
    authors: [{ name: 'Ana Pérez' }, { name: 'Bo Li' }],
    published: day(3),
  }),
  article({ id: '42', title: 'Rain expected', excerpt: 'Rain expected', tags: ['Weather'], published: day(2) }),
  article({ id: 'escola', title: 'Educação pública', excerpt: 'Professores em greve.', tags: ['politics'], language: 'pt', published: undefined }),
];
const entries: ListEntry[] = articles.map(toEntry);

/** The rows a filter shows, as the app computes them: the search index for the words, then the tag. */
const index = new SearchIndex();
index.upsert(articles.map((a) => docOf(a)));
const filterEntries = (list: ListEntry[], filter: Filter) => applyFilter(list, filter, index.search(filter.q));

function renderList(props: Partial<ListViewProps> & { filter?: Filter } = {}) {
  const filter = props.filter ?? NO_FILTER;
  const all = 'entries' in props ? props.entries : entries;
  const visible = props.visible ?? (all ? filterEntries(all, filter) : []);
  return render(<ListView entries={all} visible={visible} filter={filter} syncing={props.syncing ?? false} />);
}

const status = () => screen.getByRole('status');

describe('ListView: accessibility contract', () => {
  test('the articles are a list named "Articles", each with a link named by its title', () => {
    renderList();
    const list = screen.getByRole('list', { name: 'Articles' });
    const titles = within(list).getAllByRole('heading', { level: 2 }).map((h) => h.textContent);
    expect(titles).toEqual(['Council votes on budget', 'Rain expected', 'Educação pública']);
    expect(within(list).getByRole('link', { name: 'Council votes on budget' }).getAttribute('href')).toBe(
      '/article/https%3A%2F%2Fexample.org%2Fnews%2Fbudget%3Fid%3D1',
    );
    expect(within(list).getByRole('link', { name: 'Rain expected' }).getAttribute('href')).toBe('/article/42');
    expect(within(list).getByRole('link', { name: 'Educação pública' }).getAttribute('href')).toBe('/article/escola');
  });

  test('the search box is a searchbox named "Search articles" showing the query', () => {
    renderList({ filter: { q: 'budget', tag: '' } });
    const box = screen.getByRole('searchbox', { name: 'Search articles' });
    expect((box as HTMLInputElement).value).toBe('budget');
    expect(screen.getByRole('search').contains(box)).toBe(true);
  });

  test('the tag filter is a combobox named "Tag" listing tags with counts, most used first', () => {
    renderList();
    const select = screen.getByRole('combobox', { name: 'Tag' });
    expect(within(select).getAllByRole('option').map((o) => o.textContent)).toEqual(['All tags', 'Politics (2)', 'Local (1)', 'Weather (1)']);
  });

  test.each([
    [3, NO_FILTER, '3 articles'],
    [1, NO_FILTER, '1 article'],
    [0, NO_FILTER, '0 articles'],
  ] as const)('status with %i visible articles and no filter reads %j', (n, filter, text) => {
    renderList({ visible: entries.slice(0, n), filter });
    expect(status().textContent).toBe(text);
  });

  test('status says "filtered" when a query or tag filters the list', () => {
    renderList({ filter: { q: 'budget', tag: '' } });
    expect(status().textContent).toBe('1 article · filtered');
    cleanup();
    renderList({ filter: { q: '', tag: 'politics' } });
    expect(status().textContent).toBe('2 articles · filtered');
    cleanup();
    renderList({ visible: entries, filter: { q: 'e', tag: '' } });
    expect(status().textContent).toBe('3 articles · filtered');
  });

  test('large counts are formatted for the locale', () => {
    const many = Array.from({ length: 1234 }, (_, i) => toEntry(article({ id: `n${i}` })));
    renderList({ entries: many, visible: many });
    expect(status().textContent).toBe('1,234 articles');
  });

  test('while the store is read, status says so and the list is empty', () => {
    renderList({ entries: undefined });
    expect(status().textContent).toBe('Loading articles…');
    expect(within(screen.getByRole('list', { name: 'Articles' })).queryAllByRole('listitem')).toEqual([]);
  });
});

describe('ListView: rows', () => {
  test('a row shows date, authors, excerpt and tag links; the language is set on the row', () => {
    renderList();
    const list = screen.getByRole('list', { name: 'Articles' });
    const [first, second, third] = within(list).getAllByRole('heading', { level: 2 }).map((h) => h.closest('li')!);

    const time = first!.querySelector('time');
    expect(time?.getAttribute('datetime')).toBe(new Date(day(3)).toISOString());
    expect(time?.textContent).toBe('Mar 4, 2024');
    expect(first!.textContent).toContain('Ana Pérez, Bo Li');
    expect(first!.textContent).toContain('The council met on Tuesday.');
    const tags = within(first!).getByRole('list', { name: 'Tags' });
    expect(within(tags).getAllByRole('link').map((a) => [a.textContent, a.getAttribute('href')])).toEqual([
      ['Politics', '/?tag=Politics'],
      ['Local', '/?tag=Local'],
    ]);

    // An excerpt equal to the title is not repeated.
    expect(second!.querySelector('.row-excerpt')).toBeNull();
    // An undated row has no <time>; its language is on the row.
    expect(third!.querySelector('time')).toBeNull();
    expect(third!.getAttribute('lang')).toBe('pt');
    expect(first!.hasAttribute('lang')).toBe(false);
  });

  test('tag links keep the current query', () => {
    renderList({ filter: { q: 'budget', tag: '' } });
    expect(screen.getByRole('link', { name: 'Politics' }).getAttribute('href')).toBe('/?q=budget&tag=Politics');
  });
});

describe('ListView: empty states', () => {
  test('no articles stored yet, not syncing', () => {
    renderList({ entries: [] });
    expect(screen.getByText('No articles are stored on this device yet. Connect to the internet once to download them.')).toBeTruthy();
    expect(status().textContent).toBe('0 articles');
  });

  test('no articles stored yet, first sync running', () => {
    renderList({ entries: [], syncing: true });
    expect(screen.getByText('Downloading articles for offline reading…')).toBeTruthy();
  });

  test('nothing matches the query', () => {
    renderList({ filter: { q: 'zebra', tag: '' } });
    expect(screen.getByText('No stored article matches “\u2068zebra\u2069”.')).toBeTruthy();
    expect(status().textContent).toBe('0 articles · filtered');
    expect(screen.queryAllByRole('heading', { level: 2 })).toEqual([]);
  });

  test('nothing matches the tag', () => {
    renderList({ filter: { q: '', tag: 'Sports' } });
    expect(screen.getByText('No stored article matches this filter.')).toBeTruthy();
    // A tag from the URL that no article has is still selectable, so the select shows it.
    expect(screen.getByRole<HTMLSelectElement>('combobox', { name: 'Tag' }).value).toBe('Sports');
  });

  test('"Clear filters" appears only when filtered and links to the unfiltered list', () => {
    renderList();
    expect(screen.queryByRole('link', { name: 'Clear filters' })).toBeNull();
    cleanup();
    renderList({ filter: { q: 'zebra', tag: '' } });
    expect(screen.getByRole('link', { name: 'Clear filters' }).getAttribute('href')).toBe('/');
  });
});

describe('ListView: navigation', () => {
  test('typing replaces the history entry with the filtered list URL', () => {
    renderList();
    const length = history.length;
    fireEvent.input(screen.getByRole('searchbox', { name: 'Search articles' }), { target: { value: 'São Paulo' } });
    expect(location.pathname + location.search).toBe('/?q=S%C3%A3o+Paulo');
    expect(history.length).toBe(length);
  });

  test('choosing a tag pushes a history entry', () => {
    renderList();
    const length = history.length;
    fireEvent.change(screen.getByRole('combobox', { name: 'Tag' }), { target: { value: 'Weather' } });
    expect(location.search).toBe('?tag=Weather');
    expect(history.length).toBe(length + 1);
  });

  test('a plain click on a row opens the article and remembers where the list was', () => {
    history.replaceState(null, '', '/?q=rain');
    renderList({ filter: { q: 'rain', tag: '' } });
    fireEvent.click(screen.getByRole('link', { name: 'Rain expected' }));
    expect(location.pathname).toBe('/article/42');
    expect(history.state).toEqual({ fromList: '/?q=rain' });
  });

  test.each(['ctrlKey', 'metaKey', 'shiftKey', 'altKey'] as const)('a click with %s (new tab or window) is left to the browser', (key) => {
    renderList();
    const link = screen.getByRole('link', { name: 'Rain expected' });
    // Record what the app did, then stop happy-dom from following the link itself.
    let prevented: boolean | undefined;
    const after = (e: Event) => {
      prevented = e.defaultPrevented;
      e.preventDefault();
    };
    window.addEventListener('click', after);
    try {
      link.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true, [key]: true }));
    } finally {
      window.removeEventListener('click', after);
    }
    expect(prevented).toBe(false);
    expect(location.pathname).toBe('/');
    expect(history.state).toBeNull();
  });
});

describe('ListView: hostile ids', () => {
  // Regression: an id containing a lone UTF-16 surrogate (valid JSON: "\ud800") passes parsing, but
  // `articleHref` calls encodeURIComponent, which throws URIError on it, so rendering the list
  // throws and no article is shown at all. The article is stored, so this repeats on every load.
  test('an id with a lone surrogate does not break the list', () => {
    const bad = toEntry(article({ id: 'broken-\ud800', title: 'Broken id' }));
    renderList({ entries: [bad, ...entries], visible: [bad, ...entries] });
    expect(within(screen.getByRole('list', { name: 'Articles' })).getAllByRole('heading', { level: 2 })).toHaveLength(4);
  });
});

describe('ListView: while the archive is still being read', () => {
  test('the status counts the stored articles, not the first rows read so far', () => {
    render(<ListView entries={entries} visible={entries} filter={NO_FILTER} syncing={false} complete={false} total={100_000} />);
    expect(status().textContent).toBe('100,000 articles');
    expect(within(screen.getByRole('list', { name: 'Articles' })).getAllByRole('heading', { level: 2 })).toHaveLength(3);
  });

  test('a filter waits for the whole list before it counts', () => {
    render(<ListView entries={entries} visible={entries.slice(0, 1)} filter={{ q: '', tag: 'Weather' }} syncing={false} complete={false} total={100_000} />);
    expect(status().textContent).toBe('Loading articles…');
  });
});
