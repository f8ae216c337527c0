/**
 * The app's one Trusted Types policy. The CSP requires Trusted Types, so script-URL sinks (the
 * service worker's registration, a Web Worker's constructor) take only URLs made by a policy.
 * Ours vouches for exactly the URLs the app itself asks for: its service worker and its search
 * worker, both its own files. A policy may be created once per page, hence this module.
 */
interface PolicyFactory {
  createPolicy(name: string, rules: { createScriptURL(url: string): string }): { createScriptURL(url: string): unknown };
}

const allowed = new Set<string>();
let policy: ReturnType<PolicyFactory['createPolicy']> | undefined;

const absolute = (url: string) => new URL(url, location.href).href;

/** `url` as a TrustedScriptURL where Trusted Types exist (typed as a string for the DOM APIs), else as is. */
export function trustedScriptUrl(url: string): string {
  const factory = (globalThis as { trustedTypes?: PolicyFactory }).trustedTypes;
  if (!factory) return url;
  allowed.add(absolute(url));
  policy ??= factory.createPolicy('broadsheet', {
    createScriptURL(input) {
      if (!allowed.has(absolute(input))) throw new TypeError(`Broadsheet refuses to load script from ${input}`);
      return input;
    },
  });
  return policy.createScriptURL(url) as string;
}
