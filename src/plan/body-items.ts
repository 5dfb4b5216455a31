/**
 * Items finished: drafts checked and numbered in plan order, with the reader's warnings about what most items have
 * and some lack.
 */
import type { Draft } from './item-fields.ts';
import { problem, type Problem } from './problem.ts';
import { FIELD_NAMES } from './vocabulary.ts';
import type { Item, Section } from './schema.ts';

/** An item read in full, with its number as printed, before its id is chosen from how the numbers run. */
export interface NumberedItem extends Omit<Item, 'id'> {
  /** The number printed in its heading (1. or （一）), which the id is made from. */
  printed: number;
}

/**
 * The drafts as items (ids still to come from their printed numbers), each placed in its section (and subsection);
 * drafts that cannot be items are reported.
 */
export function finishItems(drafts: Draft[], sections: Section[], problems: Problem[], warnings?: Problem[]): NumberedItem[] {
  const items: NumberedItem[] = [];
  const headlineOnly: Draft[] = [];
  drafts.forEach((d, index) => {
    const number = index + 1;
    if (!d.title) {
      problems.push(problem(d.at.line, d.at.column, 'missing-title', `Item ${d.numberText.trim()} (line ${d.at.line}) has its number but no headline after it.`));
      return;
    }
    for (const f of d.fields) {
      if (f.paragraphs.length === 0) {
        problems.push(problem(d.at.line, d.at.column, 'empty-field', `Item ${d.numberText.trim()}’s ${f.label} has no text under it.`));
        return;
      }
    }
    if (d.fields.length === 0 && !d.responsible && d.headline === 'line' && warnings) headlineOnly.push(d);
    const section = sections[d.section - 1]!;
    section.items.push(number);
    if (d.subsection) section.subsections?.[d.subsection - 1]?.items.push(number);
    items.push({
      number,
      title: d.title,
      section: d.section,
      ...(d.subsection ? { subsection: d.subsection } : {}),
      fields: d.fields,
      ...(d.responsible ? { responsible: d.responsible } : {}),
      source: {
        numberText: d.numberText,
        headline: d.headline,
        titleEnd: d.titleEnd,
        ...(d.units ? { units: d.units } : {}),
        pos: { line: d.at.line, column: d.at.column },
      },
      printed: d.printed,
    });
  });
  // An item that is a headline and nothing more: a task list's one-sentence task (ending in 。) is complete, but
  // a headline without a full stop, with nothing under it while the other items have text, reads as a heading
  // whose text is missing or was read elsewhere — said, at its line, never passed over.
  if (warnings && headlineOnly.length > 0 && headlineOnly.length < drafts.length) {
    for (const d of headlineOnly) {
      warnings.push(problem(d.at.line, d.at.column, 'item-without-text', `Item ${d.numberText.trim()} (line ${d.at.line}, “${d.title.length > 20 ? `${[...d.title].slice(0, 20).join('')}…` : d.title}”) is a headline with no text and no 责任单位 under it, while other items have text; it is shown as a headline only.`));
    }
  }
  return items;
}

/** In a labelled plan, an item without a field that most items have is read as it is, and said so. */
export function reportMissingFields(items: readonly Pick<Item, 'fields' | 'responsible' | 'source'>[], warnings: Problem[]) {
  for (const kind of ['goals', 'measures'] as const) {
    const having = items.filter((i) => i.fields.some((f) => f.kind === kind)).length;
    if (having * 2 <= items.length) continue;
    const name = FIELD_NAMES[kind];
    for (const item of items.filter((i) => !i.fields.some((f) => f.kind === kind))) {
      warnings.push(problem(item.source.pos.line, item.source.pos.column, 'field-missing', `Item ${item.source.numberText.trim()} has no ${name}, which ${having} of the ${items.length} items have; it is shown with the fields it has.`));
    }
  }
  const withUnits = items.filter((i) => i.responsible).length;
  if (withUnits * 2 > items.length) {
    for (const item of items.filter((i) => !i.responsible)) {
      warnings.push(problem(item.source.pos.line, item.source.pos.column, 'units-missing', `Item ${item.source.numberText.trim()} names no 责任单位, which ${withUnits} of the ${items.length} items do; it is listed under no office.`));
    }
  }
}

