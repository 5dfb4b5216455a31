/**
 * `npm run bench`: measures, side by side in one run, and writes bench/results.json:
 *   1. each build step of the real plan (seconds, peak memory of the step's process tree);
 *   2. page weight of home, an item, an office page and /full/ (requests, HTML/CSS/JS raw, gzip, transferred);
 *   3. search in Chromium: cold and warm latency, bytes fetched by a first search, index size;
 *   4. scale: synthetic plans of 10× and 100× the items, with growth ratios;
 *   5. the same plan as a plain Astro Starlight site, built and weighed the same way.
 *   6. archives of 10, 50 and 100 synthetic plans (BENCH_ARCHIVE=10,50,100), each `npm run build` in one
 *      measured process tree, the rebuild after one plan changed, and Starlight building as many pages.
 * It reports targets as pass/fail; it never fails the test suite. BENCH_SKIP=real,scale,starlight,archive skips parts.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { launchChromium } from '../src/tooling/chromium.ts';
import { isMain, runCli, StepError } from '../src/publish/pipeline/cli.ts';
import { serveStatic } from '../src/tooling/static-server.ts';
import { precompress } from '../src/publish/deploy/precompress.ts';
import { runMeasured, type Measured } from '../src/bench/measure.ts';
import { weighPage, type PageWeight } from '../src/bench/page-weight.ts';
import { coldSearches, percentiles, warmSearches } from '../src/bench/search-latency.ts';
import { writeStarlightProject, STARLIGHT_VERSIONS } from '../src/bench/starlight.ts';
import { benchArchive, type Target } from '../src/bench/archive.ts';
import { syntheticPlanText } from '../src/bench/synthetic-plan.ts';
import { performance } from 'node:perf_hooks';
import { downloadPaths } from '../src/contract/outputs.ts';
import { loadArchive } from '../src/publish/pipeline/pipeline.ts';
import { readPlans } from '../src/publish/content/plan-folders.ts';
import { DEFAULT_PLANS_DIR } from '../src/contract/plan-inputs.ts';
import { parseDocument } from '../src/plan/parse-plan.ts';
import { readSource } from '../src/read/read-source.ts';
import type { Plan } from '../src/plan/schema.ts';
import { copyProject } from '../src/tooling/project-copy.ts';

const ROOT = resolve('bench/tmp');
const STEPS = ['content', 'astro', 'index', 'pdf', 'gbt9704', 'offline', 'precompress'] as const;
const KiB = 1024;
const MiB = 1024 * 1024;
/** Builds compared with Starlight are repeated and the median taken. */
const BUILD_RUNS = 3;
/** The run with the median time. */
const medianRun = (runs: Measured[]) => [...runs].sort((a, b) => a.seconds - b.seconds)[Math.floor(runs.length / 2)]!;
const skip = new Set((process.env.BENCH_SKIP ?? '').split(',').filter(Boolean));
// Every process measured, Starlight's too, gets the compile cache the build turns on for itself (compile-cache.ts):
// one cache folder for all, so neither side is measured with the other's advantage.
const env = { ...process.env, PATH: `${resolve('node_modules/.bin')}:${process.env.PATH}`, NODE_COMPILE_CACHE: resolve(ROOT, 'node-compile-cache') };

interface StepResult {
  step: string;
  /** Time of the step itself. */
  seconds: number;
  /** Time of its process, start-up (Node) included. */
  processSeconds: number;
  peakMiB: number;
}

function dirBytes(dir: string): number {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .reduce((n, e) => n + statSync(join(e.parentPath, e.name)).size, 0);
}

function check(m: Measured, what: string): Measured {
  if (m.status !== 0) throw new StepError(`bench: ${what} failed:\n${m.stderr || m.stdout}`);
  return m;
}

