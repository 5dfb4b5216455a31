/**
 * Writes .gz and .br next to every text file of the built site, so nginx can serve them as they are
 * (gzip_static, brotli_static) instead of compressing on each request. Node's zlib does both, on its thread
 * pool, several files at a time.
 */
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import { codeVersion } from '../cache/code-version.ts';
import { contentKey, type OutputCache } from '../cache/output-cache.ts';

const brotli = promisify(brotliCompress);
const gz = promisify(gzip);

/** Extensions worth compressing; Pagefind's index files are compressed by Pagefind already. */
const TEXT = /\.(html|css|js|mjs|json|csv|xml|svg|txt|webmanifest)$/u;
/**
 * Below this size the compressed file saves nothing worth a second file. Small text files still compress by a
 * third to a half (measured on the seed's build: favicon.svg 209 -> 150 B brotli, sitemap-index.xml 190 -> 109,
 * a 282 B stylesheet -> 128, redirect pages of ~480 B -> ~215), and the favicon is requested with every first
 * page; robots.txt (79 -> 69 B) is about the smallest file there is, and where it stops paying.
 */
const MIN_BYTES = 128;
/**
 * Brotli's best setting (11) costs several times more than 10 for 1–4 % smaller files: worth it for small pages
 * and assets, not for large files (the whole plan, the data, pages at 100× scale), which get 10.
 * Measured on the seed's 234 text files (one thread, idle 2-core machine, 2026-12): quality 11 gives 523 KiB in
 * 2.2 s, 10 gives 535 KiB in 0.96 s, 5 gives 592 KiB in 0.08 s (9: 575 KiB, slower than 10); an item page is
 * 4,648 B at 11 against 4,763 at 10. Kept at 11: readers on phones pay the bytes on every first visit, the build
 * pays the time once per changed file (the cache reuses the rest), and the item page is over its 8 KiB budget as
 * it is. gzip (the fallback) is 9: it costs next to nothing either way.
 */
const MAX_BYTES_FOR_BEST = 64 * 1024;
/** Files in flight at once: zlib runs on libuv's pool of 4 threads. */
const CONCURRENCY = 4;
/** Files whose cached copies are restored at once. */
const RESTORES_AT_ONCE = 32;

/** The totals of two runs over different files. */
export function addTotals(a: PrecompressTotals, b: PrecompressTotals): PrecompressTotals {
  return { files: a.files + b.files, raw: a.raw + b.raw, br: a.br + b.br, gz: a.gz + b.gz, reused: a.reused + b.reused };
}

/** What precompression did: files compressed, bytes before and after, and how many came from the cache. */
export interface PrecompressTotals {
  files: number;
  raw: number;
  br: number;
  gz: number;
  reused: number;
}

/**
 * Compresses every text file under `dir` but those in the folders `skip` names (relative to `dir`); with a
 * `cache`, a file whose bytes were compressed before gets its earlier .br and .gz copied instead.
 */
export async function precompress(dir: string, cache?: OutputCache, skip: readonly string[] = []): Promise<PrecompressTotals> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const skipped = skip.map((folder) => join(dir, folder));
  const paths = entries
    .filter((e) => e.isFile() && TEXT.test(e.name) && !skipped.some((folder) => e.parentPath === folder || e.parentPath.startsWith(`${folder}/`)))
    .map((e) => join(e.parentPath, e.name));
  const totals = { files: 0, raw: 0, br: 0, gz: 0, reused: 0 };
  // Each file's compressed copies derive from its bytes, this code (the levels) and the zlib and brotli builds.
  const code = cache ? await codeVersion('src/publish/deploy/precompress.ts') : '';
  const count = async (path: string, size: number, reused: boolean) => {
    const [g, b] = await Promise.all([stat(`${path}.gz`), stat(`${path}.br`)]);
    totals.files += 1;
    totals.raw += size;
    totals.gz += g.size;
    totals.br += b.size;
    if (reused) totals.reused += 1;
  };
  const outputs = (path: string) => ({ '.gz': `${path}.gz`, '.br': `${path}.br` });
  const key = (data: Buffer) => contentKey([['code', code], ['zlib', process.versions.zlib ?? ''], ['brotli', process.versions.brotli ?? ''], ['bytes', data]]);
  // First every file whose copies the cache holds, many at once (copying is the file system's work); then the
  // rest, compressed CONCURRENCY at a time (compressing is the CPU's).
  // Paths only: holding every miss's bytes meanwhile would cost a cold build of a large archive its whole size in memory.
  const toCompress: string[] = [];
  const restore = async (path: string) => {
    const data = await readFile(path);
    if (data.length < MIN_BYTES) return;
    if (cache && (await cache.restore('precompress', key(data), outputs(path)))) await count(path, data.length, true);
    else toCompress.push(path);
  };
  for (let i = 0; i < paths.length; i += RESTORES_AT_ONCE) await Promise.all(paths.slice(i, i + RESTORES_AT_ONCE).map(restore));
  const one = async (path: string) => {
    const data = await readFile(path);
    await compress(data, path);
    if (cache) await cache.store('precompress', key(data), outputs(path));
    await count(path, data.length, false);
  };
  for (let i = 0; i < toCompress.length; i += CONCURRENCY) await Promise.all(toCompress.slice(i, i + CONCURRENCY).map(one));
  return totals;
}

/** Writes `<path>.gz` and `<path>.br` of `data`. */
async function compress(data: Buffer, path: string): Promise<void> {
  const quality = data.length <= MAX_BYTES_FOR_BEST ? 11 : 10;
  const [g, b] = await Promise.all([
    gz(data, { level: 9 }),
    brotli(data, { params: { [constants.BROTLI_PARAM_QUALITY]: quality, [constants.BROTLI_PARAM_SIZE_HINT]: data.length } }),
  ]);
  await Promise.all([writeFile(`${path}.gz`, g), writeFile(`${path}.br`, b)]);
}
