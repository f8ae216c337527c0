import { describe, expect, test } from 'vitest';
import { inboxHref, openedForInbox } from '../../../../src/features/transfer/inbox';

describe('the share inbox address', () => {
  test('the service worker sends the page to Settings, which recognises it', () => {
    const href = inboxHref(new URL('https://example.org/app/'));
    expect(href).toBe('https://example.org/app/settings?import=inbox');
    expect(openedForInbox(new URL(href).search)).toBe(true);
    expect(openedForInbox('')).toBe(false);
    expect(openedForInbox('?import=file')).toBe(false);
  });
});
