/**
 * Removes folders in a process of its own, at a low CPU priority, while the build goes on, and after it if need be.
 *
 * Why not fs.rm in the build's process: it runs on libuv's pool of four threads, which every file read, copy and
 * compression of the build shares. Removing the site a 100-plan build replaced (33,000 files) there held back the
 * reads of the content step that starts each build: 3.7 s alone, 8–10 s beside the removal.
 *
 * Why sites set aside under a name of their own (asideName), not one name: the build publishes without waiting
 * for the last site's removal (at 100 plans it waited up to 3.7 s for it, a fifth of a rebuild), so the site it
 * replaces cannot go where that removal may still be running. Each build removes every site set aside before it.
 */
import { spawn } from 'node:child_process';
import { readdir } from 'node:fs/promises';
import { setPriority, constants } from 'node:os';
import { join } from 'node:path';

/**
 * The removal the child runs: coreutils' `rm -rf`, which removed a 100-plan site (52,600 files, 8,500 folders) with
 * 1.3 s of CPU where Node's fs.rmSync took 2.3 s (measured idle on the build machine; it runs beside the next build,
 * which wants the same cores). Where there is no `rm`, Node's own recursive removal, the same as fs.rm.
 */
const RM: readonly [string, string[]] = ['rm', ['-rf', '--']];
const NODE_RM: readonly [string, string[]] = [process.execPath, ['-e', 'for (const path of process.argv.slice(1)) require("node:fs").rmSync(path, { recursive: true, force: true })']];

/**
 * Removes `paths` (those that exist) in a child process; resolves when they are gone, or when the removal failed.
 * With `outlive`, the build's process may end first and leave the child to finish.
 */
export function removeAside(paths: string | readonly string[], outlive = false): Promise<{ removed: boolean }> {
  const all = typeof paths === 'string' ? [paths] : paths;
  if (all.length === 0) return Promise.resolve({ removed: true });
  return removeWith(RM, all, outlive).then((result) => result ?? removeWith(NODE_RM, all, outlive).then((r) => r ?? { removed: false }));
}

/** Runs the removal `[command, args]` on `paths` at a low priority; undefined when the command cannot be started. */
function removeWith([command, args]: readonly [string, string[]], paths: readonly string[], outlive: boolean): Promise<{ removed: boolean } | undefined> {
  return new Promise((done) => {
    const child = spawn(command, [...args, ...paths], { stdio: 'ignore' });
    // Below the build's own work; a system that refuses the lower priority just runs it at the same one.
    try {
      if (child.pid !== undefined) setPriority(child.pid, constants.priority.PRIORITY_LOW);
    } catch {
      // Keep the default priority.
    }
    if (outlive) child.unref();
    child.on('error', () => done(undefined));
    child.on('exit', (code) => done({ removed: code === 0 }));
  });
}

/**
 * What a folder set aside in `dir` is called: ASIDE, then the time, the process and a count, so no two builds, nor
 * two folders of one build, pick one name.
 */
const ASIDE = 'dist-old';
let asides = 0;

/** A new name in `dir` for a folder a build sets aside: the site it replaces, the cache entries it no longer needs. */
export function asideName(dir: string): string {
  asides += 1;
  return join(dir, `${ASIDE}-${Date.now()}-${process.pid}-${asides}`);
}

/** Removes every folder set aside in `dir` (see asideName; and the single name earlier builds used), outliving the build. */
export async function removeSetAside(dir: string): Promise<{ removed: boolean }> {
  const names = await readdir(dir).catch(() => [] as string[]);
  return removeAside(
    names.filter((n) => n === ASIDE || n.startsWith(`${ASIDE}-`)).map((n) => join(dir, n)),
    true,
  );
}
