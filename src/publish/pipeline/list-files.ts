import { readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/**
 * Every file under `dir`, relative to it, `/`-separated. Listed with one synchronous call: a 100-plan site's
 * ~61,000 entries took 0.95 s as a promise (Node lists a tree folder by folder, each a trip through the thread
 * pool, which the compression and the zips fill) and 0.4 s in one call, at the start of the steps that follow Astro.
 */
export function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)).split(sep).join('/'));
}
