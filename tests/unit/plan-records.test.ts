/**
 * The plans' records as a build's pages get them (src/integrations/plan-records.ts): read from content/plans/ when
 * the pages are rendered, keyed and ordered as Vite's glob keys them in `astro dev`, each record as parsed JSON.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { recordsReadAtRender } from '../../src/integrations/plan-records.ts';

/** Writes the build's module for `dir` to a file and imports it, as the pages' bundle would. */
async function load(dir: string): Promise<Record<string, unknown>> {
  const file = join(mkdtempSync(join(tmpdir(), 'plan-records-')), 'records.mjs');
  writeFileSync(file, recordsReadAtRender(dir));
  return ((await import(pathToFileURL(file).href)) as { default: Record<string, unknown> }).default;
}

describe('the plans’ records in a build', () => {
  it('are every content/plans/<id>/plan.json, by path from the project’s root, in the glob’s order, as parsed', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'content-')), 'plans');
    const records = { '2021': { id: '2021', plan: { title: '某某厅2021年工作要点' } }, '2020': { id: '2020', note: '</script>' } };
    for (const [id, record] of Object.entries(records)) {
      mkdirSync(join(dir, id, 'items'), { recursive: true });
      writeFileSync(join(dir, id, 'plan.json'), JSON.stringify(record, null, 2));
    }
    // A folder without a record, and a stray file: the glob finds neither.
    mkdirSync(join(dir, 'draft'));
    writeFileSync(join(dir, 'notes.txt'), '');
    const read = await load(dir);
    expect(Object.keys(read)).toEqual(['/content/plans/2020/plan.json', '/content/plans/2021/plan.json']);
    expect(read).toEqual({ '/content/plans/2020/plan.json': records['2020'], '/content/plans/2021/plan.json': records['2021'] });
  });

  it('are none when content/plans does not exist', async () => {
    expect(await load(join(tmpdir(), 'no-such-content', 'plans'))).toEqual({});
  });
});
