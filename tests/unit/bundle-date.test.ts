import { zipSync } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import { newestPlanDate, planDate, zipEntryDate, type DatedEntry } from '../../src/publish/offline/bundle-date.ts';

// Invented plans: only the parts a date is read from.
const notice = { signatories: ['某某厅'], date: '2021年2月26日', isoDate: '2021-02-26', body: ['正文。'] };
const signature = { signatories: ['某某局'], date: '2022年3月10日', isoDate: '2022-03-10' };
const entry = (parts: { notice?: typeof notice; signature?: typeof signature; publishedAt?: string; year?: number }): DatedEntry => ({
  plan: { notice: parts.notice, signature: parts.signature },
  source: parts.publishedAt ? { publishedAt: parts.publishedAt } : {},
  year: parts.year ?? 2023,
});

/** The MS-DOS date and time of a zip's first entry, read from its local header (offsets 10 and 12). */
function zipHeaderDate(mtime: Date): { year: number; month: number; day: number; hours: number; minutes: number } {
  const zip = zipSync({ 'a.txt': [new TextEncoder().encode('a'), { mtime }] });
  const view = new DataView(zip.buffer, zip.byteOffset);
  const time = view.getUint16(10, true);
  const date = view.getUint16(12, true);
  return { year: 1980 + (date >> 9), month: (date >> 5) & 15, day: date & 31, hours: time >> 11, minutes: (time >> 5) & 63 };
}

describe('the date of a plan’s offline zip', () => {
  it('is the 成文日期 of the plan’s covering notice', () => {
    expect(planDate(entry({ notice, signature, publishedAt: '2021-03-01' }))).toBe('2021-02-26');
  });
  it('is the date signed below the plan when it has no notice', () => {
    expect(planDate(entry({ signature, publishedAt: '2022-04-01' }))).toBe('2022-03-10');
  });
  it('is the publication date of its plan.json when the document has no date', () => {
    expect(planDate(entry({ publishedAt: '2023-05-06' }))).toBe('2023-05-06');
  });
  it('is 1 January of the plan’s year when nothing gives a day', () => {
    expect(planDate(entry({ year: 2019 }))).toBe('2019-01-01');
  });
  it('differs between two plans of different dates', () => {
    expect(planDate(entry({ notice }))).not.toBe(planDate(entry({ signature })));
  });
});

describe('the date of a zip of several plans', () => {
  it('is the newest plan’s date, whatever the order', () => {
    const plans = [entry({ notice }), entry({ signature }), entry({ year: 2019 })];
    expect(newestPlanDate(plans)).toBe('2022-03-10');
    expect(newestPlanDate([...plans].reverse())).toBe('2022-03-10');
  });
  it('refuses an empty list instead of inventing a date', () => {
    expect(() => newestPlanDate([])).toThrow(/no plans/u);
  });
});

describe('a zip entry’s date', () => {
  const saved = process.env.TZ;
  afterEach(() => {
    if (saved === undefined) delete process.env.TZ;
    else process.env.TZ = saved;
  });

  it('is written as that day at 00:00 on a machine in any time zone', () => {
    // Node reads TZ again when it is assigned, so each zone is really in effect for the zip written under it.
    for (const zone of ['UTC', 'America/Los_Angeles', 'Asia/Shanghai', 'Pacific/Kiritimati']) {
      process.env.TZ = zone;
      expect(zipHeaderDate(zipEntryDate('2021-02-26')), zone).toEqual({ year: 2021, month: 2, day: 26, hours: 0, minutes: 0 });
    }
  });
  it('is kept within the years a zip can hold: 1980 to 2099', () => {
    expect(zipHeaderDate(zipEntryDate('1975-06-01'))).toMatchObject({ year: 1980, month: 1, day: 1 });
    expect(zipHeaderDate(zipEntryDate('2150-06-01'))).toMatchObject({ year: 2099, month: 12, day: 31 });
    expect(zipHeaderDate(zipEntryDate('1980-01-01'))).toMatchObject({ year: 1980, month: 1, day: 1 });
  });
});
