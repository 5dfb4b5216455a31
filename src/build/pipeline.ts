/**
 * What the build steps share: the staging folder, the generated plan, and where this build's outputs go
 * (from PLAN_FILE, SITE_URL and BASE_PATH). Used by scripts/build.ts and, step by step, by the benchmark.
 * Light on purpose: it imports no step, so a step's process loads only what that step needs.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PlanSchema, type Plan } from '../plan/schema.ts';
import { downloadPaths, downloadStem } from './downloads.ts';
import { DEFAULT_PLAN_FILE } from './read-plan.ts';
import { siteOptions } from './site-options.ts';

/** The site is built here and moved to dist/ only when every step succeeded. */
export const STAGING = '.build/dist';

/** The plan as the content step wrote it (content/data/plan.json), validated. */
export async function loadGeneratedPlan(): Promise<Plan> {
  return PlanSchema.parse(JSON.parse(await readFile('content/data/plan.json', 'utf8')));
}

/** Where this build's outputs go. */
export interface BuildTarget {
  planFile: string;
  site: string;
  base: string;
  pdfPath: string;
  /** The 公文版: the plan laid out per GB/T 9704-2012. */
  gbt9704PdfPath: string;
  zipPath: string;
  /** Top folder inside the offline zip. */
  offlineFolder: string;
}

/** The build target for a plan file (default: $PLAN_FILE, else the seed) and the environment. */
export function buildTarget(planFile = process.env.PLAN_FILE || DEFAULT_PLAN_FILE, env: Record<string, string | undefined> = process.env): BuildTarget {
  const { site, base } = siteOptions(env);
  const downloads = downloadPaths(planFile);
  return {
    planFile,
    site,
    base,
    pdfPath: join(STAGING, downloads.pdf),
    gbt9704PdfPath: join(STAGING, downloads.gbt9704Pdf),
    zipPath: join(STAGING, downloads.offlineZip),
    offlineFolder: `${downloadStem(planFile)}-offline`,
  };
}
