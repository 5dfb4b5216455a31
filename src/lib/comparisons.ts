/**
 * Editions compared, for the compare pages and their alignment.json: every plan that supersedes another plan of
 * the archive in the same series, against that plan (older a, newer b). Only neighbouring editions, so an archive
 * of n plans has n − 1 compare pages, not n². Computed once per build, as the plans are (lib/plans.ts).
 */
import { alignEditions } from '../compare/align.ts';
import { diffPair, type PairDiff } from '../compare/diff.ts';
import { planToEditionItems } from '../compare/edition-item.ts';
import { officeChanges, type OfficeChange } from '../compare/office-changes.ts';
import type { Alignment } from '../compare/types.ts';
import { archivePagesRendered, getPlans, type PlanView } from './plans.ts';

/** One comparison as the pages use it. */
export interface ComparisonView {
  a: PlanView;
  b: PlanView;
  alignment: Alignment;
  /** Diff of each matched entry, by its index in alignment.entries. */
  diffs: Map<number, PairDiff>;
  /** What changed for each office. */
  offices: OfficeChange[];
}

/** The pairs compared: each plan with the plan of its series it supersedes. */
export async function comparePairs(): Promise<{ a: PlanView; b: PlanView }[]> {
  const plans = await getPlans();
  return plans.flatMap((b) => {
    const a = plans.find((p) => p.id === b.supersedes && p.series === b.series);
    return a ? [{ a, b }] : [];
  });
}

/** getStaticPaths of the compare routes. */
export async function comparePaths(): Promise<{ params: { a: string; b: string } }[]> {
  if (!archivePagesRendered()) return [];
  return (await comparePairs()).map(({ a, b }) => ({ params: { a: a.id, b: b.id } }));
}

const cache = new Map<string, ComparisonView>();

/** The comparison of plans `aId` (older) and `bId` (newer); a pair that is not compared is a bug in a route. */
export async function comparisonFor(aId: string | undefined, bId: string | undefined): Promise<ComparisonView> {
  const key = `${aId}/${bId}`;
  const cached = cache.get(key);
  if (cached) return cached;
  const pair = (await comparePairs()).find((p) => p.a.id === aId && p.b.id === bId);
  if (!pair) throw new Error(`No comparison of “${aId}” with “${bId}”.`);
  const alignment = alignEditions(planToEditionItems(pair.a.plan), planToEditionItems(pair.b.plan));
  const diffs = new Map<number, PairDiff>();
  alignment.entries.forEach((e, i) => {
    if (e.tag === '调整') diffs.set(i, diffPair(e));
  });
  // Both plans' aliases: an office renamed between editions is the same office.
  const offices = officeChanges(alignment, { ...pair.a.officeAliases, ...pair.b.officeAliases });
  const view = { ...pair, alignment, diffs, offices };
  cache.set(key, view);
  return view;
}
