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
import { filesAsWritten, planKey, readManifest, stillAsWritten, writeManifest, type ContentManifest } from './content-manifest.ts';

/** Where the build keeps what it wrote (content-manifest.ts), and the generator's code version for the plans' keys. */
export interface ContentReuse {
  manifestFile: string;
  code: string;
}

/**
 * Writes the content of `sources` and the site's settings under `contentDir`; returns what changed and the archive
 * it wrote (newest first, checked by the schema the site reads plan.json with), so the build need not read it back.
 */
export async function writePlanContent(sources: readonly PlanSource[], site: SiteSettings, contentDir = 'content', reuse?: ContentReuse): Promise<WriteReport & { plans: number; archive: ArchiveEntry[] }> {
  const entries = toArchiveEntries(sources.map((s) => ({ config: s.config, plan: s.read.plan, notes: s.notes })));
  const last = reuse ? readManifest(reuse.manifestFile) : undefined;
  const next: ContentManifest['plans'] = {};
  const files = new Map<string, string>();
  // Files of plans left as they are (content-manifest.ts), and the plans written now with their keys.
  const kept = new Set<string>();
  const written = new Map<string, { key: string; paths: string[] }>();
  const archive: ArchiveEntry[] = [];
  for (const entry of entries) {
    const source = sources.find((s) => s.config.id === entry.id)!;
    const key = reuse ? planKey(reuse.code, entry, source.sourcePath) : undefined;
    const before = last?.plans[entry.id];
    if (key && before?.key === key && stillAsWritten(contentDir, before.files, last!.at)) {
      for (const path of Object.keys(before.files)) kept.add(path);
      next[entry.id] = before;
      // The same entry, checked against the same schema when it was written (the key holds the code).
      archive.push(entry);
      continue;
    }
    const own = planToContentFiles(entry, source.sourcePath);
    for (const [path, text] of own) files.set(path, text);
    if (key) written.set(entry.id, { key, paths: [...own.keys()] });
    archive.push(ArchiveEntrySchema.parse(entry));
  }
  // The site's settings are content too (every page reads them): written with the plans, or they would be stale files.
  for (const [path, text] of siteToContentFiles(site.config, site.found ? site.path : `${site.path} (absent, so no settings)`)) files.set(path, text);
  const report = await writeGenerated(contentDir, files, GENERATED_DIRS, kept);
  if (reuse) {
    for (const [id, { key, paths }] of written) next[id] = { key, files: filesAsWritten(contentDir, paths) };
    writeManifest(reuse.manifestFile, next);
  }
  return { ...report, plans: entries.length, archive };
}
