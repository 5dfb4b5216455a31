/**
 * Runs Astro's own build (programmatic API) into a given folder, quietly unless it fails.
 */
import { build } from 'astro';
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { REUSED_PAGES_FILE, RENDER_PLANS } from './render-set.ts';

/** Which plans to render: all, or only `plans`, the build copying the others' pages (`reusedPages`) in after. */
export interface RenderChoice {
  plans: readonly string[];
  reusedPages: readonly string[];
}

const REUSED_LIST = '.build/reused-pages.json';

/** Builds the site into `outDir`; returns the number of HTML pages written. */
export async function astroBuild(outDir: string, only?: RenderChoice): Promise<number> {
  // Astro's build runs in this process, so the routes and the sitemap read the choice from its environment.
  if (only) {
    await mkdir(dirname(REUSED_LIST), { recursive: true });
    await writeFile(REUSED_LIST, JSON.stringify(only.reusedPages));
    process.env[RENDER_PLANS] = only.plans.join(',');
    process.env[REUSED_PAGES_FILE] = REUSED_LIST;
  }
  try {
    await build({ outDir, logLevel: process.env.ASTRO_LOG === 'info' ? 'info' : 'warn' });
  } finally {
    delete process.env[RENDER_PLANS];
    delete process.env[REUSED_PAGES_FILE];
    await rm(REUSED_LIST, { force: true });
  }
  const entries = await readdir(outDir, { recursive: true });
  return entries.filter((e) => e.endsWith('.html')).length;
}
