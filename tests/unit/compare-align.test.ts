/**
 * Aligning two editions: the seed plan (a) against the invented test edition (b) of tests/fixtures/editions/.
 */
import { describe, expect, it } from 'vitest';
import { MATCH_THRESHOLD, TITLE_WEIGHT, alignEditions, sameContent } from '../../src/compare/align.ts';
import { bigrams, dice } from '../../src/compare/similarity.ts';
import type { AlignedEntry, EditionItem } from '../../src/compare/types.ts';
import { NEW_ITEM } from '../fixtures/editions/2021-test-edition.ts';
import { loadEditions } from '../fixtures/editions/load.ts';

const { a, b } = loadEditions();
const alignment = alignEditions(a, b);

/** A row as [tag, id in a, id in b], ids of the item numbers of each edition. */
function row(e: AlignedEntry): [string, string | null, string | null] {
  return [e.tag, e.tag === '新增' ? null : e.a.id, e.tag === '删除' ? null : e.b.id];
}

// Listed by hand from the README of the fixture: b's order, deletions after their preceding neighbour in a.
const EXPECTED: [string, string | null, string | null][] = [
  ['调整', '1', '1'],
  ...[2, 3, 4, 5, 6, 7, 8, 9, 10].map((n): [string, string, string] => ['延续', `${n}`, `${n}`]),
  ['删除', '11', null],
  ['新增', null, '11'],
  ['延续', '12', '12'],
  ['延续', '13', '13'],
  ['延续', '14', '14'],
  ['延续', '15', '15'],
  ['调整', '16', '16'],
  ['延续', '17', '17'],
  ['延续', '18', '18'],
  ['延续', '19', '19'],
  ['延续', '20', '20'],
  ['延续', '21', '21'],
  ['删除', '22', null],
  ['延续', '23', '22'],
  ['调整', '24', '23'],
  ['延续', '26', '24'],
  ['延续', '27', '25'],
  ['延续', '28', '26'],
  ['延续', '29', '27'],
  ['延续', '30', '28'],
  ['延续', '31', '29'],
  ['延续', '32', '30'],
  ['延续', '33', '31'],
  ['延续', '25', '32'],
];

describe('alignEditions', () => {
  it('tags every item of the test edition as listed by hand, in b’s order with deletions after their neighbour', () => {
    expect(alignment.entries.map(row)).toEqual(EXPECTED);
    expect(alignment.counts).toEqual({ 新增: 1, 删除: 2, 延续: 28, 调整: 3 });
  });

  it('flags the item moved to another section, and the item whose offices changed, while keeping them 延续', () => {
    const moved = alignment.entries.filter((e) => e.tag !== '新增' && e.tag !== '删除' && e.moved).map(row);
    const officesChanged = alignment.entries.filter((e) => e.tag !== '新增' && e.tag !== '删除' && e.officesChanged).map(row);
    expect(moved).toEqual([['延续', '25', '32']]);
    expect(officesChanged).toEqual([['延续', '28', '26']]);
  });

  it('keeps scores: 1 for identical items, the best candidate (below the threshold) for unmatched ones', () => {
    const byRow = new Map(alignment.entries.map((e) => [row(e).join(' '), e]));
    const kept = byRow.get('延续 2 2');
    expect(kept && 'score' in kept && kept.score).toEqual({ title: 1, text: 1, total: 1 });
    const retitled = byRow.get('调整 24 23');
    expect(retitled && 'score' in retitled && retitled.score.title).toBeLessThan(1);
    expect(retitled && 'score' in retitled && retitled.score.text).toBe(1);
    const added = byRow.get('新增  11');
    expect(added?.tag === '新增' && added.nearest?.score.total).toBeLessThan(MATCH_THRESHOLD);
    expect(added?.tag === '新增' && added.b.title).toBe(NEW_ITEM.title);
  });

  it('never matches two different items of one plan: the threshold is above every cross-item score of the seed', () => {
    let highest = 0;
    for (const x of a) {
      for (const y of a) {
        if (x.id === y.id) continue;
        const total = TITLE_WEIGHT * dice(bigrams(x.title), bigrams(y.title)) + (1 - TITLE_WEIGHT) * dice(bigrams(x.text), bigrams(y.text));
        highest = Math.max(highest, total);
      }
    }
    expect(highest).toBeLessThan(MATCH_THRESHOLD - 0.1);
    // And no item of the seed is paired with another one when the editions share nothing but the vocabulary.
    const shifted = alignEditions(a.slice(0, 16), a.slice(16));
    expect(shifted.counts).toEqual({ 新增: 17, 删除: 16, 延续: 0, 调整: 0 });
  });

  it('gives the same output on every run and for copies of the input', () => {
    expect(JSON.stringify(alignEditions(structuredClone(a), structuredClone(b)))).toBe(JSON.stringify(alignment));
  });

  it('swaps 新增 and 删除 when the editions are swapped, and keeps the pairs', () => {
    const swapped = alignEditions(b, a);
    const swap = (tag: string) => (tag === '新增' ? '删除' : tag === '删除' ? '新增' : tag);
    const pairs = (entries: AlignedEntry[], flip: boolean) =>
      entries.map(row).map(([tag, x, y]) => (flip ? `${swap(tag)} ${y} ${x}` : `${tag} ${x} ${y}`)).sort();
    expect(pairs(swapped.entries, true)).toEqual(pairs(alignment.entries, false));
    expect(swapped.counts).toEqual({ 新增: 2, 删除: 1, 延续: 28, 调整: 3 });
  });

  it('matches a pair one-to-one, best score first, with the section as a tie-breaker', () => {
    const item = (id: string, section: string): EditionItem => ({ id, section, title: '推进教育公平', text: '加强学校建设', offices: [] });
    // Two identical candidates in b: the one in the same section wins, the other is new.
    const result = alignEditions([item('1', '乙')], [item('1', '甲'), item('2', '乙')]);
    expect(result.entries.map(row)).toEqual([
      ['新增', null, '1'],
      ['延续', '1', '2'],
    ]);
  });

  it('places a deletion with no matched item before it at the top', () => {
    const item = (id: string, title: string, text: string): EditionItem => ({ id, section: '一', title, text, offices: [] });
    const first = item('1', '完善师德师风建设长效机制', '加强师德师风建设');
    const second = item('2', '推动继续教育规范发展', '规范继续教育办学行为');
    expect(alignEditions([first, second], [second]).entries.map(row)).toEqual([
      ['删除', '1', null],
      ['延续', '2', '2'],
    ]);
  });
});

describe('sameContent (延续 versus 调整)', () => {
  const x = { title: '推进教育公平', text: '2020年完成任务。\n加强建设。' };
  it('ignores whitespace and full-width forms', () => {
    expect(sameContent(x, { title: '推进 教育公平', text: '２０２０ 年完成任务。加强建设。' })).toBe(true);
  });
  it('sees a single changed character, a figure or punctuation', () => {
    expect(sameContent(x, { ...x, text: '2021年完成任务。\n加强建设。' })).toBe(false);
    expect(sameContent(x, { ...x, text: '2020年完成任务，\n加强建设。' })).toBe(false);
    expect(sameContent(x, { ...x, title: '促进教育公平' })).toBe(false);
  });
});
