/**
 * A plan's own signature (issuer and date after its last item or closing) is read only where it cannot be
 * anything else; where the lines above the date could be text, the reader keeps refusing or warning as before.
 */
import { describe, expect, it } from 'vitest';
import { parsePlan } from '../../src/plan/parse-plan.ts';
import { planToText } from '../../src/plan/to-text.ts';
import { stripWhitespace } from '../../src/plan/normalize.ts';

const HEAD = ['河湾区教育局2021年工作要点', '一、办好公平教育'];
const withUnits = (...end: string[]) => [...HEAD, '1.推进学校标准化建设。完成校舍改造。（责任单位：基础教育科）', ...end].join('\n');
const withoutUnits = (...end: string[]) => ['河湾区教育局2021年工作要点', '1.推进学校标准化建设。完成校舍改造。', '2.加强教师队伍建设。组织新任教师培训。', ...end].join('\n');

describe('a plan’s own signature', () => {
  it('is read after an item with units, and the text is kept whole', () => {
    const text = withUnits('河湾区教育局', '2021年4月2日');
    const r = parsePlan(text);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.signature).toEqual({ signatories: ['河湾区教育局'], date: '2021年4月2日', isoDate: '2021-04-02' });
    expect(stripWhitespace(planToText(r.value))).toBe(stripWhitespace(text));
    expect(r.report.elements.slice(-2)).toEqual(['发文机关署名', '成文日期']);
  });

  it('takes up to three signatory lines and a 附注 in brackets', () => {
    const r = parsePlan(withUnits('中共河湾区委教育工委', '河湾区教育局', '河湾区体育局', '二〇二一年四月二日', '（此件公开发布）'));
    expect(r.ok && r.value.signature).toEqual({ signatories: ['中共河湾区委教育工委', '河湾区教育局', '河湾区体育局'], date: '二〇二一年四月二日', isoDate: '2021-04-02', notes: ['（此件公开发布）'] });
  });

  it('is not read from four lines of names: the plan is refused as before', () => {
    const r = parsePlan(withUnits('河湾区教育局', '河湾区体育局', '河湾区文化局', '河湾区财政局', '2021年4月2日'));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems.map((p) => p.ruleId)).toContain('closing-without-units');
  });

  it('is not read when the line above the date is running text', () => {
    const r = parsePlan(withoutUnits('本要点由河湾区教育局负责解释', '2021年4月2日'));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.signature).toBeUndefined();
    expect(r.warnings.map((w) => w.ruleId)).toContain('closing-unsure');
  });

  it('is not read when the paragraph above the names is unfinished (a name could continue it)', () => {
    const r = parsePlan(withoutUnits('3.提升学生体质健康水平，联合', '河湾区体育局', '2021年4月2日'));
    expect(r.ok && r.value.signature).toBeFalsy();
  });

  it('is not read from a date that does not exist', () => {
    const r = parsePlan(withUnits('河湾区教育局', '2021年2月30日'));
    expect(r.ok && r.value.signature).toBeFalsy();
  });

  it('is not read from a date alone, without a name above it', () => {
    const r = parsePlan(withUnits('2021年4月2日'));
    expect(r.ok && r.value.signature).toBeFalsy();
  });

  it('is read below the plan’s 附件说明, as a 公文 prints it, and the text keeps that order', () => {
    const text = withUnits('附件：1.重点任务分工表', '2.工作进度安排表', '河湾区教育局', '2021年4月2日', '附件1', '重点任务分工表', '推进学校标准化建设由基础教育科负责。');
    const r = parsePlan(text);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.signature).toMatchObject({ signatories: ['河湾区教育局'], belowAttachmentNote: true });
    expect(r.value.attachmentNote).toEqual(['附件：1.重点任务分工表', '2.工作进度安排表']);
    expect(r.value.attachments).toHaveLength(1);
    expect(stripWhitespace(planToText(r.value))).toBe(stripWhitespace(text));
  });

  it('is not read under a covering notice, which signs the document: lines after the plan are refused as before', () => {
    const notice = ['河湾区教育局', '关于印发河湾区教育局2021年工作要点的通知', '各学校：', '现将工作要点印发给你们，请认真贯彻落实。', '河湾区教育局', '2021年4月1日'];
    const r = parsePlan([...notice, withUnits('河湾区教育局', '2021年4月2日')].join('\n'));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems.map((p) => p.ruleId)).toContain('closing-without-units');
  });
});
