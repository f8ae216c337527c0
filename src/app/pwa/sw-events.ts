/**
 * A two-way bridge between the lazily loaded service-worker registration and the UI, so the
 * shell does not have to load workbox-window before it can render.
 */
export type SwEvent = { type: 'offline-ready' } | { type: 'update-ready'; apply: () => void };

type Listener = (e: SwEvent) => void;
const listeners = new Set<Listener>();
let last: SwEvent | undefined;

export function emitSw(e: SwEvent): void {
  last = e;
  for (const l of listeners) l(e);
}

/** Subscribes, replaying the latest event so a late subscriber does not miss an update. */
export function onSw(l: Listener): () => void {
  listeners.add(l);
  if (last) l(last);
  return () => listeners.delete(l);
}
