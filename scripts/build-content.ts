/**
 * `npm run content [-- <plan.txt>]`: plan text → content/ (one MDX page per item, plus the site's data).
 * The plan file is the argument, else $PLAN_FILE, else the seed. Problems print as path:line:col and exit 1.
 */
import { readFile } from 'node:fs/promises';
import { performance } from 'node:perf_hooks';
import { planToContentFiles, GENERATED_DIRS } from '../src/generate/content-files.ts';
import { placeNotes } from '../src/generate/notes.ts';
import { DEFAULT_PLAN_FILE, describeRead, failWith, readPlanFile } from '../src/build/read-plan.ts';
import { writeGenerated } from '../src/build/write-generated.ts';
import { isMain, runCli } from '../src/build/cli.ts';

const NOTES_FILE = 'content/editorial-notes.json';

/** Generates content/ from a plan file; returns a one-line report. */
export async function buildContent(planPath = process.env.PLAN_FILE || DEFAULT_PLAN_FILE): Promise<string> {
  const started = performance.now();
  // 1. Read the file in its format and parse the plan; any problem stops here, before anything is written.
  const read = await readPlanFile(planPath);
  const { plan } = read;
  // 2. Attach the hand-written editorial notes to their passages.
  const notes = placeNotes(await readFile(NOTES_FILE, 'utf8'), plan);
  if (!notes.ok) failWith(NOTES_FILE, notes.problems);
  // 3. Render the MDX pages and data files in memory.
  const files = planToContentFiles(plan, notes.value, planPath);
  // 4. Write what changed and remove stale generated files.
  const written = await writeGenerated('content', files, GENERATED_DIRS);
  const ms = (performance.now() - started).toFixed(0);
  return [
    `content: ${planPath} → ${plan.items.length} items, ${plan.sections.length} sections, ` +
      `${plan.offices.length} offices, ${plan.targets.length} targets, ${plan.citations.length} cited documents; ` +
      `${written.written.length} written, ${written.unchanged} unchanged, ${written.removed.length} removed in ${ms} ms`,
    ...describeRead(read).map((line) => `  ${line}`),
  ].join('\n');
}

if (isMain(import.meta.url)) await runCli(() => buildContent(process.argv[2]));
