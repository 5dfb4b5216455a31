/**
 * Builds a site from a Plan given as JSON (`node tests/support/build-site-from-plan.ts <plan.json> <outDir>`, run
 * in a project copy, src/tooling/project-copy.ts): for the site-families test, whose hand-made plans are of
 * layouts the reader does not read yet (notes: the schema contract). The same steps as `npm run build` from
 * the content on: the plan's config resolved from what it says (year, series), content written, Astro's build,
 * the search index. The PDFs and offline zips are left out: the checks are on the pages.
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
import type { ReadReport } from '../../src/plan/parse-plan.ts';
import { PlanSchema } from '../../src/plan/schema.ts';

const [file, outDir] = process.argv.slice(2);
if (!file || !outDir) throw new Error('usage: build-site-from-plan.ts <plan.json> <outDir>');
const plan = PlanSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
// The plan stands for a text file of the same name, as PLAN_FILE would give it.
const sourceFile = basename(file).replace(/\.plan\.json$/u, '.txt');
const resolved = resolvePlanConfig([{ name: sourceFile }], undefined, { title: plan.title, ...(plan.notice ? { isoDate: plan.notice.isoDate } : {}) });
if (!resolved.ok) throw new Error(resolved.problems.map(formatConfigProblem).join('\n'));
// What the reader would have reported; the pages read none of it.
const report = { format: 'text', elements: [], removed: [], titleAt: { line: 1, column: 1 } } as unknown as ReadReport;
const source: PlanSource = { config: resolved.value, read: { plan, report, warnings: [] }, notes: [], sourcePath: file };
await writePlanContent([source], await readSiteSettings({}));
await astroBuild(outDir);
await writeSearchIndex(await loadArchive(), outDir);
console.log(`built ${resolved.value.id} into ${outDir}`);
