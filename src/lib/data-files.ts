/**
 * The data files under /data/: names, what they hold, and their contents (computed once per build).
 */
import { DEFAULT_PLAN_FILE } from '../build/read-plan.ts';
import { itemsToCsv, officesToCsv, responsibilitiesToCsv } from '../plan/csv.ts';
import { exportJsonSchema, planToExport } from '../plan/export.ts';
import { plan } from './plan.ts';
import { href } from './urls.ts';

const source = (process.env.PLAN_FILE || DEFAULT_PLAN_FILE).split('/').at(-1)!;

/** /data/plan.json, pretty-printed (it is small, and readable is worth more than 20 % of bytes). */
export const planJson = `${JSON.stringify({ $schema: './plan.schema.json', ...planToExport(plan, source) }, null, 2)}\n`;
/** /data/plan.schema.json. */
export const planSchemaJson = `${JSON.stringify(exportJsonSchema(new URL(href('data/plan.schema.json'), import.meta.env.SITE).href), null, 2)}\n`;
/** /data/items.csv. */
export const itemsCsv = itemsToCsv(plan);
/** /data/offices.csv. */
export const officesCsv = officesToCsv(plan);
/** /data/responsibilities.csv. */
export const responsibilitiesCsv = responsibilitiesToCsv(plan);

const csvType = 'text/csv; charset=utf-8; header=present';
const jsonType = 'application/json; charset=utf-8';

/** A static-endpoint response for a data file. */
export function fileResponse(body: string, type: 'csv' | 'json'): Response {
  return new Response(body, { headers: { 'Content-Type': type === 'csv' ? csvType : jsonType } });
}
