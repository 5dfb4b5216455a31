import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { allocatorSettingsToAdd, LEAN_ALLOCATORS, LEAN_V8_FLAGS, v8FlagsToAdd } from '../../src/publish/pipeline/lean-memory.ts';

const NAMES = Object.keys(LEAN_ALLOCATORS);
const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('V8’s flags', () => {
  it('adds each flag a process was not started with, and keeps a person’s own value', () => {
    expect(LEAN_V8_FLAGS.length).toBeGreaterThan(0);
    expect(v8FlagsToAdd([])).toEqual([...LEAN_V8_FLAGS]);
    expect(v8FlagsToAdd(['--max-semi-space-size=32', '--inspect'])).toEqual(LEAN_V8_FLAGS.filter((f) => !f.startsWith('--max-semi-space-size=')));
  });
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

  it('starts the process again in place with them and V8’s flags, its arguments and a person’s own value kept', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lean-allocators-'));
    made.push(dir);
    const script = join(dir, 'entry.ts');
    const module = resolve('src/publish/pipeline/lean-memory.ts');
    writeFileSync(
      script,
      `import { useLeanMemory } from ${JSON.stringify(module)};\n` +
        `const before = process.env.LEAN_TEST_PID ?? String(process.pid);\n` +
        `process.env.LEAN_TEST_PID = before;\n` +
        `useLeanMemory();\n` +
        `const names = ${JSON.stringify(NAMES)};\n` +
        `console.log(JSON.stringify({ same: before === String(process.pid), args: process.argv.slice(2), flags: process.execArgv, env: Object.fromEntries(names.map((n) => [n, process.env[n]])) }));\n`,
    );
    const env: NodeJS.ProcessEnv = { ...process.env, MALLOC_ARENA_MAX: '3' };
    for (const name of NAMES) if (name !== 'MALLOC_ARENA_MAX') delete env[name];
    const out = JSON.parse(execFileSync(process.execPath, [script, 'build', '--out', 'x y'], { env, encoding: 'utf8' }));
    expect(out.same).toBe(true);
    expect(out.args).toEqual(['build', '--out', 'x y']);
    expect(out.flags).toEqual(expect.arrayContaining([...LEAN_V8_FLAGS]));
    expect(out.env).toEqual({ ...LEAN_ALLOCATORS, MALLOC_ARENA_MAX: '3' });
  });
});
