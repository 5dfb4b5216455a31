/**
 * The page cache: each plan's pages (everything Astro writes under /<id>/) stored under a content key, so a
 * build renders only the plans whose pages could have changed and copies the others' pages in. Astro renders
 * every page it is given on each build (it has no incremental build), which at 100 plans is most of a rebuild.
 *
 * A plan's pages derive from:
 * - its own content folder (content/plans/<id>/: plan.json and the item MDX) and the archive's settings
 *   (content/site/);
 * - what its pages show of other plans: their config fields and titles (the header's plan count and current
 *   plan, the banner naming the plan that replaced it, the search page's plan filter): `archiveSummary`. A page
 *   of a plan that shows more of another plan must add it there (src/lib/plans.ts says so where pages read plans);
 * - where the site is served (SITE_URL, BASE_PATH);
 * - the code: every file of src/ and public/, the Astro and TypeScript configs, and the installed packages. Any
 *   edit there renders everything again: the pages are made by Astro components, which no import graph of ours
 *   can follow.
 * The archive's own pages (home, offices across plans, comparisons, redirects), with the shared assets and the
 * files of public/ (all Astro writes outside the plans' folders), are a unit of their own: they
 * may show any plan's text (an office's items across plans, a comparison), so their key is every plan's key
 * together. A build in which nothing changed renders nothing; one in which a plan changed renders that plan's
 * pages and the archive's own.
 */
import { readdirSync, readFileSync, type Dirent } from 'node:fs';
import { readdir, readFile, rename, rm } from 'node:fs/promises';
import { setImmediate } from 'node:timers/promises';
import { join, relative, sep } from 'node:path';
import type { ArchiveEntry } from '../../config/archive-entry.ts';
import type { SiteTarget } from '../pipeline/pipeline.ts';
import { contentKey, type KeyPart, type OutputCache } from './output-cache.ts';
import { StepError } from '../pipeline/cli.ts';

/** The cache's name for plans' pages, and for the list of shared assets they name. */
const KIND = 'pages';
const ASSETS = 'page-assets';
const ARCHIVE = 'archive-pages';
/** Code the pages are made by (see above). */
const CODE = ['src', 'public', 'astro.config.mjs', 'tsconfig.json', 'node_modules/.package-lock.json'];

/**
 * Every file under `path` (or the file itself), relative paths sorted, with their bytes: as key parts. Read with
 * synchronous calls: the keys are the first thing the build needs after the content step, nothing else waits for
 * the thread then, and at 100 plans (~7,000 small files) a promise per file cost more than the reads.
 */
function fileParts(path: string): KeyPart[] {
  let entries: Dirent[];
  try {
    entries = readdirSync(path, { recursive: true, withFileTypes: true });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOTDIR') return [[path, readFileSync(path)]];
    if (code === 'ENOENT') return [];
    throw e;
  }
  const files = entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name)).sort();
  return files.map((f) => [f, readFileSync(f)] as const);
}

/**
 * What a plan's pages may show of the other plans: every config field and the title, not the text.
 * @example JSON.parse(archiveSummary([entry]))[0].title // '湖南省教育厅 中共湖南省委教育工委2020年工作要点'
 */
export function archiveSummary(archive: readonly ArchiveEntry[]): string {
  return JSON.stringify(archive.map(({ plan, notes: _notes, ...config }) => ({ ...config, title: plan.title })));
}

/** The content key of each plan's pages, by plan id; `root` is the project's folder (its code). */
export async function pageKeys(archive: readonly ArchiveEntry[], target: SiteTarget, contentDir = 'content', root = '.'): Promise<Map<string, string>> {
  const code = CODE.flatMap((c) => fileParts(join(root, c)));
  const shared: KeyPart[] = [
    ['target', JSON.stringify(target)],
    ['archive', archiveSummary(archive)],
    ...fileParts(join(contentDir, 'site')).map(([path, bytes]) => [relative(contentDir, path), bytes] as const),
    // Labelled relative to the project, so the same project in another folder has the same keys.
    ...code.map(([path, bytes]) => [relative(root, path), bytes] as const),
  ];
  // Hashed once, then named by its hash in each plan's key: the code alone is ~1.3 MB, hashed a hundred times over
  // it was 0.35 s of a 100-plan build before Astro could be told what to render.
  const sharedKey = contentKey(shared);
  const keys = new Map<string, string>();
  for (const { id } of archive) {
    const folder = join(contentDir, 'plans', id);
    const own = fileParts(folder).map(([path, bytes]) => [relative(folder, path), bytes] as const);
    keys.set(id, contentKey([['shared', sharedKey], ['plan', id], ...own]));
  }
  return keys;
}

