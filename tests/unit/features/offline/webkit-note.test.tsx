import { fireEvent, render, screen } from '@testing-library/preact';
import { beforeEach, describe, expect, test, vi } from 'vitest';
import { WebKitStorageNote } from '../../../../src/features/offline/WebKitStorageNote';
import { dismissStorageNote, storageNoteDismissed } from '../../../../src/platform/install';
import { enLazy } from '../../../../src/i18n/en/lazy';

beforeEach(() => localStorage.clear());

describe('the WebKit storage note', () => {
  test('says articles stay only on the Home Screen, with the steps; Got it dismisses it', () => {
    const onDismiss = vi.fn();
    render(<WebKitStorageNote onDismiss={onDismiss} />);
    expect(screen.getByText(enLazy.webkitStorageNote)).toBeTruthy();
    expect(screen.getByText(enLazy.iosInstall)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Got it' }));
    expect(onDismiss).toHaveBeenCalledOnce();
  });

  test('the dismissal is remembered on the device', () => {
    expect(storageNoteDismissed()).toBe(false);
    dismissStorageNote();
    expect(storageNoteDismissed()).toBe(true);
  });
});
