/**
 * The built site under test: where dist/ is, its base path, and how a URL maps to a file in it.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { siteOptions } from '../../src/contract/site-options.ts';
import { ArchiveEntrySchema, type ArchiveEntry } from '../../src/config/archive-entry.ts';

export const DIST = process.env.DIST_DIR || 'dist';
/** Where the content step wrote the plans of that site. */
export const CONTENT = process.env.CONTENT_DIR || 'content';
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

/**
 * The plans the built site holds, as the content step recorded them (content/plans/<id>/plan.json), newest
 * first; the tests of one plan's outputs take the current one, so they follow whichever plans were built.
 */
export function builtArchive(contentDir = CONTENT): ArchiveEntry[] {
  const dir = join(contentDir, 'plans');
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && existsSync(join(dir, e.name, 'plan.json')))
    .map((e) => ArchiveEntrySchema.parse(JSON.parse(readFileSync(join(dir, e.name, 'plan.json'), 'utf8'))))
    .sort((a, b) => b.year - a.year || b.id.localeCompare(a.id));
}

/** The plan /current/ answers for. */
export function currentEntry(contentDir = CONTENT): ArchiveEntry {
  const archive = builtArchive(contentDir);
  return archive.find((e) => e.current) ?? archive[0]!;
}
