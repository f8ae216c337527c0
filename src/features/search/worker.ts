/// <reference lib="webworker" />
/**
 * The search worker: MiniSearch and the whole index live here, off the main thread, so building
 * the index for 100,000 articles never stalls scrolling or typing. Messages in: `open` (database
 * name), `query`, `refresh` (the store changed), `flush`. Out: `answer`, `ready`.
 *
 * The newest query wins: queries that arrive while one is being answered replace each other, and
 * the replaced ones are answered `stale` (the page has already moved on from them).
 */
import { idbCorpus } from './corpus';
import { SearchHost } from './host';
import type { WorkerRequest, WorkerResponse } from './protocol';

declare const self: DedicatedWorkerGlobalScope;

let host: SearchHost | undefined;
let pending: { id: number; q: string } | undefined;
let scheduled = false;

const post = (message: WorkerResponse) => self.postMessage(message);

self.onmessage = (event: MessageEvent<WorkerRequest>) => {
  const message = event.data;
  switch (message.type) {
    case 'open':
      host = new SearchHost(idbCorpus(message.db));
      void host.ready.then(() => post({ type: 'ready', size: host?.size ?? 0 }));
      break;
    case 'query':
      if (pending) post({ type: 'answer', id: pending.id, stale: true });
      pending = { id: message.id, q: message.q };
      if (!scheduled) {
        scheduled = true;
        setTimeout(() => void answer(), 0);
      }
      break;
    case 'refresh':
      void host?.refresh();
      break;
    case 'flush':
      void host?.flush();
      break;
  }
};

async function answer(): Promise<void> {
  scheduled = false;
  const job = pending;
  pending = undefined;
  if (!job || !host) return;
  try {
    const { ids, partial } = await host.query(job.q);
    post({ type: 'answer', id: job.id, ids, partial, size: host.size });
  } catch (error) {
    post({ type: 'answer', id: job.id, error: String(error) });
  }
}
