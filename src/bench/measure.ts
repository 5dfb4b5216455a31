/**
 * Runs a command and measures it: wall time, peak memory of its whole process tree (the sum of the
 * proportional set sizes — PSS, so pages shared between Chromium's processes count once — of the command and
 * every descendant, sampled from /proc every SAMPLE_MS), and the CPU time the tree used, by what each process
 * runs. Pagefind's indexer, Astro's processes and Chromium run as child processes, so the command's own maxRSS
 * and CPU time would miss them.
 */
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

/** CPU time in seconds, in the process's own code (user) and in the kernel on its behalf (system). */
export interface CpuSeconds {
  user: number;
  system: number;
}

/** The CPU time a process tree used: in all, and by kind of work (cpuKind). */
export interface TreeCpu {
  total: CpuSeconds;
  byKind: Record<string, CpuSeconds>;
}

/** CPU seconds in all (user and system). */
export const cpuSeconds = (cpu: TreeCpu) => cpu.total.user + cpu.total.system;

/**
 * A tree's CPU time, most first, as the bench's log shows it; kinds under half a second left out.
 * @example cpuSummary({ total: { user: 3, system: 1 }, byKind: { 'a.ts': { user: 1, system: 0 }, 'b.ts': { user: 2, system: 1 } } }) // 'CPU 4 s: b.ts 3, a.ts 1'
 */
export function cpuSummary(cpu: TreeCpu): string {
  const kinds = Object.entries(cpu.byKind).map(([kind, t]) => [kind, t.user + t.system] as const).filter(([, s]) => s >= 0.5).sort((a, b) => b[1] - a[1]);
  return `CPU ${cpuSeconds(cpu).toFixed(0)} s: ${kinds.map(([k, s]) => `${k} ${s.toFixed(0)}`).join(', ')}`;
}

/** What a measured run produced. */
export interface Measured {
  seconds: number;
  peakBytes: number;
  cpu: TreeCpu;
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Libuv's thread pool, where Node's zlib (brotli, gzip, deflate) and file calls run, as Linux names its threads. */
const THREAD_POOL = 'libuv-worker';

/**
 * What a process's CPU time is reported as: the script a Node process runs (its first argument ending in .ts,
 * .mjs or .js, by file name), else its program's file name; and for a Node script, the time of its thread pool
 * apart (`<script> (thread pool)`), since that is where its compression runs.
 * @example cpuKind(['/usr/bin/node', '--flag', '/p/src/publish/astro/astro-build.ts']) // 'astro-build.ts'
 * @example cpuKind(['/usr/bin/node', 'scripts/build.ts'], 'libuv-worker') // 'build.ts (thread pool)'
 * @example cpuKind(['/p/node_modules/pagefind/bin/pagefind_extended', '--service']) // 'pagefind_extended'
 */
export function cpuKind(argv: readonly string[], thread?: string): string {
  const base = (path: string) => path.slice(path.lastIndexOf('/') + 1);
  const script = base(argv[0] ?? '') === 'node' ? argv.slice(1).find((a) => /\.(ts|mjs|js)$/u.test(a)) : undefined;
  const kind = base(script ?? argv[0] ?? '') || '(unknown)';
  return script && thread === THREAD_POOL ? `${kind} (thread pool)` : kind;
}

/** Fields of a /proc …/stat line after the command name (which may contain spaces and brackets). */
const statFields = (stat: string) => stat.slice(stat.lastIndexOf(')') + 2).split(' ');
/** A stat line's command name: the thread's name for a thread (/proc/<pid>/task/<tid>/stat). */
const statName = (stat: string) => stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
/** Clock ticks per second of utime and stime in /proc: USER_HZ, 100 on every Linux architecture Node runs on. */
const TICKS = 100;

/** Parent pid of every process, from /proc. */
function parents(): Map<number, number> {
  const table = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/u.test(name)) continue;
    try {
      table.set(Number(name), Number(statFields(readFileSync(`/proc/${name}/stat`, 'utf8'))[1]));
    } catch {
      // The process ended while we looked.
    }
  }
  return table;
}

