/**
 * The published data format (/data/plan.json): the Plan as the parser produces it, plus fields that make it easy
 * to use (each item's offices by name and slug) and a header naming the format and source. Built from the same
 * zod schemas; its JSON Schema is generated from PlanExportSchema, never written by hand.
 */
import { z } from 'zod';
import { ItemSchema, PlanSchema, type Plan } from './schema.ts';

/**
 * Name and version of the data format; bump the number on any incompatible change. The name says what the data is
 * (a work plan), never whose: every plan is exported in the same format. It was `hunan-education-plan/2` until the
 * name lost its one plan; the version moved to 3 with it, so a reader that checks the old name fails loudly.
 */
export const EXPORT_FORMAT = 'work-plan/3';

/** An office named in an item's 责任单位, resolved (aliases merged) — a convenience over `responsible`. */
export const ItemOfficeSchema = z
  .object({
    name: z.string().describe('Canonical office name: where the plan names an office two ways, the name its aliases are merged into'),
    slug: z.string().describe('Office slug, as in /offices/<slug>/'),
    lead: z.boolean().describe('True for the lead unit (牵头), listed first'),
  })
  .describe('An office responsible for the item');

/** An item as exported: the parsed item plus its offices. */
export const ItemExportSchema = ItemSchema.extend({
  offices: z.array(ItemOfficeSchema).describe('Offices responsible for the item, in document order; group entries (a collective phrase standing for unnamed offices) are in `responsible` only'),
}).describe('One numbered work item: its headline, its fields in order (each with its label as printed, or unlabelled text) and the responsible units (responsible) when the plan names them');

/** The whole export. */
export const PlanExportSchema = PlanSchema.extend({
  $schema: z.string().optional().describe('Where the JSON Schema of this file is'),
  format: z.literal(EXPORT_FORMAT).describe('Name and version of this data format'),
  source: z.string().describe('File name of the plan text the data was parsed from'),
  items: z.array(ItemExportSchema).describe('Items in plan order'),
}).describe('A work plan (工作要点) as data: the covering notice with its 公文 elements, general requirements, sections, items, closing paragraph, 附件, 版记, offices, targets and cited documents');

export type PlanExport = z.infer<typeof PlanExportSchema>;

/**
 * Plan → export object (key order fixed, so the JSON is stable).
 * @example planToExport(plan, 'plan.txt').items[0].offices // [{ name: '秘书处', slug: 'mishuchu', lead: true }]
 */
export function planToExport(plan: Plan, source: string): PlanExport {
  const { items, ...rest } = plan;
  return {
    format: EXPORT_FORMAT,
    source,
    ...rest,
    items: items.map((item) => ({
      ...item,
      offices: (item.responsible?.units ?? [])
        .filter((u) => u.kind === 'office')
        .map((u) => ({ name: plan.offices.find((o) => o.slug === u.office)!.name, slug: u.office!, lead: u.lead })),
    })),
  };
}

/** Export → Plan: validates, then drops the convenience fields. Round-trips with planToExport. */
export function exportToPlan(data: unknown): Plan {
  const parsed = PlanExportSchema.parse(data);
  const { $schema: _schema, format: _format, source: _source, items, ...rest } = parsed;
  return PlanSchema.parse({ ...rest, items: items.map(({ offices: _offices, ...item }) => item) });
}

/** The JSON Schema of the export (draft 2020-12), generated from the zod schema. */
export function exportJsonSchema(id: string): Record<string, unknown> {
  return {
    ...z.toJSONSchema(PlanExportSchema, { target: 'draft-2020-12', io: 'output' }),
    $id: id,
    title: 'Work plan data (plan.json)',
  };
}
