/**
 * What the whole-plan page (/<plan>/full/) shows around the items: its table of contents and, for each section,
 * where a subsection （一） begins. Pure: the page and its components render what this returns.
 */
import { contentsPhrase } from '../lib/plan-shape.ts';
import { itemByNumber } from '../plan/links.ts';
import type { Plan, Section } from '../plan/schema.ts';
import { itemLabel, itemName, sectionHeading } from '../plan/to-text.ts';

/** An entry of the contents: the id it points to, its text, and the entries under it. */
export interface TocEntry {
  target: string;
  text: string;
  children?: TocEntry[];
}

/** An item's place in the page: its number, how pages name it, and the subsection heading it opens (if any). */
export interface FullItem {
  number: number;
  name: string;
  subsection?: string;
}

const itemEntry = (plan: Plan, n: number): TocEntry => {
  const item = itemByNumber(plan, n);
  // Number and title run together, as the contents have always shown them (1.标题, no space).
  return { target: `item-${item.id}`, text: `${itemLabel(item)}${item.title}` };
};

/**
 * The contents: 总体要求 where the plan has them, each section with its items (the implicit section's items
 * standing in for it, as there is no heading to list), and 结尾 where the plan has a closing paragraph.
 */
export function fullToc(plan: Plan): TocEntry[] {
  return [
    ...(plan.requirements.length > 0 ? [{ target: 'requirements', text: '总体要求' }] : []),
    ...plan.sections.flatMap((s): TocEntry[] =>
      s.implicit ? s.items.map((n) => itemEntry(plan, n)) : [{ target: `section-${s.number}`, text: sectionHeading(s), children: s.items.map((n) => itemEntry(plan, n)) }],
    ),
    ...(plan.closing ? [{ target: 'closing', text: '结尾' }] : []),
  ];
}

/** A section's items in order, each with the heading of the subsection （一） it opens, where the plan has two levels. */
export function fullItems(plan: Plan, section: Section): FullItem[] {
  return section.items.map((n) => {
    const sub = section.subsections?.find((s) => s.items[0] === n);
    return { number: n, name: itemName(itemByNumber(plan, n)), ...(sub ? { subsection: `${sub.numberText}${sub.title}` } : {}) };
  });
}

/** The page's description: what the whole plan holds, in order, and that it prints as one. */
export function fullDescription(plan: Plan): string {
  const parts = [plan.notice && '通知', plan.requirements.length > 0 && '总体要求', contentsPhrase(plan), plan.closing && '结尾段'];
  return `${plan.title}全文：${parts.filter(Boolean).join('、')}，附目录，可整篇打印。`;
}
