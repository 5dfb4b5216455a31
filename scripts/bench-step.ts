/**
 * One build step on its own, for the benchmark (each step runs in its own process so its time and memory can be
 * measured): `tsx scripts/bench-step.ts <content|astro|index|pdf|offline|precompress> [plan.txt]`.
 * Works on .build/dist in the current folder, like scripts/build.ts.
 */
import { readFile } from 'node:fs/promises';
import { performance } from 'node:perf_hooks';
import { join } from 'node:path';
import { astroBuild } from '../src/build/astro-build.ts';
import { isMain, runCli, StepError } from '../src/build/cli.ts';
import { downloadPaths, downloadStem } from '../src/build/downloads.ts';
import { buildOfflineBundle } from '../src/build/offline-bundle.ts';
import { precompress } from '../src/build/precompress.ts';
import { printPdf } from '../src/build/print-pdf.ts';
import { DEFAULT_PLAN_FILE } from '../src/build/read-plan.ts';
import { writeSearchIndex } from '../src/build/search-index.ts';
import { siteOptions } from '../src/build/site-options.ts';
import { PlanSchema } from '../src/plan/schema.ts';
import { buildContent } from './build-content.ts';

const STAGING = '.build/dist';

export async function benchStep(name: string | undefined, planFile = process.env.PLAN_FILE || DEFAULT_PLAN_FILE): Promise<string> {
  const loadPlan = async () => PlanSchema.parse(JSON.parse(await readFile('content/data/plan.json', 'utf8')));
  const { site, base } = siteOptions(process.env);
  switch (name) {
    case 'content':
      return buildContent(planFile);
    case 'astro':
      return `${await astroBuild(STAGING)} pages`;
    case 'index':
      return `${await writeSearchIndex(await loadPlan(), STAGING)} records`;
    case 'pdf':
      return `${await printPdf({ siteDir: STAGING, base, outFile: join(STAGING, downloadPaths(planFile).pdf), title: (await loadPlan()).title })} bytes`;
    case 'offline': {
      const zipPath = join(STAGING, downloadPaths(planFile).offlineZip);
      const r = await buildOfflineBundle(await loadPlan(), { siteDir: STAGING, base, onlineRoot: site + base, folder: `${downloadStem(planFile)}-offline`, zipPath });
      return `${r.bytes} bytes`;
    }
    case 'precompress':
      return `${(await precompress(STAGING)).files} files`;
    default:
      throw new StepError(`bench-step: unknown step “${name}”; use content, astro, index, pdf, offline or precompress.`);
  }
}

// The last line reports the step's own time, without the process start-up the benchmark's clock also sees.
if (isMain(import.meta.url)) {
  await runCli(async () => {
    const started = performance.now();
    const report = await benchStep(process.argv[2], process.argv[3]);
    return `${report}\n${JSON.stringify({ stepSeconds: (performance.now() - started) / 1000 })}`;
  });
}
