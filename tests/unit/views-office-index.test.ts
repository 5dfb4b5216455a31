/** The office index's view (src/views/office-index.ts): counts, orders, matrix and groups of the plan shown. */
import { describe, expect, it } from 'vitest';
import { explainGroup, officeIndexOf, unitsLabelOf } from '../../src/views/office-index.ts';
import { readPlan as read } from '../support/read-plan.ts';

// Our own plan: 宣传处 leads one item and supports two, 财务处 supports one, 相关处室 is a group in item 3.
const plan = read(
  [
    '某市文化局2031年工作要点',
    '',
    '一、改进公共服务',
    '',
    '1.建设社区书屋。推动书屋向社区延伸。',
    '责任单位：宣传处、财务处',
    '',
    '2.办好读书节。全年举办活动12场。',
    '责任单位：公共服务处、宣传处',
    '',
    '3.整理馆藏目录。完成目录编制。',
    '责任单位：公共服务处、宣传处、相关处室',
    '',
  ].join('\n'),
);

describe('office index view', () => {
  it('takes the 责任单位 label as the plan prints it, without its colon', () => {
    const labelled = read(['某市文化局2031年工作要点', '', '一、改进公共服务', '', '1.建设社区书屋。新建书屋20个。', '牵头单位：公共服务处', ''].join('\n'));
    expect(unitsLabelOf(labelled)).toBe('牵头单位');
    expect(unitsLabelOf(plan)).toBe('责任单位');
    expect(unitsLabelOf({ items: [] })).toBe('责任单位');
  });

  it('explains group entries without naming one body’s offices', () => {
    expect(explainGroup('相关处室')).toBe('泛指与该项工作相关的处室，原文未具体列明。');
    expect(explainGroup('局安全工作领导小组成员处室')).toBe('指局安全工作领导小组的各成员处室，原文未具体列明。');
    expect(explainGroup('各直属单位')).toBe('集体表述，原文未具体列明。');
  });

  it('counts each office’s lead and supporting items, the office with most items first', () => {
    const rows = officeIndexOf(plan).byCount;
    expect(rows.map((r) => [r.name, r.lead, r.support, r.total])).toEqual([
      ['宣传处', 1, 2, 3],
      ['公共服务处', 2, 0, 2],
      ['财务处', 0, 1, 1],
    ]);
  });

  it('lists the offices by name in pinyin order, with their item counts', () => {
    expect(officeIndexOf(plan).byName.map((o) => [o.name, o.count])).toEqual([
      ['财务处', 1],
      ['公共服务处', 2],
      ['宣传处', 3],
    ]);
  });

  it('gives the matrix a column per item and, per office row, its role in each item', () => {
    const { matrix } = officeIndexOf(plan);
    expect(matrix.items.map((i) => i.number)).toEqual([1, 2, 3]);
    expect(matrix.rows.map((r) => [r.name, r.roles])).toEqual([
      ['宣传处', ['lead', 'support', 'support']],
      ['公共服务处', [undefined, 'lead', 'lead']],
      ['财务处', ['support', undefined, undefined]],
    ]);
  });

  it('explains each group entry and names the items it appears in', () => {
    expect(officeIndexOf(plan).groups).toEqual([
      { name: '相关处室', explanation: '泛指与该项工作相关的处室，原文未具体列明。', items: [{ number: 3, name: '第3项' }] },
    ]);
  });
});
