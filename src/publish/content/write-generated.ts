/**
 * Writes generated files so reruns are byte-identical and cheap: unchanged files are left alone,
 * files no longer produced are removed from the generated folders.
 */
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { eachBounded } from '../pipeline/bounded.ts';
import { listFiles } from '../pipeline/list-files.ts';

/** Files written at once. */
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

/**
 * Writes `files` (paths relative to `root`) and removes every other file under `root/<dir>` for each managed dir
 * but those `kept` names (files the caller knows are as they should be: content-manifest.ts), counted as unchanged.
 */
export async function writeGenerated(root: string, files: Map<string, string>, managedDirs: readonly string[], kept: ReadonlySet<string> = new Set()): Promise<WriteReport> {
  const report: WriteReport = { written: [], unchanged: 0, removed: [] };
  const paths = [...files.keys()];
  const wrote = new Set<string>();
  // Compared with synchronous reads: an archive's rebuild compares ~7,000 small files before anything else can start
  // (the build waits on this step), and a promise per read cost more than the read (100 plans: 0.85 s with reads
  // 32 at a time, ~0.1 s one after another without). Only the files that changed are written, a few at a time.
  const changed = paths.filter((path) => {
    try {
      return readFileSync(join(root, path), 'utf8') !== files.get(path);
    } catch {
      return true;
    }
  });
  await eachBounded(changed, FILES_AT_ONCE, async (path) => {
    const contents = files.get(path)!;
    const full = join(root, path);
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
  report.unchanged = paths.length - wrote.size + kept.size;
  for (const dir of managedDirs) {
    // A managed folder not made yet has nothing to remove.
    const listed = existsSync(join(root, dir)) ? listFiles(join(root, dir)) : [];
    for (const path of listed.map((f) => `${dir}/${f}`)) {
      if (!files.has(path) && !kept.has(path)) {
        await rm(join(root, path));
        report.removed.push(path);
      }
    }
    // A plan no longer produced leaves no folder behind: the archive reads every folder of content/plans as a plan.
    await removeEmptyFolders(join(root, dir));
  }
  return report;
}
