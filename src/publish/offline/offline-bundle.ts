/**
 * The offline HTML bundle: the built site rewritten to work from disk (file://, no server, no network) and
 * zipped. Links name files and are relative; the search script finds its records in a classic script
 * (fetch() and WebAssembly, which Pagefind needs, are refused on file://). Pages only: the Pagefind index,
 * the downloads and the sitemap stay online, and links to them point at the online site.
 */
import { readFile, mkdir, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { ArchiveEntry } from '../../config/archive-entry.ts';
import { yearSpan } from '../../config/plan-config.ts';
import { planToSearchRecords } from '../../search/records.ts';
import { StepError } from '../pipeline/cli.ts';
import { codeVersion } from '../cache/code-version.ts';
import { eachBounded } from '../pipeline/bounded.ts';
import { listFiles } from '../pipeline/list-files.ts';
import { contentKey, type OutputCache } from '../cache/output-cache.ts';
import { newestPlanDate, planDate, zipEntryDate } from './bundle-date.ts';
import { rewritePage } from './page-rewrite.ts';
import { deflateEntry, packEntries, unpackEntries, writeZipFile, type DeflatedEntry } from './zip-entries.ts';

/** Folders of the built site that the bundle leaves out (besides every other plan's, and redirect pages). */
const LEFT_OUT = ['pagefind/', 'downloads/', 'current/'];
/**
 * The sitemap stays online; the web server's precompressed copies (.br, .gz) are of no use on disk; the
 * forgiving search's tables of the whole site are replaced by the bundle's own (in its search-data script).
 */
const LEFT_OUT_FILES = [/^sitemap.*\.xml$/u, /\.(br|gz)$/u, /^search-aids\.js$/u];

/** Options for the bundle. */
export interface OfflineOptions {
  /** The built site (staging folder). */
  siteDir: string;
  /** Site base path, e.g. / or /plans/2020/. */
  base: string;
  /** Public origin + base, for links to what stays online. */
  onlineRoot: string;
  /** Name of the top folder inside the zip (ASCII). */
  folder: string;
  /** Where to write the zip. */
  zipPath: string;
  /**
   * The site's files (paths relative to it, as siteFiles() lists them), when the caller lists them once for every
   * bundle: listing a site of 100 plans a hundred times costs more than the bundles.
   */
  siteFiles?: readonly string[];
  /**
   * Each plan's pages' key (page-cache.ts), with a cache: the archive's zip then takes each unchanged plan's
   * deflated entries from the cache by that key instead of reading, rewriting and deflating its pages again.
   */
  pageKeys?: ReadonlyMap<string, string>;
  /**
   * The archive's zip: the site's own /search-aids.js (every plan's tables), when the caller has it, so that the
   * tables are not worked out twice (0.3–0.5 s at 100 plans).
   */
  aidsScript?: string;
}

/** Every file of the built site, relative to it, `/`-separated, sorted. */
export async function siteFiles(dir: string): Promise<string[]> {
  return listFiles(dir).sort();
}

/**
 * The classic script that carries the search records of the plans in a bundle, and the forgiving search's tables
 * for those plans (the site's /search-aids.js covers every plan, so a plan's zip would change with any plan).
 */
export async function searchDataScript(entries: readonly Pick<ArchiveEntry, 'id' | 'plan' | 'year' | 'yearTo'>[], aidsScript?: string): Promise<string> {
  // Loaded here, not with the module: the tables' libraries (pinyin, opencc) take ~0.1 s to load, which a build
  // whose zips are all reused never needs.
  const aids = aidsScript ?? (await import('../../search/aids.ts')).searchAidsScript(entries.map((e) => e.plan));
  const records = entries.flatMap((entry) => planToSearchRecords(entry.plan).map((r) => ({ ...r, path: `${entry.id}/${r.path}`, year: entry.year, years: yearSpan(entry) })));
  // JSON is valid JavaScript; escaping "<" keeps "</script>" in plan text from mattering anywhere it is inlined.
  return `window.__PLAN_SEARCH__=${JSON.stringify(records).replace(/</gu, '\\u003c')};\n${aids}`;
}

const readme = (title: string, what: string) => `${title} · 离线版

使用方法：解压后，双击打开本文件夹中的 index.html。
无需联网，无需安装任何软件；${what}均可离线使用。
PDF 和数据文件请在网站“数据下载”页获取。

Offline copy: unzip, then open index.html. Works without a network connection.
`;

const escapeHtml = (text: string) => text.replace(/[&<>"]/gu, (c) => `&#${c.codePointAt(0)};`);
const isRedirect = (html: string) => /<meta http-equiv="refresh"/u.test(html);

/** What goes into a bundle. */
interface BundleScope {
  /** The plans whose pages it holds. */
  entries: readonly ArchiveEntry[];
  /** Also the archive's own pages (home, offices across plans, comparisons). */
  archivePages: boolean;
  /** Title for the README (and the start page). */
  title: string;
  /** What the README says works offline. */
  what: string;
  /** The date every entry of the zip carries, YYYY-MM-DD (bundle-date.ts): the bundle is reproducible. */
  date: string;
}

/** What a bundle step reports. */
export interface BundleResult {
  bytes: number;
  pages: number;
  /** Copied from the cache: none of its inputs changed. */
  reused: boolean;
}

/** Builds a zip, or copies it from `cache` when none of its inputs changed. */
async function writeBundle(scope: BundleScope, opts: OfflineOptions & { planIds: readonly string[] }, cache?: OutputCache): Promise<BundleResult> {
  if (cache && opts.pageKeys) return scope.archivePages ? writeArchiveBundle(scope, opts, cache, opts.pageKeys) : writePlanBundle(scope, opts, cache, opts.pageKeys);
  const all = opts.siteFiles ?? (await siteFiles(opts.siteDir));
  const inBundle = new Set(scope.entries.map((e) => e.id));
  const candidates = bundleCandidates(all, scope, opts.planIds).files;
  const read = await Promise.all(candidates.map(async (f) => [f, await readFile(join(opts.siteDir, f))] as const));
  const raw = new Map(read.filter(([f, bytes]) => !(f.endsWith('.html') && isRedirect(bytes.toString('utf8')))));
  const rewrites = cache ? await rewriteKeys(opts, raw) : undefined;
  // The search data is made only for a zip that is made: its tables of traditional forms take half a second.
  const make = async () => writeZip(scope, opts, raw, await searchDataScript(scope.entries), cache && rewrites ? { cache, keys: rewrites } : undefined);
  let reused = false;
  if (cache) {
    // The zip derives from the files that go into it, the search data, the title (README, start page), the
    // addresses links are rewritten against, the names of the other plans (their pages are left out) and this code.
    // The search data is a function of the bundled plans and the code (searchDataScript, in this module's import
    // graph), so those stand for it in the key.
    const key = contentKey([
      ['code', await codeVersion('src/publish/offline/offline-bundle.ts')],
      ['options', JSON.stringify({ base: opts.base, onlineRoot: opts.onlineRoot, folder: opts.folder, ids: [...inBundle], archivePages: scope.archivePages, planIds: opts.planIds, title: scope.title, date: scope.date })],
      ['search data of', JSON.stringify(scope.entries.map(({ id, plan, year, yearTo }) => ({ id, plan, year, yearTo })))],
      ...[...raw].map(([f, bytes]) => [f, bytes] as const),
    ]);
    reused = await cache.through('offline', key, { '.zip': opts.zipPath }, make);
    // A zip taken whole from the cache keeps its pages' rewrites for the next build that needs them.
    if (reused) for (const k of rewrites!.values()) cache.keep(REWRITES, k);
  } else {
    await make();
  }
  return { bytes: (await stat(opts.zipPath)).size, pages: [...raw.keys()].filter((f) => f.endsWith('.html')).length, reused };
}

/** The site's files by top-level folder ('' for the files at the top), for each listing once: a build lists the site once and makes a bundle of every plan from that listing. */
const byTop = new WeakMap<readonly string[], Map<string, string[]>>();
function byTopFolder(all: readonly string[]): Map<string, string[]> {
  let groups = byTop.get(all);
  if (!groups) {
    groups = new Map();
    for (const f of all) {
      const slash = f.indexOf('/');
      const top = slash < 0 ? '' : f.slice(0, slash);
      const group = groups.get(top);
      if (group) group.push(f);
      else groups.set(top, [f]);
    }
    byTop.set(all, groups);
  }
  return groups;
}

/**
 * The site's files that may go into a bundle, sorted, and the plan each is of: a bundled plan's pages and the
 * shared assets; other plans stay online, and so do their downloads and every page that only sends the reader on
 * (redirects, which the caller leaves out once read: the old addresses were never on disk).
 */
function bundleCandidates(all: readonly string[], scope: BundleScope, planIds: readonly string[]): { files: string[]; planOf: (f: string) => string | undefined } {
  const inBundle = new Set(scope.entries.map((e) => e.id));
  const ids = new Set(planIds);
  const planOf = (f: string) => {
    const slash = f.indexOf('/');
    return slash > 0 && ids.has(f.slice(0, slash)) ? f.slice(0, slash) : undefined;
  };
  const files: string[] = [];
  // By top-level folder: a plan's bundle looks at its own plan's files and the archive's, not at the 99 others'.
  for (const [top, group] of byTopFolder(all)) {
    if (ids.has(top) && !inBundle.has(top)) continue;
    for (const f of group) {
      if (LEFT_OUT.some((p) => f.startsWith(p)) || LEFT_OUT_FILES.some((re) => re.test(f))) continue;
      const plan = planOf(f);
      if (plan !== undefined ? !f.startsWith(`${plan}/downloads/`) : !f.endsWith('.html') || f === '404.html' || scope.archivePages) files.push(f);
    }
  }
  // In the listing's order (a zip's entries, and so its bytes, follow it).
  files.sort();
  for (const file of files) {
    if (!/^[\x20-\x7e]+$/u.test(file)) throw new StepError(`offline bundle: “${file}” is not an ASCII file name; zip tools on Windows may garble it.`);
  }
  return { files, planOf };
}

/**
 * The files of a bundle when each plan's pages are known by their key: the bundled plans' files by plan (not read),
 * their redirect pages (found once per page key, then read from the cache), the other files read, and the files
 * that go into the zip, in order.
 */
async function keyedFiles(scope: BundleScope, opts: OfflineOptions & { planIds: readonly string[] }, cache: OutputCache, pageKeys: ReadonlyMap<string, string>) {
  const { files: candidates, planOf } = bundleCandidates(opts.siteFiles ?? (await siteFiles(opts.siteDir)), scope, opts.planIds);
  const code = await codeVersion('src/publish/offline/offline-bundle.ts');
  const byPlan = new Map<string, string[]>(scope.entries.map((e) => [e.id, []]));
  const rest: string[] = [];
  for (const f of candidates) {
    const plan = planOf(f);
    if (plan === undefined) rest.push(f);
    else byPlan.get(plan)!.push(f);
  }
  const pageKey = (id: string) => {
    const key = pageKeys.get(id);
    if (!key) throw new StepError(`offline bundle: no page key for plan ${id}.`);
    return key;
  };
  // Which of a plan's pages are redirects derives from its pages: found once per page key, then read from the cache.
  const redirects = new Set<string>();
  await Promise.all(
    [...byPlan].map(async ([id, files]) => {
      // A plan not rendered yet (stageArchiveUnits, while Astro renders) has no pages, and so no redirects.
      if (files.length === 0) return;
      const key = contentKey([['code', code], ['pages', pageKey(id)], ['files', files.join('\n')]]);
      const found = await cache.bytes(REDIRECTS, key, async () => {
        const html = files.filter((f) => f.endsWith('.html'));
        const read = await Promise.all(html.map(async (f) => [f, isRedirect(await readFile(join(opts.siteDir, f), 'utf8'))] as const));
        return new TextEncoder().encode(JSON.stringify(read.filter(([, r]) => r).map(([f]) => f)));
      });
      for (const f of JSON.parse(new TextDecoder().decode(found.bytes)) as string[]) redirects.add(f);
    }),
  );
  const { raw: restRaw, key: restKey } = await sharedFiles(opts.siteDir, rest, opts.siteFiles);
  const kept = candidates.filter((f) => (planOf(f) === undefined ? restRaw.has(f) : !redirects.has(f)));
  return { candidates, byPlan, redirects, restRaw, restKey, kept, pageKey, code };
}

/** What keyedFiles finds. */
type KeyedFiles = Awaited<ReturnType<typeof keyedFiles>>;

/** The files outside the plans' folders a bundle holds, read once per listing of the site (see sharedFiles). */
const sharedRead = new WeakMap<readonly string[], Map<string, Promise<{ raw: Map<string, Buffer>; key: string }>>>();

/**
 * The files outside the plans' folders that a bundle holds (`rest`: the shared assets, and for the archive's zip its
 * own pages), read, redirects left out, with a content key of them all. Read and hashed once for every bundle made
 * from the same listing of the site (`listing`, the build's): each plan's zip holds the same shared files, and 100
 * plans' zips read them 100 times and hashed them into 100 keys (~0.3 s of a rebuild after one plan changed).
 */
function sharedFiles(siteDir: string, rest: readonly string[], listing?: readonly string[]): Promise<{ raw: Map<string, Buffer>; key: string }> {
  const read = async () => {
    const files = await Promise.all(rest.map(async (f) => [f, await readFile(join(siteDir, f))] as const));
    const raw = new Map(files.filter(([f, bytes]) => !(f.endsWith('.html') && isRedirect(bytes.toString('utf8')))));
    return { raw, key: contentKey([...raw].map(([f, bytes]) => [f, bytes] as const)) };
  };
  if (!listing) return read();
  let byRest = sharedRead.get(listing);
  if (!byRest) sharedRead.set(listing, (byRest = new Map()));
  const name = `${siteDir}\n${rest.join('\n')}`;
  let found = byRest.get(name);
  if (!found) byRest.set(name, (found = read()));
  return found;
}

/**
 * A plan's zip when its pages are known by their key: the key is the pages' key and the shared files, so an
 * unchanged plan's zip is copied from the cache without its ~80 pages being read and hashed (99 plans' pages read
 * for nothing took seconds of a rebuild after one plan of 100 changed).
 */
async function writePlanBundle(scope: BundleScope, opts: OfflineOptions & { planIds: readonly string[] }, cache: OutputCache, pageKeys: ReadonlyMap<string, string>): Promise<BundleResult> {
  const { byPlan, redirects, restRaw, restKey, kept, pageKey, code } = await keyedFiles(scope, opts, cache, pageKeys);
  // Its pages are rewritten for file:// each time the zip is made, not taken from (nor stored in) the cache of
  // rewrites: the zip is made again only when its plan's pages changed, and the rewrites stored for it were found
  // again only when the same plan changed in the next build too (~70 unchanged pages, ~0.1 s of rewriting); every
  // build that took the zip whole removed them, and a cold 100-plan archive wrote ~7,500 (150 MB) for the next
  // build to remove.
  const make = async () => {
    const raw = new Map<string, Uint8Array>();
    for (const f of kept) raw.set(f, restRaw.get(f) ?? (await readFile(join(opts.siteDir, f))));
    await writeZip(scope, opts, raw, await searchDataScript(scope.entries));
  };
  // As writeBundle's key, with the bundled plans' pages' keys standing for their files, and for their search data
  // too: it derives from the plan's record (plan, year, yearTo), which is content/plans/<id>/plan.json, one of the
  // files every pages' key is made of (page-cache.ts). Serialising each plan again here cost ~0.1 s per rebuild.
  const key = contentKey([
    ['code', code],
    ['options', JSON.stringify({ base: opts.base, onlineRoot: opts.onlineRoot, folder: opts.folder, ids: [...byPlan.keys()], archivePages: scope.archivePages, planIds: opts.planIds, title: scope.title, date: scope.date })],
    ['pages', JSON.stringify([...byPlan.keys()].map((id) => [id, pageKey(id)]))],
    ['redirects', [...redirects].sort().join('\n')],
    ['shared files', restKey],
  ]);
  const reused = await cache.through('offline', key, { '.zip': opts.zipPath }, make);
  return { bytes: (await stat(opts.zipPath)).size, pages: kept.filter((f) => f.endsWith('.html')).length, reused };
}

/**
 * The cache's names for a plan's deflated entries in the archive's zip and the links its pages' rewrite looked up,
 * its redirect pages, and the search data's entry.
 */
const ARCHIVE_UNIT = 'offline-archive-plan';
const ARCHIVE_LINKS = 'offline-archive-links';
const REDIRECTS = 'offline-redirects';
const SEARCH_ENTRY = 'offline-search-data';

/**
 * The key of a plan's unit in the archive's zip (archiveUnits): what its entries derive from besides its pages and
 * the links they looked up: this code, the addresses, the folder and the date.
 */
function archiveUnitKey(code: string, opts: OfflineOptions, date: string, id: string, pageKey: string): string {
  const options = JSON.stringify({ base: opts.base, onlineRoot: opts.onlineRoot, folder: opts.folder, date, level: LEVEL });
  return contentKey([['code', code], ['options', options], ['plan', id], ['pages', pageKey]]);
}

/**
 * The archive's zip's units, each plan's entries: its pages rewritten for file:// and deflated, and stored in the
 * cache under the plan's pages' key, with the answers the rewrite had to "is this file in the zip?" (a link to a
 * file left out goes online). A stored unit is taken, without reading a page, when every one of those answers
 * still holds; so one plan's pages added or removed remake only the units whose pages link to them. (Before, the
 * whole zip's list of files was in every unit's key: a plan that gained an item rewrote and deflated every plan's
 * pages again, ~20 s of CPU at 100 plans.) `made` hears of each unit's entries. `files`: the bundle's files
 * (keyedFiles); `ids`: the plans whose units to make, or every plan.
 */
async function archiveUnits(scope: BundleScope, opts: OfflineOptions, cache: OutputCache, files: KeyedFiles, ids: readonly string[] | undefined, made: (entries: DeflatedEntry[]) => void): Promise<void> {
  const { byPlan, redirects, kept, pageKey, code } = files;
  const keptSet = new Set([...kept, SEARCH_DATA]);
  const plans = [...byPlan].filter(([id]) => !ids || ids.includes(id));
  // Several plans at once, and a plan's pages all at once: each page is rewritten on this thread and deflated on
  // the pool, so one page after another left the pool idle while the thread rewrote, and the thread idle while
  // the pool deflated (a cold 100-plan archive's zip: 28 s one after another). The zip's order is `kept`'s.
  await eachBounded(plans, UNITS_AT_ONCE, async ([id, own]) => {
    const key = archiveUnitKey(code, opts, scope.date, id, pageKey(id));
    const [stored, links] = await Promise.all([cache.get(ARCHIVE_UNIT, key), cache.get(ARCHIVE_LINKS, key)]);
    const asked = links && (JSON.parse(new TextDecoder().decode(links)) as [string, boolean][]);
    if (stored && asked && asked.every(([f, there]) => keptSet.has(f) === there)) return made(unpackEntries(stored));
    const answers = new Map<string, boolean>();
    const exists = (f: string) => {
      const there = keptSet.has(f);
      answers.set(f, there);
      return there;
    };
    const pages = own.filter((f) => !redirects.has(f));
    const entries = await Promise.all(
      pages.map(async (f) => {
        const bytes = await readFile(join(opts.siteDir, f));
        const page = f.endsWith('.html') ? new TextEncoder().encode(rewritePage(bytes.toString('utf8'), f, opts, exists)) : bytes;
        return deflateEntry(`${opts.folder}/${f}`, page, LEVEL);
      }),
    );
    await cache.put(ARCHIVE_UNIT, key, packEntries(entries));
    await cache.put(ARCHIVE_LINKS, key, new TextEncoder().encode(JSON.stringify([...answers].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))));
    made(entries);
  });
}

/**
 * The archive's zip's units of the plans `ids`, made now and stored in the cache, for the zip to take when it is
 * made (see archiveUnits): done while Astro renders the other plans, with the site's files as they are then.
 * A unit whose pages linked to a file not yet there is made again with the zip.
 */
export async function stageArchiveUnits(entries: readonly ArchiveEntry[], ids: readonly string[], opts: OfflineOptions, cache: OutputCache): Promise<void> {
  if (!opts.pageKeys) throw new StepError('offline bundle: the archive’s units need each plan’s pages’ key.');
  const scope = archiveScope(entries, '');
  const withIds = { ...opts, planIds: entries.map((e) => e.id) };
  await archiveUnits(scope, withIds, cache, await keyedFiles(scope, withIds, cache, opts.pageKeys), ids, () => undefined);
}

/**
 * The archive's zip, with each plan's entries a unit in the cache (archiveUnits): after one plan of 100 changed,
 * that plan's pages and the archive's own are rewritten and deflated, the other 99 plans' entries are read from the
 * cache, one file each (deflating everything again took 16.9 s of that rebuild). The zip is byte for byte the one
 * writeBundle's other path writes (zip-entries.ts).
 */
async function writeArchiveBundle(scope: BundleScope, opts: OfflineOptions & { planIds: readonly string[] }, cache: OutputCache, pageKeys: ReadonlyMap<string, string>): Promise<BundleResult> {
  const files = await keyedFiles(scope, opts, cache, pageKeys);
  const { byPlan, restRaw, restKey, kept, pageKey, code } = files;
  const keptSet = new Set([...kept, SEARCH_DATA]);
  const exists = (f: string) => keptSet.has(f);
  const mtime = zipEntryDate(scope.date);
  // What the archive's own entries derive from besides their files: this code, the addresses, the files in the zip
  // (a link to a file left out goes online), the folder and the date.
  const bundleKey = contentKey([
    ['code', code],
    ['options', JSON.stringify({ base: opts.base, onlineRoot: opts.onlineRoot, folder: opts.folder, date: scope.date, level: LEVEL })],
    ['files', [...keptSet].sort().join('\n')],
  ]);
  const searchKey = contentKey([['bundle', bundleKey], ['search data of', JSON.stringify(scope.entries.map(({ id, plan, year, yearTo }) => ({ id, plan, year, yearTo })))]]);
  const rewriteKey = (f: string, bytes: Uint8Array) => contentKey([['bundle', bundleKey], ['file', f], ['bytes', bytes]]);
  const make = async () => {
    const entries = new Map<string, DeflatedEntry>();
    await archiveUnits(scope, opts, cache, files, undefined, (made) => {
      for (const e of made) entries.set(e.name, e);
    });
    await eachBounded([...restRaw], PAGES_AT_ONCE, async ([f, bytes]) => {
      const page = f.endsWith('.html') ? (await cache.bytes(REWRITES, rewriteKey(f, bytes), () => new TextEncoder().encode(rewritePage(Buffer.from(bytes).toString('utf8'), f, opts, exists)))).bytes : bytes;
      entries.set(`${opts.folder}/${f}`, await deflateEntry(`${opts.folder}/${f}`, page, LEVEL));
    });
    // The search data of every plan: made (half a second per plan for its tables of traditional forms) only when a plan changed.
    const search = await cache.bytes(SEARCH_ENTRY, searchKey, async () => packEntries([await deflateEntry(`${opts.folder}/${SEARCH_DATA}`, new TextEncoder().encode(await searchDataScript(scope.entries, opts.aidsScript)), LEVEL)]));
    const readmeName = `${opts.folder}/README.txt`;
    const readmeEntry = await deflateEntry(readmeName, new TextEncoder().encode(`\uFEFF${readme(scope.title, scope.what).replaceAll('\n', '\r\n')}`), LEVEL);
    // The order writeZip gives: the site's files in order, the search data, the README.
    const ordered = [...kept.map((f) => entries.get(`${opts.folder}/${f}`)!), ...unpackEntries(search.bytes), readmeEntry];
    await mkdir(dirname(opts.zipPath), { recursive: true });
    await writeZipFile(opts.zipPath, ordered, mtime);
  };
  // The zip as a whole: the same entries' keys together (the files in the zip stand for the links the units'
  // pages looked up), and the title (README).
  const unitKeys = [...byPlan.keys()].map((id) => archiveUnitKey(code, opts, scope.date, id, pageKey(id)));
  const key = contentKey([
    ['bundle', bundleKey],
    ['title', JSON.stringify({ title: scope.title, what: scope.what, planIds: opts.planIds })],
    ['search', searchKey],
    ['units', JSON.stringify(unitKeys)],
    ['shared files', restKey],
  ]);
  const reused = await cache.through('offline', key, { '.zip': opts.zipPath }, make);
  if (reused) {
    // Kept for the next build that makes the zip again.
    for (const unit of unitKeys) {
      cache.keep(ARCHIVE_UNIT, unit);
      cache.keep(ARCHIVE_LINKS, unit);
    }
    cache.keep(SEARCH_ENTRY, searchKey);
    for (const [f, bytes] of restRaw) if (f.endsWith('.html')) cache.keep(REWRITES, rewriteKey(f, bytes));
  }
  return { bytes: (await stat(opts.zipPath)).size, pages: kept.filter((f) => f.endsWith('.html')).length, reused };
}

/** The cache's name for pages rewritten for file://. */
const REWRITES = 'offline-page';
/** Pages read from the cache (or rewritten and deflated) at once. */
const PAGES_AT_ONCE = 32;
/** Plans' entries of the archive's zip made at once (each holds its pages' bytes meanwhile: ~1 MB a plan). */
const UNITS_AT_ONCE = 4;
/** The file every bundle adds to the site's files: the search records. */
const SEARCH_DATA = '_assets/search-data.js';

/**
 * The content key of each page's rewrite for file://: a page's rewrite derives from its bytes, its name, the
 * files beside it in the bundle (a link to a file left out goes online), the addresses and this code. Kept so
 * that when one plan of many changed, the archive's zip rewrites only that plan's pages: parsing the HTML is
 * most of a bundle's work.
 */
async function rewriteKeys(opts: OfflineOptions, raw: ReadonlyMap<string, Uint8Array>): Promise<Map<string, string>> {
  const bundle = contentKey([
    ['code', await codeVersion('src/publish/offline/offline-bundle.ts')],
    ['options', JSON.stringify({ base: opts.base, onlineRoot: opts.onlineRoot })],
    ['files', [...raw.keys(), SEARCH_DATA].sort().join('\n')],
  ]);
  const keys = new Map<string, string>();
  for (const [file, bytes] of raw) if (file.endsWith('.html')) keys.set(file, contentKey([['bundle', bundle], ['file', file], ['bytes', bytes]]));
  return keys;
}

/** Rewrites the pages for file:// (or takes their rewrites from the cache), zips them with the assets, and writes the zip. */
async function writeZip(scope: BundleScope, opts: OfflineOptions, raw: ReadonlyMap<string, Uint8Array>, searchData: string, cached?: { cache: OutputCache; keys: ReadonlyMap<string, string> }): Promise<void> {
  const kept = new Set(raw.keys());
  kept.add(SEARCH_DATA);
  const exists = (f: string) => kept.has(f);
  const rewrite = (file: string, bytes: Uint8Array) => new TextEncoder().encode(rewritePage(Buffer.from(bytes).toString('utf8'), file, opts, exists));
  const page = async (file: string, bytes: Uint8Array) => {
    if (!file.endsWith('.html')) return bytes;
    return cached ? (await cached.cache.bytes(REWRITES, cached.keys.get(file)!, () => rewrite(file, bytes))).bytes : rewrite(file, bytes);
  };
  const mtime = zipEntryDate(scope.date);
  const files: Record<string, [Uint8Array, { mtime: Date }]> = {};
  const all = [...raw];
  // Several at once: a rewrite taken from the cache is a file read, and the archive's zip has thousands.
  for (let i = 0; i < all.length; i += PAGES_AT_ONCE) {
    const batch = all.slice(i, i + PAGES_AT_ONCE);
    const done = await Promise.all(batch.map(([file, bytes]) => page(file, bytes)));
    batch.forEach(([file], j) => (files[`${opts.folder}/${file}`] = [done[j]!, { mtime }]));
  }
  files[`${opts.folder}/${SEARCH_DATA}`] = [new TextEncoder().encode(searchData), { mtime }];
  if (!scope.archivePages) {
    // The entry page the README names: straight into the plan's own folder.
    const id = scope.entries[0]!.id;
    const title = escapeHtml(scope.title);
    const start = `<!doctype html>\n<html lang="zh-CN"><head><meta charset="utf-8"><title>${title}</title><meta http-equiv="refresh" content="0;url=${id}/index.html"></head><body><p><a href="${id}/index.html">${title}</a></p></body></html>\n`;
    files[`${opts.folder}/index.html`] = [new TextEncoder().encode(start), { mtime }];
  }
  // A BOM so Notepad on older Windows shows the Chinese correctly.
  files[`${opts.folder}/README.txt`] = [new TextEncoder().encode(`\uFEFF${readme(scope.title, scope.what).replaceAll('\n', '\r\n')}`), { mtime }];
  const entries = await Promise.all(Object.entries(files).map(([name, [bytes]]) => deflateEntry(name, bytes, LEVEL)));
  await mkdir(dirname(opts.zipPath), { recursive: true });
  await writeZipFile(opts.zipPath, entries, mtime);
}

/**
 * Deflate's level. 9 costs no more than 6 on these files (measured on a 20-plan archive's 32.5 MiB of pages:
 * 0.79 s and 9.27 MiB at 9, 0.82 s and 9.28 MiB at 6, 0.95 s and 9.87 MiB at 1).
 */
const LEVEL = 9;

/** Builds one plan's zip (or reuses it from `cache`). */
export function buildOfflineBundle(entry: ArchiveEntry, opts: OfflineOptions & { planIds: readonly string[] }, cache?: OutputCache): Promise<BundleResult> {
  return writeBundle({ entries: [entry], archivePages: false, title: entry.plan.title, what: '搜索、目录、处室页面', date: planDate(entry) }, opts, cache);
}

/** Builds the zip of the whole archive: every plan, the archive's home, offices across plans and comparisons. */
export function buildArchiveBundle(entries: readonly ArchiveEntry[], name: string, opts: OfflineOptions, cache?: OutputCache): Promise<BundleResult> {
  return writeBundle(archiveScope(entries, name), { ...opts, planIds: entries.map((e) => e.id) }, cache);
}

/** What the archive's zip holds, named `name`. */
function archiveScope(entries: readonly ArchiveEntry[], name: string): BundleScope {
  return { entries, archivePages: true, title: name, what: '各年度全文、搜索、处室历年工作、逐年对照', date: newestPlanDate(entries) };
}
