import { describe, expect, test } from 'vitest';
import {
  emptyState,
  FINISHED,
  isBlank,
  opened,
  resumeAt,
  STARTED,
  withProgress,
  withRead,
  withSaved,
  type ReadingState,
} from '../../../src/core/reading';

const T0 = 1_700_000_000_000;
const T1 = T0 + 60_000;
const T2 = T0 + 120_000;

const state = (patch: Partial<ReadingState> = {}): ReadingState => ({ ...emptyState('a'), ...patch });

describe('emptyState and isBlank', () => {
  test('an empty state is unread, unsaved, at the top, never updated', () => {
    expect(emptyState('https://example.org/x')).toEqual({ id: 'https://example.org/x', read: false, saved: false, progress: 0, updatedAt: 0 });
    expect(isBlank(emptyState('x'))).toBe(true);
  });

  test('read, saved or any progress makes a state non-blank', () => {
    expect(isBlank(state({ read: true }))).toBe(false);
    expect(isBlank(state({ saved: true }))).toBe(false);
    expect(isBlank(state({ progress: 0.5 }))).toBe(false);
    // Timestamps alone say nothing.
    expect(isBlank(state({ updatedAt: T1, readAt: T0 }))).toBe(true);
  });
});

describe('opened', () => {
  test('marks an unread article read, at `now`', () => {
    expect(opened(emptyState('a'), T1)).toEqual({ id: 'a', read: true, readAt: T1, saved: false, progress: 0, updatedAt: T1 });
  });

  test('an already read article is returned unchanged (same object, first readAt kept)', () => {
    const s = state({ read: true, readAt: T0, updatedAt: T0 });
    const again = opened(s, T2);
    expect(again).toBe(s);
    expect(again.readAt).toBe(T0);
    expect(again.updatedAt).toBe(T0);
  });

  test('keeps a readAt from an earlier reading after it was marked unread', () => {
    const unread = state({ read: false, readAt: T0, updatedAt: T1 });
    const next = opened(unread, T2);
    expect(next.read).toBe(true);
    expect(next.readAt).toBe(T0);
    expect(next.updatedAt).toBe(T2);
  });

  test('does not mutate its input', () => {
    const s = emptyState('a');
    opened(s, T1);
    expect(s).toEqual(emptyState('a'));
  });
});

describe('withRead', () => {
  test('marking read sets readAt and updatedAt', () => {
    expect(withRead(emptyState('a'), true, T1)).toEqual({ id: 'a', read: true, readAt: T1, saved: false, progress: 0, updatedAt: T1 });
  });

  test('the first readAt is kept across unread → read', () => {
    const first = withRead(emptyState('a'), true, T0);
    const unread = withRead(first, false, T1);
    const again = withRead(unread, true, T2);
    expect(again.readAt).toBe(T0);
    expect(again.updatedAt).toBe(T2);
  });

  test('marking unread resets the progress, keeps saved, and updates updatedAt', () => {
    const s = state({ read: true, readAt: T0, saved: true, savedAt: T0, progress: 0.6, updatedAt: T0 });
    const next = withRead(s, false, T1);
    expect(next).toEqual({ id: 'a', read: false, readAt: T0, saved: true, savedAt: T0, progress: 0, updatedAt: T1 });
    expect(s.progress).toBe(0.6);
  });

  test('no change (read → read, unread → unread) returns the same object and keeps updatedAt', () => {
    const read = state({ read: true, readAt: T0, progress: 0.5, updatedAt: T0 });
    expect(withRead(read, true, T2)).toBe(read);
    const unread = state({ progress: 0.5, updatedAt: T0 });
    expect(withRead(unread, false, T2)).toBe(unread);
    expect(unread.progress).toBe(0.5);
  });
});

describe('withSaved', () => {
  test('saving sets savedAt and updatedAt', () => {
    expect(withSaved(emptyState('a'), true, T1)).toEqual({ id: 'a', read: false, saved: true, savedAt: T1, progress: 0, updatedAt: T1 });
  });

  test('unsaving removes savedAt (no key left) and updates updatedAt', () => {
    const s = state({ saved: true, savedAt: T0, updatedAt: T0 });
    const next = withSaved(s, false, T1);
    expect(next).toEqual({ id: 'a', read: false, saved: false, progress: 0, updatedAt: T1 });
    expect('savedAt' in next).toBe(false);
    expect(s.savedAt).toBe(T0);
  });

  test('saving again after unsaving takes the new time', () => {
    const s = withSaved(withSaved(withSaved(emptyState('a'), true, T0), false, T1), true, T2);
    expect(s.savedAt).toBe(T2);
  });

  test('no change returns the same object and keeps updatedAt', () => {
    const saved = state({ saved: true, savedAt: T0, updatedAt: T0 });
    expect(withSaved(saved, true, T2)).toBe(saved);
    const unsaved = state({ updatedAt: T0 });
    expect(withSaved(unsaved, false, T2)).toBe(unsaved);
  });
});

