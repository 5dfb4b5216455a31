/**
 * Plans as units of work, for spreading an archive's build over machines (README: “Building plans on several
 * machines”). Every machine checks out the same project and plan folders; each builds some plans' units, and one
 * assembles the site from all of them.
 *
 *   node scripts/unit.ts build <plan ids…> --out <dir>     each plan's unit into <dir>/<id>/
 *   node scripts/unit.ts assemble <unit dirs…> --out <dir>  the site from the units (a folder of units will do)
 *
 * A unit holds its plan's pages, data files, downloads (both PDFs, the offline zip), search index and their
 * .br/.gz copies (src/publish/pipeline/units.ts), with a manifest naming the inputs' key; the assembly refuses a
 * unit built from other inputs, for another address, or changed since, each with a located message.
 * SITE_URL, BASE_PATH and PLANS_DIR mean what they mean to `npm run build`, and must be the same everywhere.
 */
import { existsSync } from 'node:fs';
import { cp, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { ArchiveEntry } from '../src/config/archive-entry.ts';
import { archiveOutputs } from '../src/contract/outputs.ts';
import { astroBuild } from '../src/publish/astro/astro-build.ts';
import { OutputCache } from '../src/publish/cache/output-cache.ts';
import { pageKeys } from '../src/publish/cache/page-cache.ts';
import { PlanInputError } from '../src/publish/pipeline/cli.ts';
import { addTotals, precompress } from '../src/publish/deploy/precompress.ts';
import { writeSitemap } from '../src/publish/deploy/sitemap.ts';
import { searchAidsFor, writeSearchAids } from '../src/publish/search/search-aids-file.ts';
import { buildArchiveBundle, buildOfflineBundle, siteFiles } from '../src/publish/offline/offline-bundle.ts';
import { printOfficialPdf } from '../src/publish/pdf/official-pdf.ts';
import { printPdf } from '../src/publish/pdf/reading-pdf.ts';
import { isMain, runCli, StepError } from '../src/publish/pipeline/cli.ts';
import { useCompileCache } from '../src/publish/pipeline/compile-cache.ts';
import { useLeanMemory } from '../src/publish/pipeline/lean-memory.ts';
import { planTarget, siteTarget, type SiteTarget } from '../src/publish/pipeline/pipeline.ts';
import { step } from '../src/publish/pipeline/steps.ts';
import { swapDir } from '../src/publish/pipeline/swap-dir.ts';
import { inUnit, MANIFEST, sha256, SITE_FOLDER, UNIT_FORMAT, unitFileProblems, unitProblems, type FoundUnit, type UnitManifest } from '../src/publish/pipeline/units.ts';
import { INDEX_FOLDER, writeSearchIndex } from '../src/publish/search/search-index.ts';
import { writeContent } from './build-content.ts';

/** Where a unit build, and an assembly, stage the site before moving their result out. */
const UNIT_STAGING = '.build/unit-staging';
const ASSEMBLY_STAGING = '.build/assembly-staging';

const USAGE = 'usage: node scripts/unit.ts build <plan ids…> --out <dir> | node scripts/unit.ts assemble <unit dirs…> --out <dir>';

/** Every file under `dir`, relative to it, `/`-separated, sorted. */
async function filesUnder(dir: string): Promise<string[]> {
  return existsSync(dir) ? siteFiles(dir) : [];
}

/** The archive as every machine sees it: content written, the plans, the address, each plan's key. */
async function archiveNow(): Promise<{ archive: ArchiveEntry[]; target: SiteTarget; keys: Map<string, string> }> {
  const { archive } = await step('content', () => writeContent());
  const target = siteTarget();
  return { archive, target, keys: await pageKeys(archive, target) };
}

/** Builds the units of `ids` into `<out>/<id>/`: Astro renders only their pages; their PDFs, zips and indexes run at once. */
export async function buildUnits(ids: readonly string[], out: string): Promise<string> {
  const started = Date.now();
  const { archive, target, keys } = await archiveNow();
  const unknown = ids.filter((id) => !keys.has(id));
  if (unknown.length > 0) throw new StepError(`unit: no plan “${unknown.join('”, “')}” in the archive (its plans: ${[...keys.keys()].join(', ')}).`);
  const chosen = archive.filter((e) => ids.includes(e.id));
  const cache = new OutputCache();
  await rm(UNIT_STAGING, { recursive: true, force: true });
  // 1. The chosen plans' pages (Astro renders the archive's own pages too; the assembly makes those, so they are left here).
  await step('astro build', () => astroBuild(UNIT_STAGING, { plans: chosen.map((e) => e.id) }), (n) => `${n} pages`);
  // 2. What derives from each plan, at once: they do not depend on each other.
  const planIds = archive.map((e) => e.id);
  const files = await siteFiles(UNIT_STAGING);
  await Promise.all([
    step('search index', () => writeSearchIndex(chosen, UNIT_STAGING, cache, archive), (t) => `${t.plans} plans’ indexes, ${t.reused} reused`),
    step('pdfs', async () => {
      for (const entry of chosen) {
        const out = planTarget(entry, UNIT_STAGING);
        await printOfficialPdf(entry.plan, out.gbt9704PdfPath, cache);
        await printPdf({ plan: entry.plan, id: entry.id, site: target.site, base: target.base, outFile: out.pdfPath, cache });
      }
    }),
    step('offline bundle', async () => {
      for (const entry of chosen) {
        const out = planTarget(entry, UNIT_STAGING);
        await buildOfflineBundle(entry, { siteDir: UNIT_STAGING, base: target.base, onlineRoot: target.site + target.base, folder: out.offlineFolder, zipPath: out.zipPath, planIds, siteFiles: files }, cache);
      }
    }),
  ]);
  // 3. The .br/.gz copies of the units' files, then each unit moved out with its manifest.
  await step('precompress', async () => {
    let totals = { files: 0, raw: 0, br: 0, gz: 0, reused: 0 };
    for (const e of chosen) for (const dir of [e.id, join(INDEX_FOLDER, e.id)]) totals = addTotals(totals, await precompress(join(UNIT_STAGING, dir), cache));
    return totals;
  }, (t) => `${t.files} files, ${t.reused} reused`);
  await step('units', async () => {
    const all = await siteFiles(UNIT_STAGING);
    for (const entry of chosen) {
      const dir = join(out, entry.id);
      const mine = all.filter((f) => inUnit(entry.id, f));
      const manifest: UnitManifest = { format: UNIT_FORMAT, plan: entry.id, key: keys.get(entry.id)!, target, files: {} };
      await rm(dir, { recursive: true, force: true });
      for (const f of mine) {
        const bytes = await readFile(join(UNIT_STAGING, f));
        manifest.files[f] = sha256(bytes);
        await mkdir(join(dir, SITE_FOLDER, f, '..'), { recursive: true });
        await writeFile(join(dir, SITE_FOLDER, f), bytes);
      }
      await writeFile(join(dir, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);
    }
  }, () => `${chosen.length} units in ${out}`);
  await rm(UNIT_STAGING, { recursive: true, force: true });
  return `unit: built ${chosen.map((e) => e.id).join(', ')} in ${((Date.now() - started) / 1000).toFixed(1)} s → ${out}`;
}

/** The unit folders among `dirs`: a folder with a manifest, or each such folder inside it. */
async function findUnits(dirs: readonly string[]): Promise<FoundUnit[]> {
  const found: FoundUnit[] = [];
  const read = async (dir: string) => {
    try {
      found.push({ dir, manifest: JSON.parse(await readFile(join(dir, MANIFEST), 'utf8')) as UnitManifest });
    } catch (error) {
      found.push({ dir, manifest: { error: `the manifest could not be read (${(error as Error).message})` } });
    }
  };
  for (const dir of dirs) {
    if (existsSync(join(dir, MANIFEST))) await read(dir);
    else {
      const inner = existsSync(dir) ? (await readdir(dir, { withFileTypes: true })).filter((e) => e.isDirectory() && existsSync(join(dir, e.name, MANIFEST))) : [];
      if (inner.length === 0) found.push({ dir, manifest: { error: `${dir} holds no unit (no ${MANIFEST} in it or in a folder inside it)` } });
      for (const e of inner.sort((a, b) => a.name.localeCompare(b.name))) await read(join(dir, e.name));
    }
  }
  return found;
}

/** Assembles the site from unit folders into `out` (replaced only when every check and step succeeded). */
export async function assembleUnits(dirs: readonly string[], out: string): Promise<string> {
  const started = Date.now();
  const { archive, target, keys } = await archiveNow();
  // 1. Every unit checked before anything is written: its manifest against this archive, its files against its manifest.
  const units = await step('check units', async () => {
    const found = await findUnits(dirs);
    const problems = unitProblems(found, { keys, target });
    for (const { dir, manifest } of found) {
      if ('error' in manifest || problems.some((p) => p.startsWith(join(dir, MANIFEST)))) continue;
      const site = join(dir, SITE_FOLDER);
      const present = new Map<string, string>();
      for (const f of await filesUnder(site)) present.set(f, sha256(await readFile(join(site, f))));
      problems.push(...unitFileProblems(dir, manifest, present));
    }
    if (problems.length > 0) throw new PlanInputError(problems);
    return found as { dir: string; manifest: UnitManifest }[];
  }, (u) => `${u.length} units`);
  const cache = new OutputCache();
  await rm(ASSEMBLY_STAGING, { recursive: true, force: true });
  // 2. The archive's own pages (no plan's pages); then the units copied in.
  await step('astro build', () => astroBuild(ASSEMBLY_STAGING, { plans: [] }), (n) => `${n} pages of the archive’s own`);
  await step('copy units', async () => {
    for (const { dir } of units) await cp(join(dir, SITE_FOLDER), ASSEMBLY_STAGING, { recursive: true });
  });
  // 3. What needs every plan: the list of indexes, the sitemap, the archive's zip, the compressed copies of the
  //    archive's own files.
  await step('search index list', () => writeSearchIndex([], ASSEMBLY_STAGING, undefined, archive));
  const whole = archiveOutputs(archive.length);
  // Listed before precompression writes beside them (the zip leaves compressed copies out by name anyway).
  await writeSearchAids(ASSEMBLY_STAGING, await searchAidsFor(archive.map((e) => e.plan), cache));
  const listed = await siteFiles(ASSEMBLY_STAGING);
  const sitemap = await step('sitemap', () => writeSitemap(ASSEMBLY_STAGING, listed, target), (s) => `${s.pages} pages`);
  const files = [...listed, ...sitemap.files].sort();
  await Promise.all([
    whole
      ? step('archive bundle', async () => buildArchiveBundle(archive, archive[0]!.series, { siteDir: ASSEMBLY_STAGING, base: target.base, onlineRoot: target.site + target.base, folder: whole.offlineFolder, zipPath: join(ASSEMBLY_STAGING, whole.offlineZip), siteFiles: files }, cache))
      : undefined,
    step('precompress', async () => {
      const ids = archive.map((e) => e.id);
      return addTotals(await precompress(ASSEMBLY_STAGING, cache, [...ids, INDEX_FOLDER]), await precompress(join(ASSEMBLY_STAGING, INDEX_FOLDER), cache, ids));
    }, (t) => `${t.files} files, ${t.reused} reused`),
  ]);
  await step('publish', () => swapDir(ASSEMBLY_STAGING, out));
  return `unit: assembled ${units.length} units in ${((Date.now() - started) / 1000).toFixed(1)} s → ${out}`;
}

/** The command line: a verb, its arguments, --out. */
export async function run(argv: readonly string[]): Promise<string> {
  const { positionals, values } = parseArgs({ args: [...argv], allowPositionals: true, options: { out: { type: 'string' } } });
  const [verb, ...rest] = positionals;
  if (!values.out || rest.length === 0 || (verb !== 'build' && verb !== 'assemble')) throw new StepError(USAGE);
  return verb === 'build' ? buildUnits(rest, values.out) : assembleUnits(rest, values.out);
}

if (isMain(import.meta.url)) {
  // As in scripts/build.ts: the memory settings (lean-memory.ts; the process may start again with them), and the processes
  // it starts load their code from Node's compile cache.
  useLeanMemory();
  useCompileCache();
  await runCli(() => run(process.argv.slice(2)));
}
