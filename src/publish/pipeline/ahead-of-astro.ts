/**
 * Work of the steps after Astro done while Astro still renders: a build that renders many plans renders them in
 * several Astro processes, one after another (scripts/build-steps.ts: renderAside), and the plans of each process
 * but the last are stored, compressed and zipped while the next one renders.
 */
import type { ArchiveEntry } from '../../config/archive-entry.ts';
import type { OutputCache } from '../cache/output-cache.ts';
import { settlePages } from '../cache/page-cache.ts';
import { addTotals, precompress, type PrecompressTotals } from '../deploy/precompress.ts';
import { buildOfflineBundle, stageArchiveUnits, type BundleResult } from '../offline/offline-bundle.ts';
import { allDone, eachBounded } from './bounded.ts';
import { listFiles } from './list-files.ts';
import type { planTarget, siteTarget } from './pipeline.ts';

/** What the work needs. */
export interface AheadOptions {
  /** The site's folder, where each process's plans are once rendered. */
  site: string;
  /** Every plan of the build, and where its outputs go. */
  plans: readonly { entry: ArchiveEntry; out: ReturnType<typeof planTarget> }[];
  /** Each plan's pages' key (page-cache.ts). */
  keys: ReadonlyMap<string, string>;
  cache: OutputCache;
  /** The site's address and base path. */
  target: ReturnType<typeof siteTarget>;
  /** Zips made at once. */
  zipsAtOnce: number;
  /** The folder inside the archive's zip, when there is one: its plans' entries are made ahead too. */
  archiveFolder?: string | undefined;
}

/**
 * The work the steps after Astro do for a plan, done for the plans of each Astro process (but the last) while the
 * next one renders: their pages stored in the page cache (before their compressed copies join them), their files
 * compressed, their zips made, and their entries in the archive's zip. The steps after Astro then leave those plans out, and report what was done here.
 * A plan's zip needs only its own pages and the shared assets, which the build's own Astro, the first, wrote.
 */
export class AheadOfAstro {
  /** The plans whose pages were stored in the page cache here. */
  readonly settled = new Set<string>();
  /** What compressing their files did. */
  compressed: PrecompressTotals = { files: 0, raw: 0, br: 0, gz: 0, reused: 0 };
  /** Their zips. */
  readonly zips = new Map<string, BundleResult>();
  private readonly work: Promise<void>[] = [];
  private readonly given: AheadOptions;

  constructor(given: AheadOptions) {
    this.given = given;
  }

  /** Does the work for the plans `run` gives, once it gives them, after the work already asked for. */
  run(run: Promise<readonly string[]>): void {
    const before = this.work.at(-1) ?? Promise.resolve();
    const work = Promise.all([run, before]).then(([ids]) => this.plansAhead(ids));
    work.catch(() => undefined); // awaited by done(); this only keeps an early failure from being "unhandled"
    this.work.push(work);
  }

  /** Waits for all the work asked for; fails with its first failure. */
  async done(): Promise<void> {
    await allDone(this.work);
  }

  private async plansAhead(ids: readonly string[]): Promise<void> {
    const { site, plans, keys, cache, target, zipsAtOnce, archiveFolder } = this.given;
    await settlePages(site, new Map(ids.map((id) => [id, keys.get(id)!])), [], cache);
    for (const id of ids) this.settled.add(id);
    const files = listFiles(site).sort();
    const own = new Set(ids);
    const units = ids.map((id) => ({ key: keys.get(id)!, holds: (f: string) => f.startsWith(`${id}/`) }));
    this.compressed = addTotals(this.compressed, await precompress(site, cache, [], units, new Set(), files.filter((f) => own.has(f.slice(0, f.indexOf('/'))))));
    const planIds = plans.map((p) => p.entry.id);
    const onlineRoot = target.site + target.base;
    await eachBounded(plans.filter((p) => own.has(p.entry.id)), zipsAtOnce, async ({ entry, out }) => {
      this.zips.set(entry.id, await buildOfflineBundle(entry, { siteDir: site, base: target.base, onlineRoot, folder: out.offlineFolder, zipPath: out.zipPath, planIds, siteFiles: files, pageKeys: keys }, cache));
    });
    // The archive's zip takes these units from the cache, each once the links its pages looked up are checked.
    if (archiveFolder) await stageArchiveUnits(plans.map((p) => p.entry), ids, { siteDir: site, base: target.base, onlineRoot, folder: archiveFolder, zipPath: '', siteFiles: files, pageKeys: keys }, cache);
  }
}

