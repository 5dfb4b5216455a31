/**
 * The build's output cache: a PDF, a zip or a compressed file is stored under a content key, the SHA-256 of
 * exactly what it derives from (its input bytes, the code that makes it, the tools' versions), and a later build
 * whose key comes out the same copies it instead of making it again. A change in any input gives another key,
 * so a stale output can only come from a key that leaves an input out: each step lists its inputs next to the
 * code that uses them (official-pdf.ts, print-pdf.ts, offline-bundle.ts, precompress.ts).
 *
 * Hand-written rather than a library: what is needed is a content-addressed folder (a hash, a copy, a rename);
 * cache packages on npm (cacache, flat-cache) add an index, integrity streams and memoisation this does not use.
 */
import { createHash } from 'node:crypto';
import { constants } from 'node:fs';
import { copyFile, mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { eachBounded } from '../pipeline/bounded.ts';

/** Where the cache lives: outside the staging folder, which every build empties. */
export const CACHE_DIR = '.build/cache';

/** One input of an output: a label saying what it is, and its value. */
export type KeyPart = readonly [label: string, value: string | Uint8Array];

/**
 * The content key of an output: SHA-256 over its labelled inputs, in order. Each label and value is preceded by
 * its length, so moving bytes from one part to the next, or relabelling a part, gives another key.
 * @example contentKey([['plan', '{"title":"…"}'], ['code', 'ab12…']]) // '3f9c…' (64 hex digits)
 */
export function contentKey(parts: readonly KeyPart[]): string {
  const hash = createHash('sha256');
  const field = (value: string | Uint8Array) => {
    const bytes = typeof value === 'string' ? Buffer.from(value, 'utf8') : value;
    hash.update(`${bytes.length}:`);
    hash.update(bytes);
  };
  for (const [label, value] of parts) {
    field(label);
    field(value);
  }
  return hash.digest('hex');
}

/** Stale entries removed at once by prune(); a folder entry is a plan's pages (~140 files). */
const REMOVALS_AT_ONCE = 16;

/** Files copied at once by copyTree: small files, so the limit is the file system's, not the CPU's. */
const COPIES_AT_ONCE = 64;

/**
 * Copies every file under `from` into `to` (folders made as needed, files there already kept or overwritten);
 * files under a top-level name in `leaveOut` are not copied. Not fs.cp: it copies one file after another, and
 * restoring a hundred plans' pages with it took longer than rendering them.
 */
async function copyTree(from: string, to: string, leaveOut: ReadonlySet<string> = new Set()): Promise<void> {
  const entries = await readdir(from, { recursive: true, withFileTypes: true });
  const files = entries
    .filter((e) => e.isFile())
    .map((e) => relative(from, join(e.parentPath, e.name)))
    .filter((f) => !leaveOut.has(f.split(sep)[0]!));
  for (const d of new Set(['', ...files.map((f) => dirname(f))])) await mkdir(join(to, d), { recursive: true });
  await eachBounded(files, COPIES_AT_ONCE, (f) => copyFile(join(from, f), join(to, f), constants.COPYFILE_FICLONE));
}

/** The outputs one key stands for: file name suffix in the cache → where the output goes. */
export type CachedFiles = Readonly<Record<string, string>>;

/**
 * A cache folder. Entries are `<dir>/<kind>/<key><suffix>`; an output made of several files (a .br and a .gz)
 * uses one suffix per file. Entries are copied in and out, never linked: a file of dist/ edited in place
 * (by a deploy script, a test) can then never change what a later build copies.
 */
export class OutputCache {
  readonly dir: string;
  /** Every file entry this build used or stored, so prune() keeps exactly those. */
  private readonly used = new Set<string>();
  /** Every folder entry this build used or stored (restoreFolder, storeFolder), kept whole by prune(). */
  private readonly usedFolders = new Set<string>();
  private stores = 0;

  constructor(dir = CACHE_DIR) {
    this.dir = dir;
  }

  /** A temporary name beside `to`, unique per call (two stores may run at once); renamed to `to` once written whole. */
  private partial(to: string): string {
    return `${to}.${process.pid}-${(this.stores += 1)}.partial`;
  }

  private entry(kind: string, key: string, suffix: string): string {
    return join(this.dir, kind, `${key}${suffix}`);
  }

  /** Copies the outputs stored under `key` into place; false (and nothing copied) unless every one is there. */
  async restore(kind: string, key: string, files: CachedFiles): Promise<boolean> {
    const entries = Object.entries(files).map(([suffix, dest]) => [this.entry(kind, key, suffix), dest] as const);
    const present = await Promise.all(entries.map(([from]) => stat(from).then((s) => s.isFile(), () => false)));
    if (!present.every(Boolean)) return false;
    for (const [from, dest] of entries) {
      await mkdir(dirname(dest), { recursive: true });
      // A reflink where the file system has them, else a plain copy.
      await copyFile(from, dest, constants.COPYFILE_FICLONE);
      this.used.add(from);
    }
    return true;
  }

  /** Stores the outputs just made under `key`; each is copied to a temporary name and renamed, so a build killed midway never leaves half a file that a later build would take for whole. */
  async store(kind: string, key: string, files: CachedFiles): Promise<void> {
    await mkdir(join(this.dir, kind), { recursive: true });
    for (const [suffix, src] of Object.entries(files)) {
      const to = this.entry(kind, key, suffix);
      // Unique per call: two files with the same bytes may be stored at once.
      const partial = this.partial(to);
      await copyFile(src, partial, constants.COPYFILE_FICLONE);
      await rename(partial, to);
      this.used.add(to);
    }
  }

  /**
   * Restores the outputs of `key`, or runs `make` (which writes them where `files` says) and stores them.
   * Returns whether they were reused.
   */
  async through(kind: string, key: string, files: CachedFiles, make: () => Promise<unknown>): Promise<boolean> {
    if (await this.restore(kind, key, files)) return true;
    await make();
    await this.store(kind, key, files);
    return false;
  }

  /**
   * The bytes stored under `key`, or those `make` returns, stored for the next build: for an output that is
   * used in memory (a page rewritten for the offline zip) rather than written somewhere.
   */
  async bytes(kind: string, key: string, make: () => Uint8Array | Promise<Uint8Array>): Promise<{ bytes: Uint8Array; reused: boolean }> {
    const path = this.entry(kind, key, '');
    const found = await readFile(path).catch(() => undefined);
    if (found) {
      this.used.add(path);
      return { bytes: found, reused: true };
    }
    const made = await make();
    await mkdir(join(this.dir, kind), { recursive: true });
    const partial = this.partial(path);
    await writeFile(partial, made);
    await rename(partial, path);
    this.used.add(path);
    return { bytes: made, reused: false };
  }

  /** The bytes stored under `key` by bytes() or put(), or undefined; kept through prune() when found. */
  async get(kind: string, key: string): Promise<Uint8Array | undefined> {
    const path = this.entry(kind, key, '');
    const found = await readFile(path).catch(() => undefined);
    if (found) this.used.add(path);
    return found;
  }

  /** Stores `bytes` under `key` (written to a temporary name and renamed, as store() does), for get(). */
  async put(kind: string, key: string, bytes: Uint8Array): Promise<void> {
    const path = this.entry(kind, key, '');
    await mkdir(join(this.dir, kind), { recursive: true });
    const partial = this.partial(path);
    await writeFile(partial, bytes);
    await rename(partial, path);
    this.used.add(path);
  }

  /**
   * Copies the outputs stored under `key` into place, as restore() does, but without first checking that each is
   * there: for callers that restore thousands of files whose entries a manifest of their own says are stored.
   * False when one is missing (those before it may have been copied: the caller makes them all again).
   */
  async copyOut(kind: string, key: string, files: CachedFiles): Promise<boolean> {
    for (const [suffix, dest] of Object.entries(files)) {
      const from = this.entry(kind, key, suffix);
      try {
        await copyFile(from, dest, constants.COPYFILE_FICLONE);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
        throw error;
      }
      this.used.add(from);
    }
    return true;
  }

  /** Keeps the entry under `key` (made by bytes()) through prune(), though this build did not read it. */
  keep(kind: string, key: string): void {
    this.used.add(this.entry(kind, key, ''));
  }

  /** Whether a folder is stored under `key` (see storeFolder). */
  async hasFolder(kind: string, key: string): Promise<boolean> {
    return stat(join(this.dir, kind, key)).then((s) => s.isDirectory(), () => false);
  }

  /**
   * Copies the folder stored under `key` into `dest` (merged into what is there); false if there is none.
   * A folder entry is for an output of many files (a plan's pages), which one suffix per file cannot name.
   */
  async restoreFolder(kind: string, key: string, dest: string): Promise<boolean> {
    const from = join(this.dir, kind, key);
    if (!(await this.hasFolder(kind, key))) return false;
    await copyTree(from, dest);
    this.usedFolders.add(from);
    return true;
  }

  /**
   * Stores a copy of the folder `src` under `key`: copied to a temporary name and renamed whole, so a build
   * killed midway never leaves half a folder that a later build would take for the whole. What is under a
   * top-level name in `leaveOut` is not stored (the site's plan folders, stored apart from the archive's own pages).
   */
  async storeFolder(kind: string, key: string, src: string, leaveOut?: ReadonlySet<string>): Promise<void> {
    const to = join(this.dir, kind, key);
    const partial = this.partial(to);
    await copyTree(src, partial, leaveOut);
    await rm(to, { recursive: true, force: true });
    await rename(partial, to);
    this.usedFolders.add(to);
  }

  /**
   * Removes every entry this build neither used nor stored (and any partial file or folder), so the cache holds
   * one build's outputs and never grows. Called only after a build that succeeded: a failed build keeps the cache
   * as it was. Entries sit one level under their kind, and a folder entry is written and used whole, so the cache
   * is listed two levels deep and a folder entry removed whole: listing and checking every file of an archive's
   * cache (52,000 at 100 plans) took 1–2 s of each rebuild.
   */
  async prune(): Promise<number> {
    const kinds = (await readdir(this.dir, { withFileTypes: true }).catch(() => [])).filter((e) => e.isDirectory());
    let removed = 0;
    for (const kind of kinds) {
      const entries = await readdir(join(this.dir, kind.name), { withFileTypes: true });
      const stale = entries.map((e) => ({ path: join(this.dir, kind.name, e.name), folder: e.isDirectory() })).filter((e) => !(e.folder ? this.usedFolders : this.used).has(e.path));
      await eachBounded(stale, REMOVALS_AT_ONCE, (e) => rm(e.path, { recursive: true, force: true }));
      removed += stale.length;
    }
    return removed;
  }
}
