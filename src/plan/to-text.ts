/**
 * Plan → text in document order. Used to prove that parsing kept every character (whitespace aside),
 * and as the plain-text view of the plan.
 */
import { unitListToText } from './offices.ts';
import type { Item, Plan, Section } from './schema.ts';

/** The heading of a section as printed, e.g. 一、加强党对教育工作的全面领导. */
export function sectionHeading(section: Section): string {
  return `${section.numeral}${section.separator}${section.title}`;
}

/** The lines of one item as printed: heading, goals, measures paragraphs, units. */
export function itemToLines(item: Item): string[] {
  return [
    `${item.source.numberText}${item.title}`,
    `${item.source.goalsLabel}${item.goals}`,
    `${item.source.measuresLabel}${item.measures[0]}`,
    ...item.measures.slice(1),
    `${item.source.unitsLabel}${unitListToText(item.responsible)}`,
  ];
}

/** The whole plan as text, one paragraph per line. */
export function planToText(plan: Plan): string {
  const lines: string[] = [];
  const { notice } = plan;
  if (notice) {
    lines.push(notice.issuer, notice.title, notice.addressees, ...notice.body, ...notice.signatories, notice.date);
  }
  lines.push(plan.title, ...plan.requirements);
  for (const section of plan.sections) {
    lines.push(sectionHeading(section));
    for (const number of section.items) {
      const item = plan.items.find((i) => i.number === number);
      if (item) lines.push(...itemToLines(item));
    }
  }
  if (plan.closing) {
    lines.push(...plan.closing.paragraphs, `${plan.closing.unitsLabel}${unitListToText(plan.closing.responsible)}`);
  }
  return `${lines.join('\n')}\n`;
}
