/**
 * Puts back into the cache the folder entries a build moved into the site (output-cache.ts: takeFolder), in a
 * process of its own started once the build is done: each taken out of the site the build replaced, where an
 * unchanged plan's folder holds the very same files (takeFormer), else its files linked from the published site.
 *
 * Why moved out and put back, not linked in: a plan's pages are ~75 folders, and making folders waits on the file
 * system's journal. At 100 plans, linking the unchanged plans' pages and indexes into the build took 2–4 s of the
 * rebuild after one plan changed (mkdir alone 1.5–2.6 s on this machine), while Astro and the PDFs wanted the same
 * disk and cores; a rename per plan takes none of that. Putting them back happens after the build has published,
 * while the next build reads its plans and renders.
 *
 * The files put back are the very files the entry held (a rename keeps them): sealed, so a file of the site
 * edited in place since is found unsealed by the next build, which removes that entry and makes it again, as for
 * any altered entry. The next build counts on what this process puts back and checks it once the process is done
 * (restockUnderWay); if the process died, its partial entries are removed by the next prune, and an entry it did
 * not put back is made again.
 */
import { spawn } from 'node:child_process';
import { linkSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import { dirname, join, normalize, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeWhole } from '../../lib/write-whole.ts';
import { writeFileList, type LentFolder } from './output-cache.ts';

/** The job a build leaves for the process, and the process's id once started: in the cache's folder, removed by the process when it is done. */
const JOB = 'restock.json';
const PID = 'restock.pid';

interface Job {
  /** `old`: where the folder was in the site the build replaced, if it was there (see takeFormer). */
  folders: { entry: string; from: string; files: readonly string[]; old?: string }[];
}

/** How long a build waits for an earlier build's restock before it goes on without (entries not back are made again). */
const WAIT_MS = 120_000;

/**
 * Puts each lent folder back into the cache, in a process that may outlive the build: taken from where `former` says
 * it was in the site the build replaced, where the same files are there (takeFormer), else its files linked from
 * where `locate` says it is now (the published site; a failed build's staging folders). Nothing to do, nothing
 * started.
 */
export function restockLater(cacheDir: string, locate: (folder: LentFolder) => string, lent: readonly LentFolder[], former?: (folder: LentFolder) => string): void {
  if (lent.length === 0) return;
  const job: Job = { folders: lent.map((l) => ({ entry: l.entry, from: locate(l), files: l.files, ...(former ? { old: former(l) } : {}) })) };
  const path = join(cacheDir, JOB);
  writeWhole(path, JSON.stringify(job));
  const child = spawn(process.execPath, [fileURLToPath(import.meta.url), path], { stdio: 'ignore' });
  child.on('error', () => undefined);
  if (child.pid === undefined) return;
  // At the build's own priority, not below it: the next build counts on what it puts back by the time Astro is done
  // (restockUnderWay), and at the lowest priority, beside a build started right after, it ran 4–6 s past that
  // build's start instead of ~1 s.
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

/** The process's work: each folder put back (taken from the replaced site, else its files linked from the site), with its list; then its files removed. */
function runJob(path: string): void {
  const job = JSON.parse(readFileSync(path, 'utf8')) as Job;
  for (const folder of job.folders) {
    const partial = `${folder.entry}.${process.pid}-restock.partial`;
    if (folder.old !== undefined && takeFormer({ ...folder, old: folder.old }, partial)) continue;
    try {
      for (const d of new Set(['', ...folder.files.map((f) => dirname(f))])) mkdirSync(join(partial, d), { recursive: true });
      for (const f of folder.files) linkSync(join(folder.from, f), join(partial, f));
      enter(partial, folder.entry, folder.files);
    } catch {
      // A file gone from the site, or the entry made again meanwhile: this entry stays out; the next build makes it.
      rmSync(partial, { recursive: true, force: true });
    }
  }
  rmSync(path, { force: true });
  // The id last: a build waiting for this process sees it done once the id is gone (or the process is).
  rmSync(join(dirname(path), PID), { force: true });
}

/**
 * Puts an entry back by moving its folder out of the site the build replaced (set aside, to be removed), where it
 * usually is already: a plan unchanged since the build before has the same folder there, of the very same files
 * (the same inodes, lent and linked back each build). One rename, and the files the entry does not hold (the
 * compressed copies, the downloads) removed, as the removal of that site would have; where linking the entry
 * back from the published site made its ~75 folders again, and the removal of the old site removed as many (at 100
 * plans, ~7,500 of each, 2–4 s of CPU beside the next build). Only when every file the entry lists is, there,
 * the very file published (else false, nothing moved, and the entry is linked from the published site instead).
 */
function takeFormer({ entry, from, files, old }: { entry: string; from: string; files: readonly string[]; old: string }, partial: string): boolean {
  try {
    for (const f of files) {
      const [was, is] = [statSync(join(old, f)), statSync(join(from, f))];
      if (was.ino !== is.ino || was.dev !== is.dev) return false;
    }
  } catch {
    return false;
  }
  try {
    renameSync(old, partial);
    const kept = new Set(files.map((f) => normalize(f)));
    const folders = new Set(files.flatMap((f) => ancestors(normalize(f))));
    for (const found of readdirSync(partial, { recursive: true, withFileTypes: true })) {
      const rel = relative(partial, join(found.parentPath, found.name));
      // Forced: what was listed inside a folder removed just before is gone already.
      if (found.isDirectory() ? !folders.has(rel) : !kept.has(rel)) rmSync(join(partial, rel), { recursive: true, force: true });
    }
    enter(partial, entry, files);
    return true;
  } catch {
    rmSync(partial, { recursive: true, force: true });
    return false;
  }
}

/** A folder made whole at `partial` becomes the entry, with its list of files. */
function enter(partial: string, entry: string, files: readonly string[]): void {
  renameSync(partial, entry);
  writeFileList(entry, files);
}

/** The folders a relative file path lies in, e.g. items/16/index.html → items, items/16. */
function ancestors(file: string): string[] {
  const out: string[] = [];
  for (let d = dirname(file); d !== '.' && d !== ''; d = dirname(d)) out.push(d);
  return out;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) runJob(process.argv[2]!);