/** A figure in kB that a process's file under /proc gives on a line of its own (`Name: 123 kB`), in bytes; 0 if the process is gone. */
function procBytes(pid: number, file: string, name: string): number {
  try {
    const match = new RegExp(`^${name}:\\s+(\\d+) kB`, 'mu').exec(readFileSync(`/proc/${pid}/${file}`, 'utf8'));
    return match ? Number(match[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

/** Proportional set size of a process in bytes (0 if it is gone). */
export const pss = (pid: number) => procBytes(pid, 'smaps_rollup', 'Pss');

/** Resident set size of a process in bytes (0 if it is gone): from the kernel's counters, without walking its pages. */
export const rss = (pid: number) => procBytes(pid, 'status', 'VmRSS');

/**
 * A margin over what the kernel's resident counters may lag behind the pages they count (a batch of pages per CPU
 * and process, well under a MiB here): a sample whose RSS comes within it of the peak has its PSS read.
 */
const RSS_SLACK = 16 * 1024 * 1024;

/**
 * Whether a sample whose processes hold `rssTotal` bytes resident could raise the peak PSS found so far: a process's
 * PSS is its resident pages, each shared one divided among its sharers, so it never exceeds its RSS, and a sample
 * whose RSS adds up to less than the peak cannot hold more. Why ask: PSS walks every page of every process (see
 * SAMPLE_MS), and a cold build spends most of its time below its peak; RSS is two counters read.
 */
export const pssMayExceed = (rssTotal: number, peak: number) => rssTotal + RSS_SLACK > peak;

/** The root and every descendant, from /proc. */
function tree(root: number): number[] {
  const table = parents();
  const pids: number[] = [];
  const queue = [root];
  while (queue.length > 0) {
    const pid = queue.pop()!;
    pids.push(pid);
    for (const [child, ppid] of table) if (ppid === pid) queue.push(child);
  }
  return pids;
}

/** CPU seconds of a /proc stat line (utime and stime: fields 14 and 15, 11 and 12 after the name). */
function statCpu(stat: string): CpuSeconds {
  const f = statFields(stat);
  return { user: Number(f[11]) / TICKS, system: Number(f[12]) / TICKS };
}

/**
 * A process's CPU time so far, by kind: the process's own total (its ended threads included), of which its thread
 * pool's threads apart when it is a Node script. Undefined when the process ended while we looked, or has ended
 * and waits to be reaped: a zombie has no command line and no threads left to tell the pool's time apart, so its
 * last reading as a live process stands.
 */
function processCpu(pid: number): Map<string, CpuSeconds> | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    if (statFields(stat)[0] === 'Z') return undefined;
    const argv = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
    // Between fork and exec, or while it re-executes itself (lean-memory.ts), a process may show no command.
    if (argv.length === 0) return undefined;
    const total = statCpu(stat);
    const byKind = new Map<string, CpuSeconds>();
    const pool = { user: 0, system: 0 };
    const kind = cpuKind(argv);
    const poolKind = cpuKind(argv, THREAD_POOL);
    if (poolKind !== kind) {
      for (const tid of readdirSync(`/proc/${pid}/task`)) {
        const thread = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
        if (statName(thread) !== THREAD_POOL) continue;
        const t = statCpu(thread);
        pool.user += t.user;
        pool.system += t.system;
      }
      byKind.set(poolKind, pool);
    }
    byKind.set(kind, { user: total.user - pool.user, system: total.system - pool.system });
    return byKind;
  } catch {
    return undefined;
  }
}

/**
 * Sums the last CPU reading of every process seen. A process's time after its last sample (at most SAMPLE_MS of it)
 * is not counted, nor is a process that started and ended between two samples: the figures are a floor, close
 * for the processes that matter (Astro's, Pagefind's, the build's own run for seconds).
 */
function sumCpu(last: ReadonlyMap<number, Map<string, CpuSeconds>>): TreeCpu {
  const byKind: Record<string, CpuSeconds> = {};
  const total = { user: 0, system: 0 };
  for (const kinds of last.values()) {
    for (const [kind, t] of kinds) {
      const k = (byKind[kind] ??= { user: 0, system: 0 });
      k.user += t.user;
      k.system += t.system;
      total.user += t.user;
      total.system += t.system;
    }
  }
  return { total, byKind };
}

/**
 * How often the tree's memory is sampled. Reading a process's PSS (smaps_rollup) walks its pages: 22 ms of CPU for
 * a 1.4 GB process on the 2-core machine, so sampling every 50 ms took ~43 % of a core from the build it measured
 * (Astro's process holds 1.5–1.9 GB in a 100-plan build). Every 250 ms took ~9 % by that count, and 22 % of the
 * measuring process's time in a CPU profile of a cold 100-plan archive (32 of 144 s), on a machine whose two cores
 * the build keeps busy; so PSS is read only when the processes' RSS could hold a new peak (pssMayExceed). A build's
 * memory peaks last seconds, not a quarter of one.
 */
const SAMPLE_MS = 250;

/** Runs `command` and resolves with its time and peak tree memory. */
export function runMeasured(command: string, args: string[], options: { cwd: string; env: NodeJS.ProcessEnv }): Promise<Measured> {
  return new Promise((resolve) => {
    const started = performance.now();
    const child = spawn(command, args, { cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    let peak = 0;
    // Each process's latest CPU reading, by pid (a pid is not reused within a run of minutes).
    const cpu = new Map<number, Map<string, CpuSeconds>>();
    const timer = setInterval(() => {
      if (!child.pid) return;
      const pids = tree(child.pid);
      let resident = 0;
      for (const pid of pids) {
        resident += rss(pid);
        const reading = processCpu(pid);
        if (reading) cpu.set(pid, reading);
      }
      if (pssMayExceed(resident, peak)) peak = Math.max(peak, pids.reduce((n, pid) => n + pss(pid), 0));
    }, SAMPLE_MS);
    child.on('close', (status) => {
      clearInterval(timer);
      resolve({ seconds: (performance.now() - started) / 1000, peakBytes: peak, cpu: sumCpu(cpu), status, stdout, stderr });
    });
  });
}