/** Runs every build step for `planFile` in a fresh copy of the project; returns per-step figures. */
async function buildSteps(name: string, planFile: string): Promise<{ dir: string; steps: StepResult[] }> {
  const dir = join(ROOT, name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  copyProject(dir);
  const steps: StepResult[] = [];
  for (const step of STEPS) {
    const m = check(await runMeasured('node', ['scripts/bench-step.ts', step, planFile], { cwd: dir, env }), `${name} ${step}`);
    const own = JSON.parse(m.stdout.trim().split('\n').at(-1)!) as { stepSeconds: number };
    steps.push({ step, seconds: own.stepSeconds, processSeconds: m.seconds, peakMiB: m.peakBytes / MiB });
    console.log(`  ${name.padEnd(10)} ${step.padEnd(12)} ${own.stepSeconds.toFixed(2).padStart(7)} s (process ${m.seconds.toFixed(2)} s) ${(m.peakBytes / MiB).toFixed(0).padStart(6)} MiB`);
  }
  return { dir, steps };
}

/** Runs `node <args>` BUILD_RUNS times, each in a fresh copy of the project (no caches), and measures each run. */
async function coldRuns(name: string, args: string[]): Promise<Measured[]> {
  const dir = join(ROOT, name);
  const runs: Measured[] = [];
  for (let i = 0; i < BUILD_RUNS; i++) {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    copyProject(dir);
    runs.push(check(await runMeasured('node', args, { cwd: dir, env }), name));
  }
  return runs;
}

const total = (steps: StepResult[], only?: readonly string[]) =>
  steps.filter((s) => !only || only.includes(s.step)).reduce((n, s) => n + s.seconds, 0);
const peak = (steps: StepResult[]) => Math.max(...steps.map((s) => s.peakMiB));

async function weigh(siteDir: string, paths: string[]): Promise<PageWeight[]> {
  const server = await serveStatic(siteDir, '/', true);
  const browser = await launchChromium();
  try {
    const out: PageWeight[] = [];
    for (const path of paths) out.push(await weighPage(browser, server.url + path, siteDir, '/'));
    return out;
  } finally {
    await browser.close();
    await server.close();
  }
}

function fixtureQueries(): string[] {
  return readFileSync('tests/fixtures/search/queries.tsv', 'utf8').trim().split('\n').map((l) => l.split('\t')[0]!);
}

export async function bench(): Promise<string> {
  mkdirSync(ROOT, { recursive: true });
  // The first plan folder of the default build, read as the build reads it (its config's office aliases applied).
  const [seed] = await readPlans({ PLANS_DIR: DEFAULT_PLANS_DIR });
  const seedPath = resolve(seed!.sourcePath);
  const plan: Plan = seed!.read.plan;
  const results: Record<string, unknown> = { date: new Date().toISOString(), machine: { cpus: (await import('node:os')).cpus().length, node: process.version } };

  let pages: PageWeight[] = [];
  if (!skip.has('real')) {
    // 1. The real plan, step by step.
    console.log('build steps (real plan):');
    const real = await buildSteps('real', seedPath);
    const site = join(real.dir, '.build/dist');
    // The plan's pages and downloads are under /<id>/ (the one list in src/contract/outputs.ts names them).
    const [built] = await loadArchive(join(real.dir, 'content'));
    const downloads = downloadPaths(built!);
    const planPath = `${built!.id}/`;
    // The site alone (content + Astro + index) in one process, as a Starlight build is one process; from cold
    // (no Astro cache), three times, median — single builds vary by a second on this machine.
    const siteRuns = await coldRuns('real-site', ['scripts/bench-step.ts', 'site', seedPath]);
    const siteRun = medianRun(siteRuns);
    console.log(`  real       site (1 proc) ${siteRun.seconds.toFixed(2).padStart(6)} s median of ${siteRuns.map((r) => r.seconds.toFixed(2)).join(', ')}; ${(siteRun.peakBytes / MiB).toFixed(0)} MiB`);
    results.real = {
      siteProcessSeconds: siteRun.seconds,
      siteRunsSeconds: siteRuns.map((r) => r.seconds),
      sitePeakMiB: siteRun.peakBytes / MiB,
      steps: real.steps,
      totalSeconds: total(real.steps),
      siteSeconds: total(real.steps, ['content', 'astro', 'index']),
      peakMiB: peak(real.steps),
      pdfBytes: statSync(join(site, downloads.pdf)).size,
      gbt9704PdfBytes: statSync(join(site, downloads.gbt9704Pdf)).size,
      offlineZipBytes: statSync(join(site, downloads.offlineZip)).size,
      indexBytes: dirBytes(join(site, 'pagefind')),
    };

    // 1b. The whole `npm run build` (both PDFs typeset by one Typst compiler, steps in parallel), cold, median of three — the
    //     figure to set beside Starlight's build. The system-package check is left out (it is not building).
    const buildRuns = await coldRuns('real-build', ['scripts/build.ts']);
    const wholeBuild = medianRun(buildRuns);
    console.log(`  real       npm run build ${wholeBuild.seconds.toFixed(2).padStart(6)} s median of ${buildRuns.map((r) => r.seconds.toFixed(2)).join(', ')}; ${(wholeBuild.peakBytes / MiB).toFixed(0)} MiB`);
    (results.real as Record<string, unknown>).buildSeconds = wholeBuild.seconds;
    (results.real as Record<string, unknown>).buildRunsSeconds = buildRuns.map((r) => r.seconds);
    // Each PDF's own time in that build (Typst's, the compiler warm) and the compiler's start, paid once per build
    // while Astro renders: as the build logs them.
    const typst = (stepName: string) => Number(new RegExp(`✓ ${stepName} \\([\\d.]+ s\\) — [^\\n]*\\(Typst: (\\d+) ms\\)`, 'u').exec(wholeBuild.stdout)?.[1] ?? NaN);
    const pdfs = { gbt9704Ms: typst('pdf gbt9704'), readingMs: typst('pdf'), compilerStartMs: Number(/typst compiler started in (\d+) ms/u.exec(wholeBuild.stdout)?.[1] ?? NaN) };
    if (Object.values(pdfs).some(Number.isNaN)) throw new StepError(`bench: the build's log does not give the PDFs' times:\n${wholeBuild.stdout}`);
    (results.real as Record<string, unknown>).pdfs = pdfs;
    console.log(`  real       PDFs in that build: 公文版 ${pdfs.gbt9704Ms} ms, reading ${pdfs.readingMs} ms (Typst's own); compiler start ${pdfs.compilerStartMs} ms, once per build`);

    // 1b'. The same build again with nothing changed (its cache in place), three times, median.
    const unchangedRuns: Measured[] = [];
    for (let i = 0; i < BUILD_RUNS; i++) unchangedRuns.push(check(await runMeasured('node', ['scripts/build.ts'], { cwd: join(ROOT, 'real-build'), env }), 'unchanged build'));
    const unchanged = medianRun(unchangedRuns);
    console.log(`  real       nothing changed ${unchanged.seconds.toFixed(2).padStart(6)} s median of ${unchangedRuns.map((r) => r.seconds.toFixed(2)).join(', ')}; ${(unchanged.peakBytes / MiB).toFixed(0)} MiB`);
    (results.real as Record<string, unknown>).unchangedSeconds = unchanged.seconds;

    // 1c. The reader: the content step's read of the seed text and of its 公文版 PDF (read and parsed, in process).
    const gbtPdf = join(site, downloads.gbt9704Pdf);
    const readTimes: Record<string, number[]> = { text: [], pdf: [] };
    for (let i = 0; i < 5; i++) {
      for (const [kind, file] of [['text', seedPath], ['pdf', gbtPdf]] as const) {
        const started = performance.now();
        const doc = await readSource(readFileSync(file), file);
        if (!doc.ok || !parseDocument(doc.value, { officeAliases: seed!.config.officeAliases }).ok) throw new StepError(`bench: ${file} does not read`);
        readTimes[kind]!.push((performance.now() - started) / 1000);
      }
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    results.reader = { textSeconds: median(readTimes.text!), pdfSeconds: median(readTimes.pdf!), pdfBytes: statSync(gbtPdf).size, runs: readTimes };
    console.log(`  reader     seed text ${(median(readTimes.text!) * 1000).toFixed(0)} ms, 公文版 PDF ${(median(readTimes.pdf!) * 1000).toFixed(0)} ms (median of 5)`);

    // 2. Page weight.
    console.log('page weight …');
    // The plan's home, its 16th item (or last), the office with the most items, the whole text.
    const weighedItem = plan.items[Math.min(15, plan.items.length - 1)]!;
    const busiest = [...plan.offices].sort((a, b) => b.items.length - a.items.length || a.slug.localeCompare(b.slug))[0]!;
    pages = await weigh(site, [planPath, `${planPath}items/${weighedItem.id}/`, `${planPath}offices/${busiest.slug}/`, `${planPath}full/`]);
    results.pages = pages;

    // 3. Search latency.
    console.log('search latency …');
    const server = await serveStatic(site, '/', true);
    const browser = await launchChromium();
    const queries = fixtureQueries();
    const cold = await coldSearches(browser, server.url + planPath, queries.slice(0, 12));
    const warm = await warmSearches(browser, server.url + planPath, [...queries, ...queries.map((q) => `${q} `)]);
    await browser.close();
    await server.close();
    results.search = { cold: percentiles(cold.ms), warm: percentiles(warm), firstSearchBytes: percentiles(cold.bytes), indexBytes: (results.real as { indexBytes: number }).indexBytes };
  }

  // 4. Scale.
  if (!skip.has('scale')) {
    const scale: Record<string, unknown> = {};
    for (const times of [10, 100]) {
      // A plan folder of its own, its config giving the seed's office aliases, so it reads as the seed does.
      const folder = join(ROOT, `plan-${times}x`);
      rmSync(folder, { recursive: true, force: true });
      mkdirSync(folder, { recursive: true });
      const file = join(folder, `plan-${times}x.txt`);
      writeFileSync(file, syntheticPlanText(plan, times));
      writeFileSync(join(folder, 'plan.json'), `${JSON.stringify({ source: { file: `plan-${times}x.txt` }, officeAliases: seed!.config.officeAliases }, null, 2)}\n`);
      console.log(`build steps (${times}× = ${plan.items.length * times} items):`);
      const run = await buildSteps(`x${times}`, file);
      scale[`x${times}`] = {
        items: plan.items.length * times,
        steps: run.steps,
        totalSeconds: total(run.steps),
        siteSeconds: total(run.steps, ['content', 'astro', 'index']),
        peakMiB: peak(run.steps),
        indexBytes: dirBytes(join(run.dir, '.build/dist/pagefind')),
      };
      rmSync(run.dir, { recursive: true, force: true });
    }
    const x10 = scale.x10 as { totalSeconds: number; siteSeconds: number };
    const x100 = scale.x100 as { totalSeconds: number; siteSeconds: number };
    scale.growth = { total: x100.totalSeconds / x10.totalSeconds, site: x100.siteSeconds / x10.siteSeconds, ideal: 10 };
    results.scale = scale;
  }

  // 5. Starlight, same content.
  if (!skip.has('starlight')) {
    console.log(`starlight ${STARLIGHT_VERSIONS['@astrojs/starlight']} …`);
    const dir = join(ROOT, 'starlight');
    writeStarlightProject(dir, plan);
    check(await runMeasured('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: dir, env }), 'starlight npm install');
    const builds: Measured[] = [];
    for (let i = 0; i < BUILD_RUNS; i++) {
      for (const cache of ['dist', '.astro', 'node_modules/.astro', 'node_modules/.vite']) rmSync(join(dir, cache), { recursive: true, force: true });
      builds.push(check(await runMeasured(resolve('node_modules/.bin/node'), ['node_modules/astro/bin/astro.mjs', 'build'], { cwd: dir, env }), 'starlight build'));
    }
    const build = medianRun(builds);
    console.log(`  starlight  build        ${build.seconds.toFixed(2).padStart(6)} s median of ${builds.map((r) => r.seconds.toFixed(2)).join(', ')}; ${(build.peakBytes / MiB).toFixed(0)} MiB`);
    // Served the way ours is (precompressed brotli/gzip), so transferred bytes compare like with like.
    await precompress(join(dir, 'dist'));
    const weights = await weigh(join(dir, 'dist'), ['', 'items/16/']);
    results.starlight = { versions: STARLIGHT_VERSIONS, buildSeconds: build.seconds, buildRunsSeconds: builds.map((r) => r.seconds), peakMiB: build.peakBytes / MiB, pages: weights, indexBytes: dirBytes(join(dir, 'dist/pagefind')) };
  }

  // 6. Archives of synthetic plans, side by side with Starlight building as many pages.
  const archiveTargets: Target[] = [];
  if (!skip.has('archive')) {
    const sizes = (process.env.BENCH_ARCHIVE ?? '10,50,100').split(',').map(Number).filter((n) => n > 0).sort((a, b) => a - b);
    console.log(`archive of ${sizes.join(', ')} synthetic plans (${plan.items.length} items each):`);
    const starlightDir = skip.has('starlight') ? undefined : join(ROOT, 'starlight');
    const archive = await benchArchive({ root: ROOT, plan, officeAliases: seed!.config.officeAliases, sizes, env, ...(starlightDir ? { starlightDir } : {}) });
    results.archive = archive.results;
    archiveTargets.push(...archive.targets);
  }

  // Targets.
  const targets: Target[] = [];
  if (results.real) targets.push(...realTargets(results, pages));
  if (results.scale) targets.push(...scaleTargets(results));
  targets.push(...archiveTargets);
  results.targets = targets;
  mkdirSync('bench', { recursive: true });
  writeFileSync('bench/results.json', `${JSON.stringify(results, null, 2)}\n`);
  return report(results, targets);
}

/** Targets of the real plan's build, pages, search and reader, and against Starlight's build of it. */
function realTargets(results: Record<string, unknown>, pages: PageWeight[]): Target[] {
  const item = pages.find((p) => p.path.includes('/items/'))!;
  const r = results.real as { siteSeconds: number; peakMiB: number };
  const targets: Target[] = [
    { target: 'item page ≤ 8 KiB transferred', value: `${(item.total.transferred / KiB).toFixed(1)} KiB (gzip ${(item.total.gzip / KiB).toFixed(1)} KiB)`, pass: item.total.transferred <= 8 * KiB },
    { target: 'no JavaScript file before search is used', value: `${item.scriptRequests} script requests, ${item.inlineScriptBytes} B inline`, pass: item.scriptRequests === 0 },
    { target: 'search settles ≤ 150 ms (cold, through the box, median)', value: `${(results.search as { cold: { median: number } }).cold.median.toFixed(0)} ms`, pass: (results.search as { cold: { median: number } }).cold.median <= 150 },
    { target: 'search warm ≤ 50 ms (median)', value: `${(results.search as { warm: { median: number } }).warm.median.toFixed(1)} ms`, pass: (results.search as { warm: { median: number } }).warm.median <= 50 },
    { target: 'peak memory ≤ 1 GiB (real plan)', value: `${r.peakMiB.toFixed(0)} MiB`, pass: r.peakMiB <= 1024 },
  ];
  const stepSeconds = (name: string) => (results.real as { steps: StepResult[] }).steps.find((x) => x.step === name)!.seconds;
  const pdfs = (results.real as { pdfs: { gbt9704Ms: number; readingMs: number; compilerStartMs: number } }).pdfs;
  const once = `compiler start ${pdfs.compilerStartMs} ms once per build; step alone, process start-up aside, `;
  targets.push({ target: 'reading PDF ≤ 0.3 s (in the build, Typst warm)', value: `${(pdfs.readingMs / 1000).toFixed(2)} s (${once}${stepSeconds('pdf').toFixed(2)} s)`, pass: pdfs.readingMs <= 300 });
  targets.push({ target: '公文版 PDF ≤ 0.3 s (in the build, Typst warm)', value: `${(pdfs.gbt9704Ms / 1000).toFixed(2)} s (${once}${stepSeconds('gbt9704').toFixed(2)} s)`, pass: pdfs.gbt9704Ms <= 300 });
  const unchanged = (results.real as { unchangedSeconds: number }).unchangedSeconds;
  targets.push({ target: 'build with nothing changed ≤ 2 s (process, cache in place)', value: `${unchanged.toFixed(2)} s`, pass: unchanged <= 2 });
  const reader = results.reader as { pdfSeconds: number; textSeconds: number };
  targets.push({ target: 'reader: the plan read from its PDF < 2 s', value: `${reader.pdfSeconds.toFixed(2)} s (text ${reader.textSeconds.toFixed(2)} s)`, pass: reader.pdfSeconds < 2 });
  if (results.starlight) {
    const s = results.starlight as { buildSeconds: number; pages: PageWeight[] };
    const ours = (results.real as { siteProcessSeconds: number }).siteProcessSeconds;
    targets.push({ target: 'build of the site no slower than Starlight (one process each)', value: `${ours.toFixed(1)} s vs ${s.buildSeconds.toFixed(1)} s`, pass: ours <= s.buildSeconds });
    const whole = (results.real as { buildSeconds: number }).buildSeconds;
    targets.push({ target: 'whole npm run build (both PDFs) ≤ 1.5× Starlight', value: `${whole.toFixed(1)} s vs ${s.buildSeconds.toFixed(1)} s (×${(whole / s.buildSeconds).toFixed(2)})`, pass: whole <= 1.5 * s.buildSeconds });
    const sItem = s.pages.find((p) => p.path.includes('/items/'))!;
    results.ratios = { itemTransferred: sItem.total.transferred / item.total.transferred, itemGzip: sItem.total.gzip / item.total.gzip, itemRequests: sItem.total.requests / item.total.requests, build: s.buildSeconds / (results.real as { siteProcessSeconds: number }).siteProcessSeconds };
  }
  return targets;
}

/** Targets of the synthetic plans of 10× and 100× the items. */
function scaleTargets(results: Record<string, unknown>): Target[] {
  const targets: Target[] = [];
  {
    type Scale = { totalSeconds: number; siteSeconds: number; peakMiB: number; steps: StepResult[] };
    const { x10, x100 } = results.scale as { x10: Scale; x100: Scale };
    const growth = (results.scale as { growth: { total: number; site: number } }).growth;
    const sitePeak = (s: Scale) => peak(s.steps.filter((x) => ['content', 'astro', 'index'].includes(x.step)));
    targets.push({ target: '3,300 items: site (content+astro+index) ≤ 60 s', value: `${x100.siteSeconds.toFixed(1)} s`, pass: x100.siteSeconds <= 60 });
    targets.push({ target: '3,300 items: everything (with PDF, offline, .br) ≤ 60 s', value: `${x100.totalSeconds.toFixed(1)} s`, pass: x100.totalSeconds <= 60 });
    targets.push({ target: 'near-linear growth 10× → 100× (site)', value: `×${growth.site.toFixed(1)} time for ×10 items (${x10.siteSeconds.toFixed(1)} → ${x100.siteSeconds.toFixed(1)} s)`, pass: growth.site <= 12 });
    targets.push({ target: 'near-linear growth 10× → 100× (everything)', value: `×${growth.total.toFixed(1)} time for ×10 items`, pass: growth.total <= 12 });
    targets.push({ target: 'peak memory ≤ 1 GiB (3,300 items, site)', value: `${sitePeak(x100).toFixed(0)} MiB`, pass: sitePeak(x100) <= 1024 });
    targets.push({ target: 'peak memory ≤ 1 GiB (3,300 items, everything)', value: `${x100.peakMiB.toFixed(0)} MiB`, pass: x100.peakMiB <= 1024 });
  }
  return targets;
}

function report(results: Record<string, unknown>, targets: Target[]): string {
  const lines: string[] = [];
  if (results.pages) lines.push('', 'page weight (bytes: raw / gzip / transferred):');
  const row = (p: PageWeight, label = p.path) =>
    `  ${label.padEnd(28)} ${String(p.total.requests).padStart(3)} req  html ${p.html.raw}/${p.html.gzip}/${p.html.transferred}  css ${p.css.raw}/${p.css.gzip}/${p.css.transferred}  js ${p.js.raw}/${p.js.gzip}/${p.js.transferred}  total ${(p.total.transferred / KiB).toFixed(1)} KiB`;
  for (const p of (results.pages as PageWeight[] | undefined) ?? []) lines.push(row(p));
  if (results.starlight && results.pages) for (const p of (results.starlight as { pages: PageWeight[] }).pages) lines.push(row(p, `starlight ${p.path}`));
  const s = results.search as { cold: { median: number; p95: number }; warm: { median: number; p95: number }; firstSearchBytes: { median: number }; indexBytes: number } | undefined;
  if (s) lines.push('', `search: cold median ${s.cold.median.toFixed(0)} ms, p95 ${s.cold.p95.toFixed(0)} ms; warm median ${s.warm.median.toFixed(1)} ms, p95 ${s.warm.p95.toFixed(1)} ms; first search fetched ${(s.firstSearchBytes.median / KiB).toFixed(1)} KiB; index ${(s.indexBytes / KiB).toFixed(0)} KiB`);
  if (results.ratios) lines.push(`starlight / ours: ${Object.entries(results.ratios as Record<string, number>).map(([k, v]) => `${k} ×${v.toFixed(1)}`).join(', ')}`);
  lines.push('', 'targets:');
  for (const t of targets) lines.push(`  ${t.pass ? 'PASS' : 'FAIL'}  ${t.target.padEnd(52)} ${t.value}`);
  lines.push('', 'written: bench/results.json');
  return lines.join('\n');
}

if (isMain(import.meta.url)) await runCli(bench);
