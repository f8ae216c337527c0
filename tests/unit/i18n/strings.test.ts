import { describe, expect, test } from 'vitest';
import type { ParseReport } from '../../../src/core/feed/types';
import type { SyncFailure } from '../../../src/core/sync-types';
import { en as enMain } from '../../../src/i18n/en/main';
import { enLazy } from '../../../src/i18n/en/lazy';
import { emptyReport } from '../../../src/core/feed/report';

// The alert's sentences are in the lazy catalogue; the counts in the first-load one.
const en = { ...enMain, ...enLazy };
const report = (r: Partial<ParseReport>): ParseReport => ({ ...emptyReport(), ...r });

describe('failure sentences', () => {
  test.each<[SyncFailure, string]>([
    [{ kind: 'offline' }, 'You are offline. Showing the articles stored on this device.'],
    [{ kind: 'network' }, 'Could not reach the server. Showing the articles stored on this device.'],
    [{ kind: 'timeout', seconds: 10 }, 'The server did not answer within 10 seconds. Showing the articles stored on this device.'],
    [{ kind: 'http', status: 404, statusText: 'Not Found' }, 'The article index could not be loaded: the server answered 404. Your stored articles are unchanged.'],
    [{ kind: 'http', status: 500, statusText: '' }, 'The article index could not be loaded: the server answered 500. Your stored articles are unchanged.'],
    [{ kind: 'too-large', bytes: 64 * 1048576 }, 'The article index is larger than 64 MB, so it was not loaded. Your stored articles are unchanged.'],
    [{ kind: 'feed', error: { code: 'truncated' } }, 'The article index is incomplete: the download was cut off before the end. Your stored articles are unchanged.'],
    [{ kind: 'feed', error: { code: 'not-json', detail: 'Unexpected token' } }, 'The article index is not valid JSON. Your stored articles are unchanged.'],
    [{ kind: 'feed', error: { code: 'bad-version', detail: 'https://jsonfeed.org/version/2' } }, 'The article index is not a JSON Feed this app can read (its “version” is not one of JSON Feed’s). Your stored articles are unchanged.'],
    [{ kind: 'no-articles', report: report({}) }, 'The article index holds no readable articles. Your stored articles are unchanged.'],
    [
      { kind: 'no-articles', report: report({ total: 3, noId: 2, notObject: 1 }) },
      'The article index holds no readable articles (3 items). 3 items were skipped: 2 items without an id, 1 entry that is not an article. Your stored articles are unchanged.',
    ],
    [{ kind: 'storage', name: 'QuotaExceededError', written: 250, total: 300 }, "The device's storage is full: 250 of 300 articles were saved. Free some space, then check for new articles again."],
  ])('%o', (failure, sentence) => {
    expect(en.failure(failure)).toBe(sentence);
  });
});

describe('skipped sentence', () => {
  test('nothing skipped: empty', () => {
    expect(en.skipped(report({ total: 5, kept: 5, truncatedFields: 2, badDates: 1 }))).toBe('');
  });

  test('singular and plural', () => {
    expect(en.skipped(report({ noId: 1 }))).toBe('1 item was skipped: 1 item without an id.');
    expect(en.skipped(report({ notObject: 2, duplicates: 1 }))).toBe('3 items were skipped: 2 entries that are not an article, 1 duplicate copy.');
    expect(en.skipped(report({ duplicates: 2 }))).toBe('2 items were skipped: 2 duplicate copies.');
  });
});

test('article counts', () => {
  expect(en.articleCount(0)).toBe('0 articles');
  expect(en.articleCount(1)).toBe('1 article');
  expect(en.articleCount(2500)).toBe('2,500 articles');
  expect(en.noMatch('')).toBe('No stored article matches this filter.');
  expect(en.noMatch('x')).toBe('No stored article matches “\u2068x\u2069”.');
});

describe('repaired sentence (issue 6)', () => {
  test('nothing repaired: empty', () => {
    expect(en.repaired(report({ total: 5, kept: 3, noId: 2 }))).toBe('');
  });

  test('dates and over-long fields, singular and plural', () => {
    expect(en.repaired(report({ badDates: 1 }))).toBe('1 date could not be read and was left out.');
    expect(en.repaired(report({ truncatedFields: 1 }))).toBe('1 over-long field was shortened.');
    expect(en.repaired(report({ badDates: 2, truncatedFields: 3 }))).toBe('2 dates could not be read and were left out; 3 over-long fields were shortened.');
  });

  test('parse notes: what was skipped, then what was repaired', () => {
    expect(en.parseNotes(report({ total: 4, kept: 3, noId: 1, badDates: 1 }))).toBe('1 item was skipped: 1 item without an id. 1 date could not be read and was left out.');
    expect(en.parseNotes(report({ total: 4, kept: 4 }))).toBe('');
  });
});
