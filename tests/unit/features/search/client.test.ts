/**
 * The page's side of search and its worker's life: the worker is stopped when the page is left
 * (`pagehide`), so none of its IndexedDB transactions outlives the page (WebKit keeps a suspended
 * page's transaction open and the next page waits behind it: docs/engines.md), and a new one is
 * started by the next query; a worker that crashes hands its unanswered queries to the inline host.
 */
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { openStore } from '../../../../src/data/connection';
import type { WorkerRequest, WorkerResponse } from '../../../../src/features/search/protocol';

/** A stand-in for `Worker` that records what the page sends and lets the test answer. */
class FakeWorker {
  static made: FakeWorker[] = [];
  sent: WorkerRequest[] = [];
  terminated = false;
  onmessage: ((event: MessageEvent<WorkerResponse>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  constructor() {
    FakeWorker.made.push(this);
  }
  postMessage(message: WorkerRequest) {
    this.sent.push(message);
  }
  terminate() {
    this.terminated = true;
  }
  answer(id: number, ids: string[]) {
    this.onmessage?.({ data: { type: 'answer', id, ids } } as MessageEvent<WorkerResponse>);
  }
  /** The id of the last query sent. */
  get lastQuery(): number {
    const q = this.sent.filter((m) => m.type === 'query').at(-1);
    if (q?.type !== 'query') throw new Error('no query sent');
    return q.id;
  }
}

beforeEach(() => {
  FakeWorker.made = [];
  vi.stubGlobal('Worker', FakeWorker);
});
afterEach(() => {
  vi.unstubAllGlobals();
});

const load = async () => (await import('../../../../src/features/search/client')).createSearchClient;

describe('the search client and its worker', () => {
  test('opens the database in one worker and resolves a query with its answer', async () => {
    const client = (await load())({ db: 'test-client-a' });
    expect(FakeWorker.made).toHaveLength(1);
    const worker = FakeWorker.made[0]!;
    expect(worker.sent[0]).toEqual({ type: 'open', db: 'test-client-a' });
    const answer = client.query('strike');
    worker.answer(worker.lastQuery, ['a', 'b']);
    await expect(answer).resolves.toEqual({ ids: ['a', 'b'], partial: false });
  });

  test('pagehide stops the worker; an unanswered query is dropped as replaced, the next one starts a new worker', async () => {
    const client = (await load())({ db: 'test-client-b' });
    const first = FakeWorker.made[0]!;
    const pending = client.query('dock');
    dispatchEvent(new Event('pagehide'));
    expect(first.terminated).toBe(true);
    await expect(pending).resolves.toBeUndefined();
    // Nothing is sent to a stopped worker: a flush while the page is away starts none.
    client.flush();
    expect(FakeWorker.made).toHaveLength(1);

    const again = client.query('dock');
    expect(FakeWorker.made).toHaveLength(2);
    const second = FakeWorker.made[1]!;
    expect(second.sent[0]).toEqual({ type: 'open', db: 'test-client-b' });
    expect(first.sent.filter((m) => m.type === 'query')).toHaveLength(1);
    second.answer(second.lastQuery, ['x']);
    await expect(again).resolves.toEqual({ ids: ['x'], partial: false });
  });

  test('a worker that crashes is terminated and its unanswered query is asked of the inline host', async () => {
    const name = `test-client-${crypto.randomUUID()}`;
    (await openStore({ name })).close();
    const client = (await load())({ db: name });
    const worker = FakeWorker.made[0]!;
    const pending = client.query('nothing stored');
    worker.onerror?.(new ErrorEvent('error'));
    expect(worker.terminated).toBe(true);
    // The inline host searches the (empty) database: an answer, not a query left hanging.
    await expect(pending).resolves.toEqual({ ids: [], partial: false });
    expect(FakeWorker.made).toHaveLength(1);
  });
});
