/**
 * The build's steps, from the plan folders to a deployable dist/ (scripts/build.ts starts Astro's process and runs
 * them). The site is built into .build/dist and moved to dist/ only when every step succeeded. PDFs, offline zips
 * and compressed files whose inputs did not change since the last build are copied from .build/cache/ (see
 * src/publish/cache/output-cache.ts).
 */
import { existsSync } from 'node:fs';
import { mkdir, readdir, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { AstroProcess } from '../src/publish/astro/astro-build.ts';
import { batches, plansPerAstro, renderAside } from '../src/publish/astro/astro-runs.ts';
import { buildArchiveBundle, buildOfflineBundle, type BundleResult } from '../src/publish/offline/offline-bundle.ts';
import { allDone, eachBounded, mapBounded } from '../src/publish/pipeline/bounded.ts';
import { listFiles } from '../src/publish/pipeline/list-files.ts';
import { archiveOutputs } from '../src/contract/outputs.ts';
import { planTarget, siteTarget, STAGING } from '../src/publish/pipeline/pipeline.ts';
import { addTotals, precompress, stageCompressed } from '../src/publish/deploy/precompress.ts';
import { AheadOfAstro } from '../src/publish/pipeline/ahead-of-astro.ts';
import { writeSitemap } from '../src/publish/deploy/sitemap.ts';
import { printOfficialPdf } from '../src/publish/pdf/official-pdf.ts';
import { CACHE_DIR, OutputCache } from '../src/publish/cache/output-cache.ts';
import { restockLater, restockUnderWay } from '../src/publish/cache/restock.ts';
import { archivePagesKey, cachedArchivePages, cachedPageCount, cachedPlans, pageKeys, settleArchivePages, settlePages, stagedPageFiles, stagePages } from '../src/publish/cache/page-cache.ts';
import { printPdf } from '../src/publish/pdf/reading-pdf.ts';
import { closeTypesetter, typesetterStartMs } from '../src/publish/pdf/typesetter.ts';
import { checkRecordPages, INDEX_FOLDER, writeSearchIndex } from '../src/publish/search/search-index.ts';
import { searchAidsFor, writeSearchAids } from '../src/publish/search/search-aids-file.ts';
import { step } from '../src/publish/pipeline/steps.ts';
import { asideName, removeAside, removeSetAside } from '../src/publish/pipeline/remove-aside.ts';
import { swapDir } from '../src/publish/pipeline/swap-dir.ts';
import { writeContent } from './build-content.ts';

/** Where the cached plans' pages wait while Astro renders the others (page-cache.ts: stagePages). */
const REUSED_PAGES = '.build/reused-pages';
/** Plans' offline bundles made at once (offline-bundle.ts). */
const BUNDLES_AT_ONCE = 8;
/**
 * Plans' PDFs looked up (and, when changed, sent to the one Typst process, which typesets them in turn) at once,
 * for each kind. An unchanged plan's PDF is a key and a link, a few awaits each: one plan after another, every await
 * waited behind the build's other work on this thread, and 100 reused 公文版 took 7.8 s beside Astro (1.2 s alone).
 */
const PDFS_AT_ONCE = 8;

const kib = (bytes: number) => `${(bytes / 1024).toFixed(0)} KiB`;
const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;

/** Typst's time per PDF made, for the log: ` (Typst: 74, 68 ms)`; nothing when all were reused. */
function timings(results: readonly { ms: number; reused: boolean }[]): string {
  const made = results.filter((r) => !r.reused);
  return made.length ? ` (Typst: ${made.map((r) => r.ms.toFixed(0)).join(', ')} ms)` : '';
}

/** The log's account of a cached step: `3 PDFs, 2 reused, 1 made, 1.2 MiB`; `ahead`: how many were made while Astro rendered. */
function reuseReport(what: string, made: string, results: readonly { reused: boolean; bytes: number }[], ahead = 0): string {
  const reused = results.filter((r) => r.reused).length;
  return `${results.length} ${what}, ${reused} reused, ${results.length - reused} ${made}${ahead ? ` (${ahead} while Astro rendered)` : ''}, ${mib(results.reduce((n, r) => n + r.bytes, 0))}`;
}

/**
 * Builds everything, Astro's pages with `astro`: its process started and waiting to be told what to render
 * (astro-build.ts); the caller stops it when this ends. Returns the last line of the log.
 */
export async function buildAll(astro: AstroProcess): Promise<string> {
  const started = Date.now();
  // Outputs of earlier builds, by content key: a plan whose inputs did not change gets its PDFs, zip and
  // compressed files copied from here (output-cache.ts).
  // It lends its stored folders (plans' pages, their indexes) to the site, and they are put back once it is published
  // (restock.ts); a build counts on the last build's putting back, and checks it before it reads those folders (buildWith).
  const cache = new OutputCache(CACHE_DIR, { lends: true });
  // Where the site this build replaces goes once it is published (removed by the next build, after the restock).
  const replaced = asideName('.build');
  try {
    const line = await buildWith(astro, cache, started, replaced);
    // The folders this build moved out of the cache into the site, put back by a process that may outlive the
    // build (restock.ts says why): taken from the replaced site where the same files are there (an unchanged
    // plan's), else linked from dist/.
    restockLater(cache.dir, (l) => join('dist', l.at), cache.lentFolders(), (l) => join(replaced, l.at));
    return line;
  } catch (error) {
    // dist/ is as it was; the folders taken from the cache go back from where the failed build left them (its
    // staging folders, which the next build empties only after waiting for this).
    restockLater(cache.dir, (l) => (existsSync(l.dest) ? l.dest : join(STAGING, l.at)), cache.lentFolders());
    throw error;
  }
}

/** buildAll's steps, with its cache. */
async function buildWith(astro: AstroProcess, cache: OutputCache, started: number, replaced: string): Promise<string> {
  const target = siteTarget();
  // 1. Plan folders → content/plans/<id>/ (MDX pages and records); stops with located problems on bad input.
  //    The steps after it take the archive it wrote.
  const { archive } = await step('content', () => writeContent(undefined, cache));
  const planIds = archive.map((e) => e.id);
  const plans = archive.map((entry) => ({ entry, out: planTarget(entry) }));
  // 2. Astro renders the archive's own pages and every page of each plan whose pages are not in the page cache
  //    (page-cache.ts); the cached plans' pages are copied in, the rendered ones stored. When every plan's pages and
  //    the archive's own are cached, Astro does not run at all. Decided before anything else starts: Astro's
  //    process, loaded and waiting, renders the longest step, and the PDFs and the index after it took the
  //    build's thread for seconds before Astro was told what to render (at 100 plans, 3 s after the content step).
  // Each plan's pages' key, and the archive's own: what their compressed copies and zip entries derive from too.
  const keys = await pageKeys(archive, target);
  const archiveKey = archivePagesKey(keys);
  // The last build's restock of the folders it lent (restock.ts) runs while the content step works, and may run on:
  // right after another build, it did for 1.6–2.3 s at 100 plans. The plans it is putting back count as cached,
  // so that Astro is told what to render without waiting for it; each is checked once it is done, and those it
  // did not put back (a file of the site gone or edited since, its process killed) are rendered after (renderMissed).
  const restock = await restockUnderWay(cache.dir, 'dist');
  // The sites earlier builds replaced (swapDir left them in .build/), removed while this build works and after it if
  // need be, in a process of its own (remove-aside.ts says why); what a failed removal leaves, the next build removes.
  // Once the restock is done: it takes the folders it puts back out of the last replaced site.
  void restock.done.then(() => removeSetAside('.build'));
  await rm(STAGING, { recursive: true, force: true });
  const expected = await cachedPlans(keys, cache, restock.entries);
  const render = planIds.filter((id) => !expected.includes(id));
  // Nothing changed: no page to render, so Astro (its start alone is seconds) does not run.
  const astroRuns = render.length > 0 || !(await cachedArchivePages(archiveKey, cache));
  // The build's own Astro renders the archive's own pages and the first plansPerAstro plans; processes of their own
  // render the rest, one after another (renderAside).
  const perAstro = plansPerAstro(process.env.BUILD_PLANS_PER_ASTRO);
  const [first = [], ...later] = batches(render, perAstro);
  const only = astroRuns && (expected.length > 0 || later.length > 0) ? { plans: first } : undefined;
  if (!astroRuns) astro.stop();
  const rendering = astroRuns ? astro.build(STAGING, only) : Promise.resolve(0);
  // Each process's plans but the last one's are stored in the page cache, compressed and zipped while the next
  // renders (ahead.run), on the machine's other core: in a cold 100-plan build, it otherwise stood idle through the
  // last three processes' render (~35 s), and the steps after Astro then took ~85 s.
  const ahead = new AheadOfAstro({ site: STAGING, plans, keys, cache, target, zipsAtOnce: BUNDLES_AT_ONCE, archiveFolder: archiveOutputs(archive.length)?.offlineFolder });
  if (later.length > 0) ahead.run(rendering.then(() => first));
  const aside = renderAside(later.flat(), perAstro, STAGING, rendering, (run) => ahead.run(Promise.resolve(run)));
  // The plans whose pages are in the cache, once the restock is done: those expected, checked.
  const checked = restock.done.then(async () => (restock.entries.size === 0 ? expected : await cachedPlans(new Map(expected.map((id) => [id, keys.get(id)!])), cache)));
  const missed = checked.then((reused) => renderAside(expected.filter((id) => !reused.includes(id)), perAstro, STAGING, aside));
  // The cached plans' pages are copied aside while Astro renders, and moved in after; their compressed copies
  // beside them (precompress.ts: stageCompressed), once the pages are there.
  const staging = astroRuns ? checked.then((reused) => stagePages(REUSED_PAGES, keys, reused, cache).then(() => stageCompressed(REUSED_PAGES, reused.map((id) => keys.get(id)!), cache))) : Promise.resolve(new Set<string>());
  // What was staged, listed while Astro still renders: the steps after it list the site without those plans.
  const stagedFiles = staging.then(async () => (astroRuns ? stagedPageFiles(await checked, keys, cache) : []));
  // Timed from the moment Astro is told what to render.
  const rendered = step(
    'astro build',
    async () => {
      const reused = await checked;
      const plans = planIds.filter((id) => !reused.includes(id));
      if (!astroRuns) {
        const again = await missed;
        await settleArchivePages(STAGING, archiveKey, planIds, false, cache);
        await settlePages(STAGING, keys, reused, cache);
        const pages = (await readdir(STAGING, { recursive: true })).filter((f) => f.endsWith('.html')).length;
        return { rendered: again.pages, reused: pages - again.pages, plans, archive: false, processes: again.processes, compressed: new Set<string>(), moved: new Set<string>() };
      }
      const [own, more, again] = [await rendering, await aside, await missed];
      const pages = own + more.pages + again.pages;
      const stagedUnits = await staging;
      await ahead.done();
      await settleArchivePages(STAGING, archiveKey, planIds, true, cache);
      const moved = await settlePages(STAGING, new Map([...keys].filter(([id]) => !ahead.settled.has(id))), reused, cache, REUSED_PAGES);
      await rm(REUSED_PAGES, { recursive: true, force: true });
      // The plans whose compressed copies came in with their pages: staged whole, and moved in whole.
      const compressed = new Set([...moved].map((id) => keys.get(id)!).filter((key) => stagedUnits.has(key)));
      return { rendered: pages, reused: await cachedPageCount(reused, keys, cache), plans, archive: true, processes: 1 + more.processes + again.processes, compressed, moved };
    },
    (r) => `${r.rendered + r.reused} pages, ${r.rendered} rendered (${r.plans.length} of ${planIds.length} plans${r.archive ? ' and the archive’s own' : ', nor the archive’s own'}${r.processes > 1 ? `, by ${r.processes} Astro processes` : ''}), ${r.reused} reused`,
  );
  // 3. Both PDFs of each plan need only the plan: Typst typesets them (one compiler, fonts loaded once) while
  //    Astro builds, outside the staging folder (Astro empties it), and they move in once the site is there.
  const pdfTmp = (id: string, path: string) => join('.build', 'pdf', id, basename(path));
  const official = step(
    'pdf gbt9704',
    async () => {
      const results = await mapBounded(plans, PDFS_AT_ONCE, ({ entry, out }) => printOfficialPdf(entry.plan, pdfTmp(entry.id, out.gbt9704PdfPath), cache));
      for (const line of new Set(results.flatMap((r) => r.fonts))) console.log(`  gbt9704 font ${line}`);
      const start = await typesetterStartMs();
      if (start !== undefined) console.log(`  typst compiler started in ${start.toFixed(0)} ms (fonts loaded once for every PDF)`);
      return results;
    },
    (results) => `${reuseReport('PDFs', 'typeset', results)}${timings(results)}`,
  );
  const reading = step(
    'pdf',
    () => mapBounded(plans, PDFS_AT_ONCE, ({ entry, out }) => printPdf({ plan: entry.plan, id: entry.id, site: target.site, base: target.base, outFile: pdfTmp(entry.id, out.pdfPath), cache })),
    (results) => `${reuseReport('PDFs', 'typeset', results)}${timings(results)}`,
  );
  // Every PDF typeset: the compiler's memory goes back before Astro's peak (closeTypesetter says why).
  const typeset = Promise.all([official, reading]).then(closeTypesetter);
  // The search index (one Pagefind index per plan of its item, office and section pages, a plan's reused when its
  // records did not change) is made from the plans' records, not from pages: Pagefind indexes in its own process
  // while Astro builds (1.5 s off the seed's cold build), outside the staging folder, and it moves in once the
  // site is there and every page it points to is checked to exist.
  const indexTmp = join('.build', 'index');
  // After the restock: a plan's index is one of the folders it puts back.
  const indexed = Promise.all([rm(indexTmp, { recursive: true, force: true }), restock.done]).then(() =>
    step('search index', () => writeSearchIndex(archive, indexTmp, cache, archive, null), (t) => `${t.records} pages indexed, ${t.plans} plans’ indexes, ${t.reused} reused`),
  );
  // The forgiving search's tables of every plan (/search-aids.js, and the archive's zip), worked out once the cached
  // pages are staged, while Astro renders; from the cache when no plan changed (search-aids-file.ts).
  const aids = staging.then(() => searchAidsFor(archive.map((e) => e.plan), cache));
  // Awaited below; this only keeps an early failure from being "unhandled".
  aids.catch(() => undefined);
  stagedFiles.catch(() => undefined);
  official.catch(() => undefined);
  reading.catch(() => undefined);
  typeset.catch(() => undefined);
  indexed.catch(() => undefined);
  rendered.catch(() => undefined);
  staging.catch(() => undefined);
  aside.catch(() => undefined);
  missed.catch(() => undefined);
  try {
    const { compressed, moved, plans: renderedPlans } = await rendered;
    // 4–6 at once, as far as one needs what another writes. The search index moves in (checked: no errors, every
    // page indexed, every page it points to built); precompressed copies of every text file for the web server,
    // the index's once it is in (PDFs and zips are not text). The offline bundles (each plan's pages rewritten
    // for file://, zipped; a bundle leaves out the index, the downloads and the compressed copies). The PDFs move in.
    const indexIn = indexed.then(async ({ pages }) => {
      checkRecordPages(pages, STAGING);
      await rename(join(indexTmp, INDEX_FOLDER), join(STAGING, INDEX_FOLDER));
    });
    indexIn.catch(() => undefined); // awaited by allDone; this only keeps an early failure from being "unhandled"
    const aidsScript = await aids;
    await writeSearchAids(STAGING, aidsScript);
    // The site listed once for the steps that read it whole. What they leave out (the index, moving in meanwhile;
    // the compressed copies and the zips, written meanwhile) they leave out by name. The plans moved in whole from
    // the staging folder are taken as listed there, while Astro rendered (they are most of the files).
    const listed = [...listFiles(STAGING, moved), ...(await stagedFiles).filter((f) => moved.has(f.slice(0, f.indexOf('/'))))].sort();
    // The sitemap of every page, rendered or copied in; its files compressed and bundled with the rest.
    const sitemap = await step('sitemap', () => writeSitemap(STAGING, listed, target), (s) => `${s.pages} pages`);
    const files = [...listed, ...sitemap.files].sort();
    await allDone([
      indexIn,
      step(
        'precompress',
        async () => {
          // Everything but the index at once, the index once it is in.
          // Each plan's files a unit under its pages' key, the archive's own pages and assets one under theirs.
          const ids = new Set(planIds);
          // The plans done while Astro rendered are left out: their units' manifests are stored already.
          const units = [
            ...planIds.filter((id) => !ahead.settled.has(id)).map((id) => ({ key: keys.get(id)!, holds: (f: string) => f.startsWith(`${id}/`) })),
            { key: archiveKey, holds: (f: string) => !ids.has(f.split('/')[0]!) },
          ];
          const pages = precompress(STAGING, cache, [INDEX_FOLDER, ...ahead.settled], units, compressed, files);
          await indexIn;
          return addTotals(addTotals(await pages, ahead.compressed), await precompress(join(STAGING, INDEX_FOLDER), cache));
        },
        (t) => `${t.files} files, ${t.reused} reused, ${t.files - t.reused} compressed${ahead.compressed.files ? ` (${ahead.compressed.files} while Astro rendered)` : ''}, ${kib(t.raw)} → ${kib(t.br)} brotli`,
      ),
      step(
        'offline bundle',
        async () => {
          // Several plans at once: an unchanged plan's zip is a few small reads and a link, waiting on the disk, not
          // the CPU (100 plans one after another: 1.6 s alone, more beside precompression). The plans Astro rendered
          // first: their zips are made, not copied (after one plan of 100 changed, its zip took ~1.1 s, and started
          // behind dozens of copies).
          const results: BundleResult[] = new Array(plans.length);
          const made = (id: string) => (renderedPlans.includes(id) ? 0 : 1);
          const order = [...plans.entries()].sort(([, a], [, b]) => made(a.entry.id) - made(b.entry.id));
          const planZips = eachBounded(order, BUNDLES_AT_ONCE, async ([i, { entry, out }]) => {
            results[i] = ahead.zips.get(entry.id) ?? await buildOfflineBundle(entry, { siteDir: STAGING, base: target.base, onlineRoot: target.site + target.base, folder: out.offlineFolder, zipPath: out.zipPath, planIds, siteFiles: files, pageKeys: keys }, cache);
          });
          // With several plans, one zip of the whole archive as well, beside the plans' zips (it takes their pages'
          // entries from the cache, not from their zips): after them, it added ~1.3 s to the end of that rebuild.
          const whole = archiveOutputs(archive.length);
          const onlineRoot = target.site + target.base;
          const archiveZip = whole ? buildArchiveBundle(archive, archive[0]!.series, { siteDir: STAGING, base: target.base, onlineRoot, folder: whole.offlineFolder, zipPath: join(STAGING, whole.offlineZip), siteFiles: files, pageKeys: keys, aidsScript }, cache) : undefined;
          await allDone(archiveZip ? [planZips, archiveZip] : [planZips]);
          return archiveZip ? [...results, await archiveZip] : results;
        },
        (results) => `${reuseReport('zips', 'zipped', results, ahead.zips.size)}, ${results.reduce((n, r) => n + r.pages, 0)} pages`,
      ),
      Promise.all([official, reading, typeset]).then(async () => {
        for (const { entry, out } of plans) {
          for (const path of [out.gbt9704PdfPath, out.pdfPath]) {
            await mkdir(dirname(path), { recursive: true });
            await rename(pdfTmp(entry.id, path), path);
          }
        }
      }),
    ]);
  } finally {
    // A failed step must not leave a PDF, an index or staged pages being written.
    await official.catch(() => undefined);
    await reading.catch(() => undefined);
    await indexed.catch(() => undefined);
    await staging.catch(() => undefined);
    await aside.catch(() => undefined);
    await missed.catch(() => undefined);
    await ahead.done().catch(() => undefined);
  }
  // 8. Only now replace dist/, then forget the cached outputs this build did not use.
  //    The old dist/ is left in .build/ for the next build to remove while it works.
  await step('publish dist/', () => swapDir(STAGING, 'dist', replaced, true));
  // An entry changed since it was stored (a file of dist/ edited in place, or the cache copied without its files'
  // times: output-cache.ts) was made again, not used.
  // The stale entries are moved aside, and removed in a process that may outlive the build (remove-aside.ts).
  const stale = asideName('.build');
  const pruned = await step('prune cache', () => cache.prune(stale), (n) => `${n} stale entries removed${cache.altered ? `, ${cache.altered} changed since stored (edited in place, or copied without their times) and made again` : ''}`);
  if (pruned > 0) void removeAside(stale, true);
  return `build: done in ${((Date.now() - started) / 1000).toFixed(1)} s → dist/`;
}
