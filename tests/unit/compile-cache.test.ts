import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';

/** Runs a fresh Node that turns the cache on and starts a process of its own; returns what that process saw. */
function childSees(env: NodeJS.ProcessEnv): string {
  const module = pathToFileURL(resolve('src/publish/pipeline/compile-cache.ts')).href;
  const script = [
    `import { useCompileCache } from ${JSON.stringify(module)};`,
    `import { execFileSync } from 'node:child_process';`,
    'useCompileCache();',
    `process.stdout.write(execFileSync(process.execPath, ['-e', 'process.stdout.write(String(require("node:module").getCompileCacheDir()))'], { encoding: 'utf8' }));`,
  ].join('\n');
  return execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', env });
}

describe('useCompileCache', () => {
  it('turns Node’s compile cache on for the processes the build starts, in the folder NODE_COMPILE_CACHE names', () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'compile-cache-')), 'cache');
    const seen = childSees({ ...process.env, NODE_COMPILE_CACHE: dir });
    expect(seen.startsWith(dir)).toBe(true);
    // The processes wrote their compiled code there.
    expect(existsSync(dir) && readdirSync(dir, { recursive: true }).length > 0).toBe(true);
  });

  it('without NODE_COMPILE_CACHE, hands the started processes the folder Node chose', () => {
    const env = { ...process.env };
    delete env.NODE_COMPILE_CACHE;
    expect(childSees(env)).toMatch(/node-compile-cache/u);
  });
});
