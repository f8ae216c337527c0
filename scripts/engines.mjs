/**
 * Finds the three browser engines the browser tests drive, by environment variable or by the
 * path Debian installs them at. When one is missing and we are root on a machine with apt-get
 * (as on CI), installs its Debian package; otherwise fails with the command that installs it.
 *
 *   chromium  $CHROME_PATH            or /usr/bin/chromium           (package chromium)
 *   firefox   $FIREFOX_PATH           or /usr/bin/firefox-esr        (package firefox-esr)
 *   webkit    $WEBKIT_WEBDRIVER_PATH  or /usr/bin/WebKitWebDriver    (package webkit2gtk-driver)
 *             $MINIBROWSER_PATH       or WebKitGTK's MiniBrowser     (package libwebkit2gtk-4.1-0)
 *             $XVFB_PATH              or /usr/bin/Xvfb               (package xvfb)
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { findChromium } from './chromium.mjs';

export const ENGINE_NAMES = /** @type {const} */ (['chromium', 'firefox', 'webkit']);

const MINIBROWSERS = ['/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser', '/usr/lib/aarch64-linux-gnu/webkit2gtk-4.1/MiniBrowser', '/usr/libexec/webkit2gtk-4.1/MiniBrowser'];

/** @type {Record<string, { env: string, paths: string[], pkg: string }[]>} */
const PARTS = {
  firefox: [{ env: 'FIREFOX_PATH', paths: ['/usr/bin/firefox-esr', '/usr/bin/firefox'], pkg: 'firefox-esr' }],
  webkit: [
    { env: 'WEBKIT_WEBDRIVER_PATH', paths: ['/usr/bin/WebKitWebDriver'], pkg: 'webkit2gtk-driver' },
    { env: 'MINIBROWSER_PATH', paths: MINIBROWSERS, pkg: 'webkit2gtk-driver' },
    { env: 'XVFB_PATH', paths: ['/usr/bin/Xvfb'], pkg: 'xvfb' },
  ],
};

/** @param {{ env: string, paths: string[] }} part */
function locate({ env, paths }) {
  const fromEnv = process.env[env];
  if (fromEnv) {
    if (existsSync(fromEnv)) return fromEnv;
    throw new Error(`${env} is set to ${fromEnv}, but no file is there.`);
  }
  return paths.find((p) => existsSync(p));
}

/**
 * @param {'chromium' | 'firefox' | 'webkit'} engine
 * @param {{ install?: boolean, log?: (line: string) => void }} [options]
 * @returns {{ path: string, browser?: string, xvfb?: string }}
 *   firefox: the binary; webkit: the driver, MiniBrowser and Xvfb
 */
export function findEngine(engine, { install = false, log = console.error } = {}) {
  if (engine === 'chromium') return { path: findChromium({ install, log }) };
  const parts = PARTS[engine];
  if (!parts) throw new Error(`unknown engine ${engine}`);
  let found = parts.map(locate);
  const missing = parts.filter((_, i) => !found[i]);
  if (missing.length && install && process.getuid?.() === 0 && existsSync('/usr/bin/apt-get')) {
    const pkgs = [...new Set(missing.map((m) => m.pkg))];
    log(`${engine} not found: installing Debian's ${pkgs.join(', ')} with apt-get…`);
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
    execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...pkgs], { stdio: 'inherit', env });
    found = parts.map(locate);
  }
  const still = parts.filter((_, i) => !found[i]);
  if (still.length) {
    throw new Error(
      `No ${engine} found for the browser tests (missing: ${still.map((s) => s.paths[0]).join(', ')}). ` +
        `Install it (Debian/Ubuntu: "sudo apt-get install ${[...new Set(still.map((s) => s.pkg))].join(' ')}"), ` +
        `or set ${still.map((s) => s.env).join(' / ')}, or leave it out with BROADSHEET_ENGINES=${['chromium', 'firefox', 'webkit'].filter((e) => e !== engine).join(',')}.`,
    );
  }
  const [path, browser, xvfb] = /** @type {string[]} */ (found);
  return { path: /** @type {string} */ (path), ...(browser ? { browser } : {}), ...(xvfb ? { xvfb } : {}) };
}
