/**
 * Runs Astro's own build (programmatic API) into a given folder, quietly unless it fails.
 */
import { build } from 'astro';
import { readdir } from 'node:fs/promises';

/** Builds the site into `outDir`; returns the number of HTML pages written. */
export async function astroBuild(outDir: string): Promise<number> {
  await build({ outDir, logLevel: process.env.ASTRO_LOG === 'info' ? 'info' : 'warn' });
  const entries = await readdir(outDir, { recursive: true });
  return entries.filter((e) => e.endsWith('.html')).length;
}
