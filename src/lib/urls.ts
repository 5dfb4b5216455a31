/**
 * Site URLs, all under the configured base path. Stable: documented in README. A plan's pages are under
 * /<plan id>/; the archive's own pages (home, offices across plans, compare) are at the root.
 */
import { pagePath, type PlanPageId } from './plan-pages.ts';

const base = import.meta.env.BASE_URL.endsWith('/') ? import.meta.env.BASE_URL : `${import.meta.env.BASE_URL}/`;

/** A path under the base, e.g. href('2020/items/3/') → /plans/2020/items/3/. */
export function href(path = ''): string {
  return base + path.replace(/^\//u, '');
}

/** The archive's home page, listing every plan. */
export const archiveUrl = () => href('');
/** Offices across every plan. */
export const archiveOfficesUrl = () => href('offices/');
/** One office's items, plan by plan. */
export const archiveOfficeUrl = (slug: string) => href(`offices/${slug}/`);
/** The 无障碍声明: how the site serves every reader, and whom to tell when it does not. */
export const accessibilityUrl = () => href('accessibility/');
/** Two editions compared. */
export const compareUrl = (a: string, b: string) => href(`compare/${a}/${b}/`);

/** What URL builders need of a plan. */
interface Linkable {
  id: string;
  plan: { items: readonly { id: string }[] };
}

/** The URL builders of one plan's pages; their paths come from the list of a plan's pages (plan-pages.ts). */
export function linksFor(p: Linkable) {
  const at = (path: string) => href(`${p.id}/${path.replace(/^\//u, '')}`);
  const pageUrl = (id: PlanPageId, key?: string) => at(pagePath(id, key));
  return {
    /** A path inside the plan. */
    planHref: at,
    /** Any page of the list by its id (and its thing's key, for a folder of pages). */
    pageUrl,
    homeUrl: () => pageUrl('home'),
    /** An item's page by its position in the plan; the address carries the item's stable id (16, or 3-2). */
    itemUrl: (n: number) => pageUrl('item', p.plan.items[n - 1]!.id),
    sectionUrl: (n: number) => pageUrl('section', String(n)),
    officeUrl: (slug: string) => pageUrl('office', slug),
    officesUrl: () => pageUrl('offices'),
    fullUrl: () => pageUrl('full'),
    searchUrl: () => pageUrl('search'),
    targetsUrl: () => pageUrl('targets'),
    citationsUrl: () => pageUrl('citations'),
    dataUrl: () => pageUrl('data'),
    attachmentUrl: (id: string) => pageUrl('attachment', id),
  };
}
