/**
 * A build's plans rendered by several Astro processes, one after another, when there are many (see
 * PLANS_PER_ASTRO): the build's own process (astro-build.ts: startAstro) renders the first share and the archive's
 * own pages, and renderAside the rest.
 */
import { mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { StepError } from '../pipeline/cli.ts';
import { astroBuild } from './astro-build.ts';

/**
 * Plans one Astro process renders at most (plansPerAstro). Astro holds every page it rendered until its process
 * ends: a cold 100-plan archive in one process grew to 1.5 GiB. 25 plans at a time took ~730 MiB each, and
 * rendering in processes of 25 was no slower in all (at 100 plans, 2026-12: 25 plans 13.3 s, 10 plans 6.9 s, so ~2.6 s a
 * process and 0.43 s a plan, against ~60 s for the 100 in one).
 */
const PLANS_PER_ASTRO = 25;

/**
 * PLANS_PER_ASTRO, or what BUILD_PLANS_PER_ASTRO says (a whole number from 1), so that a test can make an
 * archive of two plans render in two processes.
 */
export function plansPerAstro(given: string | undefined): number {
  if (given === undefined || given === '') return PLANS_PER_ASTRO;
  if (!/^[1-9]\d*$/u.test(given)) throw new StepError(`BUILD_PLANS_PER_ASTRO is “${given}”: it must be a whole number of plans, 1 or more.`);
  return Number(given);
}

/**
 * `ids` in runs of at most `size`, in order.
 * @example batches(['a', 'b', 'c'], 2) // [['a', 'b'], ['c']]
 */
export function batches<T>(ids: readonly T[], size: number): T[][] {
  const runs: T[][] = [];
  for (let i = 0; i < ids.length; i += size) runs.push(ids.slice(i, i + size));
  return runs;
}

/**
 * Renders plans beside the build's own Astro: with Astro processes of their own, `size` plans each, one
 * after another and once `after` is done (each writes _astro/ and Vite's cache, and one at a time holds the memory
 * of one), into a folder aside, without the archive's own pages (the build's own Astro renders those); each plan's
 * folder then moves into the site, as a plan rendered. The plans of a build that renders more than one process's
 * share, and those the build counted on the last build's restock to put back and which it did not, into `site`. Returns the
 * number of pages rendered and of processes run (none, and nothing started, when there is no plan: the usual case).
 * `moved` hears of each run's plans once they are in the site, but the last run's (the steps after Astro take those).
 */
export async function renderAside(ids: readonly string[], size: number, site: string, after: Promise<unknown>, moved?: (run: readonly string[]) => void): Promise<{ pages: number; processes: number }> {
  if (ids.length === 0) return { pages: 0, processes: 0 };
  await after;
  const side = join('.build', 'aside');
  let pages = 0;
  const runs = batches(ids, size);
  // Between two processes, synchronous calls: as promises, each folder listed or moved waited for the thread pool
  // behind the compression and zips of the plans done ahead, and the next process started 3–7 s late.
  for (const [i, run] of runs.entries()) {
    rmSync(side, { recursive: true, force: true });
    await astroBuild(side, { plans: run, archive: false });
    // The site's folder: Astro's, or none yet when the build's own Astro did not run.
    mkdirSync(site, { recursive: true });
    for (const id of run) {
      pages += readdirSync(join(side, id), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.html')).length;
      renameSync(join(side, id), join(site, id));
    }
    if (i < runs.length - 1) moved?.(run);
  }
  rmSync(side, { recursive: true, force: true });
  return { pages, processes: runs.length };
}
