/**
 * Reading state: what the reader has read, saved, and how far they got. Pure functions over a
 * small record per article, so the rules are tested without a browser. The record lives in its
 * own store, apart from the article, so re-syncs and app updates never touch it.
 */
import { emptyState } from './empty-state';

export interface ReadingState {
  id: string;
  read: boolean;
  /** When the article was first marked read (epoch ms). */
  readAt?: number;
  saved: boolean;
  savedAt?: number;
  /** How far down the article the reader got, 0..1. */
  progress: number;
  /**
   * Where reading aloud stopped: the index of the next sentence to speak. Absent when the article
   * was never listened to or was listened to the end.
   */
  listenAt?: number;
  /** When any of the above last changed, so the newest change wins across tabs and imports. */
  updatedAt: number;
}

/** Past this point an article counts as finished: no "resume", and it is read. */
export const FINISHED = 0.97;
/** Below this, there is nothing worth resuming. */
export const STARTED = 0.03;

/** A change to one article's reading state, applied by the store as a read-modify-write. */
export type StateChange = (s: ReadingState, now: number) => ReadingState;

/** Asks for `change` to be applied to article `id`'s reading state (shown at once, then stored). */
export type StateUpdate = (id: string, change: StateChange) => void;

// The state of an article never touched, on its own so the first load need not carry these rules.
export { emptyState };

/** Opening an article marks it read (keeping the first time it was read). */
export function opened(s: ReadingState, now: number): ReadingState {
  return s.read ? s : { ...s, read: true, readAt: s.readAt ?? now, updatedAt: now };
}

export function withRead(s: ReadingState, read: boolean, now: number): ReadingState {
  if (s.read === read) return s;
  // Marking unread also forgets the position: the reader wants to start it over later.
  if (read) return { ...s, read, readAt: s.readAt ?? now, updatedAt: now };
  const next: ReadingState = { ...s, read, progress: 0, updatedAt: now };
  delete next.listenAt;
  return next;
}

/** Records where reading aloud is (the next sentence to speak); `undefined` forgets it (the end was reached). */
export function withListenAt(s: ReadingState, at: number | undefined, now: number): ReadingState {
  const valid = at !== undefined && Number.isInteger(at) && at > 0 ? at : undefined;
  if (s.listenAt === valid) return s;
  const next: ReadingState = { ...s, updatedAt: now };
  if (valid === undefined) delete next.listenAt;
  else next.listenAt = valid;
  return next;
}

export function withSaved(s: ReadingState, saved: boolean, now: number): ReadingState {
  if (s.saved === saved) return s;
  const next: ReadingState = { ...s, saved, updatedAt: now };
  if (saved) next.savedAt = now;
  else delete next.savedAt;
  return next;
}

/** Records scroll progress; reaching the end marks the article read. */
export function withProgress(s: ReadingState, progress: number, now: number): ReadingState {
  const p = Math.round(Math.min(1, Math.max(0, Number.isFinite(progress) ? progress : 0)) * 1000) / 1000;
  // Tiny moves are not worth a write, unless they cross the end: finishing must mark it read.
  if (Math.abs(p - s.progress) < 0.005 && (p < FINISHED || s.read)) return s;
  const next: ReadingState = { ...s, progress: p, updatedAt: now };
  return p >= FINISHED ? opened(next, now) : next;
}

/** Where to resume, as a fraction, or undefined when the article is unstarted or finished. */
export function resumeAt(s: ReadingState | undefined): number | undefined {
  return s && s.progress > STARTED && s.progress < FINISHED ? s.progress : undefined;
}

/** A record that says nothing (never read, not saved, no progress) need not be stored. */
export function isBlank(s: ReadingState): boolean {
  return !s.read && !s.saved && s.progress === 0 && s.listenAt === undefined;
}

/** One article's state before a change to many, to put back exactly: `undefined` when none was stored. */
export interface Restore {
  id: string;
  before: ReadingState | undefined;
}

/**
 * Marks every article in `ids` read ("Mark 37 as read"): the states that change, and what undoes
 * exactly that (the previous record of each changed id, or none). Articles already read are left
 * alone, so an undo cannot make them unread. One pass over `ids`: fine at 100,000.
 */
export function markAllRead(current: ReadonlyMap<string, ReadingState>, ids: Iterable<string>, now: number): { changed: ReadingState[]; undo: Restore[] } {
  const changed: ReadingState[] = [];
  const undo: Restore[] = [];
  for (const id of ids) {
    const before = current.get(id);
    const base = before ?? emptyState(id);
    const after = withRead(base, true, now);
    if (after === base) continue;
    changed.push(after);
    undo.push({ id, before });
  }
  return { changed, undo };
}

/** `current` with the states in `undo` put back: a new map. */
export function restored(current: ReadonlyMap<string, ReadingState>, undo: readonly Restore[]): Map<string, ReadingState> {
  const next = new Map(current);
  for (const { id, before } of undo) {
    if (before) next.set(id, before);
    else next.delete(id);
  }
  return next;
}
