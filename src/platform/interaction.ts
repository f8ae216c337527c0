/**
 * Whether the reader has touched the page yet. Listened for from the very start (this module is
 * part of the first load), so that an update found later is only applied silently to a page
 * nobody has scrolled, tapped or typed in.
 */
let interacted = false;
for (const type of ['pointerdown', 'keydown', 'scroll', 'touchstart'] as const) {
  addEventListener(type, () => (interacted = true), { once: true, passive: true, capture: true });
}

export const hasInteracted = (): boolean => interacted;
