/** An office page's view (src/views/office-page.ts): counts, items by section and role, partners. */
import { describe, expect, it } from 'vitest';
import { officePageOf } from '../../src/views/office-page.ts';
import { readPlan as read } from '../support/read-plan.ts';

// Our own plan: 宣传处 leads item 1, supports items 2 and 3; items 1 and 2 are in one section, item 3 in another.
const plan = read([
  '某市文化局2031年工作要点',
  '',
  '一、改进公共服务',
  '',
  '1.建设社区书屋。新建书屋20个。',
  '责任单位：宣传处、财务处',
  '',
  '2.办好读书节。全年举办活动12场。',
  '责任单位：公共服务处、宣传处',
  '',
  '二、加强队伍建设',
  '',
  '3.开展业务培训。培训馆员300人次。',
  '责任单位：人事处、宣传处、财务处',
  '',
]);
const office = (name: string) => plan.offices.find((o) => o.name === name)!;

describe('office page view', () => {
  it('counts the items the office leads and supports', () => {
    const v = officePageOf(plan, office('宣传处'));
    expect([v.leads, v.supports, v.total]).toEqual([1, 2, 3]);
  });

  it('groups the items by section, lead before support, leaving out a role with no items', () => {
    const v = officePageOf(plan, office('宣传处'));
    expect(v.sections.map((s) => [s.heading, s.roles.map((r) => [r.role, r.items.map((i) => i.number)])])).toEqual([
      ['一、改进公共服务', [['牵头', [1]], ['参与', [2]]]],
      ['二、加强队伍建设', [['参与', [3]]]],
    ]);
  });

  it('shows each item with its number as printed, its first paragraph and its 责任单位 label', () => {
    const item = officePageOf(plan, office('财务处')).sections[0]!.roles[0]!.items[0]!;
    expect(item.heading).toBe(`${plan.items[0]!.source.numberText}建设社区书屋`);
    expect(item.first).toContain('新建书屋20个');
    expect(item.units?.label).toBe('责任单位：');
    expect(item.units?.list.units.length).toBe(2);
  });

  it('names the offices it shares most work with first, not itself', () => {
    const v = officePageOf(plan, office('宣传处'));
    expect(v.partners.map((p) => [p.name, p.shared])).toEqual([
      ['财务处', 2],
      ['公共服务处', 1],
      ['人事处', 1],
    ]);
  });

  it('gives the implicit section of a plan without headings no heading', () => {
    const flat = read(['某县档案馆2032年工作要点', '', '1.整理馆藏目录。', '责任单位：档案处', '', '2.修订借阅办法。', '责任单位：利用处', '']);
    const v = officePageOf(flat, flat.offices.find((o) => o.name === '档案处')!);
    expect(v.sections.map((s) => s.heading)).toEqual([undefined]);
    expect(v.sections[0]!.roles.map((r) => r.role)).toEqual(['牵头']);
  });
});
