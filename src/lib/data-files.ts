/**
 * The data files under /<plan>/data/: their contents for one plan (computed once per plan and build).
 */
import { itemsToCsv, officesToCsv, responsibilitiesToCsv } from '../plan/csv.ts';
import { exportJsonSchema, planToExport } from '../plan/export.ts';
import type { PlanView } from './plans.ts';
import { href } from './urls.ts';

/** One plan's data files, by file name. */
export interface DataFiles {
  'plan.json': string;
  'plan.schema.json': string;
  'items.csv': string;
  'offices.csv': string;
  'responsibilities.csv': string;
}

const cache = new Map<string, DataFiles>();

/** The data files of plan `p`. */
export function dataFilesOf(p: PlanView): DataFiles {
  let files = cache.get(p.id);
  if (!files) {
    const { plan } = p;
    files = {
      // Pretty-printed: it is small, and readable is worth more than 20 % of bytes.
      'plan.json': `${JSON.stringify({ $schema: './plan.schema.json', ...planToExport(plan, p.sourceFile) }, null, 2)}\n`,
      'plan.schema.json': `${JSON.stringify(exportJsonSchema(new URL(href(`${p.id}/data/plan.schema.json`), import.meta.env.SITE).href), null, 2)}\n`,
      'items.csv': itemsToCsv(plan),
      'offices.csv': officesToCsv(plan),
      'responsibilities.csv': responsibilitiesToCsv(plan),
    };
    cache.set(p.id, files);
  }
  return files;
}

const csvType = 'text/csv; charset=utf-8; header=present';
const jsonType = 'application/json; charset=utf-8';

/** A static-endpoint response for a data file. */
export function fileResponse(body: string, type: 'csv' | 'json'): Response {
  return new Response(body, { headers: { 'Content-Type': type === 'csv' ? csvType : jsonType } });
}
