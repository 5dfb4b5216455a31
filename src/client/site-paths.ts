/**
 * Where things are, read from attributes the pages carry: the base URL (absolute on the web, relative in the
 * offline bundle) and whether links must name index.html (file://).
 */

const root = document.documentElement;

/** The site root, ending in a slash. */
export const base = root.dataset.base ?? '/';

/** True in the offline bundle: links name files, search data comes from a script. */
export const offline = root.dataset.offline === 'true';

/** The plan whose pages these are (its URL segment), or '' on the archive's own pages. */
export const planId = root.dataset.plan ?? '';

/** URL of a page given its path relative to the root (e.g. items/3/). */
export function pageUrl(path: string, query?: string): string {
  const file = offline ? `${path}index.html` : path;
  return base + file + (query ? `?q=${encodeURIComponent(query)}` : '');
}
