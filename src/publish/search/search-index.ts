/**
 * The search index, written by Pagefind's Node API as a checked step: every record it is given must be
 * accepted, no error may be reported, and the index must hold exactly the expected number of pages.
 *
 * Records are custom, one per item, office and section, with the text stored one character per token
 * (see src/search/match.ts): Pagefind's own Chinese segmentation and the browser's disagree on word
 * boundaries, which loses hits; single-character tokens cannot.
 */
import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import * as pagefind from 'pagefind';
import type { ArchiveEntry } from '../../config/archive-entry.ts';
import { toIndexContent } from '../../search/match.ts';
import { FILTERS } from '../../search/filters.ts';
import { planToSearchRecords, type SearchRecord } from '../../search/records.ts';
import { StepError } from '../pipeline/cli.ts';
import { yearSpan } from '../../config/plan-config.ts';

/** Where the index goes in the built site. */
export const INDEX_FOLDER = 'pagefind';

/** Files Pagefind writes that the site does not use. */
const UNUSED_FILES = [
  'pagefind-ui.js',
  'pagefind-ui.css',
  'pagefind-modular-ui.js',
  'pagefind-modular-ui.css',
  'pagefind-component-ui.js',
  'pagefind-component-ui.css',
  'pagefind-highlight.js',
];

const KIND_LABEL = { item: '工作事项', office: '处室', section: '部分' } as const;

function recordToCustom(record: SearchRecord, entry: Pick<ArchiveEntry, 'id' | 'year' | 'yearTo'>) {
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

/** Builds `<outDir>/pagefind/` for every plan (one index, filtered by plan); returns the number of records indexed. */
export async function writeSearchIndex(entries: readonly ArchiveEntry[], outDir: string): Promise<number> {
  // Paths are relative to the site root, so each plan's records are under its folder.
  const records = entries.flatMap((e) => planToSearchRecords(e.plan).map((r) => ({ entry: e, record: { ...r, path: `${e.id}/${r.path}` } })));
  for (const { record: r } of records) {
    if (!existsSync(join(outDir, r.path, 'index.html'))) throw new StepError(`search index: ${r.path} is not a page of the built site.`);
  }
  const { index, errors } = await pagefind.createIndex({ forceLanguage: 'zh-cn', keepIndexUrl: false });
  try {
    if (!index || errors.length > 0) throw new StepError(`search index: Pagefind could not start: ${errors.join('; ')}`);
    // Every record sent at once: Pagefind indexes them in its own process, so the build's other steps, which
    // share this thread, cannot hold it up between one record and the next (at 100 plans, one at a time took
    // minutes while the offline bundles ran).
    const added = await Promise.all(records.map(({ entry, record }) => index.addCustomRecord(recordToCustom(record, entry))));
    added.forEach((a, i) => {
      if (a.errors.length > 0) throw new StepError(`search index: ${records[i]!.record.path}: ${a.errors.join('; ')}`);
    });
    const written = await index.writeFiles({ outputPath: join(outDir, INDEX_FOLDER) });
    if (written.errors.length > 0) throw new StepError(`search index: ${written.errors.join('; ')}`);
    // Pagefind also writes its ready-made UIs; the site has its own, so they would only be dead weight.
    for (const unused of UNUSED_FILES) await rm(join(outDir, INDEX_FOLDER, unused), { force: true });
    const files = await index.getFiles();
    if (files.errors.length > 0) throw new StepError(`search index: ${files.errors.join('; ')}`);
    const fragments = files.files.filter((f) => f.path.startsWith('fragment/')).length;
    if (fragments !== records.length) {
      throw new StepError(`search index: expected ${records.length} pages in the index, Pagefind wrote ${fragments} fragments.`);
    }
    return records.length;
  } finally {
    await pagefind.close();
  }
}