/** The key of the archive's own pages: every plan's pages' key (each already holds the code, target and settings). */
export function archivePagesKey(keys: ReadonlyMap<string, string>): string {
  return contentKey([...keys].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** Whether the archive's own pages are stored under `key`: with every plan's pages cached too, Astro need not run. */
export function cachedArchivePages(key: string, cache: OutputCache): Promise<boolean> {
  return cache.hasFolder(ARCHIVE, key);
}

/**
 * After Astro, or instead of it: stores the archive's own pages (everything in `siteDir` outside the plans'
 * folders) just rendered, or copies the stored ones in.
 */
export async function settleArchivePages(siteDir: string, key: string, planIds: readonly string[], rendered: boolean, cache: OutputCache): Promise<void> {
  if (rendered) await cache.storeFolder(ARCHIVE, key, siteDir, new Set(planIds));
  else if (!(await cache.restoreFolder(ARCHIVE, key, siteDir))) throw new StepError(`page cache: the archive’s own pages are not stored under ${key}. Remove .build/cache and build again.`);
}

/** Files of the built site that pages name by an absolute path under the base: its shared assets. */
const ASSET = /(?:href|src)="([^"]+\/_astro\/[^"]+)"/gu;

/**
 * The plans whose pages are stored under their keys: those Astro need not render. A plan whose entry is in `coming`
 * (being put back by the last build's restock: restock.ts) counts as stored without a look; the build checks it
 * with cachedPlans once the restock is done.
 */
export async function cachedPlans(keys: ReadonlyMap<string, string>, cache: OutputCache, coming: ReadonlySet<string> = new Set()): Promise<string[]> {
  const found = await Promise.all([...keys].map(async ([id, key]) => (coming.has(cache.folderEntry(KIND, key)) || (await cache.hasFolder(KIND, key)) ? id : undefined)));
  return found.filter((id): id is string => id !== undefined);
}

/** How many pages (HTML files) the cached plans `ids` have, from the listing cachedPlans() checked (for the log). */
export async function cachedPageCount(ids: readonly string[], keys: ReadonlyMap<string, string>, cache: OutputCache): Promise<number> {
  const files = async (key: string) => cache.checkedFiles(KIND, key) ?? (await readdir(join(cache.dir, KIND, key), { recursive: true }));
  const counts = await Promise.all(ids.map(async (id) => (await files(keys.get(id)!)).filter((f) => f.endsWith('.html')).length));
  return counts.reduce((a, b) => a + b, 0);
}

/** The shared assets (their file names in _astro/) that the pages in `folder` name. */
async function assetsNamed(folder: string): Promise<Uint8Array> {
  const names = new Set<string>();
  for (const f of await readdir(folder, { recursive: true })) {
    if (!f.endsWith('.html')) continue;
    for (const [, url] of (await readFile(join(folder, f), 'utf8')).matchAll(ASSET)) names.add(url!.slice(url!.lastIndexOf('/') + 1));
  }
  return new TextEncoder().encode(JSON.stringify([...names].sort()));
}

/**
 * While Astro renders: puts the cached plans' pages into `side`, one folder per plan, for settlePages to move into
 * the site once Astro is done (Astro empties its output folder when it starts, so they cannot go there before).
 * Each plan's stored folder is moved there whole (output-cache.ts: takeFolder; restock.ts puts it back after the
 * build), or its files linked where it cannot be moved.
 */
export async function stagePages(side: string, keys: ReadonlyMap<string, string>, reused: readonly string[], cache: OutputCache): Promise<void> {
  await rm(side, { recursive: true, force: true });
  for (const id of reused) {
    await placePages(cache, keys.get(id)!, join(side, id), id);
    // Linked pages are placed with synchronous calls (output-cache.ts placeSync): between plans the build's other
    // work (the PDFs, the index, Astro's process) gets its turn.
    await setImmediate();
  }
}

/**
 * The pages' files of the plans `ids` staged by stagePages, as paths in the site (`<id>/…`, `/`-separated): what
 * hasFolder() found in each stored folder before it was placed, so the build need not list the staged plans again
 * (listing them, with their compressed copies beside, took ~0.9 s of the build's thread while Astro rendered).
 * Their compressed copies are not among them: the steps that read the listing leave those out by name.
 */
export function stagedPageFiles(ids: readonly string[], keys: ReadonlyMap<string, string>, cache: OutputCache): string[] {
  return ids.flatMap((id) => {
    const files = cache.checkedFiles(KIND, keys.get(id)!);
    if (!files) throw new StepError(`page cache: the pages of ${id} were not checked before they were staged.`);
    return files.map((f) => `${id}/${f.split(sep).join('/')}`);
  });
}

/** Puts the pages stored under `key` at `dest` (the plan `id`'s folder in the site, or one staged for it): moved, else linked. */
async function placePages(cache: OutputCache, key: string, dest: string, id: string): Promise<void> {
  if (!(await cache.placeFolder(KIND, key, dest, id))) throw new StepError(`page cache: the pages of ${id} are not stored under ${key}. Remove .build/cache and build again.`);
}

/** Moves a plan's pages staged by stagePages into the site; false when the site has that folder already. */
async function moveStaged(from: string, to: string): Promise<boolean> {
  try {
    await rename(from, to);
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOTEMPTY' || code === 'EEXIST' || code === 'ENOENT') return false;
    throw error;
  }
}

/**
 * After Astro: moves (or copies) the cached plans' pages into the site and stores the pages of the plans just rendered;
 * returns the plans whose staged folder was moved in whole (with whatever else was staged beside their pages).
 * Checks that every shared asset a copied page names is one this build wrote (the code is part of the key, so
 * it is; a failure here is a bug in the key, and stops the build rather than publish a page without its style).
 * What a plan's pages name is stored beside them, so the check reads one small file per plan, not every page.
 */
export async function settlePages(siteDir: string, keys: ReadonlyMap<string, string>, reused: readonly string[], cache: OutputCache, staged?: string): Promise<Set<string>> {
  const written = new Set(await readdir(join(siteDir, '_astro')).catch(() => []));
  const moved = new Set<string>();
  // One plan after another: each copy runs many files at once already.
  for (const [id, key] of keys) {
    const folder = join(siteDir, id);
    if (!reused.includes(id)) await cache.storeFolder(KIND, key, folder);
    else if (staged && (await moveStaged(join(staged, id), folder))) moved.add(id);
    else await placePages(cache, key, folder, id);
    const named = JSON.parse(new TextDecoder().decode((await cache.bytes(ASSETS, key, () => assetsNamed(folder))).bytes)) as string[];
    const missing = named.filter((name) => !written.has(name));
    if (missing.length > 0) throw new StepError(`page cache: the pages of ${id} copied from the cache name _astro/${missing[0]}, which this build did not write. Remove .build/cache and build again.`);
  }
  return moved;
}
