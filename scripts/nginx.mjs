/**
 * Runs Debian's nginx for the deploy tests: finds /usr/sbin/nginx (or $NGINX_PATH), installs the
 * `nginx` package when missing and we are root with apt-get (as on CI, like scripts/chromium.mjs
 * does for Chromium), else fails saying how to install it. `startNginx` serves a folder through a
 * server block from deploy/nginx/, unprivileged-style: in the foreground, with its pid, logs and
 * temp files in a prefix folder of its own, on a free port.
 */
import { execFileSync, spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const DEFAULT = '/usr/sbin/nginx';

export function findNginx({ install = true, log = console.error } = {}) {
  const fromEnv = process.env.NGINX_PATH;
  if (fromEnv) {
    if (existsSync(fromEnv)) return fromEnv;
    throw new Error(`NGINX_PATH is set to ${fromEnv}, but no file is there.`);
  }
  if (existsSync(DEFAULT)) return DEFAULT;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (install && isRoot && existsSync('/usr/bin/apt-get')) {
    log('nginx not found: installing Debian\'s "nginx" package with apt-get…');
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
    execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', 'nginx'], { stdio: 'inherit', env });
    if (existsSync(DEFAULT)) return DEFAULT;
  }
  throw new Error('No nginx found for the deploy tests. Install it (Debian/Ubuntu: "sudo apt-get install nginx"), or set NGINX_PATH.');
}

/**
 * Serves `root` with deploy/nginx/broadsheet.conf, changing only its listen, root and $app lines.
 * @param {{ prefix: string, root: string, port: number, app?: string }} options
 */
export async function startNginx({ prefix, root, port, app = '/' }) {
  const bin = findNginx();
  prefix = resolve(prefix);
  mkdirSync(join(prefix, 'temp'), { recursive: true });
  // nginx's workers may run as another user (root's master drops to "nobody"): let them read.
  for (const dir of [prefix, resolve(root)]) chmodSync(dir, 0o755);
  const recipe = readFileSync(new URL('../deploy/nginx/broadsheet.conf', import.meta.url), 'utf8');
  let site = recipe;
  /** @type {[RegExp, string][]} */
  const lines = [
    [/^ {4}listen 80;$/m, `    listen 127.0.0.1:${port};`],
    [/^ {4}root \/var\/www\/broadsheet;$/m, `    root ${resolve(root)};`],
    [/^ {4}set \$app \/;$/m, `    set $app ${app};`],
  ];
  for (const [from, to] of lines) {
    if (!from.test(site)) throw new Error(`deploy/nginx/broadsheet.conf no longer has a line matching ${from}`);
    site = site.replace(from, to);
  }
  writeFileSync(join(prefix, 'site.conf'), site);
  const temp = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((t) => `  ${t}_temp_path ${join(prefix, 'temp', t)};`).join('\n');
  writeFileSync(
    join(prefix, 'nginx.conf'),
    `worker_processes 1;
events { worker_connections 64; }
http {
  include /etc/nginx/mime.types;
  default_type application/octet-stream;
  access_log ${join(prefix, 'access.log')};
${temp}
  include ${join(prefix, 'site.conf')};
}
`,
  );
  const child = spawn(bin, ['-p', prefix, '-e', join(prefix, 'error.log'), '-c', join(prefix, 'nginx.conf'), '-g', `daemon off; pid ${join(prefix, 'nginx.pid')}; error_log ${join(prefix, 'error.log')};`], {
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const exited = new Promise((done) => child.once('exit', done));
  // Ready when it answers; give up if it exits first (a bad config, a taken port).
  const url = `http://127.0.0.1:${port}`;
  let dead = false;
  void exited.then(() => (dead = true));
  for (let i = 0; ; i++) {
    if (dead) throw new Error(`nginx exited at start: ${readFileSync(join(prefix, 'error.log'), 'utf8').slice(-2000)}`);
    try {
      await fetch(url, { signal: AbortSignal.timeout(1000) });
      break;
    } catch {
      if (i > 200) throw new Error('nginx did not start answering');
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  return {
    url,
    /** Lines of the access log so far. */
    log: () => (existsSync(join(prefix, 'access.log')) ? readFileSync(join(prefix, 'access.log'), 'utf8').split('\n').filter(Boolean) : []),
    async stop() {
      if (!dead) {
        child.kill('SIGTERM');
        await exited;
      }
    },
  };
}
