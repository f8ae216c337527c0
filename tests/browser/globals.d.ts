/** What the browser tests put on the page's window (axe-core, and the hostile feed's probes). */
declare global {
  interface Window {
    axe: typeof import('axe-core');
    /** Content Security Policy violations, collected by hostile.test.mjs. */
    __violations: string[];
    /** Set only if a hostile payload ran. */
    __pwned?: unknown;
    /** Set only if an inline script ran. */
    __inline?: unknown;
  }
}
export {};
