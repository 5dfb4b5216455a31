/**
 * Plans read from their folders → the archive's entries (pure): who replaced whom, which plan is current, each
 * plan's status and download names. Nothing here knows any particular plan.
 */
import type { ArchiveEntry } from '../config/archive-entry.ts';
import type { ResolvedPlanConfig } from '../config/plan-config.ts';
import type { Plan } from '../plan/schema.ts';
import type { PlacedNote } from './notes.ts';

/** What the archive needs of one plan read from its folder. */
export interface ArchiveInput {
  config: ResolvedPlanConfig;
  plan: Plan;
  notes: PlacedNote[];
}

/**
 * The stem for download names: the source file's name in ASCII, else `plan-<id>`.
 * @example downloadStemOf('hunan-education-2020-work-plan.txt', '2020') // 'hunan-education-2020-work-plan'
 * @example downloadStemOf('工作要点.txt', '2021') // 'plan-2021'
 */
export function downloadStemOf(sourceFile: string, id: string): string {
  const stem = sourceFile.replace(/\.[^.]*$/u, '').toLowerCase().replace(/[^a-z0-9]+/gu, '-').replace(/^-|-$/gu, '');
  return /[a-z]/u.test(stem) ? stem : `plan-${id}`;
}

/**
 * The archive's entries, newest first. A plan named in another's `supersedes`, or an older edition of the same
 * series, is replaced by the newer one and is 已被替代 (or 已失效 if its config says so); the others keep their
 * configured status, default 现行有效.
 * @example toArchiveEntries([a2020, a2021]).map((e) => [e.id, e.status]) // [['2021', '现行有效'], ['2020', '已被替代']]
 */
export function toArchiveEntries(inputs: readonly ArchiveInput[]): ArchiveEntry[] {
  const newestFirst = [...inputs].sort((a, b) => b.config.year - a.config.year || b.config.id.localeCompare(a.config.id));
  const replacedBy = new Map<string, string>();
  for (const p of newestFirst) if (p.config.supersedes) replacedBy.set(p.config.supersedes, p.config.id);
  // An edition of a series is replaced by the next newer edition of that series, unless a config says otherwise.
  newestFirst.forEach((p, i) => {
    const newer = newestFirst.slice(0, i).reverse().find((q) => q.config.series === p.config.series && q.config.year > p.config.year);
    if (newer && !replacedBy.has(p.config.id)) replacedBy.set(p.config.id, newer.config.id);
  });
  return newestFirst.map((p, i) => {
    const by = replacedBy.get(p.config.id);
    const olderInSeries = newestFirst.slice(i + 1).find((q) => q.config.series === p.config.series);
    const supersedes = p.config.supersedes ?? olderInSeries?.config.id;
    return {
      id: p.config.id,
      year: p.config.year,
      ...(p.config.yearTo !== undefined && { yearTo: p.config.yearTo }),
      series: p.config.series,
      // A newer plan in the archive outranks a config written before it existed; 已失效 is the stronger statement.
      status: by ? (p.config.status === '已失效' ? '已失效' : '已被替代') : (p.config.status ?? '现行有效'),
      ...(supersedes ? { supersedes } : {}),
      ...(by ? { supersededBy: by } : {}),
      current: i === 0,
      sourceFile: p.config.sourceFile,
      source: p.config.source,
      downloadStem: downloadStemOf(p.config.sourceFile, p.config.id),
      officeAliases: p.config.officeAliases,
      plan: p.plan,
      notes: p.notes,
    };
  });
}
