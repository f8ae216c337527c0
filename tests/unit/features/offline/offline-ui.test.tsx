import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { applyFilter, NO_FILTER, toEntry } from '../../../../src/core/list-model';
import { formatSize, formatUsed } from '../../../../src/i18n/bytes';
import { ListView } from '../../../../src/features/list/ListView';
import { applyLocale } from '../../../../src/i18n';
import { ShareButton } from '../../../../src/features/reader/ShareButton';
import { tl } from '../../../../src/i18n/lazy';
import { article } from '../../helpers';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('list rows say whether the article can be read fully offline', () => {
  test('with words for screen readers as well as an icon; nothing while unknown', () => {
    const entries = [article({ id: 'a', title: 'Kept' }), article({ id: 'b', title: 'Not kept' }), article({ id: 'c', title: 'Unknown' })].map(toEntry);
    const offline = new Map([
      ['a', true],
      ['b', false],
    ]);
    render(<ListView entries={entries} visible={applyFilter(entries, NO_FILTER)} filter={NO_FILTER} offline={offline} syncing={false} />);
    const row = (title: string) => screen.getByRole('link', { name: title }).closest('li')!;
    expect(within(row('Kept')).getByText('Readable offline').className).toBe('sr-only');
    expect(within(row('Kept')).getByTitle('Readable offline').textContent).toBe('✓Readable offline');
    expect(within(row('Not kept')).getByText('Not fully offline yet')).toBeTruthy();
    expect(row('Unknown').querySelector('.offline-mark')?.textContent).toBe('');
  });
});

describe('Share', () => {
  test('uses the Web Share API with the title and URL when there is one', async () => {
    const share = vi.fn(async () => {});
    vi.stubGlobal('navigator', { share, canShare: () => true, clipboard: { writeText: vi.fn() } });
    render(<ShareButton title="Port vote" url="https://news.example.org/port" />);
    fireEvent.click(screen.getByRole('button', { name: 'Share' }));
    await waitFor(() => expect(share).toHaveBeenCalledWith({ title: 'Port vote', url: 'https://news.example.org/port' }));
    expect(screen.queryByText('Link copied.')).toBeNull();
  });

  test('falls back to copying the link, and says so', async () => {
    const writeText = vi.fn(async () => {});
    vi.stubGlobal('navigator', { share: undefined, clipboard: { writeText } });
    render(<ShareButton title="Port vote" url="https://news.example.org/port" />);
    fireEvent.click(screen.getByRole('button', { name: 'Share' }));
    await screen.findByText('Link copied.');
    expect(writeText).toHaveBeenCalledWith('https://news.example.org/port');
  });

  test('when the clipboard is refused too, the link is shown to copy by hand', async () => {
    vi.stubGlobal('navigator', { share: undefined, clipboard: { writeText: async () => Promise.reject(new Error('denied')) } });
    render(<ShareButton title="Port vote" url="https://news.example.org/port" />);
    fireEvent.click(screen.getByRole('button', { name: 'Share' }));
    expect((await screen.findByLabelText<HTMLInputElement>('Copy this link')).value).toBe('https://news.example.org/port');
  });
});

describe('storage sizes', () => {
  test('used space is written in KB or MB, never GB', () => {
    expect(formatUsed(0)).toBe('0 KB');
    expect(formatUsed(2_500)).toBe('2.4 KB');
    expect(formatUsed(2.4 * 1024 * 1024)).toBe('2.4 MB');
    expect(formatUsed(3 * 1024 ** 3)).toBe('3,072 MB');
    expect(formatSize(1.2 * 1024 ** 3)).toBe('1.2 GB');
  });
});

describe('the offline views speak the UI language', () => {
  test('their strings load with the language, and English needs no download', async () => {
    expect(tl().keepOffline).toBe('Keep offline');
    await applyLocale('es');
    expect(tl().keepOffline).toBe('Guardar sin conexión');
    await applyLocale('uk');
    expect(tl().articlesStored(5, 2)).toBe('Збережено 5 статей, повністю доступні без мережі: 2.');
    await applyLocale('en');
    expect(tl().exportButton).toBe('Export');
    expect(tl().importButton).toBe('Import');
  });
});
