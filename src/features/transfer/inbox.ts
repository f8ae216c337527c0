/**
 * The inbox of files shared to the app (Web Share Target). The service worker cannot show
 * anything, so it parks each file in Cache Storage (`INBOX_CACHE`) and sends the page to
 * Settings, which imports what waits there with the same checks as the file picker. The worker
 * and the page take the address and the file-name header from here, so they cannot drift apart.
 */
import { settingsHref } from '../../core/routes';

/** The parked file's own name, URI-encoded (a header value cannot hold every character). */
export const FILE_NAME_HEADER = 'x-file-name';

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
