/**
 * The summary lists the 公文 elements in the order the document has them, not in the standard order.
 */
import { describe, expect, it } from 'vitest';
import { orderFound } from '../../src/plan/elements-found.ts';
import { toSourceLines } from '../../src/plan/normalize.ts';
import type { Plan } from '../../src/plan/schema.ts';

const plan = {
  notice: { issuer: '某市教育局', docNumber: '某教发〔2023〕5号', title: '某市教育局关于印发《某市2023年工作要点》的通知', addressees: '各区县教育局：', body: ['现将……印发给你们。'], signatories: ['某市教育局'], date: '2023年2月20日', isoDate: '2023-02-20' },
  title: '某市2023年工作要点',
  attachments: [],
} as unknown as Plan;
const elements = ['发文机关标志', '发文字号', '标题', '主送机关', '正文', '发文机关署名', '成文日期', '工作要点'];

describe('elements in the order found', () => {
  it('keeps the standard order when the document has it', () => {
    const ps = toSourceLines('某市教育局\n某教发〔2023〕5号\n某市教育局关于印发《某市2023年工作要点》的通知\n各区县教育局：\n现将……印发给你们。\n某市教育局\n2023年2月20日\n某市2023年工作要点');
    expect(orderFound(elements, plan, ps)).toEqual(elements);
  });

  it('shows a notice in gazette order: title, then the 发文字号', () => {
    const ps = toSourceLines('某市教育局\n某市教育局关于印发《某市2023年工作要点》的通知\n某教发〔2023〕5号\n各区县教育局：\n现将……印发给你们。\n某市教育局\n2023年2月20日\n某市2023年工作要点');
    expect(orderFound(elements, plan, ps)).toEqual(['发文机关标志', '标题', '发文字号', '主送机关', '正文', '发文机关署名', '成文日期', '工作要点']);
  });

  it('gives an issuer and a signatory of the same name their own lines', () => {
    const ps = toSourceLines('某教发〔2023〕5号\n某市教育局\n某市教育局关于印发《某市2023年工作要点》的通知\n各区县教育局：\n现将……印发给你们。\n某市教育局\n2023年2月20日\n某市2023年工作要点');
    expect(orderFound(elements, plan, ps)).toEqual(['发文字号', '发文机关标志', '标题', '主送机关', '正文', '发文机关署名', '成文日期', '工作要点']);
  });
});
