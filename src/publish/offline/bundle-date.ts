/**
 * The date an offline zip's entries carry. A fixed date keeps the zip reproducible (the clock would change its bytes
 * on every build); it is the date of what the zip holds, so that an unzipped folder lists its files under its own
 * plan's date rather than under any one plan's.
 */
import type { ArchiveEntry } from '../../config/archive-entry.ts';
import type { Plan } from '../../plan/schema.ts';

/** What a plan's date is read from: the dated parts of an archive entry. */
export type DatedEntry = Pick<ArchiveEntry, 'source' | 'year'> & { plan: Pick<Plan, 'notice' | 'signature'> };

/**
 * A plan's date, YYYY-MM-DD: the 成文日期 of its covering notice, else the date signed below the plan itself, else
 * the publication date its plan.json gives, else 1 January of the year it is for (every plan has one).
 * @example planDate({ plan: { notice: { isoDate: '2021-02-26', … } }, source: {}, year: 2021 }) // '2021-02-26'
 */
export function planDate(entry: DatedEntry): string {
  return entry.plan.notice?.isoDate ?? entry.plan.signature?.isoDate ?? entry.source.publishedAt ?? `${String(entry.year).padStart(4, '0')}-01-01`;
}

/** The date of a zip of several plans: the newest of their dates (ISO dates compare as text). */
export function newestPlanDate(entries: readonly DatedEntry[]): string {
  if (entries.length === 0) throw new Error('newestPlanDate: no plans to date the zip by.');
  return entries.map(planDate).reduce((a, b) => (b > a ? b : a));
}

/**
 * The zip format's first and last dates. A zip entry's date is an MS-DOS date: years 1980 to 2107, and fflate
 * (which writes our zips) refuses any after 2099.
 */
const FIRST = '1980-01-01';
const LAST = '2099-12-31';

/**
 * An ISO date as the Date to give fflate for a zip entry: midnight of that day in the machine's local time, kept
 * within the zip format's years. A zip entry's date has no time zone: fflate writes the Date's local fields
 * (getFullYear, getDate, getHours …), so a local midnight is written as that day, 00:00, on a machine in any time
 * zone — a UTC midnight would be written as the day before on a machine west of Greenwich.
 * @example zipEntryDate('1975-06-01').getFullYear() // 1980
 */
export function zipEntryDate(iso: string): Date {
  const clamped = iso < FIRST ? FIRST : iso > LAST ? LAST : iso;
  const [year, month, day] = clamped.split('-').map(Number) as [number, number, number];
  return new Date(year, month - 1, day);
}
