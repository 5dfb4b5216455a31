/**
 * /search-aids.js, the forgiving search's tables for every plan of the archive (src/search/aids.ts), written into the
 * site by the build, not rendered by Astro: the archive's offline zip carries the same tables, so they are worked
 * out once, while Astro renders, and kept in the cache under what they derive from (at 100 plans they took 0.4 s of
 * Astro's render after one plan changed, and as long again for the zip). `astro dev` serves the same script from a
 * route of its own (src/integrations/search-aids.ts).
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Plan } from '../../plan/schema.ts';
import { codeVersion } from '../cache/code-version.ts';
import { contentKey, type OutputCache } from '../cache/output-cache.ts';

/** The file's name in the site's root (the search script loads it from there: src/client/engine.ts). */
export const SEARCH_AIDS_FILE = 'search-aids.js';

/** The script for `plans`, newest first as the site lists them; from the cache when none of them changed. */
export async function searchAidsFor(plans: readonly Plan[], cache?: OutputCache): Promise<string> {
  // Loaded here, not with the module: the tables' libraries (pinyin, opencc) take ~0.1 s to load.
  const make = async () => (await import('../../search/aids.ts')).searchAidsScript(plans);
  if (!cache) return make();
  const key = contentKey([['code', await codeVersion('src/publish/search/search-aids-file.ts')], ['plans', JSON.stringify(plans)]]);
  const { bytes } = await cache.bytes('search-aids', key, async () => new TextEncoder().encode(await make()));
  return new TextDecoder().decode(bytes);
}

/** Writes the script into the site built in `dir`. */
export function writeSearchAids(dir: string, script: string): Promise<void> {
  return writeFile(join(dir, SEARCH_AIDS_FILE), script);
}
