/**
 * Site URLs, all under the configured base path. Stable: documented in README.
 */

import { plan } from './plan.ts';

const base = import.meta.env.BASE_URL.endsWith('/') ? import.meta.env.BASE_URL : `${import.meta.env.BASE_URL}/`;

/** A path under the base, e.g. href('items/3/') → /plans/2020/items/3/. */
export function href(path = ''): string {
  return base + path.replace(/^\//u, '');
}

export const homeUrl = () => href('');
/** An item's page by its position in the plan; the address carries the item's stable id (16, or 3-2). */
export const itemUrl = (n: number) => href(`items/${plan.items[n - 1]!.id}/`);
export const sectionUrl = (n: number) => href(`sections/${n}/`);
export const officeUrl = (slug: string) => href(`offices/${slug}/`);
export const officesUrl = () => href('offices/');
export const fullUrl = () => href('full/');
export const searchUrl = () => href('search/');
export const targetsUrl = () => href('targets/');
export const citationsUrl = () => href('citations/');
export const dataUrl = () => href('data/');
export const attachmentUrl = (id: string) => href(`attachments/${id}/`);
