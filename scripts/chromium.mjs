/**
 * Finds a Chromium for the browser tests: $CHROME_PATH, then /usr/bin/chromium. If neither
 * exists and we are root on a machine with apt-get (as on CI), installs Debian's `chromium`.
 * Otherwise fails loudly, saying how to install it. (`npx playwright install` cannot download
 * browsers here, so playwright-core drives the system Chromium.)
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const DEFAULT = '/usr/bin/chromium';

/** Flags this sandbox needs: no GPU, no sandbox as root, and no calls home. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function findChromium({ install = true, log = console.error } = {}) {
  const fromEnv = process.env.CHROME_PATH;
  if (fromEnv) {
    if (existsSync(fromEnv)) return fromEnv;
    throw new Error(`CHROME_PATH is set to ${fromEnv}, but no file is there.`);
  }
  if (existsSync(DEFAULT)) return DEFAULT;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const hasApt = existsSync('/usr/bin/apt-get');
  if (install && isRoot && hasApt) {
    log('Chromium not found: installing Debian\'s "chromium" package with apt-get…');
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
    execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', 'chromium'], { stdio: 'inherit', env });
    if (existsSync(DEFAULT)) return DEFAULT;
  }
  throw new Error(
    'No Chromium found for the browser tests. Install it (Debian/Ubuntu: "sudo apt-get install chromium"), ' +
      'or set CHROME_PATH to a Chromium or Chrome binary.',
  );
}
