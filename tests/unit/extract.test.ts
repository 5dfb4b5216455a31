import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractTargets } from '../../src/plan/extract.ts';
import { parsePlan } from '../../src/plan/parse-plan.ts';
import type { Item } from '../../src/plan/schema.ts';
import { SEED_FILE, SEED_OPTIONS } from '../support/seed.ts';

const seed = parsePlan(readFileSync(SEED_FILE, 'utf8'), SEED_OPTIONS);
if (!seed.ok) throw new Error('seed must parse');
const plan = seed.value;

function item(goals: string, measures = '措施。'): Item {
  return {
    number: 1,
    id: '1',
    title: '标题',
    section: 1,
    fields: [
      { kind: 'goals', label: '目标任务：', labelOwnLine: false, paragraphs: [goals] },
      { kind: 'measures', label: '工作措施：', labelOwnLine: false, paragraphs: [measures] },
    ],
    responsible: { units: [{ name: '办公室', kind: 'office', office: 'bangongshi', lead: true }], etc: false, trailing: '' },
    source: { numberText: '1.', headline: 'line', titleEnd: '', units: { label: '责任单位：', style: 'line', open: '', close: '', labelOwnLine: false }, pos: { line: 1, column: 1 } },
  };
}

describe('extractTargets', () => {
  it('finds percentages, counts with units, money and limits', () => {
    const texts = extractTargets([item('达到93%，控制在 5%以内，95%以上，降至15%以下，学位 25 万个，芙蓉学校 37 所，提高至1000元。')]).map((t) => [t.text, t.kind]);
    expect(texts).toEqual([
      ['93%', 'percent'],
      ['5%以内', 'percent'],
      ['95%以上', 'percent'],
      ['15%以下', 'percent'],
      ['25 万个', 'count'],
      ['37 所', 'count'],
      ['1000元', 'money'],
    ]);
  });

  it('ignores years, ranges, versions and product names', () => {
    expect(extractTargets([item('2020 年、2019-2022年、信息化 2.0、1+X 证书、5G、“111”基地、10 年总结。')])).toEqual([]);
  });

  it('records offsets in code points that point at the target text', () => {
    const [t] = extractTargets([item('𠀀达到93%')]);
    expect([...'𠀀达到93%'].slice(t!.start, t!.end).join('')).toBe('93%');
  });

  it('finds the targets of the 2020 plan the issue names', () => {
    const texts = plan.targets.map((t) => `${t.item}:${t.text}`);
    expect(texts).toEqual(expect.arrayContaining(['16:93%', '14:25 万个', '16:1000元', '15:5%以内', '17:95%以上', '16:15%以下', '15:37 所']));
  });

  it('gives each target its clause as context', () => {
    expect(plan.targets.find((t) => t.text === '93%')!.context).toBe('2020年全省高中阶段毛入学率达到93%');
  });
});
