/**
 * URL rewriting for the offline bundle (pure). On file:// a link must name a file and be relative to the page:
 * /items/3/ seen from items/2/index.html becomes ../3/index.html.
 */
import { posix } from 'node:path';

/** How a URL found in a page should be written in the offline copy. */
export type Rewrite = { kind: 'local'; url: string } | { kind: 'external' } | { kind: 'missing'; path: string };

/**
 * Rewrites `url` (as written in the page at `pageFile`, a path relative to the site root such as
 * items/2/index.html) for the offline copy. `base` is the site's base path; `exists` says whether a file
 * (relative to the site root) is in the bundle.
 * @example rewriteUrl('/items/3/#m1', 'items/2/index.html', '/', () => true) // { kind: 'local', url: '../3/index.html#m1' }
 */
export function rewriteUrl(url: string, pageFile: string, base: string, exists: (file: string) => boolean): Rewrite {
  if (/^[a-z][a-z0-9+.-]*:/iu.test(url) || url.startsWith('//')) return { kind: 'external' };
  if (url.startsWith('#') || url === '') return { kind: 'local', url };
  const parsed = new URL(url, `http://x${base}${pageFile}`);
  if (!parsed.pathname.startsWith(base)) return { kind: 'missing', path: parsed.pathname };
  let file = decodeURIComponent(parsed.pathname.slice(base.length));
  if (file === '' || file.endsWith('/')) file += 'index.html';
  else if (!exists(file) && exists(`${file}/index.html`)) file += '/index.html';
  if (!exists(file)) return { kind: 'missing', path: file };
  let relative = posix.relative(posix.dirname(pageFile), file);
  if (relative === '') relative = posix.basename(file);
  return { kind: 'local', url: relative + parsed.search + parsed.hash };
}

/**
 * The relative path from a page to the site root, ending in a slash ('' → './').
 * @example rootFrom('items/2/index.html') // '../../'
 */
export function rootFrom(pageFile: string): string {
  const depth = pageFile.split('/').length - 1;
  return depth === 0 ? './' : '../'.repeat(depth);
}
