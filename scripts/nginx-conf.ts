/**
 * `npm run nginx-conf -- <out-dir>`: renders the nginx recipe in deploy/nginx/ for this deployment into
 * <out-dir> (site.conf, security-headers.conf, csp.conf). Values come from the environment:
 * BASE_PATH (as for the build), NGINX_LISTEN (default 80), NGINX_SERVER_NAME (default: SITE_URL's host),
 * NGINX_ROOT (default /var/www/html). Then: include <out-dir>/site.conf from nginx's http block.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { isMain, runCli } from '../src/publish/pipeline/cli.ts';
import { renderNginxConf, type NginxValues } from '../src/publish/deploy/nginx-conf.ts';
import { siteOptions } from '../src/contract/site-options.ts';

export async function nginxConf(outDir: string, env: Record<string, string | undefined> = process.env): Promise<string> {
  const { site, base } = siteOptions(env);
  const out = resolve(outDir);
  const values: NginxValues = {
    LISTEN: env.NGINX_LISTEN || '80',
    SERVER_NAME: env.NGINX_SERVER_NAME || new URL(site).hostname,
    ROOT: env.NGINX_ROOT || '/var/www/html',
    BASE_PATH: base,
    SNIPPETS: out,
  };
  await mkdir(out, { recursive: true });
  for (const [from, to] of [['site.conf.template', 'site.conf'], ['security-headers.conf', 'security-headers.conf'], ['csp.conf', 'csp.conf']]) {
    await writeFile(join(out, to!), renderNginxConf(await readFile(join('deploy/nginx', from!), 'utf8'), values));
  }
  return `nginx: wrote ${out}/site.conf (serving ${values.ROOT}${base} at http://${values.SERVER_NAME}${base})`;
}

if (isMain(import.meta.url)) await runCli(() => nginxConf(process.argv[2] ?? 'deploy/out'));
