/**
 * “What changed for this office”: for each office, its items of either edition sorted by what happened to them.
 * An office's items are the items whose offices include it.
 */
import type { AlignedEntry, Alignment } from './types.ts';

/** One office's view of a comparison. Each list holds alignment entries, in the alignment's order. */
export interface OfficeChange {
  /** Canonical office name. */
  office: string;
  /** Items that became the office's: new items, or kept items that name it only in the newer edition. */
  added: AlignedEntry[];
  /** Items that stopped being the office's: deleted items, or kept items that no longer name it. */
  removed: AlignedEntry[];
  /** Items the office has in both editions whose title or text changed (调整). */
  changed: AlignedEntry[];
  /** Items the office has in both editions, unchanged (延续). */
  kept: AlignedEntry[];
}

/**
 * Per office, which of its items were added, removed, changed or kept; offices sorted by code point so the
 * order is the same on every machine. `aliases` (alias → canonical) reconciles names that differ between the
 * editions, e.g. an office renamed from one year to the next.
 * @example officeChanges(alignment).find((o) => o.office === '办公室')?.added.length
 */
export function officeChanges(alignment: Alignment, aliases: Readonly<Record<string, string>> = {}): OfficeChange[] {
  const canonical = (name: string) => aliases[name] ?? name;
  const byOffice = new Map<string, OfficeChange>();
  const at = (office: string) => {
    let change = byOffice.get(office);
    if (!change) byOffice.set(office, (change = { office, added: [], removed: [], changed: [], kept: [] }));
    return change;
  };
  for (const entry of alignment.entries) {
    const before = new Set(entry.tag === '新增' ? [] : entry.a.offices.map(canonical));
    const after = new Set(entry.tag === '删除' ? [] : entry.b.offices.map(canonical));
    for (const office of new Set([...before, ...after])) {
      const change = at(office);
      if (!before.has(office)) change.added.push(entry);
      else if (!after.has(office)) change.removed.push(entry);
      else if (entry.tag === '调整') change.changed.push(entry);
      else change.kept.push(entry);
    }
  }
  return [...byOffice.values()].sort((x, y) => (x.office < y.office ? -1 : x.office > y.office ? 1 : 0));
}
