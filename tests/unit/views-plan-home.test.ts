/** The home page's view (src/views/plan-home.ts): figures and contents follow what the plan has. */
import { describe, expect, it } from 'vitest';
import { homeContents, homeFigures } from '../../src/views/plan-home.ts';
import { readPlan as read } from '../support/read-plan.ts';

// Our own plans: one with two headed sections and 责任单位, one of numbered paragraphs alone.
const sectioned = read([
  '某市文化局2031年工作要点',
  '',
  '一、改进公共服务',
  '',
  '1.建设社区书屋。新建书屋20个。',
  '责任单位：公共服务处、财务处',
  '',
  '二、加强队伍建设',
  '',
  '2.开展业务培训。培训馆员300人次。',
  '责任单位：人事处',
  '',
]);
const flat = read(['某县档案馆2032年工作要点', '', '1.整理馆藏目录。', '', '2.修订借阅办法。', '']);

describe('plan home view', () => {
  it('counts sections, items, offices, targets and citations for a plan that has them all', () => {
    expect(homeFigures(sectioned).map((f) => [f.value, f.label, f.page])).toEqual([
      [2, '个方面', 'full'],
      [2, '项工作', 'full'],
      [sectioned.offices.length, '个责任处室', 'offices'],
      [sectioned.targets.length, '个量化指标', 'targets'],
      [sectioned.citations.length, '份引用文件', 'citations'],
    ]);
    expect(sectioned.offices.length).toBe(3);
  });

  it('gives no 方面 or 处室 figure for a plan without headings or 责任单位', () => {
    expect(homeFigures(flat).map((f) => f.label)).toEqual(['项工作', '个量化指标', '份引用文件']);
  });

  it('lists the items under their sections, numbered as printed', () => {
    const c = homeContents(sectioned);
    expect(c.heading).toBe('2个方面、2项工作');
    expect(c.items).toBeUndefined();
    expect(c.sections?.map((s) => [s.heading, s.items.map((i) => i.text)])).toEqual([
      ['一、改进公共服务', ['1. 建设社区书屋']],
      ['二、加强队伍建设', ['2. 开展业务培训']],
    ]);
  });

  it('lists the items alone, under no invented heading, for a plan of numbered paragraphs', () => {
    const c = homeContents(flat);
    expect(c.heading).toBe('2项工作');
    expect(c.sections).toBeUndefined();
    expect(c.items?.map((i) => i.number)).toEqual([1, 2]);
    expect(c.attachments).toEqual([]);
  });
});
