/**
 * The families of the genre's body read into the one model (issue 20 point 3): each behaviour checked on the
 * fixture written for it, against what its input text says.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { lookOf } from '../../src/plan/classify.ts';
import { parsePlan } from '../../src/plan/parse-plan.ts';
import { SectionSchema, type Plan } from '../../src/plan/schema.ts';
import { planToText } from '../../src/plan/to-text.ts';
import { LABEL_WORDS } from '../../src/plan/vocabulary.ts';
import { isGroupEntry } from '../../src/plan/offices.ts';

const input = (name: string) => readFileSync(`tests/fixtures/${name}/input.txt`, 'utf8');
function read(name: string) {
  const result = parsePlan(input(name));
  if (!result.ok) throw new Error(result.problems.map((p) => p.message).join('\n'));
  return result;
}
const plan = (name: string): Plan => read(name).value;
const inputLines = (name: string) => input(name).split('\n').filter((l) => l.trim() !== '');

describe('labels', () => {
  it('reads every label word of the genre, in either script, with a full-width or ASCII colon', () => {
    const words = Object.keys(LABEL_WORDS);
    expect(words.length).toBeGreaterThan(20);
    for (const word of words) {
      for (const colon of ['：', ':']) {
        const look = lookOf(`${word}${colon}办公室`);
        expect(look, word).toMatchObject({ kind: 'label', label: `${word}${colon}`, rest: '办公室' });
      }
    }
  });

  it('reads 工作目标 as goals, 主要任务 as measures and keeps 责任处室 as printed', () => {
    const p = plan('family-labelled-work-goals');
    expect(p.items.length).toBeGreaterThan(4);
    for (const item of p.items) {
      expect(item.fields.map((f) => [f.kind, f.label.slice(0, 4)])).toEqual([['goals', '工作目标'], ['measures', '主要任务']]);
      expect(item.source.units?.label).toBe('责任处室：');
    }
    // The one ASCII colon of the input is kept as printed.
    expect(input('family-labelled-work-goals')).toContain('工作目标:');
    expect(p.items.some((i) => i.fields[0]!.label === '工作目标:')).toBe(true);
  });

  it('keeps 问题描述 and a 完成时限 printed below the 责任单位 as labelled text fields, in their printed order', () => {
    const name = 'family-labelled-rectification-deadline';
    const p = plan(name);
    expect(p.items.length).toBeGreaterThan(4);
    for (const item of p.items) {
      expect(item.fields[0]).toMatchObject({ kind: 'text', label: '问题描述：' });
      const deadline = item.fields.findIndex((f) => f.label === '完成时限：');
      expect(deadline).toBeGreaterThan(0);
      expect(item.source.units?.beforeField).toBe(deadline);
    }
    const text = planToText(p);
    expect(text.indexOf('责任单位：机关党委')).toBeLessThan(text.indexOf('完成时限：2023年5月底前'));
  });
});

describe('heading forms', () => {
  it('reads a section heading ending in one 。, but not a paragraph that starts with 一、 and runs on', () => {
    expect(lookOf('一、加强党的建设。')).toMatchObject({ kind: 'section', number: 1, title: '加强党的建设。' });
    expect(lookOf('二、 推进教育公平')).toMatchObject({ kind: 'section', number: 2, title: '推进教育公平' });
    expect(lookOf('一、加强党的建设。坚持党的全面领导。').kind).toBe('text');
    expect(lookOf('一、加强党的建设；推进教育公平。').kind).toBe('text');
  });

  it('reads （一） and (一) as subsections and 1 . as a numbered heading', () => {
    expect(lookOf('（一）指导思想')).toMatchObject({ kind: 'subsection', number: 1 });
    expect(lookOf('(二)基本原则')).toMatchObject({ kind: 'subsection', number: 2 });
    expect(lookOf('3 .加强安全管理')).toMatchObject({ kind: 'numbered', number: 3, numberText: '3 .' });
  });
});

describe('牵头单位 and 配合单位', () => {
  for (const name of ['family-labelled-lead-partner', 'family-numbered-lead-partner-parentheses']) {
    it(`${name}: one list per item, the leads first and marked lead, the partners after, each as printed`, () => {
      const p = plan(name);
      const withPartner = p.items.filter((i) => i.source.units?.partner);
      expect(withPartner.length).toBeGreaterThan(4);
      for (const item of withPartner) {
        const { from, label } = item.source.units!.partner!;
        expect(label).toBe('配合单位：');
        expect(item.responsible!.units.slice(0, from).every((u) => u.lead)).toBe(true);
        expect(item.responsible!.units.slice(from).every((u) => !u.lead)).toBe(true);
        const printedPartners = item.responsible!.units.slice(from).map((u) => u.name).join('、');
        expect(input(name)).toContain(`配合单位：${printedPartners}`);
      }
    });
  }

  it('marks every unit of a 牵头单位 list without partners as a lead', () => {
    const p = plan('family-numbered-lead-partner-parentheses');
    const alone = p.items.filter((i) => i.source.units?.label === '牵头单位：' && !i.source.units.partner);
    expect(alone.length).toBeGreaterThan(0);
    for (const item of alone) expect(item.responsible!.units.every((u) => u.lead)).toBe(true);
  });
});

describe('collective entries', () => {
  it('reads 各… and …科室 entries as groups in either script, and named offices as offices', () => {
    for (const name of ['各县区教育局', '各科室', '相关处室', '相關處室', '各直屬單位']) expect(isGroupEntry(name), name).toBe(true);
    for (const name of ['办公室', '督导室', '人事科', '教研室', '機關黨委']) expect(isGroupEntry(name), name).toBe(false);
  });

  it('reads a closing paragraph’s 牵头单位 line and the 配合单位 line below it as one list', () => {
    const text = ['临川市教育局2023年工作要点', '2023年全市教育工作坚持稳中求进。', '一、加强党的建设', '1.健全党建工作责任体系。制定年度党建工作要点。', '牵头单位：机关党委', '2.深化理论武装。组织专题学习。', '牵头单位：宣传科', '在完成上述工作的同时，各单位要统筹做好其他工作。', '牵头单位：办公室', '配合单位：各科室'].join('\n\n');
    const result = parsePlan(text);
    if (!result.ok) throw new Error(result.problems.map((p) => p.message).join('\n'));
    const closing = result.value.closing!;
    expect(closing.responsible.units.map((u) => [u.name, u.kind, u.lead])).toEqual([['办公室', 'office', true], ['各科室', 'group', false]]);
    expect(closing.units.partner).toEqual({ from: 1, separator: '', label: '配合单位：', ownLine: true });
    expect(planToText(result.value).trimEnd().split('\n').slice(-2)).toEqual(['牵头单位：办公室', '配合单位：各科室']);
  });
});

describe('traditional characters', () => {
  for (const [simplified, traditional] of [
    ['family-labelled-lead-partner', 'family-labelled-lead-partner-traditional'],
    ['family-no-sections', 'family-no-sections-traditional'],
    ['family-headings-full-stop', 'family-headings-full-stop-traditional'],
    ['family-prose-first-section', 'family-prose-first-section-traditional'],
    ['family-numbered-ascii-punctuation', 'family-numbered-ascii-punctuation-traditional'],
  ] as const) {
    it(`${traditional} reads into the same structure as ${simplified}, its words as printed`, () => {
      const a = plan(simplified);
      const b = plan(traditional);
      const shape = (p: Plan) => ({
        sections: p.sections.map((s) => [s.items.length, s.intro?.length ?? 0, s.implicit ?? false]),
        items: p.items.map((i) => [i.id, i.fields.map((f) => f.kind), i.responsible?.units.map((u) => u.lead), i.source.units?.partner?.from]),
      });
      expect(a.items.length).toBeGreaterThan(4);
      expect(shape(b)).toEqual(shape(a));
      expect(b.title).not.toBe(a.title);
      expect(input(traditional)).toContain(b.items[0]!.title);
    });
  }
});

describe('layouts', () => {
  it('reads numbered paragraphs with no section headings as one implicit section with no printed heading', () => {
    for (const name of ['family-no-sections', 'family-no-sections-no-units', 'family-no-sections-traditional']) {
      const result = read(name);
      const numbered = inputLines(name).filter((l) => /^[0-9０-９]+[.．]/u.test(l));
      expect(numbered.length, name).toBeGreaterThan(4);
      expect(result.value.sections).toEqual([{ number: 1, numeral: '', separator: '', title: '', implicit: true, items: numbered.map((_, k) => k + 1) }]);
      expect(result.report.body.implicitSection).toBe(true);
      expect(planToText(result.value)).not.toMatch(/^\n/mu);
    }
  });

  it('reads a short plan of （一） paragraphs with no section headings as one implicit section of （一） items', () => {
    const name = 'family-no-sections-subsection-items';
    const result = read(name);
    const headings = inputLines(name).filter((l) => lookOf(l).kind === 'subsection');
    expect(headings.length).toBeGreaterThan(4);
    expect(result.value.sections).toHaveLength(1);
    expect(result.value.sections[0]!.implicit).toBe(true);
    expect(result.value.items.map((i) => i.source.numberText)).toEqual(headings.map((l) => l.slice(0, 3)));
    expect(result.report.body.itemLevel).toBe('subsection');
  });

  it('keeps a first section of prose as its own paragraphs, its （一） headings among them, before sections of items', () => {
    const p = plan('family-prose-first-section');
    const first = p.sections[0]!;
    expect(first.title).toBe('总体要求');
    expect(first.items).toEqual([]);
    expect(first.intro).toContain('（一）指导思想');
    expect(first.subsections).toBeUndefined();
    expect(p.sections.slice(1, -1).every((s) => s.items.length > 0)).toBe(true);
    expect(p.sections.at(-1)).toMatchObject({ title: '保障措施', items: [] });
  });

  it('keeps a first section of numbered prose (1.指导思想。…) as prose, and numbers the items after it from 1', () => {
    const p = plan('family-prose-first-section-numbered');
    expect(p.sections[0]!.intro).toEqual(inputLines('family-prose-first-section-numbered').filter((l) => /^[12]\.(指导思想|工作目标)/u.test(l)));
    expect(p.items[0]!.id).toBe('1');
    expect(p.items.every((i) => i.responsible)).toBe(true);
  });

  it('keeps a prose first section’s （一） as prose where the plan’s items are （一） paragraphs that name 责任单位', () => {
    const result = read('family-prose-first-section-subsection-items');
    expect(result.report.body.itemLevel).toBe('subsection');
    const p = result.value;
    expect(p.sections[0]).toMatchObject({ title: '总体要求', items: [] });
    expect(p.sections[0]!.intro).toEqual(['（一）指导思想', expect.stringMatching(/^坚持/u), '（二）工作目标', expect.stringMatching(/^全年/u)]);
    const itemLines = inputLines('family-prose-first-section-subsection-items').filter((l) => /（(责任|牵头)单位：/u.test(l));
    expect(itemLines.length).toBeGreaterThan(4);
    expect(p.items.length).toBe(itemLines.length);
    expect(p.items.every((i) => i.responsible)).toBe(true);
  });

  it('reads the （一） subsections of a prose plan as items without 责任单位, and its requirements as prose', () => {
    const result = read('family-prose-plan-subsection-items');
    expect(result.report.body.itemLevel).toBe('subsection');
    const p = result.value;
    const subsectionLines = inputLines('family-prose-plan-subsection-items').filter((l) => l.startsWith('（') && lookOf(l).kind === 'subsection');
    const proseLines = p.sections.flatMap((s) => s.intro ?? []).filter((l) => l.startsWith('（'));
    expect(p.items.length).toBe(subsectionLines.length - proseLines.length);
    expect(p.items.length).toBeGreaterThan(4);
    expect(p.items.every((i) => !i.responsible)).toBe(true);
    expect(p.sections.filter((s) => s.items.length === 0).map((s) => s.title)).toEqual(['总体要求', '保障措施']);
  });

  it('reads three levels with numbers running through the plan or restarting under each subsection', () => {
    const running = read('family-three-levels-running');
    const restarting = read('family-three-levels-restarting');
    expect(running.report.body).toMatchObject({ subsections: true, numbering: 'continuous' });
    expect(restarting.report.body).toMatchObject({ subsections: true, numbering: 'per-subsection' });
    expect(restarting.value.items.map((i) => i.source.numberText)).toContain('2．');
    expect(restarting.value.sections[0]!.subsections![0]!.numberText).toBe('(一)');
    expect(running.value.items.length).toBe(restarting.value.items.length);
  });

  it('reads section headings ending in 。 or with a space after 、, and items numbered 1、 or 1 .', () => {
    const p = plan('family-headings-full-stop');
    expect(p.sections.length).toBe(3);
    expect(p.sections.every((s) => s.title.endsWith('。'))).toBe(true);
    expect(new Set(p.items.map((i) => i.source.numberText.replace(/[0-9]+/gu, 'N')))).toEqual(new Set(['N、', 'N .', 'N. ']));
  });

  it('reads a one-sentence task with its units in brackets: the headline without the units', () => {
    const p = plan('family-task-list-units-parentheses');
    expect(p.items.length).toBeGreaterThan(4);
    for (const item of p.items) {
      expect(item.title).not.toMatch(/责任单位/u);
      expect(item.source.units).toMatchObject({ style: 'parenthesis', label: '责任单位：' });
      expect(item.fields).toEqual([]);
    }
  });

  it('reads units in brackets on a line of their own, on a 责任单位 line, or absent', () => {
    const p = plan('family-numbered-units-own-line');
    const styles = p.items.map((i) => i.source.units?.style ?? 'none');
    expect(new Set(styles)).toEqual(new Set(['parenthesis', 'line', 'none']));
    expect(p.items.every((i) => i.fields.length === 1)).toBe(true);
  });
});

describe('hard-wrapped text (pdftotext without -layout)', () => {
  for (const [wrapped, original] of [
    ['family-task-list-hard-wrapped', 'family-task-list-units-parentheses'],
    ['family-prose-plan-hard-wrapped', 'family-prose-plan-subsection-items'],
    ['family-numbered-lead-partner-hard-wrapped', 'family-numbered-lead-partner-parentheses'],
    ['family-prose-first-section-hard-wrapped', 'family-prose-first-section-numbered'],
  ] as const) {
    it(`${wrapped} reads into the same items as ${original}, its lines cut at 28 characters`, () => {
      const lines = inputLines(wrapped);
      expect(lines.every((l) => [...l].length <= 28)).toBe(true);
      const items = (p: Plan) => p.items.map((i) => [i.title, i.fields.map((f) => f.paragraphs), i.responsible, i.source.units?.style]);
      expect(plan(original).items.length).toBeGreaterThan(4);
      expect(items(plan(wrapped))).toEqual(items(plan(original)));
    });
  }

  it('reads a bracketed list that a line break cut after its （ as the item’s bracketed 责任单位', () => {
    const name = 'family-prose-first-section-hard-wrapped';
    const cutAt = inputLines(name).findIndex((l) => l.endsWith('（'));
    expect(cutAt).toBeGreaterThan(0);
    expect(inputLines(name)[cutAt + 1]).toMatch(/^责任单位：.*）$/u);
    expect(plan(name).items.every((i) => i.source.units?.style === 'parenthesis')).toBe(true);
  });
});

describe('the section schema', () => {
  it('allows an empty heading only in the implicit section, and no items only with paragraphs of its own', () => {
    const base = { number: 1, numeral: '一', separator: '、', title: '总体要求', items: [1] };
    expect(SectionSchema.safeParse(base).success).toBe(true);
    expect(SectionSchema.safeParse({ ...base, title: '' }).success).toBe(false);
    expect(SectionSchema.safeParse({ ...base, numeral: '', separator: '', title: '', implicit: true }).success).toBe(true);
    expect(SectionSchema.safeParse({ ...base, implicit: true }).success).toBe(false);
    expect(SectionSchema.safeParse({ ...base, items: [] }).success).toBe(false);
    expect(SectionSchema.safeParse({ ...base, items: [], intro: ['坚持稳中求进。'] }).success).toBe(true);
  });
});

describe('text that is not an item', () => {
  const plain = (...body: string[]) => ['临川市教育局2023年工作要点', '2023年的总体要求是：坚持立德树人。', ...body].join('\n\n');

  it('says so when an item is a headline with nothing under it, while the others have text', () => {
    const result = parsePlan(plain('一、加强党的建设', '1.健全党建工作责任体系。制定年度党建工作要点。', '2.深化理论武装', '3.推进清廉学校建设。开展廉洁教育进课堂活动。'));
    if (!result.ok) throw new Error(result.problems.map((p) => p.message).join('\n'));
    expect(result.value.items.map((i) => i.fields.length)).toEqual([1, 0, 1]);
    expect(result.warnings.map((w) => [w.ruleId, w.line])).toEqual([['item-without-text', 9]]);
  });

  it('takes a one-sentence task as complete, with no warning', () => {
    const result = parsePlan(plain('一、加强党的建设', '1.健全党建工作责任体系。制定年度党建工作要点。', '2.召开全市教育工作会议。', '3.推进清廉学校建设。开展廉洁教育进课堂活动。'));
    if (!result.ok) throw new Error(result.problems.map((p) => p.message).join('\n'));
    expect(result.value.items[1]).toMatchObject({ title: '召开全市教育工作会议', fields: [] });
    expect(result.warnings).toEqual([]);
  });

  it('keeps 工作目标： in the requirements or under a section heading as text, where only items carry labels', () => {
    const result = parsePlan(
      ['临川市教育局2023年工作要点', '工作目标：全市教育现代化水平稳步提升。', '一、加强党的建设', '工作目标：基层党组织全部达到规范化建设标准。', '1.健全党建工作责任体系。制定年度党建工作要点。（责任单位：机关党委）', '2.深化理论武装。组织专题学习。（责任单位：宣传科）'].join('\n\n'),
    );
    if (!result.ok) throw new Error(result.problems.map((p) => p.message).join('\n'));
    expect(result.value.requirements).toEqual(['工作目标：全市教育现代化水平稳步提升。']);
    expect(result.value.sections[0]!.intro).toEqual(['工作目标：基层党组织全部达到规范化建设标准。']);
    expect(result.report.body.labelled).toBe(false);
  });
});
