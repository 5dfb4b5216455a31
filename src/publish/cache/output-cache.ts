/**
 * The build's output cache: a PDF, a zip or a compressed file is stored under a content key, the SHA-256 of
 * exactly what it derives from (its input bytes, the code that makes it, the tools' versions), and a later build
 * whose key comes out the same copies it instead of making it again. A change in any input gives another key,
 * so a stale output can only come from a key that leaves an input out: each step lists its inputs next to the
 * code that uses them (official-pdf.ts, print-pdf.ts, offline-bundle.ts, precompress.ts).
 *
 * Hand-written rather than a library: what is needed is a content-addressed folder (a hash, a link, a rename);
 * cache packages on npm (cacache, flat-cache) add an index, integrity streams and memoisation this does not use.
 *
 * Entries are hard-linked in and out, not copied: a 100-plan archive's rebuild places ~45,000 files, and copying
 * them was most of its system time (one plan changed: 33.7 s copied, 21.2 s linked). A link shares the file with
 * dist/, so a file of dist/ edited in place (by a deploy script, a test) would change the entry too; every entry is
 * therefore sealed when stored: its modification time is set to the second it was stored plus a fixed fraction
 * (SEAL_NS), which a write, taking the clock's time, leaves only by a one-in-a-million chance. The seal survives a
 * copy that keeps files' times (`cp -a`, `tar`, a CI cache), so a cache moved between machines is still used; an
 * entry found unsealed was written since it was stored (or copied without its times) and is removed and made
 * again, never placed (`altered` counts them for the log). Where the file system cannot keep the seal (times in
 * whole seconds) or cannot link, entries are copied as before and need no seal.
 */
import { createHash } from 'node:crypto';
import { constants, copyFileSync, existsSync, linkSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, type BigIntStats } from 'node:fs';
import { copyFile, mkdir, readdir, readFile, rename, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { eachBounded } from '../pipeline/bounded.ts';
import { writeWhole } from '../../lib/write-whole.ts';

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

/** Files sealed at once by storeFolder: small files, so the limit is the file system's, not the CPU's. */
const COPIES_AT_ONCE = 64;

/**
 * The files under `dir`, relative to it, leaving out what is under a top-level name in `leaveOut`. One synchronous
 * call: hasFolder() lists every plan's pages before Astro can be told what to render (it says why that way).
 */
function filesUnder(dir: string, leaveOut: ReadonlySet<string> = new Set()): string[] {
  const entries = readdirSync(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)))
    .filter((f) => !leaveOut.has(f.split(sep)[0]!));
}

/**
 * What a folder entry's list of files is called, beside it (`<key>.files.json`): written when the folder is stored
 * (storeFolder, restock.ts), so checking an entry reads one small file instead of listing the folder (at 100 plans,
 * listing the unchanged plans' pages took ~0.65 s before Astro could be told what to render). Each listed file is
 * still checked to be there and sealed; a file added to a folder inside the cache is not looked for. An entry
 * without a list (stored by an earlier build) is listed.
 */
export const FILE_LIST = '.files.json';

/** The stored list of a folder entry's files, or undefined when there is none (or it cannot be read). */
function listedFiles(entry: string): string[] | undefined {
  try {
    const list = JSON.parse(readFileSync(`${entry}${FILE_LIST}`, 'utf8')) as unknown;
    return Array.isArray(list) && list.every((f) => typeof f === 'string') ? list : undefined;
  } catch {
    return undefined;
  }
}

/** Writes a folder entry's list of files beside it, whole. */
export function writeFileList(entry: string, files: readonly string[]): void {
  writeWhole(`${entry}${FILE_LIST}`, JSON.stringify(files));
}

/** How entries go in and out of the cache: hard-linked (and sealed), or copied where links cannot be guarded. */
type Placing = 'link' | 'copy';

/** Errors of link() that mean "not here" (another device, no links on this file system, too many links): copy. */
const CANNOT_LINK = new Set(['EXDEV', 'EPERM', 'EMLINK', 'ENOTSUP', 'EOPNOTSUPP']);

