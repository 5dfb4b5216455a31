/**
 * A covering notice reads right in every order web copies print it: each element is found by what it is, the
 * printed order is kept (and given back by planToText), and the plan's head after it is the same.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { headOrderOf } from '../../src/plan/notice.ts';
import { parsePlan } from '../../src/plan/parse-plan.ts';
import type { Plan } from '../../src/plan/schema.ts';
import { planToText } from '../../src/plan/to-text.ts';
import { DOCUMENT_KINDS, endsInDocumentKind, endsInNoticeKind, GARBLED_DATE } from '../../src/plan/vocabulary.ts';
import { chineseDateToIso, DOC_NUMBER } from '../../src/plan/preamble.ts';

function read(form: string): Plan {
  const r = parsePlan(readFileSync(`tests/fixtures/${form}/input.txt`, 'utf8'));
  if (!r.ok) throw new Error(`${form}: ${r.problems.map((p) => p.message).join('\n')}`);
  return r.value;
}
const TITLE = '清河市教育局 中共清河市委教育工委关于印发《清河市教育局 中共清河市委教育工委2021年工作要点》的通知';
const PLAN_TITLE = '清河市教育局 中共清河市委教育工委2021年工作要点';

describe('the notice head in any order', () => {
  it('a 发文字号 first, with no 发文机关标志 above it', () => {
    const plan = read('notice-doc-number-first');
    expect(plan.notice).toMatchObject({ docNumber: '清教发〔2021〕5号', title: TITLE });
    expect(plan.notice?.issuer).toBeUndefined();
    expect(plan.notice?.headOrder).toBeUndefined();
    expect(plan.mark).toBe('附件');
    expect(plan.title).toBe(PLAN_TITLE);
  });
  it('a 发文字号 after the title keeps that order', () => {
    const plan = read('notice-doc-number-after-title');
    expect(plan.notice).toMatchObject({ docNumber: '清教发〔2021〕5号', title: TITLE, headOrder: ['title', 'docNumber'] });
    const text = planToText(plan).split('\n');
    expect(text.indexOf(TITLE)).toBeLessThan(text.indexOf('清教发〔2021〕5号'));
  });
  it('gazette order: issuer, title, then the 发文字号 in parentheses', () => {
    const plan = read('notice-gazette-order');
    expect(plan.notice).toMatchObject({
      issuer: '清河市人民政府办公室',
      title: '清河市人民政府办公室关于印发清河市2021年政务公开工作要点的通知',
      docNumber: '（清政办发〔2021〕12号）',
      notes: ['（此件公开发布）'],
    });
    expect(headOrderOf(plan.notice!)).toEqual(['issuer', 'title', 'docNumber']);
    expect(plan.title).toBe('清河市2021年政务公开工作要点');
  });
  it('a title wrapped in 《》 by the page is the title, and the 主送机关 stays the 主送机关', () => {
    const plan = read('notice-title-in-book-marks');
    expect(plan.notice?.title).toBe('《关于印发〈清河市教育局 中共清河市委教育工委2021年工作要点〉的通知》');
    expect(plan.notice?.issuer).toBeUndefined();
    expect(plan.notice?.addressees).toBe('各县市区教育局，市直各学校，局机关各科室、直属各单位：');
  });
  it('a title over three lines is joined, under the 发文机关标志 and 发文字号', () => {
    const plan = read('notice-title-three-lines');
    expect(plan.notice).toMatchObject({ issuer: '清河市教育局文件', docNumber: '清教发〔2021〕5号', title: TITLE, notes: ['（此件主动公开）'] });
  });
  it('a copy that starts at the 主送机关 has no notice title, and nothing else is taken for one', () => {
    const plan = read('notice-no-title');
    expect(plan.notice?.title).toBeUndefined();
    expect(plan.notice?.issuer).toBeUndefined();
    expect(plan.notice).toMatchObject({ addressees: '各县市区教育局，市直各学校，局机关各科室、直属各单位：', isoDate: '2021-03-02' });
    expect(plan.title).toBe(PLAN_TITLE);
  });
  it('several signatories on one line stay one line as printed, and name the 发文机关标志 above', () => {
    const plan = read('notice-signatories-one-line');
    expect(plan.notice).toMatchObject({ issuer: '清河市教育局', title: TITLE, signatories: ['清河市教育局 中共清河市委教育工作委员会'] });
  });
  it('dates in Chinese numerals with ○, and 附注 in ASCII parentheses', () => {
    expect(read('notice-circle-zero-date').notice).toMatchObject({ date: '二○一一年二月二十八日', isoDate: '2011-02-28' });
    expect(read('notice-ascii-note').notice).toMatchObject({ docNumber: '清教发[2015]3号', notes: ['(此件主动公开)'], addressees: '各县市区教育局:' });
  });
  it('a 发文字号 with stray spaces is kept as printed', () => {
    expect(read('notice-doc-number-stray-spaces').notice).toMatchObject({ issuer: '清河市教育局文件', docNumber: '清教发〔2023 〕3 号' });
  });
});

describe('the plan head', () => {
  it('text copied with its printed line breaks, too short to measure, reads as the same notice and head', () => {
    const [wrapped, gazette] = [read('notice-printed-line-breaks'), read('notice-gazette-order')];
    expect(wrapped.notice).toEqual(gazette.notice);
    expect(wrapped.title).toBe(gazette.title);
    expect(wrapped.requirements).toEqual(gazette.requirements);
  });
  it('a page with no notice and a line ending in a colon is read as title and 总体要求, not refused', () => {
    const plan = read('notice-none-colon-line');
    expect(plan.notice).toBeUndefined();
    expect(plan.title).toBe('清河县教育局2022年工作要点');
    expect(plan.requirements[0]).toBe('总体要求：');
  });
  it('in hard-wrapped text a title with a span of years ends at its own line, whole', () => {
    const plan = read('notice-hard-wrapped-title-requirements');
    expect(plan.title).toBe('清河县义务教育优质均衡发展行动计划（2021—2023年）');
    expect(plan.requirements).toHaveLength(1);
    expect(plan.requirements[0]).toMatch(/^2021年至2023年全县推进义务教育优质均衡发展的总体要求是：/u);
    expect(plan.notice?.title).toBe('清河县教育局关于印发《清河县义务教育优质均衡发展行动计划（2021—2023年）》的通知');
  });
  it('in hard-wrapped text a title that ends in no 文种 does not swallow the first line of the 总体要求', () => {
    const plan = read('notice-hard-wrapped-title-no-kind');
    expect(plan.title).toBe('清河县教育局 中共清河县委教育工委2021年重点工作任务');
    expect(plan.requirements[0]).toMatch(/^2021年全县教育工作的总体要求是：/u);
  });
});

describe('the head vocabulary', () => {
  it('knows each 文种 in simplified and traditional characters', () => {
    expect(DOCUMENT_KINDS.length).toBeGreaterThan(0);
    for (const title of ['清河市教育局2021年工作要點', '清河市教育局2021年工作要点', '三年行動計劃（2021—2023年）', '《关于印发〈2021年工作要点〉的通知》']) expect(endsInDocumentKind(title), title).toBe(true);
    expect(endsInNoticeKind('关于印发《2021年工作要点》')).toBe(false);
    expect(endsInNoticeKind('清河市2021年工作要点')).toBe(false);
  });
  it('reads 发文字号 in every bracket and with stray spaces, and dates in both numerals', () => {
    for (const n of ['清教发〔2021〕5号', '清教发[2015]3号', '清教发(2015)3号', '清教发〔2023 〕3 号', '（清政办发〔2011〕34号）', '(清政办发〔2011〕34号)']) expect(DOC_NUMBER.test(n), n).toBe(true);
    expect(DOC_NUMBER.test('（清政办发〔2011〕34号')).toBe(false);
    expect(chineseDateToIso('二○一一年二月二十八日')).toBe('2011-02-28');
    expect(GARBLED_DATE.test('2024327')).toBe(true);
    expect(GARBLED_DATE.test('2024年3月27日')).toBe(false);
  });
});
