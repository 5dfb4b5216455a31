/**
 * Writes generated files so reruns are byte-identical and cheap: unchanged files are left alone,
 * files no longer produced are removed from the generated folders.
 */
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { eachBounded } from '../pipeline/bounded.ts';

/** Files compared (and written) at once. */
const FILES_AT_ONCE = 32;

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
  const paths = [...files.keys()];
  const wrote = new Set<string>();
  // A few at a time, not one after another: an archive's rebuild compares ~3,400 files, and waiting on each read
  // in turn was a second of its content step spent idle.
  await eachBounded(paths, FILES_AT_ONCE, async (path) => {
    const contents = files.get(path)!;
    const full = join(root, path);
    const old = await readFile(full, 'utf8').catch(() => undefined);
    if (old === contents) return;
    await mkdir(dirname(full), { recursive: true });
    // Written beside it and renamed: the dev server's content loader reloads a file as soon as it changes, and
    // reading one half written (a large plan.json) failed the reload with nothing left to trigger another.
    const partial = `${full}.${process.pid}.partial`;
    await writeFile(partial, contents);
    await rename(partial, full);
    wrote.add(path);
  });
  // In the order given, whatever order the writes finished in.
  report.written = paths.filter((p) => wrote.has(p));
  report.unchanged = paths.length - wrote.size;
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
