/**
 * The build's reader: plans read before are taken from the output cache by what reading derives from (the file's
 * bytes; its path, which every warning names; the config's options; the reader's code and the installed
 * libraries), so a rebuild after one plan of 100 changed reads one plan, not 100 (1.3 s, before Astro could be
 * told what to render). A file the reader refuses is not kept: it is read, and refused, each time.
 *
 * Kept with v8.serialize, not JSON: it gives back whatever structure the reader returns as it was (JSON would drop
 * a field that is undefined, and turn a Map into {}); tests/unit/parsed-plans.test.ts checks what comes back from
 * the cache against the reader's own result for every fixture.
 */
import { deserialize, serialize } from 'node:v8';
import { codeVersion } from '../cache/code-version.ts';
import { contentKey, type OutputCache } from '../cache/output-cache.ts';
import { readPlanBytes, type ReadBytes, type ReadPlan } from './read-plan.ts';

/** The cache's name for plans read. */
const KIND = 'parsed-plan';

/** readPlanBytes with `cache` in front of it. */
export function cachedReader(cache: OutputCache): ReadBytes {
  return async (path, bytes, options = {}) => {
    const key = contentKey([
      ['code', await codeVersion('src/publish/content/read-plan.ts')],
      ['path', path],
      ['options', JSON.stringify(options)],
      ['bytes', bytes],
    ]);
    const found = await cache.get(KIND, key);
    if (found) return deserialize(found) as ReadPlan;
    const read = await readPlanBytes(path, bytes, options);
    await cache.put(KIND, key, serialize(read));
    return read;
  };
}
