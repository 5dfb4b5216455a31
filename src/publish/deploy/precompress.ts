/**
 * Writes .gz and .br next to every text file of the built site, so nginx can serve them as they are
 * (gzip_static, brotli_static) instead of compressing on each request. Node's zlib does both, on its thread
 * pool, several files at a time.
 */
import { readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import { codeVersion } from '../cache/code-version.ts';
import { eachBounded } from '../pipeline/bounded.ts';
import { listFiles } from '../pipeline/list-files.ts';
import { PLAN_PAGES } from '../../lib/plan-pages.ts';
import { contentKey, type KeyPart, type OutputCache } from '../cache/output-cache.ts';

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
 * Brotli's quality, by what a file is and how often it is fetched:
 * - 11 for the shared assets (CSS, scripts, icons: every reader fetches them; 45 KiB, 0.1 s at 11);
 * - 10 for item pages, the pages readers land on (links, search, citations) and the one the 8 KiB budget is for:
 *   /2020/items/16/ is 3,984 B at 10, 3,891 B at 11 and 4,220 B at 7 or 8, which would take the page over its budget;
 * - 7 for every other page and data file (sections, offices, the whole text, data, redirects, the archive's own),
 *   and a page's own QR code (qr.svg beside it, fetched only when the page is printed): the seed's 62 codes are
 *   29,167 B in 15 ms at 7 and 27,171 B in 193 ms at 11, which at 100 plans was ~20 s of a cold build's compression.
 * Measured on a 100-plan archive's pages (a tenth of them, one thread, 2-core machine, 2026-12): item pages, 5.2 MiB,
 * 1,330 KB in 2.8 s at 10, 1,414 KB (+6.3 %) in 0.23 s at 8, the same in 0.11 s at 7; the other pages and data,
 * 9.9 MiB, 2,082 KB in 3.7 s at 10, 2,219 KB (+6.6 %) in 0.21 s at 7, 2,287 KB in 0.17 s at 6. So the other pages
 * at 7 cost a cold 100-plan build ~2 s of compression instead of ~37 s, for 6.6 % more bytes on pages read less;
 * 9 was slower than 10 (22 s against 3.5 s on a sample), and 11 on item pages alone would cost ~70 s.
 * Files over 64 KiB get at most 10. gzip (the fallback) is 9: it costs next to nothing either way.
 */
const MAX_BYTES_FOR_BEST = 64 * 1024;
/** The shared assets, compressed at brotli's best. */
const SHARED_ASSET = /\.(css|js|mjs|svg|webmanifest)$/u;
/** A page's QR code (src/pages/[plan]/[...page]/qr.svg.ts writes it beside the page), not a shared asset. */
const PAGE_QR = /(?:^|\/)qr\.svg$/u;
/** An item page, under any plan (and any base path): <…>/items/<key>/index.html, the folder as plan-pages.ts names it. */
const ITEM_PAGE = new RegExp(`(?:^|/)${PLAN_PAGES.find((k) => k.id === 'item')!.path}[^/]+/index\\.html$`, 'u');

/** The brotli quality for a file (see above). */
export function brotliQuality(path: string, bytes: number): number {
  if (SHARED_ASSET.test(path) && !PAGE_QR.test(path)) return bytes <= MAX_BYTES_FOR_BEST ? 11 : 10;
  return ITEM_PAGE.test(path) ? 10 : 7;
}
/** Files in flight at once: zlib runs on libuv's pool of 4 threads. */
const CONCURRENCY = 4;
/** Files whose cached copies are restored at once (copying is the file system's work, not the CPU's). */
const RESTORES_AT_ONCE = 64;

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
 * A part of the site whose files all derive from one key (a plan's pages: their page-cache key), so its compressed
 * copies are found through one manifest under that key instead of by reading and hashing each file: at 100 plans,
 * checking ~7,700 files one by one took 17.9 s of a rebuild after one plan changed.
 */
export interface PrecompressUnit {
  /** What every file of the unit derives from (page-cache.ts: pageKeys, archivePagesKey). */
  key: string;
  /** Whether a file (its path relative to the folder compressed, with /) belongs to the unit. */
  holds: (file: string) => boolean;
}

/**
 * A unit's manifest: each compressed file (path relative to the folder compressed), the key of its copies in the
 * per-file cache and its sizes; and the text files too small to compress. A unit is restored only when the text
 * files found are exactly these, so a unit whose files are not what its key promised is compressed again.
 */
interface UnitManifest {
  compressed: [file: string, key: string, raw: number, gz: number, br: number][];
  small: string[];
}

/** What each file's compressed copies derive from besides its bytes: this code (the levels), the zlib and brotli builds. */
async function toolParts(cache?: OutputCache): Promise<KeyPart[]> {
  const code = cache ? await codeVersion('src/publish/deploy/precompress.ts') : '';
  return [['code', code], ['zlib', process.versions.zlib ?? ''], ['brotli', process.versions.brotli ?? '']];
}

/** A unit's manifest's key in the cache. */
const unitKey = (tools: readonly KeyPart[], unit: Pick<PrecompressUnit, 'key'>) => contentKey([...tools, ['unit', unit.key]]);

/**
 * Before the site is there: places the stored compressed copies of the units `keys` names (each a plan's pages'
 * key) under `side`, at the paths their manifests give, beside the pages the page cache put there to be moved into
 * the site once Astro is done (page-cache.ts: stagePages). Done while Astro renders, it takes off the end of a
 * rebuild the placing of every unchanged plan's copies: ~30,000 files at 100 plans (after one plan changed, the
 * precompress step that follows Astro took 3.5–4.8 s with them, 2.0–2.3 s without).
 * Returns the keys of the units placed whole; precompress() checks them against the files it finds, as it checks
 * every unit, and compresses again a unit whose files are not what its manifest lists.
 */
export async function stageCompressed(side: string, keys: readonly string[], cache: OutputCache): Promise<Set<string>> {
  const tools = await toolParts(cache);
  const placed = new Set<string>();
  await eachBounded(keys, RESTORES_AT_ONCE / 8, async (key) => {
    const manifest = await cache.get(UNITS, unitKey(tools, { key }));
    if (!manifest) return;
    const listed = JSON.parse(Buffer.from(manifest).toString('utf8')) as UnitManifest;
    // One file after another: copyOut places with synchronous calls (output-cache.ts placeSync says why).
    for (const [f, k] of listed.compressed) if (!(await cache.copyOut('precompress', k, outputs(join(side, f))))) return;
    placed.add(key);
  });
  return placed;
}

/** A file's compressed copies, beside it. */
const outputs = (path: string) => ({ '.gz': `${path}.gz`, '.br': `${path}.br` });

/**
 * Compresses every text file under `dir` but those in the folders `skip` names (relative to `dir`); with a
 * `cache`, a file whose bytes were compressed before gets its earlier .br and .gz copied instead, and the files of
 * a `unit` whose key is unchanged get theirs copied from the unit's manifest without being read, or none copied
 * when the unit's key is in `placed` (stageCompressed put them there already). `listed`: `dir`'s files, when the
 * caller listed them for other steps too (offline-bundle.ts siteFiles: relative paths, `/`-separated).
 */
export async function precompress(dir: string, cache?: OutputCache, skip: readonly string[] = [], units: readonly PrecompressUnit[] = [], placed: ReadonlySet<string> = new Set(), listed?: readonly string[]): Promise<PrecompressTotals> {
  const skipped = skip.map((folder) => `${folder}/`);
  const found = (listed ?? listFiles(dir)).filter((f) => TEXT.test(f) && !skipped.some((folder) => f.startsWith(folder)));
  const totals = { files: 0, raw: 0, br: 0, gz: 0, reused: 0 };
  const tools = await toolParts(cache);
  const add = (raw: number, gz: number, br: number, reused: boolean) => {
    totals.files += 1;
    totals.raw += raw;
    totals.gz += gz;
    totals.br += br;
    if (reused) totals.reused += 1;
  };
  const key = (data: Buffer) => contentKey([...tools, ['bytes', data]]);

  // Units first: each file goes to the first unit that holds it; a unit whose manifest is stored and lists exactly
  // the text files found is restored from it. Every restored unit's copies run in one pool (RESTORES_AT_ONCE at a
  // time), not unit after unit: at 100 plans the units' batches waited on each other for seconds.
  const byUnit = units.map(() => [] as string[]);
  const loose: string[] = [];
  for (const file of found) {
    const u = units.findIndex((unit) => unit.holds(file));
    (u < 0 ? loose : byUnit[u]!).push(file);
  }
  const manifests = await Promise.all(
    units.map(async (unit, u) => {
      const manifest = cache ? await cache.get(UNITS, unitKey(tools, unit)) : undefined;
      const listed = manifest && (JSON.parse(Buffer.from(manifest).toString('utf8')) as UnitManifest);
      return listed && sameFiles(byUnit[u]!, [...listed.compressed.map(([f]) => f), ...listed.small]) ? listed : undefined;
    }),
  );
  /** Units a copy of which was missing from the cache: compressed again, whole. */
  const broken = new Set<number>();
  const copies = manifests.flatMap((listed, u) => (listed && !placed.has(units[u]!.key) ? listed.compressed.map(([f, k]) => ({ u, f, k })) : []));
  await eachBounded(copies, RESTORES_AT_ONCE, async ({ u, f, k }) => {
    if (!broken.has(u) && !(await cache!.copyOut('precompress', k, outputs(join(dir, f))))) broken.add(u);
  });
  const missed: { key: string; files: string[] }[] = [];
  for (const [u, unit] of units.entries()) {
    const listed = manifests[u];
    if (listed && !broken.has(u)) for (const [, , raw, gz, br] of listed.compressed) add(raw, gz, br, true);
    else {
      loose.push(...byUnit[u]!);
      missed.push({ key: unitKey(tools, unit), files: byUnit[u]! });
    }
  }

  // Then every file whose copies the cache holds, many at once (copying is the file system's work); then the
  // rest, compressed CONCURRENCY at a time (compressing is the CPU's).
  // Paths only: holding every miss's bytes meanwhile would cost a cold build of a large archive its whole size in memory.
  const toCompress: string[] = [];
  /** What each file came to, for the manifests of the units that missed. */
  const done = new Map<string, UnitManifest['compressed'][number] | 'small'>();
  const restore = async (file: string) => {
    const path = join(dir, file);
    const data = await readFile(path);
    if (data.length < MIN_BYTES) return void done.set(file, 'small');
    const k = key(data);
    if (cache && (await cache.restore('precompress', k, outputs(path)))) {
      const [g, b] = await Promise.all([stat(`${path}.gz`), stat(`${path}.br`)]);
      add(data.length, g.size, b.size, true);
      done.set(file, [file, k, data.length, g.size, b.size]);
    } else toCompress.push(file);
  };
  await eachBounded(loose, RESTORES_AT_ONCE, restore);
  const one = async (file: string) => {
    const path = join(dir, file);
    const data = await readFile(path);
    const k = key(data);
    const sizes = await compress(data, path);
    if (cache) await cache.store('precompress', k, outputs(path));
    add(data.length, sizes.gz, sizes.br, false);
    done.set(file, [file, k, data.length, sizes.gz, sizes.br]);
  };
  // A pool, not batches: a batch waits for its slowest file (the whole-document page) while lanes stand idle.
  await eachBounded(toCompress, CONCURRENCY, one);
  if (cache) {
    for (const unit of missed) {
      const manifest: UnitManifest = { compressed: [], small: [] };
      for (const file of unit.files) {
        const d = done.get(file)!;
        if (d === 'small') manifest.small.push(file);
        else manifest.compressed.push(d);
      }
      await cache.put(UNITS, unit.key, new TextEncoder().encode(JSON.stringify(manifest)));
    }
  }
  return totals;
}

/** The cache's name for units' manifests. */
const UNITS = 'precompress-unit';

/** Whether two lists hold the same paths. */
function sameFiles(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  const set = new Set(a);
  return b.every((f) => set.has(f));
}

/**
 * Brotli's window for a file of `bytes`: the smallest that holds the whole file, at least 64 KiB. The default (4 MiB)
 * buys nothing on files this size and costs time to set up: the seed's 66 item pages at 10 took 603 ms with it and
 * 496 ms with 64 KiB, for 23 B less in all.
 */
export function brotliWindow(bytes: number): number {
  return Math.min(constants.BROTLI_MAX_WINDOW_BITS, Math.max(16, Math.ceil(Math.log2(Math.max(1, bytes)))));
}

/** Writes `<path>.gz` and `<path>.br` of `data`. */
async function compress(data: Buffer, path: string): Promise<{ gz: number; br: number }> {
  const quality = brotliQuality(path, data.length);
  const [g, b] = await Promise.all([
    gz(data, { level: 9 }),
    brotli(data, {
      params: { [constants.BROTLI_PARAM_QUALITY]: quality, [constants.BROTLI_PARAM_SIZE_HINT]: data.length, [constants.BROTLI_PARAM_LGWIN]: brotliWindow(data.length) },
    }),
  ]);
  await Promise.all([writeFile(`${path}.gz`, g), writeFile(`${path}.br`, b)]);
  return { gz: g.length, br: b.length };
}