describe('withProgress', () => {
  test('records progress rounded to 3 decimals, updating updatedAt', () => {
    const next = withProgress(emptyState('a'), 0.123456, T1);
    expect(next.progress).toBe(0.123);
    expect(next.updatedAt).toBe(T1);
    expect(next.read).toBe(false);
    expect(withProgress(emptyState('a'), 0.4567, T1).progress).toBe(0.457);
  });

  test.each([
    [-0.5, 0],
    [1.7, 1],
    [Number.NaN, 0],
    [Number.POSITIVE_INFINITY, 0],
    [Number.NEGATIVE_INFINITY, 0],
  ])('clamps %s to %s', (input, expected) => {
    const from = state({ progress: 0.5, updatedAt: T0 });
    expect(withProgress(from, input, T1).progress).toBe(expected);
  });

  test('tiny changes (< 0.005) are ignored: the same object comes back, updatedAt untouched', () => {
    const s = state({ progress: 0.5, updatedAt: T0 });
    expect(withProgress(s, 0.504, T1)).toBe(s);
    expect(withProgress(s, 0.496, T1)).toBe(s);
    expect(withProgress(s, 0.5, T1)).toBe(s);
    expect(s.updatedAt).toBe(T0);
    // A change of 0.005 or more is recorded.
    expect(withProgress(s, 0.51, T1).progress).toBe(0.51);
    expect(withProgress(s, 0.49, T1).updatedAt).toBe(T1);
  });

  test('reaching FINISHED marks the article read, with readAt at that time', () => {
    const s = state({ progress: 0.5, updatedAt: T0 });
    const done = withProgress(s, FINISHED, T1);
    expect(done).toEqual({ id: 'a', read: true, readAt: T1, saved: false, progress: FINISHED, updatedAt: T1 });
    expect(withProgress(s, 1, T1).read).toBe(true);
  });

  test('just below FINISHED does not mark read', () => {
    const next = withProgress(state({ progress: 0.5 }), 0.969, T1);
    expect(next.read).toBe(false);
    expect(next.progress).toBe(0.969);
  });

  test('finishing an already read article keeps its first readAt', () => {
    const s = state({ read: true, readAt: T0, progress: 0.2, updatedAt: T0 });
    const next = withProgress(s, 1, T2);
    expect(next.readAt).toBe(T0);
    expect(next.progress).toBe(1);
    expect(next.updatedAt).toBe(T2);
  });

  test('scrolling back up keeps the article read', () => {
    const done = withProgress(emptyState('a'), 1, T0);
    const up = withProgress(done, 0.2, T1);
    expect(up.read).toBe(true);
    expect(up.progress).toBe(0.2);
  });

  // Regression: a small step that crosses FINISHED (0.968 → 0.972) was once swallowed by the
  // "tiny change" rule, so the article was not marked read and kept offering to resume at 97%.
  test('crossing FINISHED by a step smaller than 0.005 still marks the article read', () => {
    const s = state({ progress: 0.968, updatedAt: T0 });
    const next = withProgress(s, 0.972, T1);
    expect(next.read).toBe(true);
    expect(resumeAt(next)).toBeUndefined();
  });
});

describe('resumeAt', () => {
  test('only strictly between STARTED and FINISHED', () => {
    expect(resumeAt(undefined)).toBeUndefined();
    expect(resumeAt(emptyState('a'))).toBeUndefined();
    expect(resumeAt(state({ progress: STARTED }))).toBeUndefined();
    expect(resumeAt(state({ progress: 0.02 }))).toBeUndefined();
    expect(resumeAt(state({ progress: 0.031 }))).toBe(0.031);
    expect(resumeAt(state({ progress: 0.5 }))).toBe(0.5);
    expect(resumeAt(state({ progress: 0.969 }))).toBe(0.969);
    expect(resumeAt(state({ progress: FINISHED }))).toBeUndefined();
    expect(resumeAt(state({ progress: 1 }))).toBeUndefined();
  });

  test('a read article part-way through can still be resumed', () => {
    expect(resumeAt(state({ read: true, readAt: T0, progress: 0.4 }))).toBe(0.4);
  });

  test('marking unread forgets the resume point', () => {
    const s = state({ read: true, readAt: T0, progress: 0.4 });
    expect(resumeAt(withRead(s, false, T1))).toBeUndefined();
  });
});

describe('updatedAt', () => {
  test('changes only on real changes', () => {
    let s = emptyState('a');
    s = withSaved(s, true, T0);
    expect(s.updatedAt).toBe(T0);
    s = withSaved(s, true, T1);
    expect(s.updatedAt).toBe(T0);
    s = opened(s, T1);
    expect(s.updatedAt).toBe(T1);
    s = opened(s, T2);
    expect(s.updatedAt).toBe(T1);
    s = withProgress(s, 0.001, T2);
    expect(s.updatedAt).toBe(T1);
    s = withProgress(s, 0.3, T2);
    expect(s.updatedAt).toBe(T2);
  });
});
