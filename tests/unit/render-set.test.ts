/**
 * The render set (src/contract/render-set.ts): what the build tells Astro to render, written as one checked file
 * and read back as the same typed value; a build by hand renders every plan.
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { RENDER_ALL, RENDER_SET_FILE, readRenderSet, renders, writeRenderSet, type RenderSet } from '../../src/contract/render-set.ts';

const dir = mkdtempSync(join(tmpdir(), 'render-set-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the render set', () => {
  it('reads back what the build wrote, through the environment it returns', async () => {
    const set: RenderSet = { plans: ['2021', '2022'] };
    const env = writeRenderSet(join(dir, 'nested', 'set.json'), set);
    expect(Object.keys(env)).toEqual([RENDER_SET_FILE]);
    expect(readRenderSet(env)).toEqual(set);
  });

  it('renders every plan when no build named a file, as `astro build` by hand does', () => {
    expect(readRenderSet({})).toEqual(RENDER_ALL);
    expect(renders(readRenderSet({}), 'any-plan')).toBe(true);
  });

  it('renders only the plans it names, and none when it names none', () => {
    expect(renders({ plans: ['2021'] }, '2021')).toBe(true);
    expect(renders({ plans: ['2021'] }, '2020')).toBe(false);
    expect(renders({ plans: [] }, '2021')).toBe(false);
  });

  it('refuses a file that is not a render set, naming the file and the key', () => {
    const file = join(dir, 'bad.json');
    writeFileSync(file, JSON.stringify({ plans: '2021' }));
    expect(() => readRenderSet({ [RENDER_SET_FILE]: file })).toThrow(new RegExp(`${file.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&')}: not a render set.*plans`, 'su'));
  });

  it('refuses to write a set that names an empty plan id, so Astro never reads one', () => {
    expect(() => writeRenderSet(join(dir, 'never.json'), { plans: [''] })).toThrow();
    expect(existsSync(join(dir, 'never.json'))).toBe(false);
  });
});
