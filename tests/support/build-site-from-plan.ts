/**
 * Builds the site of one plan (`node tests/support/build-site-from-plan.ts <plan file> <outDir>`, run in a project
 * copy, src/tooling/project-copy.ts), for the site-families test: the steps of `PLAN_FILE=<file> npm run build`
 * that make the pages — the content step, Astro's build, the search index — without the PDFs and offline zips,
 * which take most of a build's time and are checked by their own tests. A `.plan.json` file is a hand-made Plan
 * of a layout the reader does not read yet (the schema contract in the team's notes): its config is resolved
 * from what it says (year, series) as the content step would, and its content written the same way.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { astroBuild } from '../../src/build/astro-build.ts';
import { loadArchive } from '../../src/build/pipeline.ts';
import { writePlanContent } from '../../src/build/plan-content.ts';
import type { PlanSource } from '../../src/build/plan-folders.ts';
import { writeSearchIndex } from '../../src/build/search-index.ts';
import { readSiteSettings } from '../../src/build/site-settings.ts';
import { formatConfigProblem, resolvePlanConfig } from '../../src/config/plan-config.ts';
import { buildContent } from '../../scripts/build-content.ts';
import type { ReadReport } from '../../src/plan/parse-plan.ts';
import { PlanSchema } from '../../src/plan/schema.ts';

const [file, outDir] = process.argv.slice(2);
if (!file || !outDir) throw new Error('usage: build-site-from-plan.ts <plan file> <outDir>');
if (file.endsWith('.plan.json')) await writeHandMade(file);
else console.log(await buildContent(file));
await astroBuild(outDir);
await writeSearchIndex(await loadArchive(), outDir);
console.log(`built ${file} into ${outDir}`);

/** A hand-made Plan's content, as the content step writes a plan read from a file. */
async function writeHandMade(file: string): Promise<void> {
  const plan = PlanSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
  // The plan stands for a text file of the same name, as PLAN_FILE would give it.
  const sourceFile = basename(file).replace(/\.plan\.json$/u, '.txt');
  const resolved = resolvePlanConfig([{ name: sourceFile }], undefined, { title: plan.title, ...(plan.notice ? { isoDate: plan.notice.isoDate } : {}) });
  if (!resolved.ok) throw new Error(resolved.problems.map(formatConfigProblem).join('\n'));
  // What the reader would have reported; the pages read none of it.
  const report = { format: 'text', elements: [], removed: [], titleAt: { line: 1, column: 1 } } as unknown as ReadReport;
  const source: PlanSource = { config: resolved.value, read: { plan, report, warnings: [] }, notes: [], sourcePath: file };
  await writePlanContent([source], await readSiteSettings({}));
}
