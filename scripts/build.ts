/**
 * `npm run build`: everything, from the plan folders to a deployable dist/.
 * The site is built into .build/dist and moved to dist/ only when every step succeeded.
 * PLANS_DIR=<folder> builds every plan folder in it (default seeds/); PLAN_FILE=<path> builds one plan file;
 * SITE_URL and BASE_PATH set where it will be served.
 */
import { mkdir, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { astroBuild } from '../src/build/astro-build.ts';
import { launchChromium } from '../src/build/chromium.ts';
import { isMain, runCli } from '../src/build/cli.ts';
import { buildArchiveBundle, buildOfflineBundle } from '../src/build/offline-bundle.ts';
import { archiveOutputs } from '../src/build/downloads.ts';
import { loadArchive, planTarget, siteTarget, STAGING } from '../src/build/pipeline.ts';
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
  const target = siteTarget();
  await rm(STAGING, { recursive: true, force: true });
  // 1. Plan folders → content/plans/<id>/ (MDX pages and records); stops with located problems on bad input.
  await step('content', () => buildContent());
  const archive = await loadArchive();
  const planIds = archive.map((e) => e.id);
  const plans = archive.map((entry) => ({ entry, out: planTarget(entry) }));
  // One Chromium for every PDF of every plan, started now so it is ready when the site is.
  const browser = launchChromium();
  // 2. The 公文版 (GB/T 9704) of each plan needs only the plan: they print while Astro builds, outside the staging
  //    folder (Astro empties it), and move in once the site is there.
  const officialTmp = (id: string, path: string) => join('.build', 'gbt9704', id, basename(path));
  const official = (async () => {
    for (const { entry, out } of plans) {
      await step(`pdf gbt9704 ${entry.id}`, async () => printOfficialPdf(await browser, entry.plan, officialTmp(entry.id, out.gbt9704PdfPath)), (r) => kib(r.bytes));
    }
  })();
  official.catch(() => undefined); // awaited below; this only keeps an early failure from being "unhandled"
  try {
    // 3. Astro renders every page of every plan, and the archive's own pages, into the staging folder.
    await step('astro build', () => astroBuild(STAGING), (pages) => `${pages} pages`);
    // 4. Pagefind indexes every item, office and section page of every plan (checked: no errors, every page indexed).
    await step('search index', () => writeSearchIndex(archive, STAGING), (n) => `${n} pages indexed`);
    // 5–7 at once, none reads what another writes: the reading PDFs (Chromium prints each plan's /full/ with the
    // print stylesheet); the offline bundles (each plan's pages rewritten for file://, zipped; a bundle leaves out
    // every plan's downloads), then precompressed copies of every text file for the web server (PDFs and zips are
    // not text; the bundles need none).
    await allDone([
      (async () => {
        for (const { entry, out } of plans) {
          await step(`pdf ${entry.id}`, async () => printPdf({ siteDir: STAGING, base: target.base, page: `${entry.id}/full/`, outFile: out.pdfPath, title: entry.plan.title, browser: await browser }), kib);
        }
      })(),
      (async () => {
        for (const { entry, out } of plans) {
          await step(
            `offline bundle ${entry.id}`,
            () => buildOfflineBundle(entry, { siteDir: STAGING, base: target.base, onlineRoot: target.site + target.base, folder: out.offlineFolder, zipPath: out.zipPath, planIds }),
            (r) => `${r.pages} pages, ${kib(r.bytes)}`,
          );
        }
        const whole = archiveOutputs(archive.length);
        if (whole) {
          await step(
            'offline bundle (whole archive)',
            () => buildArchiveBundle(archive, archive[0]!.series, { siteDir: STAGING, base: target.base, onlineRoot: target.site + target.base, folder: whole.offlineFolder, zipPath: join(STAGING, whole.offlineZip) }),
            (r) => `${r.pages} pages, ${kib(r.bytes)}`,
          );
        }
        await step('precompress', () => precompress(STAGING), (t) => `${t.files} files, ${kib(t.raw)} → ${kib(t.br)} brotli`);
      })(),
      official.then(async () => {
        for (const { entry, out } of plans) {
          await mkdir(dirname(out.gbt9704PdfPath), { recursive: true });
          await rename(officialTmp(entry.id, out.gbt9704PdfPath), out.gbt9704PdfPath);
        }
      }),
    ]);
  } finally {
    // A failed step must not leave another PDF printing or Chromium running.
    await official.catch(() => undefined);
    await (await browser.catch(() => undefined))?.close();
  }
  // 8. Only now replace dist/.
  await step('publish dist/', () => swapDir(STAGING, 'dist'));
  return `build: done in ${((Date.now() - started) / 1000).toFixed(1)} s → dist/`;
}

if (isMain(import.meta.url)) await runCli(buildAll);
