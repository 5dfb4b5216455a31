/** The whole-plan page's view (src/views/full-page.ts): its contents and where subsections begin. */
import { describe, expect, it } from 'vitest';
import { fullDescription, fullItems, fullToc } from '../../src/views/full-page.ts';
import { readPlan as read } from '../support/read-plan.ts';
import type { Plan } from '../../src/plan/schema.ts';

// Our own plans: two headed sections, the first with two subsections; and one of numbered paragraphs alone.
const twoLevels = read([
  '某市文化局2031年工作要点',
  '',
  '一、改进公共服务',
  '',
  '（一）书屋建设',
  '',
  '1.建设社区书屋。新建书屋20个。',
  '',
  '2.更新书屋藏书。',
  '',
  '（二）阅读推广',
  '',
  '3.办好读书节。',
  '',
  '二、加强队伍建设',
  '',
  '4.开展业务培训。',
  '',
]);
const flat = read(['某县档案馆2032年工作要点', '', '1.整理馆藏目录。', '', '2.修订借阅办法。', '']);

describe('full page view', () => {
  it('lists each headed section with its items under it', () => {
    const toc = fullToc(twoLevels);
    expect(toc.map((e) => [e.target, e.text, e.children?.map((c) => c.target)])).toEqual([
      ['section-1', '一、改进公共服务', ['item-1', 'item-2', 'item-3']],
      ['section-2', '二、加强队伍建设', ['item-4']],
    ]);
    expect(toc[0]!.children![0]!.text).toBe('1.建设社区书屋');
  });

  it('lists the items themselves where the plan has no headings, under no invented heading', () => {
    expect(fullToc(flat).map((e) => [e.target, e.children])).toEqual([
      ['item-1', undefined],
      ['item-2', undefined],
    ]);
  });

  it('adds 总体要求 first and 结尾 last only where the plan has them', () => {
    const withBoth = { ...flat, requirements: ['总的要求。'], closing: twoLevels.closing ?? { paragraphs: ['结尾。'] } } as Plan;
    const targets = fullToc(withBoth).map((e) => e.target);
    expect(targets[0]).toBe('requirements');
    expect(targets.at(-1)).toBe('closing');
    expect(fullToc(flat).map((e) => e.target)).not.toContain('requirements');
  });

  it('marks the item that opens each subsection with the subsection’s heading', () => {
    const items = fullItems(twoLevels, twoLevels.sections[0]!);
    expect(items.map((i) => [i.number, i.name, i.subsection])).toEqual([
      [1, '第1项', '（一）书屋建设'],
      [2, '第2项', undefined],
      [3, '第3项', '（二）阅读推广'],
    ]);
  });

  it('describes the page by what the plan holds, leaving out the parts it lacks', () => {
    expect(fullDescription(flat)).toMatch(/^某县档案馆2032年工作要点全文：/u);
    expect(fullDescription(flat)).not.toMatch(/通知|总体要求|结尾段/u);
    expect(fullDescription(flat)).toMatch(/，附目录，可整篇打印。$/u);
  });
});
