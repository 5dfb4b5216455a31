/**
 * A stamp of what a build's pages come from, taken from the files' listing (path, size, modification time) and the
 * settings that name the site and its plans, not from their bytes: a few milliseconds, so the build can take it
 * before it loads anything. It decides one thing only, when Astro's process starts (scripts/build.ts): started at
 * once, it loads Astro and Vite for ~1.5 s of CPU beside the build's own start, and when nothing changed it is
 * stopped unused, having taken ~0.6 s of the build's 2.3 s on a 2-core machine (measured 2026-12). Whether a page is
 * reused stays the page keys' to say (page-cache.ts), by content: a stamp that is wrong either way costs time, never
 * a wrong page (a file changed with its size and time kept: Astro's process starts when the keys ask for it).
 * Written here: it is one listing (list-files.ts) and one content key (output-cache.ts), and the libraries that watch
 * files keep a process running.
 */
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { planInputs } from '../../contract/plan-inputs.ts';
import { listFiles } from '../pipeline/list-files.ts';
import { contentKey } from './output-cache.ts';

/** Where the last successful build's stamp is kept: in the output cache, so that removing the cache removes it. */
export const STAMP_FILE = '.build/cache/input-stamp';

/** The project's files the pages are made from (page-cache.ts: CODE, and the build's own steps in scripts/). */
const PROJECT_INPUTS = ['src', 'scripts', 'public', 'astro.config.mjs', 'tsconfig.json', 'package.json', 'node_modules/.package-lock.json'];

/** The settings the pages depend on (site-options.ts, plan-inputs.ts). */
const SETTINGS = ['SITE_URL', 'BASE_PATH', 'PLANS_DIR', 'PLAN_FILE'] as const;

/** `path`'s files (itself, when a file), each as `path size mtime`, in listing order; a missing path as such. */
function listing(path: string): string[] {
  try {
    const s = statSync(path);
    if (!s.isDirectory()) return [`${path}\t${s.size}\t${s.mtimeMs}`];
  } catch {
    return [`${path}\tmissing`];
  }
  return listFiles(path)
    .sort()
    .map((f) => join(path, f))
    .map((file) => {
      const s = statSync(file, { throwIfNoEntry: false });
      return s ? `${file}\t${s.size}\t${s.mtimeMs}` : `${file}\tmissing`;
    });
}

/** The stamp of the project in `root`, with the plans `env` names (a plan file: its whole folder). */
export function inputStamp(env: Record<string, string | undefined> = process.env, root = '.'): string {
  const plans = planInputs(env);
  const paths = [...PROJECT_INPUTS, plans.kind === 'file' ? dirname(plans.path) : plans.path];
  return contentKey([
    ...SETTINGS.map((name) => [name, env[name] ?? ''] as const),
    // A plan folder named by an absolute path stays that path (join would put it under root).
    ...paths.map((path) => [path, listing(resolve(root, path)).join('\n')] as const),
  ]);
}

/** Whether `stamp` is the last successful build's: nothing the pages come from changed since, by its listing. */
export function unchangedSinceLastBuild(stamp: string, file = STAMP_FILE): boolean {
  try {
    return readFileSync(file, 'utf8') === stamp;
  } catch {
    return false;
  }
}

/** Keeps `stamp` as the last successful build's (taken when that build started: a change while it ran shows next time). */
export function recordStamp(stamp: string, file = STAMP_FILE): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, stamp);
}
