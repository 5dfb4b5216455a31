/**
 * `npm run build`: everything, from the plan text to a deployable dist/.
 * The site is built into .build/dist and moved to dist/ only when every step succeeded.
 * PLAN_FILE=<path> builds from another plan; SITE_URL and BASE_PATH set where it will be served.
 */
import { rm } from 'node:fs/promises';
import { astroBuild } from '../src/build/astro-build.ts';
import { isMain, runCli } from '../src/build/cli.ts';
import { buildOfflineBundle } from '../src/build/offline-bundle.ts';
import { buildTarget, loadGeneratedPlan, STAGING } from '../src/build/pipeline.ts';
import { precompress } from '../src/build/precompress.ts';
import { printPdf } from '../src/build/print-pdf.ts';
import { writeSearchIndex } from '../src/build/search-index.ts';
import { step } from '../src/build/steps.ts';
import { swapDir } from '../src/build/swap-dir.ts';
import { buildContent } from './build-content.ts';

const kib = (bytes: number) => `${(bytes / 1024).toFixed(0)} KiB`;

export async function buildAll(): Promise<string> {
  const started = Date.now();
  const target = buildTarget();
  await rm(STAGING, { recursive: true, force: true });
  // 1. Plan text → content/ (MDX pages and data); stops with located problems on bad input.
  await step('content', () => buildContent(target.planFile));
  const plan = await loadGeneratedPlan();
  // 2. Astro renders every page into the staging folder.
  await step('astro build', () => astroBuild(STAGING), (pages) => `${pages} pages`);
  // 3. Pagefind indexes every item, office and section page (checked: no errors, every page indexed).
  await step('search index', () => writeSearchIndex(plan, STAGING), (n) => `${n} pages indexed`);
  // 4. The PDF: Chromium prints /full/ with the print stylesheet.
  await step('pdf', () => printPdf({ siteDir: STAGING, base: target.base, outFile: target.pdfPath, title: plan.title }), kib);
  // 5. The offline bundle: every page rewritten for file://, search from a classic script, zipped.
  await step(
    'offline bundle',
    () => buildOfflineBundle(plan, { siteDir: STAGING, base: target.base, onlineRoot: target.site + target.base, folder: target.offlineFolder, zipPath: target.zipPath }),
    (r) => `${r.pages} pages, ${kib(r.bytes)}`,
  );
  // 6. Precompressed copies of every text file for the web server (after the bundle, which needs none).
  await step('precompress', () => precompress(STAGING), (t) => `${t.files} files, ${kib(t.raw)} → ${kib(t.br)} brotli`);
  // 7. Only now replace dist/.
  await step('publish dist/', () => swapDir(STAGING, 'dist'));
  return `build: done in ${((Date.now() - started) / 1000).toFixed(1)} s → dist/`;
}

if (isMain(import.meta.url)) await runCli(buildAll);
