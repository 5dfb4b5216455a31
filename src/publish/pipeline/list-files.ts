import { readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/**
 * Every file under `dir`, relative to it, `/`-separated, but those under the top-level names in `leaveOut`. Listed with one synchronous call: a 100-plan site's
 * ~61,000 entries took 0.95 s as a promise (Node lists a tree folder by folder, each a trip through the thread
 * pool, which the compression and the zips fill) and 0.4 s in one call, at the start of the steps that follow Astro.
 */
export function listFiles(dir: string, leaveOut: ReadonlySet<string> = new Set()): string[] {
  // The top level first, so a folder left out is not listed at all (the build leaves out the plans whose files it
  // listed while Astro rendered: 0.5 s for a 100-plan site's 61,000 entries, on the build's path after Astro).
  const top = readdirSync(dir, { withFileTypes: true }).filter((e) => !leaveOut.has(e.name));
  const files = top.filter((e) => e.isFile()).map((e) => e.name);
  for (const folder of top.filter((e) => e.isDirectory())) {
    const under = join(dir, folder.name);
    for (const e of readdirSync(under, { recursive: true, withFileTypes: true })) if (e.isFile()) files.push(relative(dir, join(e.parentPath, e.name)).split(sep).join('/'));
  }
  return files;
}
