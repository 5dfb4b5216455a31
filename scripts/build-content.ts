/**
 * `npm run content [-- <plan file>]`: plan folders → content/plans/<id>/ (one MDX page per item, plus the plan's
 * record). Reads the argument or $PLAN_FILE (one plan), else every plan folder of $PLANS_DIR, else seeds/.
 * Problems print as path:line:col and exit 1.
 */
import { performance } from 'node:perf_hooks';
import { readPlans } from '../src/publish/content/plan-folders.ts';
import { cachedReader } from '../src/publish/content/parsed-plans.ts';
import type { OutputCache } from '../src/publish/cache/output-cache.ts';
import { writePlanContent } from '../src/publish/content/plan-content.ts';
import { codeVersion } from '../src/publish/cache/code-version.ts';
import { join } from 'node:path';
import { readSiteSettings } from '../src/publish/content/site-settings.ts';
import { describeRead } from '../src/publish/content/read-plan.ts';
import { isMain, runCli } from '../src/publish/pipeline/cli.ts';
import { yearSpan } from '../src/config/plan-config.ts';
import type { ArchiveEntry } from '../src/config/archive-entry.ts';

/** The content step's record of what it wrote, in the output cache (content-manifest.ts). */
const CONTENT_MANIFEST = 'content-manifest.json';

/** Where the summary says a plan's year came from. */
const YEAR_FROM = { config: 'from plan.json', title: 'from the title', date: 'from the 成文日期' } as const;

/** Generates content/ from the plans the environment names (or `planFile`); returns a report. */
export async function buildContent(planFile?: string): Promise<string> {
  return (await writeContent(planFile)).report;
}

/**
 * Generates content/ from the plans the environment names (or `planFile`); returns the archive it wrote and a report.
 * With a `cache`, a plan document read before is taken from it (parsed-plans.ts), and a plan whose files are as the
 * last build wrote them is left as it is (content-manifest.ts).
 */
export async function writeContent(planFile?: string, cache?: OutputCache): Promise<{ archive: ArchiveEntry[]; report: string }> {
  const started = performance.now();
  // 1. Read every plan folder (config, document, notes); any problem stops here, before anything is written.
  const sources = await readPlans(planFile ? { ...process.env, PLAN_FILE: planFile } : process.env, cache && cachedReader(cache));
  // 1b. The site's own settings (site.json beside the plan folders); a missing contact is a warning, printed now so
  //     that `npm run build`, which keeps this step's report to one line, shows it too.
  const site = await readSiteSettings();
  for (const warning of site.warnings) console.warn(`warning: ${warning}`);
  // 2. Place the plans in the archive, render their pages and records with the site's settings, write what changed,
  //    remove stale files.
  const reuse = cache && { manifestFile: join(cache.dir, CONTENT_MANIFEST), code: await codeVersion('src/publish/content/plan-content.ts') };
  const written = await writePlanContent(sources, site, 'content', reuse);
  const ms = (performance.now() - started).toFixed(0);
  const report = [
    ...sources.flatMap(({ config, read, sourcePath }) => {
      const { plan } = read;
      return [
        `content: ${sourcePath} → ${config.id} (${yearSpan(config)}年, ${YEAR_FROM[config.yearFrom]}; series ${config.series}): ${plan.items.length} items, ${plan.sections.length} sections, ` +
          `${plan.offices.length} offices, ${plan.targets.length} targets, ${plan.citations.length} cited documents`,
        ...describeRead(read).map((line) => `  ${line}`),
      ];
    }),
    `content: ${written.plans} plan${written.plans === 1 ? '' : 's'}; ${written.written.length} written, ${written.unchanged} unchanged, ${written.removed.length} removed in ${ms} ms`,
  ].join('\n');
  return { archive: written.archive, report };
}

if (isMain(import.meta.url)) await runCli(() => buildContent(process.argv[2]));
