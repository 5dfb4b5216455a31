/** The search page's view (src/views/search-page.ts): filters only for what there is to choose. */
import { describe, expect, it } from 'vitest';
import { searchFormOf } from '../../src/views/search-page.ts';
import { readPlan as read } from '../support/read-plan.ts';

// Our own plans: one with headed sections, 责任单位 and a figure; one of bare numbered paragraphs.
const full = read([
  '某市文化局2031年工作要点',
  '',
  '一、改进公共服务',
  '',
  '1.建设社区书屋。新建书屋20个。',
  '责任单位：宣传处、财务处',
  '',
  '二、加强队伍建设',
  '',
  '2.开展业务培训。',
  '责任单位：宣传处',
  '',
]);
const bare = read(['某县档案馆2032年工作要点', '', '1.整理馆藏目录。', '', '2.修订借阅办法。', '']);

describe('search page view', () => {
  it('offers sections and offices of the plan, but no year filter in an archive of one plan', () => {
    const form = searchFormOf(full, 'x2031', [{ id: 'x2031', years: '2031' }]);
    expect(form.plans).toEqual([]);
    expect(form.sections).toEqual(['一、改进公共服务', '二、加强队伍建设']);
    expect(form.offices).toEqual([
      { name: '财务处', label: '财务处（1）' },
      { name: '宣传处', label: '宣传处（2）' },
    ]);
    expect(form.filters).toBe(2);
    expect(form.description).toBe('在全文中搜索词语、处室或数字，可按部分、处室筛选。');
  });

  it('offers every plan of a larger archive, the one shown selected and the newest marked', () => {
    const form = searchFormOf(full, 'x2031', [
      { id: 'x2032', years: '2032', current: true },
      { id: 'x2031', years: '2031' },
    ]);
    expect(form.plans).toEqual([
      { value: 'x2032', label: '2032年（最新）', selected: false },
      { value: 'x2031', label: '2031年', selected: true },
    ]);
    expect(form.filters).toBe(3);
    expect(form.description).toContain('可按年度、部分、处室筛选');
  });

  it('suggests the plan’s own words, and offers no filter a plan of bare paragraphs cannot use', () => {
    expect(searchFormOf(full, 'x', []).placeholder).toBe('如 宣传处、20个');
    const form = searchFormOf(bare, 'y', []);
    expect([form.sections, form.offices, form.filters]).toEqual([[], [], 0]);
    expect(form.placeholder).toBeUndefined();
    expect(form.description).toBe('在全文中搜索词语或数字。');
  });
});
