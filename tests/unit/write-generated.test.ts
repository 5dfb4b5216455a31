import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { writeGenerated } from '../../src/publish/content/write-generated.ts';

const roots: string[] = [];
afterEach(async () => {
  for (const root of roots.splice(0)) await rm(root, { recursive: true, force: true });
});

describe('writing generated content', () => {
  it('removes a plan that is no longer produced, its folders too (the archive reads every folder as a plan)', async () => {
    const root = await mkdtemp(join(tmpdir(), 'write-generated-'));
    roots.push(root);
    await writeGenerated(root, new Map([['plans/2020/plan.json', '{}'], ['plans/2020/items/1.mdx', 'a']]), ['plans']);
    const report = await writeGenerated(root, new Map([['plans/2024/plan.json', '{}']]), ['plans']);
    expect(report.removed.sort()).toEqual(['plans/2020/items/1.mdx', 'plans/2020/plan.json']);
    expect(await readdir(join(root, 'plans'))).toEqual(['2024']);
  });

  it('leaves unchanged files alone and keeps the managed folder itself', async () => {
    const root = await mkdtemp(join(tmpdir(), 'write-generated-'));
    roots.push(root);
    const files = new Map([['plans/2020/plan.json', '{}']]);
    await writeGenerated(root, files, ['plans']);
    const again = await writeGenerated(root, files, ['plans']);
    expect(again).toEqual({ written: [], unchanged: 1, removed: [] });
    const emptied = await writeGenerated(root, new Map(), ['plans']);
    expect(emptied.removed).toEqual(['plans/2020/plan.json']);
    expect(await readdir(join(root, 'plans'))).toEqual([]);
  });
});
