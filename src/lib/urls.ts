/**
 * Site URLs, all under the configured base path. Stable: documented in README.
 */

const base = import.meta.env.BASE_URL.endsWith('/') ? import.meta.env.BASE_URL : `${import.meta.env.BASE_URL}/`;

/** A path under the base, e.g. href('items/3/') → /plans/2020/items/3/. */
export function href(path = ''): string {
  return base + path.replace(/^\//u, '');
}

export const homeUrl = () => href('');
export const itemUrl = (n: number) => href(`items/${n}/`);
export const sectionUrl = (n: number) => href(`sections/${n}/`);
export const officeUrl = (slug: string) => href(`offices/${slug}/`);
export const officesUrl = () => href('offices/');
export const fullUrl = () => href('full/');
export const searchUrl = () => href('search/');
export const targetsUrl = () => href('targets/');
export const citationsUrl = () => href('citations/');
export const dataUrl = () => href('data/');
