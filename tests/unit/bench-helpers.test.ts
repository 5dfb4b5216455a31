import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { cpuKind, cpuSummary, pss, pssMayExceed, rss, runMeasured } from '../../src/bench/measure.ts';
import { percentiles } from '../../src/bench/search-latency.ts';
import { logSteps } from '../../src/bench/archive.ts';
import { syntheticArchive, syntheticPlanText } from '../../src/bench/synthetic-plan.ts';
import { parsePlan } from '../../src/plan/parse-plan.ts';
import { SEED_FILE, SEED_OPTIONS } from '../support/seed.ts';

const seed = parsePlan(readFileSync(SEED_FILE, 'utf8'), SEED_OPTIONS);
if (!seed.ok) throw new Error('seed must parse');

describe('synthetic plans for scale tests', () => {
  it('repeat every section’s items and parse to 10× the items, same sections and offices', () => {
    // Read as the bench's build reads it: with the seed's office aliases (it writes them beside the synthetic plan).
    const big = parsePlan(syntheticPlanText(seed.value, 10), SEED_OPTIONS);
    if (!big.ok) throw new Error(big.problems.map((p) => `${p.line}: ${p.message}`).join('\n'));
    expect(big.value.items).toHaveLength(330);
    expect(big.value.sections.map((s) => s.items.length)).toEqual(seed.value.sections.map((s) => s.items.length * 10));
    expect(big.value.offices.map((o) => o.slug)).toEqual(seed.value.offices.map((o) => o.slug));
    expect(big.value.title).not.toBe(seed.value.title);
  });
  it('are the same text on every run: nothing in them comes from the clock or a random number', () => {
    // Two runs under a different clock and different random numbers: any use of either shows as a difference.
    const runAt = (iso: string, random: number) => {
      vi.useFakeTimers({ now: new Date(iso) });
      const spy = vi.spyOn(Math, 'random').mockReturnValue(random);
      try {
        return syntheticPlanText(seed.value, 3);
      } finally {
        spy.mockRestore();
        vi.useRealTimers();
      }
    };
    const first = runAt('2020-03-06T00:00:00Z', 0.1);
    expect(first).toBe(runAt('2031-11-23T17:45:00Z', 0.9));
    // …and the runs hold the plan: every item of the seed three times over.
    expect(first.match(/（第3轮）/gu)).toHaveLength(seed.value.items.length);
  });
  it('at 1× reproduce the real plan', () => {
    const same = parsePlan(syntheticPlanText(seed.value, 1));
    expect(same.ok && same.value.items.map((i) => i.fields)).toEqual(seed.value.items.map((i) => i.fields));
  });
});

describe('synthetic archives', () => {
  const aliases = SEED_OPTIONS.officeAliases ?? {};
  it('are plan folders p001… of the real plan’s size, each its own title and series', () => {
    const folders = syntheticArchive(seed.value, 3, aliases);
    expect(folders.map((f) => f.name)).toEqual(['p001', 'p002', 'p003']);
    const read = folders.map((f) => {
      const config = JSON.parse(f.files['plan.json']!) as { id: string; series: string; source: { file: string } };
      const parsed = parsePlan(f.files[config.source.file]!, SEED_OPTIONS);
      if (!parsed.ok) throw new Error(`${f.name} must parse`);
      return { config, plan: parsed.value };
    });
    expect(read.map((r) => r.plan.items.length)).toEqual(Array(3).fill(seed.value.items.length));
    expect(new Set(read.map((r) => r.plan.title)).size).toBe(3);
    expect(new Set(read.map((r) => r.config.series)).size).toBe(3);
  });
  it('mark one plan revised: its last item’s title, nothing else of any plan', () => {
    const before = syntheticArchive(seed.value, 3, aliases);
    const after = syntheticArchive(seed.value, 3, aliases, 'p002');
    expect(after.map((f, i) => JSON.stringify(f) === JSON.stringify(before[i]))).toEqual([true, false, true]);
    const text = (f: (typeof after)[number]) => Object.entries(f.files).find(([n]) => n.endsWith('.txt'))![1];
    const revised = parsePlan(text(after[1]!), SEED_OPTIONS);
    expect(revised.ok && revised.value.items.at(-1)!.title).toMatch(/（修订）$/u);
    expect(revised.ok && revised.value.items.filter((i) => i.title.endsWith('（修订）'))).toHaveLength(1);
  });
  it('give one plan an item more: a copy of its last, after it, and nothing else of any plan changes', () => {
    const before = syntheticArchive(seed.value, 3, aliases);
    const after = syntheticArchive(seed.value, 3, aliases, undefined, 'p003');
    expect(after.map((f, i) => JSON.stringify(f) === JSON.stringify(before[i]))).toEqual([true, true, false]);
    const text = (f: (typeof after)[number]) => Object.entries(f.files).find(([n]) => n.endsWith('.txt'))![1];
    const [was, now] = [before[2]!, after[2]!].map((f) => parsePlan(text(f), SEED_OPTIONS));
    if (!was?.ok || !now?.ok) throw new Error('both must parse');
    expect(now.value.items).toHaveLength(was.value.items.length + 1);
    expect(now.value.items.slice(0, -1).map((i) => i.title)).toEqual(was.value.items.map((i) => i.title));
    const [last, added] = [was.value.items.at(-1)!, now.value.items.at(-1)!];
    expect(added.number).toBe(last.number + 1);
    expect(added.title).toBe(`${last.title}（新增）`);
    expect(added.fields).toEqual(last.fields);
    expect(now.value.sections.at(-1)!.items.at(-1)).toBe(added.number);
  });
});

