/**
 * The storage panel, rendered over a real (fake-indexeddb) store: what it says about the stored
 * articles, and the persistent-storage request and its answer (a claim of the README).
 */
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeAll, describe, expect, test, vi } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../../src/core/settings';
import { openStore } from '../../../../src/data/connection';
import { putArticles } from '../../../../src/data/write';
import { StoragePanel } from '../../../../src/features/offline/StoragePanel';
import { enLazy } from '../../../../src/i18n/en/lazy';
import { article } from '../../helpers';

beforeAll(async () => {
  // The panel reads the app's own database (the shared connection): three articles, one of
  // them readable with no network (its text is stored and asks for no image).
  const db = await openStore();
  await putArticles(db, [
    article({ id: 'text-only', contentHtml: '<p>All the words are here.</p>', tags: ['Strikes'] }),
    article({ id: 'with-picture', contentHtml: '<p>See</p><img src="https://images.example.org/a.jpg" alt="">', tags: ['strikes'] }),
    article({ id: 'body-later', bodyUrl: 'https://news.example.org/bodies/3.html', tags: ['Housing'] }),
  ]);
  db.close();
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

/** `navigator` with a StorageManager of our own, as a browser that has one would give. */
function withStorage(storage: Partial<StorageManager>) {
  vi.stubGlobal('navigator', Object.assign(Object.create(navigator) as Navigator, { storage }));
}

describe('the storage panel', () => {
  test('states how many articles are stored and how many of them read with no network', async () => {
    render(<StoragePanel settings={DEFAULT_SETTINGS} onSettings={vi.fn()} />);
    expect(await screen.findByText(enLazy.articlesStored(3, 1))).toBeTruthy();
  });

  test('without a persist() in the browser it says it cannot ask, and offers no button', async () => {
    withStorage({});
    render(<StoragePanel settings={DEFAULT_SETTINGS} onSettings={vi.fn()} />);
    // Once the panel has measured (the count is there), the browser's answer is known.
    await screen.findByText(enLazy.articlesStored(3, 1));
    expect(screen.getByText(enLazy.persistUnsupported)).toBeTruthy();
    expect(screen.queryByRole('button', { name: enLazy.persistAsk })).toBeNull();
  });

  test('Ask to keep data permanently asks the browser once, and shows its answer: granted', async () => {
    const persist = vi.fn(() => Promise.resolve(true));
    withStorage({ persisted: () => Promise.resolve(false), persist, estimate: () => Promise.resolve({ usage: 2_000_000, quota: 500_000_000 }) });
    render(<StoragePanel settings={DEFAULT_SETTINGS} onSettings={vi.fn()} />);
    expect(await screen.findByText(enLazy.persistNotYet)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: enLazy.persistAsk }));
    expect(await screen.findByText(enLazy.persistGranted)).toBeTruthy();
    expect(persist).toHaveBeenCalledOnce();
    expect(screen.queryByRole('button', { name: enLazy.persistAsk })).toBeNull();
  });

  test('…and refused: it says so, with the advice to install, and the button stays', async () => {
    withStorage({ persisted: () => Promise.resolve(false), persist: () => Promise.resolve(false) });
    render(<StoragePanel settings={DEFAULT_SETTINGS} onSettings={vi.fn()} />);
    fireEvent.click(await screen.findByRole('button', { name: enLazy.persistAsk }));
    expect(await screen.findByText(enLazy.persistDenied)).toBeTruthy();
    await waitFor(() => expect(screen.getByRole('button', { name: enLazy.persistAsk })).toBeTruthy());
  });
});
