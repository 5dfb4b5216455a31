/**
 * Every plan's data for pages, from the content collections, computed once per build (as Starlight's routing
 * module does). Pages and components get a plan by its id (the `[plan]` route parameter) and never read
 * generated files themselves.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import type { ArchiveEntry } from '../config/archive-entry.ts';
import { titleFacts } from '../config/plan-config.ts';
import { downloadPaths, planOutputs, type PlanOutput } from '../build/downloads.ts';

/** A plan as pages use it. */
export interface PlanView extends ArchiveEntry {
  /** Its item pages in plan order. */
  items: CollectionEntry<'items'>[];
  /** Short name for headers and titles, e.g. 2020年工作要点. */
  shortTitle: string;
  /** The issuers as the title names them, e.g. 湖南省教育厅 中共湖南省委教育工委. */
  issuers: string;
  /** Site-relative paths of its outputs (downloads and data files). */
  outputs: PlanOutput[];
  downloads: { pdf: string; gbt9704Pdf: string; offlineZip: string };
}

let cache: Promise<PlanView[]> | undefined;

async function load(): Promise<PlanView[]> {
  const [entries, items] = await Promise.all([getCollection('plans'), getCollection('items')]);
  const views = entries.map(({ data }) => {
    const facts = titleFacts(data.plan.title);
    return {
      ...data,
      items: items.filter((i) => i.id.startsWith(`${data.id}/`)).sort((a, b) => a.data.number - b.data.number),
      shortTitle: facts.year && facts.genre ? `${facts.year}年${facts.genre}` : data.plan.title,
      issuers: facts.issuer ?? data.plan.notice?.issuer ?? '',
      outputs: planOutputs(data),
      downloads: downloadPaths(data),
    };
  });
  return views.sort((a, b) => b.year - a.year || b.id.localeCompare(a.id));
}

/** Every plan, newest first. */
export function getPlans(): Promise<PlanView[]> {
  cache ??= load();
  return cache;
}

/** The plan with URL segment `id`, or undefined (pages of the archive itself have none). */
export async function maybePlan(id: string | undefined): Promise<PlanView | undefined> {
  return id === undefined ? undefined : (await getPlans()).find((p) => p.id === id);
}

/** The plan with URL segment `id`; a missing one is a bug in a route. */
export async function planFor(id: string | undefined): Promise<PlanView> {
  const found = await maybePlan(id);
  if (!found) throw new Error(`No plan with id “${id}” in content/plans/.`);
  return found;
}

/** The newest plan, which /current/ and today's unprefixed addresses answer for. */
export async function currentPlan(): Promise<PlanView> {
  return (await getPlans()).find((p) => p.current) ?? (await getPlans())[0]!;
}

/** getStaticPaths for a page of every plan. */
export async function planPaths(): Promise<{ params: { plan: string } }[]> {
  return (await getPlans()).map((p) => ({ params: { plan: p.id } }));
}

/** The archive's name: the series of the current plan, e.g. 湖南省教育厅工作要点. */
export async function archiveName(): Promise<string> {
  return (await currentPlan()).series;
}

/**
 * The pages of a plan, relative to its folder (/<id>/…), for the redirects of /current/ and today's addresses.
 * @example planPagePaths(p2020).slice(0, 2) // ['', 'full/']
 */
export function planPagePaths(p: Pick<PlanView, 'plan'>): string[] {
  const { plan } = p;
  return [
    '',
    'full/',
    'search/',
    'targets/',
    'citations/',
    'data/',
    'offices/',
    ...plan.items.map((i) => `items/${i.id}/`),
    ...plan.sections.map((s) => `sections/${s.number}/`),
    ...plan.offices.map((o) => `offices/${o.slug}/`),
    ...plan.attachments.map((a) => `attachments/${a.id}/`),
  ];
}
