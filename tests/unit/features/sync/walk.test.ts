import { describe, expect, test, vi } from 'vitest';
import type { Article } from '../../../../src/core/feed/types';
import type { WriteResult } from '../../../../src/data/write';
import type { PageRecord } from '../../../../src/data/schema';
import { walkFeed, type PageStore } from '../../../../src/features/sync/walk';
import { feedText, item, urlOf } from '../../helpers';

const BASE = 'https://news.example.org';

/** Three pages; records every request, and lets the test hold a page's write open. */
function setup(hasNews: boolean) {
  const pages: Record<string, string> = {
    '/feed.json': feedText([item('a'), item('b')], { next_url: 'p/2.json' }),
    '/p/2.json': feedText([item('c')], { next_url: '3.json' }),
    '/p/3.json': feedText([item('d')]),
  };
  const events: string[] = [];
  const fetchImpl: typeof fetch = async (input) => {
    const path = new URL(urlOf(input)).pathname;
    events.push(`fetch ${path}`);
    return new Response(pages[path] ?? '', { status: pages[path] ? 200 : 404 });
  };
  let release: (() => void) | undefined;
  const store: PageStore = {
    page: async () => undefined,
    async write(articles: Article[], page: PageRecord): Promise<WriteResult> {
      events.push(`write ${new URL(page.url).pathname} start`);
      if (page.url.endsWith('/feed.json')) await new Promise<void>((r) => (release = r));
      events.push(`write ${new URL(page.url).pathname} end`);
      return { added: articles.length, updated: 0, unchanged: 0, written: articles.length };
    },
    setResume: async () => {},
    hasNews: () => hasNews,
  };
  return { events, fetchImpl, store, release: () => release?.() };
}

describe('walkFeed: fetching ahead', () => {
  test('when a page certainly brings news, the next page is fetched while it is being written', async () => {
    const { events, fetchImpl, store, release } = setup(true);
    const walking = walkFeed(store, `${BASE}/feed.json`, { fetchImpl, isOnline: () => true });
    // The first write is held: the second page is fetched meanwhile.
    await vi.waitFor(() => expect(events).toEqual(['fetch /feed.json', 'write /feed.json start', 'fetch /p/2.json']));
    release();
    const outcome = await walking;
    expect(outcome).toMatchObject({ ok: true, stop: 'end', totals: { pages: 3 } });
    // Each page was fetched once, in order.
    expect(events.filter((e) => e.startsWith('fetch'))).toEqual(['fetch /feed.json', 'fetch /p/2.json', 'fetch /p/3.json']);
  });

  test('when it might bring nothing new, the next page waits for the write (the walk may stop there)', async () => {
    const { events, fetchImpl, store, release } = setup(false);
    const walking = walkFeed(store, `${BASE}/feed.json`, { fetchImpl, isOnline: () => true });
    await vi.waitFor(() => expect(events).toContain('write /feed.json start'));
    release();
    await walking;
    expect(events.indexOf('fetch /p/2.json')).toBeGreaterThan(events.indexOf('write /feed.json end'));
  });
});
