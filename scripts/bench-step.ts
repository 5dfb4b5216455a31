/**
 * One build step on its own, for the benchmark (each step runs in its own process so its time and memory can be
 * measured): `node scripts/bench-step.ts <step> [plan.txt]` with step one of content, astro, index, pdf, gbt9704,
 * offline, precompress, or site (content + astro, the search tables and the sitemap + index in one process: what a
 * Starlight build does, for comparison).
 * Works on .build/dist in the current folder, like scripts/build.ts. Each step imports only what it uses, so its
 * process time is its own.
 */
import { performance } from 'node:perf_hooks';
import { isMain, runCli, StepError } from '../src/publish/pipeline/cli.ts';
import { loadArchive, planTarget, siteTarget, STAGING } from '../src/publish/pipeline/pipeline.ts';

export async function benchStep(name: string | undefined, planFile?: string): Promise<string> {
  switch (name) {
    case 'content':
      return (await import('./build-content.ts')).buildContent(planFile);
    case 'astro':
      return `${await (await import('../src/publish/astro/astro-build.ts')).astroBuild(STAGING)} pages`;
    case 'index':
      return `${(await (await import('../src/publish/search/search-index.ts')).writeSearchIndex(await loadArchive(), STAGING)).records} records`;
    case 'site': {
      await benchStep('content', planFile);
      await benchStep('astro', planFile);
      // What the build writes beside Astro's pages for them (a Starlight build makes its sitemap too).
      const archive = await loadArchive();
      const { searchAidsFor, writeSearchAids } = await import('../src/publish/search/search-aids-file.ts');
      await writeSearchAids(STAGING, await searchAidsFor(archive.map((e) => e.plan)));
      const { writeSitemap } = await import('../src/publish/deploy/sitemap.ts');
      const { listFiles } = await import('../src/publish/pipeline/list-files.ts');
      await writeSitemap(STAGING, listFiles(STAGING), siteTarget());
      return benchStep('index', planFile);
    }
    case 'pdf': {
      const [entry] = await loadArchive();
      const { printPdf } = await import('../src/publish/pdf/reading-pdf.ts');
      const { site, base } = siteTarget();
      return `${(await printPdf({ plan: entry!.plan, id: entry!.id, site, base, outFile: planTarget(entry!).pdfPath })).bytes} bytes`;
    }
    case 'gbt9704': {
      // The 公文版 on its own: the compiler's start and font loading are part of the step, as a build that typesets only this PDF pays them.
      const [entry] = await loadArchive();
      const { printOfficialPdf } = await import('../src/publish/pdf/official-pdf.ts');
      return `${(await printOfficialPdf(entry!.plan, planTarget(entry!).gbt9704PdfPath)).bytes} bytes`;
    }
    case 'offline': {
      const archive = await loadArchive();
      const [entry] = archive;
      const t = { ...siteTarget(), ...planTarget(entry!) };
      const { buildOfflineBundle } = await import('../src/publish/offline/offline-bundle.ts');
      const r = await buildOfflineBundle(entry!, { siteDir: STAGING, base: t.base, onlineRoot: t.site + t.base, folder: t.offlineFolder, zipPath: t.zipPath, planIds: archive.map((e) => e.id) });
      return `${r.bytes} bytes`;
    }
    case 'precompress':
      return `${(await (await import('../src/publish/deploy/precompress.ts')).precompress(STAGING)).files} files`;
    default:
      throw new StepError(`bench-step: unknown step “${name}”; use content, astro, index, site, pdf, gbt9704, offline or precompress.`);
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
