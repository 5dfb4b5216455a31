import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { insertedPinyin } from '../../src/plan/inserted-pinyin.ts';
import { toSourceLines } from '../../src/plan/normalize.ts';
import { parsePlan } from '../../src/plan/parse-plan.ts';

describe('pinyin a page put between the characters', () => {
  it('refuses the first line that carries it, naming the syllables, in the ruby and the bracket forms', () => {
    for (const line of ['一、加jiā强qiáng党的建设', '一、加(jiā)强(qiáng)党的建设', '一、加（jiā）强（qiáng）党的建设']) {
      const [p, ...rest] = insertedPinyin(toSourceLines(`某某工作要点\n\n${line}\n`));
      expect(rest).toEqual([]);
      expect(p).toMatchObject({ line: 3, ruleId: 'pinyin-inserted' });
      expect(p!.message).toContain('“jiā”, “qiáng”');
      // The column points at the first syllable.
      expect([...line][p!.column - 1]).toBe('j');
    }
  });

  it('the refusal is the file’s only one: its headings are not then refused as missing (error-pinyin-inserted)', () => {
    const r = parsePlan(readFileSync('tests/fixtures/error-pinyin-inserted/input.txt', 'utf8'));
    expect(r.ok).toBe(false);
    expect(!r.ok && r.problems.map((p) => [p.ruleId, p.line])).toEqual([['pinyin-inserted', 5]]);
  });

  it('finds none in the seed or any fixture but its own, nor in one accented word beside Chinese text', () => {
    const root = 'tests/fixtures';
    const inputs = readdirSync(root).flatMap((d) => readdirSync(join(root, d)).filter((f) => f === 'input.txt').map((f) => join(root, d, f)));
    expect(inputs.length).toBeGreaterThan(50);
    const flagged = inputs.filter((f) => !f.includes('error-pinyin-inserted') && insertedPinyin(toSourceLines(readFileSync(f, 'utf8'))).length > 0);
    expect(flagged).toEqual([]);
    expect(insertedPinyin(toSourceLines('在Café咖啡馆举办活动。\n'))).toEqual([]);
  });
});
