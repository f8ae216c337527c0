/**
 * Issue 14: what the share target's worker takes for a forged POST (a form on another website)
 * rather than the system share sheet. A forged POST still only reaches the consent screen; this
 * decides what the screen says.
 */
import { describe, expect, test } from 'vitest';
import { looksForeign } from '../../../../src/features/transfer/inbox';

const ORIGIN = 'https://reader.example';
const request = (init: { mode?: RequestMode; referrer?: string; site?: string }) => ({
  mode: init.mode ?? 'navigate',
  referrer: init.referrer ?? '',
  headers: new Headers(init.site ? { 'sec-fetch-site': init.site } : {}),
});

describe('looksForeign', () => {
  test('the share sheet: a navigation with no referrer, or Sec-Fetch-Site none / same-origin', () => {
    expect(looksForeign(request({}), ORIGIN)).toBe(false);
    expect(looksForeign(request({ site: 'none' }), ORIGIN)).toBe(false);
    expect(looksForeign(request({ site: 'same-origin', referrer: `${ORIGIN}/settings` }), ORIGIN)).toBe(false);
  });
  test('a form on another site: Sec-Fetch-Site cross-site or same-site, or a referrer from another origin', () => {
    expect(looksForeign(request({ site: 'cross-site' }), ORIGIN)).toBe(true);
    expect(looksForeign(request({ site: 'same-site' }), ORIGIN)).toBe(true);
    expect(looksForeign(request({ referrer: 'https://evil.example/page' }), ORIGIN)).toBe(true);
  });
  test('a request that is not a navigation is never a share', () => {
    expect(looksForeign(request({ mode: 'cors' }), ORIGIN)).toBe(true);
    expect(looksForeign(request({ mode: 'no-cors' }), ORIGIN)).toBe(true);
  });
});
