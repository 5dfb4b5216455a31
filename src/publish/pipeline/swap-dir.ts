/**
 * Replaces a folder by a freshly built one in two renames, so a failed build never leaves a half-built dist/.
 */
import { existsSync } from 'node:fs';
import { rename, rm } from 'node:fs/promises';

/** Moves `staging` to `target`, removing the old `target` only once the new one is in place. */
export async function swapDir(staging: string, target: string): Promise<void> {
  const old = `${target}.old`;
  await rm(old, { recursive: true, force: true });
  if (existsSync(target)) await rename(target, old);
  await rename(staging, target);
  await rm(old, { recursive: true, force: true });
}
