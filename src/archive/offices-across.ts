/**
 * Offices across the plans of the archive (pure): for each office slug, the plans that name it and its items
 * in each, newest plan first. Plain functions over arrays, tested without Astro.
 */
import type { Item, Office } from '../plan/schema.ts';

/** What this needs of a plan. */
export interface PlanLike {
  id: string;
  year: number;
  /** The last year of a plan for a span of years. */
  yearTo?: number | undefined;
  plan: { offices: readonly Office[]; items: readonly Item[] };
}

/** One office over the years. */
export interface OfficeAcross {
  slug: string;
  /** Its name in the newest plan that names it. */
  name: string;
  /** Every name it had in any plan, in order of first use, newest plan first. */
  names: string[];
  years: { planId: string; year: number; yearTo?: number; items: { item: Item; lead: boolean }[]; closing: boolean }[];
}

/**
 * Every office of every plan, by slug (sorted), each with its items per plan.
 * @example officesAcross([p2021, p2020]).find((o) => o.slug === 'jijiaochu')?.years.map((y) => y.year) // [2021, 2020]
 */
export function officesAcross(plans: readonly PlanLike[]): OfficeAcross[] {
  const bySlug = new Map<string, OfficeAcross>();
  const newestFirst = [...plans].sort((a, b) => b.year - a.year || b.id.localeCompare(a.id));
  for (const p of newestFirst) {
    for (const office of p.plan.offices) {
      const entry = bySlug.get(office.slug) ?? { slug: office.slug, name: office.name, names: [], years: [] };
      for (const n of [office.name, ...office.aliases]) if (!entry.names.includes(n)) entry.names.push(n);
      entry.years.push({
        planId: p.id,
        year: p.year,
        ...(p.yearTo !== undefined && { yearTo: p.yearTo }),
        items: office.items.map((ref) => ({ item: p.plan.items.find((i) => i.number === ref.number)!, lead: ref.lead })),
        closing: office.closing,
      });
      bySlug.set(office.slug, entry);
    }
  }
  return [...bySlug.values()].sort((a, b) => a.slug.localeCompare(b.slug));
}
