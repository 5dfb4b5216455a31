/**
 * The parsed 2020 plan: notice, requirements, sections, items, closing, offices, groups and aliases.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fieldParagraphs } from '../../src/plan/extract.ts';
import { parsePlan } from '../../src/plan/parse-plan.ts';
import { SEED_FILE, SEED_OPTIONS } from '../support/seed.ts';

const result = parsePlan(readFileSync(SEED_FILE, 'utf8'), SEED_OPTIONS);
if (!result.ok) throw new Error('the seed must parse');
const plan = result.value;

describe('the 2020 plan', () => {
  it('has its notice as issued', () => {
    expect(plan.notice).toEqual({
      issuer: '湖南省教育厅',
      title: '印发《湖南省教育厅 中共湖南省委教育工委 2020年工作要点》的通知',
      addressees: '各市州教育（体）局、普通高等学校，厅委机关各处室、驻厅纪检监察组、直属各单位：',
      body: ['现将《湖南省教育厅 中共湖南省委教育工委 2020年工作要点》印发给你们。请结合本地、本学校、本单位实际认真贯彻落实。'],
      signatories: ['湖南省教育厅', '中共湖南省委教育工作委员会'],
      date: '2020年3月6日',
      isoDate: '2020-03-06',
    });
  });

  it('has its title and one general-requirements paragraph', () => {
    expect(plan.title).toBe('湖南省教育厅 中共湖南省委教育工委 2020 年工作要点');
    expect(plan.requirements).toHaveLength(1);
    expect(plan.requirements[0]).toMatch(/^2020 年全省教育工作的总体要求是：/u);
  });

  it('has 8 sections numbered 一 to 八 holding items 1–33 in order', () => {
    expect(plan.sections.map((s) => s.numeral).join('')).toBe('一二三四五六七八');
    expect(plan.sections.flatMap((s) => s.items)).toEqual(Array.from({ length: 33 }, (_, i) => i + 1));
    expect(plan.sections.map((s) => s.items.length)).toEqual([4, 4, 3, 2, 5, 7, 3, 5]);
  });

  it('gives every item a title, goals, measures and a lead unit', () => {
    expect(plan.items).toHaveLength(33);
    for (const item of plan.items) {
      expect(item.title.length).toBeGreaterThan(3);
      expect(item.fields.map((f) => f.kind)).toEqual(['goals', 'measures']);
      expect(fieldParagraphs(item, 'goals').join('').length).toBeGreaterThan(5);
      expect(fieldParagraphs(item, 'measures').length).toBeGreaterThan(0);
      expect(item.responsible!.units[0]!.lead).toBe(true);
      expect(item.responsible!.units.slice(1).every((u) => !u.lead)).toBe(true);
      expect(item.id).toBe(String(item.number));
    }
  });

  it('records a trailing 等 and a trailing 。 on the lists that have them', () => {
    const etc = plan.items.filter((i) => i.responsible!.etc).map((i) => i.number);
    expect(etc).toEqual([4]);
    expect(plan.items.find((i) => i.number === 30)!.responsible!.trailing).toBe('。');
    expect(plan.closing!.responsible.etc).toBe(true);
  });

  it('has the closing paragraph and its units', () => {
    expect(plan.closing!.paragraphs[0]).toMatch(/^在完成上述工作的同时/u);
    expect(plan.closing!.responsible.units.map((u) => u.name)).toEqual(['办公室', '机关党委', '老干处']);
  });

  it('merges 考试院 (item 8) and 教育考试院 (item 29) into one office', () => {
    const exam = plan.offices.filter((o) => o.name.includes('考试院'));
    expect(exam).toHaveLength(1);
    expect(exam[0]).toMatchObject({ name: '教育考试院', aliases: ['考试院'], items: [{ number: 8, lead: false }, { number: 29, lead: false }] });
  });

  it('marks group entries as groups, not offices', () => {
    expect(plan.groups.map((g) => g.name)).toEqual(['相关处室', '厅新冠肺炎疫情防控领导小组成员处室', '厅扶贫领导小组成员处室']);
    expect(plan.offices.some((o) => o.name.endsWith('处室'))).toBe(false);
  });

  it('lists 基教处 with the items it leads and supports', () => {
    const jijiao = plan.offices.find((o) => o.name === '基教处')!;
    expect(jijiao.slug).toBe('jijiaochu');
    expect(jijiao.items.filter((i) => i.lead).map((i) => i.number)).toEqual([14, 15, 16, 17, 18]);
    expect(jijiao.items).toHaveLength(13);
  });

  it('lists offices named only in the closing paragraph', () => {
    expect(plan.offices.find((o) => o.name === '老干处')).toMatchObject({ items: [], closing: true });
  });

  it('finds the cited documents and quoted terms with their places', () => {
    expect(plan.citations.length).toBeGreaterThan(20);
    const dual = plan.quotes.find((q) => q.term === '双一流')!;
    expect(new Set(dual.occurrences.map((o) => o.item))).toEqual(new Set([20, 22, 25, 27]));
  });
});
