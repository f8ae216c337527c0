import { describe, expect, test } from 'vitest';
import { emptyState, isBlank, withListenAt, withRead } from '../../../src/core/reading';

const T0 = 1_700_000_000_000;

describe('where reading aloud stopped, in the reading state', () => {
  test('is recorded with the time, and forgotten at the end', () => {
    const at = withListenAt(emptyState('a'), 7, T0);
    expect(at).toMatchObject({ listenAt: 7, updatedAt: T0 });
    expect(withListenAt(at, 7, T0 + 1)).toBe(at);
    const done = withListenAt(at, undefined, T0 + 2);
    expect(done.listenAt).toBeUndefined();
    expect('listenAt' in done).toBe(false);
  });

  test('the first sentence and nonsense are no position', () => {
    expect(withListenAt(emptyState('a'), 0, T0)).toEqual(emptyState('a'));
    expect(withListenAt(emptyState('a'), -3, T0)).toEqual(emptyState('a'));
    expect(withListenAt(emptyState('a'), 1.5, T0)).toEqual(emptyState('a'));
  });

  test('a record holding only a position is kept; marking unread forgets it, as it forgets the scroll', () => {
    const at = withListenAt(emptyState('a'), 4, T0);
    expect(isBlank(at)).toBe(false);
    const read = withRead(at, true, T0 + 1);
    expect(read.listenAt).toBe(4);
    expect('listenAt' in withRead(read, false, T0 + 2)).toBe(false);
  });
});
