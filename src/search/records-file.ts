/** A plan's records file: shared by the build that writes it and the browser's search that reads it. */

/**
 * The file beside a plan's index that holds all of its records, for a search of that plan alone: one fetch of a
 * few KiB where Pagefind's first search fetches its script, its WebAssembly, its entry, meta and index chunks, and
 * then one fragment per candidate (over 40 for a two-character query of the seed, six at a time on HTTP/1.1).
 */
export const RECORDS_FILE = 'records.json';
/**
 * Above this a plan has no records file and its searches use Pagefind, which fetches only the chunks a query needs:
 * the seed's records are 53 KB (13 KB brotli); a plan of 3,300 items would be megabytes.
 */
export const RECORDS_MAX_BYTES = 256 * 1024;

/** A record as the browser's search takes it (src/client/engine.ts: Candidate, with the item's offices). */
export interface PlanRecord {
  path: string;
  kind: string;
  number?: number;
  title: string;
  section?: string;
  summary?: string;
  year: number;
  years: string;
  text: string;
  offices?: string[];
}
