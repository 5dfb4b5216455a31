/**
 * What changed for an office, and the adapter from today's Plan that supplies the offices.
 */
import { describe, expect, it } from 'vitest';
import { alignEditions } from '../../src/compare/align.ts';
import { planToEditionItems } from '../../src/compare/edition-item.ts';
import { officeChanges, type OfficeChange } from '../../src/compare/office-changes.ts';
import type { AlignedEntry, EditionItem } from '../../src/compare/types.ts';
import { loadEditions } from '../fixtures/editions/load.ts';

const { seed, a, b } = loadEditions();
const byOffice = new Map(officeChanges(alignEditions(a, b)).map((o) => [o.office, o]));

/** An entry named by its id in a (or `b<id>` for a new item). */
const name = (e: AlignedEntry) => (e.tag === '新增' ? `b${e.b.id}` : e.a.id);
const view = (o: OfficeChange | undefined) =>
  o && { added: o.added.map(name), removed: o.removed.map(name), changed: o.changed.map(name), kept: o.kept.map(name) };

describe('officeChanges on the test edition', () => {
  it('科技处 lost the deleted item 22 and kept the rest, item 25 moved to another section among them', () => {
    expect(view(byOffice.get('科技处'))).toEqual({ added: [], removed: ['22'], changed: [], kept: ['8', '20', '21', '25'] });
  });

  it('政法处 gained item 28 (named in its units only in the newer edition) and kept its own items', () => {
    expect(view(byOffice.get('政法处'))).toEqual({ added: ['28'], removed: [], changed: [], kept: ['30', '31'] });
  });

  it('基教处 gained the new item and has the changed item 16', () => {
    const o = view(byOffice.get('基教处'));
    expect(o?.added).toEqual(['b11']);
    expect(o?.changed).toEqual(['16']);
    expect(o?.removed).toEqual([]);
  });

  it('lists every office of either edition once, in code-point order', () => {
    const names = [...byOffice.keys()];
    expect(names).toEqual([...new Set([...a, ...b].flatMap((i) => i.offices))].sort());
  });

  it('reconciles an office renamed between editions through aliases', () => {
    const item = (offices: string[]): EditionItem => ({ id: '1', section: '一', title: '推进教育公平', text: '加强学校建设', offices });
    const alignment = alignEditions([item(['考试院'])], [item(['教育考试院'])]);
    expect(officeChanges(alignment).map((o) => [o.office, o.added.length, o.removed.length])).toEqual([
      ['教育考试院', 1, 0],
      ['考试院', 0, 1],
    ]);
    expect(officeChanges(alignment, { 考试院: '教育考试院' }).map((o) => [o.office, o.kept.length])).toEqual([['教育考试院', 1]]);
  });
});

describe('planToEditionItems', () => {
  it('joins every field\u2019s paragraphs with a line break, names the section, and keeps plan order', () => {
    expect(a.map((i) => i.id)).toEqual(seed.items.map((i) => String(i.number)));
    const twelve = seed.items[11]!;
    const paragraphs = twelve.fields.flatMap((f) => f.paragraphs);
    expect(a[11]).toMatchObject({ section: seed.sections[3]!.title, title: twelve.title, text: paragraphs.join('\n') });
    expect(paragraphs.length).toBeGreaterThan(2);
  });

  it('lists offices by canonical name, lead first, without groups', () => {
    expect(a[0]!.offices).toEqual(['秘书处']); // 秘书处、相关处室: the group is not an office
    expect(a[7]!.offices.at(-1)).toBe('教育考试院'); // written 考试院, an alias
    expect(planToEditionItems(seed)).toEqual(a);
  });
});
