/**
 * Runs a command and measures it: wall time, and peak memory of its whole process tree (the sum of the
 * proportional set sizes — PSS, so pages shared between Chromium's processes count once — of the command and
 * every descendant, sampled from /proc every SAMPLE_MS). Pagefind's indexer and Chromium run as child processes,
 * so the command's own maxRSS would miss them.
 */
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

/** What a measured run produced. */
export interface Measured {
  seconds: number;
  peakBytes: number;
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Parent pid of every process, from /proc. */
function parents(): Map<number, number> {
  const table = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/u.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      // Fields after the command name (which may contain spaces) start after the last ')'.
      table.set(Number(name), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      // The process ended while we looked.
    }
  }
  return table;
}

/** Proportional set size of a process in bytes (0 if it is gone). */
function pss(pid: number): number {
  try {
    const match = /^Pss:\s+(\d+) kB/mu.exec(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'));
    return match ? Number(match[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

function treeMemory(root: number): number {
  const table = parents();
  let total = 0;
  const queue = [root];
  while (queue.length > 0) {
    const pid = queue.pop()!;
    total += pss(pid);
    for (const [child, ppid] of table) if (ppid === pid) queue.push(child);
  }
  return total;
}

/**
 * How often the tree's memory is sampled. Reading a process's PSS (smaps_rollup) walks its pages: 22 ms of CPU for
 * a 1.4 GB process on the 2-core machine, so sampling every 50 ms took ~43 % of a core from the build it measured
 * (Astro's process holds 1.5–1.9 GB in a 100-plan build). Every 250 ms takes ~9 %; a build's memory peaks last
 * seconds, not a quarter of one.
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
    const timer = setInterval(() => {
      if (child.pid) peak = Math.max(peak, treeMemory(child.pid));
    }, SAMPLE_MS);
    child.on('close', (status) => {
      clearInterval(timer);
      resolve({ seconds: (performance.now() - started) / 1000, peakBytes: peak, status, stdout, stderr });
    });
  });
}
