/**
 * The archive benchmark: `npm run build` of archives of synthetic plans (each the real plan's size) at several
 * sizes, each in a fresh project copy and one measured process tree (Node, Chromium, Pagefind); then, at the
 * largest size, the rebuild after one plan changed (three times, the median; the cache and Astro's cache warm, as
 * on a real machine); the largest archive's site alone (no PDFs, zips or compressed copies), as Starlight's build
 * makes it; and Starlight building as many pages as our largest archive has. Figures and targets for
 * scripts/bench.ts.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Plan } from '../plan/schema.ts';
import { copyProject } from '../tooling/project-copy.ts';
import { cpuSeconds, cpuSummary, runMeasured, type Measured, type TreeCpu } from './measure.ts';
import { writeStarlightArchive } from './starlight.ts';
import { syntheticArchive } from './synthetic-plan.ts';

const MiB = 1024 * 1024;

/** One step as the build log reports it: `✓ name (1.23 s) — detail`. */
export interface LoggedStep {
  name: string;
  seconds: number;
  detail: string;
}

/** One measured build of an archive. */
export interface ArchiveBuild {
  plans: number;
  /** HTML files written, redirect pages included. */
  pages: number;
  /** HTML files that are not redirects: what Starlight is given as many of. */
  contentPages: number;
  seconds: number;
  peakMiB: number;
  /** CPU time of the build's process tree, by kind (measure.ts cpuKind). */
  cpu: TreeCpu;
  steps: LoggedStep[];
}

/** A target, stated as the bench reports it. */
export interface Target {
  target: string;
  value: string;
  pass: boolean;
}

/**
 * The steps of a build log.
 * @example logSteps('✓ astro build (3.10 s) — 77 pages\n') // [{ name: 'astro build', seconds: 3.1, detail: '77 pages' }]
 */
export function logSteps(stdout: string): LoggedStep[] {
  return [...stdout.matchAll(/^✓ (.+?) \(([\d.]+) s\)(?: — (.*))?$/gmu)].map((m) => ({ name: m[1]!, seconds: Number(m[2]), detail: m[3] ?? '' }));
}

function pageCounts(dist: string): { pages: number; contentPages: number } {
  const html = readdirSync(dist, { recursive: true, withFileTypes: true }).filter((e) => e.isFile() && e.name.endsWith('.html'));
  const redirects = html.filter((e) => readFileSync(join(e.parentPath, e.name), 'utf8').includes('http-equiv="refresh"')).length;
  return { pages: html.length, contentPages: html.length - redirects };
}

function writeFolders(dir: string, folders: ReturnType<typeof syntheticArchive>): void {
  for (const folder of folders) {
    mkdirSync(join(dir, folder.name), { recursive: true });
    for (const [name, text] of Object.entries(folder.files)) writeFileSync(join(dir, folder.name, name), text);
  }
}

function check(m: Measured, what: string): Measured {
  if (m.status !== 0) throw new Error(`bench: ${what} failed:\n${m.stderr || m.stdout}`);
  return m;
}

/** What the archive benchmark needs from scripts/bench.ts. */
export interface ArchiveBenchOptions {
  /** bench/tmp: project copies and plan folders go under it. */
  root: string;
  plan: Plan;
  officeAliases: Record<string, string>;
  /** Archive sizes in plans, smallest first. */
  sizes: number[];
  env: NodeJS.ProcessEnv;
  /** The Starlight folder with its packages installed, or undefined to leave Starlight out. */
  starlightDir?: string;
}

