/**
 * What search finds: one record per item (its full text as printed: heading, labels, fields, 责任单位),
 * per office and per section. Pure; used by the index step, the offline bundle and the browser.
 */
import { itemByNumber } from '../plan/links.ts';
import type { Plan } from '../plan/schema.ts';
import { itemToLines, sectionHeading } from '../plan/to-text.ts';

/** A searchable page. */
export interface SearchRecord {
  /** Page path relative to the site root, e.g. items/3/. */
  path: string;
  kind: 'item' | 'office' | 'section';
  /** Item or section number; absent for offices. */
  number?: number;
  /** Title shown in results. */
  title: string;
  /** For items: the section heading it belongs to. */
  section?: string;
  /** For items: canonical names of the offices responsible; for offices: their aliases. */
  offices?: string[];
  /** For offices: a one-line summary (counts). */
  summary?: string;
  /** The text searched, one paragraph per line, exactly as on the page. */
  text: string;
}

/** Search records for every item, office and section, in plan order. */
export function planToSearchRecords(plan: Plan): SearchRecord[] {
  const items: SearchRecord[] = plan.items.map((item) => {
    const section = plan.sections.find((s) => s.number === item.section)!;
    const offices = (item.responsible?.units ?? [])
      .filter((u) => u.kind === 'office')
      .map((u) => plan.offices.find((o) => o.slug === u.office)!.name);
    return {
      path: `items/${item.id}/`,
      kind: 'item',
      number: item.number,
      title: item.title,
      // The implicit section of a plan without 一、 headings names nothing to filter by.
      ...(section.implicit ? {} : { section: sectionHeading(section) }),
      offices,
      text: itemToLines(item).join('\n'),
    };
  });
  const offices: SearchRecord[] = plan.offices.map((office) => {
    const leads = office.items.filter((i) => i.lead).length;
    return {
      path: `offices/${office.slug}/`,
      kind: 'office',
      title: office.name,
      offices: office.aliases,
      summary: `牵头 ${leads} 项 · 参与 ${office.items.length - leads} 项`,
      text: [office.name, ...office.aliases].join('\n'),
    };
  });
  // Sections with a heading have a page; a section of prose is found by its text, which no item holds.
  const sections: SearchRecord[] = plan.sections.filter((s) => !s.implicit).map((section) => ({
    path: `sections/${section.number}/`,
    kind: 'section',
    number: section.number,
    title: sectionHeading(section),
    summary: section.items.length > 0 ? section.items.map((n) => `${n}. ${itemByNumber(plan, n).title}`).join('；') : (section.intro ?? []).join('').slice(0, 80),
    text: section.items.length > 0 ? sectionHeading(section) : [sectionHeading(section), ...(section.intro ?? [])].join('\n'),
  }));
  return [...items, ...offices, ...sections];
}
