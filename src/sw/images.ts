/// <reference lib="webworker" />
/**
 * Serving kept article images. The page's <img> requests come through here: a kept image is
 * answered from the image cache (online too: it is already on the device) and its last use is
 * recorded for the least-recently-used order; anything else goes to the network. Offline, a
 * srcset candidate that was not the one kept is answered with the one that was.
 */
import type { RouteHandlerCallbackOptions } from 'workbox-core';
import { IMAGE_CACHE } from '../core/names';
import { withConnection } from '../data/connection';
import { imageByAlias, touchImage } from '../data/images';

/** Last-use times are written at most once an hour per image: the LRU order needs no more. */
const TOUCH_EVERY = 3_600_000;

async function touch(url: string): Promise<void> {
  try {
    await withConnection(touchImage, url, Date.now(), TOUCH_EVERY);
  } catch {
    // bookkeeping only: never fail an image over it
  }
}

async function kept(url: string): Promise<Response | undefined> {
  const cache = await caches.open(IMAGE_CACHE);
  return cache.match(url, { ignoreVary: true, ignoreSearch: false });
}

async function keptAlias(url: string): Promise<Response | undefined> {
  try {
    const record = await withConnection(imageByAlias, url);
    return record ? await kept(record.url) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The image route's handler. `fallback` answers what is not kept (the shell's own stale-while-revalidate cache for
 * same-origin images, the network otherwise).
 */
export function keptImages(fallback: (options: RouteHandlerCallbackOptions) => Promise<Response>) {
  return async (options: RouteHandlerCallbackOptions): Promise<Response> => {
    const { request, event } = options;
    const url = typeof request === 'string' ? request : request.url;
    const hit = await kept(url);
    if (hit) {
      // Typed as always there, but a handler run by hand may be given an event without it.
      (event as Partial<ExtendableEvent>).waitUntil?.(touch(url));
      return hit;
    }
    try {
      return await fallback(options);
    } catch (error) {
      const alias = await keptAlias(url);
      if (alias) return alias;
      // The page gets a failed image either way; an error response rather than a rejected
      // respondWith, which Firefox reports as an uncaught error in the page (docs/engines.md).
      return new Response(null, { status: 504, statusText: error instanceof Error ? error.name : 'Offline' });
    }
  };
}
