/**
 * The install prompt, captured from startup (the event may fire before any view that shows the
 * "Install app" button exists). Only this part is in the first load; the rest is `install.ts`.
 */

export interface InstallPromptEvent extends Event {
  prompt(): Promise<void>;
  userChoice: Promise<{ outcome: 'accepted' | 'dismissed' }>;
}

/** What was captured, and who wants to hear of a change (the settings view, while open). */
export const captured: { deferred: InstallPromptEvent | undefined; installed: boolean; listeners: Set<() => void> } = {
  deferred: undefined,
  installed: false,
  listeners: new Set(),
};

const notify = () => captured.listeners.forEach((l) => l());

export function captureInstallPrompt(): void {
  addEventListener('beforeinstallprompt', (e) => {
    e.preventDefault();
    captured.deferred = e as InstallPromptEvent;
    notify();
  });
  addEventListener('appinstalled', () => {
    captured.deferred = undefined;
    captured.installed = true;
    notify();
  });
}
