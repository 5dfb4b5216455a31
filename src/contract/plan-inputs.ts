/**
 * Where the plans come from, from the environment: PLAN_FILE (one plan file), else PLANS_DIR (one folder per
 * plan), else seeds/. A module of its own, with no import, so that the build can name its inputs before it loads
 * the reader (src/publish/cache/input-stamp.ts).
 */

/** The folder of plan folders the site is built from unless PLANS_DIR or PLAN_FILE says otherwise. */
export const DEFAULT_PLANS_DIR = 'seeds';

/** Where the plans come from: $PLAN_FILE (one file), else $PLANS_DIR, else seeds/. */
export function planInputs(env: Record<string, string | undefined> = process.env): { kind: 'file'; path: string } | { kind: 'dir'; path: string } {
  if (env.PLAN_FILE) return { kind: 'file', path: env.PLAN_FILE };
  return { kind: 'dir', path: env.PLANS_DIR || DEFAULT_PLANS_DIR };
}
