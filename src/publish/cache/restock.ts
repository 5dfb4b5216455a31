/**
 * Puts back into the cache the folder entries a build moved into the site (output-cache.ts: takeFolder), by linking
 * their files from the published site, in a process of its own started once the build is done.
 *
 * Why moved out and linked back, not linked in: a plan's pages are ~75 folders, and making folders waits on the file
 * system's journal. At 100 plans, linking the unchanged plans' pages and indexes into the build took 2–4 s of the
 * rebuild after one plan changed (mkdir alone 1.5–2.6 s on this machine), while Astro and the PDFs wanted the same
 * disk and cores; a rename per plan takes none of that. The same folders and links are made here instead, after the
 * build has published, at a low priority, where nothing waits for them.
 *
 * The files linked back are the very files the entry held (a rename keeps them): sealed, so a file of the site
 * edited in place since is found unsealed by the next build, which removes that entry and makes it again, as for
 * any altered entry. The next build waits for this process before it reads those folders (restocked()); if the process
 * died, its partial entries are removed by the next prune, and an entry it did not put back is made again.
 */
import { spawn } from 'node:child_process';
import { linkSync, mkdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import { constants, setPriority } from 'node:os';
import { dirname, join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeFileList, writeWhole, type LentFolder } from './output-cache.ts';

/** The job a build leaves for the process, and the process's id once started: in the cache's folder, removed by the process when it is done. */
const JOB = 'restock.json';
const PID = 'restock.pid';

interface Job {
  folders: { entry: string; from: string; files: readonly string[] }[];
}

/** How long a build waits for an earlier build's restock before it goes on without (entries not back are made again). */
const WAIT_MS = 120_000;

/**
 * Links the files of each lent folder from where `locate` says it is now (the published site; a failed build's
 * staging folders) back into the cache, in a process that may outlive the build. Nothing to do, nothing started.
 */
export function restockLater(cacheDir: string, locate: (folder: LentFolder) => string, lent: readonly LentFolder[]): void {
  if (lent.length === 0) return;
  const job: Job = { folders: lent.map((l) => ({ entry: l.entry, from: locate(l), files: l.files })) };
  const path = join(cacheDir, JOB);
  writeWhole(path, JSON.stringify(job));
  const child = spawn(process.execPath, [fileURLToPath(import.meta.url), path], { stdio: 'ignore' });
  child.on('error', () => undefined);
  if (child.pid === undefined) return;
  // Below the next build's own work; a system that refuses the lower priority runs it at the same one.
  try {
    setPriority(child.pid, constants.priority.PRIORITY_LOW);
  } catch {
    // Keep the default priority.
  }
  writeWhole(join(cacheDir, PID), String(child.pid));
  child.unref();
}

/** Whether the process `pid` is alive. */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Waits until an earlier build's restock in `cacheDir` is done (or given up: see WAIT_MS), then removes what it left.
 * The build that started it wrote its id before it ended, so a job without a live process is one that died.
 */
export async function restocked(cacheDir: string): Promise<void> {
  const started = Date.now();
  for (;;) {
    const pid = Number(await readFile(join(cacheDir, PID), 'utf8').catch(() => ''));
    if (!(pid > 0) || !alive(pid) || Date.now() - started > WAIT_MS) break;
    await sleep(50);
  }
  await Promise.all([rm(join(cacheDir, JOB), { force: true }), rm(join(cacheDir, PID), { force: true })]);
}

/** A restock a build may find running: the entries it is putting back, and its end (restocked()). */
export interface RestockUnderWay {
  /** The cache entries (paths, as LentFolder.entry) the running process puts back; none when none runs. */
  entries: ReadonlySet<string>;
  /** Resolves once the process is done and its files removed (restocked()). */
  done: Promise<void>;
}

/**
 * The last build's restock, if it is still running and reads only from under `site` (the published site): what it
 * will put back, so that the build can tell Astro what to render without waiting for it (at 100 plans, a rebuild
 * started right after another waited 1.6–2.3 s for it before Astro could start). The build checks each entry
 * once `done`, and renders what did not come back (scripts/build-steps.ts). A restock from a failed build's
 * staging folders is waited for here: the build empties those folders before it renders.
 */
export async function restockUnderWay(cacheDir: string, site: string): Promise<RestockUnderWay> {
  const pid = Number(await readFile(join(cacheDir, PID), 'utf8').catch(() => ''));
  const job = pid > 0 && alive(pid) ? await readFile(join(cacheDir, JOB), 'utf8').then((text) => JSON.parse(text) as Job, () => undefined) : undefined;
  const fromSite = job !== undefined && job.folders.every((f) => f.from === site || f.from.startsWith(`${site}${sep}`));
  if (!fromSite) {
    await restocked(cacheDir);
    return { entries: new Set(), done: Promise.resolve() };
  }
  return { entries: new Set(job.folders.map((f) => f.entry)), done: restocked(cacheDir) };
}

/** The process's work: each folder's files linked into a partial entry, renamed into place whole with its list; then its files removed. */
function runJob(path: string): void {
  const job = JSON.parse(readFileSync(path, 'utf8')) as Job;
  for (const { entry, from, files } of job.folders) {
    const partial = `${entry}.${process.pid}-restock.partial`;
    try {
      for (const d of new Set(['', ...files.map((f) => dirname(f))])) mkdirSync(join(partial, d), { recursive: true });
      for (const f of files) linkSync(join(from, f), join(partial, f));
      renameSync(partial, entry);
      writeFileList(entry, files);
    } catch {
      // A file gone from the site, or the entry made again meanwhile: this entry stays out; the next build makes it.
      rmSync(partial, { recursive: true, force: true });
    }
  }
  rmSync(path, { force: true });
  // The id last: a build waiting for this process sees it done once the id is gone (or the process is).
  rmSync(join(dirname(path), PID), { force: true });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) runJob(process.argv[2]!);
