/// <reference lib="webworker" />
/**
 * Web Share Target: another app shares a hand-off file to Broadsheet (manifest `share_target`,
 * a multipart POST to `share-target`). The worker cannot show anything, so it parks the files in
 * a cache and sends the page to Settings, which checks them and asks the reader first (the
 * consent screen): nothing is imported here or without a press on Import. Any website can post
 * a form to this address, so a POST that looks forged (`looksForeign`) is marked, and the
 * consent screen says the file came from another website. Works offline: nothing here touches
 * the network.
 */
import type { RouteHandlerCallbackOptions } from 'workbox-core';
import { INBOX_CACHE } from '../core/names';
import { MAX_IMPORT_BYTES } from '../core/transfer/limits';
import { FILE_NAME_HEADER, ORIGIN_HEADER, inboxHref, looksForeign } from '../features/transfer/inbox';

export function receiveShare(scope: URL) {
  return async ({ request }: RouteHandlerCallbackOptions): Promise<Response> => {
    const target = inboxHref(scope);
    const origin = looksForeign(request, scope.origin) ? 'foreign' : 'share';
    try {
      const form = await request.formData();
      const cache = await caches.open(INBOX_CACHE);
      let n = 0;
      for (const entry of form.getAll('file')) {
        if (typeof entry === 'string' || entry.size > MAX_IMPORT_BYTES) continue;
        const key = new URL(`inbox/${Date.now()}-${n++}`, scope).href;
        await cache.put(key, new Response(entry, { headers: { 'content-type': entry.type || 'application/json', [FILE_NAME_HEADER]: encodeURIComponent(entry.name), [ORIGIN_HEADER]: origin } }));
      }
    } catch {
      // Not a form, or storage full: Settings opens and says there was nothing to import.
    }
    return Response.redirect(target, 303);
  };
}
