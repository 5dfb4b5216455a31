/**
 * A real nginx (Debian's) on 127.0.0.1, configured with the deployment recipe from deploy/nginx/, serving a
 * built dist/ under a base path. Started and stopped by the test that needs it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync, readFileSync, existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { nginxConf } from '../../scripts/nginx-conf.ts';

const NGINX = existsSync('/usr/sbin/nginx') ? '/usr/sbin/nginx' : 'nginx';
const BROTLI = '/usr/lib/nginx/modules/ngx_http_brotli_static_module.so';

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

/** A running nginx and the URL of the site under it. */
export interface Nginx {
  origin: string;
  url: string;
  stop(): Promise<void>;
  errorLog(): string;
}

/** Serves `distDir` at `base` through the recipe; resolves once nginx answers. */
export async function startNginx(distDir: string, base: string, env: Record<string, string>): Promise<Nginx> {
  if (!existsSync(BROTLI)) throw new Error(`nginx's brotli_static module is missing (${BROTLI}); run scripts/ensure-system-packages.sh`);
  const prefix = mkdtempSync(join(tmpdir(), 'nginx-'));
  // nginx's workers drop root privileges (to nobody): temporary folders must be readable by them.
  for (const dir of [prefix, dirname(distDir)]) chmodSync(dir, 0o755);
  const root = join(prefix, 'www');
  mkdirSync(dirname(join(root, base)), { recursive: true });
  symlinkSync(distDir, join(root, base.replace(/\/$/u, '')), 'dir');
  const port = await freePort();
  await nginxConf(join(prefix, 'conf'), { ...env, BASE_PATH: base, NGINX_LISTEN: `127.0.0.1:${port}`, NGINX_ROOT: root, NGINX_SERVER_NAME: 'localhost' });
  for (const d of ['logs', 'tmp']) mkdirSync(join(prefix, d));
  writeFileSync(
    join(prefix, 'nginx.conf'),
    [
      `load_module ${BROTLI};`,
      'worker_processes 1;',
      `pid ${prefix}/nginx.pid;`,
      `error_log ${prefix}/logs/error.log warn;`,
      'events { worker_connections 256; }',
      'http {',
      '  include /etc/nginx/mime.types;',
      '  default_type application/octet-stream;',
      `  access_log ${prefix}/logs/access.log;`,
      ...['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((t) => `  ${t}_temp_path ${prefix}/tmp/${t};`),
      '  sendfile on;',
      `  include ${prefix}/conf/site.conf;`,
      '}',
      '',
    ].join('\n'),
  );
  const proc: ChildProcess = spawn(NGINX, ['-p', prefix, '-c', join(prefix, 'nginx.conf'), '-g', 'daemon off;'], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  proc.stderr?.on('data', (d) => (stderr += d));
  const origin = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 100; i++) {
    if (proc.exitCode !== null) throw new Error(`nginx exited: ${stderr}`);
    try {
      await fetch(`${origin}${base}`);
      break;
    } catch {
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  return {
    origin,
    url: `${origin}${base}`,
    errorLog: () => readFileSync(join(prefix, 'logs/error.log'), 'utf8'),
    stop: () =>
      new Promise((resolve) => {
        proc.once('exit', () => resolve());
        proc.kill('SIGQUIT');
      }),
  };
}
