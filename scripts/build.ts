/**
 * `npm run build`: everything, from the plan text to a deployable dist/.
 * The site is built into .build/dist and moved to dist/ only when every step succeeded.
 * PLAN_FILE=<path> builds from another plan; SITE_URL and BASE_PATH set where it will be served.
 */
import { mkdir, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { astroBuild } from '../src/build/astro-build.ts';
import { launchChromium } from '../src/build/chromium.ts';
import { isMain, runCli } from '../src/build/cli.ts';
import { buildOfflineBundle } from '../src/build/offline-bundle.ts';
import { buildTarget, loadGeneratedPlan, STAGING } from '../src/build/pipeline.ts';
import { precompress } from '../src/build/precompress.ts';
import { printOfficialPdf } from '../src/build/official-pdf.ts';
import { printPdf } from '../src/build/print-pdf.ts';
import { writeSearchIndex } from '../src/build/search-index.ts';
import { step } from '../src/build/steps.ts';
import { swapDir } from '../src/build/swap-dir.ts';
import { buildContent } from './build-content.ts';

const kib = (bytes: number) => `${(bytes / 1024).toFixed(0)} KiB`;

/** Waits for every task (none is left running when one fails), then fails with the first failure. */
async function allDone(tasks: Promise<unknown>[]): Promise<void> {
  const failed = (await Promise.allSettled(tasks)).find((r) => r.status === 'rejected');
  if (failed) throw failed.reason;
}

export async function buildAll(): Promise<string> {
  const started = Date.now();
  const target = buildTarget();
  await rm(STAGING, { recursive: true, force: true });
  // 1. Plan text → content/ (MDX pages and data); stops with located problems on bad input.
  await step('content', () => buildContent(target.planFile));
  const plan = await loadGeneratedPlan();
  // One Chromium for both PDFs, started now so it is ready when the site is.
  const browser = launchChromium();
  // 2. The 公文版 (GB/T 9704) needs only the plan: it prints while Astro builds, outside the staging folder
  //    (Astro empties it), and moves in once the site is there.
  const officialTmp = join('.build', basename(target.gbt9704PdfPath));
  const official = step('pdf gbt9704', async () => printOfficialPdf(await browser, plan, officialTmp), (r) => kib(r.bytes));
  official.catch(() => undefined); // awaited below; this only keeps an early failure from being "unhandled"
  try {
    // 3. Astro renders every page into the staging folder.
    await step('astro build', () => astroBuild(STAGING), (pages) => `${pages} pages`);
    // 4. Pagefind indexes every item, office and section page (checked: no errors, every page indexed).
    await step('search index', () => writeSearchIndex(plan, STAGING), (n) => `${n} pages indexed`);
    // 5–7 at once, none reads what another writes: the reading PDF (Chromium prints /full/ with the print
    // stylesheet); the offline bundle (every page rewritten for file://, zipped), then precompressed copies of
    // every text file for the web server (PDFs and zips are not text; the bundle needs none).
    await allDone([
      step('pdf', async () => printPdf({ siteDir: STAGING, base: target.base, outFile: target.pdfPath, title: plan.title, browser: await browser }), kib),
      (async () => {
        await step(
          'offline bundle',
          () => buildOfflineBundle(plan, { siteDir: STAGING, base: target.base, onlineRoot: target.site + target.base, folder: target.offlineFolder, zipPath: target.zipPath }),
          (r) => `${r.pages} pages, ${kib(r.bytes)}`,
        );
        await step('precompress', () => precompress(STAGING), (t) => `${t.files} files, ${kib(t.raw)} → ${kib(t.br)} brotli`);
      })(),
      official.then(async () => {
        await mkdir(dirname(target.gbt9704PdfPath), { recursive: true });
        await rename(officialTmp, target.gbt9704PdfPath);
      }),
    ]);
  } finally {
    // A failed step must not leave the other PDF printing or Chromium running.
    await official.catch(() => undefined);
    await (await browser.catch(() => undefined))?.close();
  }
  // 8. Only now replace dist/.
  await step('publish dist/', () => swapDir(STAGING, 'dist'));
  return `build: done in ${((Date.now() - started) / 1000).toFixed(1)} s → dist/`;
}

if (isMain(import.meta.url)) await runCli(buildAll);
