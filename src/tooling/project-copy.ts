/**
 * A throwaway copy of the project (sources, not node_modules) in a temporary folder, so a test or the benchmark
 * can build the site from another plan without touching the working tree's content/ or dist/.
 */
import { cpSync, mkdtempSync, symlinkSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { spawn, spawnSync } from 'node:child_process';
import pLimit from 'p-limit';

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

/** What a command run in a project copy gave: its exit status and its output. */
export interface RunResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** The environment of a command run in a project copy: the caller's, without Vitest's, with `env` over it. */
function childEnv(env: Record<string, string>): NodeJS.ProcessEnv {
  const bin = resolve('node_modules/.bin');
  const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !VITEST_ENV.test(k)));
  return { ...clean, ...env, PATH: `${bin}:${process.env.PATH}` };
}

/** Runs a command in `cwd` with the project's node_modules/.bin (Node 24) first on PATH. */
export function run(cwd: string, command: string, args: string[], env: Record<string, string> = {}): RunResult {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', env: childEnv(env) });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/**
 * As `run`, without blocking: builds that do not depend on each other (each in its own project copy) are
 * started together, so that a test's setup keeps both cores of a CI machine busy instead of one.
 */
export function runAsync(cwd: string, command: string, args: string[], env: Record<string, string> = {}): Promise<RunResult> {
  return new Promise((done, fail) => {
    const child = spawn(command, args, { cwd, env: childEnv(env) });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', fail);
    child.on('close', (status) => done({ status, stdout, stderr }));
  });
}

/** Runs `work` on every item, at most `lanes` at a time (by default one per core), results in the items' order. */
export function inParallel<T, R>(items: readonly T[], work: (item: T) => Promise<R>, lanes = availableParallelism()): Promise<R[]> {
  return pLimit(Math.max(1, lanes)).map(items, (item) => work(item));
}
