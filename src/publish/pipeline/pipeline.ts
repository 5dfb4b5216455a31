/**
 * What the build steps share: the staging folder, the archive as the content step wrote it, and where each
 * plan's outputs go (from the one list in downloads.ts, SITE_URL and BASE_PATH). Used by scripts/build.ts and,
 * step by step, by the benchmark. Light on purpose: it imports no step, so a step's process loads only what it needs.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ArchiveEntrySchema, type ArchiveEntry } from '../../config/archive-entry.ts';
import { downloadPaths, offlineFolder } from '../../contract/outputs.ts';
import { siteOptions } from '../../contract/site-options.ts';

/** The site is built here and moved to dist/ only when every step succeeded. */
export const STAGING = '.build/dist';

/** Every plan as the content step wrote it (content/plans/<id>/plan.json), validated, newest first. */
export async function loadArchive(contentDir = 'content'): Promise<ArchiveEntry[]> {
  const dir = join(contentDir, 'plans');
  const ids = (await readdir(dir, { withFileTypes: true })).filter((e) => e.isDirectory()).map((e) => e.name);
  const entries = await Promise.all(ids.map(async (id) => ArchiveEntrySchema.parse(JSON.parse(await readFile(join(dir, id, 'plan.json'), 'utf8')))));
  return entries.sort((a, b) => b.year - a.year || b.id.localeCompare(a.id));
}

/** Where the site is served. */
export interface SiteTarget {
  site: string;
  base: string;
}

/** Where one plan's step outputs go. */
export interface PlanTarget {
  pdfPath: string;
  /** The 公文版: the plan laid out per GB/T 9704-2012. */
  gbt9704PdfPath: string;
  zipPath: string;
  /** Top folder inside the offline zip. */
  offlineFolder: string;
}

/** The site target from the environment. */
export function siteTarget(env: Record<string, string | undefined> = process.env): SiteTarget {
  return siteOptions(env);
}

/** Where a plan's PDFs and offline zip are written in the staging folder. */
export function planTarget(entry: Pick<ArchiveEntry, 'id' | 'downloadStem'>, staging = STAGING): PlanTarget {
  const downloads = downloadPaths(entry);
  return {
    pdfPath: join(staging, downloads.pdf),
    gbt9704PdfPath: join(staging, downloads.gbt9704Pdf),
    zipPath: join(staging, downloads.offlineZip),
    offlineFolder: offlineFolder(entry),
  };
}
