/**
 * A plan's document facts (src/document/document-facts.ts), computed once and shown by every page: plans read by
 * the parser from fixtures, then varied field by field where a fixture for each case would repeat the others.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { documentFacts } from '../../src/document/document-facts.ts';
import { parsePlan } from '../../src/plan/parse-plan.ts';
import type { Notice, Plan } from '../../src/plan/schema.ts';

function fixture(name: string): Plan {
  const parsed = parsePlan(readFileSync(`tests/fixtures/${name}/input.txt`, 'utf8'));
  if (!parsed.ok) throw new Error(`${name} must parse`);
  return parsed.value;
}

const signed = fixture('doc-number-and-signer');
const bare = fixture('no-notice');
const withNotice = (changes: Partial<Notice>): Plan => ({ ...signed, notice: { ...signed.notice!, ...changes } });

describe('a plan’s document facts', () => {
  it('reads a notice signed by two bodies: they are its 发文机关 and its authors; its mark, 发文字号 and 成文日期 as printed', () => {
    const n = signed.notice!;
    expect(n.signatories.length).toBe(2);
    const facts = documentFacts(signed);
    expect(facts.signers).toEqual(n.signatories);
    expect(facts.authors).toEqual(n.signatories);
    expect(facts.mark).toBe(n.issuer);
    expect(facts.docNumber).toBe(n.docNumber);
    expect([facts.date, facts.isoDate]).toEqual([n.date, n.isoDate]);
    expect(facts.title).toBe(signed.title);
  });

  it('takes the short title and the issuers from the title: 某某厅 某某工委 2020 年工作要点 → 2020年工作要点, 某某厅 某某工委', () => {
    const facts = documentFacts({ ...signed, title: '某某厅 某某工委 2020 年工作要点' });
    expect(facts.shortTitle).toBe('2020年工作要点');
    expect(facts.titleIssuers).toBe('某某厅 某某工委');
    expect(facts.titleParts).toMatchObject({ year: 2020, genre: '工作要点', series: '某某厅 某某工委工作要点' });
  });

  it('names a span of years in the short title', () => {
    expect(documentFacts({ ...signed, title: '某某厅2018—2020年行动计划' }).shortTitle).toBe('2018—2020年行动计划');
  });

  it('keeps the whole title as the short one when the year closes it in brackets, and takes the issuers from the 发文机关标志', () => {
    const facts = documentFacts({ ...withNotice({ issuer: '某某厅文件' }), title: '某某行动计划（2018—2020年）' });
    expect(facts.shortTitle).toBe('某某行动计划（2018—2020年）');
    expect(facts.titleParts.genre).toBeUndefined();
    expect(facts.titleIssuers).toBe('某某厅文件');
  });

  it('signs with the 发文机关标志 when no body signs, and cites it without its 文件', () => {
    const facts = documentFacts(withNotice({ signatories: [], issuer: '某某厅文件' }));
    expect(facts.signers).toEqual(['某某厅文件']);
    expect(facts.authors).toEqual(['某某厅']);
  });

  it('with neither signing bodies nor a mark, signs with nothing and cites the issuers the title names', () => {
    const facts = documentFacts({ ...withNotice({ signatories: [], issuer: undefined }), title: '某某厅 某某工委 2020 年工作要点' });
    expect(facts.signers).toEqual([]);
    expect(facts.mark).toBeUndefined();
    expect(facts.authors).toEqual(['某某厅', '某某工委']);
  });

  it('without a covering notice states no mark, signer, 发文字号 or date, and cites the issuers of its title', () => {
    expect(bare.notice).toBeUndefined();
    const facts = documentFacts(bare);
    expect(facts).not.toHaveProperty('mark');
    expect(facts).not.toHaveProperty('docNumber');
    expect(facts).not.toHaveProperty('date');
    expect(facts).not.toHaveProperty('isoDate');
    expect(facts.signers).toEqual([]);
    expect(facts.titleIssuers).toBe('测试计划');
    expect(facts.authors).toEqual(['测试计划']);
  });

  it('states the 公开方式 its 附注 gives, and none when no 附注 does', () => {
    expect(documentFacts(withNotice({ notes: ['（此件主动公开）'] })).disclosure).toBe('主动公开');
    expect(documentFacts(withNotice({ notes: [] }))).not.toHaveProperty('disclosure');
  });
});
