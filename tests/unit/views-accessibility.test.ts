/** The 无障碍声明's view (src/views/accessibility.ts): indicator tables by level, and the contact's ways to be reached. */
import { describe, expect, it } from 'vitest';
import type { Criterion } from '../../src/accessibility/conformance.ts';
import { conformanceRow, conformanceTables, contactLines, telHref } from '../../src/views/accessibility.ts';

const criterion = (over: Partial<Criterion>): Criterion => ({ sc: '1.1.1', name: '非文本内容', level: 'A', status: '符合', how: '图片有替代文字。', checks: [], ...over });

describe('accessibility statement view', () => {
  it('puts each criterion in the table of its level, in the order listed', () => {
    const tables = conformanceTables([criterion({ sc: '1.4.3', level: 'AA' }), criterion({ sc: '1.1.1' }), criterion({ sc: '2.1.1' }), criterion({ sc: '1.4.6', level: 'AAA' })]);
    expect(tables.map((t) => [t.level, t.rows.map((r) => r.sc)])).toEqual([
      ['A', ['1.1.1', '2.1.1']],
      ['AA', ['1.4.3']],
      ['AAA', ['1.4.6']],
    ]);
    expect(tables.map((t) => t.caption)).toEqual(['一级指标（WCAG A 级）', '二级指标（WCAG AA 级）', '关怀模式中达到的三级指标（WCAG AAA 级）']);
  });

  it('names each test file once, in the order its checks are listed', () => {
    const row = conformanceRow(
      criterion({
        checks: [
          { file: 'tests/browser/b.test.ts', test: 'x' },
          { file: 'tests/site/a.test.ts', test: 'y' },
          { file: 'tests/browser/b.test.ts', test: 'z' },
        ],
      }),
    );
    expect(row.tests).toEqual(['tests/browser/b.test.ts', 'tests/site/a.test.ts']);
  });

  it('says 人工检查 for an untested criterion that applies, and nothing for one that does not apply', () => {
    expect(conformanceRow(criterion({})).tests).toBe('manual');
    expect(conformanceRow(criterion({ status: '不适用' })).tests).toBeUndefined();
  });

  it('dials a telephone number without its extension, spaces or dashes', () => {
    expect(telHref('0731-1234 5678转801')).toBe('tel:073112345678');
    expect(telHref('+86 (10) 5555-0100')).toBe('tel:+861055550100');
  });

  it('lists the contact’s ways in a fixed order, linking all but the postal address', () => {
    const lines = contactLines({ name: '某局办公室', address: '某市某路1号', email: 'office@example.gov.cn', phone: '010-5555 0100' });
    expect(lines).toEqual([
      { term: '电话', text: '010-5555 0100', href: 'tel:01055550100' },
      { term: '电子邮件', text: 'office@example.gov.cn', href: 'mailto:office@example.gov.cn' },
      { term: '地址', text: '某市某路1号' },
    ]);
    expect(contactLines({ name: '某局办公室', url: 'https://example.gov.cn/ly' })).toEqual([{ term: '网上留言', text: 'https://example.gov.cn/ly', href: 'https://example.gov.cn/ly' }]);
  });
});
