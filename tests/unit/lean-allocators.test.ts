import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { allocatorSettingsToAdd, LEAN_ALLOCATORS } from '../../src/publish/pipeline/lean-allocators.ts';

const NAMES = Object.keys(LEAN_ALLOCATORS);
const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('the allocators’ settings', () => {
  it('adds every setting to an environment without them', () => {
    expect(NAMES.length).toBeGreaterThan(0);
    expect(allocatorSettingsToAdd({ PATH: '/usr/bin' })).toEqual(LEAN_ALLOCATORS);
  });

  it('keeps a value a person set and adds the others', () => {
    const own = { MALLOC_ARENA_MAX: '4' };
    const added = allocatorSettingsToAdd(own);
    expect(added).not.toHaveProperty('MALLOC_ARENA_MAX');
    expect(Object.keys(added).sort()).toEqual(NAMES.filter((n) => n !== 'MALLOC_ARENA_MAX').sort());
  });

  it('starts the process again in place with them, its arguments and a person’s own value kept', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lean-allocators-'));
    made.push(dir);
    const script = join(dir, 'entry.ts');
    const module = resolve('src/publish/pipeline/lean-allocators.ts');
    writeFileSync(
      script,
      `import { useLeanAllocators } from ${JSON.stringify(module)};\n` +
        `const before = process.env.LEAN_TEST_PID ?? String(process.pid);\n` +
        `process.env.LEAN_TEST_PID = before;\n` +
        `useLeanAllocators();\n` +
        `const names = ${JSON.stringify(NAMES)};\n` +
        `console.log(JSON.stringify({ same: before === String(process.pid), args: process.argv.slice(2), env: Object.fromEntries(names.map((n) => [n, process.env[n]])) }));\n`,
    );
    const env: NodeJS.ProcessEnv = { ...process.env, MALLOC_ARENA_MAX: '3' };
    for (const name of NAMES) if (name !== 'MALLOC_ARENA_MAX') delete env[name];
    const out = JSON.parse(execFileSync(process.execPath, [script, 'build', '--out', 'x y'], { env, encoding: 'utf8' }));
    expect(out.same).toBe(true);
    expect(out.args).toEqual(['build', '--out', 'x y']);
    expect(out.env).toEqual({ ...LEAN_ALLOCATORS, MALLOC_ARENA_MAX: '3' });
  });
});
