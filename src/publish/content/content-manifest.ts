/**
 * What the build's content step wrote for each plan last time: the plan's key (its archive entry, its source's
 * path and the generator's code) and each of its files' size and modification time as written. A plan whose key is
 * unchanged and whose files are all still as written is not generated, compared or checked again: at 100 plans,
 * after one plan changed, generating every plan's pages (~0.4 s), reading every file back to compare (~0.35 s) and
 * checking every entry against the schema (~0.27 s) came before Astro could be told what to render. A file that
 * changed since it was written (its size or time differ, or it is gone) makes its plan's files generated and
 * compared again, so a file edited in place is written back; an edit that kept both the size and the time, which
 * editors and copies do not make, would not be seen (the trust git's index places in them). A file whose time a
 * coarse file system may have given a later rewrite too is compared again all the same (RACY_MS).
 * Kept in the build's output cache (removing the cache removes it); `npm run content` and the dev server, which
 * have no cache, write every plan as before.
 */
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import type { ArchiveEntry } from '../../config/archive-entry.ts';
import { contentKey } from '../cache/output-cache.ts';

/** One file as written: its size in bytes and its modification time (ms). */
const WrittenFile = z.tuple([z.number(), z.number()]);

const ManifestSchema = z.object({
  /** When it was written (ms since the epoch). */
  at: z.number(),
  plans: z.record(z.string(), z.object({ key: z.string(), files: z.record(z.string(), WrittenFile) })),
});

/** Each plan's key and its files (paths relative to content/, `/`-separated) as written. */
export type ContentManifest = z.infer<typeof ManifestSchema>;

/** The manifest in `file`; an empty one when there is none or it cannot be read (every plan is then written). */
export function readManifest(file: string): ContentManifest {
  try {
    return ManifestSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
  } catch {
    return { at: 0, plans: {} };
  }
}

/**
 * How long before the manifest was written a file's time must be for its size and time to vouch for its bytes, on a
 * file system that keeps times to the second (or two, FAT's): there a file rewritten just after it was recorded could
 * keep the same time (git's "racily clean" files), so such a file is compared again next build. A time with a
 * fraction of a second shows a file system that keeps finer times (ext4's and most others' nanoseconds), where a
 * rewrite gets a time of its own: trusted at once, so that the first rebuild after a cold build compares nothing.
 */
const RACY_MS = 2000;

/** Whether a file's recorded time `mtime` may hide a rewrite made after the record written at `at` (RACY_MS). */
const racy = (mtime: number, at: number) => mtime % 1000 === 0 && mtime >= at - RACY_MS;

/** Writes the manifest of `plans` (after the files it describes are written). */
export function writeManifest(file: string, plans: ContentManifest['plans']): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify({ at: Date.now(), plans } satisfies ContentManifest));
}

/**
 * A plan's key: what its generated files are made from. `code`: the generator's code version (code-version.ts),
 * which covers the schema the entry is checked with, so an unchanged key means an entry checked before.
 */
export function planKey(code: string, entry: ArchiveEntry, sourcePath: string): string {
  return contentKey([
    ['code', code],
    ['source', sourcePath],
    ['entry', JSON.stringify(entry)],
  ]);
}

/** Each of `paths` (relative to `contentDir`) as it is on disk now: size and modification time. */
export function filesAsWritten(contentDir: string, paths: Iterable<string>): Record<string, [number, number]> {
  const files: Record<string, [number, number]> = {};
  for (const path of paths) {
    const s = statSync(join(contentDir, path));
    files[path] = [s.size, s.mtimeMs];
  }
  return files;
}

/**
 * Whether every file recorded is on disk as it was written (same size and time), none of them racily (RACY_MS) for
 * the manifest written at `at`.
 */
export function stillAsWritten(contentDir: string, files: Readonly<Record<string, readonly [number, number]>>, at: number): boolean {
  const paths = Object.keys(files);
  if (paths.length === 0) return false;
  return paths.every((path) => {
    const [size, mtime] = files[path]!;
    const s = statSync(join(contentDir, path), { throwIfNoEntry: false });
    return s !== undefined && s.size === size && s.mtimeMs === mtime && !racy(mtime, at);
  });
}
