/** The comparison page's view (src/views/compare-page.ts): entries, counterparts and office lines of an alignment. */
import { describe, expect, it } from 'vitest';
import type { PairDiff } from '../../src/compare/diff.ts';
import { officeChanges } from '../../src/compare/office-changes.ts';
import type { Alignment, EditionItem } from '../../src/compare/types.ts';
import { compareEntries, officeChangeLines } from '../../src/views/compare-page.ts';

// Our own editions: item 1 kept but moved and given another office, item 2 changed, item 3 deleted, b's 3 new.
const item = (id: string, title: string, section: string, offices: string[]): EditionItem => ({ id, title, section, text: `${title}。`, offices });
const a1 = item('1', '建设社区书屋', '一、改进服务', ['宣传处']);
const a2 = item('2', '办好读书节', '一、改进服务', ['宣传处']);
const a3 = item('3', '整理馆藏目录', '二、队伍建设', ['财务处']);
const b1 = item('1', '建设社区书屋', '二、队伍建设', ['宣传处', '人事处']);
const b2 = item('2', '办好全民读书节', '一、改进服务', ['宣传处']);
const b3 = item('3', '开展业务培训', '二、队伍建设', ['人事处']);
const score = { title: 1, text: 1, total: 1 };
const alignment: Alignment = {
  entries: [
    { tag: '延续', a: a1, b: b1, aIndex: 0, bIndex: 0, score, moved: true, officesChanged: true },
    { tag: '调整', a: a2, b: b2, aIndex: 1, bIndex: 1, score, moved: false, officesChanged: false },
    { tag: '删除', a: a3, aIndex: 2 },
    { tag: '新增', b: b3, bIndex: 2 },
  ],
  counts: { 新增: 1, 删除: 1, 延续: 1, 调整: 1 },
  threshold: 0.5,
};
const diff: PairDiff = { title: [{ kind: 'same', text: '办好' }, { kind: 'added', text: '全民' }, { kind: 'same', text: '读书节' }], text: [] };
const entries = compareEntries(alignment, new Map([[1, diff]]), { a: '2031', b: '2032' });

describe('comparison page view', () => {
  it('names each entry by the newer edition’s item, or the older’s for a deleted item, and anchors it by position', () => {
    expect(entries.map((e) => [e.anchor, e.tag, e.item.side, e.item.name, e.item.title])).toEqual([
      ['e1', '延续', 'b', '2032年第1项', '建设社区书屋'],
      ['e2', '调整', 'b', '2032年第2项', '办好全民读书节'],
      ['e3', '删除', 'a', '2031年第3项', '整理馆藏目录'],
      ['e4', '新增', 'b', '2032年第3项', '开展业务培训'],
    ]);
  });

  it('gives a matched entry its counterpart, with the move between sections and the change of offices', () => {
    expect(entries[0]!.counterpart).toEqual({ side: 'a', id: '1', name: '2031年第1项', title: '建设社区书屋', moved: { from: '一、改进服务', to: '二、队伍建设' }, officesChanged: true });
    expect(entries[1]!.counterpart?.moved).toBeUndefined();
    expect(entries[0]!.missingIn).toBeUndefined();
  });

  it('says which edition has no counterpart for a new or deleted item', () => {
    expect([entries[2]!.missingIn, entries[3]!.missingIn]).toEqual(['2032', '2031']);
    expect(entries[2]!.counterpart).toBeUndefined();
  });

  it('carries the word changes of the changed entry only', () => {
    expect(entries.map((e) => e.diff)).toEqual([undefined, diff, undefined, undefined]);
  });

  it('lists per office only the kinds of change it has, each item linked to its entry', () => {
    const lines = officeChangeLines(alignment, officeChanges(alignment));
    const byOffice = new Map(lines.map((o) => [o.office, o]));
    expect(byOffice.get('人事处')).toEqual({ office: '人事处', lines: [{ label: '新增或新承担', entries: [{ anchor: 'e1', title: '建设社区书屋' }, { anchor: 'e4', title: '开展业务培训' }] }], kept: 0 });
    expect(byOffice.get('宣传处')).toEqual({ office: '宣传处', lines: [{ label: '调整', entries: [{ anchor: 'e2', title: '办好全民读书节' }] }], kept: 1 });
    expect(byOffice.get('财务处')?.lines.map((l) => l.label)).toEqual(['删除或不再承担']);
  });
});
