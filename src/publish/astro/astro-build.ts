/**
 * Runs Astro's own build (programmatic API) into a given folder, quietly unless it fails, in a process of its
 * own: Astro keeps what it loaded (every plan's content, the bundled pages) until its process ends, which at
 * 100 plans is 2 GiB held through the PDFs, the index and the zips if it ran in the build's process.
 */
import { spawn } from 'node:child_process';
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isMain, runCli, StepError } from '../pipeline/cli.ts';
import { REUSED_PAGES_FILE, RENDER_PLANS } from '../../contract/render-set.ts';

/** Which plans to render: all, or only `plans`, the build copying the others' pages (`reusedPages`) in after. */
export interface RenderChoice {
  plans: readonly string[];
  reusedPages: readonly string[];
}

const REUSED_LIST = '.build/reused-pages.json';

/** Builds the site into `outDir`; returns the number of HTML pages written. */
export async function astroBuild(outDir: string, only?: RenderChoice): Promise<number> {
  const env: NodeJS.ProcessEnv = { ...process.env };
  // The routes and the sitemap read the choice from the environment (render-set.ts).
  if (only) {
    await mkdir(dirname(REUSED_LIST), { recursive: true });
    await writeFile(REUSED_LIST, JSON.stringify(only.reusedPages));
    env[RENDER_PLANS] = only.plans.join(',');
    env[REUSED_PAGES_FILE] = REUSED_LIST;
  }
  try {
    // Its warnings and errors go straight to the build's output.
    const status = await new Promise<number | null>((done, fail) => {
      const child = spawn(process.execPath, [fileURLToPath(import.meta.url), outDir], { env, stdio: 'inherit' });
      child.on('error', fail);
      child.on('exit', (code) => done(code));
    });
    if (status !== 0) throw new StepError('astro build: Astro failed (its message is above).');
  } finally {
    await rm(REUSED_LIST, { force: true });
  }
  const entries = await readdir(outDir, { recursive: true });
  return entries.filter((e) => e.endsWith('.html')).length;
}

/** In the child process: Astro's build, its own log quiet unless ASTRO_LOG=info. */
async function buildHere(outDir: string): Promise<void> {
  const { build } = await import('astro');
  await build({ outDir, logLevel: process.env.ASTRO_LOG === 'info' ? 'info' : 'warn' });
}

if (isMain(import.meta.url)) await runCli(() => buildHere(process.argv[2]!));
