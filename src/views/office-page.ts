/**
 * What an office's page (/<plan>/offices/<slug>/) shows: its counts, its items by section split into those it leads
 * and those it supports, and the offices it most often shares work with. Pure: the page renders what this returns.
 */
import { leadCount, officeItemsBySection, partnerOffices } from '../plan/links.ts';
import type { Item, Office, Plan, UnitList, UnitsSource } from '../plan/schema.ts';
import { sectionHeading } from '../plan/to-text.ts';

/** An item as the office page lists it: its number and title as printed, its first paragraph, its 责任单位. */
export interface OfficeItem {
  number: number;
  heading: string;
  /** The first field's label and first paragraph, as printed. */
  first?: string;
  units?: { label: string; list: UnitList; partner: UnitsSource['partner'] };
}

/** One section of the office's items: `heading` absent for the implicit section (a plan without headings). */
export interface OfficeSection {
  number: number;
  heading?: string;
  roles: { role: '牵头' | '参与'; items: OfficeItem[] }[];
}

/** Everything an office's page shows. */
export interface OfficePage {
  leads: number;
  supports: number;
  total: number;
  sections: OfficeSection[];
  partners: { slug: string; name: string; shared: number }[];
}

/** How many partner offices the page names at most. */
export const PARTNERS_SHOWN = 8;

const officeItem = (item: Item): OfficeItem => ({
  number: item.number,
  heading: `${item.source.numberText}${item.title}`,
  ...(item.fields[0] ? { first: `${item.fields[0].label}${item.fields[0].paragraphs[0] ?? ''}` } : {}),
  ...(item.responsible && item.source.units ? { units: { label: item.source.units.label, list: item.responsible, partner: item.source.units.partner } } : {}),
});

/** The office's page: its items by section (lead before support, empty roles left out), partners most shared first. */
export function officePageOf(plan: Plan, office: Office): OfficePage {
  const leads = leadCount(office);
  return {
    leads,
    supports: office.items.length - leads,
    total: office.items.length,
    sections: officeItemsBySection(plan, office).map((g) => ({
      number: g.section.number,
      ...(g.section.implicit ? {} : { heading: sectionHeading(g.section) }),
      roles: [
        { role: '牵头' as const, items: g.lead.map(officeItem) },
        { role: '参与' as const, items: g.support.map(officeItem) },
      ].filter((r) => r.items.length > 0),
    })),
    partners: partnerOffices(plan, office)
      .slice(0, PARTNERS_SHOWN)
      .map((p) => ({ slug: p.office.slug, name: p.office.name, shared: p.shared })),
  };
}
