/**
 * What a comparison page (/compare/<a>/<b>/) shows of an alignment: each entry with its link, its counterpart in
 * the other edition and its word changes, and what changed for each office. Pure: the page renders what this returns.
 */
import type { PairDiff } from '../compare/diff.ts';
import type { OfficeChange } from '../compare/office-changes.ts';
import type { AlignedEntry, Alignment, ChangeTag } from '../compare/types.ts';

/** The tags in the order the page counts them. */
export const TAGS: ChangeTag[] = ['新增', '调整', '延续', '删除'];

/** The id of entry `i` of the alignment on the page, e.g. e1. */
export const entryAnchor = (i: number) => `e${i + 1}`;

/** An item of one edition: which edition, its id and how the page names it (2021年第3项). */
export interface EditionRef {
  side: 'a' | 'b';
  id: string;
  name: string;
  title: string;
}

/** One entry as the page shows it. */
export interface CompareEntry {
  anchor: string;
  tag: ChangeTag;
  /** The item the entry is about: the newer edition's, or the older's for a deleted item. */
  item: EditionRef;
  /** For 延续 and 调整: the older edition's item, whether it moved between sections, whether its offices changed. */
  counterpart?: EditionRef & { moved?: { from: string; to: string }; officesChanged: boolean };
  /** For 新增 and 删除: the years of the edition that has no such item. */
  missingIn?: string;
  diff?: PairDiff;
}

/** One office's changes: a line per kind of change that has entries, and how many items it kept. */
export interface OfficeChangeLines {
  office: string;
  lines: { label: string; entries: { anchor: string; title: string }[] }[];
  kept: number;
}

const ref = (side: 'a' | 'b', years: string, item: { id: string; title: string }): EditionRef => ({ side, id: item.id, name: `${years}年第${item.id}项`, title: item.title });

/** The entries of the alignment, in its order, as the page lists them; `years` names the two editions. */
export function compareEntries(alignment: Alignment, diffs: ReadonlyMap<number, PairDiff>, years: { a: string; b: string }): CompareEntry[] {
  return alignment.entries.map((e, i) => {
    const base = { anchor: entryAnchor(i), tag: e.tag, ...(diffs.has(i) ? { diff: diffs.get(i)! } : {}) };
    if (e.tag === '新增') return { ...base, item: ref('b', years.b, e.b), missingIn: years.a };
    if (e.tag === '删除') return { ...base, item: ref('a', years.a, e.a), missingIn: years.b };
    return {
      ...base,
      item: ref('b', years.b, e.b),
      counterpart: { ...ref('a', years.a, e.a), ...(e.moved ? { moved: { from: e.a.section, to: e.b.section } } : {}), officesChanged: e.officesChanged },
    };
  });
}

/** For each office, its added, removed and changed items (each linked to its entry), and how many it kept. */
export function officeChangeLines(alignment: Alignment, offices: OfficeChange[]): OfficeChangeLines[] {
  const indexOf = new Map(alignment.entries.map((e, i) => [e, i]));
  const entry = (e: AlignedEntry) => ({ anchor: entryAnchor(indexOf.get(e)!), title: 'b' in e ? e.b.title : e.a.title });
  return offices.map((o) => ({
    office: o.office,
    lines: (
      [
        ['新增或新承担', o.added],
        ['删除或不再承担', o.removed],
        ['调整', o.changed],
      ] as const
    )
      .filter(([, list]) => list.length > 0)
      .map(([label, list]) => ({ label, entries: list.map(entry) })),
    kept: o.kept.length,
  }));
}
