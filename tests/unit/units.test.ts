/**
 * The checks an assembly makes before it trusts a unit (src/publish/pipeline/units.ts): each refusal is located at
 * the unit's manifest or file, names its rule, and says what to do; units that match the archive pass.
 */
import { describe, expect, it } from 'vitest';
import { inUnit, UNIT_FORMAT, unitFileProblems, unitProblems, type FoundUnit, type UnitManifest } from '../../src/publish/pipeline/units.ts';

const target = { site: 'https://plan.example.gov.cn', base: '/plans/' };
const keys = new Map([
  ['2021', 'k2021'],
  ['2020', 'k2020'],
]);
const manifest = (plan: string, over: Partial<UnitManifest> = {}): UnitManifest => ({ format: UNIT_FORMAT, plan, key: `k${plan}`, target, files: { [`${plan}/index.html`]: 'h1' }, ...over });
const unit = (dir: string, m: UnitManifest | { error: string }): FoundUnit => ({ dir, manifest: m });

describe('unitProblems', () => {
  it('passes one unit per plan of the archive, built from the same inputs for the same address', () => {
    expect(unitProblems([unit('u/2021', manifest('2021')), unit('u/2020', manifest('2020'))], { keys, target })).toEqual([]);
  });

  it('refuses a stale unit at its manifest, saying how to rebuild it', () => {
    const problems = unitProblems([unit('u/2021', manifest('2021', { key: 'old' })), unit('u/2020', manifest('2020'))], { keys, target });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^u\/2021\/unit\.json:1:1: unit-stale: .*node scripts\/unit\.ts build 2021/u);
  });

  it('refuses a unit built for another address before comparing keys', () => {
    const problems = unitProblems([unit('u/2021', manifest('2021', { target: { ...target, base: '/' } })), unit('u/2020', manifest('2020'))], { keys, target });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^u\/2021\/unit\.json:1:1: unit-target: .*built for https:\/\/plan\.example\.gov\.cn\/, this assembly for https:\/\/plan\.example\.gov\.cn\/plans\//u);
  });

  it('refuses a plan the archive does not hold, a plan given twice, a missing plan and an unreadable manifest', () => {
    const problems = unitProblems(
      [unit('a/2021', manifest('2021')), unit('b/2021', manifest('2021')), unit('u/1999', manifest('1999')), unit('u/x', { error: 'not JSON' }), unit('u/old', manifest('2020', { format: 'plan-unit/0' }))],
      { keys, target },
    );
    expect(problems.map((p) => p.split(': ')[1])).toEqual(['unit-duplicate', 'unit-unknown-plan', 'unit-unreadable', 'unit-format', 'unit-missing']);
    expect(problems[4]).toContain('plan “2020”');
  });
});

describe('unitFileProblems', () => {
  it('passes a unit whose files are those its manifest lists', () => {
    expect(unitFileProblems('u/2021', manifest('2021'), new Map([['2021/index.html', 'h1']]))).toEqual([]);
  });

  it('names a changed, a missing, an unlisted and a foreign file at their paths', () => {
    const m = manifest('2021', { files: { '2021/index.html': 'h1', '2021/full/index.html': 'h2', '2020/index.html': 'h3' } });
    const problems = unitFileProblems('u/2021', m, new Map([['2021/index.html', 'changed'], ['2021/extra.html', 'h4']]));
    expect(problems).toEqual([
      expect.stringMatching(/^u\/2021\/site\/2021\/index\.html:1:1: unit-damaged: .*differ/u),
      expect.stringMatching(/^u\/2021\/site\/2021\/full\/index\.html:1:1: unit-damaged: .*missing/u),
      expect.stringMatching(/^u\/2021\/unit\.json:1:1: unit-foreign-file: 2020\/index\.html/u),
      expect.stringMatching(/^u\/2021\/site\/2021\/extra\.html:1:1: unit-damaged: .*not in the unit's manifest/u),
    ]);
  });
});

describe('inUnit', () => {
  it('gives a plan its own folder and its own index, and nothing of another plan with a longer id', () => {
    expect(inUnit('2020', '2020/items/3/index.html')).toBe(true);
    expect(inUnit('2020', 'pagefind/2020/pagefind.js')).toBe(true);
    expect(inUnit('2020', 'pagefind/plans.json')).toBe(false);
    expect(inUnit('2020', '2020-2/index.html')).toBe(false);
    expect(inUnit('2020', 'pagefind/2020-2/pagefind.js')).toBe(false);
    expect(inUnit('2020', 'index.html')).toBe(false);
  });
});
