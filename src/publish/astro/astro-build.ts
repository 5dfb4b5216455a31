/**
 * Runs Astro's own build (programmatic API) into a given folder, quietly unless it fails, in a process of its
 * own: Astro keeps what it loaded (every plan's content, the bundled pages) until its process ends, which at
 * 100 plans is 2 GiB held through the PDFs, the index and the zips if it ran in the build's process.
 */
import { spawn } from 'node:child_process';
import { readdir, rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { isMain, runCli, StepError } from '../pipeline/cli.ts';
import { RENDER_SET_FILE, writeRenderSet, type RenderSet } from '../../contract/render-set.ts';

/** Where the render set waits for Astro's process while it builds. */
const RENDER_SET = '.build/render-set.json';

/**
 * Builds the site into `outDir`, rendering the plans `render` names (all unless said); returns the number of HTML
 * pages written.
 */
export async function astroBuild(outDir: string, render?: RenderSet): Promise<number> {
  // The config reads the choice from this file (src/contract/render-set.ts); without one Astro renders every plan.
  const env: NodeJS.ProcessEnv = { ...process.env, [RENDER_SET_FILE]: undefined, ...(render && (await writeRenderSet(RENDER_SET, render))) };
  try {
    // Its warnings and errors go straight to the build's output.
    const status = await new Promise<number | null>((done, fail) => {
      const child = spawn(process.execPath, [fileURLToPath(import.meta.url), outDir], { env, stdio: 'inherit' });
      child.on('error', fail);
      child.on('exit', (code) => done(code));
    });
    if (status !== 0) throw new StepError('astro build: Astro failed (its message is above).');
  } finally {
    await rm(RENDER_SET, { force: true });
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
