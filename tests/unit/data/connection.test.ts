/**
 * `abortOpenTransactions`: what a page entering the back/forward cache ends, so that WebKit does
 * not keep its transactions open while it is suspended (docs/engines.md).
 */
import { describe, expect, test } from 'vitest';
import { abortOpenTransactions, openStore } from '../../../src/data/connection';
import { emptyState } from '../../../src/core/reading';

const fresh = () => openStore({ name: `test-connection-${crypto.randomUUID()}` });

describe('abortOpenTransactions', () => {
  test('ends a write still under way: nothing of it is stored, and its promise rejects', async () => {
    const db = await fresh();
    const tx = db.transaction('state', 'readwrite');
    const put = tx.store.put({ ...emptyState('a'), saved: true, updatedAt: 1 });
    expect(abortOpenTransactions()).toBe(1);
    await expect(put).rejects.toThrow();
    await expect(tx.done).rejects.toThrow();
    expect(await db.get('state', 'a')).toBeUndefined();
    db.close();
  });

  test('leaves finished transactions alone, and counts only those still open', async () => {
    const db = await fresh();
    await db.put('state', { ...emptyState('b'), saved: true, updatedAt: 1 });
    expect(abortOpenTransactions()).toBe(0);
    const check = db.transaction('state');
    expect((await check.store.get('b'))?.saved).toBe(true);
    await check.done;
    expect(abortOpenTransactions()).toBe(0);
    const read = db.transaction('state');
    const pending = read.store.get('b');
    expect(abortOpenTransactions()).toBe(1);
    await expect(pending).rejects.toThrow();
    await expect(read.done).rejects.toThrow();
    db.close();
  });
});
