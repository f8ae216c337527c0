import { fireEvent, render, screen } from '@testing-library/preact';
import { beforeEach, describe, expect, test } from 'vitest';
import { WebKitStorageNote, webkitNoteDismissed } from '../../../../src/features/offline/WebKitStorageNote';
import { en } from '../../../../src/i18n/en/main';
import { enLazy } from '../../../../src/i18n/en/lazy';

beforeEach(() => localStorage.clear());

describe('the WebKit storage note', () => {
  test('says articles stay only on the Home Screen, with the steps, until Got it dismisses it for good', () => {
    const first = render(<WebKitStorageNote />);
    expect(screen.getByText(enLazy.webkitStorageNote)).toBeTruthy();
    expect(screen.getByText(en.iosInstall)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Got it' }));
    expect(screen.queryByText(enLazy.webkitStorageNote)).toBeNull();
    expect(webkitNoteDismissed()).toBe(true);
    first.unmount();
    render(<WebKitStorageNote />);
    expect(screen.queryByText(enLazy.webkitStorageNote)).toBeNull();
  });
});
