/**
 * The plan as CSV tables for spreadsheets: UTF-8 with a BOM (so Excel shows Chinese), CRLF line ends and
 * RFC 4180 quoting, written by csv-stringify. Pure: returns strings.
 */
import { stringify } from 'csv-stringify/sync';
import { itemByNumber } from './links.ts';
import { unitListToText } from './offices.ts';
import type { Plan, FieldKind } from './schema.ts';
import { sectionHeading } from './to-text.ts';

type Row = Record<string, string | number | boolean>;

function toCsv(rows: Row[], columns: string[]): string {
  return stringify(rows, {
    header: true,
    columns,
    bom: true,
    record_delimiter: 'windows',
    // With CRLF records csv-stringify no longer quotes a cell holding a bare \n (a measures paragraph break);
    // spreadsheet programs and Python's csv would then split the row. Quote such cells explicitly.
    quoted_match: /[\r\n]/u,
    cast: { boolean: (b) => (b ? 'true' : 'false') },
  });
}

/** Column names of items.csv. */
export const ITEM_COLUMNS = ['number', 'id', 'title', 'section_number', 'section', 'goals', 'measures', 'text', 'lead_office', 'responsible', 'path'];

/**
 * One row per item. `measures` holds the paragraphs separated by a line break (inside a quoted cell);
 * `responsible` is the 责任单位 list exactly as written.
 */
export function itemsToCsv(plan: Plan): string {
  const rows = plan.items.map((item) => {
    const section = plan.sections.find((s) => s.number === item.section)!;
    const lead = item.responsible?.units[0];
    const field = (kind: FieldKind) => item.fields.filter((f) => f.kind === kind).flatMap((f) => f.paragraphs).join('\n');
    return {
      number: item.number,
      id: item.id,
      title: item.title,
      section_number: section.number,
      section: sectionHeading(section),
      goals: field('goals'),
      measures: field('measures'),
      text: field('text'),
      lead_office: !lead ? '' : lead.kind === 'office' ? plan.offices.find((o) => o.slug === lead.office)!.name : lead.name,
      responsible: item.responsible ? unitListToText(item.responsible) : '',
      path: `items/${item.id}/`,
    };
  });
  return toCsv(rows, ITEM_COLUMNS);
}

/** Column names of offices.csv. */
export const OFFICE_COLUMNS = ['slug', 'name', 'aliases', 'lead_count', 'support_count', 'item_count', 'items_led', 'items_supported', 'closing', 'path'];

/** One row per office; item lists are item numbers separated by spaces. */
export function officesToCsv(plan: Plan): string {
  const rows = plan.offices.map((o) => {
    const led = o.items.filter((i) => i.lead).map((i) => i.number);
    const supported = o.items.filter((i) => !i.lead).map((i) => i.number);
    return {
      slug: o.slug,
      name: o.name,
      aliases: o.aliases.join('、'),
      lead_count: led.length,
      support_count: supported.length,
      item_count: o.items.length,
      items_led: led.join(' '),
      items_supported: supported.join(' '),
      closing: o.closing,
      path: `offices/${o.slug}/`,
    };
  });
  return toCsv(rows, OFFICE_COLUMNS);
}

/** Column names of responsibilities.csv. */
export const RESPONSIBILITY_COLUMNS = ['item_number', 'item_title', 'position', 'unit', 'kind', 'office_slug', 'office_name', 'lead'];

/** One row per entry of every item's 责任单位 list, in document order, groups included (kind = group). */
export function responsibilitiesToCsv(plan: Plan): string {
  const rows: Row[] = [];
  for (const item of plan.items) {
    item.responsible?.units.forEach((u, index) => {
      const office = u.kind === 'office' ? plan.offices.find((o) => o.slug === u.office)! : undefined;
      rows.push({
        item_number: item.number,
        item_title: itemByNumber(plan, item.number).title,
        position: index + 1,
        unit: u.name,
        kind: u.kind,
        office_slug: office?.slug ?? '',
        office_name: office?.name ?? '',
        lead: u.lead,
      });
    });
  }
  return toCsv(rows, RESPONSIBILITY_COLUMNS);
}
