/**
 * The settings view, rendered: appearance changes go out at once, the sync buttons, and the
 * Install button, which appears only once the browser offers `beforeinstallprompt` (a claim of
 * the README) and replays that prompt.
 */
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeAll, describe, expect, test, vi } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../../src/core/settings';
import { SettingsView } from '../../../../src/features/settings/SettingsView';
import { en } from '../../../../src/i18n/en/main';
import { enLazy } from '../../../../src/i18n/en/lazy';
import { captureInstallPrompt } from '../../../../src/platform/install-capture';

beforeAll(() => captureInstallPrompt());
afterEach(() => cleanup());

const view = (props: Partial<Parameters<typeof SettingsView>[0]> = {}) => {
  const onSettings = vi.fn();
  render(<SettingsView settings={DEFAULT_SETTINGS} onSettings={onSettings} lastSuccess={undefined} syncing={false} onCheck={vi.fn()} {...props} />);
  return { onSettings };
};

describe('the settings view', () => {
  test('a theme and a text size are handed on at once, with the other settings unchanged', () => {
    const { onSettings } = view();
    fireEvent.click(screen.getByRole('radio', { name: enLazy.themeDark }));
    expect(onSettings).toHaveBeenLastCalledWith({ ...DEFAULT_SETTINGS, theme: 'dark' });
    fireEvent.change(screen.getByLabelText(enLazy.textSize), { target: { value: '1.25' } });
    expect(onSettings).toHaveBeenLastCalledWith({ ...DEFAULT_SETTINGS, fontScale: 1.25 });
  });

  test('Check for new articles and Full re-sync call the sync; both wait while a sync runs', () => {
    const onCheck = vi.fn();
    const onFullResync = vi.fn();
    view({ onCheck, onFullResync });
    fireEvent.click(screen.getByRole('button', { name: en.checkNow }));
    fireEvent.click(screen.getByRole('button', { name: enLazy.fullResync }));
    expect(onCheck).toHaveBeenCalledOnce();
    expect(onFullResync).toHaveBeenCalledOnce();
    cleanup();
    view({ onCheck, onFullResync, syncing: true });
    expect(screen.getByRole<HTMLButtonElement>('button', { name: en.checking }).disabled).toBe(true);
    expect(screen.getByRole<HTMLButtonElement>('button', { name: enLazy.fullResync }).disabled).toBe(true);
  });

  test('no Install button until the browser offers to install; then it replays the prompt, and says installed', async () => {
    view();
    expect(screen.queryByRole('button', { name: enLazy.installApp })).toBeNull();

    const prompt = vi.fn(() => Promise.resolve());
    const offer = Object.assign(new Event('beforeinstallprompt', { cancelable: true }), { prompt, userChoice: Promise.resolve({ outcome: 'accepted' as const }) });
    dispatchEvent(offer);
    expect(offer.defaultPrevented).toBe(true);
    fireEvent.click(await screen.findByRole('button', { name: enLazy.installApp }));
    expect(prompt).toHaveBeenCalledOnce();
    expect(await screen.findByText(enLazy.installed)).toBeTruthy();
    await waitFor(() => expect(screen.queryByRole('button', { name: enLazy.installApp })).toBeNull());
  });
});
