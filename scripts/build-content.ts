/**
 * `npm run content [-- <plan file>]`: plan folders → content/plans/<id>/ (one MDX page per item, plus the plan's
 * record). Reads the argument or $PLAN_FILE (one plan), else every plan folder of $PLANS_DIR, else seeds/.
 * Problems print as path:line:col and exit 1.
 */
import { performance } from 'node:perf_hooks';
import { planToContentFiles, siteToContentFiles, GENERATED_DIRS } from '../src/generate/content-files.ts';
import { toArchiveEntries } from '../src/generate/archive.ts';
import { readPlans } from '../src/build/plan-folders.ts';
import { readSiteSettings } from '../src/build/site-settings.ts';
import { describeRead } from '../src/build/read-plan.ts';
import { writeGenerated } from '../src/build/write-generated.ts';
import { isMain, runCli } from '../src/build/cli.ts';

/** Generates content/ from the plans the environment names (or `planFile`); returns a report. */
export async function buildContent(planFile?: string): Promise<string> {
  const started = performance.now();
  // 1. Read every plan folder (config, document, notes); any problem stops here, before anything is written.
  const sources = await readPlans(planFile ? { ...process.env, PLAN_FILE: planFile } : process.env);
  // 1b. The site's own settings (site.json beside the plan folders); a missing contact is a warning, printed now so
  //     that `npm run build`, which keeps this step's report to one line, shows it too.
  const site = await readSiteSettings();
  for (const warning of site.warnings) console.warn(`warning: ${warning}`);
  // 2. Place the plans in the archive: current plan, who replaced whom, statuses, download names.
  const entries = toArchiveEntries(sources.map((s) => ({ config: s.config, plan: s.read.plan, notes: s.notes })));
  // 3. Render the MDX pages and records in memory.
  const files = new Map<string, string>();
  for (const entry of entries) {
    const source = sources.find((s) => s.config.id === entry.id)!;
    for (const [path, text] of planToContentFiles(entry, source.sourcePath)) files.set(path, text);
  }
  for (const [path, text] of siteToContentFiles(site.config, site.found ? site.path : `${site.path} (absent, so no settings)`)) files.set(path, text);
  // 4. Write what changed and remove stale generated files.
  const written = await writeGenerated('content', files, GENERATED_DIRS);
  const ms = (performance.now() - started).toFixed(0);
  return [
    ...sources.flatMap(({ config, read, sourcePath }) => {
      const { plan } = read;
      return [
        `content: ${sourcePath} → ${config.id}: ${plan.items.length} items, ${plan.sections.length} sections, ` +
          `${plan.offices.length} offices, ${plan.targets.length} targets, ${plan.citations.length} cited documents`,
        ...describeRead(read).map((line) => `  ${line}`),
      ];
    }),
    `content: ${entries.length} plan${entries.length === 1 ? '' : 's'}; ${written.written.length} written, ${written.unchanged} unchanged, ${written.removed.length} removed in ${ms} ms`,
  ].join('\n');
}

if (isMain(import.meta.url)) await runCli(() => buildContent(process.argv[2]));
