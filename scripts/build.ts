/**
 * `npm run build`: everything, from the plan folders to a deployable dist/.
 * The site is built into .build/dist and moved to dist/ only when every step succeeded.
 * PLANS_DIR=<folder> builds every plan folder in it (default seeds/); PLAN_FILE=<path> builds one plan file;
 * SITE_URL and BASE_PATH set where it will be served.
 */
import { rm } from 'node:fs/promises';
import { astroBuild } from '../src/build/astro-build.ts';
import { isMain, runCli } from '../src/build/cli.ts';
import { buildOfflineBundle } from '../src/build/offline-bundle.ts';
import { loadArchive, planTarget, siteTarget, STAGING } from '../src/build/pipeline.ts';
import { precompress } from '../src/build/precompress.ts';
import { printPdf } from '../src/build/print-pdf.ts';
import { writeSearchIndex } from '../src/build/search-index.ts';
import { step } from '../src/build/steps.ts';
import { swapDir } from '../src/build/swap-dir.ts';
import { buildContent } from './build-content.ts';

const kib = (bytes: number) => `${(bytes / 1024).toFixed(0)} KiB`;

export async function buildAll(): Promise<string> {
  const started = Date.now();
  const target = siteTarget();
  await rm(STAGING, { recursive: true, force: true });
  // 1. Plan folders → content/plans/<id>/ (MDX pages and records); stops with located problems on bad input.
  await step('content', () => buildContent());
  const archive = await loadArchive();
  // 2. Astro renders every page of every plan, and the archive's own pages, into the staging folder.
  await step('astro build', () => astroBuild(STAGING), (pages) => `${pages} pages`);
  // 3. Pagefind indexes every item, office and section page of every plan (checked: no errors, every page indexed).
  await step('search index', () => writeSearchIndex(archive, STAGING), (n) => `${n} pages indexed`);
  for (const entry of archive) {
    const out = planTarget(entry);
    // 4. The plan's PDF: Chromium prints its /full/ page with the print stylesheet.
    await step(`pdf ${entry.id}`, () => printPdf({ siteDir: STAGING, base: target.base, page: `${entry.id}/full/`, outFile: out.pdfPath, title: entry.plan.title }), kib);
    // 5. The plan's offline bundle: its pages rewritten for file://, search from a classic script, zipped.
    await step(
      `offline bundle ${entry.id}`,
      () =>
        buildOfflineBundle(entry, {
          siteDir: STAGING,
          base: target.base,
          onlineRoot: target.site + target.base,
          folder: out.offlineFolder,
          zipPath: out.zipPath,
          planIds: archive.map((e) => e.id),
        }),
      (r) => `${r.pages} pages, ${kib(r.bytes)}`,
    );
  }
  // 6. Precompressed copies of every text file for the web server (after the bundles, which need none).
  await step('precompress', () => precompress(STAGING), (t) => `${t.files} files, ${kib(t.raw)} → ${kib(t.br)} brotli`);
  // 7. Only now replace dist/.
  await step('publish dist/', () => swapDir(STAGING, 'dist'));
  return `build: done in ${((Date.now() - started) / 1000).toFixed(1)} s → dist/`;
}

if (isMain(import.meta.url)) await runCli(buildAll);
