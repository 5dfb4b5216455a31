import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { inputStamp, recordStamp, unchangedSinceLastBuild } from '../../src/publish/cache/input-stamp.ts';

let root: string;
let stampFile: string;

/** A project with a source file, a config and one plan folder. */
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'input-stamp-'));
  mkdirSync(join(root, 'src'), { recursive: true });
  mkdirSync(join(root, 'plans', 'p1'), { recursive: true });
  writeFileSync(join(root, 'src', 'page.ts'), 'export const a = 1;\n');
  writeFileSync(join(root, 'astro.config.mjs'), 'export default {};\n');
  writeFileSync(join(root, 'plans', 'p1', 'plan.txt'), '一、总体要求\n');
  stampFile = join(root, '.build', 'cache', 'input-stamp');
});

afterEach(() => {
  rmSync(root, { recursive: true, force: true });
});

const env = { PLANS_DIR: 'plans' };

describe('inputStamp', () => {
  it('is the same when nothing changed, and is found to be the last build’s once recorded', () => {
    const stamp = inputStamp(env, root);
    expect(stamp).toMatch(/^[0-9a-f]{64}$/u);
    expect(inputStamp(env, root)).toBe(stamp);
    expect(unchangedSinceLastBuild(stamp, stampFile)).toBe(false);
    recordStamp(stamp, stampFile);
    expect(unchangedSinceLastBuild(stamp, stampFile)).toBe(true);
    expect(unchangedSinceLastBuild(inputStamp(env, root), stampFile)).toBe(true);
  });

  // Each change, made to a fresh project, must change the stamp.
  const changes: [string, () => Record<string, string>][] = [
    ['a plan’s text', () => (writeFileSync(join(root, 'plans', 'p1', 'plan.txt'), '一、总体要求。\n'), env)],
    ['a plan added', () => (mkdirSync(join(root, 'plans', 'p2')), writeFileSync(join(root, 'plans', 'p2', 'plan.txt'), '一\n'), env)],
    ['a source file’s time only', () => (utimesSync(join(root, 'src', 'page.ts'), new Date(2001, 0, 1), new Date(2001, 0, 1)), env)],
    ['the config removed', () => (rmSync(join(root, 'astro.config.mjs')), env)],
    ['the site’s address', () => ({ ...env, SITE_URL: 'https://www.example.gov.cn' })],
    ['the base path', () => ({ ...env, BASE_PATH: '/plans/' })],
    ['another plans folder', () => ({ PLANS_DIR: 'plans/p1' })],
    ['one plan file named instead', () => ({ PLAN_FILE: join('plans', 'p1', 'plan.txt') })],
  ];
  it.each(changes)('changes with %s', (_what, change) => {
    const before = inputStamp(env, root);
    expect(inputStamp(change(), root)).not.toBe(before);
  });

  it('does not change with files the build writes (its content folder, its cache, the site)', () => {
    const before = inputStamp(env, root);
    for (const folder of ['content', '.build', 'dist']) {
      mkdirSync(join(root, folder), { recursive: true });
      writeFileSync(join(root, folder, 'x.json'), '{}');
    }
    recordStamp(before, stampFile);
    expect(inputStamp(env, root)).toBe(before);
  });
});