/** Runs the archive benchmark; returns its figures and targets. */
export async function benchArchive(opts: ArchiveBenchOptions): Promise<{ results: Record<string, unknown>; targets: Target[] }> {
  const builds: ArchiveBuild[] = [];
  const measure = async (project: string, plansDir: string, plans: number, what: string): Promise<ArchiveBuild> => {
    const m = check(await runMeasured('node', ['scripts/build.ts'], { cwd: project, env: { ...opts.env, PLANS_DIR: plansDir } }), what);
    const run = { plans, ...pageCounts(join(project, 'dist')), seconds: m.seconds, peakMiB: m.peakBytes / MiB, cpu: m.cpu, steps: logSteps(m.stdout) };
    const slowest = [...run.steps].sort((a, b) => b.seconds - a.seconds).slice(0, 4).map((s) => `${s.name} ${s.seconds.toFixed(1)} s`);
    console.log(`  ${what.padEnd(24)} ${run.seconds.toFixed(1).padStart(6)} s ${run.peakMiB.toFixed(0).padStart(5)} MiB  ${run.pages} pages (${run.contentPages} not redirects); ${slowest.join(', ')}; ${cpuSummary(run.cpu)}`);
    return run;
  };
  let project = '';
  let plansDir = '';
  for (const plans of opts.sizes) {
    const dir = join(opts.root, `archive-${plans}`);
    rmSync(dir, { recursive: true, force: true });
    plansDir = join(dir, 'plans');
    project = join(dir, 'project');
    mkdirSync(project, { recursive: true });
    copyProject(project);
    writeFolders(plansDir, syntheticArchive(opts.plan, plans, opts.officeAliases));
    builds.push(await measure(project, plansDir, plans, `${plans} plans, cold`));
  }
  const largest = builds.at(-1)!;
  // The site alone at the largest size, from a fresh copy: the content step, Astro's pages in one Astro run, the
  // search tables, the sitemap and the index, in one process (scripts/bench-step.ts site), which is the work a
  // Starlight build does. The whole build's comparison with Starlight (below) counts what Starlight does not make
  // too: the PDFs, the zips, the compressed copies and the page cache; this one compares like with like.
  const siteProject = join(opts.root, `archive-${largest.plans}`, 'site-project');
  rmSync(siteProject, { recursive: true, force: true });
  mkdirSync(siteProject, { recursive: true });
  copyProject(siteProject);
  const siteRun = check(await runMeasured('node', ['scripts/bench-step.ts', 'site'], { cwd: siteProject, env: { ...opts.env, PLANS_DIR: plansDir } }), 'archive site alone');
  const siteAlone = { seconds: siteRun.seconds, peakMiB: siteRun.peakBytes / MiB, cpu: siteRun.cpu };
  console.log(`  ${`${largest.plans} plans, site alone`.padEnd(24)} ${siteAlone.seconds.toFixed(1).padStart(6)} s ${siteAlone.peakMiB.toFixed(0).padStart(5)} MiB  content, pages (one Astro process), search; ${cpuSummary(siteAlone.cpu)}`);
  rmSync(siteProject, { recursive: true, force: true });
  // One plan edited (its last item's title), everything else as the cold build left it; then the edit undone, and
  // made again: three rebuilds, each after one plan changed, the median taken as the other builds' are (one run's
  // figure moved by a second between runs on this machine).
  const editedId = `p${String(Math.ceil(largest.plans / 2)).padStart(3, '0')}`;
  const rebuilds: ArchiveBuild[] = [];
  for (const [i, edit] of [editedId, undefined, editedId].entries()) {
    writeFolders(plansDir, syntheticArchive(opts.plan, largest.plans, opts.officeAliases, edit));
    rebuilds.push(await measure(project, plansDir, largest.plans, `${largest.plans} plans, 1 changed (${i + 1})`));
  }
  const rebuild = [...rebuilds].sort((a, b) => a.seconds - b.seconds)[1]!;
  // The same plan then gains an item: its pages, and so the list of the site's files, change (the edits above
  // leave them as they were), as when a revised plan adds an item. One run, after the three above.
  writeFolders(plansDir, syntheticArchive(opts.plan, largest.plans, opts.officeAliases, editedId, editedId));
  const grown = await measure(project, plansDir, largest.plans, `${largest.plans} plans, 1 gained an item`);
  const results: Record<string, unknown> = { builds, siteAlone, rebuild, rebuildRuns: rebuilds.map((r) => r.seconds), rebuildItemAdded: grown };

  let starlight: { seconds: number; peakMiB: number; pages: number; cpu: TreeCpu } | undefined;
  if (opts.starlightDir) {
    const all = syntheticArchive(opts.plan, largest.plans, opts.officeAliases).map((f, i) => ({ id: f.name, plan: { ...opts.plan, title: `${opts.plan.title}（合成测试第${i + 1}份）` } }));
    const pages = writeStarlightArchive(opts.starlightDir, all, largest.contentPages);
    const m = check(await runMeasured(resolve('node_modules/.bin/node'), ['node_modules/astro/bin/astro.mjs', 'build'], { cwd: opts.starlightDir, env: opts.env }), 'starlight archive build');
    starlight = { seconds: m.seconds, peakMiB: m.peakBytes / MiB, pages: pageCounts(join(opts.starlightDir, 'dist')).pages, cpu: m.cpu };
    console.log(`  starlight, ${String(pages).padEnd(13)} ${starlight.seconds.toFixed(1).padStart(6)} s ${starlight.peakMiB.toFixed(0).padStart(5)} MiB  ${starlight.pages} pages built; ${cpuSummary(starlight.cpu)}`);
    results.starlight = starlight;
  }

  const smallest = builds[0]!;
  const growth = largest.seconds / smallest.seconds;
  const planRatio = largest.plans / smallest.plans;
  const perPlan = builds.map((b) => `${b.plans}: ${b.seconds.toFixed(1)} s (${(b.seconds / b.plans).toFixed(2)} s/plan)`).join(', ');
  results.growth = { time: growth, plans: planRatio };
  const targets: Target[] = [
    { target: `archive of ${largest.plans} plans: everything ≤ 60 s`, value: `${largest.seconds.toFixed(1)} s (${largest.pages} pages, ${largest.plans * 2} PDFs, ${largest.plans} zips)`, pass: largest.seconds <= 60 },
    { target: `archive of ${largest.plans} plans: peak memory ≤ 1 GiB`, value: `${largest.peakMiB.toFixed(0)} MiB`, pass: largest.peakMiB <= 1024 },
    { target: `near-linear growth ${smallest.plans} → ${largest.plans} plans`, value: `×${growth.toFixed(1)} time for ×${planRatio} plans; ${perPlan}`, pass: growth <= planRatio * 1.2 },
    { target: `rebuild, 1 of ${largest.plans} plans changed ≤ 10 s`, value: `${rebuild.seconds.toFixed(1)} s median of ${rebuilds.map((r) => r.seconds.toFixed(1)).join(', ')} (${rebuild.peakMiB.toFixed(0)} MiB)`, pass: rebuild.seconds <= 10 },
    { target: `rebuild, 1 of ${largest.plans} plans gained an item ≤ 10 s`, value: `${grown.seconds.toFixed(1)} s, one run (${grown.peakMiB.toFixed(0)} MiB)`, pass: grown.seconds <= 10 },
  ];
  if (starlight) {
    // The CPU time beside the wall time: on a machine of few cores a build cannot take less time than its CPU time
    // over the cores, so the two ratios say how much of a gap is work done and how much is waiting.
    const work = `CPU ${cpuSeconds(largest.cpu).toFixed(0)} s vs ${cpuSeconds(starlight.cpu).toFixed(0)} s, ×${(cpuSeconds(largest.cpu) / cpuSeconds(starlight.cpu)).toFixed(2)}`;
    targets.push({ target: `archive build ≤ 1.5× Starlight, same page count`, value: `${largest.seconds.toFixed(1)} s vs ${starlight.seconds.toFixed(1)} s for ${starlight.pages} pages (×${(largest.seconds / starlight.seconds).toFixed(2)}; ${work})`, pass: largest.seconds <= 1.5 * starlight.seconds });
    // The same ratio for the part of the build that does what Starlight's does (see siteAlone above).
    const siteWork = `CPU ${cpuSeconds(siteAlone.cpu).toFixed(0)} s vs ${cpuSeconds(starlight.cpu).toFixed(0)} s`;
    targets.push({ target: `archive's site alone ≤ 1.5× Starlight (content, pages, search)`, value: `${siteAlone.seconds.toFixed(1)} s vs ${starlight.seconds.toFixed(1)} s (×${(siteAlone.seconds / starlight.seconds).toFixed(2)}; ${siteWork}; ${siteAlone.peakMiB.toFixed(0)} vs ${starlight.peakMiB.toFixed(0)} MiB)`, pass: siteAlone.seconds <= 1.5 * starlight.seconds });
  }
  return { results, targets };
}
