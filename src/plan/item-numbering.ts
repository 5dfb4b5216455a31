/**
 * Item numbers and addresses: how the printed numbers run, and the stable id each item gets from them.
 */
import type { BodyLayout } from './body.ts';
import { problem, type Problem } from './problem.ts';
import type { Item, Section } from './schema.ts';

const printedOf = (item: Item) => (item as Item & { printed: number }).printed;

function runsFromOne(groups: Item[][]): boolean {
  return groups.every((g) => g.every((item, k) => printedOf(item) === k + 1));
}

/** How item numbers run: through the plan, restarting per section or subsection, or neither. */
export function numberingOf(items: Item[], sections: Section[]): BodyLayout['numbering'] {
  if (items.every((item, k) => printedOf(item) === k + 1)) return 'continuous';
  const bySection = sections.map((s) => items.filter((i) => i.section === s.number));
  if (runsFromOne(bySection)) return 'per-section';
  const bySub = sections.flatMap((s) => (s.subsections ?? []).map((sub) => items.filter((i) => i.section === s.number && i.subsection === sub.number)));
  if (bySub.length > 0 && runsFromOne(bySub)) return 'per-subsection';
  return 'irregular';
}

/** Stable ids: the printed number when it runs through the plan, else prefixed by section (and subsection). */
export function assignIds(items: Item[], numbering: BodyLayout['numbering'], problems: Problem[], warnings: Problem[]) {
  const seen = new Map<string, Item>();
  for (const item of items) {
    const printed = printedOf(item);
    item.id =
      numbering === 'per-section'
        ? `${item.section}-${printed}`
        : numbering === 'per-subsection'
          ? `${item.section}-${item.subsection}-${printed}`
          : String(printed);
    const twin = seen.get(item.id);
    if (twin) {
      problems.push(problem(item.source.pos.line, item.source.pos.column, 'duplicate-item-number', `Items at lines ${twin.source.pos.line} and ${item.source.pos.line} are both numbered ${item.source.numberText.trim()}, and their numbering follows neither the plan nor each section, so the reader cannot give each its own address.`));
    }
    seen.set(item.id, item);
    delete (item as Partial<Item & { printed: number }>).printed;
  }
  if (numbering === 'irregular' && problems.length === 0) {
    const gap = items.find((item, k) => k > 0 && Number(item.id) !== Number(items[k - 1]!.id) + 1);
    if (gap) warnings.push(problem(gap.source.pos.line, gap.source.pos.column, 'item-number-gap', `Item ${gap.source.numberText.trim()} follows item ${items[items.indexOf(gap) - 1]!.source.numberText.trim()}: the printed numbering has a gap or goes back. Items keep their printed numbers.`));
  }
}

