import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, test } from 'vitest';
import type { ParseReport } from '../../../src/core/feed/types';
import { Alert } from '../../../src/app/Alert';
import { alertText } from '../../../src/app/alert-text';
import type { SyncState } from '../../../src/app/useSync';
import { enLazy as en } from '../../../src/i18n/en/lazy';
import { emptyReport } from '../../../src/core/feed/report';

afterEach(cleanup);

const report = (r: Partial<ParseReport> = {}): ParseReport => ({ ...emptyReport(), ...r });
const idle: SyncState = { running: false, record: {} };

describe('alertText', () => {
  test('nothing to say: empty', () => {
    expect(alertText(idle, '', en)).toBe('');
    expect(alertText({ ...idle, report: report({ total: 3, kept: 3 }) }, '', en)).toBe('');
  });

  test('a failed sync says why', () => {
    expect(alertText({ ...idle, failure: { kind: 'http', status: 500, statusText: 'Internal Server Error' } }, '', en)).toBe(
      'The article index could not be loaded: the server answered 500. Your stored articles are unchanged.',
    );
  });

  test('a failed sync that had stored pages says what it kept', () => {
    const text = alertText({ ...idle, failure: { kind: 'network' }, partial: { pages: 3, articles: 120 } }, '', en);
    expect(text).toBe(`${en.failure({ kind: 'network' })} ${en.partialSaved(3, 120)}`);
  });

  test('a successful sync says what it skipped and repaired', () => {
    expect(alertText({ ...idle, report: report({ total: 4, kept: 2, noId: 1, notObject: 1, badDates: 1 }) }, '', en)).toBe(
      '2 items were skipped: 1 item without an id, 1 entry that is not an article. 1 date could not be read and was left out.',
    );
  });

  test('a sync stopped early by a loop or the page limit says so', () => {
    expect(alertText({ ...idle, stop: 'loop', pages: 7 }, '', en)).toBe(en.stoppedAtLoop);
    expect(alertText({ ...idle, stop: 'limit', pages: 500 }, '', en)).toBe('The download stopped after 500 pages, the most one update fetches.');
    expect(alertText({ ...idle, report: report({ noId: 2 }), stop: 'loop' }, '', en)).toBe(`2 items were skipped: 2 items without an id. ${en.stoppedAtLoop}`);
  });

  test('a failure outranks the notes of an earlier successful sync', () => {
    const text = alertText({ ...idle, failure: { kind: 'offline' }, report: report({ noId: 2 }), stop: 'loop' }, '', en);
    expect(text).toBe(en.failure({ kind: 'offline' }));
  });

  test('while a sync runs, only the storage notice is said', () => {
    const running: SyncState = { running: true, record: {}, failure: { kind: 'network' }, report: report({ noId: 1 }), stop: 'loop' };
    expect(alertText(running, '', en)).toBe('');
    expect(alertText(running, 'dbUpgrade', en)).toBe(en.dbUpgrade);
  });

  test.each(['dbUpgrade', 'dbUnavailable', 'dbClosed', 'evicted', 'evictedRestored'] as const)('the %s notice follows what the sync says', (notice) => {
    expect(alertText(idle, notice, en)).toBe(en[notice]);
    expect(alertText({ ...idle, failure: { kind: 'offline' } }, notice, en)).toBe(`${en.failure({ kind: 'offline' })} ${en[notice]}`);
  });

  test('the strings are the ones passed in', () => {
    const strings = { ...en, failure: () => 'Falhou.', dbClosed: 'Fechado.' };
    expect(alertText({ ...idle, failure: { kind: 'network' } }, 'dbClosed', strings)).toBe('Falhou. Fechado.');
  });
});

describe('Alert', () => {
  test('is the page’s alert region, empty when there is nothing to say', () => {
    render(<Alert sync={idle} notice="" />);
    expect(screen.getByRole('alert').textContent).toBe('');
    expect(screen.getByRole('alert').className).toBe('alert');
  });

  // Was a ListView test, from when the list could say it; the app says it in this alert.
  test('the sentence about skipped items is shown', async () => {
    render(<Alert sync={{ ...idle, report: report({ total: 3, kept: 1, noId: 2 }) }} notice="" />);
    // Its sentences load with the lazy catalogue, a moment later.
    expect(await screen.findByText('2 items were skipped: 2 items without an id.')).toBeTruthy();
  });
});

describe('the eviction alert in WebKit', () => {
  test('outside the installed app it suggests adding to the Home Screen; elsewhere it does not', () => {
    expect(alertText(idle, 'evicted', en, undefined, true)).toBe(`${en.evicted} ${en.webkitEvicted}`);
    expect(alertText(idle, 'evictedRestored', en, undefined, true)).toBe(`${en.evictedRestored} ${en.webkitEvicted}`);
    expect(alertText(idle, 'evicted', en, undefined, false)).toBe(en.evicted);
    expect(alertText(idle, 'dbClosed', en, undefined, true)).toBe(en.dbClosed);
  });
});
