/**
 * Plans read from their folders → content/plans/<id>/ on disk: the archive placed (who replaced whom, which is
 * current), every plan's pages and record rendered, and only what changed written (stale files removed). Shared
 * by `npm run content` and the dev server's watcher (src/integrations/plan-content.ts), so both write the same.
 */
import { ArchiveEntrySchema, type ArchiveEntry } from '../../config/archive-entry.ts';
import { toArchiveEntries } from '../../generate/archive.ts';
import { GENERATED_DIRS, planToContentFiles, siteToContentFiles } from '../../generate/content-files.ts';
import type { PlanSource } from './plan-folders.ts';
import type { SiteSettings } from './site-settings.ts';
import { writeGenerated, type WriteReport } from './write-generated.ts';

/**
 * Writes the content of `sources` and the site's settings under `contentDir`; returns what changed and the archive
 * it wrote (newest first, checked by the schema the site reads plan.json with), so the build need not read it back.
 */
export async function writePlanContent(sources: readonly PlanSource[], site: SiteSettings, contentDir = 'content'): Promise<WriteReport & { plans: number; archive: ArchiveEntry[] }> {
  const entries = toArchiveEntries(sources.map((s) => ({ config: s.config, plan: s.read.plan, notes: s.notes })));
  const files = new Map<string, string>();
  for (const entry of entries) {
    const source = sources.find((s) => s.config.id === entry.id)!;
    for (const [path, text] of planToContentFiles(entry, source.sourcePath)) files.set(path, text);
  }
  // The site's settings are content too (every page reads them): written with the plans, or they would be stale files.
  for (const [path, text] of siteToContentFiles(site.config, site.found ? site.path : `${site.path} (absent, so no settings)`)) files.set(path, text);
  const archive = entries.map((entry) => ArchiveEntrySchema.parse(entry));
  return { ...(await writeGenerated(contentDir, files, GENERATED_DIRS)), plans: entries.length, archive };
}
