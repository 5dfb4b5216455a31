/**
 * The pages of a plan, in one list: where each is under /<plan id>/, what it is called, whether the header links it,
 * whether a plan has it, and whether the single-plan site had it at an address without the plan's id. The URL
 * builders (urls.ts), the header's navigation, the redirects of /current/ and of the old addresses, and the
 * sitemap's filter (astro.config.mjs) all read it, so a new page /<id>/x/ is one entry here and one route file.
 * Pure: no Astro, no files (the Astro config imports it).
 */
import type { Plan } from '../plan/schema.ts';
import { itemLabel, sectionHeading } from '../plan/to-text.ts';
import { hasOffices, headedSections } from './plan-shape.ts';

/** What the list needs of a plan. */
type PlanOfPages = Pick<Plan, 'items' | 'sections' | 'offices' | 'groups' | 'attachments'>;

/** A page a plan has once, or a folder of pages it has one of per thing (item, section, office, 附件). */
export interface PlanPageKind {
  /** Its name in code, e.g. linksFor(p).pageUrl('targets'). */
  id: string;
  /** Its path under /<plan id>/ ('' for the plan's home); for a folder, the folder (items/ → items/<key>/). */
  path: string;
  /** The page's title, as its <title> and a redirect to it say (the home's is the plan's short title). */
  title?: string;
  /** The header's link text, for a page the header links. */
  nav?: string;
  /** Whether a plan has it (the office index only where 责任单位 are named); every plan when absent. */
  has?: (plan: PlanOfPages) => boolean;
  /** A folder's pages: the key in each address and each page's title. */
  each?: (plan: PlanOfPages) => { key: string; title: string }[];
  /** The single-plan site had it without the plan's id (/full/, /items/16/): that address redirects to the current plan's. */
  legacy: boolean;
  /**
   * It prints its permanent address as a QR code (PrintQr), which the build writes beside it as qr.svg
   * (src/pages/[plan]/[...page]/qr.svg.ts).
   */
  printQr?: boolean;
}

/** Every page of a plan, in the header's order for those it links. */
export const PLAN_PAGES = [
  { id: 'home', path: '', nav: '首页', legacy: false },
  { id: 'full', path: 'full/', title: '全文', nav: '全文', legacy: true, printQr: true },
  // /offices/ was the single-plan site's office index; it is now the archive's own, across plans.
  { id: 'offices', path: 'offices/', title: '责任处室', nav: '处室', has: hasOffices, legacy: false },
  { id: 'targets', path: 'targets/', title: '主要指标', nav: '主要指标', legacy: true },
  { id: 'citations', path: 'citations/', title: '引用文件', nav: '引用文件', legacy: true },
  { id: 'data', path: 'data/', title: '数据下载', nav: '数据下载', legacy: true },
  { id: 'search', path: 'search/', title: '搜索', legacy: true },
  { id: 'item', path: 'items/', each: (plan) => plan.items.map((i) => ({ key: i.id, title: `${itemLabel(i)} ${i.title}` })), legacy: true, printQr: true },
  { id: 'section', path: 'sections/', each: (plan) => headedSections(plan).map((s) => ({ key: String(s.number), title: sectionHeading(s) })), legacy: true },
  { id: 'office', path: 'offices/', each: (plan) => plan.offices.map((o) => ({ key: o.slug, title: `${o.name}的工作任务` })), legacy: false, printQr: true },
  { id: 'attachment', path: 'attachments/', each: (plan) => plan.attachments.map((a) => ({ key: a.id, title: `${a.mark} ${a.title ?? ''}`.trim() })), legacy: true },
] as const satisfies readonly PlanPageKind[];

/** The id of a page or folder of the list. */
export type PlanPageId = (typeof PLAN_PAGES)[number]['id'];

const kind = (id: PlanPageId): PlanPageKind => PLAN_PAGES.find((k) => k.id === id)!;

/**
 * A page's path under /<plan id>/; a folder's page takes the key of its thing.
 * @example pagePath('item', '3-2') // 'items/3-2/'
 */
export function pagePath(id: PlanPageId, key?: string): string {
  const { path, each } = kind(id);
  if (each && key === undefined) throw new Error(`plan-pages.ts: the page “${id}” needs a key (${path}<key>/).`);
  return key === undefined ? path : `${path}${key}/`;
}

/** A page of one plan: its path under /<plan id>/, its title, and whether it had an unprefixed address. */
export interface PlanPage {
  id: PlanPageId;
  path: string;
  title: string;
  legacy: boolean;
}

/**
 * Every page plan `p` has, for the redirects of /current/ and of the old addresses.
 * @example planPages(p2020).slice(0, 2) // [{ id: 'home', path: '', title: '2020年工作要点', … }, { id: 'full', path: 'full/', title: '全文', … }]
 */
export function planPages(p: { plan: PlanOfPages; shortTitle: string }): PlanPage[] {
  const pages = PLAN_PAGES.filter((k: PlanPageKind) => !k.has || k.has(p.plan));
  return pages.flatMap((k: PlanPageKind): PlanPage[] =>
    k.each
      ? k.each(p.plan).map((e) => ({ id: k.id as PlanPageId, path: `${k.path}${e.key}/`, title: e.title, legacy: k.legacy }))
      : [{ id: k.id as PlanPageId, path: k.path, title: k.title ?? p.shortTitle, legacy: k.legacy }],
  );
}

/**
 * The pages of plan `p` that print their address as a QR code (each has its qr.svg beside it).
 * @example printQrPages(p2020).map((page) => page.path).slice(0, 2) // ['full/', 'items/1/']
 */
export function printQrPages(p: { plan: PlanOfPages; shortTitle: string }): PlanPage[] {
  const ids = new Set<string>(PLAN_PAGES.filter((k: PlanPageKind) => k.printQr).map((k) => k.id));
  return planPages(p).filter((page) => ids.has(page.id));
}

/** The pages the header links for `plan`, in order, with their link text. */
export function navPages(plan: PlanOfPages): { id: PlanPageId; path: string; label: string }[] {
  return PLAN_PAGES.flatMap((k: PlanPageKind) => (k.nav && (!k.has || k.has(plan)) ? [{ id: k.id as PlanPageId, path: k.path, label: k.nav }] : []));
}

/** The first segments of the single-plan site's addresses (full, items …), which now only redirect. */
export function legacyFolders(): string[] {
  return [...new Set(PLAN_PAGES.filter((k: PlanPageKind) => k.legacy && k.path !== '').map((k) => k.path.split('/')[0]!))];
}
