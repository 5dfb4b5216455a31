/**
 * `npm run build`: everything, from the plan text to a deployable dist/.
 * The site is built into .build/dist and moved to dist/ only when every step succeeded.
 * PLAN_FILE=<path> builds from another plan; SITE_URL and BASE_PATH set where it will be served.
 */
import { rm } from 'node:fs/promises';
import { astroBuild } from '../src/build/astro-build.ts';
import { isMain, runCli } from '../src/build/cli.ts';
import { step } from '../src/build/steps.ts';
import { swapDir } from '../src/build/swap-dir.ts';
import { buildContent } from './build-content.ts';
import { readFile } from 'node:fs/promises';
import { PlanSchema } from '../src/plan/schema.ts';
import { writeSearchIndex } from '../src/build/search-index.ts';
import { buildOfflineBundle } from '../src/build/offline-bundle.ts';
import { downloadPaths, downloadStem } from '../src/build/downloads.ts';
import { DEFAULT_PLAN_FILE } from '../src/build/read-plan.ts';
import { siteOptions } from '../src/build/site-options.ts';
import { join } from 'node:path';
import { precompress } from '../src/build/precompress.ts';
import { printPdf } from '../src/build/print-pdf.ts';

const STAGING = '.build/dist';

export async function buildAll(): Promise<string> {
  const started = Date.now();
  await rm(STAGING, { recursive: true, force: true });
  // 1. Plan text → content/ (MDX pages and data); stops with located problems on bad input.
  await step('content', () => buildContent());
  // 2. Astro renders every page into the staging folder.
  await step('astro build', () => astroBuild(STAGING), (pages) => `${pages} pages`);
  // 3. Pagefind indexes every item, office and section page (checked: no errors, every page indexed).
  const plan = PlanSchema.parse(JSON.parse(await readFile('content/data/plan.json', 'utf8')));
  await step('search index', () => writeSearchIndex(plan, STAGING), (n) => `${n} pages indexed`);
  const planFile = process.env.PLAN_FILE || DEFAULT_PLAN_FILE;
  const { site, base } = siteOptions(process.env);
  // 4. The PDF: Chromium prints /full/ with the print stylesheet.
  const pdfPath = join(STAGING, downloadPaths(planFile).pdf);
  await step('pdf', () => printPdf({ siteDir: STAGING, base, outFile: pdfPath, title: plan.title }), (bytes) => `${(bytes / 1024).toFixed(0)} KiB`);
  // 5. The offline bundle: every page rewritten for file://, search from a classic script, zipped.
  const zipPath = join(STAGING, downloadPaths(planFile).offlineZip);
  await step(
    'offline bundle',
    () => buildOfflineBundle(plan, { siteDir: STAGING, base, onlineRoot: site + base, folder: `${downloadStem(planFile)}-offline`, zipPath }),
    (r) => `${r.pages} pages, ${(r.bytes / 1024).toFixed(0)} KiB`,
  );
  // 6. Precompressed copies of every text file for the web server (after the bundle, which needs none).
  await step('precompress', () => precompress(STAGING), (t) => `${t.files} files, ${(t.raw / 1024).toFixed(0)} KiB → ${(t.br / 1024).toFixed(0)} KiB brotli`);
  // 7. Only now replace dist/.
  await step('publish dist/', () => swapDir(STAGING, 'dist'));
  return `build: done in ${((Date.now() - started) / 1000).toFixed(1)} s → dist/`;
}

if (isMain(import.meta.url)) await runCli(buildAll);
