/**
 * How the parts of the plan connect: neighbours, related items, office workloads and the responsibility matrix.
 * Plain functions over the Plan, so pages stay thin and these are tested without Astro.
 */
import type { Item, Office, Plan, Section } from './schema.ts';

/** Collator for ordering Chinese names the way readers expect (by pinyin). */
const zh = new Intl.Collator('zh-CN');

/** An item by number; throws if the plan has no such item (a bug in the caller). */
export function itemByNumber(plan: Plan, number: number): Item {
  const item = plan.items.find((i) => i.number === number);
  if (!item) throw new Error(`No item ${number}`);
  return item;
}

/** The section an item is in. */
export function sectionOf(plan: Plan, item: Item): Section {
  const section = plan.sections.find((s) => s.number === item.section);
  if (!section) throw new Error(`No section ${item.section}`);
  return section;
}

/** Previous and next items in plan order. */
export function neighbours(plan: Plan, number: number): { prev?: Item; next?: Item } {
  const index = plan.items.findIndex((i) => i.number === number);
  const prev = plan.items[index - 1];
  const next = plan.items[index + 1];
  return { ...(prev ? { prev } : {}), ...(next ? { next } : {}) };
}

/** The lead office of an item, if its first unit is an office. */
export function leadOffice(plan: Plan, item: Item): Office | undefined {
  const lead = item.responsible?.units[0];
  return lead?.kind === 'office' ? plan.offices.find((o) => o.slug === lead.office) : undefined;
}

/** A related item and why it is related. */
export interface Related {
  item: Item;
  /** Offices that lead both items. */
  sameLead?: Office;
  /** Documents both items cite. */
  sharedCitations: string[];
}

/**
 * Items related to `number`: led by the same office, or citing a document it cites. In plan order; with a
 * `limit`, the ones nearest to it in the plan (a plan of thousands of items would otherwise list hundreds).
 */
export function relatedItems(plan: Plan, number: number, limit = Infinity): Related[] {
  const item = itemByNumber(plan, number);
  const lead = leadOffice(plan, item);
  const cited = plan.citations.filter((c) => c.occurrences.some((o) => o.item === number));
  const related: Related[] = [];
  for (const other of plan.items) {
    if (other.number === number) continue;
    const sameLead = lead && leadOffice(plan, other)?.slug === lead.slug ? lead : undefined;
    const sharedCitations = cited.filter((c) => c.occurrences.some((o) => o.item === other.number)).map((c) => c.title);
    if (sameLead || sharedCitations.length > 0) related.push({ item: other, ...(sameLead ? { sameLead } : {}), sharedCitations });
  }
  if (related.length <= limit) return related;
  const distance = (r: Related) => Math.abs(r.item.number - number);
  return [...related].sort((a, b) => distance(a) - distance(b) || a.item.number - b.item.number).slice(0, limit).sort((a, b) => a.item.number - b.item.number);
}

/** An office's items in one section, split into those it leads and those it supports. */
export interface OfficeSectionItems {
  section: Section;
  lead: Item[];
  support: Item[];
}

/** An office's items grouped by section, in plan order. */
export function officeItemsBySection(plan: Plan, office: Office): OfficeSectionItems[] {
  return plan.sections
    .map((section) => {
      const inSection = office.items.filter((ref) => itemByNumber(plan, ref.number).section === section.number);
      return {
        section,
        lead: inSection.filter((r) => r.lead).map((r) => itemByNumber(plan, r.number)),
        support: inSection.filter((r) => !r.lead).map((r) => itemByNumber(plan, r.number)),
      };
    })
    .filter((g) => g.lead.length + g.support.length > 0);
}

/** Number of items an office leads. */
export function leadCount(office: Office): number {
  return office.items.filter((i) => i.lead).length;
}

/** Offices by number of items (most first), then lead count, then name. */
export function officesByCount(plan: Plan): Office[] {
  return [...plan.offices].sort(
    (a, b) => b.items.length - a.items.length || leadCount(b) - leadCount(a) || zh.compare(a.name, b.name),
  );
}

/** Offices by name in pinyin order. */
export function officesByName(plan: Plan): Office[] {
  return [...plan.offices].sort((a, b) => zh.compare(a.name, b.name));
}

/** One cell of the responsibility matrix. */
export type Role = 'lead' | 'support' | undefined;

/** Role of an office in an item. */
export function roleIn(office: Office, number: number): Role {
  const ref = office.items.find((i) => i.number === number);
  return ref ? (ref.lead ? 'lead' : 'support') : undefined;
}

/** Offices that share any item with `office`, with how many items they share (most first). */
export function partnerOffices(plan: Plan, office: Office): { office: Office; shared: number }[] {
  const mine = new Set(office.items.map((i) => i.number));
  return plan.offices
    .filter((o) => o.slug !== office.slug)
    .map((o) => ({ office: o, shared: o.items.filter((i) => mine.has(i.number)).length }))
    .filter((p) => p.shared > 0)
    .sort((a, b) => b.shared - a.shared || zh.compare(a.office.name, b.office.name));
}

/** Office by slug, or undefined. */
export function officeBySlug(plan: Plan, slug: string): Office | undefined {
  return plan.offices.find((o) => o.slug === slug);
}
