/**
 * 引用本条: the references the item pages offer, from real plans read by the parser (the seed, and fixtures
 * with a 发文字号, without a notice, with several 工作措施 paragraphs, and with numbering that restarts per section).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { citableParts, citationAround, citationText, itemLocator } from '../../src/lib/cite-passage.ts';
import { documentFacts } from '../../src/document/document-facts.ts';
import { parsePlan } from '../../src/plan/parse-plan.ts';
import type { Plan } from '../../src/plan/schema.ts';

function fixture(name: string): Plan {
  const dir = join('tests/fixtures', name);
  const options = existsSync(join(dir, 'options.json')) ? JSON.parse(readFileSync(join(dir, 'options.json'), 'utf8')) : {};
  const parsed = parsePlan(readFileSync(join(dir, 'input.txt'), 'utf8'), options);
  if (!parsed.ok) throw new Error(`${name} must parse`);
  return parsed.value;
}

const seed = fixture('real-plan');
const URL16 = 'https://plan.example.gov.cn/2020/items/16/';

describe('citing an item or a paragraph (GB/T 7714-2015, electronic resource)', () => {
  it('cites a paragraph of the seed, which has no 发文字号: signing bodies, title, item and paragraph, 成文日期, date of citing, URL with anchor', () => {
    const doc = documentFacts(seed);
    const item = seed.items.find((i) => i.id === '16')!;
    const measures = citableParts(seed, item).find((p) => p.anchor === 'm1')!;
    expect(citationText(doc, measures.locator, `${URL16}#m1`, '2025-01-02')).toBe(
      '湖南省教育厅, 中共湖南省委教育工作委员会. 湖南省教育厅 中共湖南省委教育工委 2020 年工作要点: 16.推进普通高中事业加快发展: 工作措施[EB/OL]. (2020-03-06)[2025-01-02]. https://plan.example.gov.cn/2020/items/16/#m1',
    );
  });

  it('puts the 发文字号 after the title, before the item, where the plan has one', () => {
    const plan = fixture('doc-number-and-signer');
    const doc = documentFacts(plan);
    expect(doc.docNumber).toBe('湘教发〔2020〕8号');
    const whole = citableParts(plan, plan.items[0]!)[0]!;
    expect(citationText(doc, whole.locator, 'https://x.gov.cn/2020/items/1/', '2025-01-02')).toBe(
      '湖南省教育厅, 中共湖南省委教育工作委员会. 湖南省教育厅 中共湖南省委教育工委 2020 年工作要点: 湘教发〔2020〕8号: 1.进一步健全党对教育工作全面领导的体制机制[EB/OL]. (2020-03-06)[2025-01-02]. https://x.gov.cn/2020/items/1/',
    );
  });

  it('without a covering notice, names the issuers of the title and gives no date but the date of citing', () => {
    const plan = fixture('no-notice');
    const doc = documentFacts(plan);
    expect(doc).toMatchObject({ authors: ['测试计划'], title: '测试计划 2021 年工作要点' });
    expect(doc).not.toHaveProperty('docNumber');
    expect(doc).not.toHaveProperty('isoDate');
    expect(citationText(doc, citableParts(plan, plan.items[0]!)[0]!.locator, 'https://x.gov.cn/2021/items/1/')).toBe(
      '测试计划. 测试计划 2021 年工作要点: 1.无通知[EB/OL]. [引用日期]. https://x.gov.cn/2021/items/1/',
    );
  });

  it('lists the item, then each paragraph under its printed label, numbered where a field has several, then 责任单位, each with its anchor', () => {
    const plan = fixture('several-measures-paragraphs');
    expect(citableParts(plan, plan.items[0]!).map((p) => [p.anchor, p.label])).toEqual([
      ['', '本条'],
      ['goals', '目标任务'],
      ['m1', '工作措施第1段'],
      ['m2', '工作措施第2段'],
      ['m3', '工作措施第3段'],
      ['units', '责任单位'],
    ]);
    expect(citableParts(plan, plan.items[0]!)[3]!.locator).toBe('1.多段措施: 工作措施第2段');
  });

  it('names unlabelled paragraphs 第N段, and an item numbered within its section after the section numeral', () => {
    const plan = fixture('numbering-restarts-per-section');
    const item = plan.items.find((i) => i.id === '2-1')!;
    expect(itemLocator(plan, item)).toBe(`二、1.${item.title}`);
    expect(citableParts(plan, item).map((p) => p.label)).toEqual(['本条', '第1段', '责任单位']);
    expect(citableParts(plan, item).map((p) => p.anchor)).toEqual(['', 'p1', 'units']);
  });

  it('splits the text around the date of citing, so a page can fill it in', () => {
    const doc = documentFacts(seed);
    const { before, after } = citationAround(doc, '1.进一步健全党对教育工作全面领导的体制机制', 'https://x/');
    expect(before.endsWith('(2020-03-06)[')).toBe(true);
    expect(after).toBe(']. https://x/');
    expect(`${before}2030-12-31${after}`).toBe(citationText(doc, '1.进一步健全党对教育工作全面领导的体制机制', 'https://x/', '2030-12-31'));
  });
});

describe('citable parts of the new families', () => {
  const planOf = (name: string) => {
    const result = parsePlan(readFileSync(join('tests/fixtures', name, 'input.txt'), 'utf8'));
    if (!result.ok) throw new Error(`${name}: ${result.problems[0]!.message}`);
    return result.value;
  };

  it('names 问题描述 and 完成时限 apart, with anchors of their own, the units between them as printed', () => {
    const plan = planOf('family-labelled-rectification-deadline');
    const item = plan.items[0]!;
    expect(item.source.units?.beforeField).toBe(2);
    const parts = citableParts(plan, item);
    expect(parts.map((p) => [p.anchor, p.label])).toEqual([
      ['', '本条'],
      ['p1', '问题描述'],
      ['m1', '整改措施'],
      ['units', '责任单位'],
      ['p2', '完成时限'],
    ]);
  });

  it('names both labels of a 牵头单位/配合单位 list', () => {
    const plan = planOf('family-labelled-lead-partner');
    const item = plan.items.find((i) => i.source.units?.partner)!;
    expect(citableParts(plan, item).at(-1)).toMatchObject({ anchor: 'units', label: '牵头单位、配合单位' });
  });
});
