/**
 * A throwaway copy of the project (sources, not node_modules) in a temporary folder, so a test or the benchmark
 * can build the site from another plan without touching the working tree's content/ or dist/.
 */
import { cpSync, mkdtempSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { spawnSync } from 'node:child_process';

const ENTRIES = ['src', 'scripts', 'seeds', 'public', 'deploy', 'astro.config.mjs', 'tsconfig.json', 'package.json'];

/** Copies the project to a new temporary folder (or `into`) and returns its path. */
export function copyProject(into?: string): string {
  const dir = into ?? mkdtempSync(join(tmpdir(), 'plan-site-'));
  for (const entry of ENTRIES) cpSync(resolve(entry), join(dir, entry), { recursive: true });
  symlinkSync(resolve('node_modules'), join(dir, 'node_modules'), 'dir');
  return dir;
}

// Vitest puts Vite's own variables into process.env (BASE_URL=/, MODE=test, NODE_ENV=test …); a build started
// from a test must not inherit them, or Astro renders some pages with the wrong base.
const VITEST_ENV = /^(BASE_URL|MODE|DEV|PROD|SSR|TEST|NODE_ENV|VITEST.*|VITE_.*)$/u;

/** Runs a command in `cwd` with the project's node_modules/.bin (Node 22) first on PATH. */
export function run(cwd: string, command: string, args: string[], env: Record<string, string> = {}) {
  const bin = resolve('node_modules/.bin');
  const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !VITEST_ENV.test(k)));
  const result = spawnSync(command, args, {
    cwd,
    encoding: 'utf8',
    env: { ...clean, ...env, PATH: `${bin}:${process.env.PATH}` },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