/**
 * Puts the file `from` at `to` (replacing a file there): a hard link, or a copy where that is the way. A link is one
 * quick call, made synchronously: placeTree() and copyOut() place thousands of small files, and a promise each went
 * through libuv's pool of four threads, shared with the PDFs' and the index's reads (staging 99 unchanged plans'
 * pages and compressed copies, ~7,500 and ~30,000 links, took 6–8 s that way while the build's thread sat idle,
 * past the end of Astro's render). A copy, where links cannot be, may be of a large file (a zip): place() makes it
 * off the thread.
 */
function placeSync(how: Placing, from: string, to: string): void {
  if (how === 'copy') return copyFileSync(from, to, constants.COPYFILE_FICLONE);
  try {
    linkSync(from, to);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? '';
    if (code === 'EEXIST') {
      rmSync(to, { force: true });
      return placeSync(how, from, to);
    }
    if (CANNOT_LINK.has(code)) return copyFileSync(from, to, constants.COPYFILE_FICLONE);
    throw error;
  }
}

/** placeSync(), with a copy made off the build's thread (a single output, maybe a large one). */
async function place(how: Placing, from: string, to: string): Promise<void> {
  if (how === 'copy') return copyFile(from, to, constants.COPYFILE_FICLONE);
  placeSync(how, from, to);
}

/**
 * The seal's fraction of a second, in nanoseconds: whole milliseconds, so a copy that keeps times only to the
 * millisecond (Node's fs.cp) keeps it too; utimes() takes seconds as a double, exact to ~0.3 µs at today's dates.
 */
const SEAL_NS = 318_000_000n;
const SEAL_TOLERANCE_NS = 1_000n;

/** Marks an entry as stored (see the module's comment): its modification time the present second + SEAL_NS. */
async function seal(path: string): Promise<void> {
  const now = Date.now() / 1000;
  await utimes(path, now, Math.floor(now) + Number(SEAL_NS) / 1e9);
}

/** Whether an entry (its stat, in nanoseconds) still holds what was stored: sealed, and so never written since. */
function sealed(s: BigIntStats): boolean {
  const fraction = s.mtimeNs % 1_000_000_000n;
  const off = fraction > SEAL_NS ? fraction - SEAL_NS : SEAL_NS - fraction;
  return off < SEAL_TOLERANCE_NS;
}

/**
 * Places every file under `from` at the same path under `to` (folders made as needed, files there already kept
 * or replaced). Not fs.cp: it copies one file after another, and restoring a hundred plans' pages with it took
 * longer than rendering them.
 */
function placeTree(how: Placing, from: string, to: string, files: readonly string[]): void {
  for (const d of new Set(['', ...files.map((f) => dirname(f))])) mkdirSync(join(to, d), { recursive: true });
  for (const f of files) placeSync(how, join(from, f), join(to, f));
}

/** A folder entry moved into the site, and its files. */
export interface LentFolder {
  entry: string;
  /** Where it was moved. */
  dest: string;
  /** Where it is in the site once published, relative to the site's folder. */
  at: string;
  files: readonly string[];
}

/** The outputs one key stands for: file name suffix in the cache → where the output goes. */
export type CachedFiles = Readonly<Record<string, string>>;

/**
 * A cache folder. Entries are `<dir>/<kind>/<key><suffix>`; an output made of several files (a .br and a .gz)
 * uses one suffix per file. Entries are linked in and out and sealed (the module's comment says why and how).
 */
export class OutputCache {
  readonly dir: string;
  /** Every file entry this build used or stored, so prune() keeps exactly those. */
  private readonly used = new Set<string>();
  /** Every folder entry this build used or stored (restoreFolder, storeFolder), kept whole by prune(). */
  private readonly usedFolders = new Set<string>();
  private stores = 0;
  /** Folder entries checked whole by hasFolder() this build: their files, for restoreFolder(). */
  private readonly checkedFolders = new Map<string, string[]>();
  /** Folder entries moved out into the site by takeFolder(), to be put back once the site is published (restock.ts). */
  private readonly lent: LentFolder[] = [];
  private placing: Promise<Placing> | undefined;
  /** Entries found written since they were stored, removed to be made again; for the build's log. */
  altered = 0;