describe('build logs', () => {
  it('give each step’s name, seconds and detail', () => {
    const log = '> build\n✓ content (0.13 s)\n  gbt9704 font 仿宋: …\n✓ pdf gbt9704 (4.00 s) — 2 PDFs, 1 reused, 1 printed, 0.7 MiB\nbuild: done in 9.1 s → dist/\n';
    expect(logSteps(log)).toEqual([
      { name: 'content', seconds: 0.13, detail: '' },
      { name: 'pdf gbt9704', seconds: 4, detail: '2 PDFs, 1 reused, 1 printed, 0.7 MiB' },
    ]);
  });
});

describe('measuring', () => {
  it('computes median and p95', () => {
    expect(percentiles([5, 1, 3, 2, 4])).toEqual({ median: 3, p95: 5, n: 5 });
  });
  it('times a command and sees the memory of its child processes', async () => {
    const small = await runMeasured('sleep', ['0.3'], { cwd: '.', env: process.env });
    const big = await runMeasured('sh', ['-c', 'python3 -c "b = bytearray(200 * 1024 * 1024); import time; time.sleep(0.5)"'], { cwd: '.', env: process.env });
    expect(small.seconds).toBeGreaterThanOrEqual(0.3);
    expect(big.peakBytes).toBeGreaterThan(150 * 1024 * 1024);
    expect(small.peakBytes).toBeLessThan(big.peakBytes);
  });
  it('reads PSS only when RSS could hold a new peak, and PSS never exceeds RSS', () => {
    const MiB = 1024 * 1024;
    // This process, with a buffer touched so that both figures are well above nothing.
    const held = Buffer.alloc(64 * MiB, 1);
    const [resident, proportional] = [rss(process.pid), pss(process.pid)];
    expect(held[held.length - 1]).toBe(1);
    expect(proportional).toBeGreaterThan(64 * MiB);
    expect(proportional).toBeLessThanOrEqual(resident + MiB);
    expect(rss(2 ** 22 + 1)).toBe(0);
    expect(pssMayExceed(500 * MiB, 900 * MiB)).toBe(false);
    expect(pssMayExceed(900 * MiB, 900 * MiB)).toBe(true);
    expect(pssMayExceed(890 * MiB, 900 * MiB)).toBe(true);
    expect(pssMayExceed(1000 * MiB, 0)).toBe(true);
  });
  it('counts the CPU time of a child process, under the script it runs', async () => {
    // A parent that only waits, and a child that computes until it has used a second of CPU (by its own count, so
    // a loaded machine makes it take longer, not use less): its time must be counted, under its script's name, and
    // the kinds must add up to the total.
    const dir = mkdtempSync(join(tmpdir(), 'bench-cpu-'));
    try {
      writeFileSync(join(dir, 'busy-child.mjs'), 'let x = 0; while (process.cpuUsage().user < 1e6) for (let i = 0; i < 1e5; i++) x += Math.sqrt(x + i);\n');
      writeFileSync(join(dir, 'waiting-parent.mjs'), "import { spawnSync } from 'node:child_process'; spawnSync(process.execPath, [new URL('busy-child.mjs', import.meta.url).pathname], { stdio: 'inherit' });\n");
      const run = await runMeasured(process.execPath, [join(dir, 'waiting-parent.mjs')], { cwd: dir, env: process.env });
      expect(run.status).toBe(0);
      const child = run.cpu.byKind['busy-child.mjs'];
      // Half of its second at least: the sampler misses at most its last quarter second.
      expect(child!.user + child!.system).toBeGreaterThan(0.5);
      expect(child!.user + child!.system).toBeGreaterThan(run.cpu.byKind['waiting-parent.mjs']!.user);
      const sum = Object.values(run.cpu.byKind).reduce((n, t) => n + t.user + t.system, 0);
      expect(sum).toBeCloseTo(run.cpu.total.user + run.cpu.total.system, 6);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
  it('sums up CPU time most first, leaving out kinds under half a second', () => {
    const cpu = { total: { user: 5.2, system: 1 }, byKind: { 'a.ts': { user: 1, system: 0 }, 'b.ts': { user: 2, system: 1 }, 'c.ts (thread pool)': { user: 2, system: 0 }, esbuild: { user: 0.2, system: 0 } } };
    expect(cpuSummary(cpu)).toBe('CPU 6 s: b.ts 3, c.ts (thread pool) 2, a.ts 1');
  });
  it('names CPU time by the script a Node process runs, its thread pool apart', () => {
    expect(cpuKind(['/usr/bin/node', '--heap-growing-percent=40', '/p/src/publish/astro/astro-build.ts'])).toBe('astro-build.ts');
    expect(cpuKind(['/p/node_modules/.bin/node', 'scripts/build.ts'], 'libuv-worker')).toBe('build.ts (thread pool)');
    expect(cpuKind(['/p/node_modules/.bin/node', 'scripts/build.ts'], 'node')).toBe('build.ts');
    expect(cpuKind(['/p/node_modules/pagefind/bin/pagefind_extended', '--service'], 'libuv-worker')).toBe('pagefind_extended');
    expect(cpuKind(['/usr/bin/python3', '-c', 'pass'])).toBe('python3');
    expect(cpuKind([])).toBe('(unknown)');
  });
});
