/**
 * The built site under test: where dist/ is, its base path, and how a URL maps to a file in it.
 */
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { siteOptions } from '../../src/build/site-options.ts';

export const DIST = process.env.DIST_DIR || 'dist';
export const { base: BASE, site: SITE } = siteOptions(process.env);

/** The file a site URL path (starting with the base path) is served from, or undefined. */
export function fileForPath(pathname: string): string | undefined {
  if (!pathname.startsWith(BASE)) return undefined;
  const rel = decodeURIComponent(pathname.slice(BASE.length));
  const candidates = rel === '' || rel.endsWith('/') ? [join(DIST, rel, 'index.html')] : [join(DIST, rel), join(DIST, rel, 'index.html')];
  return candidates.find((c) => existsSync(c) && statSync(c).isFile());
}

/** The site URL path of an HTML file relative to dist/ (index.html → directory URL). */
export function pathForFile(rel: string): string {
  return BASE + rel.replace(/(^|\/)index\.html$/u, '$1');
}
