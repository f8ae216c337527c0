/**
 * The inbox of files shared to the app (Web Share Target). The service worker cannot show
 * anything, so it parks each file in Cache Storage (`INBOX_CACHE`) and sends the page to
 * Settings, which imports what waits there with the same checks as the file picker. The worker
 * and the page take the address and the file-name header from here, so they cannot drift apart.
 */
import { settingsHref } from '../../core/routes';

/** The parked file's own name, URI-encoded (a header value cannot hold every character). */
export const FILE_NAME_HEADER = 'x-file-name';

/**
 * How the file reached the worker: `foreign` when the POST came from another site (a form on a
 * web page, not the system share sheet), which the consent screen says in so many words.
 */
export const ORIGIN_HEADER = 'x-share-origin';

/**
 * Whether a POST to the share target looks forged: sent by a page on another site rather than
 * by the system share sheet. `Sec-Fetch-Site` says so where it reaches the worker (`cross-site`,
 * `same-site`; the share sheet sends `none`); else the referrer names another origin; a request
 * that is not a navigation is never a share. A forged POST still only reaches the consent
 * screen: this only decides what that screen says.
 */
export function looksForeign(request: Pick<Request, 'headers' | 'referrer' | 'mode'>, origin: string): boolean {
  if (request.mode !== 'navigate') return true;
  const site = request.headers.get('sec-fetch-site');
  if (site && site !== 'none' && site !== 'same-origin') return true;
  if (!request.referrer || request.referrer === 'about:client') return false;
  try {
    return new URL(request.referrer).origin !== origin;
  } catch {
    return true;
  }
}

const PARAM = 'import';
const VALUE = 'inbox';

/** Where the service worker sends the page once the shared files are parked. */
export function inboxHref(scope: URL): string {
  return new URL(`${settingsHref('')}?${PARAM}=${VALUE}`, scope).href;
}

/** Whether the page was opened by the service worker to import the inbox. */
export function openedForInbox(search: string): boolean {
  return new URLSearchParams(search).get(PARAM) === VALUE;
}
