/**
 * The list's "readable offline" marks. The app hands every stored article to `track` when it
 * reads the store; the cheap part (does the body need network images at all?) is decided at
 * once, so most rows get their mark in the first paint, and the rest are checked against the
 * kept images by a lazily loaded module. Marks are re-checked whenever a keep-offline run, an
 * eviction, an import or a clean-up announces a change.
 */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { Article } from '../../core/feed/types';
import { listenLater } from '../../data/listen-later';
import type { Needs } from './marks';

const loadStatus = () => import('./status');
const loadMarks = () => import('./marks');

export interface OfflineStatus {
  /** true: readable fully offline; false: not yet; absent: not known yet. */
  status: ReadonlyMap<string, boolean>;
  track: (articles: readonly Article[]) => void;
}

export function useOfflineStatus(): OfflineStatus {
  const [status, setStatus] = useState<ReadonlyMap<string, boolean>>(new Map());
  const needs = useRef<Needs>(new Map());

  const refresh = useCallback(async () => {
    const current = needs.current;
    const marks = await loadMarks();
    const quick = marks.quickMarks(current);
    if (!quick.pending) {
      setStatus(quick.marks);
      return;
    }
    try {
      const kept = await (await loadStatus()).loadKept();
      if (needs.current !== current) return; // a newer list arrived meanwhile
      setStatus(marks.fullMarks(current, kept));
    } catch {
      setStatus(quick.marks); // no IndexedDB: nothing with network images is kept
    }
  }, []);

  const track = useCallback(
    (articles: readonly Article[]) =>
      void loadMarks().then((marks) => {
        needs.current = marks.needsOf(articles);
        return refresh();
      }),
    [refresh],
  );

  useEffect(() => {
    const stop = listenLater((m) => {
      if (m.type === 'offline') void refresh();
    });
    // A keep-offline run interrupted by a closed tab or a lost network goes on by itself.
    const resume = () => void loadStatus().then((m) => m.resumePending()).catch(() => {});
    const timer = setTimeout(resume, 1000);
    addEventListener('online', resume);
    return () => {
      stop();
      clearTimeout(timer);
      removeEventListener('online', resume);
    };
  }, [refresh]);

  return { status, track };
}
