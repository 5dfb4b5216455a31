/**
 * Writes .gz and .br next to every text file of the built site, so nginx can serve them as they are
 * (gzip_static, brotli_static) instead of compressing on each request. Node's zlib does both.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

/** Extensions worth compressing; Pagefind's index files are compressed by Pagefind already. */
const TEXT = /\.(html|css|js|mjs|json|csv|xml|svg|txt|webmanifest)$/u;
/** Below this size the compressed file saves nothing worth a second file. */
const MIN_BYTES = 512;

/** Compresses every text file under `dir`; returns counts and total bytes before and after (brotli). */
export async function precompress(dir: string): Promise<{ files: number; raw: number; br: number; gz: number }> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const totals = { files: 0, raw: 0, br: 0, gz: 0 };
  for (const entry of entries) {
    if (!entry.isFile() || !TEXT.test(entry.name)) continue;
    const path = join(entry.parentPath, entry.name);
    const data = await readFile(path);
    if (data.length < MIN_BYTES) continue;
    const gz = gzipSync(data, { level: 9 });
    const br = brotliCompressSync(data, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: data.length },
    });
    await writeFile(`${path}.gz`, gz);
    await writeFile(`${path}.br`, br);
    totals.files += 1;
    totals.raw += data.length;
    totals.gz += gz.length;
    totals.br += br.length;
  }
  return totals;
}
