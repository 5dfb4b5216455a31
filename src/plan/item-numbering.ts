/**
 * Item numbers and addresses: how the printed numbers run, and the stable id each item gets from them.
 */
import type { BodyLayout } from './body-layout.ts';
import type { NumberedItem } from './body-items.ts';
import { problem, type Problem } from './problem.ts';
import type { Item, Section } from './schema.ts';


function runsFromOne(groups: NumberedItem[][]): boolean {
  return groups.every((g) => g.every((item, k) => item.printed === k + 1));
}

/** How item numbers run: through the plan, restarting per section or subsection, or neither. */
export function numberingOf(items: readonly NumberedItem[], sections: readonly Section[]): BodyLayout['numbering'] {
  if (items.every((item, k) => item.printed === k + 1)) return 'continuous';
  const bySection = sections.map((s) => items.filter((i) => i.section === s.number));
  if (runsFromOne(bySection)) return 'per-section';
  const bySub = sections.flatMap((s) => (s.subsections ?? []).map((sub) => items.filter((i) => i.section === s.number && i.subsection === sub.number)));
  if (bySub.length > 0 && runsFromOne(bySub)) return 'per-subsection';
  return 'irregular';
}

/** The stable id of an item: the printed number when it runs through the plan, else prefixed by section (and subsection). */
function idOf(item: NumberedItem, numbering: BodyLayout['numbering']): string {
  if (numbering === 'per-section') return `${item.section}-${item.printed}`;
  if (numbering === 'per-subsection') return `${item.section}-${item.subsection}-${item.printed}`;
  return String(item.printed);
}

/** The items with their ids; two items at one address are a problem, a gap in irregular numbering a warning. */
export function assignIds(numbered: readonly NumberedItem[], numbering: BodyLayout['numbering'], problems: Problem[], warnings: Problem[]): Item[] {
  const seen = new Map<string, Item>();
  const items = numbered.map((draft) => {
    const { printed: _printed, number, ...rest } = draft;
    // number first, then id: the order of the keys in plan.json.
    const item: Item = { number, id: idOf(draft, numbering), ...rest };
    const twin = seen.get(item.id);
    if (twin) {
      problems.push(problem(item.source.pos.line, item.source.pos.column, 'duplicate-item-number', `Items at lines ${twin.source.pos.line} and ${item.source.pos.line} are both numbered ${item.source.numberText.trim()}, and their numbering follows neither the plan nor each section, so the reader cannot give each its own address.`));
    }
    seen.set(item.id, item);
    return item;
  });
  if (numbering === 'irregular' && problems.length === 0) {
    const gap = items.find((item, k) => k > 0 && Number(item.id) !== Number(items[k - 1]!.id) + 1);
    if (gap) warnings.push(problem(gap.source.pos.line, gap.source.pos.column, 'item-number-gap', `Item ${gap.source.numberText.trim()} follows item ${items[items.indexOf(gap) - 1]!.source.numberText.trim()}: the printed numbering has a gap or goes back. Items keep their printed numbers.`));
  }
  return items;
}