  /** Whether takeFolder() may move entries into the site: only for a build that puts them back (restock.ts) once published. */
  private readonly lends: boolean;

  constructor(dir = CACHE_DIR, options: { lends?: boolean } = {}) {
    this.dir = dir;
    this.lends = options.lends ?? false;
  }

  /** Linked where the cache's file system keeps a seal (a probe file is sealed and read back), else copied; asked once. */
  private how(): Promise<Placing> {
    this.placing ??= (async (): Promise<Placing> => {
      await mkdir(this.dir, { recursive: true });
      const probe = this.partial(join(this.dir, 'seal-probe'));
      await writeFile(probe, '');
      try {
        await seal(probe);
        return sealed(await stat(probe, { bigint: true })) ? 'link' : 'copy';
      } finally {
        await rm(probe, { force: true });
      }
    })();
    return this.placing;
  }

  /**
   * Whether the entry file at `path` is there and may be placed `how` the cache places; an altered one is removed
   * (and counted). Synchronous, as placeSync is: copyOut() asks it of thousands of files.
   */
  private usable(path: string, how: Placing): boolean {
    const s = statSync(path, { bigint: true, throwIfNoEntry: false });
    if (!s?.isFile()) return false;
    if (how === 'copy' || sealed(s)) return true;
    this.altered += 1;
    rmSync(path, { force: true });
    return false;
  }

  /** Puts `src` in the cache at `to`: placed at a temporary name, sealed, and renamed, so a build killed midway never leaves half an entry that a later build would take for whole. */
  private async putFile(src: string, to: string): Promise<void> {
    const how = await this.how();
    const partial = this.partial(to);
    await place(how, src, partial);
    if (how === 'link') await seal(partial);
    await rename(partial, to);
  }

  /** A temporary name beside `to`, unique per call (two stores may run at once); renamed to `to` once written whole. */
  private partial(to: string): string {
    return `${to}.${process.pid}-${(this.stores += 1)}.partial`;
  }

  private entry(kind: string, key: string, suffix: string): string {
    return join(this.dir, kind, `${key}${suffix}`);
  }

  /** Places the outputs stored under `key`; false (and nothing placed) unless every one is there, unaltered. */
  async restore(kind: string, key: string, files: CachedFiles): Promise<boolean> {
    const entries = Object.entries(files).map(([suffix, dest]) => [this.entry(kind, key, suffix), dest] as const);
    const how = await this.how();
    // Every entry checked (each altered one removed), not only up to the first missing.
    const present = entries.map(([from]) => this.usable(from, how));
    if (!present.every(Boolean)) return false;
    for (const [from, dest] of entries) {
      await mkdir(dirname(dest), { recursive: true });
      await place(how, from, dest);
      this.used.add(from);
    }
    return true;
  }

