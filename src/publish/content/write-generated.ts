/**
 * Writes generated files so reruns are byte-identical and cheap: unchanged files are left alone,
 * files no longer produced are removed from the generated folders.
 */
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';

/** What a write changed, for the report. */
export interface WriteReport {
  written: string[];
  unchanged: number;
  removed: string[];
}

/** Removes the folders under `dir` (not `dir` itself) left empty, deepest first. */
async function removeEmptyFolders(dir: string): Promise<void> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true }).catch(() => []);
  const folders = entries.filter((e) => e.isDirectory()).map((e) => join(e.parentPath, e.name));
  // Deepest first, so a folder whose only content was an empty folder goes too.
  for (const folder of folders.sort((a, b) => b.length - a.length)) {
    if ((await readdir(folder)).length === 0) await rm(folder, { recursive: true });
  }
}

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true }).catch(() => []);
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

/**
 * Writes `files` (paths relative to `root`) and removes every other file under `root/<dir>` for each managed dir.
 */
export async function writeGenerated(root: string, files: Map<string, string>, managedDirs: readonly string[]): Promise<WriteReport> {
  const report: WriteReport = { written: [], unchanged: 0, removed: [] };
  for (const [path, contents] of files) {
    const full = join(root, path);
    const old = await readFile(full, 'utf8').catch(() => undefined);
    if (old === contents) {
      report.unchanged += 1;
      continue;
    }
    await mkdir(dirname(full), { recursive: true });
    // Written beside it and renamed: the dev server's content loader reloads a file as soon as it changes, and
    // reading one half written (a large plan.json) failed the reload with nothing left to trigger another.
    const partial = `${full}.${process.pid}.partial`;
    await writeFile(partial, contents);
    await rename(partial, full);
    report.written.push(path);
  }
  for (const dir of managedDirs) {
    for (const full of await listFiles(join(root, dir))) {
      const path = relative(root, full);
      if (!files.has(path)) {
        await rm(full);
        report.removed.push(path);
      }
    }
    // A plan no longer produced leaves no folder behind: the archive reads every folder of content/plans as a plan.
    await removeEmptyFolders(join(root, dir));
  }
  return report;
}
