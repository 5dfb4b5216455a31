/**
 * Every plan's data for pages, from what the content step wrote to content/plans/<id>/, computed once per build
 * (as Starlight's routing module does). Pages and components get a plan by its id (the `[plan]` route parameter)
 * and never read generated files themselves.
 *
 * The records come in as parsed JSON (src/integrations/plan-records.ts), checked here by the schema the content
 * step wrote them with; not through Astro's content collections: loading their config through a Vite server of its
 * own and serialising every plan's record into their store again on each build took ~2 s of the 8–9 s in which
 * Astro rendered one changed plan of a 100-plan archive (and ~15 s of its cold build).
 */
import { z } from 'zod';
import type { AstroComponentFactory } from 'astro/runtime/server/index.js';
import { ArchiveEntrySchema, type ArchiveEntry } from '../config/archive-entry.ts';
import { checkedRecord, staleContent } from './content-records.ts';
import type { Item } from '../plan/schema.ts';
import { yearSpan } from '../config/plan-config.ts';
import { documentFacts, type DocumentFacts } from '../document/document-facts.ts';
import { planLang, type PlanLang } from './plan-shape.ts';
import { downloadPaths, planOutputs, type PlanOutput } from '../contract/outputs.ts';
import { renders, rendersArchive } from '../contract/render-set.ts';
import renderSet from 'virtual:render-set';
import itemBodies from 'virtual:item-bodies';
import planRecordFiles from 'virtual:plan-records';

/** content/plans/<id>/plan.json: the archive entry, and a `$comment` saying where it was generated from. */
const PlanRecordSchema = ArchiveEntrySchema.extend({ $comment: z.string().optional() });
/** An item page's front matter (src/generate/item-mdx.ts): the number of the Plan's item whose body it is. */
const ItemFrontmatterSchema = z.object({ item: z.number() });
/** Every plan's record, by path from the project's root (src/integrations/plan-records.ts says how they are read). */
const records: Record<string, unknown> = planRecordFiles;

/** A plan as pages use it: every plan, rendered in this build or not. */
export interface PlanView extends ArchiveEntry {
  /** What its document says about itself (issuers, title parts, 发文字号, dates), computed once here. */
  document: DocumentFacts;
  /** Short name for headers and titles, e.g. 2020年工作要点 or 2018—2020年行动计划; else the title (document.shortTitle). */
  shortTitle: string;
  /** The plan's year or span as pages show it before 年, e.g. 2020 or 2018—2020. */
  years: string;
  /** The breadcrumb's name for the plan's home: the genre its title names (工作要点), else 首页. */
  homeLabel: string;
  /** The language of its pages: as the plan is printed, simplified or traditional. */
  lang: PlanLang;
  /** Site-relative paths of its outputs (downloads and data files). */
  outputs: PlanOutput[];
  downloads: { pdf: string; gbt9704Pdf: string; offlineZip: string };
}

/** An item of a rendered plan: the Plan's item, the one source of its facts, and its marked body (MDX). */
export interface RenderedItem {
  item: Item;
  /** The compiled MDX page of its body. */
  Body: AstroComponentFactory;
}

/** A plan whose pages this build renders, with its items' bodies loaded. */
export interface RenderedPlan extends PlanView {
  /** Its items in plan order, each with its body. */
  items: RenderedItem[];
}

let cache: Promise<PlanView[]> | undefined;
let rendered: Promise<RenderedPlan[]> | undefined;

/** Each plan's record, checked; its folder is its id. */
function planRecords(): ArchiveEntry[] {
  return Object.entries(records).map(([path, record]) => {
    const { $comment: _comment, ...entry } = checkedRecord(path, PlanRecordSchema, record);
    if (path !== `/content/plans/${entry.id}/plan.json`) throw staleContent(path, `the record is plan ${entry.id}’s`);
    return entry;
  });
}

async function load(): Promise<PlanView[]> {
  const views: PlanView[] = planRecords().map((data) => {
    const document = documentFacts(data.plan);
    return {
      ...data,
      document,
      shortTitle: document.shortTitle,
      years: yearSpan(data),
      homeLabel: document.titleParts.genre ?? '首页',
      lang: planLang(data.plan),
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

/**
 * The plans whose pages this build renders, with their item pages: every plan, unless the build copies some plans'
 * pages from its page cache (src/contract/render-set.ts). Every route under /<plan>/ takes its paths from here;
 * every other use of a plan's data (the archive's own pages, the plan filter) reads getPlans(), which always holds
 * every plan, and has no item pages (its type says so).
 *
 * What a plan's pages may read of other plans is what the page cache keys on (src/publish/cache/page-cache.ts,
 * `archiveSummary`): their config fields and titles. A page of one plan that shows more of another plan (its items,
 * say) must add it to that key, or a rebuild would keep the page as it was.
 */
export function renderedPlans(): Promise<RenderedPlan[]> {
  rendered ??= (async () => {
    const plans = (await getPlans()).filter((p) => renders(renderSet, p.id));
    // Only the plans rendered have item pages in virtual:item-bodies; each page's front matter names its item.
    return Promise.all(
      plans.map(async (p) => {
        const folder = `/content/plans/${p.id}/items/`;
        const pages = Object.entries(itemBodies).filter(([path]) => path.startsWith(folder));
        const own = new Map(
          await Promise.all(
            pages.map(async ([path, load]) => {
              const { default: Body, frontmatter } = await load();
              return [checkedRecord(path, ItemFrontmatterSchema, frontmatter).item, Body] as const;
            }),
          ),
        );
        const items = p.plan.items.map((item) => {
          const Body = own.get(item.number);
          if (!Body) throw staleContent(folder, `no page for item ${item.number}`);
          return { item, Body };
        });
        return { ...p, items };
      }),
    );
  })();
  return rendered;
}

/**
 * Whether this build renders the archive's own pages (src/contract/render-set.ts): each route outside /<plan>/ whose
 * paths come from the plans gives none when it does not.
 */
export function archivePagesRendered(): boolean {
  return rendersArchive(renderSet);
}

/** The archive's name: the series of the current plan, e.g. 湖南省教育厅工作要点. */
export async function archiveName(): Promise<string> {
  return (await currentPlan()).series;
}
