/**
 * The search index, written by Pagefind's Node API as a checked step: every record it is given must be
 * accepted, no error may be reported, and the index must hold exactly the expected number of pages.
 *
 * One index per plan (`pagefind/<id>/`), so a change to one plan re-indexes that plan only: each index is stored
 * in the output cache under the key of its records and the code that indexes them (index-plan.ts), and the
 * browser merges the indexes a search spans with Pagefind's multisite `mergeIndex` (src/client/engine.ts), using
 * `pagefind/plans.json` to know them.
 *
 * Records are custom, one per item, office and section, with the text stored one character per token
 * (see src/search/match.ts): Pagefind's own Chinese segmentation and the browser's disagree on word
 * boundaries, which loses hits; single-character tokens cannot.
 */
import { existsSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import * as pagefind from 'pagefind';
import type { ArchiveEntry } from '../../config/archive-entry.ts';
import { codeVersion } from '../cache/code-version.ts';
import type { OutputCache } from '../cache/output-cache.ts';
import { eachBounded } from '../pipeline/bounded.ts';
import { StepError } from '../pipeline/cli.ts';
import { RECORDS_FILE } from '../../search/records-file.ts';
import { INDEX_FOLDER, PLAN_LIST, planIndexes, planRecordsFile, type PlanIndex } from './index-plan.ts';

export { INDEX_FOLDER, PLAN_LIST } from './index-plan.ts';

/** Files Pagefind writes that the site does not use. */
const UNUSED_FILES = [
  'pagefind-ui.js',
  'pagefind-ui.css',
  'pagefind-modular-ui.js',
  'pagefind-modular-ui.css',
  'pagefind-component-ui.js',
  'pagefind-component-ui.css',
  'pagefind-highlight.js',
];

/** What the index step did: records indexed, and how many plans' indexes were made or copied from the cache. */
export interface IndexTotals {
  records: number;
  plans: number;
  reused: number;
  /** The site addresses (from its root) the records point to, for checkRecordPages once the site is there. */
  pages: string[];
}

/** Writes one plan's index into `folder` and checks it (every record accepted, one fragment per record). */
async function indexPlan(plan: PlanIndex, folder: string): Promise<void> {
  const { index, errors } = await pagefind.createIndex({ forceLanguage: 'zh-cn', keepIndexUrl: false });
  if (!index || errors.length > 0) throw new StepError(`search index: Pagefind could not start: ${errors.join('; ')}`);
  try {
    // Every record sent at once: Pagefind indexes them in its own process, so the build's other steps, which
    // share this thread, cannot hold it up between one record and the next (at 100 plans, one at a time took
    // minutes while the offline bundles ran).
    const added = await Promise.all(plan.records.map((record) => index.addCustomRecord(record)));
    added.forEach((a, i) => {
      if (a.errors.length > 0) throw new StepError(`search index: ${plan.records[i]!.url}: ${a.errors.join('; ')}`);
    });
    const written = await index.writeFiles({ outputPath: folder });
    if (written.errors.length > 0) throw new StepError(`search index: ${plan.id}: ${written.errors.join('; ')}`);
    // Pagefind also writes its ready-made UIs; the site has its own, so they would only be dead weight.
    for (const unused of UNUSED_FILES) await rm(join(folder, unused), { force: true });
    const files = await index.getFiles();
    if (files.errors.length > 0) throw new StepError(`search index: ${plan.id}: ${files.errors.join('; ')}`);
    const fragments = files.files.filter((f) => f.path.startsWith('fragment/')).length;
    if (fragments !== plan.records.length) {
      throw new StepError(`search index: ${plan.id}: expected ${plan.records.length} pages in the index, Pagefind wrote ${fragments} fragments.`);
    }
  } finally {
    await index.deleteIndex();
  }
}

/** Fails unless every page the records point to is a page of the site built in `siteDir`. */
/**
 * Fails unless every page the search records point to (`pages`: writeSearchIndex returns them, so the records need
 * not be made again) is a page of the site built in `siteDir`.
 */
export function checkRecordPages(pages: readonly string[], siteDir: string): void {
  for (const url of pages) {
    if (!existsSync(join(siteDir, url, 'index.html'))) throw new StepError(`search index: ${url} is not a page of the built site.`);
  }
}

/** The pages the plans' records point to. */
const recordPages = (plans: readonly PlanIndex[]) => plans.flatMap((plan) => plan.records.map((r) => r.url));

/**
 * Builds `<outDir>/pagefind/<id>/` for each plan of `entries` and `<outDir>/pagefind/plans.json` naming the plans
 * of `listed` (default: the same plans; a unit of one plan still lists every plan of the archive). With a cache,
 * a plan whose records and indexing code did not change gets its earlier index copied instead. The records are
 * made from the plans, not read from pages, so the index can be written while Astro builds the pages: then
 * `siteDir` is null and the caller runs checkRecordPages once the site is there.
 */
export async function writeSearchIndex(
  entries: readonly ArchiveEntry[],
  outDir: string,
  cache?: OutputCache,
  listed: readonly Pick<ArchiveEntry, 'id'>[] = entries,
  siteDir: string | null = outDir,
): Promise<IndexTotals> {
  const plans = planIndexes(entries, await codeVersion('src/publish/search/search-index.ts'));
  const pages = recordPages(plans);
  if (siteDir !== null) checkRecordPages(pages, siteDir);
  const totals: IndexTotals = { records: 0, plans: plans.length, reused: 0, pages };
  try {
    // Plans do not depend on each other: a few at once (Pagefind's service works on several indexes in parallel).
    await eachBounded(plans, Math.max(2, availableParallelism()), async (plan) => {
      const folder = join(outDir, INDEX_FOLDER, plan.id);
      // Moved out of the cache where it lends (the build puts it back once published: restock.ts), else linked.
      const reused = cache ? await cache.placeFolder('search', plan.key, folder, join(INDEX_FOLDER, plan.id)) : false;
      if (!reused) {
        await indexPlan(plan, folder);
        const records = planRecordsFile(plan);
        if (records !== undefined) await writeFile(join(folder, RECORDS_FILE), records);
        await cache?.storeFolder('search', plan.key, folder);
      }
      totals.records += plan.records.length;
      if (reused) totals.reused += 1;
    });
  } finally {
    await pagefind.close();
  }
  await mkdir(join(outDir, INDEX_FOLDER), { recursive: true });
  await writeFile(join(outDir, INDEX_FOLDER, PLAN_LIST), `${JSON.stringify({ plans: listed.map((e) => e.id) })}\n`);
  return totals;
}
