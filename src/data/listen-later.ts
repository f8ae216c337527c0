/**
 * `listen` from `channel.ts`, for the first-load hooks: the channel's code is not needed before
 * the first paint, so it is imported when the first listener subscribes. Messages sent before it
 * arrives are not heard; every caller re-reads the store at start anyway.
 */
import type { ChannelMessage } from './channel';

export function listenLater(listener: (message: ChannelMessage) => void): () => void {
  let stop: (() => void) | undefined;
  let stopped = false;
  void import('./channel').then(({ listen }) => {
    if (!stopped) stop = listen(listener);
  });
  return () => {
    stopped = true;
    stop?.();
  };
}
