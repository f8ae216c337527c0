/** Messages between the page and the search worker. */

export type WorkerRequest =
  | { type: 'open'; db: string }
  | { type: 'query'; id: number; q: string }
  | { type: 'refresh' }
  | { type: 'flush' };

export type WorkerResponse =
  | { type: 'ready'; size: number }
  | { type: 'answer'; id: number; stale?: boolean; error?: string; ids?: string[] | undefined; partial?: boolean; size?: number };
