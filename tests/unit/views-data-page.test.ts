/** The data page's view (src/views/data-page.ts): its excerpt and examples come from the plan shown. */
import { describe, expect, it } from 'vitest';
import { codeExamples, dataFileEntries, kib, planJsonExcerpt, sampleItem } from '../../src/views/data-page.ts';
import { readPlan as read } from '../support/read-plan.ts';

// Our own plan: the first item has no figure, the second has one; offices differ from any real plan's.
const plan = read(
  [
    '某市文化局2031年工作要点',
    '',
    '一、改进公共服务',
    '',
    '1.建设社区书屋。推动书屋向社区延伸。',
    '责任单位：公共服务处、财务处',
    '',
    '2.办好读书节。全年举办活动12场，覆盖率达到95%。',
    '责任单位：公共服务处、宣传处',
    '',
  ].join('\n'),
);

describe('data page view', () => {
  it('samples the first item with targets, and the excerpt holds it and its target', () => {
    expect(plan.targets.length).toBeGreaterThan(0);
    expect(sampleItem(plan).number).toBe(plan.targets[0]!.item);
    const { number, json } = planJsonExcerpt(plan, 'plan.txt');
    expect(number).toBe(sampleItem(plan).number);
    const parsed = JSON.parse(json) as { items: { number: number }[]; targets: { item: number }[] };
    expect(parsed.items.map((i) => i.number)).toEqual([number]);
    expect(parsed.targets.map((t) => t.item)).toEqual([number]);
  });

  it('samples the first item when no item has targets', () => {
    expect(sampleItem({ ...plan, targets: [] }).number).toBe(plan.items[0]!.number);
  });

  it('names the plan’s own leading office in the examples, and reads the given addresses', () => {
    const { js, py } = codeExamples(plan, (file) => `https://example.org/x/data/${file}`);
    expect(js).toContain('“公共服务处”牵头');
    expect(js).toContain('https://example.org/x/data/plan.json');
    expect(py).toContain('"公共服务处"');
    expect(py).toContain('https://example.org/x/data/responsibilities.csv');
  });

  it('lists every item instead where the plan names no offices', () => {
    const { js, py } = codeExamples({ ...plan, offices: [] }, (file) => file);
    expect(js).toContain('for (const item of plan.items)');
    expect(py).toContain('items.csv');
  });

  const texts = { 'plan.json': 'x'.repeat(3000), 'plan.schema.json': '{}', 'items.csv': '', 'offices.csv': '', 'responsibilities.csv': '' };

  it('gives each file’s size in whole KB of its UTF-8 bytes', () => {
    expect(kib('x'.repeat(3000))).toBe('3 KB');
    // Three bytes a character in UTF-8: 700 characters are 2100 bytes.
    expect(kib('书'.repeat(700))).toBe('2 KB');
  });

  it('lists the files about 责任单位 only for a plan that names offices', () => {
    expect(dataFileEntries(plan, texts).map((f) => f.name)).toEqual(['plan.json', 'plan.schema.json', 'items.csv', 'offices.csv', 'responsibilities.csv']);
    expect(dataFileEntries({ ...plan, offices: [] }, texts).map((f) => f.name)).toEqual(['plan.json', 'plan.schema.json', 'items.csv']);
    expect(dataFileEntries(plan, texts)[0]!.size).toBe('3 KB');
  });

  it('says what plan.json holds in the plan’s own words: its labels, its offices, its closing if any', () => {
    const what = dataFileEntries(plan, texts)[0]!.what;
    expect(what).toContain('各项工作（责任单位及其处室）');
    expect(what).toContain('、处室、');
    expect(what).not.toContain('结尾段');
    expect(dataFileEntries({ ...plan, offices: [] }, texts)[0]!.what).not.toContain('、处室、');
  });
});