  /** Stores the outputs just made under `key` (putFile: whole or not at all). */
  async store(kind: string, key: string, files: CachedFiles): Promise<void> {
    await mkdir(join(this.dir, kind), { recursive: true });
    for (const [suffix, src] of Object.entries(files)) {
      const to = this.entry(kind, key, suffix);
      await this.putFile(src, to);
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
   * Places the outputs stored under `key`, as restore() does, one after another: for callers that restore
   * thousands of files whose entries a manifest of their own says are stored. False when one is missing or
   * altered (those before it may have been placed: the caller makes them all again).
   */
  async copyOut(kind: string, key: string, files: CachedFiles): Promise<boolean> {
    const how = await this.how();
    // Synchronous calls, as placeTree's (placeSync says why).
    for (const [suffix, dest] of Object.entries(files)) {
      const from = this.entry(kind, key, suffix);
      if (!this.usable(from, how)) return false;
      placeSync(how, from, dest);
      this.used.add(from);
    }
    return true;
  }

  /** Keeps the entry under `key` (made by bytes()) through prune(), though this build did not read it. */
  keep(kind: string, key: string): void {
    this.used.add(this.entry(kind, key, ''));
  }

  /**
   * Whether a folder is stored under `key` (see storeFolder) with every file of it unaltered; a folder with an
   * altered file is removed whole (and counted once), to be made again.
   *
   * Listed and checked with synchronous calls: the build asks this of every plan's pages before Astro can be told
   * what to render, when nothing else is waiting for the thread, and a promise per file cost more than the stat
   * itself (100 plans' ~7,600 files: 0.8 s with a promise each, 0.3 s without).
   */
  async hasFolder(kind: string, key: string): Promise<boolean> {
    const path = join(this.dir, kind, key);
    if (this.checkedFolders.has(path)) return true;
    if (!(await stat(path).then((s) => s.isDirectory(), () => false))) return false;
    const files = listedFiles(path) ?? filesUnder(path);
    const how = await this.how();
    // Each file there (the list is the stored one), and in a linking cache still sealed.
    const whole = files.every((f) => {
      const s = statSync(join(path, f), { bigint: true, throwIfNoEntry: false });
      return s?.isFile() && (how === 'copy' || sealed(s));
    });
    if (!whole) {
      this.altered += 1;
      await rm(path, { recursive: true, force: true });
      return false;
    }
    this.checkedFolders.set(path, files);
    return true;
  }

  /** The files (relative paths) of the folder under `key`, as hasFolder() found them whole; undefined before that. */
  checkedFiles(kind: string, key: string): readonly string[] | undefined {
    const path = join(this.dir, kind, key);
    return this.checkedFolders.get(path) ?? this.lent.find((l) => l.entry === path)?.files;
  }

  /**
   * Places the folder stored under `key` into `dest` (merged into what is there); false if there is none (or it
   * was altered). A folder entry is for an output of many files (a plan's pages), which one suffix per file cannot name.
   */
  async restoreFolder(kind: string, key: string, dest: string): Promise<boolean> {
    const from = join(this.dir, kind, key);
    if (!(await this.hasFolder(kind, key))) return false;
    placeTree(await this.how(), from, dest, this.checkedFolders.get(from)!);
    this.usedFolders.add(from);
    return true;
  }

  /**
   * Puts the folder stored under `key` at `dest` (a folder not there yet, `at` in the site once published): moved
   * where this cache lends (takeFolder), else its files linked (restoreFolder); false if there is none (or it was altered).
   */
  async placeFolder(kind: string, key: string, dest: string, at: string): Promise<boolean> {
    if (!(await this.hasFolder(kind, key))) return false;
    return (await this.takeFolder(kind, key, dest, at)) || (await this.restoreFolder(kind, key, dest));
  }

  /**
   * Moves the folder stored under `key` to `dest` (which must not exist) instead of linking its files there: one
   * rename, where placing a plan's pages made ~75 folders and linked ~145 files, and at 100 plans the folders alone
   * (mkdir waits on the file system's journal) took 1.5–2.6 s of a rebuild. The entry leaves the cache; its files
   * are the site's now, and restock.ts puts them back into the cache once the build is done (from the site it
   * replaced, or linked from the published site, under `at`: the folder's path in the site). False, and nothing
   * moved, unless the cache lends (its build restocks), hasFolder() found the entry whole, and the cache links (a
   * copied entry is not the site's files).
   */
  async takeFolder(kind: string, key: string, dest: string, at: string): Promise<boolean> {
    const from = this.folderEntry(kind, key);
    const files = this.checkedFolders.get(from);
    if (!this.lends || !files || (await this.how()) !== 'link') return false;
    await mkdir(dirname(dest), { recursive: true });
    try {
      renameSync(from, dest);
    } catch (error) {
      // Another file system (EXDEV), or `dest` there already: the files are linked in instead.
      if (['EXDEV', 'EEXIST', 'ENOTEMPTY', 'EPERM'].includes((error as NodeJS.ErrnoException).code ?? '')) return false;
      throw error;
    }
    // Its list of files goes too: the entry is out of the cache until restock.ts puts it back, list and all.
    rmSync(`${from}${FILE_LIST}`, { force: true });
    this.checkedFolders.delete(from);
    this.lent.push({ entry: from, dest, at, files });
    return true;
  }

  /** Where the folder entry under `key` is (LentFolder.entry names entries so). */
  folderEntry(kind: string, key: string): string {
    return join(this.dir, kind, key);
  }

  /** The folder entries takeFolder() moved into the site this build (restock.ts puts them back). */
  lentFolders(): readonly LentFolder[] {
    return this.lent;
  }

  /**
   * Stores a copy of the folder `src` under `key`: copied to a temporary name and renamed whole, so a build
   * killed midway never leaves half a folder that a later build would take for the whole. What is under a
   * top-level name in `leaveOut` is not stored (the site's plan folders, stored apart from the archive's own pages).
   */
  async storeFolder(kind: string, key: string, src: string, leaveOut?: ReadonlySet<string>): Promise<void> {
    const to = join(this.dir, kind, key);
    const partial = this.partial(to);
    const how = await this.how();
    const files = filesUnder(src, leaveOut);
    placeTree(how, src, partial, files);
    if (how === 'link') await eachBounded(files, COPIES_AT_ONCE, (f) => seal(join(partial, f)));
    await rm(to, { recursive: true, force: true });
    this.checkedFolders.delete(to);
    await rename(partial, to);
    writeFileList(to, files);
    this.usedFolders.add(to);
  }

  /**
   * Removes every entry this build neither used nor stored (and any partial file or folder), so the cache holds
   * one build's outputs and never grows. Called only after a build that succeeded: a failed build keeps the cache
   * as it was. Entries sit one level under their kind, and a folder entry is written and used whole, so the cache
   * is listed two levels deep and a folder entry removed whole: listing and checking every file of an archive's
   * cache (52,000 at 100 plans) took 1–2 s of each rebuild. With `aside` (a folder on the same file system), the
   * entries are moved there for the caller to remove after the build (remove-aside.ts), not removed.
   */
  async prune(aside?: string): Promise<number> {
    const kinds = (await readdir(this.dir, { withFileTypes: true }).catch(() => [])).filter((e) => e.isDirectory());
    let removed = 0;
    for (const kind of kinds) {
      const entries = await readdir(join(this.dir, kind.name), { withFileTypes: true });
      const all = entries.map((e) => ({ name: e.name, path: join(this.dir, kind.name, e.name), folder: e.isDirectory() }));
      // A folder entry's list of files (FILE_LIST) goes with its folder, kept or removed with it, and counted with it.
      const folders = new Set(all.filter((e) => e.folder).map((e) => e.name));
      const listOfFolder = (e: { name: string; folder: boolean }) => !e.folder && e.name.endsWith(FILE_LIST) && folders.has(e.name.slice(0, -FILE_LIST.length));
      const stale = all.filter((e) => !listOfFolder(e) && !(e.folder ? this.usedFolders : this.used).has(e.path));
      const moves = stale.flatMap((e) => (e.folder && existsSync(`${e.path}${FILE_LIST}`) ? [e, { ...e, name: `${e.name}${FILE_LIST}`, path: `${e.path}${FILE_LIST}`, folder: false }] : [e]));
      if (aside && moves.length > 0) {
        // One rename each, in one synchronous run: at 100 plans, one plan changed leaves ~7,700 stale entries,
        // whose removal (a plan's pages are ~140 files) took ~1 s at the end of the build.
        mkdirSync(join(aside, kind.name), { recursive: true });
        for (const e of moves) renameSync(e.path, join(aside, kind.name, e.name));
      } else await eachBounded(moves, REMOVALS_AT_ONCE, (e) => rm(e.path, { recursive: true, force: true }));
      removed += stale.length;
    }
    return removed;
  }
}
