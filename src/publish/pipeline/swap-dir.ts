/**
 * Replaces a folder by a freshly built one in two renames, so a failed build never leaves a half-built dist/.
 */
import { existsSync } from 'node:fs';
import { rename, rm } from 'node:fs/promises';

/**
 * Moves `staging` to `target`, removing the old `target` only once the new one is in place. With `keepOld`, the old
 * `target` is left at `old` for the caller to remove later (the build removes it while the next build works:
 * removing a 100-plan site's 33,000 files took 1.3–6.6 s at the end of a rebuild that is meant to take 10).
 */
export async function swapDir(staging: string, target: string, old = `${target}.old`, keepOld = false): Promise<void> {
  await rm(old, { recursive: true, force: true });
  if (existsSync(target)) await rename(target, old);
  await rename(staging, target);
  if (!keepOld) await rm(old, { recursive: true, force: true });
}
