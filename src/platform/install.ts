/**
 * Installing to the home screen. Chromium offers `beforeinstallprompt`, which we keep and replay
 * from our own "Install app" button; iOS Safari has no such event, so there we show short
 * "Add to Home Screen" instructions instead. Captured from startup, because the event may fire
 * before any view that shows the button exists (`install-capture.ts`, the only part in the
 * first load).
 */

import { captured } from './install-capture';

export type InstallState = 'available' | 'ios' | 'installed' | 'unavailable';

const notify = () => captured.listeners.forEach((l) => l());

export function isIos(ua = navigator.userAgent, maxTouchPoints = navigator.maxTouchPoints): boolean {
  // iPadOS 13+ says "Macintosh" but has a touch screen.
  return /iphone|ipad|ipod/i.test(ua) || (/macintosh/i.test(ua) && maxTouchPoints > 1);
}

/**
 * Whether the page runs in WebKit: Safari, any browser on iOS/iPadOS, or another WebKit browser
 * (GNOME Web, MiniBrowser). Chromium and Firefox also say "AppleWebKit"/"Safari" outside iOS, so
 * they are told apart by their own tokens.
 */
export function isWebKit(ua = navigator.userAgent, maxTouchPoints = navigator.maxTouchPoints): boolean {
  if (isIos(ua, maxTouchPoints)) return true;
  return /AppleWebKit/.test(ua) && /Safari\//.test(ua) && !/Chrome|Chromium|CriOS|Edg|OPR|Android|Firefox|FxiOS/.test(ua);
}

/**
 * WebKit deletes what a site stored when the site has not been used for 7 days, unless it was
 * added to the Home Screen: true when that applies to this page (WebKit, not the installed app).
 */
export function storageAtRisk(): boolean {
  return !captured.installed && !isStandalone() && isWebKit();
}

const NOTE_KEY = 'broadsheet-webkit-storage-note';

/** Whether the reader dismissed the WebKit storage note on this device. */
export function storageNoteDismissed(): boolean {
  try {
    return localStorage.getItem(NOTE_KEY) === 'dismissed';
  } catch {
    return false; // no storage at all: nothing remembers the dismissal
  }
}

export function dismissStorageNote(): void {
  try {
    localStorage.setItem(NOTE_KEY, 'dismissed');
  } catch {
    // not remembered: it shows again next time
  }
}

function isStandalone(): boolean {
  // A window without matchMedia (a test stub) answers from `navigator.standalone` alone.
  return (matchMedia as typeof matchMedia | undefined)?.('(display-mode: standalone)').matches || (navigator as { standalone?: boolean }).standalone === true;
}

export function installState(): InstallState {
  if (captured.installed || isStandalone()) return 'installed';
  if (captured.deferred) return 'available';
  return isIos() ? 'ios' : 'unavailable';
}

export async function promptInstall(): Promise<void> {
  const e = captured.deferred;
  if (!e) return;
  captured.deferred = undefined;
  await e.prompt();
  const { outcome } = await e.userChoice;
  if (outcome === 'accepted') captured.installed = true;
  notify();
}

export function onInstallChange(l: () => void): () => void {
  captured.listeners.add(l);
  return () => captured.listeners.delete(l);
}
