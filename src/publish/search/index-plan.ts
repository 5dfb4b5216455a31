/**
 * What the search index step will do, decided without Pagefind: the records of each plan's index, and the
 * content key each index is cached under. Pure, so it is unit-tested (tests/unit/search-index-plan.test.ts).
 */
import type { ArchiveEntry } from '../../config/archive-entry.ts';
import { yearSpan } from '../../config/plan-config.ts';
import { contentKey } from '../cache/output-cache.ts';
import { FILTERS } from '../../search/filters.ts';
import { toIndexContent } from '../../search/match.ts';
import { planToSearchRecords, type SearchRecord } from '../../search/records.ts';
import { RECORDS_MAX_BYTES, type PlanRecord } from '../../search/records-file.ts';

/** Where the indexes go in the built site: one folder per plan under it. */
export const INDEX_FOLDER = 'pagefind';
/** The list of the plans' indexes, in INDEX_FOLDER: `{"plans":["2021","2020"]}`, newest first. */
export const PLAN_LIST = 'plans.json';

/** One record as Pagefind's addCustomRecord takes it. */
export interface CustomRecord {
  url: string;
  content: string;
  language: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
  sort?: Record<string, string>;
}

/** One plan's index: its records and the key of its cached copy. */
export interface PlanIndex {
  id: string;
  /** SHA-256 of the records and the indexing code: the same key means the same index. */
  key: string;
  records: CustomRecord[];
}

const KIND_LABEL = { item: '工作事项', office: '处室', section: '部分' } as const;

/** A record as Pagefind stores it; `record.path` is relative to the site root. */
function recordToCustom(record: SearchRecord, entry: Pick<ArchiveEntry, 'id' | 'year' | 'yearTo'>): CustomRecord {
  const filters: Record<string, string[]> = { [FILTERS.kind]: [KIND_LABEL[record.kind]], [FILTERS.plan]: [entry.id] };
  if (record.kind === 'item') {
    if (record.section) filters[FILTERS.section] = [record.section];
    filters[FILTERS.office] = record.offices!;
  }
  // The plan's year names a result when the reader searches several plans at once.
  const meta: Record<string, string> = { title: record.title, kind: record.kind, path: record.path, year: String(entry.year), years: yearSpan(entry) };
  if (record.number !== undefined) meta.number = String(record.number);
  if (record.section) meta.section = record.section;
  if (record.summary) meta.summary = record.summary;
  return {
    url: record.path,
    content: toIndexContent(record.text),
    language: 'zh-cn',
    meta,
    filters,
    ...(record.number !== undefined ? { sort: { number: String(record.number).padStart(4, '0') } } : {}),
  };
}

/**
 * Each plan's index: its records (paths under the plan's folder, since they are relative to the site root) and
 * its key, from exactly those records and `code` (the indexing code and Pagefind's version). Nothing of another
 * plan enters a plan's key, so a change to one plan leaves the others' indexes as they were.
 */
export function planIndexes(entries: readonly Pick<ArchiveEntry, 'id' | 'year' | 'yearTo' | 'plan'>[], code: string): PlanIndex[] {
  return entries.map((entry) => {
    const records = planToSearchRecords(entry.plan).map((r) => recordToCustom({ ...r, path: `${entry.id}/${r.path}` }, entry));
    return { id: entry.id, key: contentKey([['code', code], ['plan', entry.id], ['records', JSON.stringify(records)]]), records };
  });
}

/**
 * A plan's records file, made from the very records its index holds (so the two searches find the same pages,
 * the text put back together as the browser does with Pagefind's), or undefined when it would be over
 * RECORDS_MAX_BYTES.
 */
export function planRecordsFile(plan: PlanIndex): string | undefined {
  const records = plan.records.map((r): PlanRecord => {
    const { meta } = r;
    const offices = r.filters[FILTERS.office];
    return {
      path: meta.path!,
      kind: meta.kind!,
      ...(meta.number !== undefined ? { number: Number(meta.number) } : {}),
      title: meta.title ?? '',
      ...(meta.section !== undefined ? { section: meta.section } : {}),
      ...(meta.summary !== undefined ? { summary: meta.summary } : {}),
      year: Number(meta.year),
      years: meta.years!,
      text: r.content.replace(/[\s\u200B]+/gu, ''),
      ...(offices ? { offices } : {}),
    };
  });
  const json = JSON.stringify(records);
  return Buffer.byteLength(json) <= RECORDS_MAX_BYTES ? json : undefined;
}
